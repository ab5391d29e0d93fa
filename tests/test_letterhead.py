"""The letterhead and signer of a document by unit kind, and the Vietnamese dates and money of
documents (write/letterhead.py, write/vnformat.py, write/fit.py)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from cashless_cli.schema.domain import Unit
from cashless_cli.workspace.config import Area
from cashless_cli.write import fit, vnformat
from cashless_cli.write.letterhead import heading, letterhead_for, signatures

WARD = Unit("26734", "Tịnh Khê", "phường")
COMMUNE = Unit("21079", "Bình Hòa", "xã")
ISLAND = Unit("31390", "Cồn Cỏ", "đặc khu")


@pytest.mark.parametrize(
    ("area", "issuer", "office", "signer"),
    [
        (Area("Bình Sơn", "district", "Quảng Ngãi", (COMMUNE,)), "UBND HUYỆN BÌNH SƠN",
         "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "TRƯỞNG PHÒNG"),
        (Area("Quảng Ngãi", "province", None, (COMMUNE,)), "UBND TỈNH QUẢNG NGÃI", "SỞ Y TẾ",
         "GIÁM ĐỐC"),
        (Area("Hà Nội", "province", None, (COMMUNE,)), "UBND THÀNH PHỐ HÀ NỘI", "SỞ Y TẾ",
         "GIÁM ĐỐC"),
        (Area("Hồ Chí Minh", "province", None, (COMMUNE,)), "UBND THÀNH PHỐ HỒ CHÍ MINH",
         "SỞ Y TẾ", "GIÁM ĐỐC"),
        (Area("Tịnh Khê", "commune", "Quảng Ngãi", (WARD,)), "UBND PHƯỜNG TỊNH KHÊ", "",
         "CHỦ TỊCH"),
        (Area("Bình Hòa", "commune", "Quảng Ngãi", (COMMUNE,)), "UBND XÃ BÌNH HÒA", "",
         "CHỦ TỊCH"),
        (Area("Cồn Cỏ", "commune", "Quảng Trị", (ISLAND,)), "UBND ĐẶC KHU CỒN CỎ", "",
         "CHỦ TỊCH"),
    ],
)  # fmt: skip
def test_office_line_and_signer_by_unit_kind(
    area: Area, issuer: str, office: str, signer: str
) -> None:
    head = letterhead_for(area)
    assert (head.issuer, head.office, head.signer_title) == (issuer, office, signer)
    assert head.place == area.name


def test_report_section_overrides_the_letterhead() -> None:
    area = Area("Bình Sơn", "district", "Quảng Ngãi", (COMMUNE,))
    head = letterhead_for(area, {"report": {"issuer": "UBND HUYỆN X", "signer": "Trần Văn A"}})
    assert head.issuer == "UBND HUYỆN X" and head.signer == "Trần Văn A"
    assert head.signer_title == "TRƯỞNG PHÒNG"


def test_heading_and_signatures_are_laid_out_as_decree_30() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    head = letterhead_for(Area("Tịnh Khê", "commune", "Quảng Ngãi", (WARD,)))
    widths = [6, 20, 20, 20, 20, 20]
    assert heading(ws, head, widths, dt.date(2026, 12, 1)) == 5
    last = signatures(ws, 7, head, widths)
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert texts[:4] == [
        "UBND PHƯỜNG TỊNH KHÊ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tịnh Khê, ngày 01 tháng 12 năm 2026",
    ]
    assert "NGƯỜI LẬP BIỂU" in texts and "CHỦ TỊCH" in texts and last > 8
    assert ws.row_dimensions[1].height >= fit.height(1, 12)


def test_dates_months_and_money_as_an_office_writes_them() -> None:
    assert vnformat.date_long(dt.date(2026, 12, 1)) == "ngày 01 tháng 12 năm 2026"
    assert vnformat.month("2023-06") == "6/2023"
    assert vnformat.month_long("2023-06") == "tháng 6/2023"
    assert vnformat.when("2026-12-01T08:17:59+07:00") == "01/12/2026 08:17"
    assert vnformat.money(101_340_000) == "101.340.000 đồng"
    assert vnformat.number(999) == "999"
    assert vnformat.place_date("Bình Sơn", None) == "Bình Sơn, ngày ..... tháng ..... năm ......"


def test_fit_counts_lines_and_widths_roomily() -> None:
    assert fit.lines("Người được ủy quyền", 13) == 2  # 97 pt of text in a 64 pt column
    assert fit.lines("Bản thân", 13) == 1
    assert fit.lines("a\nb", 30) == 2
    assert fit.width_for("BS-2306-A1ES7Y1") * fit.PT_PER_WIDTH > fit.text_pt("BS-2306-A1ES7Y1")
    assert fit.text_pt("Ư", bold=True) > fit.text_pt("U", bold=True)  # the horn
    assert fit.height(2) > 2 * 11
