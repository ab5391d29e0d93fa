"""Find the roster's header row (one or two rows, merged cells included) and map its columns.

Headers are matched against the template header and the aliases of every column of
:data:`cashless_cli.schema.row.COLUMNS`, ignoring case, diacritics, spaces and line breaks. A
two-row header is read as "top label + sub label" (``Người nhận`` over ``Họ tên``), and the
common Vietnamese layout with ``Ngày sinh`` over ``Nam`` | ``Nữ`` becomes two birth-date columns
whose filled one gives the sex.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from cashless_cli.normalise.text import clean_text, fold
from cashless_cli.read.workbook import Sheet
from cashless_cli.schema.row import COLUMNS, REQUIRED_KEYS

#: Column keys of the two-column birth date layout (the filled column gives the sex).
BIRTH_MALE = "_ngay_sinh_nam"
BIRTH_FEMALE = "_ngay_sinh_nu"

SCAN_ROWS = 40  # how far down a sheet the header may be
MIN_REQUIRED = 3  # required columns that must match for a row to be the header

_BIRTH_TOPS = {"ngaysinh", "namsinh", "ngaythangnamsinh", "ngaythangsinh", "ns"}


@cache
def alias_table() -> dict[str, str]:
    """Folded header text → column key."""
    table: dict[str, str] = {}
    for column in COLUMNS:
        for text in (column.header, *column.aliases):
            table.setdefault(fold(text), column.key)
    return table


def match_header(text: str) -> str | None:
    """The roster column key a header cell names, or None (see :func:`match_alias`)."""
    return match_alias(text, alias_table())


def match_alias(text: str, table: dict[str, str]) -> str | None:
    """The key a header cell names in ``table`` (folded alias → key), or None. Exact folded
    match first, then the longest alias the cell starts with ("Mức trợ cấp (đồng) tháng 6" →
    muc_tro_cap)."""
    key = fold(text)
    if not key:
        return None
    if key in table:
        return table[key]
    best: tuple[int, str] | None = None
    for alias, column in table.items():
        if len(alias) >= 5 and key.startswith(alias) and (best is None or len(alias) > best[0]):
            best = (len(alias), column)
    return best[1] if best else None


@dataclass(slots=True)
class HeaderMatch:
    """Where the header is and what each column holds."""

    sheet: str
    row: int  # 0-based index of the (first) header row
    depth: int  # 1 or 2 header rows
    columns: dict[str, int]  # column key → 0-based column index (first occurrence)
    headers: dict[int, str]  # column index → header text as written (both rows joined)
    extra: dict[int, str] = field(default_factory=dict)  # unknown columns, kept as information
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # key, first, second

    @property
    def data_start(self) -> int:
        return self.row + self.depth

    @property
    def score(self) -> int:
        keys = set(self.columns)
        if BIRTH_MALE in keys or BIRTH_FEMALE in keys:
            keys |= {"ngay_sinh", "gioi_tinh"}
        return len(keys & set(REQUIRED_KEYS)) * 10 + len(keys)

    @property
    def missing_required(self) -> list[str]:
        keys = set(self.columns)
        if BIRTH_MALE in keys or BIRTH_FEMALE in keys:
            keys |= {"ngay_sinh", "gioi_tinh"}
        return [k for k in REQUIRED_KEYS if k not in keys]


def _text(value: object) -> str:
    if isinstance(value, str):
        return clean_text(value) or ""
    return ""


def _merged_top(sheet: Sheet, row: int) -> dict[int, tuple[int, int]]:
    """Column → (first column, last column) of horizontal merges that start on ``row``."""
    spans: dict[int, tuple[int, int]] = {}
    for (r0, c0), (_r1, c1) in sheet.merged:
        if r0 == row and c1 > c0:
            for c in range(c0, c1 + 1):
                spans[c] = (c0, c1)
    return spans


def _is_two_row(sheet: Sheet, row: int) -> bool:
    below = [_text(v) for v in (sheet.rows[row + 1] if row + 1 < len(sheet.rows) else [])]
    if not any(below):
        return False
    folded = {fold(t) for t in below if t}
    if {"nam", "nu"} <= folded:
        return True
    spans = _merged_top(sheet, row)
    return any(below[c] for c in spans if c < len(below) and spans[c][1] > spans[c][0])


def _read_header(sheet: Sheet, row: int) -> HeaderMatch:
    top_row = sheet.rows[row]
    two = _is_two_row(sheet, row)
    sub_row = sheet.rows[row + 1] if two else []
    width = max(len(top_row), len(sub_row))
    spans = _merged_top(sheet, row) if two else {}
    match = HeaderMatch(sheet.name, row, 2 if two else 1, {}, {})
    last_top = ""
    for c in range(width):
        top = _text(top_row[c]) if c < len(top_row) else ""
        sub = _text(sub_row[c]) if c < len(sub_row) else ""
        if two and not top and sub:
            if c in spans:
                top = _text(top_row[spans[c][0]])
            elif last_top:
                top = last_top  # a merge the reader did not report: the group's label
        if top:
            last_top = top if (two and sub) else ""
        if not top and not sub:
            continue
        written = f"{top} {sub}".strip() if sub and sub != top else top
        key = _key_for(top, sub)
        match.headers[c] = written
        if key is None:
            match.extra[c] = written
        elif key in match.columns:
            match.duplicates.append((key, match.columns[key], c))
        else:
            match.columns[key] = c
    return match


def _key_for(top: str, sub: str) -> str | None:
    if not sub:
        return match_header(top)
    ftop, fsub = fold(top), fold(sub)
    if ftop in _BIRTH_TOPS and fsub in ("nam", "nu"):
        return BIRTH_MALE if fsub == "nam" else BIRTH_FEMALE
    if not top:
        return match_header(sub)
    return match_header(f"{top} {sub}") or match_header(sub) or match_header(top)


def find_header(sheet: Sheet) -> HeaderMatch | None:
    """The best header of the sheet, or None if no row matches enough required columns."""
    best: HeaderMatch | None = None
    for row in range(min(SCAN_ROWS, len(sheet.rows))):
        cells = sheet.rows[row]
        if sum(1 for v in cells if isinstance(v, str) and v.strip()) < 2:
            continue
        candidate = _read_header(sheet, row)
        if best is None or candidate.score > best.score:
            best = candidate
    if best is None or not _enough(best):
        return None
    return best


def _enough(match: HeaderMatch) -> bool:
    """A header row: three required columns, or the name and one way to tell people apart (ID
    or birth date) — all a list needs to be read (what it lacks is said once, by validation)."""
    if len(REQUIRED_KEYS) - len(match.missing_required) >= MIN_REQUIRED:
        return True
    keys = set(match.columns)
    return "ho_ten" in keys and bool(keys & {"so_dinh_danh", "ngay_sinh", BIRTH_MALE, BIRTH_FEMALE})


def closest_row(sheet: Sheet) -> tuple[int, list[str]]:
    """For the "no header" message: the row that matched most headers, and what it matched."""
    best_row, best_found = 0, list[str]()
    for row in range(min(SCAN_ROWS, len(sheet.rows))):
        found = [_text(v) for v in sheet.rows[row] if isinstance(v, str) and match_header(v)]
        if len(found) > len(best_found):
            best_row, best_found = row, found
    return best_row, best_found
