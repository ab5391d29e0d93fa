"""What the reader understood of a roster's columns (``cashless columns``): the sheet, the
header rows, each column's meaning and why, what was not recognised and what cannot be checked.

The same reading as ``validate`` (the same sheet choice, header detection, mapping and value
sampling), without validating the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cashless_cli.problems import Problem, ReadError
from cashless_cli.read.encoding import convert_sheet
from cashless_cli.read.header import (
    ColumnNote,
    HeaderMatch,
    closest_row,
    find_header,
    header_at,
    wordiest_row,
)
from cashless_cli.read.mapping import ColumnMapping
from cashless_cli.read.rows import RowKind, classify_rows
from cashless_cli.read.workbook import Sheet, Workbook
from cashless_cli.schema.row import COLUMN_BY_KEY, COLUMNS, REQUIRED_KEYS, Need


@dataclass(slots=True)
class ColumnsView:
    """One file's columns as the reader understood them."""

    path: Path
    kind: str
    sheet: str
    sheets: list[str]
    header_row: int  # 1-based first header row
    depth: int
    data_row: int | None  # 1-based first data row (None when there is none)
    skipped: list[tuple[int, str]]  # 1-based rows between header and data, and their kind
    notes: list[ColumnNote]
    missing_required: list[str]
    not_checkable: list[str]  # other columns the checks use, absent from the file
    findings: list[Problem] = field(default_factory=list)
    #: False when no row looked like the roster's header: the row with most text is shown
    header_found: bool = True

    @property
    def unknown(self) -> list[ColumnNote]:
        return [n for n in self.notes if n.reason == "unknown"]


def _pick(
    book: Workbook, wanted: str | None, mapping: ColumnMapping
) -> tuple[Sheet, HeaderMatch, bool]:
    best: tuple[Sheet, HeaderMatch] | None = None
    closest: tuple[int, str, int, list[str]] = (-1, "", 0, [])
    wordiest: tuple[int, int, Sheet | None] = (1, 0, None)  # text cells, row, sheet
    names = list(book.sheet_names)
    if wanted is not None and wanted not in names:
        raise ReadError(
            "columns-sheet-unknown", str(book.path), sheet=wanted, sheets=", ".join(names)
        )
    for sheet in book.sheets():
        if wanted is not None and sheet.name != wanted:
            continue
        convert_sheet(sheet, book.path, book.kind)
        header = find_header(sheet, mapping)
        if header is None:
            row, found = closest_row(sheet)
            if len(found) > closest[0]:
                closest = (len(found), sheet.name, row, found)
            top, count = wordiest_row(sheet)
            if count > wordiest[0]:
                wordiest = (count, top, sheet)
        elif best is None or (header.score, sheet.visible) > (best[1].score, best[0].visible):
            best = (sheet, header)
    if best is None and wordiest[2] is not None:  # show the likeliest row, to be mapped
        return wordiest[2], header_at(wordiest[2], wordiest[1], mapping), False
    if best is None:
        expected = ", ".join(f"'{COLUMN_BY_KEY[k].header}'" for k in REQUIRED_KEYS)
        raise ReadError(
            "no-header",
            str(book.path),
            expected=expected,
            sheet=closest[1] or (wanted or ""),
            row=closest[2] + 1,
            found=", ".join(closest[3]) or "-",
        )
    return best[0], best[1], True


def describe_columns(
    path: Path,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
    commune: str | None = None,
) -> ColumnsView:
    """Read ``path``'s header as ``validate`` would. When no row looks like the roster's header,
    the row with the most text is shown (``header_found`` False) so that its columns can be
    mapped. Raises :class:`ReadError` when the file cannot be read, has no such sheet or no text
    at all, or a strict mapping names a missing header."""
    mapping = (mapping or ColumnMapping()).for_file(path, commune)
    book = Workbook(path)
    try:
        chosen, header, found = _pick(book, sheet, mapping)
        header.check(str(path))
        kinds = classify_rows(chosen, header)
    finally:
        book.close()
    data_row = next((r + 1 for r, kind in kinds if kind is RowKind.DATA), None)
    skipped = [
        (r + 1, str(kind))
        for r, kind in kinds
        if kind is not RowKind.DATA and (data_row is None or r + 1 < data_row)
    ]
    present = header.present
    not_checkable = [c.key for c in COLUMNS if c.need is not Need.NO and c.key not in present]
    missing = header.missing_required
    return ColumnsView(
        path=path,
        kind=book.kind,
        sheet=chosen.name,
        sheets=list(book.sheet_names),
        header_row=header.row + 1,
        depth=header.depth,
        data_row=data_row,
        skipped=skipped,
        notes=[header.notes[c] for c in sorted(header.notes)],
        missing_required=missing,
        not_checkable=[k for k in not_checkable if k not in missing],
        findings=list(header.findings),
        header_found=found,
    )


__all__ = ["ColumnsView", "describe_columns"]
