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

from cashless_cli.payments.select import (
    SOURCE_BOTH,
    SOURCE_LEDGER,
    SOURCE_ROSTER,
    PaymentList,
    PaymentRow,
)
from cashless_cli.problems import text as tr
from cashless_cli.write.layout import (
    BOLD,
    area_vi,
    bold_line,
    csv_bytes,
    facts,
    header,
    line,
    month_vi,
    print_ready,
    title,
)


@dataclass(frozen=True, slots=True)
class PaymentsInfo:
    month: str  # YYYY-MM
    created_at: str
    area: str
    area_level: str
    province: str | None

    @property
    def month_vi(self) -> str:
        return month_vi(self.month)

    @property
    def area_vi(self) -> str:
        return area_vi(self.area, self.area_level, self.province)


SOURCE_VI = {
    SOURCE_ROSTER: tr("pay-doc.danh-sach-xa", "vi"),
    SOURCE_LEDGER: tr("pay-doc.buu-dien-tra-loi", "vi"),
    SOURCE_BOTH: tr("pay-doc.danh-sach-xa-buu-dien", "vi"),
}

# (header, width, text?)
ACCOUNT_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 6, False),
    (tr("pay-doc.ma-xa", "vi"), 8, True),
    (tr("pay-doc.xa-thi-tran", "vi"), 14, True),
    (tr("pay-doc.ma-chi-tra", "vi"), 17, True),
    (tr("pay-doc.ho-ten-doi-tuong", "vi"), 22, True),
    (tr("pay-doc.so-cccd-doi-tuong", "vi"), 15, True),
    ("Diện", 6, True),
    (tr("pay-doc.nguoi-nhan", "vi"), 13, True),
    (tr("pay-doc.ho-ten-chu-tai-khoan", "vi"), 22, True),
    (tr("pay-doc.so-tai-khoan", "vi"), 18, True),
    (tr("pay-doc.noi-mo-tai-khoan", "vi"), 13, True),
    (tr("pay-doc.so-tien-dong", "vi"), 13, False),
    (tr("pay-doc.truy-linh-dong", "vi"), 12, False),
    (tr("pay-doc.thang-truy-linh", "vi"), 12, True),
    (tr("pay-doc.cong-chi-dong", "vi"), 13, False),
    (tr("pay-doc.nguon-so-tai-khoan", "vi"), 14, True),
    (tr("pay-doc.doi-chieu-muc-tro-cap", "vi"), 26, True),
    (tr("pay-doc.ghi-chu", "vi"), 30, True),
)
ACCOUNT_HEADERS = tuple(h for h, _, _ in ACCOUNT_COLUMNS)
AMOUNT_COLUMN = ACCOUNT_HEADERS.index(tr("pay-doc.so-tien-dong", "vi")) + 1

CASH_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 6, False),
    (tr("pay-doc.ma-xa", "vi"), 8, True),
    (tr("pay-doc.xa-thi-tran", "vi"), 14, True),
    (tr("pay-doc.ma-chi-tra", "vi"), 17, True),
    (tr("pay-doc.ho-ten-doi-tuong", "vi"), 22, True),
    (tr("pay-doc.so-cccd-doi-tuong", "vi"), 15, True),
    ("Diện", 6, True),
    (tr("pay-doc.tinh-trang-dang-ky", "vi"), 14, True),
    (tr("pay-doc.nguoi-nhan", "vi"), 13, True),
    (tr("pay-doc.ho-ten-nguoi-nhan", "vi"), 22, True),
    (tr("pay-doc.so-tien-dong", "vi"), 13, False),
    (tr("pay-doc.truy-linh-dong", "vi"), 12, False),
    (tr("pay-doc.thang-truy-linh", "vi"), 12, True),
    (tr("pay-doc.cong-chi-dong", "vi"), 13, False),
    (tr("pay-doc.doi-chieu-muc-tro-cap", "vi"), 26, True),
    (tr("pay-doc.ghi-chu", "vi"), 30, True),
)
CASH_HEADERS = tuple(h for h, _, _ in CASH_COLUMNS)


def _arrears(r: PaymentRow) -> list[Any]:
    """The arrears columns: amount, months (08/2025, ...), the line's total."""
    months = ", ".join(f"{m[5:7]}/{m[:4]}" for m in r.arrears_months)
    return [r.arrears or None, months or None, r.total if r.amount is not None else None]


def account_values(i: int, r: PaymentRow) -> list[Any]:
    return [
        i,
        r.commune_code,
        r.commune,
        r.pay_ref,
        r.beneficiary_name,
        r.beneficiary_id,
        r.category,
        r.receiver,
        r.receiver_name,
        r.account_number,
        r.provider,
        r.amount,
        *_arrears(r),
        SOURCE_VI.get(r.account_source or "", ""),
        r.amount_check.message("vi") if r.amount_check else None,
        r.note("vi") or None,
    ]


def cash_values(i: int, r: PaymentRow) -> list[Any]:
    return [
        i,
        r.commune_code,
        r.commune,
        r.pay_ref,
        r.beneficiary_name,
        r.beneficiary_id,
        r.category,
        r.status,
        r.receiver,
        r.receiver_name,
        r.amount,
        *_arrears(r),
        r.amount_check.message("vi") if r.amount_check else None,
        r.note("vi") or None,
    ]


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
    title(ws, 1, heading, n)
    title(ws, 2, tr("pay-doc.thang", "vi", area_vi=info.area_vi, month_vi=info.month_vi), n, BOLD)
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
            _sum_line(ws, r, f"Cộng {name}", rows, columns)
    r += 1
    everyone = [x for _, rows in groups for x in rows]
    _sum_line(ws, r, tr("pay-doc.tong-cong", "vi"), everyone, columns)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n)}{max(header_row, r - 1)}"
    print_ready(ws, header_row, n)


def _sum_line(
    ws: Worksheet, r: int, label: str, rows: Sequence[PaymentRow], columns: _Columns
) -> None:
    """A subtotal or total line in bold: the label, the people counted, their amounts (the
    month's, the arrears and the lines' totals)."""
    headers = [h for h, _, _ in columns]
    cells: list[Any] = ["", "", label, f"{len(rows)} người"]
    cells += [""] * (len(headers) - len(cells))
    sums = {
        tr("pay-doc.so-tien-dong", "vi"): sum(x.amount or 0 for x in rows),
        tr("pay-doc.truy-linh-dong", "vi"): sum(x.arrears for x in rows),
        tr("pay-doc.cong-chi-dong", "vi"): sum(x.total for x in rows),
    }
    for h, value in sums.items():
        cells[headers.index(h)] = value
    bold_line(ws, r, cells)


_Columns = tuple[tuple[str, float, bool], ...]


def build_payments_workbook(info: PaymentsInfo, payments: PaymentList) -> Workbook:
    wb = openpyxl.Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = tr("pay-doc.tong-hop", "vi")
    _summary_sheet(summary, info, payments)
    groups = [(c.unit.name, c.accounts) for c in payments.communes]
    _list_sheet(
        wb.create_sheet(tr("pay-doc.qua-tai-khoan", "vi")),
        tr("pay-doc.danh-sach-chi-tra-tro", "vi"),
        info,
        ACCOUNT_COLUMNS,
        groups,
        account_values,
        True,
    )
    _list_sheet(
        wb.create_sheet(tr("pay-doc.tien-mat", "vi")),
        tr("pay-doc.danh-sach-doi-tuong-con", "vi"),
        info,
        CASH_COLUMNS,
        [(c.unit.name, c.cash) for c in payments.communes],
        cash_values,
        True,
    )
    if payments.check:
        _list_sheet(
            wb.create_sheet(tr("pay-doc.can-kiem-tra", "vi")),
            tr("pay-doc.dong-chua-chi-tra-duoc", "vi"),
            info,
            CASH_COLUMNS,
            [(c.unit.name, c.check) for c in payments.communes],
            cash_values,
            False,
        )
    wb.properties.title = tr("pay-doc.danh-sach-chi-tra-qua", "vi", month=info.month)
    wb.properties.creator = "cashless"
    return wb


def _summary_sheet(ws: Worksheet, info: PaymentsInfo, p: PaymentList) -> None:
    headers = [
        "STT",
        tr("pay-doc.ma-xa", "vi"),
        tr("pay-doc.xa-thi-tran", "vi"),
        tr("pay-doc.qua-tai-khoan-nguoi", "vi"),
        tr("pay-doc.qua-tai-khoan-dong", "vi"),
        tr("pay-doc.tien-mat-nguoi", "vi"),
        tr("pay-doc.tien-mat-dong", "vi"),
        tr("pay-doc.can-kiem-tra", "vi"),
        tr("pay-doc.ghi-chu", "vi"),
    ]
    n = len(headers)
    title(ws, 1, tr("pay-doc.tong-hop-chi-tra-tro", "vi"), n)
    title(ws, 2, tr("pay-doc.thang", "vi", area_vi=info.area_vi, month_vi=info.month_vi), n, BOLD)
    summary_facts: list[tuple[str, Any]] = [
        ("Tháng", info.month_vi),
        (tr("pay-doc.thoi-diem-lap", "vi"), info.created_at),
        (tr("pay-doc.so-nguoi-chi-tra-qua", "vi"), len(p.accounts)),
        (tr("pay-doc.tong-so-tien-chi-tra", "vi"), p.total_amount),
        (tr("pay-doc.so-nguoi-con-nhan-tien", "vi"), len(p.cash)),
        (tr("pay-doc.tong-so-tien-mat-dong", "vi"), p.cash_amount),
        (tr("pay-doc.so-dong-can-kiem-tra", "vi"), len(p.check)),
        (tr("pay-doc.truy-linh-tong", "vi"), p.arrears_amount),
        (tr("pay-doc.tam-dung", "vi"), sum(1 for r in p.check if r.suspended)),
        (tr("pay-doc.so-tai-khoan-khac-giua", "vi"), len(p.mismatches)),
        (tr("pay-doc.xa-chua-co-trong-danh", "vi"), len(p.missing)),
        (tr("pay-doc.not-listed", "vi"), p.not_listed),
        (tr("pay-doc.unlisted-files", "vi"), len(p.unlisted)),
    ]
    header_row = facts(ws, 4, summary_facts) + 1
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
    bold_line(
        ws,
        row,
        [
            "",
            "",
            tr("pay-doc.tong-cong", "vi"),
            len(p.accounts),
            p.total_amount,
            len(p.cash),
            p.cash_amount,
            len(p.check),
            "",
        ],
    )
    for u in p.unlisted:  # who is in no list, and why (the command exits with code 1)
        row += 1
        people = "?" if u.rows is None else u.rows
        line(
            ws,
            row,
            ["", "", u.path.name, "", "", "", "", people, u.problem().message("vi")],
            [False, True, True, False, False, False, False, False, True],
        )
    print_ready(ws, header_row, n)


def payments_csv_bytes(payments: PaymentList) -> bytes:
    """The payments through accounts as CSV (data lines only): UTF-8 with a BOM, CRLF, every
    field through :func:`csv_field`."""
    lines = (account_values(i, row) for i, row in enumerate(payments.accounts, start=1))
    return csv_bytes(ACCOUNT_HEADERS, lines)
