"""The documents as a Vietnamese office writes them (issue 15): amounts stay numbers and print
with "." between thousands on any computer, the communes' column is headed as the month's units
are called ("Xã/Thị trấn" before July 2025, "Xã, phường, đặc khu" after), the area is named by
its kind ("Xã Vạn Tường", not "Tỉnh Vạn Tường"), and notes quote problems by their Vietnamese
titles, never by their codes. Synthetic data only (copies of the samples)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from cashless_cli.handoff.document import BatchInfo, build_postoffice_workbook
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.handoff.select import HandoffRow
from cashless_cli.payments.export import export_payments
from cashless_cli.problems import CATALOGUE
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import load_workspace

pytestmark = pytest.mark.slow  # writes three lists from the samples (about 30 s)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NOW = dt.datetime(2025, 9, 2, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
OLD_HEADER = "Xã/Thị trấn"
NEW_HEADER = "Xã, phường, đặc khu"


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Workbook]:
    """The June 2023 district's Post Office list and payment list, and the 2025 commune's
    payment list of August 2025."""
    base = tmp_path_factory.mktemp("vi-docs")
    district = base / "district"
    shutil.copytree(SAMPLES / "workspace", district)
    handoff = export_postoffice(load_workspace(district), Month(2023, 6), now=lambda: NOW)
    june = export_payments(load_workspace(district), Month(2023, 6), now=lambda: NOW)
    commune = base / "commune"
    shutil.copytree(SAMPLES / "commune-2025", commune)
    august = export_payments(load_workspace(commune), Month(2025, 8), now=lambda: NOW)

    def xlsx(files: list[Path], ends: str) -> Workbook:
        return openpyxl.load_workbook(next(p for p in files if p.name.endswith(ends)))

    return {
        "postoffice-2023": xlsx(handoff.files, "_buu-dien.xlsx"),
        "payments-2023": xlsx(june.files, ".xlsx"),
        "payments-2025": xlsx(august.files, ".xlsx"),
    }


def _header(ws: Any) -> list[str]:
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "STT")
    return [str(v) for v in row if v is not None]


def _texts(wb: Workbook) -> list[tuple[str, str, str]]:
    return [
        (ws.title, c.coordinate, c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]


def test_the_communes_column_is_named_as_the_months_units(lists: dict[str, Workbook]) -> None:
    for name, expected, other in (
        ("postoffice-2023", OLD_HEADER, NEW_HEADER),
        ("payments-2023", OLD_HEADER, NEW_HEADER),
        ("payments-2025", NEW_HEADER, OLD_HEADER),
    ):
        for ws in lists[name].worksheets:
            header = _header(ws)
            assert expected in header, (name, ws.title, header)
            assert other not in header, (name, ws.title, header)


def test_a_handoff_of_a_month_after_july_2025_heads_its_column_the_new_way() -> None:
    row = HandoffRow(
        "21061", "Vạn Tường", Path("ds.xlsx"), None, 7, "Bản thân", "Lê Thị Hoa", "051190000001",
        None, "Nữ", "0905000001", "Thôn 1", None, "Lê Thị Hoa", "051190000001", "5a", 750_000,
        "VT-2508-0000001",
    )  # fmt: skip
    for month, expected in (("2025-08", NEW_HEADER), ("2025-06", OLD_HEADER)):
        info = BatchInfo("VT-01", month, NOW.isoformat(), "Vạn Tường", "commune", "Quảng Ngãi")
        wb = build_postoffice_workbook(info, [row])
        for ws in wb.worksheets:
            assert expected in _header(ws), (month, ws.title)


def test_amounts_are_numbers_printed_with_dots(lists: dict[str, Workbook]) -> None:
    """Every amount cell holds a number (the paying unit sums them) whose format groups the
    thousands with literal dots, never with the computer's own separator ("#,##0")."""
    for name in lists:
        amounts = 0
        for ws in lists[name].worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, int) and c.value >= 10_000:
                        assert "," not in c.number_format, (name, ws.title, c.coordinate)
                        assert "\\." in c.number_format, (name, ws.title, c.number_format)
                        amounts += 1
        assert amounts > 10, name


def test_the_area_is_named_by_its_kind(lists: dict[str, Workbook]) -> None:
    texts = [v for _, _, v in _texts(lists["payments-2025"])]
    assert "Xã Vạn Tường, tỉnh Quảng Ngãi — tháng 8/2025" in texts
    assert not any("Tỉnh Vạn Tường" in v for v in texts)
    district = [v for _, _, v in _texts(lists["payments-2023"])]
    assert any(v.startswith("Huyện Bình Sơn, tỉnh Quảng Ngãi — tháng 6/2023") for v in district)


def test_notes_name_problems_by_their_vietnamese_titles(lists: dict[str, Workbook]) -> None:
    """The 2025 sample's both-programmes pair: its note says "Hưởng cả hai chế độ", not
    "id-both-programmes"; no document cell quotes a problem code."""
    title = CATALOGUE["id-both-programmes"].title_vi
    notes = []
    for name in lists:
        for sheet, ref, value in _texts(lists[name]):
            for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", value):
                assert word not in CATALOGUE, (name, sheet, ref, value)
            if "dòng có lỗi trong danh sách xã" in value:
                notes.append(value)
    assert any(f"({title})" in v for v in notes), notes
