"""Dates, months and money the way a Vietnamese office writes them in a document.

Pure formatting, no I/O: "ngày 01 tháng 12 năm 2026", "tháng 6/2023", "01/12/2026 08:17",
"1.234.567 đồng" (Vietnamese thousands separator "."). The words come from the catalogue of
texts (``vn.*``), so a document never shows an ISO timestamp or "tháng 2023-06".
"""

from __future__ import annotations

import datetime as dt

from cashless_cli.problems import text as tr


def number(value: int) -> str:
    """``1234567`` → ``1.234.567``."""
    return f"{value:,}".replace(",", ".")


def _groups(n: int) -> str:
    """A number format of ``n`` groups of three digits, separated by literal dots (``0``,
    ``#\\.##0``, ``#\\.###\\.##0``, ...); wrong (a stray leading dot) below ``1000 ** (n - 1)``."""
    if n <= 1:
        return "0"
    return "#" + "\\.###" * (n - 2) + "\\.##0"


def money_number_format(value: int | float) -> str:
    """The number format that prints ``value`` with the Vietnamese thousands separator ("."),
    whatever the locale of the computer that opens the workbook: ``540000`` prints
    ``540.000``, ``12345678901`` prints ``12.345.678.901``; the cell stays a number (the paying
    unit sums it).

    Spreadsheets group with the locale's separator, so the dots are literal text between digit
    placeholders; a literal prints even where no digit precedes it, so each format says which
    pattern applies from which value on. Excel takes at most two conditions per format, which
    cover three magnitudes: below a billion one format fits every value from 0 up; above it,
    the format is chosen from the value written (and still fits a thousand times less)."""
    n = max(1, (len(str(int(abs(value)))) + 2) // 3)
    if n <= 3:
        return f"[>=1000000]{_groups(3)};[>=1000]{_groups(2)};{_groups(1)}"
    top, mid = 1000 ** (n - 1), 1000 ** (n - 2)
    return f"[>={top}]{_groups(n)};[>={mid}]{_groups(n - 1)};{_groups(n - 2)}"


#: Excel's locale tag for Vietnamese (LCID 0x042A) at the head of a number format: LibreOffice
#: then prints the number with Vietnamese separators ("13,37"), whatever the machine's locale;
#: Excel keeps the separators of Windows' regional settings (a Vietnamese Windows: "13,37" too).
#: The cell stays a number: sorting and formulas work. A comma cannot be a literal in a format
#: (unlike the dots of :func:`money_number_format`) without writing the value scaled or as text.
VI_LOCALE = "[$-42A]"


def decimal_number_format(fmt: str) -> str:
    """``fmt`` (e.g. "0.00") for a Vietnamese document: a decimal comma where it can be had."""
    return VI_LOCALE + fmt


def decimal(value: float | str) -> str:
    """A coefficient as a Vietnamese sentence writes it, beside amounts grouped with ".":
    ``1.5`` → ``1,5`` (``2`` stays ``2``)."""
    text = value if isinstance(value, str) else (f"{value:g}")
    return text.replace(".", ",")


def money(value: int) -> str:
    """``1234567`` → ``1.234.567 đồng``."""
    return tr("vn.money", "vi", amount=number(value))


def month(value: str) -> str:
    """``2023-06`` → ``6/2023`` (also takes a :class:`~cashless_cli.schema.month.Month`)."""
    text = str(value)
    return f"{int(text[5:7])}/{text[:4]}"


def month_long(value: str) -> str:
    """``2023-06`` → ``tháng 6/2023``."""
    return tr("vn.month", "vi", month=month(value))


def when(value: dt.datetime | str) -> str:
    """A time stamp: ``2026-12-01T08:17:03+07:00`` → ``01/12/2026 08:17``."""
    stamp = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return stamp.strftime("%d/%m/%Y %H:%M")


def date_long(value: dt.date | str) -> str:
    """``2026-12-01`` → ``ngày 01 tháng 12 năm 2026``."""
    day = dt.datetime.fromisoformat(value).date() if isinstance(value, str) else value
    return tr("vn.date", "vi", d=f"{day.day:02d}", m=f"{day.month:02d}", y=day.year)


def place_date(place: str, value: dt.date | str | None) -> str:
    """The place and date line under the national motto: ``Bình Sơn, ngày 01 tháng 12 năm
    2026``; a blank date to fill in by hand when ``value`` is None."""
    if value is None:
        return tr("rate-doc.ngay-thang-nam", "vi", place=place)
    return f"{place}, {date_long(value)}"
