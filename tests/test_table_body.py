"""A printed list's lines are written as sheet XML beside openpyxl (write/body.py): read back,
every cell must be what openpyxl's own cells would have given — value, type, number format,
font, border, alignment — and the rows their heights, the sheet its dimension and print area."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.normalise.dates import LooseDate
from cashless_cli.normalise.vocab import Receiver
from cashless_cli.write import fit, vnformat
from cashless_cli.write.cells import put
from cashless_cli.write.layout import workbook_bytes
from cashless_cli.write.letterhead import Letterhead
from cashless_cli.write.table import Column, amount, code, number, signed_list

COLUMNS = (
    number("STT", 6),
    code("Mã", 12),
    Column("Họ tên", 14),
    number("Ngày sinh", 12),
    amount("Số tiền", 12),
    Column("Ghi chú", 20),
)
LINES: list[list[Any]] = [
    [1, "BS-2306-K7Q2M9D", "Lê Thị <Hoa> & Mai", LooseDate(1950, 3, 4), 540_000, None],
    [2, "0051", "  Nguyễn Văn An ", LooseDate(1950), 1_250_000, '=HYPERLINK("x")'],
    [3, "", "Trần\tBình\x01", dt.date(2001, 12, 31), 0, Receiver.GUARDIAN],
    [4, "12345678901234567", "Phạm " * 12, None, 10**16, True],
    [5, "x", "y", 1.5, -750_000, ""],
]
HEAD = Letterhead("UBND HUYỆN BÌNH SƠN", "PHÒNG LAO ĐỘNG", "Bình Sơn", "TRƯỞNG PHÒNG")


def _list(ws: Worksheet, letterhead: Letterhead | None) -> int:
    with signed_list(ws, COLUMNS, "Danh sách", "tháng 6/2023", letterhead, None, 5) as table:
        for i, values in enumerate(LINES):
            table.line(values)
            if i == 1:
                table.group_end()
        table.line(["", "Tổng cộng", "5 người", "", 10**16, ""], bold=True)
        return table.header_row


def _openpyxls(lines: list[list[Any]], first: int) -> Worksheet:
    """The lines as openpyxl's own cells (written by :func:`put` as the list does), saved by
    openpyxl and read back."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row, values in enumerate(lines, start=first):
        for col, value in enumerate(values, start=1):
            text = COLUMNS[col - 1].text and isinstance(value, str)
            cell = put(ws.cell(row=row, column=col), value, "@" if text else None)
            if type(value) is int and (COLUMNS[col - 1].money or value >= 10_000):
                cell.number_format = vnformat.money_number_format(value)  # "540.000"
    saved = io.BytesIO()
    wb.save(saved)
    back = openpyxl.load_workbook(saved).active
    assert back is not None
    return back


@pytest.mark.parametrize("letterhead", [None, HEAD])
def test_a_lists_lines_read_back_as_openpyxls_cells(letterhead: Letterhead | None) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    header = _list(ws, letterhead)
    back = openpyxl.load_workbook(io.BytesIO(workbook_bytes(wb)))
    got = back.active
    assert got is not None
    total = [*LINES, ["", "Tổng cộng", "5 người", "", 10**16, ""]]
    theirs = _openpyxls(total, header + 1)
    for offset, values in enumerate(total, start=1):
        row = header + offset
        bold = offset == len(total)
        for col in range(1, len(values) + 1):
            cell = got.cell(row=row, column=col)
            mine = theirs.cell(row=row, column=col)
            want = (mine.value, mine.data_type, mine.number_format, bold)
            assert (cell.value, cell.data_type, cell.number_format, cell.font.b) == want, (row, col)
            assert cell.font.name == "Times New Roman" and cell.border.left.style == "thin"
            assert bool(cell.alignment.wrap_text) == COLUMNS[col - 1].wrap
        assert got.row_dimensions[row].height is not None and got.row_dimensions[row].height >= 15
    tall = got.row_dimensions[header + 4].height  # "Phạm " twelve times wraps in its column
    assert tall == fit.height(fit.lines("Phạm " * 12, 14), 11)
    last = header + len(total)
    bottom = last + (3 if letterhead else 0)  # the signatures two rows under the total
    assert got.max_row == bottom and got.dimensions.endswith(f"F{bottom}")
    assert got.print_area == f"'{got.title}'!$A$1:$F${bottom}"
    assert [b.id for b in got.row_breaks.brk] == [header + 2]
    assert got.freeze_panes == f"A{header + 1}"
    assert "cashless-body" not in str([c.value for r in got.iter_rows() for c in r])
