"""Rules across the fields of one row: what registration requires, the ID against the person,
the category against the age, and the amount against the base level. Pure: rows in, problems out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from cashless_cli.checks.identity import check_id_against_person
from cashless_cli.normalise.dates import age_at
from cashless_cli.normalise.vocab import Receiver, Status
from cashless_cli.problems import Text
from cashless_cli.schema.domain import (
    CATEGORY_AGE,
    DEFAULT_BASE_LEVELS,
    base_level,
    coefficient_for,
)
from cashless_cli.schema.row import COLUMN_BY_KEY, FieldProblem, Need, RosterRow


@dataclass(frozen=True, slots=True)
class Rules:
    """What the row checks need to know beyond the row: the report month and the base levels."""

    month: tuple[int, int] | None = None  # (year, month)
    base_levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS

    @property
    def first_day(self) -> dt.date | None:
        return dt.date(self.month[0], self.month[1], 1) if self.month else None

    @property
    def last_day(self) -> dt.date | None:
        if not self.month:
            return None
        y, m = self.month
        return dt.date(y, m, calendar.monthrange(y, m)[1])


_NEEDS = {
    Need.REGISTERED: "required-when-registered",
    Need.ACCOUNT: "required-when-account",
    Need.PROXY: "required-when-proxy",
}


_KEYS_BY_NEED = {
    need: tuple(k for k, c in COLUMN_BY_KEY.items() if c.need is need) for need in _NEEDS
}


def _required(row: RosterRow, failed: AbstractSet[str]) -> list[FieldProblem]:
    status = row.trang_thai
    active: list[Need] = []
    if status in (Status.REGISTERED, Status.HAS_ACCOUNT):
        active.append(Need.REGISTERED)
    if status == Status.HAS_ACCOUNT:
        active.append(Need.ACCOUNT)
    if row.nguoi_nhan in (Receiver.GUARDIAN, Receiver.AUTHORISED):
        active.append(Need.PROXY)
    out = []
    for need in active:
        for key in _KEYS_BY_NEED[need]:
            if getattr(row, key) is None and key not in failed:
                params: dict[str, object] = {"status": status, "receiver": row.nguoi_nhan}
                out.append(FieldProblem(key, _NEEDS[need], None, params))
    return out


def check_row(
    row: RosterRow, rules: Rules, failed: AbstractSet[str] = frozenset()
) -> list[FieldProblem]:
    """Problems across the fields of ``row``. ``failed``: fields whose value was refused already
    (so that an unreadable value is not also reported as missing)."""
    out = _required(row, failed)

    birth_year = row.ngay_sinh.year if row.ngay_sinh else None
    if row.so_dinh_danh and len(row.so_dinh_danh) == 12:
        for code, params in check_id_against_person(row.so_dinh_danh, row.gioi_tinh, birth_year):
            out.append(FieldProblem("so_dinh_danh", code, row.so_dinh_danh, dict(params)))
    if row.so_dinh_danh_nguoi_nhan and len(row.so_dinh_danh_nguoi_nhan) == 12:
        receiver_year = row.ngay_sinh_nguoi_nhan.year if row.ngay_sinh_nguoi_nhan else None
        for code, params in check_id_against_person(
            row.so_dinh_danh_nguoi_nhan, None, receiver_year
        ):
            value = row.so_dinh_danh_nguoi_nhan
            out.append(FieldProblem("so_dinh_danh_nguoi_nhan", code, value, dict(params)))

    first_day = rules.first_day
    age = age_at(row.ngay_sinh, first_day) if (row.ngay_sinh and first_day) else None
    if row.dien and age is not None and row.dien in CATEGORY_AGE:
        lo, hi, en, vi = CATEGORY_AGE[row.dien]
        if (lo is not None and age < lo) or (hi is not None and age >= hi):
            month = f"{rules.month[1]:02d}/{rules.month[0]}" if rules.month else ""
            params = {"category": row.dien, "condition": Text(en, vi), "age": age, "month": month}
            out.append(FieldProblem("dien", "category-age-mismatch", row.dien, params))

    expected = coefficient_for(row.dien, age) if row.dien else None
    if (
        row.dien
        and row.dien != "4"
        and row.he_so is not None
        and expected is not None
        and abs(row.he_so - expected) > 1e-9
    ):
        params = {"expected": _num(expected), "category": row.dien}
        out.append(FieldProblem("he_so", "coefficient-mismatch", _num(row.he_so), params))

    base = base_level(first_day, rules.base_levels) if first_day else None
    coefficient = row.he_so if row.he_so is not None else expected
    if base and coefficient and row.muc_tro_cap is not None:
        due = round(base * coefficient)
        if row.muc_tro_cap != due:
            params = {
                "expected": _money(due),
                "base": _money(base),
                "coefficient": _num(coefficient),
            }
            out.append(FieldProblem("muc_tro_cap", "amount-mismatch", row.muc_tro_cap, params))

    last_day = rules.last_day
    registered = row.ngay_dang_ky.date if row.ngay_dang_ky else None
    if last_day and registered and registered > last_day:
        month = f"{rules.month[1]:02d}/{rules.month[0]}" if rules.month else ""
        params = {"date": str(row.ngay_dang_ky), "month": month}
        out.append(
            FieldProblem("ngay_dang_ky", "registration-after-month", str(row.ngay_dang_ky), params)
        )
    return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")
