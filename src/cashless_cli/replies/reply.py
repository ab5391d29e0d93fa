"""Read the Post Office's reply to a batch: .xlsx/.xls/.ods (through the same guards and
python-calamine reader as rosters) or CSV text, in any column order, with title rows above the
header and extra columns.

The reply is usually our own list coming back with columns added: per row the reference code we
gave it and either an account (number, provider, opening date) or a failure with its reason.
Only the reference code identifies a row; names and IDs are never used to match.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cashless_cli.normalise.base import CellValue
from cashless_cli.normalise.text import clean_text
from cashless_cli.problems import ReadError
from cashless_cli.read.a1 import a1
from cashless_cli.read.guards.base import not_workbook
from cashless_cli.read.guards.sniff import decode_text
from cashless_cli.read.header import AliasTable, match_alias
from cashless_cli.read.workbook import Sheet, Workbook
from cashless_cli.schema.domain import REPLY_COLUMNS as REPLY_COLUMNS

#: How far down a sheet the header may be.
SCAN_ROWS = 40
#: Largest CSV reply we read (a district's reply is well under 1 MB).
MAX_CSV_BYTES = 32 * 1024 * 1024
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})

ANSWER_KEYS = ("account", "provider", "opened_on", "result", "reason")


@cache
def _aliases() -> AliasTable:
    return AliasTable((word, key) for key, words in REPLY_COLUMNS.items() for word in words)


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


def _find_header(sheet: Sheet, aliases: AliasTable) -> _Header | None:
    best: _Header | None = None
    for r in range(min(SCAN_ROWS, len(sheet.rows))):
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        for c, value in enumerate(sheet.rows[r]):
            if not isinstance(value, str):
                continue
            key = match_alias(value, aliases)
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


def read_reply(
    path: Path, aliases: AliasTable | None = None, no_header: str = "reply-no-header"
) -> ReplyFile:
    """Read a reply file. Raises :class:`ReadError` (exit code 2) when the file cannot be read
    or has no header with a reference column and an answer column (``no_header``).

    ``aliases`` (default: the Post Office's reply columns) names the columns looked for; the
    provider's payment result (``import-payments``) is read the same way with its own."""
    aliases = _aliases() if aliases is None else aliases
    if path.suffix.lower() in CSV_SUFFIXES:
        return _read_csv(path, aliases, no_header)
    book = Workbook(path)  # the roster guards: bombs, disguised files, passwords...
    try:
        found: tuple[Sheet, _Header] | None = None
        for sheet in book.sheets():
            header = _find_header(sheet, aliases)
            if header is not None and (found is None or header.score > found[1].score):
                found = (sheet, header)
    finally:
        book.close()
    if found is None:
        raise ReadError(no_header, str(path), rows=SCAN_ROWS)
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
def _read_csv(path: Path, aliases: AliasTable, no_header: str) -> ReplyFile:
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
    decoded = decode_text(data)
    if decoded is None:
        raise not_workbook(where, "kind-binary")
    text, encoding = decoded
    best: tuple[Sheet, _Header, str] | None = None
    for delimiter in (",", ";", "\t"):
        try:
            rows: list[list[CellValue]] = [
                list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            ]
        except csv.Error:
            continue
        sheet = Sheet(path.name, rows)
        header = _find_header(sheet, aliases)
        if header is not None and (best is None or header.score > best[1].score):
            best = (sheet, header, delimiter)
    if best is None:
        raise ReadError(no_header, where, rows=SCAN_ROWS)
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
