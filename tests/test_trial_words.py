"""Wording a user trial found wrong (TRIAL3 items 7, 8, 9, 12, 14, 15): the unit's own kind in
subtitles and counts, months as an office writes them, titles instead of codes, amounts
formatted alike within a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from cashless_cli.handoff.document import BatchInfo
from cashless_cli.payments.document import PaymentsInfo
from cashless_cli.payments.export import export_payments
from cashless_cli.problems import CATALOGUE, Problem, plain_params, text
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.summary.run import run_summary, table_name
from cashless_cli.workspace.config import Area, load_workspace
from cashless_cli.write.letterhead import letterhead_for

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
