"""What the layout generators share: synthetic people and a small sheet writer.

People are invented: names from a short list, IDs random digits in the real structure (province,
sex and century digit, two digits of the birth year), and every category, coefficient and amount
consistent with the age at the report month, so that a clean copy has nothing to find.
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
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.normalise.dates import LooseDate, age_at
from cashless_cli.schema.domain import base_level, coefficient_for

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Phan", "Lý"]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Sơn", "Tâm", "Yến", "Hùng"]
MIDDLE_M = ["Văn", "Hữu", "Minh", "Đức", "Quang"]
MIDDLE_F = ["Thị", "Ngọc", "Kim", "Thanh"]
BANKS = ["Agribank", "Vietinbank", "BIDV", "Bưu điện", "Vietcombank"]

#: Age range (whole years at the report month) each category's people are drawn from.
AGES: dict[str, tuple[int, int]] = {
    "1": (5, 14),
    "2": (17, 21),
    "3": (5, 14),
    "4": (25, 45),
    "5a": (62, 90),
    "5b": (76, 78),
    "5c": (81, 97),
    "5d": (65, 85),
    "6a": (20, 85),
    "6b": (8, 85),
    "7": (1, 2),
    "8": (30, 55),
    "htxh": (76, 79),
}


@dataclass
class Person:
    name: str
    sex: str  # "Nam" / "Nữ"
    birth: dt.date
    year_only: bool  # only the year of birth is known
    ident: str
    village: str
    code: str
    coefficient: float
    amount: int
    phone: str
    account: str
    bank: str
    index: int

    @property
    def year(self) -> int:
        return self.birth.year

    @property
    def birth_text(self) -> str:
        return str(self.birth.year) if self.year_only else self.birth.strftime("%d/%m/%Y")


def make_id(rng: random.Random, sex: str, year: int, province: str = "051") -> str:
    digit = ((year // 100) - 19) * 2 + (1 if sex == "Nữ" else 0)
    return f"{province}{digit}{year % 100:02d}{rng.randrange(10**6):06d}"


def people(
    n: int,
    seed: int,
    month: tuple[int, int],
    codes: Sequence[str] = ("5a", "5c", "6a", "6b", "1", "4", "8"),
    year_only_share: float = 0.2,
) -> list[Person]:
    """``n`` invented beneficiaries, each consistent with the report ``month``."""
    rng = random.Random(seed)
    first = dt.date(month[0], month[1], 1)
    base = base_level(first)
    assert base is not None
    out: list[Person] = []
    used: set[str] = set()
    for i in range(n):
        code = codes[i % len(codes)]
        lo, hi = AGES[code]
        sex = rng.choice(["Nam", "Nữ"])
        for _attempt in range(1000):
            year = month[0] - rng.randint(lo, hi)
            birth = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            year_only = code in ("5a", "5c", "5d", "htxh") and rng.random() < year_only_share
            loose = LooseDate(year) if year_only else LooseDate(year, birth.month, birth.day)
            age = age_at(loose, first)
            coefficient = coefficient_for(code, age)
            if coefficient is not None and lo - 1 <= age <= hi and _fits(code, age):
                break
        else:
            raise ValueError(f"no age fits category {code!r} in {month}")
        assert coefficient is not None
        ident = make_id(rng, sex, year)
        while ident in used:
            ident = make_id(rng, sex, year)
        used.add(ident)
        middle = rng.choice(MIDDLE_F if sex == "Nữ" else MIDDLE_M)
        out.append(
            Person(
                name=f"{rng.choice(FAMILY)} {middle} {rng.choice(GIVEN)}",
                sex=sex,
                birth=birth,
                year_only=year_only,
                ident=ident,
                village=f"Thôn {rng.choice(['An', 'Phú', 'Tân', 'Bình'])} {rng.randint(1, 5)}",
                code=code,
                coefficient=coefficient,
                amount=round(base * coefficient),
                phone=rng.choice(["091", "098", "035", "077", "083"])
                + f"{rng.randrange(10**7):07d}",
                account=f"{rng.randint(1, 9)}{rng.randrange(10**12):012d}",
                bank=rng.choice(BANKS),
                index=i,
            )
        )
    return out


def _fits(code: str, age: int) -> bool:
    """Ages the category checks accept (5a from 60, 5b 75-79, 5c from 80, children under 16)."""
    limits = {
        "1": (0, 15),
        "3": (0, 15),
        "7": (0, 2),
        "2": (16, 22),
        "5a": (60, 200),
        "5b": (75, 79),
        "5c": (80, 200),
        "5d": (60, 200),
        "htxh": (70, 200),
    }
    lo, hi = limits.get(code, (0, 200))
    return lo <= age <= hi


@dataclass
class Generated:
    """A workbook a generator wrote: where its data starts and what mistakes it planted."""

    path: Path
    sheet: str
    header_rows: tuple[int, ...]  # 1-based sheet rows of the header
    first_data_row: int
    rows: int  # data rows written
    planted: list[tuple[str, str]] = field(default_factory=list)  # (A1 cell, problem code)
    cells: dict[tuple[int, str], str] = field(default_factory=dict)  # (person, field) → A1


class Sheet:
    """A thin writer over one openpyxl worksheet: text cells stay text, merges by A1 range."""

    def __init__(self, title: str) -> None:
        self.book = openpyxl.Workbook()
        ws = self.book.active
        assert ws is not None
        ws.title = title
        self.ws: Worksheet = ws

    def put(self, row: int, col: int, value: Any, number_format: str | None = None) -> str:
        if value is None:
            return a1(row, col)
        cell = self.ws.cell(row, col, value)
        if isinstance(value, str):
            cell.data_type = "s"
        if number_format:
            cell.number_format = number_format
        elif isinstance(value, dt.date):
            cell.number_format = "DD/MM/YYYY"
        return a1(row, col)

    def merge(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        if rows > 1 or cols > 1:
            self.ws.merge_cells(
                start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1
            )

    def header(self, top: int, cells: Sequence[tuple[int, int, str, int, int]]) -> None:
        """Header cells given as (row offset, column, text, row span, column span)."""
        for dr, col, text, rs, cs in cells:
            self.put(top + dr, col, text)
            self.merge(top + dr, col, rs, cs)

    def save(self, path: Path) -> None:
        self.book.save(path)


def a1(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def vn_thousands(amount: int) -> str:
    """PHP ``number_format`` (comma thousands): 405000 → "405,000"."""
    return f"{amount:,}"


def coefficient_text(value: float) -> str:
    """A coefficient as a vendor's varchar holds it: 1.5, 2, 2.5."""
    return f"{value:g}"
