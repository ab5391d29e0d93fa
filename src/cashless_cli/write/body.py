"""The lines of a long printed list, written straight as sheet XML beside openpyxl's workbook.

A province's payment list has 800,000 cells: made as openpyxl cells and saved by openpyxl, each
cost about 30 µs (its value and style setters, then its serialisation), most of the command's
time and 1.8 GB. Here a :class:`Body` holds each line as the XML openpyxl itself writes for it
(``<row r= ht= customHeight=>``, ``<c r= s= t=>``, inline strings, the same number text), with
style ids registered in the workbook's own style table. The worksheet keeps a marker cell on
the first line and an empty cell on the last one (so its dimension, ``max_row`` and print area
stay right); :func:`splice` puts the lines in place of those two rows in the saved file.

What a reader sees is the same as with openpyxl's cells: values, types, styles, row heights.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from typing import Any
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape  # &, <, > as ElementTree writes them in an element

from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.datetime import to_excel, to_ISO8601
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

_BODIES: WeakKeyDictionary[Workbook, list[Body]] = WeakKeyDictionary()


def text_cell(ref: str, style: int, text: str) -> str:
    """An inline string cell, as openpyxl writes it (``xml:space`` when spaces lead or trail)."""
    if not text:
        return f'<c r="{ref}" s="{style}" t="inlineStr"/>'
    stripped = text.strip()
    space = ' xml:space="preserve"' if stripped and stripped != text else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def empty_cell(ref: str, style: int) -> str:
    """A cell holding nothing (``None``), as openpyxl writes it."""
    return f'<c r="{ref}" s="{style}" t="n"/>'


def number_cell(ref: str, style: int, value: int | float) -> str:
    return f'<c r="{ref}" s="{style}" t="n"><v>{safe_string(value)}</v></c>'


def any_cell(ref: str, style: int, cell: Cell, wb: Workbook) -> str:
    """Any cell that :func:`~cashless_cli.write.cells.put` wrote (dates, booleans, None…)."""
    value: Any = cell._value
    kind = cell.data_type
    if kind == "s":
        return text_cell(ref, style, str(value or ""))
    if kind == "d":
        kind, value = ("d", to_ISO8601(value)) if wb.iso_dates else ("n", to_excel(value, wb.epoch))
    if kind not in ("n", "b", "d"):
        raise ValueError(f"a {kind!r} cell in a list's body")  # put never writes formulas
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}" t="{kind}"/>'
    return f'<c r="{ref}" s="{style}" t="{kind}"><v>{safe_string(value)}</v></c>'


class Body:
    """The lines of one table on ``ws``, from row ``first`` on."""

    def __init__(self, ws: Worksheet, first: int, columns: int) -> None:
        self.ws = ws
        self.first = first
        self.last = first - 1
        self.columns = columns
        self.rows: list[bytes] = []  # UTF-8: half the memory of Vietnamese text as str
        self.marker = f"cashless-body-{secrets.token_hex(8)}"
        self._styles: dict[tuple[int, ...], int] = {}
        ws._cells[(first, 1)] = Cell(ws, row=first, column=1, value=self.marker)
        _BODIES.setdefault(ws.parent, []).append(self)

    def style_id(self, style: StyleArray) -> int:
        """The workbook's id of ``style`` (openpyxl's own table, written when it saves)."""
        key = tuple(style)
        known = self._styles.get(key)
        if known is None:
            known = self._styles[key] = self.ws.parent._cell_styles.add(style)
        return known

    def add(self, row: int, height: float, cells: list[str]) -> None:
        """Line ``row`` (the next one), ``height`` points tall."""
        assert row == self.last + 1, (row, self.last)
        cells_ = self.ws._cells
        if self.last >= self.first and (self.last, self.columns) != (self.first, 1):
            del cells_[(self.last, self.columns)]  # the empty cell moves down to the new line
        self.last = row
        if (row, self.columns) != (self.first, 1):
            cells_[(row, self.columns)] = Cell(self.ws, row=row, column=self.columns)
        head = f'<row r="{row}" ht="{safe_string(height)}" customHeight="1">'
        self.rows.append((head + "".join(cells) + "</row>").encode("utf-8"))

    def span(self, sheet_xml: str) -> tuple[int, int]:
        """Where the two placeholder rows are in ``sheet_xml`` (as openpyxl saved it)."""
        at = sheet_xml.index(f"<t>{self.marker}</t>")
        start = sheet_xml.rindex(f'<row r="{self.first}"', 0, at)
        if self.last == self.first:
            return start, sheet_xml.index("</row>", at) + len("</row>")
        last = sheet_xml.index(f'<row r="{self.last}"', at)
        close = sheet_xml.index(">", last)
        end = close + 1 if sheet_xml[close - 1] == "/" else sheet_xml.index("</row>", close) + 6
        return start, end


def splice(wb: Workbook, data: bytes) -> bytes:
    """The saved workbook ``data`` with the lines of every :class:`Body` of ``wb`` in place of
    their placeholder rows (streamed into the new archive: the lines are never joined)."""
    bodies = _BODIES.get(wb)
    if not bodies:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            text = content.decode("utf-8") if info.filename.startswith("xl/worksheets/") else ""
            mine = [(b.span(text), b) for b in bodies if f"<t>{b.marker}</t>" in text]
            if not mine:
                dst.writestr(info, content)
                continue
            big = sum(len(row) for _, b in mine for row in b.rows) > 1 << 30
            with dst.open(info, "w", force_zip64=big) as sheet:
                done = 0
                for (start, end), body in sorted(mine, key=lambda m: m[0]):
                    sheet.write(text[done:start].encode("utf-8"))
                    for row in body.rows:
                        sheet.write(row)
                    done = end
                sheet.write(text[done:].encode("utf-8"))
    return out.getvalue()
