"""The files of the monthly payment list: the workbook for the paying unit and the CSV of the
payments through accounts.

Workbook sheets: "Tổng hợp" (per-commune counts and amounts, the district's control totals),
"Qua tài khoản" (one line per person, a subtotal line after each commune, the district total
last), "Tiền mặt" (still paid in cash) and, when needed, "Cần kiểm tra" (rows this list cannot
pay). Every value goes through :func:`cashless_cli.write.cells.put` / ``csv_field``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.payments.select import (
    SOURCE_BOTH,
    SOURCE_LEDGER,
    SOURCE_ROSTER,
    PaymentList,
    PaymentRow,
)
from cashless_cli.problems import CATALOGUE, Entry, Joined, Problem
from cashless_cli.problems import text as tr
from cashless_cli.schema.domain import category_shown
from cashless_cli.write import vnformat
from cashless_cli.write.layout import area_vi, csv_bytes, facts, unit_header
from cashless_cli.write.letterhead import Letterhead
from cashless_cli.write.table import Column, Table, amount, code, number, retitled, signed_list


@dataclass(frozen=True, slots=True)
class PaymentsInfo:
    month: str  # YYYY-MM
    created_at: str
    area: str
    area_level: str
    province: str | None
    letterhead: Letterhead | None = None  # None: no letterhead, no signatures

    @property
    def month_vi(self) -> str:
        return vnformat.month(self.month)

    @property
    def area_vi(self) -> str:
        word = self.letterhead.area_word if self.letterhead else None
        return area_vi(self.area, self.area_level, self.province, word)

    def columns(self, columns: Sequence[Column]) -> tuple[Column, ...]:
        """``columns`` with the communes' column headed as the month's units are called."""
        old = tr("pay-doc.xa-thi-tran", "vi")
        return retitled(columns, old, unit_header(self.month, old))


SOURCE_VI = {
    SOURCE_ROSTER: tr("pay-doc.danh-sach-xa", "vi"),
    SOURCE_LEDGER: tr("pay-doc.buu-dien-tra-loi", "vi"),
    SOURCE_BOTH: tr("pay-doc.danh-sach-xa-buu-dien", "vi"),
}

#: What a line adds to the month's amount: arrears not collected earlier, and the line's total.
ARREARS_COLUMNS: tuple[Column, ...] = (
    amount(tr("pay-doc.truy-linh-dong", "vi"), 12),
    Column(tr("pay-doc.thang-truy-linh", "vi"), 12),
    amount(tr("pay-doc.cong-chi-dong", "vi"), 13),
)

#: Who is paid: the columns both lists start with (the line's Mã chi trả among them).
PERSON_COLUMNS: tuple[Column, ...] = (
    number("STT", 6),
    code(tr("pay-doc.ma-xa", "vi"), 8),
    Column(tr("pay-doc.xa-thi-tran", "vi"), 14),
    code(tr("pay-doc.ma-chi-tra", "vi"), 17),
    Column(tr("pay-doc.ho-ten-doi-tuong", "vi"), 22),
    code(tr("pay-doc.so-cccd-doi-tuong", "vi"), 15),
    Column("Diện", 9),  # "Hưu trí xã hội" on two lines
)
ACCOUNT_COLUMNS: tuple[Column, ...] = (
    *PERSON_COLUMNS,
    Column(tr("pay-doc.nguoi-nhan", "vi"), 13),
    Column(tr("pay-doc.ho-ten-chu-tai-khoan", "vi"), 22),
    code(tr("pay-doc.so-tai-khoan", "vi"), 18),
    Column(tr("pay-doc.noi-mo-tai-khoan", "vi"), 16),
    amount(tr("pay-doc.so-tien-dong", "vi"), 13),
    *ARREARS_COLUMNS,
    Column(tr("pay-doc.nguon-so-tai-khoan", "vi"), 14),
    Column(tr("pay-doc.doi-chieu-muc-tro-cap", "vi"), 26),
    Column(tr("pay-doc.ghi-chu", "vi"), 30),
)
ACCOUNT_HEADERS = tuple(c.header for c in ACCOUNT_COLUMNS)
AMOUNT_COLUMN = ACCOUNT_HEADERS.index(tr("pay-doc.so-tien-dong", "vi")) + 1

CASH_COLUMNS: tuple[Column, ...] = (
    *PERSON_COLUMNS,
    Column(tr("pay-doc.tinh-trang-dang-ky", "vi"), 14),
    Column(tr("pay-doc.nguoi-nhan", "vi"), 13),
    Column(tr("pay-doc.ho-ten-nguoi-nhan", "vi"), 22),
    amount(tr("pay-doc.so-tien-dong", "vi"), 13),
    *ARREARS_COLUMNS,
    Column(tr("pay-doc.doi-chieu-muc-tro-cap", "vi"), 26),
    Column(tr("pay-doc.ghi-chu", "vi"), 30),
    Column(tr("pay-doc.ky-nhan", "vi"), 16),  # paid in cash: the receiver signs on paying
)
CASH_HEADERS = tuple(c.header for c in CASH_COLUMNS)


def _person(i: int, r: PaymentRow) -> list[Any]:
    return [
        i,
        r.commune_code,
        r.commune,
        r.pay_ref,
        r.beneficiary_name,
        r.beneficiary_id,
        category_shown(r.category),
    ]


def _check_and_note(r: PaymentRow) -> list[Any]:
    """The amount check (its amounts and coefficient written alike: "540.000 đồng khác với
    750.000 đồng (500.000 × 1,5)") and the row's notes."""
    check = r.amount_check
    if check is not None and isinstance(check.value, int) and not isinstance(check.value, bool):
        check = replace(check, value=vnformat.number(check.value))
    coefficient = check.params.get("coefficient") if check is not None else None
    if check is not None and isinstance(coefficient, str):  # "500.000 × 1,5", not "× 1.5"
        worded = vnformat.decimal(coefficient)
        check = replace(check, params={**check.params, "coefficient": worded})
    notes = "; ".join(_titled(n).message("vi") for n in r.notes)
    return [check.message("vi") if check else None, notes or None]


def _titled(note: Problem) -> Problem:
    """``note`` with the problem codes it quotes ("id-both-programmes") worded by their
    Vietnamese titles: a document is read by people; the codes stay in the JSON and terminal."""
    codes = note.params.get("codes")
    if not isinstance(codes, str):
        return note
    titles = tuple(
        Entry(c, bare=True) if c in CATALOGUE else c for c in (x.strip() for x in codes.split(","))
    )
    return replace(note, params={**note.params, "codes": Joined(titles)})


def _arrears(r: PaymentRow) -> list[Any]:
    """The arrears columns: amount, months (08/2025, ...), the line's total."""
    months = ", ".join(f"{m[5:7]}/{m[:4]}" for m in r.arrears_months)
    return [r.arrears or None, months or None, r.total if r.amount is not None else None]


def account_values(i: int, r: PaymentRow) -> list[Any]:
    return [
        *_person(i, r),
        r.receiver,
        r.receiver_name,
        r.account_number,
        r.provider,
        r.amount,
        *_arrears(r),
        SOURCE_VI.get(r.account_source or "", ""),
        *_check_and_note(r),
    ]


def cash_values(i: int, r: PaymentRow) -> list[Any]:
    return [
        *_person(i, r),
        r.status,
        r.receiver,
        r.receiver_name,
        r.amount,
        *_arrears(r),
        *_check_and_note(r),
        None,  # Ký nhận: signed on paying
    ]


def _list_sheet(
    ws: Worksheet,
    heading: str,
    info: PaymentsInfo,
    columns: tuple[Column, ...],
    groups: Sequence[tuple[str, Sequence[PaymentRow]]],
    values: Any,
    subtotals: bool,
) -> None:
    """One line per person; with ``subtotals``, each commune's subtotal and a page break after
    it (a commune prints on its own pages); the total last, the signatures under it."""
    subtitle = tr("pay-doc.thang", "vi", area_vi=info.area_vi, month_vi=info.month_vi)
    everyone = [x for _, rows in groups for x in rows]
    filter_rows = len(everyone) + (sum(1 for _, rows in groups if rows) if subtotals else 0)
    with signed_list(
        ws, info.columns(columns), heading, subtitle, info.letterhead, info.created_at, filter_rows
    ) as table:
        stt = 0
        last = next((rows for _, rows in reversed(groups) if rows), None)
        for name, rows in groups:
            for item in rows:
                stt += 1
                table.line(values(stt, item))
            if subtotals and rows:
                _sum_line(table, tr("doc.subtotal", "vi", name=name), rows)
                if rows is not last:  # the total stays on the last commune's page
                    table.group_end()
        _sum_line(table, tr("pay-doc.tong-cong", "vi"), everyone)


def _sum_line(table: Table, label: str, rows: Sequence[PaymentRow]) -> None:
    """A subtotal or total line in bold: the label, the people counted, their amounts (the
    month's, the arrears and the lines' totals)."""
    headers = [c.header for c in table.columns]
    cells: list[Any] = ["", "", label, tr("doc.people", "vi", n=len(rows))]
    cells += [""] * (table.n - len(cells))
    sums = {
        tr("pay-doc.so-tien-dong", "vi"): sum(x.amount or 0 for x in rows),
        tr("pay-doc.truy-linh-dong", "vi"): sum(x.arrears for x in rows),
        tr("pay-doc.cong-chi-dong", "vi"): sum(x.total for x in rows),
    }
    for h, value in sums.items():
        if h in headers:
            cells[headers.index(h)] = value
    table.line(cells, bold=True)


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


SUMMARY_COLUMNS: tuple[Column, ...] = (
    number("STT", 6),
    code(tr("pay-doc.ma-xa", "vi"), 9),
    Column(tr("pay-doc.xa-thi-tran", "vi"), 18),
    number(tr("pay-doc.qua-tai-khoan-nguoi", "vi"), 12),
    amount(tr("pay-doc.qua-tai-khoan-dong", "vi"), 15),
    number(tr("pay-doc.tien-mat-nguoi", "vi"), 12),
    amount(tr("pay-doc.tien-mat-dong", "vi"), 15),
    number(tr("pay-doc.can-kiem-tra", "vi"), 10),
    Column(tr("pay-doc.ghi-chu", "vi"), 40),
)


def _summary_sheet(ws: Worksheet, info: PaymentsInfo, p: PaymentList) -> None:
    summary_facts: list[tuple[str, Any]] = [
        ("Tháng", info.month_vi),
        (tr("pay-doc.thoi-diem-lap", "vi"), vnformat.when(info.created_at)),
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
    subtitle = tr("pay-doc.thang", "vi", area_vi=info.area_vi, month_vi=info.month_vi)

    def above(table: Table, row: int) -> int:
        return facts(ws, row, summary_facts, table.widths) + 1

    with signed_list(
        ws,
        info.columns(SUMMARY_COLUMNS),
        tr("pay-doc.tong-hop-chi-tra-tro", "vi"),
        subtitle,
        info.letterhead,
        info.created_at,
        None,
        above=above,
        above_rows=len(summary_facts) + 1,
        portrait=True,
    ) as table:
        for i, c in enumerate(p.communes, start=1):
            note = c.problem.vi if c.problem else ""
            table.line(
                [i, c.unit.code, c.unit.name, len(c.accounts), c.amount, len(c.cash),
                 c.cash_amount, len(c.check), note]
            )  # fmt: skip
        table.line(
            ["", "", tr("pay-doc.tong-cong", "vi"), len(p.accounts), p.total_amount,
             len(p.cash), p.cash_amount, len(p.check), ""],
            bold=True,
        )  # fmt: skip
        for u in p.unlisted:  # who is in no list, and why (the command exits with code 1)
            people = "?" if u.rows is None else u.rows
            table.line(["", "", u.path.name, "", "", "", "", people, u.problem().message("vi")])


def payments_csv_bytes(payments: PaymentList) -> bytes:
    """The payments through accounts as CSV (data lines only): UTF-8 with a BOM, CRLF, every
    field through :func:`csv_field`."""
    lines = (account_values(i, row) for i, row in enumerate(payments.accounts, start=1))
    return csv_bytes(ACCOUNT_HEADERS, lines)
