"""Synthetic beneficiaries with realistic Vietnamese names (so that natural near-collisions
happen as they do in a real province): weighted family names, middle names and given names by
sex, IDs that encode sex and birth year, unique IDs and phones, year-only birth dates for some
elderly people, and siblings who share their guardian (a legitimate shared phone)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from cashless_cli.duplicates.people import Person, RowRef, person_from_fields
from cashless_cli.normalise.dates import LooseDate

FAMILY = (
    ("Nguyễn", 31), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 5), ("Hoàng", 3),
    ("Võ", 5), ("Phan", 4), ("Vũ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
    ("Ngô", 1), ("Dương", 1), ("Lý", 1), ("Trương", 2), ("Đinh", 1), ("Đoàn", 1), ("Lương", 1),
    ("Mai", 1), ("Tạ", 1), ("Châu", 1), ("Cao", 1), ("Hà", 1),
)  # fmt: skip
MIDDLE_M = ("Văn", "Văn", "Văn", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Hữu", "Công", "Tấn",
            "Xuân", "Đình", "Bá", "Trọng")  # fmt: skip
MIDDLE_F = ("Thị", "Thị", "Thị", "Thị", "Thị Thu", "Ngọc", "Thanh", "Mỹ", "Kim", "Thị Kim",
            "Thị Thanh", "Thị Ngọc", "Hồng", "Bích")  # fmt: skip
GIVEN_M = (
    "Hùng", "Dũng", "Tuấn", "Hải", "Sơn", "Long", "Phúc", "Tâm", "Thành", "Trung", "Bình", "Lộc",
    "Tài", "Hòa", "Cường", "Đông", "Nam", "Khánh", "Quang", "Tú", "Vinh", "Ba", "Bốn", "Tư",
    "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Lợi", "Thạnh", "Phát", "Hiếu", "Nghĩa", "Trí",
    "Thương", "Kha", "Lâm", "Đạt", "Huy", "Khoa", "Phong", "Tín", "An", "Ấn", "Anh", "Thắng",
)  # fmt: skip
GIVEN_F = (
    "Lan", "Hoa", "Mai", "Hương", "Hường", "Hạnh", "Thu", "Hồng", "Loan", "Nga", "Liên", "Phượng",
    "Tuyết", "Xuân", "Yến", "Cúc", "Đào", "Lệ", "Nhung", "Sen", "Trinh", "Hiền", "Thủy", "Bông",
    "Lài", "Lựu", "Mận", "Thơm", "Tươi", "Vân", "Ngọc", "Dung", "Trang", "Linh", "Vy",
    "Nhi", "Thảo", "Diệu", "Hà", "Phương", "Ánh", "Oanh", "Huệ", "Lý",
)  # fmt: skip
PROVINCES = ("051", "051", "051", "051", "051", "052", "049", "062", "079", "001")
PREFIXES = ("091", "094", "098", "097", "086", "035", "036", "077", "083", "088", "070", "039")


def name(rng: random.Random, sex: str, family: str | None = None) -> str:
    fam = family or rng.choices([f for f, _ in FAMILY], [w for _, w in FAMILY])[0]
    middle = rng.choice(MIDDLE_M if sex == "Nam" else MIDDLE_F)
    given = rng.choice(GIVEN_M if sex == "Nam" else GIVEN_F)
    return f"{fam} {middle} {given}"


class People:
    """Draws people; IDs and phones are unique across everything one instance draws."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.ids: set[str] = set()
        self.phones: set[str] = set()

    def pid(self, sex: str, year: int) -> str:
        rng = self.rng
        digit = (0 if year < 2000 else 2) + (1 if sex == "Nữ" else 0)
        while True:
            pid = f"{rng.choice(PROVINCES)}{digit}{year % 100:02d}{rng.randrange(10**6):06d}"
            if pid not in self.ids:
                self.ids.add(pid)
                return pid

    def phone(self) -> str:
        while True:
            phone = f"{self.rng.choice(PREFIXES)}{self.rng.randrange(10**7):07d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def row(self, village: str) -> dict[str, Any]:
        rng = self.rng
        sex = rng.choice(("Nam", "Nữ"))
        old, young = rng.randint(1925, 1962), rng.randint(2008, 2021)
        year = old if rng.random() < 0.67 else young
        birth: LooseDate = LooseDate(year, rng.randint(1, 12), rng.randint(1, 28))
        if year < 1950 and rng.random() < 0.3:
            birth = LooseDate(year)  # only the year is known
        row: dict[str, Any] = {
            "ho_ten": name(rng, sex),
            "ngay_sinh": birth,
            "gioi_tinh": sex,
            "so_dinh_danh": self.pid(sex, year) if rng.random() < 0.9 else None,
            "thon": village,
            "nguoi_nhan": "Bản thân",
        }
        if year > 2005:  # a child: paid through a guardian, whose phone it is
            gsex = rng.choice(("Nam", "Nữ"))
            row["nguoi_nhan"] = "Người giám hộ"
            row["ten_nguoi_nhan"] = name(rng, gsex, row["ho_ten"].split()[0])
            row["so_dinh_danh_nguoi_nhan"] = self.pid(gsex, rng.randint(1970, 1995))
        if rng.random() < 0.4:
            row["dien_thoai"] = self.phone()
        if rng.random() < 0.1:
            row["so_tai_khoan"] = f"{rng.randrange(10**12):012d}"
        return row

    def sibling(self, row: dict[str, Any]) -> dict[str, Any]:
        """A brother or sister with the same guardian and the same phone (legitimate)."""
        sib = self.row(row["thon"])
        year = self.rng.randint(2008, 2021)
        sib.update(
            ho_ten=name(self.rng, sib["gioi_tinh"], row["ho_ten"].split()[0]),
            ngay_sinh=LooseDate(year, self.rng.randint(1, 12), self.rng.randint(1, 28)),
            so_dinh_danh=self.pid(sib["gioi_tinh"], year),
            nguoi_nhan="Người giám hộ",
            ten_nguoi_nhan=row["ten_nguoi_nhan"],
            so_dinh_danh_nguoi_nhan=row["so_dinh_danh_nguoi_nhan"],
            dien_thoai=row.get("dien_thoai"),
            so_tai_khoan=None,
        )
        return sib

    def month(self, communes: int, per_commune: int) -> list[list[dict[str, Any]]]:
        """Rows of ``communes`` communes; about one child in five has a sibling listed too."""
        out = []
        for _ in range(communes):
            rows: list[dict[str, Any]] = []
            villages = [f"Thôn {k}" for k in range(1, 9)]
            while len(rows) < per_commune:
                row = self.row(self.rng.choice(villages))
                rows.append(row)
                sibling = row.get("ten_nguoi_nhan") and self.rng.random() < 0.2
                if sibling and len(rows) < per_commune:
                    rows.append(self.sibling(row))
            out.append(rows)
        return out


def as_people(
    communes: list[list[dict[str, Any]]], month: str = "2023-06", first_row: int = 6
) -> list[Person]:
    """Persons of commune ``i`` in file ``xa-i.xlsx``, rows from ``first_row``."""
    out = []
    for i, rows in enumerate(communes):
        for k, row in enumerate(rows):
            ref = RowRef(month, f"{i:05d}", f"xa-{i}.xlsx", first_row + k)
            out.append(person_from_fields(ref, f"Xã {i}", row))
    return out


def today() -> dt.date:
    return dt.date(2023, 6, 15)
