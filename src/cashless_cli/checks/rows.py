"""Rules across the fields of one row: what registration requires, the ID against the person,
the category against the age, and the amount against the base level. Pure: rows in, problems out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import operator
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress, count, repeat
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
#: Every key a status or receiver may require, need after need (as _required_checks lists them).
_NEED_ORDER = tuple(key for keys in _KEYS_BY_NEED.values() for key in keys)

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


def _spread(
    found: Found,
    keys: Callable[[], Iterable[Any]],
    key_at: Callable[[int], Any],
    problems_of: dict[Any, list[FieldProblem]],
) -> None:
    """Give each row the problems of its key (``keys()``: one key per row, ``key_at``: the key
    of one row; only keys that have problems are in the map)."""
    if problems_of:
        for index in compress(count(), map(problems_of.__contains__, keys())):
            _add(found, index, problems_of[key_at(index)])


def _year(birth: LooseDate | None) -> int | None:
    return birth.year if birth is not None else None


def _id_problems(
    found: Found, field: str, ids: Sequence[Any], sexes: Sequence[Any], births: Sequence[Any]
) -> None:
    """The 12-digit IDs of ``field`` against the sex and birth year of their rows. Most IDs agree
    with their row; those are let through by a test on the few distinct (first six digits, sex,
    birth year) of the column, the rest are decoded in full.

    Each ID is a string of its own somewhere in memory, and reading 100,000 of them is what
    costs: they are read once, joined into one text, whose digits are then taken column by
    column (the digit at position 3 of every ID is one slice of it)."""
    provinces = province_codes()
    folded = {s: (_SEXES.get(fold(s)) if s is not None else None) for s in dict.fromkeys(sexes)}
    width = _ID.width
    assert width is not None
    rows: Sequence[int] = range(len(ids))
    chosen: Sequence[Any] = ids
    try:
        text = "\n".join(chosen)
    except TypeError:  # blanks (None) among them
        present = [ident is not None for ident in ids]
        rows = list(compress(rows, present))
        chosen = list(compress(ids, present))
        text = "\n".join(chosen)
    step = width + 1
    if not _fixed_width(text, len(chosen), width):
        twelve = list(map(operator.eq, map(len, chosen), repeat(width)))
        rows = list(compress(rows, twelve))
        chosen = list(compress(chosen, twelve))
        text = "\n".join(chosen)
    if not chosen:
        return
    if len(rows) != len(ids):
        sexes = list(map(sexes.__getitem__, rows))
        births = list(map(births.__getitem__, rows))
    years = _by_object(births, _year)

    def keys() -> Iterable[tuple[Any, ...]]:
        return zip(
            *(text[d::step] for d in range(6)),
            map(folded.__getitem__, sexes),
            map(years.__getitem__, map(id, births)),
            strict=True,
        )

    # an ID holding another character than a digit disagrees here; decoded, it says nothing
    bad = {key for key in dict.fromkeys(keys()) if not _agrees(key, provinces)}
    suspects = compress(count(), map(bad.__contains__, keys())) if bad else ()
    for j in suspects:
        ident, sex, birth = chosen[j], sexes[j], births[j]
        problems = [
            FieldProblem(field, code, ident, dict(params))
            for code, params in check_id_against_person(ident, sex, _year(birth))
        ]
        if problems:
            _add(found, rows[j], problems)


def _fixed_width(text: str, count: int, width: int) -> bool:
    """Whether ``text``, ``count`` strings joined by newlines, is strings of ``width``
    characters without a newline in them."""
    step = width + 1
    return (
        len(text) == step * count - 1
        and text.count("\n") == count - 1
        and text[width::step] == "\n" * (count - 1)
    )


def _agrees(key: tuple[Any, ...], provinces: Container[str]) -> bool:
    """Whether IDs starting with the six digits of ``key`` agree with the row's sex and birth
    year that follow them (None: not compared), and their province code is known."""
    first_six, row_sex, year = "".join(key[:6]), key[6], key[7]
    digit4 = _ID_DIGIT4.get(first_six[3])
    yy = _ID_YY.get(first_six[4:6])
    return (
        digit4 is not None
        and yy is not None
        and first_six[:3] in provinces
        and (row_sex is None or row_sex == digit4[0])
        and (year is None or year == digit4[1] + yy)
    )


def _by_object(values: Sequence[Any], fn: Callable[[Any], Any]) -> dict[int, Any]:
    """``fn`` of each distinct object of ``values``, by the object's id: a column's values are
    told apart without hashing them (a date's hash is Python code, called once per row), and
    the objects stay alive in ``values`` while the ids are used."""
    distinct = dict(zip(map(id, values), values, strict=True))
    return {key: fn(value) for key, value in distinct.items()}


def _pairs(values: Columns, size: int) -> Iterable[tuple[Any, Any]]:
    nones: list[Any] = [None] * size
    return zip(values.get("trang_thai", nones), values.get("nguoi_nhan", nones), strict=True)


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
    statuses, receivers = column("trang_thai"), column("nguoi_nhan")
    plans = {
        pair: [(key, code) for key, code in _required_checks(*pair) if key in values]
        for pair in dict.fromkeys(_pairs(values, size))
    }
    # each key is required by one need, so every plan lists its keys in the order of _NEED_ORDER:
    # a row's problems come out in its plan's order when the keys are taken in that order
    wanted = {key for plan in plans.values() for key, _code in plan}
    for key in (k for k in _NEED_ORDER if k in wanted):
        codes = {pair: code for pair, plan in plans.items() for k, code in plan if k == key}
        rows = compress(
            count(),
            map(
                operator.and_,
                map(operator.is_, column(key), repeat(None)),
                map(codes.__contains__, _pairs(values, size)),
            ),
        )
        for index in rows:
            if key not in failed.get(index, ()):
                pair = (statuses[index], receivers[index])
                params = {"status": pair[0], "receiver": pair[1]}
                _add(found, index, [FieldProblem(key, codes[pair], None, params)])

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
    ages_of = _by_object(
        births, lambda b: age_at(b, first_day) if (b is not None and first_day) else None
    )

    dien, he_so, muc = column("dien"), column("he_so"), column("muc_tro_cap")

    Combo = tuple[Any, Any, Any, Any]

    def combos() -> Iterable[Combo]:
        ages = map(ages_of.__getitem__, map(id, births))
        return zip(dien, ages, he_so, muc, strict=True)

    def combo_at(i: int) -> Combo:
        return (dien[i], ages_of[id(births[i])], he_so[i], muc[i])

    amounts = {c: _amount_problems(*c, rules) for c in dict.fromkeys(combos())}
    _spread(found, combos, combo_at, {c: p for c, p in amounts.items() if p})

    # registered after the report month
    registered = column("ngay_dang_ky")
    late = _by_object(registered, lambda d: _registration_problems(d, rules))
    _spread(
        found,
        lambda: map(id, registered),
        lambda i: id(registered[i]),
        {d: p for d, p in late.items() if p},
    )
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
