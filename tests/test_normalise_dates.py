import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.dates import (
    MIN_SERIAL,
    LooseDate,
    age_at,
    excel_serial,
    from_excel_serial,
    normalise_date,
)
from cashless_cli.problems import Problem

TODAY = dt.date(2024, 6, 15)


def _norm(raw: object, year_only: bool = False) -> LooseDate | None:
    return normalise_date(raw, today=TODAY, year_only=year_only).value  # type: ignore[arg-type]


def _invalid(raw: object, year_only: bool = False) -> Invalid:
    with pytest.raises(Invalid) as info:
        normalise_date(raw, today=TODAY, year_only=year_only)  # type: ignore[arg-type]
    return info.value


def test_loose_date_basics() -> None:
    full = LooseDate(1950, 6, 5)
    assert str(full) == "05/06/1950"
    assert full.iso() == "1950-06-05"
    assert full.date == dt.date(1950, 6, 5)
    year = LooseDate(1950)
    assert str(year) == "1950"
    assert year.iso() == "1950"
    assert year.date is None
    assert year.first_day == dt.date(1950, 1, 1)
    month = LooseDate(1950, 6)
    assert str(month) == "06/1950"
    assert month.iso() == "1950-06"
    assert month.first_day == dt.date(1950, 6, 1)
    assert LooseDate(1950, 6, 5) < LooseDate(1950, 6, 6) < LooseDate(1951, 1, 1)
    with pytest.raises(ValueError):
        LooseDate(1950, 2, 30)
    with pytest.raises(ValueError):
        LooseDate(1950, None, 3)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.date(1950, 6, 5), LooseDate(1950, 6, 5)),
        (dt.datetime(1950, 6, 5, 0, 0), LooseDate(1950, 6, 5)),
        ("05/06/1950", LooseDate(1950, 6, 5)),
        ("5/6/1950", LooseDate(1950, 6, 5)),
        ("05-06-1950", LooseDate(1950, 6, 5)),
        ("05.06.1950", LooseDate(1950, 6, 5)),
        (" 05 / 06 / 1950 ", LooseDate(1950, 6, 5)),
        ("'05/06/1950", LooseDate(1950, 6, 5)),
        ("5-6-50", LooseDate(1950, 6, 5)),
        ("5-6-24", LooseDate(2024, 6, 5)),
        ("5-6-25", LooseDate(1925, 6, 5)),
        ("1950-06-05", LooseDate(1950, 6, 5)),
        ("ngày 5 tháng 6 năm 1950", LooseDate(1950, 6, 5)),
        ("Ngày 05 tháng 06 năm 1950", LooseDate(1950, 6, 5)),
        ("05/06/1950 00:00:00", LooseDate(1950, 6, 5)),
        ("1950-06-05 13:45", LooseDate(1950, 6, 5)),
        ("1950-06-05T13:45:00", LooseDate(1950, 6, 5)),
        (18419.0, LooseDate(1950, 6, 5)),
        (18419, LooseDate(1950, 6, 5)),
        (18419.75, LooseDate(1950, 6, 5)),  # a serial with a time of day
    ],
)
def test_dates(raw: object, expected: LooseDate) -> None:
    assert _norm(raw) == expected


def test_blank_date() -> None:
    assert _norm("") is None
    assert _norm(None) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1950.0, LooseDate(1950)),
        (1950, LooseDate(1950)),
        ("1950", LooseDate(1950)),
        ("06/1950", LooseDate(1950, 6)),
        ("6-1950", LooseDate(1950, 6)),
        ("năm 1950", LooseDate(1950)),
        ("tháng 6 năm 1950", LooseDate(1950, 6)),
        ("05/06/1950", LooseDate(1950, 6, 5)),
        (18419.0, LooseDate(1950, 6, 5)),  # not a plausible year: still a serial
    ],
)
def test_year_only(raw: object, expected: LooseDate) -> None:
    assert _norm(raw, year_only=True) == expected


def test_bare_year_needs_year_only() -> None:
    assert _invalid("1950").code == "date-invalid"
    assert _invalid("06/1950").code == "date-invalid"
    assert _invalid("năm 1950").code == "date-invalid"
    # as a number it is no year here, and too small for a day number: never 03/05/1905
    assert _invalid(1950.0).code == "date-out-of-range"


@pytest.mark.parametrize(
    "raw",
    [
        "06/13/2020",  # month first: never
        "31/02/2020",
        "00/01/2020",
        "hôm qua",
        "1/2",
        "12345",
        "05/06/1850",
        "1879",
        3_000_000.0,
        float("nan"),
        True,
        dt.time(8, 30),
        dt.timedelta(days=3),
    ],
)
def test_invalid_dates(raw: object) -> None:
    assert _invalid(raw, year_only=True).code == "date-invalid"


@pytest.mark.parametrize("raw", [60, 0, -5.0, 2030, 2030.0, 1850, 2099])
@pytest.mark.parametrize("year_only", [True, False])
def test_small_numbers_are_out_of_range(raw: object, year_only: bool) -> None:
    # neither a year up to this year nor a day number: never silently 22/07/1905 (for 2030)
    err = _invalid(raw, year_only=year_only)
    assert (err.code, err.params) == ("date-out-of-range", {"min_year": 1880, "max_year": 2024})


def test_day_numbers_from_2100_on_are_dates() -> None:
    # 9117 cannot be a year: the birth date 16/12/1924 of a 99-year-old, stored as a number
    assert _norm(9117, year_only=True) == LooseDate(1924, 12, 16)
    assert _norm(2100) == LooseDate(1905, 9, 30)


@pytest.mark.parametrize("raw", ["1895", 1895, "01/01/1900", dt.date(1903, 6, 14)])
def test_older_than_120_is_an_error(raw: object) -> None:
    err = _invalid(raw, year_only=True)
    assert err.code == "age-over-120"
    assert err.params["age"] > 120
    assert _norm("1904", year_only=True) == LooseDate(1904)  # 120 this year: still possible


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("16/06/2024", "16/06/2024"),
        (dt.date(2030, 1, 1), "01/01/2030"),
        (excel_serial(dt.date(2024, 6, 16)), "16/06/2024"),
    ],
)
def test_future(raw: object, shown: str) -> None:
    err = _invalid(raw)
    assert err.code == "date-in-future"
    assert err.params["date"] == shown
    message = Problem(err.code, "DS", "C3", 3, params=err.params).message("vi")
    assert message == f"Ngày {shown} sau ngày hôm nay."


def test_future_year_only() -> None:
    err = _invalid("2025", year_only=True)
    assert (err.code, err.params["date"]) == ("date-in-future", "2025")
    said = Problem(err.code, "DS", "C3", 3, params=err.params)
    assert said.message("vi") == "Năm 2025 sau ngày hôm nay."  # a year, not "Ngày 2025"
    assert said.message("en") == "The year 2025 is after today."
    month = _invalid("03/2025", year_only=True)
    assert Problem(month.code, "DS", "C3", 3, params=month.params).message("vi") == (
        "Tháng 03/2025 sau ngày hôm nay."
    )
    assert _norm("2024", year_only=True) == LooseDate(2024)  # this year is not the future
    assert _norm("15/06/2024") == LooseDate(2024, 6, 15)  # today neither


def test_excel_serial_leap_bug() -> None:
    assert from_excel_serial(1) == dt.date(1900, 1, 1)
    assert from_excel_serial(59) == dt.date(1900, 2, 28)
    assert from_excel_serial(61) == dt.date(1900, 3, 1)
    assert from_excel_serial(45458) == dt.date(2024, 6, 15)
    with pytest.raises(ValueError):
        from_excel_serial(60)
    assert _invalid(59).code == "date-out-of-range"  # as a cell, too small to be a date


dates = st.dates(min_value=dt.date(1900, 3, 1), max_value=TODAY)


@given(dates)
def test_dd_mm_yyyy_round_trip(day: dt.date) -> None:
    text = day.strftime("%d/%m/%Y")
    assert _norm(text) == LooseDate(day.year, day.month, day.day)
    assert str(_norm(text)) == text
    assert _norm(f"{day.day}-{day.month}-{day.year}") == _norm(text)
    assert _norm(day.isoformat()) == _norm(text)


@given(dates)
def test_excel_serial_round_trip(day: dt.date) -> None:
    serial = excel_serial(day)
    assert from_excel_serial(serial) == day
    assert _norm(dt.datetime(day.year, day.month, day.day, 12)) == LooseDate(
        day.year, day.month, day.day
    )
    if serial >= MIN_SERIAL:
        assert _norm(float(serial)) == LooseDate(day.year, day.month, day.day)
    else:  # a number that small is a typing error, not a date of 1900-1927
        assert _invalid(float(serial)).code == "date-out-of-range"


@given(st.integers(TODAY.year - 120, TODAY.year))
def test_year_only_round_trip(year: int) -> None:
    assert _norm(float(year), year_only=True) == LooseDate(year)
    assert _norm(str(year), year_only=True) == LooseDate(year)


@given(st.dates(min_value=dt.date(1880, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_never_month_first(day: dt.date) -> None:
    # a month-first rendering only parses when it is also a valid day-first date
    text = day.strftime("%m/%d/%Y")
    if day.day > 12:
        assert _invalid(text).code in ("date-invalid",)


def test_age_at() -> None:
    on = dt.date(2024, 6, 15)
    assert age_at(LooseDate(1950), on) == 74
    assert age_at(LooseDate(1950, 6), on) == 74
    assert age_at(LooseDate(1950, 7), on) == 73
    assert age_at(LooseDate(1950, 6, 15), on) == 74
    assert age_at(LooseDate(1950, 6, 16), on) == 73
    assert age_at(LooseDate(2024, 6, 15), on) == 0
