"""The files of the monthly payment list: the workbook for the paying unit and the CSV of the
payments through accounts.

Workbook sheets: "Tổng hợp" (per-commune counts and amounts, the district's control totals),
"Qua tài khoản" (one line per person, a subtotal line after each commune, the district total
last), "Tiền mặt" (still paid in cash) and, when needed, "Cần kiểm tra" (rows this list cannot
pay). Every value goes through :func:`cashless_cli.write.cells.put` / ``csv_field``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.fs.csvsafe import csv_text
from cashless_cli.payments.select import (
    SOURCE_BOTH,
    SOURCE_LEDGER,
    SOURCE_ROSTER,
    PaymentList,
    PaymentRow,
)
from cashless_cli.write.cells import csv_field, put
from cashless_cli.write.layout import BODY, BOLD, MONEY, header, line, print_ready, title


@dataclass(frozen=True, slots=True)
class PaymentsInfo:
    month: str  # YYYY-MM
    created_at: str
    area: str
    area_level: str
    province: str | None

    @property
    def month_vi(self) -> str:
        return f"{int(self.month[5:7])}/{self.month[:4]}"

    @property
    def area_vi(self) -> str:
        head = ("Huyện " if self.area_level == "district" else "Tỉnh ") + self.area
        return f"{head}, tỉnh {self.province}" if self.province else head


SOURCE_VI = {
    SOURCE_ROSTER: "Danh sách xã",
    SOURCE_LEDGER: "Bưu điện trả lời",
    SOURCE_BOTH: "Danh sách xã + Bưu điện",
}

# (header, width, text?)
ACCOUNT_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 6, False),
    ("Mã xã", 8, True),
    ("Xã/Thị trấn", 14, True),
    ("Họ tên đối tượng", 22, True),
    ("Số CCCD đối tượng", 15, True),
    ("Diện", 6, True),
    ("Người nhận", 13, True),
    ("Họ tên chủ tài khoản", 22, True),
    ("Số tài khoản", 18, True),
    ("Nơi mở tài khoản", 13, True),
    ("Số tiền (đồng)", 13, False),
    ("Nguồn số tài khoản", 14, True),
    ("Đối chiếu mức trợ cấp", 26, True),
    ("Ghi chú", 30, True),
)
ACCOUNT_HEADERS = tuple(h for h, _, _ in ACCOUNT_COLUMNS)
AMOUNT_COLUMN = ACCOUNT_HEADERS.index("Số tiền (đồng)") + 1

CASH_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 6, False),
    ("Mã xã", 8, True),
    ("Xã/Thị trấn", 14, True),
    ("Họ tên đối tượng", 22, True),
    ("Số CCCD đối tượng", 15, True),
    ("Diện", 6, True),
    ("Tình trạng đăng ký", 14, True),
    ("Người nhận", 13, True),
    ("Họ tên người nhận", 22, True),
    ("Số tiền (đồng)", 13, False),
    ("Đối chiếu mức trợ cấp", 26, True),
    ("Ghi chú", 30, True),
)
CASH_HEADERS = tuple(h for h, _, _ in CASH_COLUMNS)


def account_values(i: int, r: PaymentRow) -> list[Any]:
    return [
        i,
        r.commune_code,
        r.commune,
        r.beneficiary_name,
        r.beneficiary_id,
        r.category,
        r.receiver,
        r.receiver_name,
        r.account_number,
        r.provider,
        r.amount,
        SOURCE_VI.get(r.account_source or "", ""),
        r.amount_check.vi if r.amount_check else None,
        r.note("vi") or None,
    ]


def cash_values(i: int, r: PaymentRow) -> list[Any]:
    return [
        i,
        r.commune_code,
        r.commune,
        r.beneficiary_name,
        r.beneficiary_id,
        r.category,
        r.status,
        r.receiver,
        r.receiver_name,
        r.amount,
        r.amount_check.vi if r.amount_check else None,
        r.note("vi") or None,
    ]


def _bold_row(ws: Worksheet, row: int, columns: int) -> None:
    for col in range(1, columns + 1):
        ws.cell(row=row, column=col).font = BOLD


def _list_sheet(
    ws: Worksheet,
    heading: str,
    info: PaymentsInfo,
    columns: tuple[tuple[str, float, bool], ...],
    groups: Sequence[tuple[str, Sequence[PaymentRow]]],
    values: Any,
    subtotals: bool,
) -> None:
    n = len(columns)
    amount_col = [h for h, _, _ in columns].index("Số tiền (đồng)") + 1
    title(ws, 1, heading, n)
    title(ws, 2, f"{info.area_vi} — tháng {info.month_vi}", n, BOLD)
    header_row = 4
    header(ws, header_row, [h for h, _, _ in columns], [w for _, w, _ in columns])
    text_cols = [t for _, _, t in columns]
    r = header_row
    stt = 0
    for name, rows in groups:
        for item in rows:
            stt += 1
            r += 1
            line(ws, r, values(stt, item), text_cols)
        if subtotals and rows:
            r += 1
            cells: list[Any] = ["", "", f"Cộng {name}", f"{len(rows)} người"]
            cells += [""] * (amount_col - len(cells) - 1)
            cells += [sum(x.amount or 0 for x in rows)]
            cells += [""] * (n - len(cells))
            line(ws, r, cells)
            _bold_row(ws, r, n)
    r += 1
    everyone = [x for _, rows in groups for x in rows]
    cells = ["", "", "Tổng cộng", f"{len(everyone)} người"]
    cells += [""] * (amount_col - len(cells) - 1)
    cells += [sum(x.amount or 0 for x in everyone)]
    cells += [""] * (n - len(cells))
    line(ws, r, cells)
    _bold_row(ws, r, n)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n)}{max(header_row, r - 1)}"
    print_ready(ws, header_row, n)


def build_payments_workbook(info: PaymentsInfo, payments: PaymentList) -> Workbook:
    wb = openpyxl.Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _summary_sheet(summary, info, payments)
    groups = [(c.unit.name, c.accounts) for c in payments.communes]
    _list_sheet(
        wb.create_sheet("Qua tài khoản"),
        "DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG QUA TÀI KHOẢN",
        info,
        ACCOUNT_COLUMNS,
        groups,
        account_values,
        True,
    )
    _list_sheet(
        wb.create_sheet("Tiền mặt"),
        "DANH SÁCH ĐỐI TƯỢNG CÒN NHẬN TRỢ CẤP BẰNG TIỀN MẶT",
        info,
        CASH_COLUMNS,
        [(c.unit.name, c.cash) for c in payments.communes],
        cash_values,
        True,
    )
    if payments.check:
        _list_sheet(
            wb.create_sheet("Cần kiểm tra"),
            "DÒNG CHƯA CHI TRẢ ĐƯỢC THEO DANH SÁCH NÀY — CẦN KIỂM TRA",
            info,
            CASH_COLUMNS,
            [(c.unit.name, c.check) for c in payments.communes],
            cash_values,
            False,
        )
    wb.properties.title = f"Danh sách chi trả qua tài khoản {info.month}"
    wb.properties.creator = "cashless"
    return wb


def _summary_sheet(ws: Worksheet, info: PaymentsInfo, p: PaymentList) -> None:
    headers = [
        "STT",
        "Mã xã",
        "Xã/Thị trấn",
        "Qua tài khoản (người)",
        "Qua tài khoản (đồng)",
        "Tiền mặt (người)",
        "Tiền mặt (đồng)",
        "Cần kiểm tra",
        "Ghi chú",
    ]
    n = len(headers)
    title(ws, 1, "TỔNG HỢP CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG", n)
    title(ws, 2, f"{info.area_vi} — tháng {info.month_vi}", n, BOLD)
    facts: list[tuple[str, Any]] = [
        ("Tháng", info.month_vi),
        ("Thời điểm lập", info.created_at),
        ("Số người chi trả qua tài khoản", len(p.accounts)),
        ("Tổng số tiền chi trả qua tài khoản (đồng)", p.total_amount),
        ("Số người còn nhận tiền mặt", len(p.cash)),
        ("Tổng số tiền mặt (đồng)", p.cash_amount),
        ("Số dòng cần kiểm tra (chưa chi)", len(p.check)),
        ("Số tài khoản khác giữa danh sách xã và Bưu điện", len(p.mismatches)),
        ("Xã chưa có trong danh sách", len(p.missing)),
    ]
    r = 4
    for label, value in facts:
        put(ws.cell(row=r, column=2), label).font = BOLD
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        cell = put(ws.cell(row=r, column=4), value, MONEY if isinstance(value, int) else None)
        cell.font = BODY
        r += 1
    header_row = r + 1
    header(ws, header_row, headers, [6, 9, 18, 12, 15, 12, 15, 10, 40])
    row = header_row
    for i, c in enumerate(p.communes, start=1):
        row += 1
        note = c.problem.vi if c.problem else ""
        line(
            ws,
            row,
            [
                i,
                c.unit.code,
                c.unit.name,
                len(c.accounts),
                c.amount,
                len(c.cash),
                c.cash_amount,
                len(c.check),
                note,
            ],
            [False, True, True, False, False, False, False, False, True],
        )
    row += 1
    line(
        ws,
        row,
        [
            "",
            "",
            "Tổng cộng",
            len(p.accounts),
            p.total_amount,
            len(p.cash),
            p.cash_amount,
            len(p.check),
            "",
        ],
    )
    _bold_row(ws, row, n)
    print_ready(ws, header_row, n)


def payments_csv_bytes(payments: PaymentList) -> bytes:
    """The payments through accounts as CSV (data lines only): UTF-8 with a BOM, CRLF, every
    field through :func:`csv_field`."""
    lines = [[csv_field(h) for h in ACCOUNT_HEADERS]]
    for i, row in enumerate(payments.accounts, start=1):
        lines.append([csv_field(v) for v in account_values(i, row)])
    return ("\ufeff" + csv_text(lines)).encode("utf-8")
