"""Layout shared by the workbooks we hand to others (the Post Office's lists, the payment list):
Times New Roman, thin borders, titles merged across the table, print-ready sheets (A4 landscape,
fit to the page width, the header row repeated on every page, page numbers), and the safe way to
turn a workbook into bytes (optionally encrypted) and onto the disk (atomic, owner-only).

Every value goes through :func:`cashless_cli.write.cells.put`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.dataset.month import MERGER
from cashless_cli.fs.atomic import write_bytes
from cashless_cli.fs.csvsafe import csv_text
from cashless_cli.problems import text as tr
from cashless_cli.schema.month import Month
from cashless_cli.write import fit, vnformat
from cashless_cli.write.body import splice
from cashless_cli.write.cells import csv_field, put
from cashless_cli.write.sheet_title import sheet_title

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BODY = Font(name=FONT, size=11)
BOLD = Font(name=FONT, size=11, bold=True)
TITLE = Font(name=FONT, size=14, bold=True)


def print_ready(ws: Worksheet, header_row: int, columns: int, portrait: bool = False) -> None:
    """A4 (landscape, or ``portrait`` for a narrow summary that then fits on one page), one page
    wide, the header row repeated on every page, page numbers, the print area."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.75  # room for the page number under the table
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "Trang &P / &N"
    ws.oddFooter.center.font = FONT
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_area = f"A1:{get_column_letter(columns)}{max(ws.max_row, header_row)}"


def title(
    ws: Worksheet,
    row: int,
    text: str,
    columns: int,
    font: Font = TITLE,
    widths: Sequence[float] | None = None,
) -> None:
    """``text`` centred across the table's ``columns``; the row as tall as its lines need
    (``widths``: the columns' widths, to wrap a long title; else one line)."""
    cell = put(ws.cell(row=row, column=1), text)
    cell.font = font
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if columns > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    size, bold = float(font.sz or 11), bool(font.b)
    n_lines = fit.lines(text, sum(widths[:columns]), size, bold) if widths else 1
    ws.row_dimensions[row].height = fit.height(n_lines, size)


def header(ws: Worksheet, row: int, headers: Sequence[str], widths: Sequence[float]) -> None:
    """A header row: bold, boxed, wrapped; the row as tall as its longest header needs."""
    tallest = 1
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = put(ws.cell(row=row, column=col), text)
        cell.font = BOLD
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
        tallest = max(tallest, fit.lines(text, width, 11, bold=True))
    ws.row_dimensions[row].height = fit.height(tallest, 11)


def facts(ws: Worksheet, row: int, items: Sequence[tuple[str, Any]], widths: list[float]) -> int:
    """Label (bold, columns B:C merged, wrapped) and value (column D, widened to fit it) from
    ``row`` down; the next row. ``widths[i]`` is column ``i + 1``'s width (updated)."""
    label_width = widths[1] + widths[2]
    for label, value in items:
        put(ws.cell(row=row, column=2), label).font = BOLD
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        ws.cell(row=row, column=2).alignment = Alignment(vertical="top", wrap_text=True)
        money = isinstance(value, int) and not isinstance(value, bool)
        fmt = vnformat.money_number_format(value) if money else None
        cell = put(ws.cell(row=row, column=4), value, fmt)
        cell.font = BODY
        cell.alignment = Alignment(horizontal="left", vertical="top")
        if money:
            widths[3] = max(widths[3], fit.width_for(vnformat.number(value), 11))
        ws.row_dimensions[row].height = fit.height(fit.lines(label, label_width, 11, True), 11)
        row += 1
    return row


def unit_header(month: Month | str, before: str) -> str:
    """The header of a column naming communes: ``before`` (e.g. "Xã/Thị trấn") for a month
    before July 2025, "Xã, phường, đặc khu" from then on (the two-level local government)."""
    when = month if isinstance(month, Month) else Month.parse(str(month))
    return tr("rate-doc.xa-phuong-dac-khu", "vi") if when >= MERGER else before


def area_vi(area: str, area_level: str, province: str | None, word: str | None = None) -> str:
    """``Huyện Bình Sơn, tỉnh Quảng Ngãi``, ``Xã Vạn Tường, tỉnh Quảng Ngãi`` or ``Tỉnh Quảng
    Ngãi``; ``word``: the area's kind as its letterhead names it (``thành phố``, ``phường``…)."""
    word = word or {"district": "huyện", "commune": "xã"}.get(area_level, "tỉnh")
    head = f"{word[:1].upper()}{word[1:]} {area}"
    return tr("handoff-doc.tinh", "vi", head=head, province=province) if province else head


def csv_bytes(headers: Sequence[str], lines: Iterable[Sequence[Any]]) -> bytes:
    """A list as CSV: UTF-8 with a BOM (Excel reads it as UTF-8), CRLF, every field through
    :func:`csv_field` (text starting with = + - @ gets a leading apostrophe), written by the one
    formula-safe writer :func:`~cashless_cli.fs.csvsafe.csv_text`."""
    rows = [[csv_field(h) for h in headers]]
    rows += [[csv_field(v) for v in values] for values in lines]
    return ("\ufeff" + csv_text(rows)).encode("utf-8")


def workbook_bytes(wb: Workbook, password: str | None = None) -> bytes:
    """The .xlsx bytes of ``wb``; encrypted with a standard Office password when given (the
    plain workbook never touches the disk)."""
    saved = io.BytesIO()
    wb.save(saved)
    plain = io.BytesIO(splice(wb, saved.getvalue()))  # a long list's lines (write/body.py)
    if not password:
        return plain.getvalue()
    import msoffcrypto.format.ooxml  # local: only needed with a password

    plain.seek(0)
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt(password, encrypted)
    return encrypted.getvalue()


def sheet_name(name: str, used: set[str]) -> str:
    """A commune's sheet title within Excel's rules (:func:`sheet_title.sheet_title`)."""
    return sheet_title(name, used, fallback="Xã")


def save(path: Path, data: bytes) -> None:
    """Write a handoff file atomically, owner-only (it holds personal data)."""
    write_bytes(path, data, private=True)
