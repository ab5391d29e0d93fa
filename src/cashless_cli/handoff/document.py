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

from cashless_cli.fs.csvsafe import csv_text
from cashless_cli.handoff.select import CommuneResult, HandoffRow, HeldRow, Reason, Selection
from cashless_cli.write.cells import csv_field, put
from cashless_cli.write.layout import BODY as _BODY
from cashless_cli.write.layout import BOLD as _BOLD
from cashless_cli.write.layout import FONT, MONEY
from cashless_cli.write.layout import header as _header
from cashless_cli.write.layout import line as _line
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
        return f"{int(self.month[5:7])}/{self.month[:4]}"

    @property
    def area_vi(self) -> str:
        head = ("Huyện " if self.area_level == "district" else "Tỉnh ") + self.area
        return f"{head}, tỉnh {self.province}" if self.province else head


# (header, width, text?) — the list, in order; ``text`` columns get the "@" format.
POSTOFFICE_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("STT", 6, False),
    ("Mã tham chiếu", 17, True),
    ("Xã/Thị trấn", 14, True),
    ("Thôn/Tổ dân phố", 16, True),
    ("Họ tên chủ tài khoản", 24, True),
    ("Số CCCD chủ tài khoản", 16, True),
    ("Ngày sinh chủ tài khoản", 12, False),
    ("Giới tính", 8, True),
    ("Số điện thoại", 13, True),
    ("Người nhận", 14, True),
    ("Quan hệ với đối tượng", 11, True),
    ("Họ tên đối tượng", 24, True),
    ("Số CCCD đối tượng", 16, True),
    ("Diện đối tượng", 9, True),
    ("Mức trợ cấp (đồng)", 13, False),
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
    summary.title = "Tổng hợp"
    _summary_sheet(summary, info, rows)
    ws = wb.create_sheet("Danh sách")
    n = len(POSTOFFICE_COLUMNS)
    _title(ws, 1, "DANH SÁCH ĐĂNG KÝ MỞ TÀI KHOẢN NHẬN TRỢ CẤP XÃ HỘI HẰNG THÁNG", n)
    _title(ws, 2, f"{info.area_vi} — tháng {info.month_vi} — đợt {info.batch_id}", n, _BOLD)
    header_row = 4
    _header(ws, header_row, POSTOFFICE_HEADERS, [w for _, w, _ in POSTOFFICE_COLUMNS])
    text_cols = [t for _, _, t in POSTOFFICE_COLUMNS]
    for i, row in enumerate(rows, start=1):
        _line(ws, header_row + i, postoffice_values(i, row), text_cols)
    total_row = header_row + len(rows) + 1
    _line(
        ws,
        total_row,
        ["", "Tổng cộng", f"{len(rows)} người", *[""] * (n - 4), sum(r.amount for r in rows)],
    )
    for col in range(1, n + 1):
        ws.cell(row=total_row, column=col).font = _BOLD
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n)}{header_row + len(rows)}"
    _print_ready(ws, header_row, n)
    wb.properties.title = f"Danh sách mở tài khoản {info.batch_id}"
    wb.properties.creator = "cashless"
    return wb


def _summary_sheet(ws: Worksheet, info: BatchInfo, rows: Sequence[HandoffRow]) -> None:
    headers = ["STT", "Mã xã", "Xã/Thị trấn", "Số người", "Tổng mức trợ cấp (đồng)"]
    n = len(headers)
    _title(ws, 1, "TỔNG HỢP DANH SÁCH ĐĂNG KÝ MỞ TÀI KHOẢN", n)
    _title(ws, 2, f"{info.area_vi} — tháng {info.month_vi}", n, _BOLD)
    facts: list[tuple[str, Any]] = [
        ("Mã đợt", info.batch_id),
        ("Thời điểm lập", info.created_at),
        ("Số dòng (người)", len(rows)),
        ("Tổng mức trợ cấp hằng tháng (đồng)", sum(r.amount for r in rows)),
        ("Số chủ tài khoản khác nhau", len({r.holder_id for r in rows})),
        ("Chủ tài khoản là đối tượng", sum(1 for r in rows if r.receiver == "Bản thân")),
        ("Chủ tài khoản là người giám hộ", sum(1 for r in rows if r.receiver == "Người giám hộ")),
        (
            "Chủ tài khoản là người được ủy quyền",
            sum(1 for r in rows if r.receiver == "Người được ủy quyền"),
        ),
    ]
    if info.resend_of:
        facts.insert(1, ("Gửi lại đợt", info.resend_of))
    r = 4
    for label, value in facts:
        put(ws.cell(row=r, column=2), label).font = _BOLD
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        cell = put(ws.cell(row=r, column=4), value, MONEY if isinstance(value, int) else None)
        cell.font = _BODY
        r += 1
    put(
        ws.cell(row=r, column=2),
        "Mã tham chiếu dạng TIỀN TỐ-YYMM-XXXXXXX; khi trả lời, Bưu điện ghi lại mã này.",
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
    _line(ws, line, ["", "", "Tổng cộng", len(rows), sum(x.amount for x in rows)])
    for col in range(1, n + 1):
        ws.cell(row=line, column=col).font = _BOLD
    ws.column_dimensions["B"].width = 12
    _print_ready(ws, header_row, n)


def csv_bytes(rows: Sequence[HandoffRow]) -> bytes:
    """The list as CSV: UTF-8 with a BOM (Excel reads it as UTF-8), CRLF, every field through
    :func:`csv_field` (text starting with = + - @ gets a leading apostrophe)."""
    lines = [[csv_field(h) for h in POSTOFFICE_HEADERS]]
    lines += [[csv_field(v) for v in postoffice_values(i, row)] for i, row in enumerate(rows, 1)]
    return ("\ufeff" + csv_text(lines)).encode("utf-8")


HELD_HEADERS = (
    "STT",
    "Tệp danh sách",
    "Trang tính",
    "Dòng",
    "Ô",
    "Họ tên đối tượng",
    "Mã lỗi",
    "Nội dung cần sửa",
    "Cách sửa",
)
HELD_WIDTHS = (6, 26, 12, 7, 7, 22, 20, 44, 40)


def build_heldback_workbook(info: BatchInfo, selection: Selection) -> Workbook:
    """What must be fixed before these rows can go: a summary, then one sheet per commune."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tổng hợp"
    headers = ["STT", "Mã xã", "Xã/Thị trấn", "Đã chuyển", "Giữ lại", "Đã chuyển trước", "Ghi chú"]
    n = len(headers)
    _title(ws, 1, "DANH SÁCH CHƯA CHUYỂN BƯU ĐIỆN — CẦN BỔ SUNG, SỬA", n)
    _title(ws, 2, f"{info.area_vi} — tháng {info.month_vi} — đợt {info.batch_id}", n, _BOLD)
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
    used: set[str] = {"Tổng hợp"}
    for c in selection.communes:
        if c.held:
            _held_sheet(wb, c, used)
    wb.properties.creator = "cashless"
    return wb


def _held_sheet(wb: Workbook, c: CommuneResult, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(c.unit.name, used))
    n = len(HELD_HEADERS)
    _title(ws, 1, f"{c.unit.name}: dòng chưa chuyển Bưu điện ({len(c.held)})", n)
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
