"""Make a sheet someone else laid out (a commune's roster, in its annotated copy) print cleanly:
columns widened to their one-line values, rows grown to their wrapped text, A4 landscape fit to
the page width with the header row repeated and page numbers. Only ever grows what is there:
no value or merged range changes; a column never grows beyond :data:`MAX_WIDTH` (longer text
then wraps inside it, the one style change).

The fonts of a roster are unknown (often Calibri, which Carlito prints about as wide as the
Times New Roman whose metrics :mod:`cashless_cli.write.fit` holds): text is measured
:data:`FONT_SLACK` wider.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.write import fit

MAX_WIDTH = 45.0
FONT_SLACK = 1.03
DEFAULT_WIDTH = 9.14  # Excel's default column (8.43 characters and the padding)


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, dt.datetime):
        return "00/00/0000 00:00"
    if isinstance(value, dt.date):
        return "00/00/0000"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


class _Looks:
    """(font size, bold, wraps) of a cell, read once per style: thousands of cells share one,
    and openpyxl builds a new proxy object on every read of ``cell.font`` (a 10,000-row roster
    spent a third of its marked copy's fitting there). Keyed by the style's font and alignment
    ids, so a cell whose alignment is changed here is read anew."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], tuple[float, bool, bool]] = {}

    def __call__(self, cell: Any) -> tuple[float, bool, bool]:
        style = cell._style  # openpyxl's StyleArray: the ids of the cell's font, alignment, ...
        key = (style[0], style[5]) if style is not None else (0, 0)  # fontId, alignmentId
        found = self._known.get(key)
        if found is None:
            font = cell.font
            found = (float(font.sz or 11), bool(font.b), bool(cell.alignment.wrap_text))
            self._known[key] = found
        return found


def grow_to_fit(ws: Worksheet, header_row: int, footer: str, last_col: int | None = None) -> None:
    """Fit the used range of ``ws`` for print (see the module doc); ``footer`` is the page
    number's wording ("Trang &P / &N") when the sheet has no footer of its own."""
    last_col = last_col or ws.max_column
    filled = _filled(ws, last_col)
    last_row = filled[-1][0][0] if filled else 1
    spans: dict[tuple[int, int], int] = {}
    hidden: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = rng.max_col
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    hidden.add((r, c))
    widths = {c: _width(ws, c) for c in range(1, last_col + 1)}
    looks = _Looks()
    heights: dict[int, float] = {}
    one_line: dict[float, float] = {}  # font size → the height of one line
    wrapping: list[tuple[int, int, Any, str, float, bool]] = []  # their height needs the widths
    for at, cell in filled:  # the shown cells, row by row: first the widths
        if hidden and at in hidden:
            continue
        value = cell._value
        text = value if type(value) is str else _text(value)
        size, bold, wraps = looks(cell)
        r, c = at
        if not (wraps or r < header_row or at in spans):  # one-line values get the room they need
            need = fit.width_for(text, size, bold) * FONT_SLACK
            if need > widths[c]:
                widths[c] = min(need, MAX_WIDTH)
                if need > MAX_WIDTH:
                    cell.alignment = _wrapped(cell.alignment)
                    wraps = True
        if wraps or "\n" in text:
            wrapping.append((r, c, cell, text, size, bold))
        else:
            need = one_line.get(size) or one_line.setdefault(size, fit.height(1, size))
            if need > heights.get(r, 0.0):
                heights[r] = need
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = round(width, 2)
    for r, c, cell, text, size, bold in wrapping:  # then the wrapped cells' heights, in them
        last = spans.get((r, c), c)
        width = sum(widths[x] for x in range(c, last + 1)) if last != c else widths[c]
        cell.alignment = _wrapped(cell.alignment)
        need = fit.height(fit.lines(text, width / FONT_SLACK, size, bold), size)
        if need > heights.get(r, 0.0):
            heights[r] = need
    for r, need in heights.items():
        dim = ws.row_dimensions[r]
        if dim.height is None or dim.height < need:
            dim.height = need
    _print_setup(ws, header_row, last_col, last_row, footer)


def _filled(ws: Worksheet, last_col: int) -> list[tuple[tuple[int, int], Any]]:
    """The cells of columns 1..``last_col`` that hold a value, row by row: read from the cells
    the sheet has, never through ``iter_rows``, which creates every empty cell of the used
    rectangle (a 10,000-row roster's fitting spent more there than in measuring text)."""
    cells: dict[tuple[int, int], Any] = ws._cells
    return sorted(
        (at, cell)
        for at, cell in cells.items()
        if at[1] <= last_col and (value := cell._value) is not None and value != ""
    )


def _wrapped(alignment: Alignment) -> Alignment:
    return Alignment(
        horizontal=alignment.horizontal,
        vertical=alignment.vertical or "top",
        wrap_text=True,
        indent=alignment.indent,
    )


def _width(ws: Worksheet, col: int) -> float:
    for dim in ws.column_dimensions.values():
        if (dim.min or 0) <= col <= (dim.max or 0) and dim.width:
            return float(dim.width)
    return float(ws.sheet_format.defaultColWidth or DEFAULT_WIDTH)


def _print_setup(ws: Worksheet, header_row: int, last_col: int, last_row: int, footer: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{get_column_letter(last_col)}{max(last_row, header_row)}"
    ws.page_margins.bottom = max(ws.page_margins.bottom, 0.75)
    ws.page_margins.footer = min(ws.page_margins.footer, 0.3)
    if not ws.oddFooter.center.text:
        ws.oddFooter.center.text = footer
