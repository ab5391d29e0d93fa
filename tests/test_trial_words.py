"""Wording a user trial found wrong (TRIAL3 items 7, 8, 9, 12, 14, 15): the unit's own kind in
subtitles and counts, months as an office writes them, titles instead of codes, amounts
formatted alike within a message."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from rich.console import Console

import test_payment_cycle as cycle
from cashless_cli.dataset.history import MonthFigures, previous_figures
from cashless_cli.dataset.month import MonthRosters
from cashless_cli.errors import WorkspaceError
from cashless_cli.handoff.document import BatchInfo, build_postoffice_workbook, postoffice_values
from cashless_cli.handoff.select import HandoffRow
from cashless_cli.payments.document import PaymentsInfo, account_values, cash_values
from cashless_cli.payments.export import export_payments
from cashless_cli.payments.results import import_payments
from cashless_cli.payments.select import PaymentRow, dong
from cashless_cli.problems import CATALOGUE, Problem, plain_params, text
from cashless_cli.report.payments_terminal import render_payments
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.summary.run import check_matching, run_summary, table_name
from cashless_cli.texts import TEXTS
from cashless_cli.validation import Options, validate_file
from cashless_cli.workspace.config import Area, load_workspace
from cashless_cli.workspace.matching import Matching
from cashless_cli.write.annotate import RESULT_SHEET, annotate_copy
from cashless_cli.write.letterhead import letterhead_for
from factory import KEYS, Layout, make_rows, write_roster

WARD = Unit("26734", "Tịnh Khê", "phường")
COMMUNE = Unit("21079", "Vạn Tường", "xã")
ISLAND = Unit("31390", "Lý Sơn", "đặc khu")
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "workspace"
HOA_JUNE, HOA_MAY = "binh_hoa T6.xlsx", "binh_hoa T5.xlsx"


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        (Area("Vạn Tường", "commune", "Quảng Ngãi", (COMMUNE,)), "Xã Vạn Tường, tỉnh Quảng Ngãi"),
        (Area("Tịnh Khê", "commune", "Quảng Ngãi", (WARD,)), "Phường Tịnh Khê, tỉnh Quảng Ngãi"),
        (Area("Lý Sơn", "commune", "Quảng Ngãi", (ISLAND,)), "Đặc khu Lý Sơn, tỉnh Quảng Ngãi"),
        (Area("Bình Sơn", "district", "Quảng Ngãi", (COMMUNE,)), "Huyện Bình Sơn, tỉnh Quảng Ngãi"),
        (Area("Quảng Ngãi", "province", None, (COMMUNE,)), "Tỉnh Quảng Ngãi"),
        (Area("Hà Nội", "province", None, (COMMUNE,)), "Thành phố Hà Nội"),
    ],
)  # fmt: skip
def test_list_subtitles_name_the_units_own_kind(area: Area, expected: str) -> None:
    head = letterhead_for(area)
    pay = PaymentsInfo("2025-08", "", area.name, area.level, area.province, head)
    where = (area.name, area.level, area.province)
    batch = BatchInfo("VT-2025-08-01", "2025-08", "", *where, None, head)
    assert pay.area_vi == expected
    assert batch.subtitle.startswith(expected + " — tháng 8/2025")


def test_months_in_vietnamese_messages_read_as_an_office_writes_them() -> None:
    found = Problem(
        "roster-month-mismatch", "DS", "A3", params={"said": "2025-07", "month": "2025-08"}
    )
    vi = found.message("vi")
    assert "tháng 7/2025" in vi and "thư mục tháng 8/2025" in vi and "2025-0" not in vi
    assert "rosters/2025-07/" in found.hint("vi")  # a folder keeps its name
    assert "2025-07" in found.message("en") and "rosters/2025-07/" in found.hint("en")
    assert plain_params(found.params, "vi") == {"said": "2025-07", "month": "2025-08"}  # JSON
    assert "tháng 8/2025" in text("export-payments.head", "vi", month="2025-08", accounts=1)
    assert "7/2025, 8/2025" in CATALOGUE["payment-arrears"].message(
        "vi", {"amount": "1.000", "months": "2025-07, 2025-08"}
    )


@pytest.fixture
def june_with_may_roster(tmp_path: Path) -> Path:
    """The 2023 sample workspace; Bình Hòa sends its May roster again for June."""
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLE, ws, ignore=shutil.ignore_patterns(".cashless", "reports"))
    june = ws / "rosters" / "2023-06"
    (june / HOA_JUNE).unlink()
    shutil.copy(ws / "rosters" / "2023-05" / HOA_MAY, june / HOA_MAY)
    return ws


def test_the_rate_table_note_names_the_file_and_the_payment_list_has_no_doubled_stop(
    june_with_may_roster: Path,
) -> None:
    workspace = load_workspace(june_with_may_roster)
    run_summary(workspace, Month(2023, 6), backfill=False)
    book = openpyxl.load_workbook(june_with_may_roster / "reports" / "2023-06" / table_name(
        Month(2023, 6)))  # fmt: skip
    notes = [str(v) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for v in r
             if isinstance(v, str) and "Không đọc được danh sách" in v]  # fmt: skip
    assert notes and all(f"(tệp {HOA_MAY})" in n and "tháng 5/2023" in n for n in notes), notes
    payments = export_payments(workspace, Month(2023, 6), workers=1).payments
    hoa = next(c for c in payments.communes if c.unit.name == "Bình Hòa")
    assert hoa.problem is not None and "tháng 5/2023" in hoa.problem.vi
    assert ".:" not in hoa.problem.vi and ".:" not in hoa.problem.en


def _pension_row(**kw: Any) -> PaymentRow:
    return PaymentRow(
        "21079", "Vạn Tường", Path("vt.xlsx"), "DS", 12, "Lê Thị Mai", "051150000001",
        "htxh", "Đã đăng ký", "Bản thân", "Lê Thị Mai", 750_000, **kw,
    )  # fmt: skip


def test_lists_name_the_social_pension_not_its_code_and_say_the_reference_in_words() -> None:
    row = _pension_row(account_number="0123456789", provider="Bưu điện", pay_ref="VT-2508-AB12CD3")
    assert account_values(1, row)[6] == "Hưu trí xã hội"
    assert cash_values(1, replace(row, category="5a"))[6] == "5a"  # the decree's own number
    handed = HandoffRow(
        "21079", "Vạn Tường", Path("vt.xlsx"), "DS", 12, "Bản thân", "Lê Thị Mai",
        "051150000001", None, "Nữ", "0912345678", "Thôn 1", None, "Lê Thị Mai",
        "051150000001", "htxh", 750_000, "VT-2508-K7Q2M9D",
    )  # fmt: skip
    assert "Hưu trí xã hội" in postoffice_values(1, handed)
    area = Area("Vạn Tường", "commune", "Quảng Ngãi", (COMMUNE,))
    info = BatchInfo("VT-2025-08-01", "2025-08", "2025-08-05T08:00:00+07:00", area.name,
                     area.level, area.province, None, letterhead_for(area))  # fmt: skip
    book = build_postoffice_workbook(info, [handed])
    said = [v for ws in book.worksheets for r in ws.iter_rows(values_only=True) for v in r
            if isinstance(v, str) and "Mã tham chiếu" in v and "ví dụ" in v]  # fmt: skip
    assert said and "VT-2508-K7Q2M9D" in said[0] and "YYMM" not in said[0], said


def test_the_annotated_result_sheet_leads_with_the_title_and_keeps_the_code(
    tmp_path: Path,
) -> None:
    layout = Layout(keys=[k for k in KEYS if k != "thon"])
    w = write_roster(tmp_path / "binh_hoa T6.xlsx", make_rows(5), layout)
    report = validate_file(w.path, Options(today=dt.date(2023, 7, 1)))
    annotate_copy(report, tmp_path / "out.xlsx", "vi")
    rows = list(openpyxl.load_workbook(tmp_path / "out.xlsx")[RESULT_SHEET["vi"]].iter_rows(
        values_only=True))  # fmt: skip
    head = next(r for r in rows if r[0] == "Ô")
    assert head[4:6] == ("Vấn đề", "Mã")
    absent = next(r for r in rows if r[5] == "column-absent")
    assert absent[4] == CATALOGUE["column-absent"].title("vi")


def test_import_payments_writes_every_amount_alike_and_points_at_the_changed_cell(
    tmp_path: Path,
) -> None:
    ws = cycle.workspace(tmp_path / "ws")
    aug = cycle.month_list(ws.root, cycle.AUG)
    shown = Console(record=True, width=200)
    render_payments(shown, aug, "vi", False)
    assert "Chi trả tháng 8/2025:" in shown.export_text()  # the terminal too
    line = aug.payments.paid[0]
    ref, total = line.pay_ref or "", line.total
    above = cycle.result_csv(tmp_path / "above.csv", [(ref, str(total * 10), "Đã chi", "")])
    (found,) = [p for p in import_payments(ws, above).problems if p.code.startswith("payresult")]
    assert found.code == "payresult-amount-above"
    assert f"Đã chi {dong(total * 10)} đồng" in found.message("vi"), found.message("vi")
    assert found.value == total * 10  # JSON keeps the number
    good = cycle.result_csv(tmp_path / "good.csv", [(ref, str(total), "Đã chi", "")])
    assert import_payments(ws, good).applied == 1
    less = cycle.result_csv(tmp_path / "less.csv", [(ref, str(total - 50_000), "Đã chi", "")])
    again = import_payments(ws, less).problems
    partly = [p for p in again if p.code == "payresult-partly-paid"]
    assert partly and f"Đã chi {dong(total - 50_000)} đồng trên {dong(total)}" in partly[
        0].message("vi")  # fmt: skip
    (recorded,) = [p for p in again if p.code == "payresult-already-recorded"]
    assert recorded.cell == "B2" and recorded.column == "amount_paid"  # the amount, not C2
    gone = cycle.result_csv(tmp_path / "gone.csv", [(ref, "", "Chưa chi", "Đã chuyển đi")])
    (changed,) = [p for p in import_payments(ws, gone).problems
                  if p.code == "payresult-already-recorded"]  # fmt: skip
    assert changed.cell == "C2"  # the result itself changed


def test_a_month_is_compared_only_with_a_month_on_the_same_side_of_the_merger() -> None:
    def figures(month: Month) -> MonthFigures:
        return MonthFigures(month, {}, {})

    old, aug, sep = Month(2023, 6), Month(2025, 8), Month(2025, 9)
    assert previous_figures({old: figures(old)}, aug) is None  # not "So với tháng 6/2023"
    history = {old: figures(old), aug: figures(aug)}
    found = previous_figures(history, sep)
    assert found is not None and found.month == aug
    before = previous_figures(history, Month(2023, 7))
    assert before is not None and before.month == old


def test_wording_names_the_units_kind_and_says_thu_muc_lam_viec(tmp_path: Path) -> None:
    worded = [t for e in CATALOGUE.values() for t in (e.title_vi, e.message_vi, e.hint_vi)]
    worded += [e.describe("vi") for e in CATALOGUE.values()] + [w.vi for w in TEXTS.values()]
    assert not [t for t in worded if "không gian làm việc" in t]
    ward = Unit("26734", "Nghĩa Lộ", "phường")
    files = [tmp_path / "nghia-lo.xlsx", tmp_path / "nghia-lo (2).xlsx"]
    rosters = MonthRosters(
        Month(2025, 8), files, {}, Matching(conflicts={ward.code: files}), (ward,)
    )
    with pytest.raises(WorkspaceError) as refused:
        check_matching(rosters, tmp_path)
    said = refused.value.message("vi")
    assert "2 tệp cho phường Nghĩa Lộ" in said and "xã Nghĩa Lộ" not in said, said
    missing = text("summary-terminal.not_reported", "vi", n=91, names="Nghĩa Lộ, Lý Sơn")
    assert "xã" not in missing.split(":")[0], missing
