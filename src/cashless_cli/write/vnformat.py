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
