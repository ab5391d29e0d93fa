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
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.handoff.select import CommuneResult, HandoffRow, HeldRow, Reason, Selection
from cashless_cli.normalise.vocab import Receiver
from cashless_cli.problems import text as tr
from cashless_cli.write.cells import put
from cashless_cli.write.layout import BOLD as _BOLD
from cashless_cli.write.layout import FONT
from cashless_cli.write.layout import area_vi as _area_vi
from cashless_cli.write.layout import bold_line as _bold_line
from cashless_cli.write.layout import csv_bytes as _csv_bytes
from cashless_cli.write.layout import facts as _facts
from cashless_cli.write.layout import header as _header
from cashless_cli.write.layout import line as _line
from cashless_cli.write.layout import month_vi as _month_vi
from cashless_cli.write.layout import print_ready as _print_ready
from cashless_cli.write.layout import sheet_name as _sheet_name
from cashless_cli.write.layout import title as _title


@dataclass(frozen=True, slots=True)
class BatchInfo:
    batch_id: str
    month: str  # YYYY-MM
    created_at: str  # ISO time
    area: str
    area_level: str  # "district" or "province"
    province: str | None
    resend_of: str | None = None

    @property
    def month_vi(self) -> str:
        return _month_vi(self.month)

    @property
    def area_vi(self) -> str:
        return _area_vi(self.area, self.area_level, self.province)


# (header, width, text?) — the list, in order; ``text`` columns get the "@" format.
POSTOFFICE_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 6, False),
    (tr("handoff-doc.ma-tham-chieu", "vi"), 17, True),
    (tr("handoff-doc.xa-thi-tran", "vi"), 14, True),
    (tr("handoff-doc.thon-to-dan-pho", "vi"), 16, True),
    (tr("handoff-doc.ho-ten-chu-tai-khoan", "vi"), 24, True),
    (tr("handoff-doc.so-cccd-chu-tai-khoan", "vi"), 16, True),
    (tr("handoff-doc.ngay-sinh-chu-tai-khoan", "vi"), 12, False),
    (tr("handoff-doc.gioi-tinh", "vi"), 8, True),
    (tr("handoff-doc.so-dien-thoai", "vi"), 13, True),
    (tr("handoff-doc.nguoi-nhan", "vi"), 14, True),
    (tr("handoff-doc.quan-he-voi-doi-tuong", "vi"), 11, True),
    (tr("handoff-doc.ho-ten-doi-tuong", "vi"), 24, True),
    (tr("handoff-doc.so-cccd-doi-tuong", "vi"), 16, True),
    (tr("handoff-doc.dien-doi-tuong", "vi"), 9, True),
    (tr("handoff-doc.muc-tro-cap-dong", "vi"), 13, False),
)
POSTOFFICE_HEADERS = tuple(h for h, _, _ in POSTOFFICE_COLUMNS)


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
        row.category,
        row.amount,
    ]


def build_postoffice_workbook(info: BatchInfo, rows: Sequence[HandoffRow]) -> Workbook:
    """The workbook for the Post Office: a summary sheet, then the list."""
    wb = openpyxl.Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = tr("handoff-doc.tong-hop", "vi")
    _summary_sheet(summary, info, rows)
    ws = wb.create_sheet(tr("handoff-doc.danh-sach", "vi"))
    n = len(POSTOFFICE_COLUMNS)
    _title(ws, 1, tr("handoff-doc.danh-sach-dang-ky-mo", "vi"), n)
    _title(
        ws,
        2,
        tr(
            "handoff-doc.thang-dot",
            "vi",
            area_vi=info.area_vi,
            month_vi=info.month_vi,
            batch_id=info.batch_id,
        ),
        n,
        _BOLD,
    )
    header_row = 4
    _header(ws, header_row, POSTOFFICE_HEADERS, [w for _, w, _ in POSTOFFICE_COLUMNS])
    text_cols = [t for _, _, t in POSTOFFICE_COLUMNS]
    for i, row in enumerate(rows, start=1):
        _line(ws, header_row + i, postoffice_values(i, row), text_cols)
    total_row = header_row + len(rows) + 1
    _bold_line(
        ws,
        total_row,
        [
            "",
            tr("handoff-doc.tong-cong", "vi"),
            f"{len(rows)} người",
            *[""] * (n - 4),
            sum(r.amount for r in rows),
        ],
    )
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n)}{header_row + len(rows)}"
    _print_ready(ws, header_row, n)
    wb.properties.title = tr("handoff-doc.danh-sach-mo-tai-khoan", "vi", batch_id=info.batch_id)
    wb.properties.creator = "cashless"
    return wb


def _summary_sheet(ws: Worksheet, info: BatchInfo, rows: Sequence[HandoffRow]) -> None:
    headers = [
        "STT",
        tr("handoff-doc.ma-xa", "vi"),
        tr("handoff-doc.xa-thi-tran", "vi"),
        tr("handoff-doc.so-nguoi", "vi"),
        tr("handoff-doc.tong-muc-tro-cap-dong", "vi"),
    ]
    n = len(headers)
    _title(ws, 1, tr("handoff-doc.tong-hop-danh-sach-dang", "vi"), n)
    _title(
        ws, 2, tr("handoff-doc.thang", "vi", area_vi=info.area_vi, month_vi=info.month_vi), n, _BOLD
    )
    facts: list[tuple[str, Any]] = [
        (tr("handoff-doc.ma-dot", "vi"), info.batch_id),
        (tr("handoff-doc.thoi-diem-lap", "vi"), info.created_at),
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
    r = _facts(ws, 4, facts)
    put(
        ws.cell(row=r, column=2),
        tr("handoff-doc.ma-tham-chieu-dang-tien", "vi"),
    ).font = Font(name=FONT, size=10, italic=True)
    header_row = r + 2
    _header(ws, header_row, headers, [6, 10, 22, 12, 22])
    by_commune: dict[tuple[str, str], list[HandoffRow]] = {}
    for row in rows:
        by_commune.setdefault((row.commune_code, row.commune), []).append(row)
    line = header_row
    for i, ((code, name), items) in enumerate(by_commune.items(), start=1):
        line += 1
        _line(ws, line, [i, code, name, len(items), sum(x.amount for x in items)], [0, 1, 1, 0, 0])
    line += 1
    _bold_line(
        ws,
        line,
        ["", "", tr("handoff-doc.tong-cong", "vi"), len(rows), sum(x.amount for x in rows)],
    )
    ws.column_dimensions["B"].width = 12
    _print_ready(ws, header_row, n)


def csv_bytes(rows: Sequence[HandoffRow]) -> bytes:
    """The list as CSV: UTF-8 with a BOM (Excel reads it as UTF-8), CRLF, every field through
    :func:`csv_field` (text starting with = + - @ gets a leading apostrophe)."""
    lines = (postoffice_values(i, row) for i, row in enumerate(rows, start=1))
    return _csv_bytes(POSTOFFICE_HEADERS, lines)


HELD_HEADERS = (
    "STT",
    tr("handoff-doc.tep-danh-sach", "vi"),
    tr("handoff-doc.trang-tinh", "vi"),
    "Dòng",
    "Ô",
    tr("handoff-doc.ho-ten-doi-tuong", "vi"),
    tr("handoff-doc.ma-loi", "vi"),
    tr("handoff-doc.noi-dung-can-sua", "vi"),
    tr("handoff-doc.cach-sua", "vi"),
)
HELD_WIDTHS = (6, 26, 12, 7, 7, 22, 20, 44, 40)


def build_heldback_workbook(info: BatchInfo, selection: Selection) -> Workbook:
    """What must be fixed before these rows can go: a summary, then one sheet per commune."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = tr("handoff-doc.tong-hop", "vi")
    headers = [
        "STT",
        tr("handoff-doc.ma-xa", "vi"),
        tr("handoff-doc.xa-thi-tran", "vi"),
        tr("handoff-doc.da-chuyen", "vi"),
        tr("handoff-doc.giu-lai", "vi"),
        tr("handoff-doc.da-chuyen-truoc", "vi"),
        tr("handoff-doc.ghi-chu", "vi"),
    ]
    n = len(headers)
    _title(ws, 1, tr("handoff-doc.danh-sach-chua-chuyen-buu", "vi"), n)
    _title(
        ws,
        2,
        tr(
            "handoff-doc.thang-dot",
            "vi",
            area_vi=info.area_vi,
            month_vi=info.month_vi,
            batch_id=info.batch_id,
        ),
        n,
        _BOLD,
    )
    header_row = 4
    _header(ws, header_row, headers, [6, 10, 18, 11, 11, 13, 60])
    line = header_row
    for i, c in enumerate(selection.communes, start=1):
        line += 1
        note = c.problem("vi") or ""
        _line(
            ws,
            line,
            [i, c.unit.code, c.unit.name, len(c.rows), len(c.held), c.already, note],
            [0, 1, 1, 0, 0, 0, 1],
        )
    for path, _en, vi in selection.stray_files:
        line += 1
        _line(ws, line, ["", "", path.name, "", "", "", vi], [0, 1, 1, 0, 0, 0, 1])
    _print_ready(ws, header_row, n)
    used: set[str] = {tr("handoff-doc.tong-hop", "vi")}
    for c in selection.communes:
        if c.held:
            _held_sheet(wb, c, used)
    wb.properties.creator = "cashless"
    return wb


def _held_sheet(wb: Workbook, c: CommuneResult, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(c.unit.name, used))
    n = len(HELD_HEADERS)
    _title(
        ws,
        1,
        tr("handoff-doc.dong-chua-chuyen-buu-dien", "vi", name=c.unit.name, n_held=len(c.held)),
        n,
    )
    header_row = 3
    _header(ws, header_row, HELD_HEADERS, HELD_WIDTHS)
    line = header_row
    for stt, held in enumerate(c.held, start=1):
        for reason in held.reasons:
            line += 1
            _line(ws, line, _held_values(stt, held, reason), [0, 1, 1, 0, 1, 1, 1, 1, 1])
    _print_ready(ws, header_row, n)


def _held_values(stt: int, held: HeldRow, reason: Reason) -> list[Any]:
    return [
        stt,
        held.source.name,
        held.sheet,
        held.source_row,
        reason.cell or "",
        held.name,
        reason.code,
        reason.message("vi"),
        reason.hint("vi"),
    ]
