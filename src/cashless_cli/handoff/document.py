"""The files of a handoff batch: the Post Office's workbook and CSV, and the held-back list.

Every value goes through :func:`cashless_cli.write.cells.put` (xlsx) or
:func:`cashless_cli.write.cells.csv_field` (CSV), so a name typed as ``=HYPERLINK(...)`` stays
text and IDs and phones keep their leading zeros. Workbooks are print-ready: A4 landscape, fit to
the page width, the header row repeated on every page, Times New Roman.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.handoff.select import CommuneResult, HandoffRow, HeldRow, Reason, Selection
from cashless_cli.normalise.vocab import Receiver
from cashless_cli.problems import problem_type
from cashless_cli.problems import text as tr
from cashless_cli.schema.domain import category_shown
from cashless_cli.write import fit, vnformat
from cashless_cli.write.cells import put
from cashless_cli.write.layout import FONT, unit_header
from cashless_cli.write.layout import area_vi as _area_vi
from cashless_cli.write.layout import csv_bytes as _csv_bytes
from cashless_cli.write.layout import facts as _facts
from cashless_cli.write.layout import sheet_name as _sheet_name
from cashless_cli.write.letterhead import Letterhead
from cashless_cli.write.table import Column, Table, amount, code, number, retitled, signed_list


@dataclass(frozen=True, slots=True)
class BatchInfo:
    batch_id: str
    month: str  # YYYY-MM
    created_at: str  # ISO time
    area: str
    area_level: str  # "district" or "province"
    province: str | None
    resend_of: str | None = None
    letterhead: Letterhead | None = None  # None: no letterhead, no signatures

    @property
    def month_vi(self) -> str:
        return vnformat.month(self.month)

    @property
    def area_vi(self) -> str:
        word = self.letterhead.area_word if self.letterhead else None
        return _area_vi(self.area, self.area_level, self.province, word)

    def columns(self, columns: Sequence[Column]) -> tuple[Column, ...]:
        """``columns`` with the communes' column headed as the month's units are called."""
        old = tr("handoff-doc.xa-thi-tran", "vi")
        return retitled(columns, old, unit_header(self.month, old))

    @property
    def subtitle(self) -> str:
        """``Huyện Bình Sơn, tỉnh Quảng Ngãi — tháng 6/2023 — đợt BS-2023-06-01``."""
        return tr(
            "handoff-doc.thang-dot",
            "vi",
            area_vi=self.area_vi,
            month_vi=self.month_vi,
            batch_id=self.batch_id,
        )


#: The Post Office's list, in order. Reference codes, IDs and phones never wrap.
POSTOFFICE_COLUMNS: tuple[Column, ...] = (
    number("STT", 6),
    code(tr("handoff-doc.ma-tham-chieu", "vi"), 17),
    Column(tr("handoff-doc.xa-thi-tran", "vi"), 14),
    Column(tr("handoff-doc.thon-to-dan-pho", "vi"), 16),
    Column(tr("handoff-doc.ho-ten-chu-tai-khoan", "vi"), 22),
    code(tr("handoff-doc.so-cccd-chu-tai-khoan", "vi"), 16),
    number(tr("handoff-doc.ngay-sinh-chu-tai-khoan", "vi"), 12),
    Column(tr("handoff-doc.gioi-tinh", "vi"), 7),
    code(tr("handoff-doc.so-dien-thoai", "vi"), 13),
    Column(tr("handoff-doc.nguoi-nhan", "vi"), 14),
    Column(tr("handoff-doc.quan-he-voi-doi-tuong", "vi"), 12),
    Column(tr("handoff-doc.ho-ten-doi-tuong", "vi"), 22),
    code(tr("handoff-doc.so-cccd-doi-tuong", "vi"), 16),
    Column(tr("handoff-doc.dien-doi-tuong", "vi"), 9),
    amount(tr("handoff-doc.muc-tro-cap-dong", "vi"), 13),
)
POSTOFFICE_HEADERS = tuple(c.header for c in POSTOFFICE_COLUMNS)


def postoffice_values(line: int, row: HandoffRow) -> list[Any]:
    return [
        line,
        row.ref,
        row.commune,
        row.village,
        row.holder_name,
        row.holder_id,
        row.holder_birth,
        row.holder_sex,
        row.phone,
        row.receiver,
        row.relationship,
        row.beneficiary_name,
        row.beneficiary_id,
        category_shown(row.category),
        row.amount,
    ]


def build_postoffice_workbook(info: BatchInfo, rows: Sequence[HandoffRow]) -> Workbook:
    """The workbook for the Post Office: a summary sheet, then the list (each commune on its
    own pages, the total on the last one, signatures under it)."""
    wb = openpyxl.Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = tr("handoff-doc.tong-hop", "vi")
    _summary_sheet(summary, info, rows)
    ws = wb.create_sheet(tr("handoff-doc.danh-sach", "vi"))
    subtitle = info.subtitle
    with signed_list(
        ws,
        info.columns(POSTOFFICE_COLUMNS),
        tr("handoff-doc.danh-sach-dang-ky-mo", "vi"),
        subtitle,
        info.letterhead,
        info.created_at,
        len(rows),
    ) as table:
        for i, row in enumerate(rows, start=1):
            table.line(postoffice_values(i, row))
            if i < len(rows) and rows[i].commune_code != row.commune_code:
                table.group_end()
        people = tr("doc.people", "vi", n=len(rows))
        table.line(
            ["", tr("handoff-doc.tong-cong", "vi"), people, *[""] * (table.n - 4),
             sum(r.amount for r in rows)],
            bold=True,
        )  # fmt: skip
    wb.properties.title = tr("handoff-doc.danh-sach-mo-tai-khoan", "vi", batch_id=info.batch_id)
    wb.properties.creator = "cashless"
    return wb


SUMMARY_COLUMNS: tuple[Column, ...] = (
    number("STT", 6),
    code(tr("handoff-doc.ma-xa", "vi"), 12),
    Column(tr("handoff-doc.xa-thi-tran", "vi"), 28),
    number(tr("handoff-doc.so-nguoi", "vi"), 28),
    amount(tr("handoff-doc.tong-muc-tro-cap-dong", "vi"), 32),  # room for the letterhead
)


def _summary_sheet(ws: Worksheet, info: BatchInfo, rows: Sequence[HandoffRow]) -> None:
    facts: list[tuple[str, Any]] = [
        (tr("handoff-doc.ma-dot", "vi"), info.batch_id),
        (tr("handoff-doc.thoi-diem-lap", "vi"), vnformat.when(info.created_at)),
        (tr("handoff-doc.so-dong-nguoi", "vi"), len(rows)),
        (tr("handoff-doc.tong-muc-tro-cap-hang", "vi"), sum(r.amount for r in rows)),
        (tr("handoff-doc.so-chu-tai-khoan-khac", "vi"), len({r.holder_id for r in rows})),
        (
            tr("handoff-doc.chu-tai-khoan-la-doi", "vi"),
            sum(1 for r in rows if r.receiver == Receiver.SELF),
        ),
        (
            tr("handoff-doc.chu-tai-khoan-la-nguoi", "vi"),
            sum(1 for r in rows if r.receiver == Receiver.GUARDIAN),
        ),
        (
            tr("handoff-doc.chu-tai-khoan-la-nguoi-2", "vi"),
            sum(1 for r in rows if r.receiver == Receiver.AUTHORISED),
        ),
    ]
    if info.resend_of:
        facts.insert(1, (tr("handoff-doc.gui-lai-dot", "vi"), info.resend_of))
    subtitle = tr("handoff-doc.thang", "vi", area_vi=info.area_vi, month_vi=info.month_vi)

    def above(table: Table, row: int) -> int:
        row = _facts(ws, row, facts, table.widths)
        example = next((r.ref for r in rows if r.ref), "BS-2306-K7Q2M9D")  # a real one
        said = tr("handoff-doc.ma-tham-chieu-dang-tien", "vi", example=example)
        note = put(ws.cell(row=row, column=2), said)
        note.font = Font(name=FONT, size=10, italic=True)
        note.alignment = Alignment(vertical="top", wrap_text=True)
        last = len(table.widths)  # the sentence wraps across the table, the row grows to fit
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last)
        needs = fit.lines(said, sum(table.widths[1:]), 10)
        ws.row_dimensions[row].height = fit.height(needs, 10)
        return row + 2

    by_commune: dict[tuple[str, str], list[HandoffRow]] = {}
    for row in rows:
        by_commune.setdefault((row.commune_code, row.commune), []).append(row)
    with signed_list(
        ws,
        info.columns(SUMMARY_COLUMNS),
        tr("handoff-doc.tong-hop-danh-sach-dang", "vi"),
        subtitle,
        info.letterhead,
        info.created_at,
        len(by_commune),
        above=above,
        above_rows=len(facts) + 2,
        portrait=True,
    ) as table:
        for i, ((commune_code, name), items) in enumerate(by_commune.items(), start=1):
            table.line([i, commune_code, name, len(items), sum(x.amount for x in items)])
        table.line(
            ["", "", tr("handoff-doc.tong-cong", "vi"), len(rows), sum(x.amount for x in rows)],
            bold=True,
        )


def csv_bytes(rows: Sequence[HandoffRow]) -> bytes:
    """The list as CSV: UTF-8 with a BOM (Excel reads it as UTF-8), CRLF, every field through
    :func:`csv_field` (text starting with = + - @ gets a leading apostrophe)."""
    lines = (postoffice_values(i, row) for i, row in enumerate(rows, start=1))
    return _csv_bytes(POSTOFFICE_HEADERS, lines)


HELD_COLUMNS: tuple[Column, ...] = (
    number("STT", 6),
    Column(tr("handoff-doc.tep-danh-sach", "vi"), 26),
    Column(tr("handoff-doc.trang-tinh", "vi"), 12),
    number("Dòng", 7),
    code("Ô", 7),
    Column(tr("handoff-doc.ho-ten-doi-tuong", "vi"), 22),
    Column(tr("doc.problem", "vi"), 22),
    Column(tr("handoff-doc.noi-dung-can-sua", "vi"), 44),
    Column(tr("handoff-doc.cach-sua", "vi"), 40),
)
HELD_HEADERS = tuple(c.header for c in HELD_COLUMNS)

HELD_SUMMARY_COLUMNS: tuple[Column, ...] = (
    number("STT", 6),
    code(tr("handoff-doc.ma-xa", "vi"), 10),
    Column(tr("handoff-doc.xa-thi-tran", "vi"), 18),
    number(tr("handoff-doc.da-chuyen", "vi"), 11),
    number(tr("handoff-doc.giu-lai", "vi"), 11),
    number(tr("handoff-doc.da-chuyen-truoc", "vi"), 13),
    Column(tr("handoff-doc.ghi-chu", "vi"), 60),
)


def build_heldback_workbook(info: BatchInfo, selection: Selection) -> Workbook:
    """What must be fixed before these rows can go: a summary, then one sheet per commune."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = tr("handoff-doc.tong-hop", "vi")
    subtitle = info.subtitle
    heading = tr("handoff-doc.danh-sach-chua-chuyen-buu", "vi")
    columns = info.columns(HELD_SUMMARY_COLUMNS)
    with signed_list(ws, columns, heading, subtitle, None, None, None) as table:
        for i, c in enumerate(selection.communes, start=1):
            note = c.problem("vi") or ""
            table.line([i, c.unit.code, c.unit.name, len(c.rows), len(c.held), c.already, note])
        for path, _en, vi in selection.stray_files:
            table.line(["", "", path.name, "", "", "", vi])
    used: set[str] = {tr("handoff-doc.tong-hop", "vi")}
    for c in selection.communes:
        if c.held:
            _held_sheet(wb, c, used)
    wb.properties.creator = "cashless"
    return wb


def _held_sheet(wb: Workbook, c: CommuneResult, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(c.unit.name, used))
    n_held = len(c.held)
    heading = tr("handoff-doc.dong-chua-chuyen-buu-dien", "vi", name=c.unit.name, n_held=n_held)
    with signed_list(ws, HELD_COLUMNS, heading, None, None, None, None) as table:
        for stt, held in enumerate(c.held, start=1):
            for reason in held.reasons:
                table.line(_held_values(stt, held, reason))


def _held_values(stt: int, held: HeldRow, reason: Reason) -> list[Any]:
    return [
        stt,
        held.source.name,
        held.sheet,
        held.source_row,
        reason.cell or "",
        held.name,
        problem_type(reason.code).title("vi"),
        reason.message("vi"),
        reason.hint("vi"),
    ]
