#!/usr/bin/env python3
"""Write the sample workspace ``samples/workspace/``: the rosters of the 22 communes of Bình Sơn
district for May and June 2023, as messy as the real ones, and ``samples/expected.json``, what a
correct validator must find in them.

All personal data is synthetic (random names, IDs, phones and accounts). The June registration
rates reproduce the district's 2023 dispatch (Bình Hòa 13.37 %, Bình Minh 11.03 %, Bình Chánh
8.49 %, Bình Thạnh 5.98 %, Bình An 5.15 %, the other 17 below 5 %).

The output is deterministic: fixed seeds, fixed workbook timestamps, fixed zip entry times; two
runs give byte-identical files. Run ``python samples/generate.py`` from the project root.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
OUT = HERE / "workspace"
EXPECTED = HERE / "expected.json"
sys.path.insert(0, str(HERE.parent / "src"))

FIXED_TIME = dt.datetime(2023, 7, 3, 8, 0, 0)
BASE_LEVEL = 360_000  # Decree 20/2021/NĐ-CP, in force from 1 July 2021 to 30 June 2024

# ---------------------------------------------------------------------------------------------
# Domain facts (copied from the domain reference: the project must not read it at run time)
# ---------------------------------------------------------------------------------------------

DISTRICT = "Bình Sơn"
PROVINCE = "Quảng Ngãi"

#: (GSO code, name, kind) of the 22 commune-level units of Bình Sơn in 2023.
COMMUNES: tuple[tuple[str, str, str], ...] = (
    ("21040", "Châu Ổ", "thị trấn"),
    ("21043", "Bình Thuận", "xã"),
    ("21046", "Bình Thạnh", "xã"),
    ("21049", "Bình Đông", "xã"),
    ("21052", "Bình Chánh", "xã"),
    ("21055", "Bình Nguyên", "xã"),
    ("21058", "Bình Khương", "xã"),
    ("21061", "Bình Trị", "xã"),
    ("21064", "Bình An", "xã"),
    ("21067", "Bình Hải", "xã"),
    ("21070", "Bình Dương", "xã"),
    ("21073", "Bình Phước", "xã"),
    ("21079", "Bình Hòa", "xã"),
    ("21082", "Bình Trung", "xã"),
    ("21085", "Bình Minh", "xã"),
    ("21088", "Bình Long", "xã"),
    ("21091", "Bình Thanh", "xã"),
    ("21100", "Bình Chương", "xã"),
    ("21103", "Bình Hiệp", "xã"),
    ("21106", "Bình Mỹ", "xã"),
    ("21109", "Bình Tân Phú", "xã"),
    ("21112", "Bình Châu", "xã"),
)
COMMUNE_NAME = {code: name for code, name, _ in COMMUNES}
COMMUNE_KIND = {code: kind for code, _, kind in COMMUNES}

QUANG_NGAI = "051"
OTHER_PROVINCES = ("049", "052", "048", "062", "064", "079", "066", "054", "040", "074", "046")

MOBILE_PREFIXES = (
    "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
    "081", "082", "083", "084", "085", "088", "091", "094",
    "070", "076", "077", "078", "079", "089", "090", "093",
    "052", "056", "058", "092", "059", "099",
)  # fmt: skip
# Carriers' weight in central Vietnam: Viettel and MobiFone dominate.
MOBILE_WEIGHTS = (4, 4, 4, 4, 4, 4, 4, 4, 5, 6, 6, 6, 2, 2, 2, 2, 2, 2, 3, 3,
                  4, 4, 4, 4, 4, 3, 8, 5, 1, 1, 1, 1, 1, 1)  # fmt: skip

#: Allowed ages (whole years at the 1st of the report month, kept off the borders) and the
#: coefficient for that age band, per category (Decree 20/2021/NĐ-CP, Điều 5-6).
AGE_BANDS: dict[str, tuple[tuple[range, float], ...]] = {
    "1": ((range(1, 3), 2.5), (range(5, 15), 1.5)),
    "2": ((range(17, 22), 1.5),),
    "3": ((range(1, 3), 2.5), (range(5, 15), 2.0)),
    "4": ((range(24, 51), 1.0),),
    "5a": ((range(61, 79), 1.5), (range(81, 96), 2.0)),
    "5b": ((range(76, 79), 1.0),),
    "5c": ((range(81, 100), 1.0),),
    "5d": ((range(62, 91), 3.0),),
    "6a": ((range(17, 59), 2.0), (range(61, 91), 2.5), (range(5, 15), 2.5)),
    "6b": ((range(17, 59), 1.5), (range(61, 89), 2.0), (range(5, 15), 2.0)),
    "7": ((range(0, 2), 1.5),),
    "8": ((range(25, 56), 1.5),),
}
CATEGORY_WEIGHTS = {
    "5c": 34, "6b": 20, "6a": 12, "5a": 8, "5b": 4, "1": 5, "4": 4,
    "2": 2, "3": 1, "5d": 1, "7": 2, "8": 2,
}  # fmt: skip
CHILD_CATEGORIES = {"1", "3", "7"}

NOT_REGISTERED, REGISTERED, HAS_ACCOUNT, REFUSED = (
    "Chưa đăng ký",
    "Đã đăng ký",
    "Đã có tài khoản",
    "Từ chối",
)
SELF, GUARDIAN, AUTHORISED = "Bản thân", "Người giám hộ", "Người được ủy quyền"

# ---------------------------------------------------------------------------------------------
# Synthetic names
# ---------------------------------------------------------------------------------------------

FAMILY = (
    ("Nguyễn", 30), ("Trần", 10), ("Lê", 10), ("Phạm", 6), ("Huỳnh", 6), ("Võ", 7),
    ("Đặng", 3), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 3), ("Ngô", 2), ("Dương", 2), ("Phan", 4),
    ("Trương", 3), ("Đinh", 2), ("Đoàn", 2), ("Lương", 1), ("Tạ", 1), ("Châu", 1), ("Mai", 1),
)  # fmt: skip
MIDDLE_M = ("Văn", "Văn", "Văn", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Hữu", "Công", "Tấn")
MIDDLE_F = ("Thị", "Thị", "Thị", "Thị", "Thị Thu", "Ngọc", "Thanh", "Mỹ", "Kim", "Thị Kim")
GIVEN_M = (
    "Hùng", "Dũng", "Tuấn", "Hải", "Sơn", "Long", "Phúc", "Tâm", "Thành", "Trung", "Bình", "Lộc",
    "Tài", "Hòa", "Cường", "Đông", "Nam", "Khánh", "Quang", "Tú", "Vinh", "Ba", "Bốn", "Tư",
    "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Lợi", "Thạnh", "Phát", "Hiếu", "Nghĩa", "Trí",
    "Thương", "Kha", "Lâm", "Đạt", "Huy", "Khoa", "Phong", "Tín",
)  # fmt: skip
GIVEN_F = (
    "Lan", "Hoa", "Mai", "Hương", "Hạnh", "Thu", "Hồng", "Loan", "Nga", "Liên", "Phượng",
    "Tuyết", "Xuân", "Yến", "Cúc", "Đào", "Lệ", "Nhung", "Sen", "Trinh", "Hiền", "Thủy", "Bông",
    "Lài", "Bưởi", "Lựu", "Mận", "Thơm", "Tươi", "Vân", "Ngọc", "Dung", "Trang", "Linh", "Vy",
    "Nhi", "Thảo", "Diệu", "Hà", "Phương",
)  # fmt: skip
VILLAGE_A = ("An", "Phú", "Tân", "Hòa", "Thanh", "Đông", "Tây", "Trung", "Mỹ", "Phước", "Long")
VILLAGE_B = ("Lộc", "Hòa", "Thạnh", "Bình", "Hiệp", "Thuận", "Yên", "Lợi", "Điền", "Sơn")
ETHNIC = (("Kinh", 94), ("Hrê", 4), ("Cor", 2))

# ---------------------------------------------------------------------------------------------
# Targets: rows in the June file, registered in June, registered in May
# ---------------------------------------------------------------------------------------------

TARGETS: dict[str, tuple[int, int, int]] = {
    "21040": (612, 27, 21),  # Châu Ổ        4.41
    "21043": (421, 9, 9),  # Bình Thuận       2.14 (May unchanged)
    "21046": (234, 14, 14),  # Bình Thạnh     5.98 (May unchanged)
    "21049": (287, 12, 10),  # Bình Đông      4.18 (one planted duplicate row)
    "21052": (318, 27, 22),  # Bình Chánh     8.49
    "21055": (356, 5, 3),  # Bình Nguyên      1.40
    "21058": (198, 2, 1),  # Bình Khương      1.01 (one person also in Bình Nguyên)
    "21061": (265, 8, 6),  # Bình Trị         3.02
    "21064": (330, 17, 12),  # Bình An        5.15
    "21067": (342, 16, 13),  # Bình Hải       4.68
    "21070": (305, 7, 7),  # Bình Dương       2.30 (May unchanged)
    "21073": (276, 13, 11),  # Bình Phước     4.71
    "21079": (359, 48, 41),  # Bình Hòa       13.37
    "21082": (389, 11, 8),  # Bình Trung      2.83
    "21085": (408, 45, 39),  # Bình Minh      11.03
    "21088": (452, 17, 15),  # Bình Long      3.76
    "21091": (233, 2, 1),  # Bình Thanh       0.86
    "21100": (517, 19, 19),  # Bình Chương    3.68 (May unchanged)
    "21103": (368, 6, 4),  # Bình Hiệp        1.63
    "21106": (294, 14, 12),  # Bình Mỹ        4.76
    "21109": (241, 3, 3),  # Bình Tân Phú     1.24 (May unchanged)
    "21112": (574, 26, 22),  # Bình Châu      4.53
}
DISPATCH_RATES = {
    "Bình Hòa": 13.37,
    "Bình Minh": 11.03,
    "Bình Chánh": 8.49,
    "Bình Thạnh": 5.98,
    "Bình An": 5.15,
}
DUP_WITHIN = "21049"  # Bình Đông lists one person twice
DUP_FROM, DUP_TO = "21055", "21058"  # a person of Bình Nguyên also listed in Bình Khương (June)

MONTHS: tuple[tuple[int, int], ...] = ((2023, 5), (2023, 6))

# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    sex: str
    birth: dt.date
    elderly_year_only: bool
    pid: str | None
    village: str
    category: str
    coef: float
    ethnic: str
    receiver: str
    rec_name: str | None = None
    rec_id: str | None = None
    relation: str | None = None
    phone: str | None = None
    code: str = ""
    id_issued: dt.date | None = None
    # registration
    june_status: str = NOT_REGISTERED
    may_status: str = NOT_REGISTERED
    reg_date: dt.date | None = None
    account: str | None = None
    bank: str | None = None
    keep_receiver: bool = False  # unregistered rows that already carry receiver details


def age_at(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


class Factory:
    """Draws synthetic people; IDs are unique across the whole district."""

    def __init__(self) -> None:
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()

    def name(self, rng: random.Random, sex: str, family: str | None = None) -> str:
        fam = family or rng.choices([f for f, _ in FAMILY], [w for _, w in FAMILY])[0]
        middle = rng.choice(MIDDLE_M if sex == "Nam" else MIDDLE_F)
        given = rng.choice(GIVEN_M if sex == "Nam" else GIVEN_F)
        while given in middle.split() or given == fam:
            given = rng.choice(GIVEN_M if sex == "Nam" else GIVEN_F)
        return f"{fam} {middle} {given}"

    def pid(self, rng: random.Random, sex: str, year: int) -> str:
        province = QUANG_NGAI if rng.random() < 0.86 else rng.choice(OTHER_PROVINCES)
        century = 0 if year < 2000 else 2
        digit = century + (0 if sex == "Nam" else 1)
        while True:
            pid = f"{province}{digit}{year % 100:02d}{rng.randrange(10**6):06d}"
            if pid not in self.used_ids:
                self.used_ids.add(pid)
                return pid

    def phone(self, rng: random.Random) -> str:
        while True:
            prefix = rng.choices(MOBILE_PREFIXES, MOBILE_WEIGHTS)[0]
            phone = f"{prefix}{rng.randrange(10**7):07d}"
            if phone not in self.used_phones:
                self.used_phones.add(phone)
                return phone

    def birth(self, rng: random.Random, category: str) -> tuple[dt.date, float, bool]:
        """A birth date whose age fits one band of ``category`` in May and June 2023, also when
        only the year is known; the band's coefficient; whether a bare year would be plausible."""
        bands = AGE_BANDS[category]
        ages, coef = rng.choices(bands, [len(r) for r, _ in bands])[0]
        target = rng.choice(ages)
        while True:
            year = 2023 - target - rng.randint(0, 1)
            start = dt.date(year, 1, 1).toordinal()
            birth = dt.date.fromordinal(start + rng.randrange(365))
            checks = [age_at(birth, dt.date(y, m, 1)) for y, m in MONTHS] + [2023 - birth.year]
            if all(a in ages for a in checks):
                return birth, coef, target >= 70

    def person(self, rng: random.Random, villages: list[str], seq: int, prefix: str) -> Person:
        category = rng.choices(list(CATEGORY_WEIGHTS), list(CATEGORY_WEIGHTS.values()))[0]
        birth, coef, old = self.birth(rng, category)
        if category == "4":
            sex = "Nữ" if rng.random() < 0.85 else "Nam"
        elif category in ("5c", "5a", "5b"):
            sex = "Nữ" if rng.random() < 0.62 else "Nam"
        else:
            sex = rng.choice(("Nam", "Nữ"))
        age = age_at(birth, dt.date(2023, 6, 1))
        child = age < 16
        has_id = rng.random() < (0.55 if child else 0.8)
        p = Person(
            name=self.name(rng, sex),
            sex=sex,
            birth=birth,
            elderly_year_only=old and rng.random() < 0.3,
            pid=self.pid(rng, sex, birth.year) if has_id else None,
            village=rng.choice(villages),
            category=category,
            coef=coef,
            ethnic=rng.choices([e for e, _ in ETHNIC], [w for _, w in ETHNIC])[0],
            receiver=SELF,
            code=f"{prefix}{seq:04d}",
        )
        if p.pid and age >= 14:
            p.id_issued = dt.date.fromordinal(dt.date(2021, 3, 1).toordinal() + rng.randrange(780))
        if child:
            self.set_receiver(rng, p, GUARDIAN, child=True)
        elif category == "6a" and rng.random() < 0.7:
            self.set_receiver(rng, p, GUARDIAN, child=False)
        elif age >= 85 and rng.random() < 0.45:
            self.set_receiver(rng, p, AUTHORISED, child=False)
        if rng.random() < 0.3:
            p.phone = self.phone(rng)
        return p

    def set_receiver(self, rng: random.Random, p: Person, kind: str, child: bool) -> None:
        if child:
            relation = rng.choice(("Mẹ", "Mẹ", "Bố", "Bà nội", "Ông nội", "Bà ngoại", "Cô", "Chú"))
            year = rng.randint(1962, 1972) if relation.startswith(("Ông", "Bà")) else 0
            year = year or rng.randint(1982, 1997)
        elif kind == GUARDIAN:
            relation = rng.choice(("Mẹ", "Cha", "Vợ", "Chồng", "Anh", "Chị", "Con"))
            if relation in ("Mẹ", "Cha"):
                year = max(1945, p.birth.year - rng.randint(20, 35))
            elif relation == "Con":
                year = min(2000, p.birth.year + rng.randint(20, 30))
            else:
                year = min(2000, p.birth.year + rng.randint(-8, 8))
        else:
            relation = rng.choice(("Con", "Con trai", "Con gái", "Cháu", "Con dâu"))
            year = min(2000, p.birth.year + rng.randint(22, 40))
        if relation in ("Mẹ", "Bà nội", "Bà ngoại", "Cô", "Vợ", "Chị", "Con gái", "Con dâu"):
            sex = "Nữ"
        elif relation in ("Bố", "Cha", "Ông nội", "Chú", "Chồng", "Anh", "Con trai"):
            sex = "Nam"
        else:
            sex = rng.choice(("Nam", "Nữ"))
        same_family = relation in ("Bố", "Cha", "Ông nội", "Chú", "Anh", "Con", "Con trai")
        family = p.name.split()[0] if same_family and (p.sex == "Nam" or child) else None
        p.receiver = kind
        p.rec_name = self.name(rng, sex, family)
        p.rec_id = self.pid(rng, sex, year)
        p.relation = relation


def make_villages(rng: random.Random, code: str) -> list[str]:
    if COMMUNE_KIND[code] == "thị trấn":
        return [f"Tổ dân phố {i}" for i in range(1, 8)]
    if rng.random() < 0.5:
        return [f"Thôn {i}" for i in range(1, rng.randint(5, 9))]
    names: set[str] = set()
    want = rng.randint(4, 7)
    while len(names) < want:
        a, b = rng.choice(VILLAGE_A), rng.choice(VILLAGE_B)
        if a != b:
            names.add(f"Thôn {a} {b}")
    return sorted(names)


def weekday_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    while True:
        d = dt.date.fromordinal(rng.randint(start.toordinal(), end.toordinal()))
        if d.weekday() < 5:
            return d


def account_for(rng: random.Random) -> tuple[str, str]:
    bank = rng.choices(
        ("Bưu điện", "Agribank", "VietinBank", "Vietcombank", "BIDV", "LienVietPostBank"),
        (70, 12, 6, 4, 4, 4),
    )[0]
    length = {"Bưu điện": 12, "Agribank": 13, "VietinBank": 12, "Vietcombank": 13, "BIDV": 14}
    n = length.get(bank, rng.choice((9, 10, 11, 16)))
    first = str(rng.randint(1, 9))
    return first + "".join(str(rng.randrange(10)) for _ in range(n - 1)), bank


def commune_people(fac: Factory, code: str, n: int) -> list[Person]:
    rng = random.Random(f"people-{code}")
    villages = make_villages(rng, code)
    prefix = "".join(w[0] for w in strip_marks(COMMUNE_NAME[code]).upper().split()) + "-"
    people = [fac.person(rng, villages, i + 1, prefix) for i in range(n)]
    _, r_june, r_may = TARGETS[code]
    # Who registered: one person with a proxy receiver first (so every commune with a few
    # registrations shows a guardian or authorised person), then at random, adults preferred.
    order = list(range(n))
    rng.shuffle(order)
    proxies = [i for i in order if people[i].receiver == GUARDIAN]
    chosen: list[int] = proxies[:1] if r_june >= 3 else []
    for i in order:
        if len(chosen) >= r_june:
            break
        if i in chosen:
            continue
        if people[i].receiver == SELF or rng.random() < 0.6:
            chosen.append(i)
    may_set = set(rng.sample(chosen, r_may))
    for i in chosen:
        p = people[i]
        if p.pid is None:
            p.pid = fac.pid(rng, p.sex, p.birth.year)
        if p.phone is None:
            p.phone = fac.phone(rng)
        if i in may_set:
            p.reg_date = weekday_between(rng, dt.date(2023, 1, 9), dt.date(2023, 5, 31))
            p.may_status = REGISTERED
        else:
            p.reg_date = weekday_between(rng, dt.date(2023, 6, 1), dt.date(2023, 6, 30))
        p.june_status = REGISTERED
        if rng.random() < (0.55 if i in may_set else 0.25):
            p.june_status = HAS_ACCOUNT
            p.account, p.bank = account_for(rng)
            if i in may_set and rng.random() < 0.6:
                p.may_status = HAS_ACCOUNT
    rest = [i for i in order if i not in set(chosen)]
    refused = rng.sample(rest, max(1, round(len(rest) * rng.uniform(0.02, 0.07))))
    for i in refused:
        people[i].june_status = people[i].may_status = REFUSED
    for i in rest:
        people[i].keep_receiver = people[i].receiver != SELF and rng.random() < 0.3
    return people


# ---------------------------------------------------------------------------------------------
# Rows of one month (semantic values; the layout decides how they are written)
# ---------------------------------------------------------------------------------------------

Row = dict[str, Any]
KEYS = (
    "stt", "ma_doi_tuong", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "ngay_cap",
    "noi_cap", "thon", "dien", "he_so", "muc_tro_cap", "nguoi_nhan", "ten_nguoi_nhan",
    "so_dinh_danh_nguoi_nhan", "quan_he", "dien_thoai", "trang_thai", "ngay_dang_ky",
    "so_tai_khoan", "noi_mo_tai_khoan", "ghi_chu", "dan_toc",
)  # fmt: skip


@dataclass(frozen=True)
class YearOnly:
    year: int


def person_row(p: Person, month: tuple[int, int], village: str | None = None) -> Row:
    status = p.june_status if month == (2023, 6) else p.may_status
    registered = status in (REGISTERED, HAS_ACCOUNT)
    proxy = p.receiver != SELF and (registered or p.keep_receiver)
    amount = round(BASE_LEVEL * p.coef)
    row: Row = {
        "ma_doi_tuong": p.code,
        "ho_ten": p.name,
        "ngay_sinh": YearOnly(p.birth.year) if p.elderly_year_only else p.birth,
        "gioi_tinh": p.sex,
        "so_dinh_danh": p.pid,
        "ngay_cap": p.id_issued if p.pid else None,
        "noi_cap": "Cục CS QLHC về TTXH" if p.id_issued and p.pid else None,
        "thon": village or p.village,
        "dien": p.category,
        "he_so": int(p.coef) if p.coef.is_integer() else p.coef,
        "muc_tro_cap": amount,
        "nguoi_nhan": p.receiver if registered or proxy else None,
        "ten_nguoi_nhan": p.rec_name if proxy else None,
        "so_dinh_danh_nguoi_nhan": p.rec_id if proxy else None,
        "quan_he": p.relation if proxy else None,
        "dien_thoai": p.phone,
        "trang_thai": status,
        "ngay_dang_ky": p.reg_date if registered else None,
        "so_tai_khoan": p.account if status == HAS_ACCOUNT else None,
        "noi_mo_tai_khoan": p.bank if status == HAS_ACCOUNT else None,
        "ghi_chu": None,
        "dan_toc": p.ethnic,
        "_marks": [],
    }
    if status == REFUSED:
        row["ghi_chu"] = "Nhận tiền mặt"
    elif status == REGISTERED and p.reg_date and p.reg_date.month == month[1]:
        row["ghi_chu"] = "Đăng ký mới"
    return row


# ---------------------------------------------------------------------------------------------
# Layouts: how each commune's file looks
# ---------------------------------------------------------------------------------------------

H_TEMPLATE = {
    "stt": "STT", "ma_doi_tuong": "Mã đối tượng", "ho_ten": "Họ và tên", "ngay_sinh": "Ngày sinh",
    "gioi_tinh": "Giới tính", "so_dinh_danh": "Số CCCD/Định danh", "ngay_cap": "Ngày cấp",
    "noi_cap": "Nơi cấp", "thon": "Thôn/Tổ dân phố", "dien": "Diện đối tượng", "he_so": "Hệ số",
    "muc_tro_cap": "Mức trợ cấp (đồng)", "nguoi_nhan": "Người nhận",
    "ten_nguoi_nhan": "Họ tên người nhận", "so_dinh_danh_nguoi_nhan": "Số CCCD người nhận",
    "quan_he": "Quan hệ với đối tượng", "dien_thoai": "Số điện thoại",
    "trang_thai": "Tình trạng đăng ký", "ngay_dang_ky": "Ngày đăng ký",
    "so_tai_khoan": "Số tài khoản", "noi_mo_tai_khoan": "Nơi mở tài khoản", "ghi_chu": "Ghi chú",
    "dan_toc": "Dân tộc",
}  # fmt: skip
H_SHORT = H_TEMPLATE | {
    "stt": "TT", "ma_doi_tuong": "Mã ĐT", "ho_ten": "Họ tên", "ngay_sinh": "Năm sinh",
    "gioi_tinh": "Nam/Nữ", "so_dinh_danh": "Số CCCD", "thon": "Thôn", "dien": "Đối tượng",
    "he_so": "Hệ số trợ cấp", "muc_tro_cap": "Mức hưởng", "nguoi_nhan": "Người nhận trợ cấp",
    "so_dinh_danh_nguoi_nhan": "CCCD người nhận", "quan_he": "Quan hệ", "dien_thoai": "SĐT",
    "trang_thai": "Trạng thái", "so_tai_khoan": "STK", "noi_mo_tai_khoan": "Ngân hàng/Bưu điện",
}  # fmt: skip
H_BROKEN = H_TEMPLATE | {
    "stt": "Số\nTT", "ho_ten": "Họ và tên\nđối tượng", "ngay_sinh": "Ngày tháng\nnăm sinh",
    "gioi_tinh": "Giới\ntính", "so_dinh_danh": "Số\nCCCD", "thon": "Thôn/\nTổ dân phố",
    "dien": "Diện\nđối tượng", "he_so": "Hệ\nsố", "muc_tro_cap": "Mức trợ cấp\n(đồng)",
    "ten_nguoi_nhan": "Họ tên\nngười nhận", "so_dinh_danh_nguoi_nhan": "Số CCCD\nngười nhận",
    "quan_he": "Quan hệ với\nđối tượng", "dien_thoai": "Số\nđiện thoại",
    "trang_thai": "Tình trạng\nđăng ký", "ngay_dang_ky": "Ngày\nđăng ký",
    "so_tai_khoan": "Số\ntài khoản", "noi_mo_tai_khoan": "Nơi mở\ntài khoản",
}  # fmt: skip
H_MIXED = H_TEMPLATE | {
    "stt": "Số TT", "ma_doi_tuong": "Mã hồ sơ", "ho_ten": "Tên đối tượng",
    "ngay_sinh": "NS", "so_dinh_danh": "Số định danh cá nhân", "thon": "Nơi cư trú",
    "dien": "Diện hưởng", "muc_tro_cap": "Số tiền hưởng", "nguoi_nhan": "Hình thức nhận",
    "dien_thoai": "Điện thoại", "trang_thai": "Đăng ký TK", "so_tai_khoan": "Số TK",
    "noi_mo_tai_khoan": "Ngân hàng",
}  # fmt: skip


def strip_marks(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


H_UPPER = {k: v.upper() for k, v in H_TEMPLATE.items()}
H_ASCII = {k: strip_marks(v) for k, v in H_SHORT.items()} | {
    "ho_ten": "Ho va ten",
    "ngay_sinh": "Ngay sinh",
    "gioi_tinh": "Gioi tinh",
    "ten_nguoi_nhan": "Ho ten nguoi nhan",
    "so_dinh_danh_nguoi_nhan": "So CCCD nguoi nhan",
    "dien_thoai": "So dien thoai",
    "trang_thai": "Tinh trang dang ky",
}
H_SPACED = {k: f" {v}  " if i % 3 == 0 else v for i, (k, v) in enumerate(H_TEMPLATE.items())}

STANDARD = (
    "stt", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "thon", "dien", "he_so",
    "muc_tro_cap", "nguoi_nhan", "ten_nguoi_nhan", "so_dinh_danh_nguoi_nhan", "quan_he",
    "dien_thoai", "trang_thai", "ngay_dang_ky", "so_tai_khoan", "noi_mo_tai_khoan", "ghi_chu",
)  # fmt: skip

DateStyle = Literal["date", "text", "serial"]
IdStyle = Literal["text", "number", "spaced"]


@dataclass
class Layout:
    code: str
    filename: Callable[[int], str]  # month → file name
    columns: tuple[str, ...] = STANDARD
    headers: dict[str, str] = field(default_factory=lambda: H_TEMPLATE)
    fmt: Literal["xlsx", "xls", "ods"] = "xlsx"
    sheet: str = "Sheet1"
    month_title: str = "Tháng {m} năm {y}"
    national_motto: bool = False  # "CỘNG HÒA XÃ HỘI..." on the right of the first two rows
    gap: int = 0  # blank rows between the titles and the header
    two_row: Literal[None, "sex", "sex+receiver"] = None
    numbering: Literal[None, "paren", "plain"] = None
    totals: str | None = None
    signature: bool = False
    blank_every: int | None = None
    dates: DateStyle = "date"
    reg_dates_dmyy: bool = False
    year_only: Literal[None, "int", "text"] = None
    ids: IdStyle = "text"
    legacy: bool = False
    before: tuple[str, ...] = ()  # sheets before the roster
    after: tuple[str, ...] = ()  # sheets after the roster
    font: str = "Times New Roman"
    chair: str = "CHỦ TỊCH"


def with_ma(cols: tuple[str, ...] = STANDARD) -> tuple[str, ...]:
    return (cols[0], "ma_doi_tuong", *cols[1:])


def without(cols: tuple[str, ...], *drop: str) -> tuple[str, ...]:
    return tuple(c for c in cols if c not in drop)


LAYOUTS: dict[str, Layout] = {
    lay.code: lay
    for lay in (
        Layout("21040", lambda m: f"chau_o_2023_{m:02d}.xlsx", headers=H_BROKEN,
               dates="text", year_only="text", totals="Tổng cộng", signature=True,
               month_title="THÁNG {m} NĂM {y}", national_motto=True, gap=1, sheet="DS"),
        Layout("21043", lambda m: f"DS BTXH Binh Thuan T{m}-2023.xlsx", columns=with_ma(),
               numbering="paren", month_title="Tháng {m:02d}/{y}"),
        Layout("21046", lambda m: f"Bình Thạnh T{m}-2023.xlsx", headers=H_SHORT,
               after=("Sheet2",), signature=True, chair="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
        Layout("21049", lambda m: f"binhdong_t{m}_2023.xlsx", dates="serial",
               columns=without(STANDARD, "ghi_chu"), sheet="T{m}", gap=2, national_motto=True),
        Layout("21052", lambda m: f"BinhChanh-T{m}.2023.xls", fmt="xls",
               after=("Sheet2", "Sheet3"), numbering="plain", totals="Cộng", signature=True),
        Layout("21055", lambda m: f"Binh Nguyen {m:02d}-2023.xlsx", reg_dates_dmyy=True,
               year_only="int", headers=H_SPACED, national_motto=True),
        Layout("21058", lambda m: f"DS Bình Khương T{m} 2023.xlsx", two_row="sex",
               year_only="int", numbering="paren", signature=True),
        Layout("21061", lambda m: f"binh_tri_thang{m}.xlsx", headers=H_BROKEN,
               columns=with_ma(), month_title="THÁNG {m} NĂM {y}"),
        Layout("21064", lambda m: f"BÌNH AN T{m}-2023.xlsx", year_only="int", totals="Cộng",
               headers=H_UPPER, gap=1),
        Layout("21067", lambda m: f"Binh Hai T{m}.2023.ods", fmt="ods", headers=H_SHORT,
               sheet="Danh sach"),
        Layout("21070", lambda m: f"DS BTXH Bình Dương tháng {m}-2023.xlsx",
               after=("Tổng hợp",), month_title="Tháng {m:02d}/{y}"),
        Layout("21073", lambda m: f"binh phuoc {m}-2023.xlsx", ids="spaced", headers=H_MIXED,
               columns=(*STANDARD[:5], "ngay_cap", "noi_cap", *STANDARD[5:])),
        Layout("21079", lambda m: f"binh_hoa T{m}.xlsx", numbering="plain", totals="Cộng",
               signature=True),
        Layout("21082", lambda m: f"BinhTrung_2023-{m:02d}.xlsx", two_row="sex+receiver",
               columns=with_ma(), gap=1, national_motto=True),
        Layout("21085", lambda m: f"DS BTXH Bình Minh tháng {m}-2023.xlsx", columns=with_ma(),
               year_only="text", totals="Tổng cộng", signature=True),
        Layout("21088", lambda m: f"Binh Long T{m}-2023.xlsx", ids="number", headers=H_SHORT),
        Layout("21091", lambda m: f"Bình Thanh T{m}-2023.xlsx", blank_every=17,
               month_title="THÁNG {m} NĂM {y}"),
        Layout("21100", lambda m: f"binh_chuong_t{m}.xlsx", headers=H_ASCII, gap=1,
               columns=without(STANDARD, "quan_he")),
        Layout("21103", lambda m: f"Bình Hiệp T{m}.2023.xlsx", legacy=True, font=".VnTime",
               year_only="text"),
        Layout("21106", lambda m: f"BINH MY - T{m} 2023.xlsx", columns=(
            "stt", "ho_ten", "so_dinh_danh", "ngay_cap", "noi_cap", "ngay_sinh", "gioi_tinh",
            "dien_thoai", "thon", "trang_thai", "ngay_dang_ky", "dien", "he_so", "muc_tro_cap",
            "nguoi_nhan", "ten_nguoi_nhan", "so_dinh_danh_nguoi_nhan", "quan_he",
            "so_tai_khoan", "noi_mo_tai_khoan", "ghi_chu")),
        Layout("21109", lambda m: f"Binh Tan Phu_{m:02d}.2023.xlsx",
               columns=(*STANDARD[:6], "dan_toc", *STANDARD[6:]), numbering="plain",
               dates="text"),
        Layout("21112", lambda m: f"DS Binh Chau thang {m:02d}-2023.xlsx",
               before=("Tổng hợp",), sheet="DS T{m}", totals="Tổng cộng", signature=True),
    )
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# A neutral sheet model, written out as xlsx, xls or ods
# ---------------------------------------------------------------------------------------------


@dataclass
class Cell:
    value: str | int | float | dt.date | None
    bold: bool = False
    wrap: bool = False
    center: bool = False
    font: str | None = None
    size: int = 12
    border: bool = False


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)  # (row, col), 1-based
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    widths: dict[int, float] = field(default_factory=dict)

    def put(self, r: int, c: int, value: Any, **style: Any) -> None:
        self.cells[(r, c)] = Cell(value, **style)


def a1(r: int, c: int) -> str:
    return f"{get_column_letter(c)}{r}"


def date_value(d: dt.date, style: DateStyle, dmyy: bool = False) -> str | int | dt.date:
    if dmyy:
        return f"{d.day}-{d.month}-{d:%y}"
    if style == "text":
        return f"{d:%d/%m/%Y}"
    if style == "serial":
        return (d - dt.date(1899, 12, 30)).days
    return d


def id_value(v: str, style: IdStyle, rng: random.Random) -> str | int:
    if style == "number" and v.isdigit():
        return int(v)
    if style == "spaced" and len(v) == 12:
        sep = " " if rng.random() < 0.7 else "."
        return sep.join((v[:3], v[3:6], v[6:9], v[9:]))
    return v


def cell_value(key: str, v: Any, lay: Layout, rng: random.Random) -> Any:
    if v is None:
        return None
    if isinstance(v, YearOnly):
        if lay.year_only == "int":
            return v.year
        if lay.year_only == "text":
            return str(v.year)
        return date_value(dt.date(v.year, 1, 1), lay.dates)
    if isinstance(v, dt.date):
        return date_value(v, lay.dates, lay.reg_dates_dmyy and key == "ngay_dang_ky")
    if key in ("so_dinh_danh", "so_dinh_danh_nguoi_nhan"):
        return id_value(v, lay.ids, rng)
    if key == "dien_thoai" and lay.ids == "number" and v.isdigit():
        return int(v)
    return v


@dataclass
class Rendered:
    sheets: list[Sheet]
    roster_sheet: str
    header_row: int
    cells: list[dict[str, str]]  # per data row: key → A1 address


def render(lay: Layout, rows: list[Row], month: tuple[int, int]) -> Rendered:
    y, m = month
    rng = random.Random(f"render-{lay.code}-{y}-{m}")
    name, kind = COMMUNE_NAME[lay.code], COMMUNE_KIND[lay.code]
    sheet = Sheet(lay.sheet.format(m=m))
    # Column plan: (key or None, top label, sub label)
    plan: list[tuple[str, str, str | None]] = []
    for key in lay.columns:
        if key == "gioi_tinh" and lay.two_row:
            continue
        if key == "ngay_sinh" and lay.two_row:
            plan += [("ngay_sinh_nam", "Ngày sinh", "Nam"), ("ngay_sinh_nu", "Ngày sinh", "Nữ")]
        elif key == "nguoi_nhan" and lay.two_row == "sex+receiver":
            plan.append((key, "Hình thức nhận", None))
        elif key == "ten_nguoi_nhan" and lay.two_row == "sex+receiver":
            plan.append((key, "Người nhận", "Họ tên"))
        elif key == "so_dinh_danh_nguoi_nhan" and lay.two_row == "sex+receiver":
            plan.append((key, "Người nhận", "Số CCCD"))
        elif key == "quan_he" and lay.two_row == "sex+receiver":
            plan.append((key, "Quan hệ với đối tượng", None))
        else:
            plan.append((key, lay.headers[key], None))
    ncol = len(plan)
    col_of = {key: i + 1 for i, (key, _, _) in enumerate(plan)}

    unit = f"UBND {kind.upper()} {name.upper()}"
    title = "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐĂNG KÝ NHẬN TRỢ CẤP QUA TÀI KHOẢN"
    when = lay.month_title.format(m=m, y=y)
    r = 1
    sheet.put(r, 1, unit, bold=True)
    if lay.national_motto:
        sheet.put(r, ncol - 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True)
        sheet.put(r + 1, ncol - 6, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
        sheet.merges += [(r, ncol - 6, r, ncol), (r + 1, ncol - 6, r + 1, ncol)]
        r += 1
    r += 1
    for text in (title, when):
        sheet.put(r, 1, text, bold=True, center=True, size=14 if text == title else 12)
        sheet.merges.append((r, 1, r, ncol))
        r += 1
    r += lay.gap
    header_row = r
    two = lay.two_row is not None
    c = 1
    while c <= ncol:
        key, top, sub = plan[c - 1]
        style: dict[str, Any] = {"bold": True, "wrap": True, "center": True, "border": True}
        if sub is None:
            sheet.put(r, c, top, **style)
            if two:
                sheet.put(r + 1, c, None, border=True)
                sheet.merges.append((r, c, r + 1, c))
            c += 1
            continue
        span = 1
        while c + span <= ncol and plan[c + span - 1][1] == top:
            span += 1
        sheet.put(r, c, top, **style)
        for j in range(1, span):
            sheet.put(r, c + j, None, border=True)
        sheet.merges.append((r, c, r, c + span - 1))
        for j in range(span):
            sheet.put(r + 1, c + j, plan[c + j - 1][2], **style)
        c += span
    r += 2 if two else 1
    if lay.numbering:
        for c in range(1, ncol + 1):
            sheet.put(r, c, f"({c})" if lay.numbering == "paren" else c, center=True, border=True)
        r += 1

    addresses: list[dict[str, str]] = []
    total = 0
    for i, row in enumerate(rows):
        if lay.blank_every and i and i % lay.blank_every == 0:
            r += 1
        addr: dict[str, str] = {}
        row = dict(row, stt=i + 1)
        for key, _, _ in plan:
            c = col_of[key]
            if key.startswith("ngay_sinh_"):
                wanted = "ngay_sinh_nam" if row["gioi_tinh"] == "Nam" else "ngay_sinh_nu"
                v = cell_value("ngay_sinh", row["ngay_sinh"], lay, rng) if key == wanted else None
                if key == wanted:
                    addr["ngay_sinh"] = a1(r, c)
            else:
                v = cell_value(key, row.get(key), lay, rng)
            sheet.put(r, c, v, border=True)
            addr[key] = a1(r, c)
        total += row["muc_tro_cap"] if isinstance(row["muc_tro_cap"], int) else 0
        addresses.append(addr)
        r += 1

    if lay.totals:
        label_col = col_of.get("ho_ten", 2)
        sheet.put(r, 1, lay.totals, bold=True, border=True)
        sheet.merges.append((r, 1, r, label_col))
        sheet.put(r, col_of["muc_tro_cap"], total, bold=True, border=True)
        r += 1
    if lay.signature:
        r += 1
        right = max(ncol - 5, col_of.get("ho_ten", 2) + 3)
        sheet.put(r, right, f"{name}, ngày 04 tháng {m + 1} năm {y}", center=True)
        r += 1
        sheet.put(r, col_of.get("ho_ten", 2), "Người lập biểu", bold=True, center=True)
        sheet.put(r, right, lay.chair, bold=True, center=True, wrap="\n" in lay.chair)
        r += 4
        fac_rng = random.Random(f"sign-{lay.code}")
        clerk = Factory().name(fac_rng, fac_rng.choice(("Nam", "Nữ")))
        chair = Factory().name(fac_rng, "Nam")
        sheet.put(r, col_of.get("ho_ten", 2), clerk, bold=True, center=True)
        sheet.put(r, right, chair, bold=True, center=True)

    widths = {"ho_ten": 24, "so_dinh_danh": 16, "so_dinh_danh_nguoi_nhan": 16, "thon": 16,
              "ten_nguoi_nhan": 22, "trang_thai": 15, "noi_mo_tai_khoan": 14, "stt": 5,
              "ngay_sinh": 12, "ngay_dang_ky": 12, "dien_thoai": 12, "so_tai_khoan": 16,
              "nguoi_nhan": 16, "muc_tro_cap": 12}  # fmt: skip
    for key, c in col_of.items():
        sheet.widths[c] = widths.get(key, 11)

    sheets = [side_sheet(s, lay, rows, month) for s in lay.before]
    sheets.append(sheet)
    sheets += [side_sheet(s, lay, rows, month) for s in lay.after]
    if lay.legacy:
        legacy_sheets(sheets)
    return Rendered(sheets, sheet.name, header_row, addresses)


def side_sheet(name: str, lay: Layout, rows: list[Row], month: tuple[int, int]) -> Sheet:
    s = Sheet(name)
    if name == "Tổng hợp":
        counts = count_statuses(rows)
        s.put(1, 1, f"TỔNG HỢP ĐĂNG KÝ NHẬN TRỢ CẤP QUA TÀI KHOẢN THÁNG {month[1]}/{month[0]}",
              bold=True)  # fmt: skip
        s.put(3, 1, "Nội dung", bold=True, border=True)
        s.put(3, 2, "Số người", bold=True, border=True)
        lines = [
            ("Tổng số đối tượng đang hưởng", len(rows)),
            ("Đã đăng ký (chưa có tài khoản)", counts[REGISTERED]),
            ("Đã có tài khoản", counts[HAS_ACCOUNT]),
            ("Từ chối (nhận tiền mặt)", counts[REFUSED]),
            ("Chưa đăng ký", counts[NOT_REGISTERED]),
        ]
        for i, (label, n) in enumerate(lines):
            s.put(4 + i, 1, label, border=True)
            s.put(4 + i, 2, n, border=True)
        s.widths[1] = 36
    elif name == "Sheet2" and lay.fmt == "xlsx":
        s.put(2, 2, "Ghi chú: danh sách gửi Bưu điện huyện trước ngày 05 hằng tháng")
    return s


def legacy_sheets(sheets: list[Sheet]) -> None:
    """Retype every text cell in TCVN3. Capitals with a tone mark have no TCVN3 code of their
    own: all-caps text that needs one is typed in lower case codes with the all-caps font
    .VnTimeH, as offices did; everything else uses .VnTime."""
    from cashless_cli.normalise.legacy import decode_tcvn3, encode_tcvn3

    for s in sheets:
        for cell in s.cells.values():
            cell.font = ".VnTime"
            if not isinstance(cell.value, str):
                continue
            text = cell.value
            encoded = encode_tcvn3(text)
            if decode_tcvn3(encoded) != text:
                if text.upper() != text:
                    raise ValueError(f"TCVN3 cannot hold {text!r} in .VnTime")
                cell.font = ".VnTimeH"
                encoded = encode_tcvn3(text.lower())
            cell.value = encoded


def count_statuses(rows: list[Row]) -> dict[str, int]:
    counts = dict.fromkeys((NOT_REGISTERED, REGISTERED, HAS_ACCOUNT, REFUSED), 0)
    for row in rows:
        counts[row["trang_thai"]] += 1
    return counts


# ---- writers ---------------------------------------------------------------------------------

THIN = Side(style="thin")


def write_xlsx(sheets: list[Sheet], path: Path, default_font: str) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    fonts: dict[tuple[str, bool, int], Font] = {}
    for s in sheets:
        ws = wb.create_sheet(s.name)
        for (r, c), cell in sorted(s.cells.items()):
            target = ws.cell(row=r, column=c, value=cell.value)
            key = (cell.font or default_font, cell.bold, cell.size)
            if key not in fonts:
                fonts[key] = Font(name=key[0], bold=key[1], size=key[2])
            target.font = fonts[key]
            if isinstance(cell.value, dt.date):
                target.number_format = "dd/mm/yyyy"
            if cell.wrap or cell.center:
                target.alignment = Alignment(
                    wrap_text=cell.wrap,
                    horizontal="center" if cell.center else None,
                    vertical="center" if cell.center else None,
                )
            if cell.border:
                target.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
        for r1, c1, r2, c2 in s.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in s.widths.items():
            ws.column_dimensions[get_column_letter(c)].width = w
    wb.properties.creator = "UBND"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(fixed_zip(buf.getvalue()))


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times (openpyxl stamps the current time everywhere)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{stamp}\2", text
                )
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            zi.compress_type = info.compress_type
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def write_xls(sheets: list[Sheet], path: Path, default_font: str) -> None:
    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict[tuple[bool, bool, bool, bool, bool], xlwt.XFStyle] = {}

    def style(cell: Cell) -> xlwt.XFStyle:
        key = (cell.bold, cell.wrap, cell.center, cell.border, isinstance(cell.value, dt.date))
        if key not in styles:
            st = xlwt.XFStyle()
            st.font = xlwt.Font()
            st.font.name = default_font
            st.font.bold = cell.bold
            st.font.height = 20 * cell.size
            st.alignment = xlwt.Alignment()
            st.alignment.wrap = int(cell.wrap)
            if cell.center:
                st.alignment.horz = xlwt.Alignment.HORZ_CENTER
                st.alignment.vert = xlwt.Alignment.VERT_CENTER
            if cell.border:
                st.borders = xlwt.Borders()
                st.borders.left = st.borders.right = st.borders.top = st.borders.bottom = 1
            if key[4]:
                st.num_format_str = "dd/mm/yyyy"
            styles[key] = st
        return styles[key]

    for s in sheets:
        ws = wb.add_sheet(s.name)
        covered: set[tuple[int, int]] = set()
        for r1, c1, r2, c2 in s.merges:
            cell = s.cells.get((r1, c1), Cell(None))
            ws.write_merge(r1 - 1, r2 - 1, c1 - 1, c2 - 1, cell.value, style(cell))
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for (r, c), cell in sorted(s.cells.items()):
            if (r, c) not in covered:
                ws.write(r - 1, c - 1, cell.value, style(cell))
        for c, w in s.widths.items():
            ws.col(c - 1).width = int(256 * w)
    wb.save(str(path))


def write_ods(sheets: list[Sheet], path: Path, default_font: str) -> None:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    )
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<office:document-content {ns} office:version="1.2">',
        "<office:automatic-styles>",
        '<number:date-style style:name="N1"><number:day number:style="long"/>'
        '<number:text>/</number:text><number:month number:style="long"/>'
        '<number:text>/</number:text><number:year number:style="long"/></number:date-style>',
        '<style:style style:name="cd" style:family="table-cell" style:data-style-name="N1"/>',
        '<style:style style:name="cb" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold"/></style:style>',
        "</office:automatic-styles><office:body><office:spreadsheet>",
    ]
    for s in sheets:
        parts.append(f'<table:table table:name="{escape(s.name)}">')
        ncol = max((c for _, c in s.cells), default=1)
        nrow = max((r for r, _ in s.cells), default=0)
        parts.append(f'<table:table-column table:number-columns-repeated="{ncol}"/>')
        spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in s.merges}
        covered = {
            (r, c)
            for r1, c1, r2, c2 in s.merges
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1)
        }
        for r in range(1, nrow + 1):
            parts.append("<table:table-row>")
            for c in range(1, ncol + 1):
                if (r, c) in covered:
                    parts.append("<table:covered-table-cell/>")
                    continue
                cell = s.cells.get((r, c))
                attrs = ""
                if (r, c) in spans:
                    rs, cs = spans[(r, c)]
                    attrs += (
                        f' table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"'
                    )
                if cell is None or cell.value is None:
                    parts.append(f"<table:table-cell{attrs}/>")
                    continue
                v = cell.value
                if cell.bold and not isinstance(v, dt.date):
                    attrs += ' table:style-name="cb"'
                if isinstance(v, dt.date):
                    parts.append(
                        f'<table:table-cell table:style-name="cd" office:value-type="date" '
                        f'office:date-value="{v.isoformat()}"{attrs}>'
                        f"<text:p>{v:%d/%m/%Y}</text:p></table:table-cell>"
                    )
                elif isinstance(v, int | float):
                    parts.append(
                        f'<table:table-cell office:value-type="float" office:value="{v}"{attrs}>'
                        f"<text:p>{v}</text:p></table:table-cell>"
                    )
                else:
                    lines = "".join(f"<text:p>{escape(t)}</text:p>" for t in str(v).split("\n"))
                    parts.append(
                        f'<table:table-cell office:value-type="string"{attrs}>{lines}'
                        "</table:table-cell>"
                    )
            parts.append("</table:table-row>")
        parts.append("</table:table>")
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    content = "".join(parts)
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(path, "w") as z:
        zi = zipfile.ZipInfo("mimetype", date_time=stamp)
        z.writestr(zi, "application/vnd.oasis.opendocument.spreadsheet")
        for name, body in (("content.xml", content), ("META-INF/manifest.xml", manifest)):
            zi = zipfile.ZipInfo(name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    del default_font


# ---------------------------------------------------------------------------------------------
# Planted problems (June only)
# ---------------------------------------------------------------------------------------------


def mark(row: Row, key: str, code: str, severity: str = "error") -> None:
    row["_marks"].append((key, code, severity))


def pick(rows: list[Row], rng: random.Random, ok: Callable[[Row], bool]) -> Row:
    candidates = [r for r in rows if ok(r) and not r["_marks"] and not r.get("_shared")]
    return rng.choice(candidates)


def registered(row: Row) -> bool:
    return row["trang_thai"] in (REGISTERED, HAS_ACCOUNT)


def has_full_id(row: Row) -> bool:
    return isinstance(row["so_dinh_danh"], str) and len(row["so_dinh_danh"]) == 12


def plant(code: str, rows: list[Row], fac: Factory) -> None:
    rng = random.Random(f"plant-{code}")
    if code == "21079":  # Bình Hòa: ID's sex digit contradicts the sex
        row = pick(rows, rng, has_full_id)
        pid = row["so_dinh_danh"]
        row["so_dinh_danh"] = pid[:3] + str(int(pid[3]) ^ 1) + pid[4:]
        mark(row, "so_dinh_danh", "id-sex-mismatch")
    elif code == "21085":  # Bình Minh: ID's year digits contradict the birth year
        row = pick(rows, rng, has_full_id)
        pid = row["so_dinh_danh"]
        row["so_dinh_danh"] = f"{pid[:4]}{(int(pid[4:6]) + 3) % 100:02d}{pid[6:]}"
        mark(row, "so_dinh_danh", "id-birth-year-mismatch")
    elif code == "21052":  # Bình Chánh: a phone with a prefix no carrier uses
        row = pick(rows, rng, registered)
        row["dien_thoai"] = "010" + row["dien_thoai"][3:]
        mark(row, "dien_thoai", "phone-invalid")
    elif code == "21046":  # Bình Thạnh: a registration without a phone (a warning)
        row = pick(rows, rng, registered)
        row["dien_thoai"] = None
        mark(row, "dien_thoai", "recommended-when-registered", "warning")  # Dispatch 5234
    elif code == "21064":  # Bình An: a guardian without an ID
        row = pick(rows, rng, lambda r: registered(r) and r["nguoi_nhan"] == GUARDIAN)
        row["so_dinh_danh_nguoi_nhan"] = None
        mark(row, "so_dinh_danh_nguoi_nhan", "required-when-proxy")
    elif code == "21040":  # Châu Ổ: a birth date that does not exist
        row = pick(rows, rng, lambda r: isinstance(r["ngay_sinh"], dt.date) and not registered(r))
        row["ngay_sinh"] = f"31/02/{row['ngay_sinh'].year}"
        mark(row, "ngay_sinh", "date-invalid")
    elif code == "21043":  # Bình Thuận: a category the decree does not have
        row = pick(rows, rng, lambda r: not registered(r))
        row["dien"] = "9"
        mark(row, "dien", "category-unknown")
    elif code == "21061":  # Bình Trị: registered after the report month
        row = pick(rows, rng, lambda r: r["trang_thai"] == REGISTERED)
        row["ngay_dang_ky"] = dt.date(2023, 7, 15)
        mark(row, "ngay_dang_ky", "registration-after-month")
    elif code == "21067":  # Bình Hải: amount is not base level × coefficient
        row = pick(rows, rng, lambda r: r["he_so"] == 1 and r["dien"] == "5c")
        row["muc_tro_cap"] = 450_000
        mark(row, "muc_tro_cap", "amount-mismatch", "warning")
    elif code == "21070":  # Bình Dương: an old 9-digit CMND
        row = pick(rows, rng, lambda r: has_full_id(r) and not registered(r))
        fac.used_ids.discard(row["so_dinh_danh"])
        row["so_dinh_danh"] = f"21{rng.randrange(10**7):07d}"
        mark(row, "so_dinh_danh", "id-old-cmnd", "warning")
    elif code == DUP_WITHIN:  # Bình Đông: the same person twice in the file
        row = pick(rows, rng, lambda r: has_full_id(r) and r["trang_thai"] == NOT_REGISTERED)
        at = rng.randrange(rows.index(row) + 5, len(rows) + 1)
        copy = dict(row, _marks=[])
        mark(copy, "so_dinh_danh", "id-duplicate")
        rows.insert(at, copy)


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def rate(rows: list[Row]) -> float:
    counts = count_statuses(rows)
    return round(100 * (counts[REGISTERED] + counts[HAS_ACCOUNT]) / len(rows), 2)


def build() -> dict[str, Any]:
    fac = Factory()
    people: dict[str, list[Person]] = {}
    for code, _, _ in COMMUNES:
        n_rows = TARGETS[code][0] - (code in (DUP_WITHIN, DUP_TO))
        people[code] = commune_people(fac, code, n_rows)
    # The person of Bình Nguyên who is also listed (moved, not yet removed) in Bình Khương.
    mover = next(
        p for p in people[DUP_FROM] if p.pid and p.june_status == NOT_REGISTERED and p.phone
    )
    to_village = people[DUP_TO][len(people[DUP_TO]) // 2].village

    rosters = OUT / "rosters"
    if OUT.exists():
        shutil.rmtree(OUT)
    expected: dict[str, Any] = {"months": {}, "rates": {}, "cross_commune_duplicates": []}
    shared_cells: list[list[str]] = []
    for month in MONTHS:
        key = f"{month[0]}-{month[1]:02d}"
        folder = rosters / key
        folder.mkdir(parents=True)
        files: dict[str, Any] = {}
        rates: dict[str, float] = {}
        for code, name, _ in COMMUNES:
            lay = LAYOUTS[code]
            if month != (2023, 6):  # May: always .xlsx, always Unicode
                lay = replace(lay, fmt="xlsx", legacy=False, font="Times New Roman")
            rows = [person_row(p, month) for p in people[code]]
            if month == (2023, 6):
                if code == DUP_TO:
                    moved = person_row(mover, month, to_village)
                    moved["_shared"] = True
                    rows.insert(len(rows) // 2, moved)
                if code == DUP_FROM:
                    for row in rows:
                        row["_shared"] = row["so_dinh_danh"] == mover.pid
                plant(code, rows, fac)
            out = render(lay, rows, month)
            filename = str(Path(lay.filename(month[1])).with_suffix("." + lay.fmt))
            writer = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}[lay.fmt]
            writer(out.sheets, folder / filename, lay.font)
            counts = count_statuses(rows)
            planted = [
                {"cell": out.cells[i][k], "code": c, "severity": s}
                for i, row in enumerate(rows)
                for k, c, s in row["_marks"]
            ]
            warnings = []
            if lay.ids == "number":
                for i, row in enumerate(rows):
                    for k in ("so_dinh_danh", "so_dinh_danh_nguoi_nhan", "dien_thoai"):
                        v = row.get(k)
                        if isinstance(v, str) and v.isdigit() and v.startswith("0"):
                            warnings.append(
                                {"cell": out.cells[i][k], "code": "leading-zero-restored"}
                            )
            for i, row in enumerate(rows):
                if row.get("_shared") and month == (2023, 6):
                    shared_cells.append([filename, out.cells[i]["so_dinh_danh"]])
            files[filename] = {
                "commune": name,
                "code": code,
                "sheet": out.roster_sheet,
                "header_row": out.header_row,
                "rows": len(rows),
                "registered": counts[REGISTERED] + counts[HAS_ACCOUNT],
                "with_account": counts[HAS_ACCOUNT],
                "refused": counts[REFUSED],
                "planted": planted,
                "expected_warnings": warnings,
                "legacy": "tcvn3" if lay.legacy else None,
            }
            rates[name] = rate(rows)
        expected["months"][key] = {"files": files}
        expected["rates"][key] = rates
    expected["cross_commune_duplicates"].append({"id": mover.pid, "files": shared_cells})
    check(expected)
    return expected


def check(expected: dict[str, Any]) -> None:
    june, may = expected["rates"]["2023-06"], expected["rates"]["2023-05"]
    for name, want in DISPATCH_RATES.items():
        assert june[name] == want, (name, june[name], want)
    for name, got in june.items():
        assert name in DISPATCH_RATES or got < 5, (name, got)
        assert may[name] <= got, (name, may[name], got)
    planted = sum(len(f["planted"]) for f in expected["months"]["2023-06"]["files"].values())
    assert 8 <= planted + 1 <= 12, planted
    assert not any(f["planted"] for f in expected["months"]["2023-05"]["files"].values())


def write_toml() -> None:
    lines = [
        "# Sample workspace of the cashless tool: Bình Sơn district, Quảng Ngãi (2023).",
        "# Written by samples/generate.py; all personal data in rosters/ is synthetic.",
        "",
        "[district]",
        f'name = "{DISTRICT}"',
        f'province = "{PROVINCE}"',
    ]
    for code, name, kind in COMMUNES:
        lines += ["", "[[communes]]", f'code = "{code}"', f'name = "{name}"', f'kind = "{kind}"']
    (OUT / "cashless.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Iterable[str] = ()) -> int:
    expected = build()
    write_toml()
    EXPECTED.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for key, rates in expected["rates"].items():
        shown = ", ".join(f"{n} {r:.2f}" for n, r in sorted(rates.items(), key=lambda x: -x[1]))
        print(f"{key}: {shown}")
    del argv
    import generate_2025  # the 2025+ commune workspace (samples/commune-2025/)

    generate_2025.build()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
