"""Cells formatted with a legacy Vietnamese font (TCVN3 .Vn*, VNI-*) are found from styles.xml."""

from __future__ import annotations

from pathlib import Path

import pytest

import hostile
from cashless_cli.read import fonts
from cashless_cli.read.fonts import font_encoding, legacy_font_cells, workbook_has_legacy_fonts


def test_font_names() -> None:
    assert font_encoding(".VnTime") == "tcvn3"
    assert font_encoding(".VnTimeH") == "tcvn3"
    assert font_encoding(".VnArial") == "tcvn3"
    assert font_encoding("VNI-Times") == "vni"
    assert font_encoding("Times New Roman") is None
    assert font_encoding("Calibri") is None


def test_exactly_the_legacy_cells(tmp_path: Path) -> None:
    path = hostile.legacy_fonts_xlsx(tmp_path)
    assert workbook_has_legacy_fonts(path) == {"tcvn3", "vni"}
    assert legacy_font_cells(path, "Danh sách") == {
        (1, 1): "tcvn3",  # B2 .VnTime
        (2, 1): "tcvn3",  # B3 .VnTime
        (1, 2): "tcvn3",  # C2 .VnTimeH
        (1, 3): "tcvn3",  # D2 .VnArial
        (3, 1): "vni",  # B4 VNI-Times
        (4, 0): "tcvn3",  # A5 .VnTime, empty
    }
    assert legacy_font_cells(path, "No such sheet") == {}


def test_default_font_applies_to_cells_without_style(tmp_path: Path) -> None:
    path = hostile.legacy_default_font_xlsx(tmp_path)
    assert workbook_has_legacy_fonts(path) == {"tcvn3"}
    assert legacy_font_cells(path, "Danh sách") == {
        (0, 0): "tcvn3",
        (0, 1): "tcvn3",
        (1, 0): "tcvn3",
    }


def test_unicode_workbook_does_not_read_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("the sheet was read")

    monkeypatch.setattr(fonts, "sheet_member", fail)
    monkeypatch.setattr(fonts, "_scan_sheet", fail)
    path = hostile.normal_xlsx(tmp_path)
    assert legacy_font_cells(path, "Danh sách") == {}
    assert workbook_has_legacy_fonts(path) == set()


def test_xls_and_ods_fall_back(tmp_path: Path) -> None:
    assert legacy_font_cells(hostile.normal_xls(tmp_path), "Danh sach") == {}
    assert legacy_font_cells(hostile.normal_ods(tmp_path), "Danh sách") == {}
    assert workbook_has_legacy_fonts(hostile.normal_ods(tmp_path, "b.ods")) == set()
