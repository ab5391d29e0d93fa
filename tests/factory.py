"""Synthetic rosters for tests: valid rows by construction, written in the layouts communes use.

All names, IDs, phones and accounts are made up: random digits in the real structure.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Kim"]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Sơn", "Tâm", "Yến", "Hùng"]

HEADERS = {
    "stt": "STT",
    "ho_ten": "Họ và tên",
    "ngay_sinh": "Ngày sinh",
    "gioi_tinh": "Giới tính",
    "so_dinh_danh": "Số CCCD/Định danh",
    "thon": "Thôn/Tổ dân phố",
    "dien": "Diện đối tượng",
    "he_so": "Hệ số",
    "muc_tro_cap": "Mức trợ cấp (đồng)",
    "nguoi_nhan": "Người nhận",
    "ten_nguoi_nhan": "Họ tên người nhận",
    "so_dinh_danh_nguoi_nhan": "Số CCCD người nhận",
    "quan_he": "Quan hệ với đối tượng",
    "dien_thoai": "Số điện thoại",
    "trang_thai": "Tình trạng đăng ký",
    "ngay_dang_ky": "Ngày đăng ký",
    "so_tai_khoan": "Số tài khoản",
    "noi_mo_tai_khoan": "Nơi mở tài khoản",
    "ghi_chu": "Ghi chú",
}
KEYS = list(HEADERS)

STATUSES = ["Chưa đăng ký", "Đã đăng ký", "Đã có tài khoản", "Từ chối"]


def make_id(rng: random.Random, sex: str, year: int, province: str = "051") -> str:
    century = (year // 100) - 19
    digit = century * 2 + (1 if sex == "Nữ" else 0)
    return f"{province}{digit}{year % 100:02d}{rng.randrange(10**6):06d}"


def make_phone(rng: random.Random) -> str:
    return rng.choice(["091", "098", "035", "077", "083"]) + f"{rng.randrange(10**7):07d}"


def make_rows(n: int, seed: int = 1, month: tuple[int, int] = (2023, 6)) -> list[dict[str, Any]]:
    """``n`` valid beneficiary rows for the report ``month`` (base level 360,000 before 7/2024)."""
    rng = random.Random(seed)
    base = 360_000 if month < (2024, 7) else 500_000
    rows = []
    used: set[str] = set()
    for i in range(n):
        sex = rng.choice(["Nam", "Nữ"])
        kind = rng.choice(["5a", "5c", "6b", "1"])
        if kind == "5a":
            year, coef = month[0] - rng.randint(62, 78), 1.5
        elif kind == "5c":
            year, coef = month[0] - rng.randint(82, 95), 1.0
        elif kind == "6b":
            year, coef = month[0] - rng.randint(20, 55), 1.5
        else:
            year, coef = month[0] - rng.randint(6, 14), 1.5
        birth: Any = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        if kind == "5c" and i % 3 == 0:
            birth = year  # many elderly people only know their year of birth
        status = STATUSES[i % 4]
        ident = make_id(rng, sex, year)
        while ident in used:
            ident = make_id(rng, sex, year)
        used.add(ident)
        row: dict[str, Any] = {
            "stt": i + 1,
            "ho_ten": f"{rng.choice(FAMILY)} {'Thị' if sex == 'Nữ' else 'Văn'} {rng.choice(GIVEN)}",
            "ngay_sinh": birth,
            "gioi_tinh": sex,
            "so_dinh_danh": ident,
            "thon": f"Thôn {rng.randint(1, 9)}",
            "dien": kind,
            "he_so": coef,
            "muc_tro_cap": int(base * coef),
            "trang_thai": status,
        }
        if status in ("Đã đăng ký", "Đã có tài khoản"):
            row["dien_thoai"] = make_phone(rng)
            row["ngay_dang_ky"] = dt.date(month[0], month[1], rng.randint(1, 28))
            if kind == "1":
                gsex = rng.choice(["Nam", "Nữ"])
                gyear = month[0] - rng.randint(30, 50)
                row["nguoi_nhan"] = "Người giám hộ"
                row["ten_nguoi_nhan"] = (
                    f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                )
                row["so_dinh_danh_nguoi_nhan"] = make_id(rng, gsex, gyear)
                row["quan_he"] = "Ông/bà"
            else:
                row["nguoi_nhan"] = "Bản thân"
            if status == "Đã có tài khoản":
                row["so_tai_khoan"] = f"{rng.randrange(10**12):012d}"
                row["noi_mo_tai_khoan"] = "Bưu điện"
        rows.append(row)
    return rows


@dataclass
class Layout:
    """How a commune laid its roster out."""

    title: bool = True
    commune: str = "Bình Hòa"
    month_title: str = "Tháng 6 năm 2023"
    blank_before_header: int = 1
    numbering: bool = True
    total: bool = True
    signature: bool = True
    ids_as_numbers: bool = False
    text_dates: bool = False
    keys: Sequence[str] = field(default_factory=lambda: list(KEYS))
    headers: dict[str, str] = field(default_factory=dict)
    sheet_name: str = "Danh sách"


@dataclass
class Written:
    path: Path
    header_row: int  # 1-based
    first_data_row: int  # 1-based
    cells: dict[tuple[int, str], str]  # (row index in rows, key) → A1

    def cell(self, index: int, key: str) -> str:
        return self.cells[(index, key)]


def write_roster(path: Path, rows: list[dict[str, Any]], layout: Layout | None = None) -> Written:
    layout = layout or Layout()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = layout.sheet_name
    r = 1
    if layout.title:
        ws.cell(r, 1, f"UBND XÃ {layout.commune.upper()}")
        ws.cell(r + 1, 1, "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐĂNG KÝ NHẬN TRỢ CẤP QUA TÀI KHOẢN")
        ws.cell(r + 2, 1, layout.month_title)
        r += 3 + layout.blank_before_header
    header_row = r
    for c, key in enumerate(layout.keys, start=1):
        ws.cell(r, c, layout.headers[key] if key in layout.headers else HEADERS[key])
    r += 1
    if layout.numbering:
        for c in range(1, len(layout.keys) + 1):
            ws.cell(r, c, f"({c})")
        r += 1
    first = r
    cells: dict[tuple[int, str], str] = {}
    for i, row in enumerate(rows):
        for c, key in enumerate(layout.keys, start=1):
            value = row.get(key)
            cells[(i, key)] = f"{get_column_letter(c)}{r}"
            if value is None:
                continue
            if (
                layout.ids_as_numbers
                and key in ("so_dinh_danh", "dien_thoai")
                and str(value).isdigit()
            ):
                value = int(value)
            if layout.text_dates and isinstance(value, dt.date):
                value = value.strftime("%d/%m/%Y")
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # formulas-looking text stays text
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
        r += 1
    if layout.total:
        ws.cell(r, 1, "Tổng cộng")
        ws.cell(
            r,
            len(layout.keys) - 5,
            sum(x["muc_tro_cap"] for x in rows if isinstance(x.get("muc_tro_cap"), int)),
        )
        r += 2
    if layout.signature:
        ws.cell(r, 2, "Người lập biểu")
        ws.cell(r, 8, "TM. ỦY BAN NHÂN DÂN")
        ws.cell(r + 1, 8, "CHỦ TỊCH")
        ws.cell(r + 4, 2, "Lê Văn Lập")
    wb.save(path)
    return Written(path, header_row, first, cells)
