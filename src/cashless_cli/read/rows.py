"""Which rows below the header are beneficiaries, and why the others are not.

Nothing is dropped silently: every row that is not data gets a reason (blank, the numbering row
under the header, a totals row, the signature block), which the report lists. A row that looks
like a beneficiary is always data, even below a totals row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from cashless_cli.normalise.text import fold
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


def classify_rows(sheet: Sheet, header: HeaderMatch) -> list[tuple[int, RowKind]]:
    """Each row from the first data row to the end of the sheet, with its kind."""
    required_cols = [header.columns[k] for k in REQUIRED_KEYS if k in header.columns]
    for key in (BIRTH_MALE, BIRTH_FEMALE):
        if key in header.columns:
            required_cols.append(header.columns[key])
    name_col = header.columns.get("ho_ten")
    out: list[tuple[int, RowKind]] = []
    ended = False
    empty = ("", None)
    for r in range(header.data_start, len(sheet.rows)):
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
