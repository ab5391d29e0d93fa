"""The one way our lists are laid out as a printed table (the Post Office's list, the held-back
list, the payment lists and their summaries).

A table is a header row and lines below it. Each :class:`Column` says whether its values wrap:
notes and names wrap inside their column and the row grows to fit (heights from
:mod:`cashless_cli.write.fit`); reference codes, IDs, account numbers and amounts never wrap —
their column is widened to the widest value instead, so a code the Post Office copies back is
always on one line. :meth:`Table.group_end` puts a page break after a commune's lines, so that
each commune prints on its own pages and the total comes on the last one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass, replace
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.write import body, fit, vnformat
from cashless_cli.write.body import Body
from cashless_cli.write.cells import clean_str, put
from cashless_cli.write.layout import BODY, BOLD, BORDER, TITLE, print_ready, title
from cashless_cli.write.letterhead import Letterhead, heading, signatures

BODY_SIZE = 11
_BIG = 10**15  # from here on a number is written as text (Excel keeps 15 digits)
LINE_NUMBER = "STT"  # the line-number column's header: its numbers are centred


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a printed list: its header, its width (Excel's unit), how its values go."""

    header: str
    width: float
    text: bool = True  # written as text ("@"): keeps leading zeros, never a formula
    wrap: bool = True  # False: one line always (codes, IDs, account numbers, amounts)
    money: bool = False  # an amount: grouped by thousands ("540.000") whatever its size


def code(header: str, width: float) -> Column:
    """A reference code, ID, phone or account number: text on one line."""
    return Column(header, width, text=True, wrap=False)


def number(header: str, width: float) -> Column:
    """A count, an amount or a date: on one line, right-aligned by the spreadsheet."""
    return Column(header, width, text=False, wrap=False)


def amount(header: str, width: float) -> Column:
    """An amount of money: a number on one line, grouped by thousands with "." (``540.000``)."""
    return Column(header, width, text=False, wrap=False, money=True)


def retitled(columns: Sequence[Column], old: str, new: str) -> tuple[Column, ...]:
    """``columns`` with the header ``old`` renamed ``new`` (e.g. the communes' column of a
    month from July 2025)."""
    return tuple(replace(c, header=new) if c.header == old else c for c in columns)


def shown(value: Any, money: bool = False) -> str:
    """The text a cell shows for ``value`` (amounts grouped by thousands: ``540.000``)."""
    if value is None:
        return ""
    if _grouped(value, money):
        return vnformat.number(value)
    if hasattr(value, "strftime"):
        return "00/00/0000"
    return str(value)


def _grouped(value: Any, money: bool) -> bool:
    """Amounts (and counts from ten thousand on) print grouped by thousands; line numbers and
    small counts as they are."""
    return isinstance(value, int) and not isinstance(value, bool) and (money or value >= 10_000)


class Table:
    """Header at ``header_row`` of ``ws``; :meth:`line` adds lines below it."""

    def __init__(self, ws: Worksheet, header_row: int, columns: Sequence[Column]) -> None:
        self.ws = ws
        self.header_row = header_row
        self.columns = tuple(columns)
        self.widths = [c.width for c in self.columns]
        self.row = header_row
        self._styles: dict[tuple[int, bool, str], StyleArray] = {}
        self._ids: dict[tuple[int, bool, str], int] = {}
        self._letters = [get_column_letter(c) for c in range(1, len(self.columns) + 1)]
        self._body: Body | None = None
        self._rooms: dict[tuple[int, bool, Any], tuple[int, float] | None] = {}
        tallest = 1
        for col, column in enumerate(self.columns, start=1):
            cell = put(ws.cell(row=header_row, column=col), column.header)
            cell.font = BOLD
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            tallest = max(tallest, fit.lines(column.header, column.width, BODY_SIZE, bold=True))
        ws.row_dimensions[header_row].height = fit.height(tallest, BODY_SIZE)

    @property
    def n(self) -> int:
        return len(self.columns)

    def line(self, values: Sequence[Any], bold: bool = False) -> int:
        """Write the next line; return its row number."""
        self.row += 1
        row = self.row
        if self._body is None:
            self._body = Body(self.ws, row, self.n)
        tallest = 1
        cells: list[str] = []
        for col, (column, value) in enumerate(zip(self.columns, values, strict=True), start=1):
            ref = f"{self._letters[col - 1]}{row}"
            kind = type(value)
            if kind is str:
                text = clean_str(value)
                style = self._style_id(col, column, bold, "@" if column.text else "General")
                cells.append(body.text_cell(ref, style, text))
            elif kind is int and -_BIG < value < _BIG:
                grouped = _grouped(value, column.money)
                fmt = vnformat.money_number_format(value) if grouped else "General"
                cells.append(body.number_cell(ref, self._style_id(col, column, bold, fmt), value))
            elif value is None:  # an empty cell, boxed like the others
                cells.append(body.empty_cell(ref, self._style_id(col, column, bold, "General")))
                continue
            else:  # dates, booleans, floats, huge numbers, enums: the general way
                given = "@" if column.text and isinstance(value, str) else None
                cell = put(Cell(self.ws, row=row, column=col), value, given)
                if _grouped(value, column.money):
                    cell.number_format = vnformat.money_number_format(value)
                self._style(cell, col, column, bold)
                style = self._body.style_id(cell._style)
                cells.append(body.any_cell(ref, style, cell, self.ws.parent))
            room = self._room(col, column, value, bold)
            if room is not None:
                tallest = max(tallest, room[0])
                if room[1] > self.widths[col - 1]:
                    self.widths[col - 1] = room[1]
        self._body.add(row, fit.height(tallest, BODY_SIZE), cells)
        return row

    def _style_id(self, col: int, column: Column, bold: bool, fmt: str) -> int:
        """The style id of a cell of column ``col`` with number format ``fmt``: worked out on
        the first such cell, then reused (a province's payment list has 800,000 cells)."""
        known = self._ids.get((col, bold, fmt))
        if known is None:
            cell = Cell(self.ws, row=self.row, column=col)
            cell.number_format = fmt
            self._style(cell, col, column, bold)
            assert self._body is not None
            known = self._ids[(col, bold, fmt)] = self._body.style_id(cell._style)
        return known

    def _room(self, col: int, column: Column, value: Any, bold: bool) -> tuple[int, float] | None:
        """How many lines ``value`` takes in its column and the width that its longest word
        (or, not wrapping, the whole of it) needs; None when it shows nothing. Worked out once
        per value of a column that wraps, and per amount (names, villages and amounts repeat)."""
        key = (col, bold, value)
        cache = column.wrap or type(value) is int
        if cache and key in self._rooms:
            return self._rooms[key]
        text = shown(value, column.money)
        room: tuple[int, float] | None
        if not text:
            room = None
        elif column.wrap:
            word = max(text.split(), key=fit.text_pt, default="")
            need = fit.width_for(word, BODY_SIZE, bold)  # a word longer than the line
            room = fit.lines(text, column.width, BODY_SIZE, bold), need
        else:
            room = 1, fit.width_for(text, BODY_SIZE, bold)
        if cache:
            self._rooms[key] = room
        return room

    def _style(self, cell: Cell, col: int, column: Column, bold: bool) -> None:
        """The line's font, border and alignment: set once per column, kind of line and number
        format, then copied (openpyxl's own way of copying a cell's style): setting them cell by
        cell hashed every style object again and cost two thirds of a province's payment list."""
        key = (col, bold, cell.number_format)
        known = self._styles.get(key)
        if known is not None:
            cell._style = copy(known)
            return
        cell.font = BOLD if bold else BODY
        cell.border = BORDER
        centred = "center" if column.header == LINE_NUMBER else None  # not glued to a code
        cell.alignment = Alignment(horizontal=centred, vertical="top", wrap_text=column.wrap)
        self._styles[key] = copy(cell._style)

    def group_end(self) -> None:
        """A page break after the current line (the next commune starts a new page)."""
        self.ws.row_breaks.append(Break(id=self.row))

    def finish(self, filter_rows: int | None = None, portrait: bool = False) -> None:
        """Column widths (widened to fit the one-line values), the filter, print setup."""
        for col, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(col)].width = width
        if filter_rows is not None:
            last = get_column_letter(self.n)
            self.ws.auto_filter.ref = f"A{self.header_row}:{last}{self.header_row + filter_rows}"
        print_ready(self.ws, self.header_row, self.n, portrait)


@contextmanager
def signed_list(
    ws: Worksheet,
    columns: Sequence[Column],
    title_text: str,
    subtitle: str | None,
    letterhead: Letterhead | None,
    date: dt.date | str | None,
    filter_rows: int | None,
    above: Callable[[Table, int], int] | None = None,
    above_rows: int = 0,
    portrait: bool = False,
) -> Iterator[Table]:
    """A printed list on ``ws``: the letterhead (when given), the title and subtitle, what
    ``above`` writes in the ``above_rows`` rows before the header (the summary's facts), then
    the table the caller fills; on leaving, the signatures under it and the print setup
    (``portrait``: a summary narrow enough to print upright, on one page more often)."""
    widths = [c.width for c in columns]
    n = len(columns)
    row = heading(ws, letterhead, widths, date) if letterhead is not None else 1
    title(ws, row, title_text, n, TITLE, widths)
    if subtitle:
        row += 1
        title(ws, row, subtitle, n, BOLD, widths)
    row += 2
    table = Table(ws, row + above_rows, columns)
    if above is not None:
        above(table, row)
    yield table
    if letterhead is not None:
        signatures(ws, table.row + 2, letterhead, table.widths)
    table.finish(filter_rows, portrait)
