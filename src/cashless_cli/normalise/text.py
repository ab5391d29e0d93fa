"""Text cells: clean display text, and the folded matching key used for headers and vocabularies.

``clean_text`` keeps what a person would read (NFC, single spaces); ``fold`` throws away
everything but the letters and digits, without diacritics, so that "Số\\nCCCD", "so cccd" and
"SỐ CCCD" compare equal.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from cashless_cli.normalise.base import CellValue, is_blank

__all__ = ["clean_text", "fold", "render_cell", "strip_apostrophe", "strip_diacritics"]

_WS = re.compile(r"\s+")
# Zero-width characters that creep in from web pages and Word; never meaningful in a roster.
# (U+00AD, the soft hyphen, is deliberately NOT here: in TCVN3 text it is the letter "ư".)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_APOSTROPHES = "'’‘`"

# Letters whose base letter NFD does not reveal.
_SPECIAL_BASE = {
    "đ": "d",
    "Đ": "D",
    "Ð": "D",  # U+00D0 ETH, often typed for Đ
    "ð": "d",
    "Ɖ": "D",  # U+0189 African D, another look-alike
    "ɖ": "d",
}


def _base(ch: str) -> str:
    """The character with its combining marks removed (đ → d); "" for a lone combining mark."""
    if ch in _SPECIAL_BASE:
        return _SPECIAL_BASE[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _build_tables() -> tuple[dict[int, str | None], dict[int, str | None]]:
    fold_table: dict[int, str | None] = {}
    strip_table: dict[int, str | None] = {}
    # Every canonical decomposition onto an ASCII letter lives below U+3000 (Latin, Latin
    # Extended, Latin Extended Additional, letterlike symbols); everything else folds to nothing.
    for cp in range(0x3000):
        ch = chr(cp)
        base = _base(ch)
        if base != ch:
            strip_table[cp] = base or None
        key = "".join(c for c in base.lower() if c.isascii() and c.isalnum())
        if key != ch:
            fold_table[cp] = key or None
    return fold_table, strip_table


_FOLD_TABLE, _STRIP_TABLE = _build_tables()
_NOT_KEY = re.compile(r"[^a-z0-9]+")


def fold(s: str) -> str:
    """Matching key: no diacritics (đ → d), lower case, only ``[a-z0-9]``.

    The same for NFC and NFD input: ``fold("Số\\nCCCD") == fold("so cccd") == "socccd"``.
    """
    return _NOT_KEY.sub("", s.translate(_FOLD_TABLE))


def strip_diacritics(s: str) -> str:
    """``s`` with its diacritics removed (đ → d), case and everything else kept."""
    return unicodedata.normalize("NFC", s.translate(_STRIP_TABLE))


def strip_apostrophe(s: str) -> str:
    """Drop the leading apostrophe Excel users type to force a number to stay text."""
    s = s.strip()
    while s and s[0] in _APOSTROPHES:
        s = s[1:].lstrip()
    return s


def render_cell(raw: CellValue) -> str:
    """A non-text cell value as a person would read it (integers without ".0", dates d/m/y)."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        if math.isfinite(raw) and raw.is_integer():
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, dt.datetime):
        if raw.time() == dt.time(0, 0):
            return raw.strftime("%d/%m/%Y")
        return raw.strftime("%d/%m/%Y %H:%M:%S")
    if isinstance(raw, dt.date):
        return raw.strftime("%d/%m/%Y")
    if isinstance(raw, dt.time):
        return raw.isoformat()
    return str(raw)


def clean_text(raw: CellValue) -> str | None:
    """NFC, trimmed, every run of white space (NBSP, line breaks, tabs) made one space.

    Numbers are rendered without ".0"; a blank cell gives None.
    """
    if is_blank(raw):
        return None
    text = render_cell(raw).translate(_ZERO_WIDTH)
    text = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return text or None
