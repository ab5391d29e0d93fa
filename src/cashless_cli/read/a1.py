"""A1 addresses: column letters ↔ 0-based column indexes, for every module that reads or writes
cells (one helper, so that "AA" is 26 everywhere)."""

from __future__ import annotations

from functools import cache


@cache  # a roster has a few dozen columns; a large one's findings ask for them 40,000 times
def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str | bytes) -> int:
    """Upper-case Excel letters (as text or bytes) → 0-based column index (A → 0, AB → 27)."""
    number = 0
    for byte in letters.encode("ascii") if isinstance(letters, str) else letters:
        number = number * 26 + (byte - 64)
    return number - 1


def a1(row: int, col: int) -> str:
    """0-based (row, col) → "B7"."""
    return f"{column_letter(col)}{row + 1}"
