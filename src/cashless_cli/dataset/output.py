"""Writing outputs so that a reader never sees half a file: a temporary file in the same folder,
flushed to disk, then renamed over the target (``os.replace`` is atomic on one file system)."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from pathlib import Path

#: The time stamped on every member of the zip archives we write (xlsx), so that the same
#: content gives the same bytes. 1980-01-01 is the earliest time a zip entry can carry.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def atomic_write_bytes(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; ``private`` files (personal data) get mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o600 if private else _mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: Path) -> int:
    """Keep the target's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


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
