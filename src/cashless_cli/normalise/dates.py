"""Dates, always day first, possibly partial (a year, or a month and a year).

Many elderly beneficiaries only know their year of birth: ``year_only=True`` accepts a bare year
(and "mm/yyyy") for such columns. Month-first dates ("06/13/2020") are never guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from cashless_cli.normalise.base import CellValue, Invalid, Normalised, is_blank
from cashless_cli.normalise.text import clean_text, strip_apostrophe, strip_diacritics
from cashless_cli.problems import Phrase

__all__ = [
    "MAX_AGE",
    "MIN_SERIAL",
    "MIN_YEAR",
    "LooseDate",
    "age_at",
    "excel_serial",
    "from_excel_serial",
    "normalise_date",
]

#: Earliest year we accept for any date (nobody alive was born before).
MIN_YEAR = 1880
#: Largest serial Excel knows: 31/12/9999.
MAX_SERIAL = 2_958_465
#: Smallest number read as an Excel day number (2100 is 30/09/1905): below it a number in a date
#: column is a year (of birth, from 1880 to this year) or a typing error (2030, 1850, 0), never
#: silently a date of 1900-1905. From it on, a number is a day number (9117 is 16/12/1924).
MIN_SERIAL = 2100
#: Nobody on a roster is older.
MAX_AGE = 120

_EPOCH = dt.date(1899, 12, 30)  # serial 0 for serials after the fake 29/02/1900


@dataclass(frozen=True, slots=True, order=True)
class LooseDate:
    """A date whose day, or day and month, may be unknown.

    Ordering compares (year, month, day); comparing a partial date with a fuller one of the same
    year (None against a number) raises TypeError, so sort on :attr:`first_day` when mixing them.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        month = 1 if self.month is None else self.month
        dt.date(self.year, month, 1 if self.day is None else self.day)  # ValueError if impossible

    @property
    def date(self) -> dt.date | None:
        """The full date, or None when the day or month is unknown."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date can mean (1 January for a bare year)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """ "1948", "1948-06", "1948-06-05"."""
        if self.month is not None and self.day is not None:  # the common case, once per row
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return "-".join(self._fields())

    def __str__(self) -> str:
        """ "1948", "06/1948", "05/06/1948"."""
        return "/".join(reversed(self._fields()))

    def _fields(self) -> list[str]:
        """Year, month and day as far as they are known, zero-padded."""
        fields = [f"{self.year:04d}"]
        if self.month is not None:
            fields.append(f"{self.month:02d}")
            if self.day is not None:
                fields.append(f"{self.day:02d}")
        return fields


def from_excel_serial(serial: int) -> dt.date:
    """The date of an Excel serial (1900 date system). Serial 60 is Excel's 29/02/1900, which
    never existed: ValueError."""
    if serial == 60 or not 1 <= serial <= MAX_SERIAL:
        raise ValueError(f"no date has Excel serial {serial}")
    if serial < 60:
        return _EPOCH + dt.timedelta(days=serial + 1)
    return _EPOCH + dt.timedelta(days=serial)


def excel_serial(day: dt.date) -> int:
    """The Excel serial of a date from 01/03/1900 on (inverse of :func:`from_excel_serial`)."""
    serial = (day - _EPOCH).days
    return serial if serial > 60 else serial - 1


_SEP = r"\s*[/.\-]\s*"
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}})")
_YMD = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_MY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})")
_YEAR = re.compile(r"\d{4}")
_WORDS = re.compile(
    r"(?:ngay\s*(\d{1,2})\s*)?(?:thang\s*(\d{1,2})\s*)?nam\s*(\d{4})|"
    r"(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})"
)
_TIME = re.compile(
    r"(.*?\d)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:AM|PM|SA|CH))?", re.IGNORECASE
)


def _loose(year: int, month: int | None, day: int | None) -> LooseDate:
    if year < MIN_YEAR:
        raise Invalid("date-invalid")
    try:
        return LooseDate(year, month, day)
    except ValueError:
        raise Invalid("date-invalid") from None


def _two_digit_year(yy: int, today: dt.date) -> int:
    return 2000 + yy if yy <= today.year % 100 else 1900 + yy


def _parse_text(text: str, today: dt.date, year_only: bool) -> LooseDate:
    m = _TIME.fullmatch(text)
    if m:
        text = m.group(1).strip()
    if m := _DMY.fullmatch(text):
        day, month, year_text = int(m.group(1)), int(m.group(2)), m.group(3)
        year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text), today)
        return _loose(year, month, day)
    if m := _YMD.fullmatch(text):
        return _loose(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if year_only and (m := _MY.fullmatch(text)):
        return _loose(int(m.group(2)), int(m.group(1)), None)
    if year_only and _YEAR.fullmatch(text):
        return _loose(int(text), None, None)
    words = re.sub(r"[,:]", " ", strip_diacritics(text).lower())
    if m := _WORDS.fullmatch(words.strip()):
        if m.group(3) is not None:
            day_t, month_t, year_t = m.group(1), m.group(2), m.group(3)
        else:
            day_t, month_t, year_t = m.group(4), m.group(5), m.group(6)
        day_v = int(day_t) if day_t else None
        month_v = int(month_t) if month_t else None
        if day_v is not None and month_v is None:
            raise Invalid("date-invalid")
        if (day_v is None) and not year_only:
            raise Invalid("date-invalid")
        return _loose(int(year_t), month_v, day_v)
    raise Invalid("date-invalid")


def normalise_date(
    raw: CellValue, *, today: dt.date, year_only: bool = False
) -> Normalised[LooseDate | None]:
    """A date from a real date cell, an Excel serial number, or text (day first).

    ``year_only`` also accepts a bare year (a number or 4-digit text between 1880 and this year)
    and "mm/yyyy". A date after ``today`` → ``date-in-future``; anything else that is no date →
    ``date-invalid``.
    """
    if is_blank(raw):
        return Normalised(None)
    if isinstance(raw, bool | dt.time | dt.timedelta):
        raise Invalid("date-invalid")
    result: LooseDate
    if isinstance(raw, dt.date):  # datetime included
        result = _loose(raw.year, raw.month, raw.day)
    elif isinstance(raw, int | float):
        result = _from_number(raw, today, year_only)
    else:
        text = clean_text(strip_apostrophe(str(raw)))
        if text is None:
            return Normalised(None)
        result = _parse_text(text, today, year_only)
    if result.first_day > today:
        precision = "day" if result.day else "month" if result.month else "year"
        shown = str(result)
        raise Invalid(
            "date-in-future", date=shown, when=Phrase(f"when.{precision}", {"date": shown})
        )
    if year_only and age_at(result, today) > MAX_AGE:
        raise Invalid("age-over-120", date=str(result), age=age_at(result, today))
    return Normalised(result)


def _from_number(raw: int | float, today: dt.date, year_only: bool) -> LooseDate:
    """A number cell: a year (birth dates only), else an Excel day number from
    :data:`MIN_SERIAL` on; anything smaller is ``date-out-of-range``."""
    if isinstance(raw, float) and not math.isfinite(raw):
        raise Invalid("date-invalid")
    whole = math.floor(raw)
    if year_only and whole == raw and MIN_YEAR <= whole <= today.year:
        return LooseDate(int(whole))
    if whole < MIN_SERIAL:
        raise Invalid("date-out-of-range", min_year=MIN_YEAR, max_year=today.year)
    try:
        day = from_excel_serial(int(whole))
    except ValueError:
        raise Invalid("date-invalid") from None
    return _loose(day.year, day.month, day.day)


def age_at(birth: LooseDate, on: dt.date) -> int:
    """Age in whole years on ``on``; with only a year known, ``on.year - year``; with the month
    known but not the day, the birthday counts as passed from the first of the month."""
    age = on.year - birth.year
    if birth.month is None:
        return age
    if (on.month, on.day) < (birth.month, birth.day or 1):
        age -= 1
    return age
