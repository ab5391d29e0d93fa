"""OLE2 compound files: an Excel 97-2003 workbook (BIFF), or an encrypted OOXML package, or
another Office document; and the extent of an .xls sheet, before the reader sizes its grid."""

from __future__ import annotations

import struct
from typing import BinaryIO

import msoffcrypto
import olefile

from cashless_cli.problems import ReadError
from cashless_cli.read.a1 import column_letter
from cashless_cli.read.guards.base import FileKind, Limits, damaged, not_workbook

_OFFICE_KINDS = {"Doc97File": "kind-word", "Ppt97File": "kind-powerpoint"}


def inspect_ole(f: BinaryIO, where: str, limits: Limits) -> FileKind:
    """ "xls", or the refusal of another OLE2 file (encrypted, not a workbook, damaged)."""
    try:
        f.seek(0)
        office = msoffcrypto.OfficeFile(f)
    except msoffcrypto.exceptions.FileFormatError as exc:
        raise not_workbook(where, "kind-office-other") from exc
    except Exception as exc:  # olefile's errors for a cut or corrupt compound file
        raise damaged(where, "damage-ole2") from exc
    kind = type(office).__name__
    if kind == "OOXMLFile":  # the OLE2 wrapper of a password-protected xlsx/xlsm/docx
        raise ReadError("file-encrypted", where)
    if kind != "Xls97File":
        raise not_workbook(where, _OFFICE_KINDS.get(kind, "kind-office-other"))
    try:
        encrypted = bool(office.is_encrypted())
    except Exception:  # BIFF5 or an odd first record: let the reader decide
        encrypted = False
    if encrypted:
        raise ReadError("file-encrypted", where)
    _check_biff_extent(f, where, limits)
    return "xls"


# BIFF record types that carry a cell position (row u16, column u16 first).
_BIFF_CELLS = {0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6}
_BIFF_MULTI = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column
_BIFF_DIMENSIONS = 0x0200


def _workbook_stream(f: BinaryIO, where: str) -> bytes:
    try:
        f.seek(0)
        with olefile.OleFileIO(f) as ole:
            name = "Workbook" if ole.exists("Workbook") else "Book"
            if not ole.exists(name):
                raise not_workbook(where, "kind-office-other")
            return bytes(ole.openstream(name).read())
    except ReadError:
        raise
    except Exception as exc:  # olefile's errors for a cut or corrupt compound file
        raise damaged(where, "damage-ole2") from exc


def _check_biff_extent(f: BinaryIO, where: str, limits: Limits) -> None:
    """Refuse an .xls whose sheet extent would make the reader allocate an absurd grid.

    python-calamine sizes a sheet from its DIMENSIONS record and its cell positions; one
    damaged byte there (first row after last row) aborts the whole process. We walk the
    Workbook stream's records once (BIFF8: [type u16][length u16][data]) and check both.
    """
    data = _workbook_stream(f, where)
    pos, end = 0, len(data)
    max_row = max_col = 0
    unpack = struct.unpack_from
    while pos + 4 <= end:
        rtype, length = unpack("<HH", data, pos)
        body = pos + 4
        if rtype == _BIFF_DIMENSIONS and length in (10, 14):
            if length == 14:
                first_row, last_row, first_col, last_col = unpack("<IIHH", data, body)
            else:
                first_row, last_row, first_col, last_col = unpack("<HHHH", data, body)
            if first_row > last_row or first_col > last_col:
                raise damaged(where, "damage-sheet-dimensions")
            max_row, max_col = max(max_row, last_row), max(max_col, last_col)
        elif rtype in _BIFF_CELLS and length >= 4:
            row, col = unpack("<HH", data, body)
            max_row, max_col = max(max_row, row + 1), max(max_col, col + 1)
        elif rtype in _BIFF_MULTI and length >= 6:
            row, _first = unpack("<HH", data, body)
            (last,) = unpack("<H", data, body + length - 2)
            max_row, max_col = max(max_row, row + 1), max(max_col, last + 1)
        pos = body + length
    if max_row > limits.max_rows or max_col > limits.max_columns:
        raise ReadError(
            "sheet-too-large",
            where,
            sheet="?",
            rows=f"{max_row:,}",
            columns=f"{max_col:,}",
            last_cell=f"{column_letter(max(max_col, 1) - 1)}{max(max_row, 1)}",
        )
