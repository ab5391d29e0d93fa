"""Rules across the fields of one row: what registration requires, the ID against the person,
the category against the age, and the amount against the base level. Pure: rows in, problems out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from cashless_cli.checks.identity import check_id_against_person
from cashless_cli.normalise.dates import LooseDate, age_at
from cashless_cli.normalise.text import fold
from cashless_cli.normalise.vocab import Receiver, Status, category_codes
from cashless_cli.problems import Text
from cashless_cli.schema.cells import KINDS
from cashless_cli.schema.domain import (
    CATEGORY_AGE,
    DEFAULT_BASE_LEVELS,
    base_level,
    categories,
    coefficient_for,
    province_codes,
)
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import COLUMN_BY_KEY, FieldProblem, Need, RosterRow


@dataclass(frozen=True, slots=True)
class Rules:
    """What the row checks need to know beyond the row: the report month and the base levels."""

    month: Month | None = None
    base_levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS

    @property
    def first_day(self) -> dt.date | None:
        return dt.date(self.month.year, self.month.month, 1) if self.month else None

    @property
    def last_day(self) -> dt.date | None:
        if not self.month:
            return None
        y, m = self.month.year, self.month.month
        return dt.date(y, m, calendar.monthrange(y, m)[1])


_NEEDS = {
    Need.REGISTERED: "required-when-registered",
    Need.REGISTERED_ADVISED: "recommended-when-registered",
    Need.ACCOUNT: "required-when-account",
    Need.PROXY: "required-when-proxy",
}


_KEYS_BY_NEED = {
    need: tuple(k for k, c in COLUMN_BY_KEY.items() if c.need is need) for need in _NEEDS
}

#: The checks across fields that read a column (besides its own value): what a list without
#: that column cannot check.
RULES_READING: dict[str, tuple[str, ...]] = {
    "ngay_sinh": ("id-birth-year-mismatch", "category-age-mismatch"),
    "gioi_tinh": ("id-sex-mismatch",),
    "so_dinh_danh": ("id-sex-mismatch", "id-birth-year-mismatch", "id-duplicate"),
    "dien": ("category-age-mismatch", "coefficient-mismatch"),
    "muc_tro_cap": ("amount-mismatch",),
    "ngay_dang_ky": ("registration-after-month",),
}

#: Digit 4 of a 12-digit ID → (sex, first year of the century); digits 5-6 → year in century.
_ID_DIGIT4 = {str(d): ("Nam" if d % 2 == 0 else "Nữ", 1900 + (d // 2) * 100) for d in range(10)}
_ID_YY = {f"{y:02d}": y for y in range(100)}
_SEXES = {"nam": "Nam", "nu": "Nữ"}
_ID = KINDS["id"]

Columns = Mapping[str, Sequence[Any]]
Found = dict[int, list[FieldProblem]]


def _required_checks(status: Any, receiver: Any) -> list[tuple[str, str]]:
    """(field, code) of the fields a row with this status and receiver must fill."""
    active: list[Need] = []
    if status in (Status.REGISTERED, Status.HAS_ACCOUNT):
        active += (Need.REGISTERED, Need.REGISTERED_ADVISED)
    if status == Status.HAS_ACCOUNT:
        active.append(Need.ACCOUNT)
    if receiver in (Receiver.GUARDIAN, Receiver.AUTHORISED):
        active.append(Need.PROXY)
    return [(key, _NEEDS[need]) for need in active for key in _KEYS_BY_NEED[need]]


def _amount_problems(
    dien: str | None, age: int | None, he_so: float | None, muc: int | None, rules: Rules
) -> list[FieldProblem]:
    """Category against age, coefficient against category, amount against base × coefficient."""
    out: list[FieldProblem] = []
    first_day = rules.first_day
    base = base_level(first_day, rules.base_levels) if first_day else None
    if dien and len(codes := category_codes(dien)) > 1:
        chosen = resolve_category(codes, age, he_so, muc, base)
        if chosen is None:
            found = {"candidates": ", ".join(codes)}
            return [FieldProblem("dien", "category-ambiguous", dien, found)]
        dien = chosen
    if dien and age is not None and dien in CATEGORY_AGE:
        lo, hi, en, vi = CATEGORY_AGE[dien]
        if (lo is not None and age < lo) or (hi is not None and age >= hi):
            month = f"{rules.month.month:02d}/{rules.month.year}" if rules.month else ""
            params = {"category": dien, "condition": Text(en, vi), "age": age, "month": month}
            out.append(FieldProblem("dien", "category-age-mismatch", dien, params))

    expected = coefficient_for(dien, age) if dien else None
    if (
        dien
        and dien != "4"
        and he_so is not None
        and expected is not None
        and abs(he_so - expected) > 1e-9
    ):
        params = {"expected": _num(expected), "category": dien}
        out.append(FieldProblem("he_so", "coefficient-mismatch", _num(he_so), params))

    coefficient = he_so if he_so is not None else expected
    if base and coefficient and muc is not None:
        due = round(base * coefficient)
        if muc != due:
            params = {
                "expected": _money(due),
                "base": _money(base),
                "coefficient": _coefficient(coefficient),
            }
            out.append(FieldProblem("muc_tro_cap", "amount-mismatch", muc, params))
    return out


def resolve_category(
    codes: Sequence[str], age: int | None, he_so: float | None, muc: int | None, base: int | None
) -> str | None:
    """The one of ``codes`` (the categories a wording can mean) that the row's age and
    coefficient — or, without one, its amount over the base level — fit; None if not one."""
    fitting = [c for c in codes if age is None or _age_fits(c, age)]
    coefficient = he_so
    if coefficient is None and muc is not None and base:
        coefficient = muc / base
    if coefficient is not None and len(fitting) > 1:
        fitting = [c for c in fitting if _pays(c, age, coefficient)]
    return fitting[0] if len(fitting) == 1 else None


def _pays(code: str, age: int | None, coefficient: float) -> bool:
    """Whether ``code`` pays ``coefficient`` at ``age`` (age unknown: at some age)."""
    if age is not None:
        due = coefficient_for(code, age)
        return due is not None and abs(due - coefficient) < 1e-9
    return any(abs(b.coefficient - coefficient) < 1e-9 for b in categories().get(code, ()))


def _age_fits(code: str, age: int) -> bool:
    lo, hi, _en, _vi = CATEGORY_AGE.get(code, (None, None, "", ""))
    return (lo is None or age >= lo) and (hi is None or age < hi)


def _registration_problems(registered: LooseDate | None, rules: Rules) -> list[FieldProblem]:
    last_day = rules.last_day
    day = registered.date if registered else None
    if not (last_day and day and day > last_day):
        return []
    month = f"{rules.month.month:02d}/{rules.month.year}" if rules.month else ""
    params = {"date": str(registered), "month": month}
    return [FieldProblem("ngay_dang_ky", "registration-after-month", str(registered), params)]


def _add(found: Found, index: int, problems: Iterable[FieldProblem]) -> None:
    mine = found.get(index)
    if mine is None:
        found[index] = list(problems)
    else:
        mine.extend(problems)


def _spread(found: Found, keys: Sequence[Any], problems_of: dict[Any, list[FieldProblem]]) -> None:
    """Give each row the problems of its key (only keys that have problems are in the map)."""
    if problems_of:
        for index, key in enumerate(keys):
            if key in problems_of:
                _add(found, index, problems_of[key])


def _year(birth: LooseDate | None) -> int | None:
    return birth.year if birth is not None else None


def _id_problems(
    found: Found, field: str, ids: Sequence[Any], sexes: Sequence[Any], births: Sequence[Any]
) -> None:
    """The 12-digit IDs of ``field`` against the sex and birth year of their rows. Most IDs agree
    with their row; those are let through by a quick test, the rest are decoded in full."""
    provinces = province_codes()
    folded = {s: (_SEXES.get(fold(s)) if s is not None else None) for s in dict.fromkeys(sexes)}
    for index, (ident, sex, birth) in enumerate(zip(ids, sexes, births, strict=True)):
        if ident is None or len(ident) != _ID.width:
            continue
        year = birth.year if birth is not None else None
        row_sex = folded[sex]
        digit4 = _ID_DIGIT4.get(ident[3])
        yy = _ID_YY.get(ident[4:6])
        if (
            digit4 is not None
            and yy is not None
            and ident[:3] in provinces
            and (row_sex is None or row_sex == digit4[0])
            and (year is None or year == digit4[1] + yy)
            and _ID.is_clean(ident)
        ):
            continue
        problems = [
            FieldProblem(field, code, ident, dict(params))
            for code, params in check_id_against_person(ident, sex, year)
        ]
        if problems:
            _add(found, index, problems)


def _pairs(values: Columns, size: int) -> list[tuple[Any, Any]]:
    nones: list[Any] = [None] * size
    return list(zip(values.get("trang_thai", nones), values.get("nguoi_nhan", nones), strict=True))


def unchecked_requirements(values: Columns, size: int) -> dict[str, list[str]]:
    """The fields a row's status or receiver requires whose column the file does not have
    (field → the codes of the rules that could not be checked), for the rows given column by
    column as in :func:`check_columns`. Such a field is reported once for the file, not on
    every row."""
    wanted = {key for keys in _KEYS_BY_NEED.values() for key in keys} - set(values)
    if not wanted:
        return {}
    out: dict[str, list[str]] = {}
    for pair in dict.fromkeys(_pairs(values, size)):
        for key, code in _required_checks(*pair):
            if key in wanted and code not in out.setdefault(key, []):
                out[key].append(code)
    return {key: codes for key, codes in out.items() if codes}


def check_columns(
    values: Columns, size: int, rules: Rules, failed: Mapping[int, AbstractSet[str]] | None = None
) -> Found:
    """Problems across the fields of each row, for rows given column by column (``values``: field
    → one value per row; a field left out is None in every row, and what its column would be
    required for is not checked: see :func:`unchecked_requirements`). ``failed``: per row index,
    the fields whose value was refused already (so that an unreadable value is not also reported
    as missing). Returns the problems of the rows that have any, by row index, each row's in the
    same order as :func:`check_row` gives them.
    """
    failed = failed or {}
    nones: list[Any] = [None] * size

    def column(key: str) -> Sequence[Any]:
        return values.get(key, nones)

    found: Found = {}

    # what registration and a proxy receiver require (of the columns the file has)
    pairs = _pairs(values, size)
    plans = {
        pair: [(key, code) for key, code in _required_checks(*pair) if key in values]
        for pair in dict.fromkeys(pairs)
    }
    if any(plans.values()):
        rows_of: dict[tuple[Any, Any], list[int]] = {pair: [] for pair, p in plans.items() if p}
        for index, pair in enumerate(pairs):
            rows = rows_of.get(pair)
            if rows is not None:
                rows.append(index)
        for pair, rows in rows_of.items():
            params = {"status": pair[0], "receiver": pair[1]}
            for key, code in plans[pair]:
                cells = column(key)
                for index in rows:
                    if cells[index] is None and key not in failed.get(index, ()):
                        _add(found, index, [FieldProblem(key, code, None, dict(params))])

    # the IDs against the people
    births = column("ngay_sinh")
    _id_problems(found, "so_dinh_danh", column("so_dinh_danh"), column("gioi_tinh"), births)
    if "so_dinh_danh_nguoi_nhan" in values:
        _id_problems(
            found,
            "so_dinh_danh_nguoi_nhan",
            column("so_dinh_danh_nguoi_nhan"),
            nones,
            column("ngay_sinh_nguoi_nhan"),
        )

    # category, coefficient and amount: few distinct combinations in a roster
    first_day = rules.first_day
    ages_of = {
        b: (age_at(b, first_day) if (b is not None and first_day) else None)
        for b in dict.fromkeys(births)
    }
    combos = list(
        zip(
            column("dien"),
            map(ages_of.__getitem__, births),
            column("he_so"),
            column("muc_tro_cap"),
            strict=True,
        )
    )
    amounts = {c: _amount_problems(*c, rules) for c in dict.fromkeys(combos)}
    _spread(found, combos, {c: p for c, p in amounts.items() if p})

    # registered after the report month
    registered = column("ngay_dang_ky")
    late = {d: _registration_problems(d, rules) for d in dict.fromkeys(registered)}
    _spread(found, registered, {d: p for d, p in late.items() if p})
    return found


def check_row(
    row: RosterRow, rules: Rules, failed: AbstractSet[str] = frozenset()
) -> list[FieldProblem]:
    """Problems across the fields of ``row``: :func:`check_columns` for one row (the fields the
    row was given count as the file's columns)."""
    given = row.model_fields_set
    values = {key: [getattr(row, key)] for key in COLUMN_BY_KEY if key in given}
    return check_columns(values, 1, rules, {0: failed}).get(0, [])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _coefficient(value: float) -> Text:
    """A coefficient beside amounts: ``1.5`` in English, ``1,5`` in Vietnamese (whose amounts
    group their thousands with ".": "500.000 × 1,5")."""
    return Text(_num(value), _num(value).replace(".", ","))


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")
