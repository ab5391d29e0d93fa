"""One rule for every sheet title we derive from data (a commune's name, a sheet of a rebuilt
.xls/.ods): Excel's rules, which openpyxl only partly enforces.

Excel refuses a workbook (or "repairs" it, dropping the sheet) whose sheet title is longer than
31 characters — counted in UTF-16 code units, so an emoji or another astral character counts
twice — holds one of ``[ ] : * ? / \\``, starts or ends with an apostrophe, is "History"
(reserved for change tracking), or equals another sheet's title ignoring case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

__all__ = ["MAX_UNITS", "is_valid_title", "sheet_title", "utf16_units"]

#: Excel's limit, in UTF-16 code units.
MAX_UNITS = 31
_FORBIDDEN = frozenset("[]:*?/\\")
_RESERVED = "history"


def utf16_units(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (an astral character counts 2)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _clip(text: str, units: int) -> str:
    """The longest start of ``text`` within ``units`` UTF-16 code units (never half a
    character)."""
    out: list[str] = []
    used = 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > units:
            break
        out.append(ch)
        used += width
    return "".join(out)


def _tidy(text: str) -> str:
    """No apostrophe or white space at either end (Excel refuses an apostrophe there)."""
    return text.strip().strip("'").strip()


def is_valid_title(title: str, used: Iterable[str] = ()) -> bool:
    """Whether Excel accepts ``title`` beside the sheets ``used``."""
    taken = {u.casefold() for u in used}
    return (
        0 < utf16_units(title) <= MAX_UNITS
        and not _FORBIDDEN.intersection(title)
        and not title.startswith("'")
        and not title.endswith("'")
        and title.casefold() != _RESERVED
        and title.casefold() not in taken
        and all(unicodedata.category(ch) != "Cc" for ch in title)
    )


def sheet_title(name: str, used: set[str], fallback: str = "Trang") -> str:
    """A title Excel accepts for a sheet named after ``name``, unique (ignoring case) among
    ``used``, to which it is added. Forbidden and control characters are dropped, the text cut
    to 31 UTF-16 units; a clash gets " 2", " 3", … within the limit."""
    cleaned = "".join(
        ch
        for ch in unicodedata.normalize("NFC", name)
        if ch not in _FORBIDDEN and unicodedata.category(ch) != "Cc"
    )
    base = _tidy(_clip(_tidy(cleaned), MAX_UNITS)) or fallback
    taken = {u.casefold() for u in used} | {_RESERVED}
    candidate, k = base, 2
    while candidate.casefold() in taken:
        suffix = f" {k}"
        candidate = _tidy(_clip(base, MAX_UNITS - len(suffix))) + suffix
        k += 1
    used.add(candidate)
    return candidate
