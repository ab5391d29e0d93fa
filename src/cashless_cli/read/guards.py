"""Look at a roster file before python-calamine does, and refuse the ones that would hurt.

python-calamine 0.9.1 aborts the whole process on a sheet with one stray cell at XFD1048576, and
inflates a decompression bomb fully into memory. :func:`inspect_file` therefore:

* sniffs the file by its bytes (not its name): zip (xlsx, xlsm, ods), OLE2 (xls, or an encrypted
  package), HTML, SpreadsheetML 2003 XML and CSV text exported under an Excel name;
* for zip workbooks, decompresses every XML part itself, in bounded chunks, from the raw deflate
  stream (declared sizes are not trusted), counting bytes against a total budget and a compression
  ratio, and in the same single pass looks for DOCTYPE/ENTITY declarations and for cell or row
  references beyond the row/column limits (a literal-prefixed regex that only matches rare cases,
  so that there is no per-cell Python loop);
* in that same pass, notes the formula cells of each worksheet saved without a value
  (:class:`~cashless_cli.read.formulas.FormulaScanner`), so that nobody decompresses a sheet
  again for them (:func:`inspect_workbook` returns them with the kind);
* for ods, follows ``table:number-rows-repeated`` / ``number-columns-repeated`` and refuses only
  repeats that carry content (LibreOffice writes huge empty repeats at the end of every sheet).

The input is opened read-only and never modified. Every refusal is a :class:`ReadError` whose code
is in :mod:`cashless_cli.problems`.
"""

from __future__ import annotations

import html
import itertools
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal, NoReturn
from xml.parsers import expat

import msoffcrypto
import olefile

from cashless_cli.problems import ReadError
from cashless_cli.read.formulas import FormulaScanner
from cashless_cli.read.parts import WORKBOOK, WORKBOOK_RELS, sheet_of, sheet_parts

FileKind = Literal["xlsx", "xlsm", "xls", "ods"]

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What a roster may cost to open. The defaults leave a wide margin over real rosters."""

    #: Sum of the uncompressed sizes of the archive's parts (declared, and measured for XML).
    max_uncompressed_bytes: int = 512 * MiB
    #: A part that inflates more than this many times its compressed size is a bomb...
    max_compression_ratio: float = 200.0
    #: ... once it has produced at least this many bytes (small parts compress very well).
    ratio_min_bytes: int = 32 * MiB
    #: Last row number a sheet may use (7-digit rows are refused by default).
    max_rows: int = 999_999
    #: Last column number a sheet may use (702 = ZZ).
    max_columns: int = 702
    #: Also refuse a sheet whose ``<dimension ref>`` goes beyond the limits. Off by default:
    #: python-calamine 0.9.1 ignores the element (measured), and Excel writes A1:XFD1048576
    #: when mere formatting reaches that far, so it would refuse files that read fine.
    check_dimension: bool = False


_EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".xltx", ".xltm", ".xlt", ".ods", ".ots"}
_CHUNK = 1 * MiB  # decompressed bytes handed to the scanners at a time
_RAW_CHUNK = 256 * 1024  # compressed bytes read from the file at a time
_HEAD = 64 * 1024  # bytes sniffed at the start of a file
_TAIL = 256  # bytes of the stream kept in front of the next chunk, so matches may span chunks
_DTD_TAIL = 16  # the same, for the DOCTYPE/ENTITY check of the other parts
#: Parts kept whole (up to this size) for mapping sheet names to worksheet parts afterwards.
_BOOK_PARTS = {WORKBOOK: 16 * MiB, WORKBOOK_RELS: 4 * MiB}

_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_EMPTY = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_SPREADSHEETML_NS = "urn:schemas-microsoft-com:office:spreadsheet"

_KIND_HTML = "an HTML web page"
_KIND_SPREADSHEETML = "Excel 2003 XML (SpreadsheetML)"
_KIND_CSV = "CSV text"
_KIND_XML = "an XML document"
_KIND_TEXT = "plain text"

# Other things people send instead of a workbook (checked after the workbook formats).
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)

_HTML_STARTS = (
    "<!doctype html",
    "<html",
    "<table",
    "<meta",
    "<head",
    "<body",
    "<style",
    "<div",
    "<title",
)


# ---------------------------------------------------------------------------------------------
# Entry point


@dataclass(frozen=True, slots=True)
class Inspection:
    """What :func:`inspect_workbook` found: the kind, and what its pass noted on the way."""

    kind: FileKind
    #: xlsx/xlsm: worksheet part (``xl/worksheets/sheet1.xml``) → 0-based (row, col) of its
    #: formula cells saved without a cached value. Every worksheet part has an entry.
    formulas_without_value: Mapping[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    #: xlsx/xlsm: the bytes of ``xl/workbook.xml`` and ``xl/_rels/workbook.xml.rels`` as the
    #: pass read them (b"" if absent or too large), to map sheet names to parts.
    workbook_xml: bytes = b""
    workbook_rels: bytes = b""


def inspect_file(path: Path, limits: Limits = Limits(), *, well_formed: bool = True) -> FileKind:
    """Return the real kind of the workbook at ``path``, or raise :class:`ReadError`.

    ``well_formed=False`` leaves out the XML well-formedness check (:func:`check_well_formed`),
    for a caller that runs it beside the reader: unlike the other checks, it does not protect
    the reader, only the values it returns."""
    return inspect_workbook(path, limits, well_formed=well_formed).kind


def inspect_workbook(
    path: Path, limits: Limits = Limits(), *, well_formed: bool = True
) -> Inspection:
    """:func:`inspect_file`, also returning what its pass noted (see :class:`Inspection`)."""
    where = str(path)
    try:
        if not path.is_file():
            raise ReadError("file-not-found", where)
        size = path.stat().st_size
        if size == 0:
            raise ReadError("file-empty", where)
        with path.open("rb") as f:
            head = f.read(_HEAD)
            if head.startswith(_ZIP_MAGIC):
                return _inspect_zip(f, path, limits, well_formed)
            if head.startswith(_ZIP_EMPTY):
                raise ReadError("file-not-workbook", where, detail="an empty zip archive")
            if head.startswith(_OLE_MAGIC):
                return Inspection(_inspect_ole(f, path, size, limits))
    except OSError as exc:  # unreadable, a directory on some systems, a vanished file
        raise ReadError("file-not-found", where) from exc
    _refuse_non_workbook(head, path)


#: What a streaming XML parse can raise on a damaged part (LookupError: an unknown encoding).
_XML_ERRORS = (expat.ExpatError, LookupError, ValueError)


def _not_well_formed(where: str, name: str, exc: Exception) -> ReadError:
    line = getattr(exc, "lineno", "?")
    return ReadError("file-truncated", where, detail=f"{name} is not well-formed XML (line {line})")


def _cells_part(name: str, sheets: set[str]) -> bool:
    """The parts that hold cell values: worksheets, shared strings, an ods content.xml."""
    return name in sheets or name in ("xl/sharedStrings.xml", "content.xml")


def check_well_formed(path: Path, kind: FileKind) -> None:
    """Raise :class:`ReadError` if a part holding cell values is not well-formed XML.

    python-calamine reads a broken sheet silently, dropping the values it cannot parse
    (measured: ``<v><x>1</v>`` becomes an empty cell). Run after :func:`inspect_file` (which has
    bounded the sizes), possibly in a thread beside the reader: python-calamine releases the
    GIL while it loads a sheet, so the two overlap.
    """
    if kind not in ("xlsx", "xlsm", "ods"):
        return
    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = {info.filename for info in archive.infolist()}
            sheets: set[str] = set()
            if kind != "ods":
                book, rels = (
                    _book_part(archive.read(part), cap) if part in names else b""
                    for part, cap in _BOOK_PARTS.items()
                )
                sheets = _sheet_members(names, sheet_parts(book, rels))
            for name in sorted(n for n in names if _cells_part(n, sheets)):
                parser = expat.ParserCreate()
                try:
                    with archive.open(name) as stream:
                        while chunk := stream.read(1 << 20):
                            parser.Parse(chunk, False)
                    parser.Parse(b"", True)
                except (
                    expat.ExpatError,
                    LookupError,
                    ValueError,
                ) as exc:  # LookupError: unknown encoding
                    raise _not_well_formed(where, name, exc) from exc
    except ReadError:
        raise
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise ReadError("file-truncated", where, detail="broken zip archive") from exc


# ---------------------------------------------------------------------------------------------
# Not a zip nor an OLE2 file: say what it is


def _refuse_non_workbook(head: bytes, path: Path) -> NoReturn:
    where = str(path)
    for magic, what in _BINARY_SIGNATURES:
        if head.startswith(magic):
            raise ReadError("file-not-workbook", where, detail=what)
    text = _decode_text(head)
    if text is None:
        raise ReadError("file-not-workbook", where, detail="unrecognised binary content")
    kind = _text_kind(text)
    suffix = path.suffix.lower()
    if suffix in _EXCEL_SUFFIXES:
        raise ReadError("file-disguised", where, suffix=path.suffix, kind=kind)
    raise ReadError("file-not-workbook", where, detail=kind.removeprefix("an "))


def _decode_text(head: bytes) -> str | None:
    """The start of the file as text, if it is text at all."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    elif b"\x00" in head:
        return None
    else:
        raw = head.removeprefix(b"\xef\xbb\xbf")
        text = ""
        for candidate in ("utf-8", "cp1258", "latin-1"):
            decoded = _decode_prefix(raw, candidate)
            if decoded is not None:
                text = decoded
                break
    if not text:
        return None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f\x1a")
    return None if controls > len(text) // 100 else text


def _decode_prefix(raw: bytes, encoding: str) -> str | None:
    # The head may end in the middle of a multi-byte character: allow a few bytes to be cut.
    for cut in range(4):
        try:
            return raw[: len(raw) - cut].decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _text_kind(text: str) -> str:
    start = text.lstrip("\ufeff \t\r\n").lower()
    probe = start[:4096]
    if start.startswith(_HTML_STARTS):
        return _KIND_HTML
    if start.startswith("<"):
        if _SPREADSHEETML_NS in start:
            return _KIND_SPREADSHEETML
        if "<html" in probe or "<table" in probe:
            return _KIND_HTML
        return _KIND_XML
    lines = [line for line in start.splitlines()[:200] if line.strip()]
    if len(lines) > 1 and len(text) >= _HEAD - 4:
        lines = lines[:-1]  # the last line may be cut by the sniffing window
    for sep in (",", ";", "\t", "|"):
        with_sep = sum(1 for line in lines if sep in line)
        if lines and with_sep >= max(1, (len(lines) * 4 + 4) // 5):
            return _KIND_CSV
    return _KIND_TEXT


# ---------------------------------------------------------------------------------------------
# OLE2 compound files: .xls, or an encrypted OOXML package


def _inspect_ole(f: BinaryIO, path: Path, size: int, limits: Limits) -> FileKind:
    where = str(path)
    if size > limits.max_uncompressed_bytes:
        raise ReadError(
            "file-too-large",
            where,
            size=_human(size),
            limit=_human(limits.max_uncompressed_bytes),
        )
    try:
        f.seek(0)
        office = msoffcrypto.OfficeFile(f)
    except msoffcrypto.exceptions.FileFormatError as exc:
        raise ReadError(
            "file-not-workbook", where, detail="an Office file that is not a workbook"
        ) from exc
    except Exception as exc:  # olefile's errors for a cut or corrupt compound file
        raise ReadError("file-truncated", where, detail="damaged OLE2 compound file") from exc
    kind = type(office).__name__
    if kind == "OOXMLFile":  # the OLE2 wrapper of a password-protected xlsx/xlsm/docx
        raise ReadError("file-encrypted", where)
    if kind != "Xls97File":
        what = {"Doc97File": "a Word document", "Ppt97File": "a PowerPoint presentation"}
        detail = what.get(kind, "an Office file that is not a workbook")
        raise ReadError("file-not-workbook", where, detail=detail)
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


def _check_biff_extent(f: BinaryIO, path: str, limits: Limits) -> None:
    """Refuse an .xls whose sheet extent would make the reader allocate an absurd grid.

    python-calamine sizes a sheet from its DIMENSIONS record and its cell positions; one
    damaged byte there (first row after last row) aborts the whole process. We walk the
    Workbook stream's records once (BIFF8: [type u16][length u16][data]) and check both.
    """
    try:
        f.seek(0)
        with olefile.OleFileIO(f) as ole:
            name = "Workbook" if ole.exists("Workbook") else "Book"
            if not ole.exists(name):
                raise ReadError(
                    "file-not-workbook", path, detail="an Office file that is not a workbook"
                )
            data = ole.openstream(name).read()
    except ReadError:
        raise
    except Exception as exc:  # olefile's errors for a cut or corrupt compound file
        raise ReadError("file-truncated", path, detail="damaged OLE2 compound file") from exc
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
                raise ReadError("file-truncated", path, detail="damaged sheet dimensions")
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
            path,
            sheet="?",
            rows=f"{max_row:,}",
            columns=f"{max_col:,}",
            last_cell=f"{_column_letters(max(max_col, 1))}{max(max_row, 1)}",
        )


# ---------------------------------------------------------------------------------------------
# Zip packages: xlsx, xlsm, ods


def _inspect_zip(f: BinaryIO, path: Path, limits: Limits, well_formed: bool) -> Inspection:
    where = str(path)
    try:
        f.seek(0)
        archive = zipfile.ZipFile(f)
        infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,  # "zip file version 8.8": a damaged header field
        struct.error,
    ) as exc:
        raise ReadError("file-truncated", where, detail="broken zip archive") from exc
    names = {info.filename for info in infos}

    kind: FileKind
    if "mimetype" in names and "content.xml" in names:
        mimetype = _read_member(f, archive.getinfo("mimetype"), where, 1024).strip()
        if mimetype != _ODS_MIMETYPE:
            detail = "an OpenDocument file that is not a spreadsheet"
            raise ReadError("file-not-workbook", where, detail=detail)
        kind = "ods"
    elif "xl/workbook.xml" in names:
        kind = "xlsx"
        if path.suffix.lower() in (".xlsm", ".xltm"):
            kind = "xlsm"
        elif "[Content_Types].xml" in names:
            types = _read_member(f, archive.getinfo("[Content_Types].xml"), where, 4 * MiB)
            if b"macroenabled" in types.lower():
                kind = "xlsm"
    else:
        raise ReadError("file-not-workbook", where, detail=_zip_detail(names))

    declared = sum(info.file_size for info in infos)
    if declared > limits.max_uncompressed_bytes:
        raise ReadError(
            "file-too-large",
            where,
            size=_human(declared),
            limit=_human(limits.max_uncompressed_bytes),
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError("file-encrypted", where)

    book_parts = {
        part: _book_part(_read_member(f, archive.getinfo(part), where, cap + 1), cap)
        if part in names
        else b""
        for part, cap in _BOOK_PARTS.items()
        if kind != "ods"
    }
    budget = _Budget(limits, where)
    parts = sheet_parts(*book_parts.values()) if kind != "ods" else {}
    sheets = _sheet_members(names, parts) if kind != "ods" else set()
    refs = _RefScanner(limits)
    formulas: dict[str, frozenset[tuple[int, int]]] = {}
    for info in infos:
        name = info.filename
        if info.is_dir() or not (
            name in sheets or name.lower().endswith((".xml", ".rels", ".vml"))
        ):
            continue
        sheet_scanner: _SheetScanner | None = None
        if name in sheets:
            sheet_scanner = _SheetScanner(refs, name)
            scanner: _Scanner = sheet_scanner
        elif kind == "ods" and name == "content.xml":
            scanner = _OdsScanner(limits)
        else:
            scanner = _Scanner()
        # The cells' XML must be well-formed: python-calamine reads a broken sheet silently,
        # dropping the values it cannot parse (measured: "<v><x>1</v>" becomes an empty cell).
        checked = well_formed and _cells_part(name, sheets)
        parser = expat.ParserCreate() if checked else None
        try:
            for chunk in _stream_member(f, info, where, budget):
                scanner.feed(chunk)
                if parser is not None:
                    parser.Parse(chunk, False)
            scanner.close()
            if parser is not None:
                parser.Parse(b"", True)
        except _XML_ERRORS as exc:
            raise _not_well_formed(where, name, exc) from exc
        except _Unsafe as exc:
            raise ReadError("xml-unsafe", where) from exc
        except _TooBig as exc:
            sheet = exc.sheet or sheet_of(parts, name)
            raise ReadError(
                "sheet-too-large",
                where,
                sheet=sheet,
                rows=f"{exc.rows:,}",
                columns=f"{exc.columns:,}",
                last_cell=exc.last_cell,
            ) from exc
        if sheet_scanner is not None:
            formulas[name] = frozenset(sheet_scanner.formulas.cells)
    return Inspection(kind, formulas, *book_parts.values())


def _zip_detail(names: set[str]) -> str:
    if "word/document.xml" in names:
        return "a Word document (.docx)"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation (.pptx)"
    if "xl/workbook.bin" in names:
        return "an Excel binary workbook (.xlsb)"
    if "mimetype" in names:
        return "an OpenDocument file that is not a spreadsheet"
    return "a zip archive without a workbook inside"


def _book_part(data: bytes, cap: int) -> bytes:
    """A workbook part as read, or b"" if larger than ``cap`` (then no sheet name mapping)."""
    return data if len(data) <= cap else b""


def _sheet_members(names: set[str], parts: dict[str, str]) -> set[str]:
    """The members that hold worksheets: every ``xl/worksheets/*.xml``, and whatever part the
    workbook's relationships name for a sheet (python-calamine follows them: a sheet stored at
    ``xl/data/sheet1.xml``, or without the .xml ending, is read all the same, so it is guarded
    all the same)."""
    found = {n for n in names if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)}
    return found | (set(parts.values()) & names)


class _Budget:
    """The total number of decompressed bytes allowed, shared by all parts."""

    def __init__(self, limits: Limits, where: str) -> None:
        self.limits = limits
        self.where = where
        self.left = limits.max_uncompressed_bytes

    def spend(self, produced: int, member_total: int, consumed: int) -> None:
        self.left -= produced
        limit = self.limits.max_uncompressed_bytes
        if self.left < 0:
            raise ReadError(
                "file-too-large", self.where, size=f"over {_human(limit)}", limit=_human(limit)
            )
        if (
            member_total >= self.limits.ratio_min_bytes
            and member_total > self.limits.max_compression_ratio * max(consumed, 1)
        ):
            ratio = member_total // max(consumed, 1)
            raise ReadError(
                "file-too-large",
                self.where,
                size=f"over {_human(member_total)} ({ratio}:1 compression)",
                limit=f"{_human(limit)}, {self.limits.max_compression_ratio:g}:1",
            )


def _member_data_offset(f: BinaryIO, info: zipfile.ZipInfo, where: str) -> int:
    f.seek(info.header_offset)
    header = f.read(30)
    if len(header) < 30 or header[:4] != _ZIP_MAGIC:
        raise ReadError("file-truncated", where, detail=f"bad header for {info.filename}")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    return int(info.header_offset + 30 + name_len + extra_len)


def _stream_member(
    f: BinaryIO, info: zipfile.ZipInfo, where: str, budget: _Budget | None, cap: int = 0
) -> Iterator[bytes]:
    """Decompress one member from its raw bytes, in chunks of at most ``_CHUNK`` bytes.

    The deflate stream itself decides how much comes out (the declared size is not trusted);
    every chunk is charged to ``budget``; the CRC and the size are checked at the end. With
    ``cap``, stop quietly after that many bytes (for small parts read whole).
    """
    method = info.compress_type
    if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ReadError(
            "file-truncated", where, detail=f"unsupported compression in {info.filename}"
        )
    f.seek(_member_data_offset(f, info, where))
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if method == zipfile.ZIP_DEFLATED else None
    produced = 0
    consumed = 0
    crc = 0
    try:
        while True:
            if inflater is not None and inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                if left <= 0:
                    break
                data = f.read(min(left, _RAW_CHUNK))
                if not data:
                    raise ReadError("file-truncated", where, detail=f"{info.filename} is cut short")
                left -= len(data)
                consumed += len(data)
            if inflater is not None:
                out = inflater.decompress(data, _CHUNK)
                if inflater.eof and not inflater.unconsumed_tail:
                    left = 0
            else:
                out = data
            if not out:
                continue
            produced += len(out)
            if budget is not None:
                budget.spend(len(out), produced, consumed)
            crc = zlib.crc32(out, crc)
            yield out
            if cap and produced >= cap:
                return
    except zlib.error as exc:
        raise ReadError("file-truncated", where, detail=f"corrupt data in {info.filename}") from exc
    if inflater is not None and not inflater.eof:
        raise ReadError("file-truncated", where, detail=f"{info.filename} is cut short")
    if crc != info.CRC or produced != info.file_size:
        raise ReadError("file-truncated", where, detail=f"bad checksum for {info.filename}")


def _read_member(f: BinaryIO, info: zipfile.ZipInfo, where: str, cap: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    for chunk in _stream_member(f, info, where, None, cap):
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)[:cap]


# ---------------------------------------------------------------------------------------------
# Scanners: one pass over each XML part


class _Unsafe(Exception):
    pass


class _TooBig(Exception):
    def __init__(self, rows: int, columns: int, last_cell: str, sheet: str = "") -> None:
        super().__init__(last_cell)
        self.rows = rows
        self.columns = columns
        self.last_cell = last_cell
        self.sheet = sheet


def _dtd_in(tail: bytes, chunk: bytes, first: bool) -> bool:
    """Whether ``tail + chunk`` holds ``<!DOCTYPE`` (or ``<!ENTITY``, if ``first``).

    Both contain "!", which XML parts rarely do: one memchr over the chunk settles most chunks,
    without joining tail and chunk nor the slower substring search (XML is full of "<"). Where
    there is a "!", the declarations are searched from the first one on.
    """
    if b"!" not in chunk and b"!" not in tail:
        return False
    window = tail + chunk
    start = max(window.find(b"!") - 1, 0)
    return window.find(b"<!DOCTYPE", start) >= 0 or (first and window.find(b"<!ENTITY", start) >= 0)


def _new_tail(tail: bytes, chunk: bytes, size: int) -> bytes:
    """The last ``size`` bytes of the stream so far (a short chunk keeps part of the old tail)."""
    return chunk[-size:] if len(chunk) >= size else (tail + chunk)[-size:]


class _Scanner:
    """Refuses DTDs: ``<!DOCTYPE`` anywhere, ``<!ENTITY`` in the first chunk."""

    def __init__(self) -> None:
        self.first = True
        self.tail = b""

    def feed(self, chunk: bytes) -> None:
        if _dtd_in(self.tail, chunk, self.first):
            raise _Unsafe
        self.first = False
        self.tail = _new_tail(self.tail, chunk, _DTD_TAIL)

    def close(self) -> None:
        return None


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + (byte - 64)
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _letters_needed(columns: int) -> int:
    return len(_column_letters(columns + 1))


class _RefScanner:
    """The regexes that find the rare references beyond the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        # Numbers with fewer digits than max_rows + 1 cannot exceed it; column names with fewer
        # letters than max_columns + 1 cannot either. The regex only matches the candidates
        # (none at all in a normal sheet with the default limits), which are then checked.
        digits = len(str(limits.max_rows + 1))
        letters = _letters_needed(limits.max_columns)
        # The letters are taken possessively (giving one back cannot let a digit match), and the
        # digits are tried first: the same candidates as with the plain pattern, ~20% faster.
        self.candidate = re.compile(
            rb"r=[\"'](?:[A-Z]{0,3}+[0-9]{%d}|[A-Z]{%d})" % (digits, letters)
        )
        #: The longest candidate match: what a match that starts in the tail may need of the chunk.
        self.span = 3 + max(letters, 3 + digits)
        self.dimension = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"']([^\"']*)[\"']")

    def check_ref(self, ref: bytes) -> tuple[int, int] | None:
        """(row, column) of a reference beyond the limits, else None."""
        m = _REF.fullmatch(ref)
        if m is None:
            return None
        col = _column_number(m.group(1)) if m.group(1) else 0
        row = int(m.group(2)) if m.group(2) else 0
        if row > self.limits.max_rows or col > self.limits.max_columns:
            return row, col
        return None


_REF = re.compile(rb"\$?([A-Z]{0,7})\$?([0-9]{0,12})")
_TAG_NAME = re.compile(rb"<(?:\w+:)?(c|row)\s")
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>]")
_REF_ATTR = re.compile(rb"\sr=[\"']")


class _SheetScanner(_Scanner):
    """DTDs, the ``<dimension>`` element, and cell/row references beyond the limits; on the way,
    the formula cells without a cached value (``formulas.cells``, for the validation)."""

    def __init__(self, refs: _RefScanner, member: str) -> None:
        super().__init__()
        self.refs = refs
        self.member = member
        self.head = b""  # until the dimension element has been seen or ruled out
        self.formulas = FormulaScanner()

    def feed(self, chunk: bytes) -> None:
        tail = self.tail
        if _dtd_in(tail, chunk, self.first):
            raise _Unsafe
        if self.refs.limits.check_dimension and (self.first or self.head):
            self._check_dimension(chunk)
        self.first = False
        # The candidates of "tail + chunk", without building it unless there is one (with the
        # default limits there is none in a normal sheet). No two candidates overlap (each one
        # starts with "r=" and has no "r" after it), and a match only depends on the bytes from
        # its start on: those starting in the tail are the matches of the tail followed by the
        # start of the chunk; the others are the chunk's own. Same candidates, same order.
        window = b""
        if tail:
            for m in self.refs.candidate.finditer(tail + chunk[: self.refs.span]):
                if m.start() >= len(tail):
                    break
                window = window or tail + chunk
                self._check_candidate(window, m.start())
        for m in self.refs.candidate.finditer(chunk):
            window = window or tail + chunk
            self._check_candidate(window, len(tail) + m.start())
        self.formulas.feed(chunk)
        self.tail = _new_tail(tail, chunk, _TAIL)

    def _check_dimension(self, chunk: bytes) -> None:
        head = self.head + chunk[:_HEAD]
        m = self.refs.dimension.search(head)
        if m is not None or b"<sheetData" in head or len(head) >= _HEAD:
            self.head = b""
        else:
            self.head = head
        if m is None:
            return
        last = m.group(1).split(b":")[-1]
        beyond = self.refs.check_ref(last)
        if beyond is not None:
            row, col = beyond
            raise _TooBig(row, col, last.decode("ascii", "replace").replace("$", ""))

    def _check_candidate(self, window: bytes, start: int) -> None:
        """Refuse if the candidate is the r attribute of a cell that holds a value.

        Measured on python-calamine 0.9.1: empty rows and empty styled cells far away
        (``<row r="1048576"/>``, ``<c r="XFD1048576" s="1"/>``, which Excel writes when formatting
        reaches there) are harmless; a value there aborts the process. A far row counts only if
        it holds value cells without their own reference.
        """
        if start == 0 or window[start - 1 : start] not in (b" ", b"\t", b"\n", b"\r"):
            return
        lt = window.rfind(b"<", 0, start)
        if lt < 0 or window.rfind(b">", lt, start) >= 0:
            return
        tag = _TAG_NAME.match(window, lt)
        if tag is None:
            return
        gt = window.find(b">", start)
        if gt < 0:
            if len(window) - start < _TAIL:
                return  # cut by the chunk boundary: seen whole in the next window
            gt = len(window)
        elif window[gt - 1 : gt] == b"/":
            return  # <c .../> or <row .../>: no value
        body = window[gt + 1 : gt + 1 + 4096]
        if tag.group(1) == b"c":
            if body.startswith(b"</") and body[: body.find(b">") + 1].endswith(b"c>"):
                return  # <c ...></c>: no value
        elif not (_VALUE.search(body) and not _REF_ATTR.search(body.split(b"</row>")[0])):
            return
        quote = window[start + 2 : start + 3]
        end = window.find(quote, start + 3, start + 64)
        ref = window[start + 3 : end] if end >= 0 else window[start + 3 : start + 64]
        beyond = self.refs.check_ref(ref)
        if beyond is not None:
            row, col = beyond
            raise _TooBig(row, col, ref.decode("ascii", "replace"))


# ---- ods ------------------------------------------------------------------------------------

_ODS_START = re.compile(rb"<table:table(?:-row)?[\s>/]")
_ODS_TABLE_NAME = re.compile(rb"<table:table\s[^>]*?table:name=\"([^\"]*)\"")
_ODS_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated=\"([0-9]+)\"")
_ODS_COLS_REPEATED = re.compile(rb"table:number-columns-repeated=\"([0-9]+)\"")
_ODS_CELL = re.compile(
    rb"<table:(?:covered-)?table-cell(\s[^>]*?)?(/?)>|</table:(?:covered-)?table-cell>"
)


def _ods_starts(buf: bytearray, begin: int) -> list[int]:
    """Offsets of the <table:table> and <table:table-row> start tags in buf, from begin."""
    starts: list[int] = []
    for needle in (b"<table:table-row", b"<table:table ", b"<table:table>", b"<table:table\n"):
        at = buf.find(needle, begin)
        while at >= 0:
            after = bytes(buf[at + len(needle) : at + len(needle) + 1])
            if len(needle) < 16 or after in (b" ", b">", b"/", b"\n", b"\t", b"\r"):
                starts.append(at)
            at = buf.find(needle, at + len(needle))
    starts.sort()
    return starts


def _without_trailing_empty_cells(seg: bytes) -> bytes:
    """A row without its closing tag and the empty cells LibreOffice writes after the data."""
    end = seg.rfind(b"</table:table-row>")
    body = seg[:end] if end >= 0 else seg
    while True:
        at = max(body.rfind(b"<table:table-cell"), body.rfind(b"<table:covered-table-cell"))
        if at < 0:
            return body
        last = body[at:].rstrip()
        if last.endswith(b"/>") and last.count(b">") == 1 and b"value-type" not in last:
            body = body[:at]
        else:
            return body


class _OdsScanner(_Scanner):
    """Follows the rows of content.xml, counting repeats, to find the last cell with content."""

    def __init__(self, limits: Limits) -> None:
        super().__init__()
        self.limits = limits
        self.buf = bytearray()
        self.scanned = 0  # bytes of buf already searched for row starts
        self.started = False  # buf begins at a row or table start
        self.table = ""
        self.row = 0  # rows of the current table seen so far

    def feed(self, chunk: bytes) -> None:
        super().feed(chunk)
        self.buf += chunk
        # Once trimmed, buf starts at a row or table start and holds no other start before
        # ``scanned``; look for new starts only in the new bytes (with a small overlap).
        begin = max(1 if self.started else 0, self.scanned - 24)
        starts = _ods_starts(self.buf, begin)
        if self.started:
            starts.insert(0, 0)
        if starts:
            for first, end in itertools.pairwise(starts):
                self._segment(bytes(self.buf[first:end]))
            del self.buf[: starts[-1]]
            self.started = True
        elif len(self.buf) > 64:  # before the first table: keep only what may start a tag
            del self.buf[:-64]
        self.scanned = len(self.buf)

    def close(self) -> None:
        m = _ODS_START.match(self.buf)
        if m is not None:
            self._segment(bytes(self.buf))
        self.buf = bytearray()

    def _segment(self, seg: bytes) -> None:
        if not seg.startswith(b"<table:table-row"):
            name = _ODS_TABLE_NAME.match(seg)
            if name is not None:
                self.table = html.unescape(name.group(1).decode("utf-8", "replace"))
            self.row = 0
            return
        tag_end = seg.find(b">")
        start_tag = seg[:tag_end]
        repeat = 1
        if b"rows-repeated" in start_tag:
            m = _ODS_ROWS_REPEATED.search(start_tag)
            repeat = int(m.group(1)) if m else 1
        first_row = self.row + 1
        self.row += repeat
        has_content = b"value-type" in seg or b"<text:" in seg
        if not has_content:
            return
        body = _without_trailing_empty_cells(seg)
        width = body.count(b"<table:table-cell") + body.count(b"<table:covered-table-cell")
        if b"columns-repeated" in body:
            width += sum(int(m.group(1)) - 1 for m in _ODS_COLS_REPEATED.finditer(body))
        last_col = width if width <= self.limits.max_columns else self._last_content_column(seg)
        if self.row > self.limits.max_rows or last_col > self.limits.max_columns:
            row = self.row if self.row > self.limits.max_rows else first_row
            cell = f"{_column_letters(max(last_col, 1))}{row}"
            raise _TooBig(row, last_col, cell, self.table or "?")

    def _last_content_column(self, seg: bytes) -> int:
        """Walk the cells of a (rare) very wide row: the last column that holds something."""
        col = 0
        last = 0
        open_start = -1
        open_attrs = b""
        for m in _ODS_CELL.finditer(seg):
            if m.group(0).startswith(b"</"):
                if open_start >= 0:
                    body = seg[open_start : m.start()]
                    if b"value-type" in open_attrs or b"<text:" in body:
                        last = col
                open_start = -1
                continue
            attrs = m.group(1) or b""
            rep = _ODS_COLS_REPEATED.search(attrs)
            span = int(rep.group(1)) if rep else 1
            col += span
            if m.group(2):  # self-closing: content only through a value-type attribute
                if b"value-type" in attrs:
                    last = col
            else:
                open_start, open_attrs = m.end(), attrs
        return last


# ---------------------------------------------------------------------------------------------
# Sheet names and sizes for the messages


def _human(size: int) -> str:
    if size >= 1024 * MiB:
        return f"{size / (1024 * MiB):.1f} GB"
    if size >= MiB:
        return f"{size / MiB:.0f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"
