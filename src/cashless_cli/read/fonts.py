"""Which cells of an xlsx/xlsm are formatted with a legacy Vietnamese font.

Before Unicode, Vietnamese was typed with TCVN3 fonts (names starting ``.Vn``: ``.VnTime``,
``.VnTimeH``, ``.VnArial``) or VNI fonts (``VNI-Times``...), which draw Vietnamese letters for
Latin-1 bytes. The font of a cell therefore tells how to convert its text. This module reads
``xl/styles.xml`` (fonts, then the ``cellXfs`` that use them) and, only when some style uses a
legacy font, the sheet's XML, streamed and matched with a regex on the ``<c>`` start tags.

For .xls and .ods it returns nothing: the caller falls back to a character heuristic. Run
:func:`cashless_cli.read.guards.inspect_data` on the same bytes first; untrusted XML is parsed
with defusedxml.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO, Any, Literal

import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped]

from cashless_cli.read.a1 import column_index
from cashless_cli.read.parts import WORKBOOK, WORKBOOK_RELS, sheet_parts

LegacyEncoding = Literal["tcvn3", "vni"]

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CHUNK = 1024 * 1024
_TAIL = 1024
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\s([^>]*)>")
_ATTR_R = re.compile(rb"(?:^|\s)r=[\"']([A-Z]+)([0-9]+)[\"']")
_ATTR_S = re.compile(rb"(?:^|\s)s=[\"']([0-9]+)[\"']")


def font_encoding(font_name: str) -> LegacyEncoding | None:
    """The legacy encoding a font name implies, or None for a Unicode font."""
    name = font_name.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni-"):
        return "vni"
    return None


Source = Path | bytes


def _zip_source(source: Source) -> Path | IO[bytes]:
    """A workbook given by its path, or by the bytes the guards checked (read once)."""
    return io.BytesIO(source) if isinstance(source, bytes) else source


def workbook_has_legacy_fonts(source: Source) -> set[str]:
    """The legacy encodings ("tcvn3", "vni") used by any cell style of the workbook."""
    try:
        with zipfile.ZipFile(_zip_source(source)) as zf:
            return set(_legacy_styles(zf).values())
    except (zipfile.BadZipFile, OSError):
        return set()


def legacy_font_cells(source: Source, sheet_name: str) -> dict[tuple[int, int], str]:
    """Map (row, column), 0-based, of the cells of ``sheet_name`` in a legacy font to its encoding.

    ``source``: the workbook's path or bytes. Returns {} for .xls/.ods, for an unknown sheet, and
    (without reading the sheet) when no style of the workbook uses a legacy font.
    """
    try:
        with zipfile.ZipFile(_zip_source(source)) as zf:
            legacy = _legacy_styles(zf)
            if not legacy:
                return {}
            member = sheet_member(zf, sheet_name)
            if member is None:
                return {}
            return _scan_sheet(zf, member, legacy)
    except (zipfile.BadZipFile, OSError):
        return {}


def _read_xml(zf: zipfile.ZipFile, member: str) -> Any:
    try:
        data = zf.read(member)
    except KeyError:
        return None
    return SafeET.fromstring(data)


def _legacy_styles(zf: zipfile.ZipFile) -> dict[int, LegacyEncoding]:
    """Index in cellXfs → encoding, for the cell styles whose font is a legacy one."""
    root = _read_xml(zf, "xl/styles.xml")
    if root is None:
        return {}
    fonts_el = root.find(f"{_NS_MAIN}fonts")
    xfs_el = root.find(f"{_NS_MAIN}cellXfs")
    if fonts_el is None or xfs_el is None:
        return {}
    font_kinds: list[LegacyEncoding | None] = []
    for font in fonts_el.findall(f"{_NS_MAIN}font"):
        name = font.find(f"{_NS_MAIN}name")
        font_kinds.append(font_encoding(name.get("val", "")) if name is not None else None)
    legacy: dict[int, LegacyEncoding] = {}
    for index, xf in enumerate(xfs_el.findall(f"{_NS_MAIN}xf")):
        try:
            font_id = int(xf.get("fontId", "0"))
        except ValueError:
            continue
        kind = font_kinds[font_id] if 0 <= font_id < len(font_kinds) else None
        if kind is not None:
            legacy[index] = kind
    return legacy


def sheet_member(zf: zipfile.ZipFile, sheet_name: str) -> str | None:
    names = set(zf.namelist())
    book, rels = (zf.read(part) if part in names else b"" for part in (WORKBOOK, WORKBOOK_RELS))
    return sheet_parts(book, rels).get(sheet_name)


def _scan_sheet(
    zf: zipfile.ZipFile, member: str, legacy: dict[int, LegacyEncoding]
) -> dict[tuple[int, int], str]:
    """Stream the sheet XML; keep the cells whose style index is a legacy one."""
    default = legacy.get(0)  # a cell without s="" uses style 0 (often .VnTime in old files)
    if default is None:
        # Only cell tags that carry one of the legacy style indexes can match.
        ids = b"|".join(str(i).encode() for i in sorted(legacy))
        cell_tag = re.compile(rb"<(?:\w+:)?c\s([^>]*?\ss=[\"'](?:" + ids + rb")[\"'][^>]*)>")
    else:
        cell_tag = _CELL_TAG
    found: dict[tuple[int, int], str] = {}
    tail = b""
    try:
        stream = zf.open(member)
    except KeyError:
        return {}
    with stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            window = tail + chunk
            for m in cell_tag.finditer(window):
                attrs = b" " + m.group(1)
                ref = _ATTR_R.search(attrs)
                if ref is None:
                    continue
                style = _ATTR_S.search(attrs)
                kind = legacy.get(int(style.group(1))) if style is not None else default
                if kind is not None:
                    key = (int(ref.group(2)) - 1, column_index(ref.group(1)))
                    found[key] = kind
            tail = window[-_TAIL:]
    return found
