"""The cells below the header, column by column, taken in one pass over the sheet's rows.

A roster's rows are read one after another; walking them column by column instead (20 passes,
each touching every row) costs several times a single pass. So the rows from the first data row
on are laid end to end once (python-calamine gives every row of a sheet the same width), and a
column is then a stride of that flat list: a C-speed slice, the same cell objects at the same
positions. Rows of different widths (never from python-calamine, possible from a caller) take
the row-by-row path, with "" where a row is too short.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from itertools import chain

from cashless_cli.normalise.base import CellValue

#: Sheet rows [start, stop).
Run = tuple[int, int]


class Block:
    """The sheet's rows from ``start`` to its end."""

    __slots__ = ("_flat", "rows", "start", "stop", "width")

    def __init__(self, rows: list[list[CellValue]], start: int) -> None:
        self.rows = rows
        self.start = start
        self.stop = max(start, len(rows))
        widths = set(map(len, rows[start:]))
        #: the width of every row, or None when they differ
        self.width: int | None = widths.pop() if len(widths) == 1 else None
        self._flat: list[CellValue] | None = None

    def column(self, col: int, runs: Sequence[Run] | None = None) -> list[CellValue]:
        """Column ``col`` (0-based) of the rows of ``runs`` (all rows when None), "" where a
        row is too short to reach it."""
        spans = [(self.start, self.stop)] if runs is None else runs
        width = self.width
        if width is None:
            return list(
                chain.from_iterable(_cells_of(self.rows[a:b], col) for a, b in spans if a < b)
            )
        if col >= width:
            return [""] * sum(b - a for a, b in spans)
        flat = self.flat
        s0 = self.start
        if len(spans) == 1:
            a, b = spans[0]
            return flat[(a - s0) * width + col : (b - s0) * width : width]
        out: list[CellValue] = []
        for a, b in spans:
            out += flat[(a - s0) * width + col : (b - s0) * width : width]
        return out

    @property
    def flat(self) -> list[CellValue]:
        """Every cell of the block, row after row (only when the rows have one width)."""
        if self._flat is None:
            self._flat = list(chain.from_iterable(self.rows[self.start : self.stop]))
        return self._flat

    def release(self) -> None:
        """Drop the flat copy (its memory) once the columns are taken."""
        self._flat = None


def _cells_of(rows: list[list[CellValue]], col: int) -> list[CellValue]:
    if rows and min(map(len, rows)) > col:
        return list(map(operator.itemgetter(col), rows))
    return [row[col] if col < len(row) else "" for row in rows]


def runs_of(rows: Sequence[int]) -> list[Run]:
    """Sorted, distinct sheet rows as runs of consecutive rows: [3, 4, 5, 9] → [(3, 6), (9, 10)]."""
    if not rows:
        return []
    if rows[-1] - rows[0] + 1 == len(rows):
        return [(rows[0], rows[-1] + 1)]
    out: list[Run] = []
    first = prev = rows[0]
    for r in rows[1:]:
        if r != prev + 1:
            out.append((first, prev + 1))
            first = r
        prev = r
    out.append((first, prev + 1))
    return out


def runs_without(start: int, stop: int, holes: Sequence[int]) -> list[Run]:
    """The runs of rows [start, stop) other than the sorted rows ``holes``."""
    out: list[Run] = []
    a = start
    for h in holes:
        if h > a:
            out.append((a, h))
        a = h + 1
    if stop > a:
        out.append((a, stop))
    return out
