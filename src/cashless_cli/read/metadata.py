"""Which commune and which month a roster is for, from what the file itself says.

Order of precedence (the command line always wins, and is applied by the caller):
the template's metadata sheet, then the title rows above the header, then the file name and
its folder (``rosters/2023-06/binh_hoa T6.xlsx``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cashless_cli.normalise.text import clean_text
from cashless_cli.read.a1 import a1
from cashless_cli.read.workbook import Sheet
from cashless_cli.schema.domain import COMMITTEE_WORDS, COMMUNE_KINDS
from cashless_cli.schema.month import Month


def plain(text: str) -> str:
    """Lowercase, no diacritics, đ → d, spaces kept: for patterns in titles and file names."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_MONTH_TITLE = re.compile(r"thang\s*0?(\d{1,2})\s*(?:nam|/|-|\.|,)\s*(\d{4})")
_UNIT_TITLE = re.compile(
    r"^\s*(?:ubnd|uy ban nhan dan|ub)\s+(?:xa|thi tran|phuong|dac khu)\s+(.+?)\s*$",
    re.IGNORECASE,
)
_UNIT_WORDS = re.compile(r"^\s*(?:" + "|".join(COMMITTEE_WORDS) + r")\s+", re.IGNORECASE)
_UNIT_KIND = re.compile(r"^(?:" + "|".join(COMMUNE_KINDS) + r")\s+", re.IGNORECASE)

_FILE_MONTHS = (
    re.compile(r"(?<!\d)(\d{4})[-_. ](\d{1,2})(?!\d)"),  # 2023-06, 2023_6
    re.compile(
        r"(?:thang|t)\s*[-_. ]?(\d{1,2})\s*(?:nam)?[-_. /]+(\d{4})"
    ),  # T6-2023, thang 6 2023
    re.compile(r"(?<!\d)(\d{1,2})[-_. ](\d{4})(?!\d)"),  # 06-2023
)


def month_from_text(text: str) -> Month | None:
    m = _MONTH_TITLE.search(plain(text))
    if m and 1 <= int(m.group(1)) <= 12:
        return Month(int(m.group(2)), int(m.group(1)))
    return None


def commune_from_text(text: str) -> str | None:
    """ "UBND XÃ BÌNH HÒA" → "Bình Hòa"."""
    if not _UNIT_TITLE.match(plain(text)):
        return None
    rest = _UNIT_KIND.sub("", _UNIT_WORDS.sub("", text.strip()))
    rest = rest.strip(" .:-")
    return rest.title() if rest else None


def month_from_path(path: Path) -> Month | None:
    for part in (path.stem, path.parent.name):
        s = plain(part)
        for pattern in _FILE_MONTHS:
            m = pattern.search(s)
            if not m:
                continue
            a, b = m.group(1), m.group(2)
            year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
            if 1 <= month <= 12 and 1900 <= year <= 2200:
                return Month(year, month)
    return None


@dataclass(frozen=True, slots=True)
class TitleInfo:
    commune: str | None
    month: Month | None
    month_cell: str | None = None  # the A1 address of the title cell the month was read from
    month_title: str | None = None  # that cell's text


def from_titles(sheet: Sheet, header_row: int) -> TitleInfo:
    """Read the commune and month from the rows above the header."""
    commune: str | None = None
    month: Month | None = None
    cell: str | None = None
    title: str | None = None
    for r, row in enumerate(sheet.rows[:header_row]):
        for c, value in enumerate(row):
            text = clean_text(value) if isinstance(value, str) else None
            if not text:
                continue
            commune = commune or commune_from_text(text)
            if month is None:
                month = month_from_text(text)
                cell, title = (a1(r, c), text) if month is not None else (None, None)
    return TitleInfo(commune, month, cell, title)


# The date line of the signature block: "Bình Hòa, ngày 20 tháng 8 năm 2025" (also "ngày
# 20/8/2025"), the day the commune made and signed its list.
_DATE_LINE = re.compile(r"ngay\s*0?(\d{1,2})\s*thang\s*0?(\d{1,2})\s*nam\s*(\d{4})")
_DATE_LINE_SHORT = re.compile(r"ngay\s*0?(\d{1,2})\s*[/.-]\s*0?(\d{1,2})\s*[/.-]\s*(\d{4})")


def date_from_line(text: str) -> dt.date | None:
    """ "…, ngày 20 tháng 8 năm 2025" → 2025-08-20; None when the text holds no such date (a
    blank "ngày … tháng … năm 2025" left to fill in by hand is no date)."""
    s = plain(text)
    for pattern in (_DATE_LINE, _DATE_LINE_SHORT):
        m = pattern.search(s)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def signed_on(sheet: Sheet, first_row: int) -> tuple[dt.date, str] | None:
    """The date of the signature block at or below ``first_row`` (0-based; the row after the
    last beneficiary) and the cell it was read from; the first one found, top to bottom."""
    for r in range(max(first_row, 0), len(sheet.rows)):
        for c, value in enumerate(sheet.rows[r]):
            if isinstance(value, str) and "ng" in value.lower():
                found = date_from_line(value)
                if found is not None:
                    return found, a1(r, c)
    return None
