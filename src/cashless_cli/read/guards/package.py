"""Zip workbooks (xlsx, xlsm, ods): what the package is, what it would cost to open, and one
pass over each XML part through the scanners (:mod:`.xmlscan`, :mod:`.ods`)."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO, Protocol

from cashless_cli.problems import ReadError
from cashless_cli.read.guards.base import (
    FileKind,
    Inspection,
    Limits,
    MiB,
    damaged,
    not_workbook,
    too_large,
)
from cashless_cli.read.guards.ods import OdsScanner
from cashless_cli.read.guards.xmlscan import (
    XML_ERRORS,
    RefScanner,
    Scanner,
    SheetScanner,
    TooBig,
    Unsafe,
    WellFormed,
    not_well_formed,
)
from cashless_cli.read.guards.zipread import Budget, ahead, read_member, stream_member
from cashless_cli.read.parts import WORKBOOK, WORKBOOK_RELS, sheet_of, sheet_parts

_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: Parts kept whole (up to this size) for mapping sheet names to worksheet parts afterwards.
_BOOK_PARTS = {WORKBOOK: 16 * MiB, WORKBOOK_RELS: 4 * MiB}
#: Parts larger than this (uncompressed) are inflated a chunk ahead in a thread.
_AHEAD_FROM = 4 * MiB
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    ValueError,
    NotImplementedError,  # "zip file version 8.8": a damaged header field
    struct.error,
)


class _Feeder(Protocol):
    def feed(self, chunk: bytes) -> None: ...

    def close(self) -> None: ...


def _open(f: BinaryIO, where: str) -> list[zipfile.ZipInfo]:
    try:
        f.seek(0)
        return zipfile.ZipFile(f).infolist()
    except _ZIP_ERRORS as exc:
        raise damaged(where, "damage-zip") from exc


def _scan_part(
    f: BinaryIO, info: zipfile.ZipInfo, where: str, budget: Budget, feeders: Sequence[_Feeder]
) -> None:
    """Stream one part once through ``feeders``; their findings become refusals. A large part
    is inflated a chunk ahead in a thread (zlib lets go of the interpreter while it inflates),
    so that inflating and scanning share the two cores."""
    chunks = stream_member(f, info, where, budget)
    if info.file_size > _AHEAD_FROM:
        chunks = ahead(chunks)
    try:
        for chunk in chunks:
            for feeder in feeders:
                feeder.feed(chunk)
        for feeder in feeders:
            feeder.close()
    except XML_ERRORS as exc:
        raise not_well_formed(where, info.filename, exc) from exc
    except Unsafe as exc:
        raise ReadError("xml-unsafe", where) from exc


def inspect_zip(
    f: BinaryIO, where: str, suffix: str, limits: Limits, well_formed: bool
) -> Inspection:
    """The kind of a zip workbook, or its refusal; ``well_formed``: also check the XML of the
    parts that hold cell values (else :func:`check_well_formed` may do it beside the reader)."""
    infos = _open(f, where)
    names = {info.filename for info in infos}
    kind = _kind(f, infos, where, suffix)
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_uncompressed_bytes:
        raise too_large(where, declared, limits)
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReadError("file-encrypted", where)

    book_parts = {
        part: _book_part(read_member(f, _info(infos, part), where, cap + 1), cap)
        if part in names
        else b""
        for part, cap in _BOOK_PARTS.items()
        if kind != "ods"
    }
    budget = Budget(limits, where)
    parts = sheet_parts(*book_parts.values()) if kind != "ods" else {}
    sheets = _sheet_members(names, parts) if kind != "ods" else set()
    refs = RefScanner(limits)
    formulas: dict[str, frozenset[tuple[int, int]]] = {}
    for info in infos:
        name = info.filename
        if info.is_dir() or not (
            name in sheets or name.lower().endswith((".xml", ".rels", ".vml"))
        ):
            continue
        sheet_scanner: SheetScanner | None = None
        if name in sheets:
            sheet_scanner = SheetScanner(refs, name)
            scanner: Scanner = sheet_scanner
        elif kind == "ods" and name == "content.xml":
            scanner = OdsScanner(limits)
        else:
            scanner = Scanner()
        feeders: list[_Feeder] = [scanner]
        if well_formed and _cells_part(name, sheets):
            feeders.append(WellFormed())
        try:
            _scan_part(f, info, where, budget, feeders)
        except TooBig as exc:
            raise ReadError(
                "sheet-too-large",
                where,
                sheet=exc.sheet or sheet_of(parts, name),
                rows=f"{exc.rows:,}",
                columns=f"{exc.columns:,}",
                last_cell=exc.last_cell,
            ) from exc
        if sheet_scanner is not None:
            formulas[name] = frozenset(sheet_scanner.formulas.cells)
    cell_parts = frozenset(n for n in names if _cells_part(n, sheets))
    return Inspection(
        kind,
        formulas,
        book_parts.get(WORKBOOK, b""),
        book_parts.get(WORKBOOK_RELS, b""),
        cell_parts,
    )


def check_well_formed(f: BinaryIO, where: str, cell_parts: Iterable[str], limits: Limits) -> None:
    """Raise :class:`ReadError` if one of ``cell_parts`` is not well-formed XML. For an archive
    :func:`inspect_zip` has passed (with ``well_formed=False``): the same bytes, the same
    bounded streams, possibly in a thread beside the reader (python-calamine releases the GIL
    while it loads a sheet, so the two overlap)."""
    wanted = set(cell_parts)
    budget = Budget(limits, where)
    for info in _open(f, where):
        if info.filename in wanted and not info.is_dir():
            _scan_part(f, info, where, budget, [WellFormed()])


def _info(infos: list[zipfile.ZipInfo], name: str) -> zipfile.ZipInfo:
    return next(info for info in reversed(infos) if info.filename == name)


def _kind(f: BinaryIO, infos: list[zipfile.ZipInfo], where: str, suffix: str) -> FileKind:
    names = {info.filename for info in infos}
    if "mimetype" in names and "content.xml" in names:
        mimetype = read_member(f, _info(infos, "mimetype"), where, 1024).strip()
        if mimetype != _ODS_MIMETYPE:
            raise not_workbook(where, "kind-odf-other")
        return "ods"
    if WORKBOOK not in names:
        raise not_workbook(where, _zip_kind(names))
    if suffix.lower() in (".xlsm", ".xltm"):
        return "xlsm"
    if "[Content_Types].xml" in names:
        types = read_member(f, _info(infos, "[Content_Types].xml"), where, 4 * MiB)
        if b"macroenabled" in types.lower():
            return "xlsm"
    return "xlsx"


def _zip_kind(names: set[str]) -> str:
    """The catalogue phrase of what a zip archive without a workbook is."""
    if "word/document.xml" in names:
        return "kind-docx"
    if "ppt/presentation.xml" in names:
        return "kind-pptx"
    if "xl/workbook.bin" in names:
        return "kind-xlsb"
    if "mimetype" in names:
        return "kind-odf-other"
    return "kind-zip-other"


def _book_part(data: bytes, cap: int) -> bytes:
    """A workbook part as read, or b"" if larger than ``cap`` (then no sheet name mapping)."""
    return data if len(data) <= cap else b""


def _cells_part(name: str, sheets: set[str]) -> bool:
    """The parts that hold cell values: worksheets, shared strings, an ods content.xml."""
    return name in sheets or name in ("xl/sharedStrings.xml", "content.xml")


def _sheet_members(names: set[str], parts: dict[str, str]) -> set[str]:
    """The members that hold worksheets: every ``xl/worksheets/*.xml``, and whatever part the
    workbook's relationships name for a sheet (python-calamine follows them: a sheet stored at
    ``xl/data/sheet1.xml``, or without the .xml ending, is read all the same, so it is guarded
    all the same)."""
    found = {n for n in names if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)}
    return found | (set(parts.values()) & names)
