"""Read the Post Office's reply to a batch: .xlsx/.xls/.ods (through the same guards and
python-calamine reader as rosters) or CSV text, in any column order, with title rows above the
header and extra columns.

The reply is usually our own list coming back with columns added: per row the reference code we
gave it and either an account (number, provider, opening date) or a failure with its reason.
Only the reference code identifies a row; names and IDs are never used to match.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cashless_cli.normalise.base import CellValue
from cashless_cli.normalise.text import clean_text, fold
from cashless_cli.problems import ReadError
from cashless_cli.read.header import match_alias
from cashless_cli.read.workbook import Sheet, Workbook, a1

#: How far down a sheet the header may be.
SCAN_ROWS = 40
#: Largest CSV reply we read (a district's reply is well under 1 MB).
MAX_CSV_BYTES = 32 * 1024 * 1024
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

#: Column key → header wordings (Vietnamese and English). Matching ignores case, diacritics,
#: spaces and punctuation; a header that starts with a long alias also matches.
REPLY_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": (
        "Mã tham chiếu",
        "Số tham chiếu",
        "Mã TC",
        "Mã tham chiếu cashless",
        "Reference",
        "Reference code",
        "Ref",
    ),
    "account": (
        "Số tài khoản",
        "STK",
        "Số TK",
        "Số tài khoản đã mở",
        "Account",
        "Account number",
        "Account no",
    ),
    "provider": (
        "Nơi mở",
        "Nơi mở tài khoản",
        "Nơi mở TK",
        "Ngân hàng",
        "Ngân hàng/Bưu điện",
        "Đơn vị mở tài khoản",
        "Provider",
        "Bank",
    ),
    "opened_on": (
        "Ngày mở",
        "Ngày mở tài khoản",
        "Ngày mở TK",
        "Opened on",
        "Opening date",
        "Date opened",
    ),
    "result": (
        "Kết quả",
        "Tình trạng",
        "Trạng thái",
        "Kết quả mở tài khoản",
        "Tình trạng mở tài khoản",
        "Result",
        "Status",
    ),
    "reason": (
        "Lý do",
        "Lý do không mở được",
        "Nguyên nhân",
        "Reason",
        "Failure reason",
    ),
}
ANSWER_KEYS = ("account", "provider", "opened_on", "result", "reason")


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, words in REPLY_COLUMNS.items():
        for word in words:
            table.setdefault(fold(word), key)
    return table


def match_reply_header(text: str) -> str | None:
    """The reply column a header cell names, or None."""
    return match_alias(text, _aliases())


@dataclass(frozen=True, slots=True)
class ReplyCell:
    raw: CellValue
    cell: str  # A1 address
    header: str  # the header as written


@dataclass(slots=True)
class ReplyRow:
    """One data row of the reply: its sheet row (1-based) and its reply cells by key."""

    row: int
    cells: dict[str, ReplyCell]

    def raw(self, key: str) -> CellValue:
        c = self.cells.get(key)
        return None if c is None else c.raw

    def text(self, key: str) -> str | None:
        return clean_text(self.raw(key))

    def cell(self, key: str) -> str | None:
        c = self.cells.get(key)
        return None if c is None else c.cell

    def has_answer(self) -> bool:
        return any(self.text(k) for k in ANSWER_KEYS)


@dataclass(slots=True)
class ReplyFile:
    path: Path
    kind: str  # xlsx, xls, ods, csv
    sheet: str | None  # None for CSV
    header_row: int  # 1-based
    columns: dict[str, str]  # key → header as written
    rows: list[ReplyRow] = field(default_factory=list)
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only


@dataclass(slots=True)
class _Header:
    row: int  # 0-based
    columns: dict[str, int]
    headers: dict[str, str]

    @property
    def score(self) -> int:
        return len(self.columns)


def _find_header(sheet: Sheet) -> _Header | None:
    best: _Header | None = None
    for r in range(min(SCAN_ROWS, len(sheet.rows))):
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        for c, value in enumerate(sheet.rows[r]):
            if not isinstance(value, str):
                continue
            key = match_reply_header(value)
            if key is not None and key not in columns:
                columns[key] = c
                headers[key] = clean_text(value) or value
        if "ref" in columns and len(columns) >= 2 and (best is None or len(columns) > best.score):
            best = _Header(r, columns, headers)
    return best


def _rows(sheet: Sheet, header: _Header) -> list[ReplyRow]:
    out = []
    for r in range(header.row + 1, len(sheet.rows)):
        cells = {
            key: ReplyCell(sheet.cell(r, c), a1(r, c), header.headers[key])
            for key, c in header.columns.items()
        }
        if all(clean_text(x.raw) is None for x in cells.values()):
            continue
        out.append(ReplyRow(r + 1, cells))
    return out


def read_reply(path: Path) -> ReplyFile:
    """Read a reply file. Raises :class:`ReadError` (exit code 2) when the file cannot be read
    or has no header with a reference column and an answer column."""
    if path.suffix.lower() in CSV_SUFFIXES:
        return _read_csv(path)
    book = Workbook(path)  # the roster guards: bombs, disguised files, passwords...
    try:
        found: tuple[Sheet, _Header] | None = None
        for sheet in book.sheets():
            header = _find_header(sheet)
            if header is not None and (found is None or header.score > found[1].score):
                found = (sheet, header)
    finally:
        book.close()
    if found is None:
        raise ReadError("reply-no-header", str(path), rows=SCAN_ROWS)
    sheet, header = found
    return ReplyFile(
        path,
        book.kind,
        sheet.name,
        header.row + 1,
        dict(header.headers),
        _rows(sheet, header),
    )


# ---- CSV ----------------------------------------------------------------------------------
def decode_text(data: bytes) -> tuple[str, str]:
    """Bytes of a text file → (text in NFC, encoding name). UTF-8 with or without BOM, UTF-16
    with a BOM (or without one, told by its zero bytes), else Windows-1258 (Vietnamese)."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data[:4096]:
        head = data[:4096]
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        encoding = "utf-16-be" if even > odd else "utf-16-le"
        text = data.decode(encoding)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1258", errors="replace"), "cp1258"
    return unicodedata.normalize("NFC", text), encoding


def _read_csv(path: Path) -> ReplyFile:
    where = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise ReadError("file-empty", where)
        if size > MAX_CSV_BYTES:
            raise ReadError("file-too-large", where, size=f"{size:,} B", limit="32 MB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError("file-not-found", where) from exc
    except IsADirectoryError as exc:
        raise ReadError("file-not-found", where) from exc
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise ReadError("file-not-workbook", where, detail="unrecognised binary content") from exc
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n\f\x1a")
    if "\x00" in text or controls > len(text[:65536]) // 100:
        raise ReadError("file-not-workbook", where, detail="unrecognised binary content")
    best: tuple[Sheet, _Header, str] | None = None
    for delimiter in (",", ";", "\t"):
        try:
            rows: list[list[CellValue]] = [
                list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            ]
        except csv.Error:
            continue
        sheet = Sheet(path.name, rows)
        header = _find_header(sheet)
        if header is not None and (best is None or header.score > best[1].score):
            best = (sheet, header, delimiter)
    if best is None:
        raise ReadError("reply-no-header", where, rows=SCAN_ROWS)
    sheet, header, delimiter = best
    return ReplyFile(
        path,
        "csv",
        None,
        header.row + 1,
        dict(header.headers),
        _rows(sheet, header),
        encoding,
        delimiter,
    )
