"""The same content gives the same bytes: zip archives (xlsx) with fixed member times."""

from __future__ import annotations

import io
import zipfile

#: The time stamped on every member of the zip archives we write (xlsx), so that the same
#: content gives the same bytes. 1980-01-01 is the earliest time a zip entry can carry.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def stable_zip(data: bytes, overrides: dict[str, bytes] | None = None) -> bytes:
    """The same zip archive with fixed member times (openpyxl stamps the clock on each member),
    and the members named in ``overrides`` replaced."""
    overrides = overrides or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = overrides.get(info.filename)
            dst.writestr(fixed, body if body is not None else src.read(info.filename))
    return out.getvalue()
