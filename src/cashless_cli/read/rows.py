"""Which rows below the header are beneficiaries, and why the others are not.

Nothing is dropped silently: every row that is not data gets a reason (blank, the numbering row
under the header, a totals row, the signature block), which the report lists. A row that looks
like a beneficiary is always data, even below a totals row.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from itertools import chain

from cashless_cli.normalise.text import fold
from cashless_cli.read.grid import Block, runs_without
from cashless_cli.read.header import BIRTH_FEMALE, BIRTH_MALE, HeaderMatch, is_numbering_row
from cashless_cli.read.workbook import Sheet
from cashless_cli.schema.row import REQUIRED_KEYS


class RowKind(StrEnum):
    DATA = "data"
    BLANK = "blank"
    NUMBERING = "numbering"
    TOTAL = "total"
    SIGNATURE = "signature"


_TOTAL_WORDS = ("tongcong", "cong", "tong", "tongso", "congtong")
_SIGNATURE_WORDS = (
    "nguoilap",
    "lapbieu",
    "chutich",
    "phochutich",
    "tmuyban",
    "tmubnd",
    "ktchutich",
    "ketoan",
    "xacnhan",
    "kyghiro",
    "kyten",
    "ghirohoten",
    "congchuc",
    "thutruong",
    "noinhan",
    "daky",
)
_DATE_LINE = re.compile(r"ngay.*thang.*nam")


def _blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


def _first_text(cells: Sequence[object]) -> str:
    for v in cells:
        if isinstance(v, str) and v.strip():
            return fold(v)
    return ""


def _looks_like_signature(cells: Sequence[object]) -> bool:
    for v in cells:
        if isinstance(v, str) and v.strip():
            f = fold(v)
            if any(f.startswith(w) for w in _SIGNATURE_WORDS) or _DATE_LINE.search(f):
                return True
    return False


def classify_rows(
    sheet: Sheet, header: HeaderMatch, block: Block | None = None
) -> list[tuple[int, RowKind]]:
    """Each row from the first data row to the end of the sheet, with its kind."""
    data, others = split_rows(sheet, header, block)
    kinds = [(r, RowKind.DATA) for r in data] + others
    kinds.sort(key=operator.itemgetter(0))
    return kinds


def split_rows(
    sheet: Sheet, header: HeaderMatch, block: Block | None = None
) -> tuple[list[int], list[tuple[int, RowKind]]]:
    """The data rows (0-based sheet rows, in order) from the first data row to the end of the
    sheet, and the other rows with their kind: :func:`classify_rows`, without a pair per data
    row. Most rows fill three required cells or more, which makes them data; those are found
    column by column (``block``: the sheet's rows from the first data row, for their columns),
    and only the other rows and the first two are looked at one by one."""
    required_cols = _required_cols(header)
    start = header.data_start
    stop = max(start, len(sheet.rows))
    block = block if block is not None else Block(sheet.rows, start)
    if block.width is None or len(required_cols) < 3 or block.start != start:
        looked_at: list[int] = list(range(start, stop))
    else:
        blank_counts = Counter(chain.from_iterable(_blanks(block.column(c)) for c in required_cols))
        most = len(required_cols) - 3  # more blanks than this: fewer than three filled
        few = sorted(i + start for i, n in blank_counts.items() if n > most)
        looked_at = sorted({*range(start, min(start + 2, stop)), *few})
    kinds = _classify_each(sheet, header, required_cols, looked_at)
    others: list[tuple[int, RowKind]] = [(r, k) for r, k in kinds if k is not RowKind.DATA]
    holes = [r for r, _kind in others]
    data: list[int] = []
    for a, b in runs_without(start, stop, holes):
        data.extend(range(a, b))
    return data, others


def _required_cols(header: HeaderMatch) -> list[int]:
    required_cols = [header.columns[k] for k in REQUIRED_KEYS if k in header.columns]
    for key in (BIRTH_MALE, BIRTH_FEMALE):
        if key in header.columns:
            required_cols.append(header.columns[key])
    return required_cols


def _blanks(cells: Sequence[object]) -> list[int]:
    """The positions of the blank cells of a column ("", None, only spaces): one pass at C speed
    for a column of text without a blank, or with no text at all."""
    try:
        if all(map(str.strip, cells)):  # type: ignore[arg-type]
            return []
    except TypeError:  # not only text
        types = set(map(type, cells))
        if not any(t is type(None) or issubclass(t, str) for t in types):
            return []  # numbers, dates: never blank
    return [i for i, v in enumerate(cells) if v is None or (isinstance(v, str) and not v.strip())]


def _classify_each(
    sheet: Sheet, header: HeaderMatch, required_cols: list[int], rows: list[int]
) -> list[tuple[int, RowKind]]:
    """The kind of each of ``rows`` (sorted; every row not among them is data, and is neither a
    total nor a signature: the state carried down the sheet is the same)."""
    name_col = header.columns.get("ho_ten")
    out: list[tuple[int, RowKind]] = []
    ended = False
    empty = ("", None)
    for r in rows:
        cells = sheet.rows[r]
        width = len(cells)
        filled_required = 0
        for c in required_cols:
            if (
                c < width
                and cells[c] not in empty
                and not (
                    isinstance(cells[c], str) and not cells[c].strip()  # type: ignore[union-attr]
                )
            ):
                filled_required += 1
        if filled_required >= 3 and r - header.data_start >= 2:
            out.append((r, RowKind.DATA))  # the common case, decided cheaply
            continue
        if all(_blank(v) for v in cells):
            out.append((r, RowKind.BLANK))
            continue
        if r - header.data_start < 2 and is_numbering_row(cells):
            out.append((r, RowKind.NUMBERING))
            continue
        looks_like_data = filled_required >= 3
        name = cells[name_col] if name_col is not None and name_col < width else ""
        first = _first_text(cells)
        # "Tổng cộng", "Cộng", "Tổng cộng: 359 người" — but not a person named Tống …
        total_word = first in _TOTAL_WORDS or first.startswith(("tongcong", "congtong"))
        is_total = total_word and (_blank(name) or fold(str(name)) == first)
        if not looks_like_data and is_total:
            out.append((r, RowKind.TOTAL))
            ended = True
            continue
        if not looks_like_data and (ended or _looks_like_signature(cells)):
            out.append((r, RowKind.SIGNATURE))
            ended = True
            continue
        out.append((r, RowKind.DATA))
    return out
