"""How much room text takes in a printed cell: widths, wrapped lines and row heights.

Pure arithmetic on the advance widths of Times New Roman (the font of our documents; Liberation
Serif, which LibreOffice prints it with, has the same metrics), so a row is made tall enough for
its wrapped note and a column wide enough for its reference code before anyone opens the file.
Vietnamese letters take the width of their base letter (ơ, ư a little more for the horn);
anything unknown is counted as a full em, so the estimate errs on the roomy side.

Units: a column width is Excel's (characters of the default font, 7 px = 5.25 pt each); heights
and text widths are points.
"""

from __future__ import annotations

import functools
import math
import unicodedata

PT_PER_WIDTH = 5.25  # one unit of column width in points
PADDING = 4.0  # points between the text and the cell's borders (both sides together)
INDENT = 6.0  # points per indent level
LINE = 1.17  # line height in ems
ROW_PADDING = 3.0  # points above and below the lines of a row

_FIRST = 32  # the tables run from " " to "~"
# Advance widths (1/1000 em) of Times New Roman, " " .. "~"; italic counted at the regular
# width or wider, bold italic at the bold width or wider.
_REGULAR = (
    250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 921, 722, 667, 667,
    722, 611, 611, 722, 722, 333, 444, 722, 611, 889, 722, 722, 611, 722, 667, 556, 611, 722,
    722, 944, 722, 722, 611, 389, 278, 389, 469, 500, 333, 500, 500, 444, 500, 444, 333, 500,
    500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 389, 389, 278, 500, 500, 722, 500, 500,
    444, 480, 275, 480, 541,
)  # fmt: skip
_BOLD = (
    250, 389, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722,
    722, 667, 667, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722,
    722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
    556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500,
    444, 394, 220, 394, 570,
)  # fmt: skip
_OTHER = {"đ": 500, "Đ": 722, "…": 1000, "–": 500, "—": 1000, "“": 500, "”": 500, "’": 333}
_HORN = 45  # ơ, ư and their capitals are this much wider than o, u


def char_width(ch: str, bold: bool = False) -> int:
    """Advance width of one character in 1/1000 em."""
    table = _BOLD if bold else _REGULAR
    code = ord(ch)
    if _FIRST <= code < _FIRST + len(table):
        return table[code - _FIRST]
    if ch in _OTHER:
        return _OTHER[ch] + (30 if bold else 0)
    base = unicodedata.normalize("NFD", ch)
    if base and base[0] != ch and _FIRST <= ord(base[0]) < _FIRST + len(table):
        return table[ord(base[0]) - _FIRST] + (_HORN if "\u031b" in base else 0)
    if unicodedata.combining(ch):
        return 0
    return 1000


class _Widths(dict[str, int]):
    """Character → advance width, each worked out once (a province's lists measure millions of
    characters of a few hundred kinds)."""

    def __init__(self, bold: bool) -> None:
        super().__init__()
        self.bold = bold

    def __missing__(self, ch: str) -> int:
        width = self[ch] = char_width(ch, self.bold)
        return width


_WIDTHS = {False: _Widths(False), True: _Widths(True)}


@functools.lru_cache(maxsize=1 << 16)
def _units(text: str, bold: bool) -> int:
    """Width of ``text`` in 1/1000 em (words and values repeat: names, villages, amounts)."""
    return sum(map(_WIDTHS[bold].__getitem__, unicodedata.normalize("NFC", text)))


def text_pt(text: str, size: float = 11, bold: bool = False) -> float:
    """Width of one line of ``text`` in points."""
    return _units(text, bold) * size / 1000


def room_pt(width: float, indent: int = 0) -> float:
    """Points of text a column of ``width`` holds on one line."""
    return width * PT_PER_WIDTH - PADDING - INDENT * indent


def width_for(text: str, size: float = 11, bold: bool = False, indent: int = 0) -> float:
    """The column width that holds ``text`` on one line (rounded up to a half)."""
    need = (text_pt(text, size, bold) + PADDING + INDENT * indent + 2) / PT_PER_WIDTH
    return math.ceil(need * 2) / 2


def lines(text: str, width: float, size: float = 11, bold: bool = False, indent: int = 0) -> int:
    """How many lines ``text`` takes wrapped at spaces in a column of ``width``."""
    room = room_pt(width, indent)
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        current = 0.0
        space = text_pt(" ", size, bold)
        for word in paragraph.split(" "):
            w = text_pt(word, size, bold)
            if current and current + space + w > room:
                count += 1
                current = w
            else:
                current = current + space + w if current else w
            while current > room:  # a word longer than the line breaks inside it
                count += 1
                current -= room
    return count


def height(n_lines: int, size: float = 11) -> float:
    """Row height in points for ``n_lines`` lines of ``size`` points (rounded up to a half)."""
    need = n_lines * LINE * size + ROW_PADDING
    return math.ceil(need * 2) / 2
