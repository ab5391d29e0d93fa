"""Find the roster's header (one, two or three rows, merged cells included) and map its columns.

A header cell is matched on its **words** against the template header and the aliases of every
column of :data:`cashless_cli.schema.row.COLUMNS`: case, spacing, line breaks and punctuation do
not matter, and a word written without diacritics matches its accented form ("So CCCD"), but two
accented words that differ only in their marks do not ("Ngày cấp" is not "Ngày cập nhật"). A cell
may say more than its alias only in words that cannot change the meaning (a unit, a month:
"Mức trợ cấp (đồng) tháng 6").

A header of several rows is read column by column from the top (group title › column ›
sub-column), with horizontal merges filled and vertical merges spanning the rows. A sub-column is
read under its group: "Chưa trả tháng trước › Số tiền" is arrears, "Người nhận › Ký" a signature,
"Năm sinh › Nam | Nữ" the two-column birth layout whose filled column gives the sex. Known columns
that are not roster fields (signature, arrears, totals…) are kept as information columns with a
meaning (:data:`~cashless_cli.read.mapping.INFO_KEYS`), never taken for a roster field.

Marks are values too: an "x" under "Nam" or "Nữ" gives the sex (:data:`SEX_MALE`,
:data:`SEX_FEMALE`), an "x" under a column headed by a category's wording ("Đối tượng đủ 75 tuổi
trở lên") gives the category (:data:`CATEGORY_MARK`); years under "Nam" | "Nữ" without a group
title are the birth layout.

A column whose values contradict its header is not taken for it: after mapping, a sample of each
status, sex, receiver, category, ID and date column is parsed (not under the template's own
header, where a wrong value is an error at its cell); when most values do not parse, the column is
read as another vocabulary column they fit ("Hình thức nhận" holding statuses) or demoted to
information, and a finding says so once. A :class:`ColumnMapping` from ``cashless.toml`` or
``--map`` decides before all of this, and its value words apply before the sampling.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from cashless_cli.normalise import vocab
from cashless_cli.normalise.base import CellValue, Invalid
from cashless_cli.normalise.text import clean_text, fold
from cashless_cli.problems import Problem, ReadError
from cashless_cli.read.mapping import DOMINANT_INFO, IGNORE, ColumnMapping
from cashless_cli.read.workbook import Sheet, a1
from cashless_cli.schema.cells import KINDS
from cashless_cli.schema.headers import BIRTH_TOPS as _BIRTH_TOPS
from cashless_cli.schema.headers import HARMLESS as _HARMLESS
from cashless_cli.schema.headers import INFO_KEYS
from cashless_cli.schema.headers import TRAPS as _TRAPS
from cashless_cli.schema.row import COLUMN_BY_KEY, COLUMNS, REQUIRED_KEYS

#: Column keys of the two-column birth date layout (the filled column gives the sex).
BIRTH_MALE = "_ngay_sinh_nam"
BIRTH_FEMALE = "_ngay_sinh_nu"
#: Column keys of the two sex columns with a mark ("X") in the person's one.
SEX_MALE = "_gioi_tinh_nam"
SEX_FEMALE = "_gioi_tinh_nu"
#: Column keys (this prefix and the column index) of columns headed by a category, with a mark
#: in the person's one ("Đối tượng đủ 75 tuổi trở lên": "x").
CATEGORY_MARK = "_dien_"

SCAN_ROWS = 40  # how far down a sheet the header may be
MIN_REQUIRED = 3  # required columns that must match for a row to be the header
MAX_DEPTH = 3  # group title, column, sub-column
SAMPLE_ROWS = 200  # rows sampled below the header to check that values fit their column
MIN_SAMPLE = 3  # fewer non-empty values than this: the column is not judged

#: Why a column got its meaning (``cashless columns`` words each one).
Reason = Literal[
    "exact",
    "words",
    "group",
    "category",
    "mapping",
    "values",
    "demoted",
    "info",
    "ignored",
    "unknown",
]

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below
_WORD = re.compile(r"[^\W_]+")
_SEXES = {"nam": BIRTH_MALE, "nu": BIRTH_FEMALE}
_DEMOTE_KINDS = frozenset({"status", "sex", "receiver", "category", "id", "date"})
#: Vocabulary columns a header may be mistaken for one another ("Hình thức nhận" holding
#: "Nhận tiền mặt" is a status, not a receiver): tried in turn before a column is demoted.
_VOCABULARY = ("trang_thai", "nguoi_nhan", "gioi_tinh")


# ---- words ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a header: its folded form, and its letters with their tone (empty when the
    word was written without diacritics)."""

    folded: str
    marked: str

    def same(self, other: Word) -> bool:
        """Equal ignoring diacritics, except where folding makes two words of the headers'
        vocabulary one and both words have their marks ("cấp" ≠ "cập", "số" ≠ "sổ"; but "uỷ" =
        "ủy", "cap" = "cấp", and a slip of tone in an unambiguous word is forgiven)."""
        if self.folded != other.folded:
            return False
        if not self.marked or not other.marked or self.marked == other.marked:
            return True
        return self.folded not in _ambiguous()


@cache
def _ambiguous() -> frozenset[str]:
    """Folded words with more than one accented form among the headers' words."""
    texts = [*_TRAPS, *_HARMLESS, *(t for c in COLUMNS for t in (c.header, *c.aliases))]
    texts += [t for aliases in INFO_KEYS.values() for t in aliases]
    forms: dict[str, set[str]] = {}
    for text in texts:
        for w in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
            word = _word(w)
            if word.marked:
                forms.setdefault(word.folded, set()).add(word.marked)
    return frozenset(f for f, marks in forms.items() if len(marks) > 1)


def _word(text: str) -> Word:
    folded = fold(text)
    if folded == text:
        return Word(folded, "")
    decomposed = unicodedata.normalize("NFD", text)
    tones = "".join(sorted(c for c in decomposed if c in _TONES))
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return Word(folded, base + tones)


@lru_cache(maxsize=4096)
@lru_cache(maxsize=1 << 14)  # pure; a month's rosters repeat the same headers and titles
def words(text: str) -> tuple[Word, ...]:
    """The words of a header cell, lower case (punctuation, line breaks and spaces dropped)."""
    clean = unicodedata.normalize("NFC", text).lower()
    return tuple(w for w in map(_word, _WORD.findall(clean)) if w.folded)


def _same(a: Sequence[Word], b: Sequence[Word]) -> bool:
    return len(a) == len(b) and all(x.same(y) for x, y in zip(a, b, strict=True))


@cache
def _harmless() -> tuple[Word, ...]:
    return tuple(w for text in _HARMLESS for w in words(text))


def _is_harmless(word: Word) -> bool:
    return word.folded.isdigit() or any(word.same(h) for h in _harmless())


class AliasTable:
    """Aliases (text → key) indexed by their folded words."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._by: dict[tuple[str, ...], list[tuple[tuple[Word, ...], str, str]]] = {}
        for text, key in entries:
            ws = words(text)
            if ws:
                self._by.setdefault(tuple(w.folded for w in ws), []).append((ws, key, text))
        self.longest = max((len(k) for k in self._by), default=0)

    def _at(self, ws: Sequence[Word]) -> tuple[str, str] | None:
        for alias, key, text in self._by.get(tuple(w.folded for w in ws), ()):
            if _same(alias, ws):
                return key, text
        return None

    def exact(self, ws: Sequence[Word]) -> tuple[str, str] | None:
        """(key, alias) of an alias with exactly these words."""
        return self._at(ws) if ws else None

    def prefix(self, ws: Sequence[Word]) -> tuple[str, str] | None:
        """(key, alias) of the longest alias the words start with, followed only by words that
        cannot change the meaning ("(đồng)", "tháng 6")."""
        for n in range(min(len(ws) - 1, self.longest), 0, -1):
            if all(map(_is_harmless, ws[n:])):
                found = self._at(ws[:n])
                if found is not None:
                    return found
        return None

    def within(self, ws: Sequence[Word]) -> tuple[str, str] | None:
        """(key, alias) of the longest alias found among the words: an alias of several words
        anywhere ("Số tiền truy lĩnh"), one of a single word only as the first word ("Ký
        nhận", but not the "ký" of "Nơi đăng ký khai sinh")."""
        for n in range(min(len(ws), self.longest), 0, -1):
            for start in range(len(ws) - n + 1 if n > 1 else 1):
                found = self._at(ws[start : start + n])
                if found is not None:
                    return found
        return None


@cache
def alias_table() -> AliasTable:
    """Every roster column's template header and aliases."""
    return AliasTable((text, c.key) for c in COLUMNS for text in (c.header, *c.aliases))


@cache
def info_table() -> AliasTable:
    """The known columns that are not roster fields."""
    return AliasTable((text, key) for key, texts in INFO_KEYS.items() for text in texts)


def match_alias(text: str, table: AliasTable) -> str | None:
    """The key a header cell names in ``table``, or None: an alias with the same words, else
    the longest alias the cell starts with when the rest cannot change the meaning
    ("Mức trợ cấp (đồng) tháng 6" → muc_tro_cap; "Ngày cập nhật" is not "Ngày cấp")."""
    ws = words(text)
    found = table.exact(ws) or table.prefix(ws)
    return found[0] if found else None


def match_header(text: str) -> str | None:
    """The roster column key a header cell names, or None (see :func:`match_alias`)."""
    return match_alias(text, alias_table())


# ---- what one column is ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ColumnNote:
    """What the reader understood of one column, and why."""

    col: int  # 0-based
    levels: tuple[str, ...]  # group title › column › sub-column, as written
    key: str | None = None  # the roster key (or a birth layout key)
    info: str | None = None  # the information key of a known non-roster column
    reason: Reason = "unknown"
    alias: str | None = None  # the alias, group or mapping entry that decided
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def header(self) -> str:
        """The header as written, its rows joined by spaces."""
        return " ".join(self.levels)


@lru_cache(maxsize=1 << 14)  # pure: the alias and info tables are fixed
def _decide_text(text: str) -> tuple[str | None, str | None, Reason, str | None]:
    ws = words(text)
    found = alias_table().exact(ws)
    if found:
        return found[0], None, "exact", found[1]
    info = info_table().within(ws)
    if info:
        return None, info[0], "info", info[1]
    found = alias_table().prefix(ws)
    if found:
        return found[0], None, "words", found[1]
    return None, None, "unknown", None


@cache
def _birth_tops() -> tuple[tuple[Word, ...], ...]:
    return tuple(words(t) for t in _BIRTH_TOPS)


@lru_cache(maxsize=1 << 14)
def _category_header(text: str) -> bool:
    """Whether a header names a category ("Đối tượng đủ 75 tuổi trở lên"): a mark column."""
    try:
        return vocab.parse_category(text).value is not None
    except Invalid:
        return False


def _decide(col: int, levels: tuple[str, ...]) -> ColumnNote:
    last = levels[-1]
    sex = _SEXES.get(fold(last)) if len(words(last)) == 1 else None
    if sex is not None:
        if any(_same(words(up), t) for up in levels[:-1] for t in _birth_tops()):
            return ColumnNote(col, levels, sex, reason="group", alias=levels[-2])
        mark = SEX_MALE if sex == BIRTH_MALE else SEX_FEMALE  # an "x" under Nam or Nữ
        return ColumnNote(
            col, levels, mark, reason="exact" if len(levels) == 1 else "group", alias=last
        )
    if len(levels) > 1:
        for upper in levels[:-1]:
            found = info_table().within(words(upper))
            if found and found[0] in DOMINANT_INFO:
                return ColumnNote(col, levels, info=found[0], reason="group", alias=upper)
    key, info, reason, alias = _decide_text(last)
    if key is None and info is None and _category_header(last):  # an "x" under its category
        return ColumnNote(col, levels, f"{CATEGORY_MARK}{col}", reason="category", alias=last)
    if len(levels) == 1 or info is not None:
        return ColumnNote(col, levels, key, info, reason, alias)
    for joined in dict.fromkeys((" ".join(levels), " ".join(levels[-2:]))):
        ws = words(joined)
        found = alias_table().exact(ws) or alias_table().prefix(ws)
        if found:
            return ColumnNote(col, levels, found[0], reason="group", alias=found[1])
    if key is not None:
        return ColumnNote(col, levels, key, None, reason, alias)
    up_key, up_info, _, up_alias = _decide_text(levels[-2])
    if up_key is not None and not _same(words(last), words(levels[-2])):
        return ColumnNote(col, levels, up_key, reason="group", alias=up_alias)
    if up_info is not None:
        return ColumnNote(col, levels, info=up_info, reason="group", alias=up_alias)
    return ColumnNote(col, levels)


def _mapped(note: ColumnNote, mapping: ColumnMapping) -> tuple[ColumnNote, str | None]:
    """The note as the user's mapping says (and the mapping entry used), else unchanged."""
    candidates = [words(note.header), words(" › ".join(note.levels)), words(note.levels[-1])]
    for header, key in mapping.columns:
        wanted = words(header)
        if any(_same(wanted, c) for c in candidates):
            detail = {"source": mapping.source}
            if key == IGNORE:
                return ColumnNote(
                    note.col, note.levels, reason="ignored", alias=header, detail=detail
                ), header
            if key in INFO_KEYS:
                return ColumnNote(
                    note.col, note.levels, info=key, reason="mapping", alias=header, detail=detail
                ), header
            return ColumnNote(
                note.col, note.levels, key, reason="mapping", alias=header, detail=detail
            ), header
    return note, None


# ---- the header as a whole ------------------------------------------------------------------


@dataclass(slots=True)
class HeaderMatch:
    """Where the header is and what each column holds."""

    sheet: str
    row: int  # 0-based index of the (first) header row
    depth: int  # 1, 2 or 3 header rows
    columns: dict[str, int]  # column key → 0-based column index (first occurrence)
    headers: dict[int, str]  # column index → header text as written (its rows joined)
    extra: dict[int, str] = field(default_factory=dict)  # unknown columns, kept as information
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # key, first, second
    #: column index → what the reader understood and why (every column with a header)
    notes: dict[int, ColumnNote] = field(default_factory=dict)
    #: column index → information key of a known non-roster column (also in ``extra``)
    info: dict[int, str] = field(default_factory=dict)
    ignored: dict[int, str] = field(default_factory=dict)  # columns the mapping said to ignore
    #: header-level findings to report once per file (demoted columns, unused mapping entries)
    findings: list[Problem] = field(default_factory=list)
    #: key → {folded word → canonical word}: the mapping's words for vocabulary columns
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    refused: str | None = None  # a strict mapping's header this sheet does not have

    @property
    def data_start(self) -> int:
        return self.row + self.depth

    @property
    def present(self) -> set[str]:
        """The roster keys the columns give (the two-column layouts give the date and sex)."""
        keys = set(self.columns)
        if BIRTH_MALE in keys or BIRTH_FEMALE in keys:
            keys |= {"ngay_sinh", "gioi_tinh"}
        if SEX_MALE in keys and SEX_FEMALE in keys:
            keys.add("gioi_tinh")
        if any(k.startswith(CATEGORY_MARK) for k in keys):
            keys.add("dien")
        return keys

    @property
    def category_marks(self) -> dict[int, str]:
        """Column → its header, for the columns headed by a category (marked per person)."""
        return {c: self.headers[c] for k, c in self.columns.items() if k.startswith(CATEGORY_MARK)}

    @property
    def score(self) -> int:
        keys = self.present
        return len(keys & set(REQUIRED_KEYS)) * 10 + len(keys)

    @property
    def missing_required(self) -> list[str]:
        keys = self.present
        return [k for k in REQUIRED_KEYS if k not in keys]

    def check(self, path: str) -> None:
        """Refuse the file (exit code 2) when a strict mapping names a header it lacks."""
        if self.refused is not None:
            found = ", ".join(f"'{h}'" for h in self.headers.values()) or "-"
            raise ReadError(
                "mapping-header-unknown", path, header=self.refused, sheet=self.sheet, found=found
            )


def _text(value: object) -> str:
    if isinstance(value, str):
        return clean_text(value) or ""
    return ""


def _blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, str) and not value.strip())


_NUMBERING = re.compile(
    r"^(?:cột\s*)?\(?\s*(?:\d{1,2}|[a-zA-Z])\s*\)?(?:\s*[=+x*×-].*)?$", re.IGNORECASE
)


def is_numbering_row(cells: Sequence[object]) -> bool:
    """The row under a header that numbers its columns: (1) (2)…, 1 2 3…, A B 1 2…, "3=1x2"."""
    filled = [v for v in cells if not _blank(v)]
    if len(filled) < 3:
        return False
    for v in filled:
        if isinstance(v, float | int) and not isinstance(v, bool):
            if not float(v).is_integer() or not 0 < v < 100:
                return False
        elif not (isinstance(v, str) and _NUMBERING.match(v.strip())):
            return False
    return True


def _recognised(text: str) -> bool:
    ws = words(text)
    return bool(
        fold(text) in _SEXES
        or all(map(_is_harmless, ws))
        or alias_table().exact(ws)
        or alias_table().prefix(ws)
        or info_table().within(ws)
    )


def _continues(sheet: Sheet, start: int, nxt: int) -> bool:
    """Whether row ``nxt`` is one more row of the header that starts on row ``start``."""
    if nxt >= len(sheet.rows):
        return False
    cells = sheet.rows[nxt]
    if is_numbering_row(cells) or any(not isinstance(v, str) and not _blank(v) for v in cells):
        return False
    texts = {c: t for c, t in ((c, _text(v)) for c, v in enumerate(cells)) if t}
    if not texts:
        return False
    recognised = sum(map(_recognised, texts.values())) * 2 >= len(texts)
    for (r0, c0), (r1, c1) in sheet.merged:
        if start <= r0 < nxt <= r1 and r1 > r0:
            return True  # a header cell merged down over this row
        under = start <= r0 < nxt and r1 < nxt and c1 > c0
        if under and recognised and any(c in texts for c in range(c0, c1 + 1)):
            return True  # sub-columns under a merged group title
    if {"nam", "nu"} <= {fold(t) for t in texts.values()}:
        return True
    above = sheet.rows[nxt - 1]

    def up(c: int) -> str:
        return _text(above[c]) if c < len(above) else ""

    gaps = [c for c in texts if not up(c) and any(up(k) for k in range(c))]
    return bool(gaps) and recognised


def _depth(sheet: Sheet, row: int) -> int:
    depth = 1
    while depth < MAX_DEPTH and _continues(sheet, row, row + depth):
        depth += 1
    return depth


def _levels(sheet: Sheet, row: int, depth: int) -> dict[int, tuple[str, ...]]:
    """Column → its header texts from the top, merged cells filled."""
    width = max(len(sheet.rows[row + i]) for i in range(depth))
    grid = [[_text(sheet.cell(row + i, c)) for c in range(width)] for i in range(depth)]
    spanned: set[tuple[int, int]] = set()
    for (r0, c0), (_r1, c1) in sheet.merged:
        if row <= r0 < row + depth and c1 > c0 and c0 < width:
            text = grid[r0 - row][c0]
            for c in range(c0, min(c1 + 1, width)):
                grid[r0 - row][c] = grid[r0 - row][c] or text
                spanned.add((r0 - row, c))
    for i in range(1, depth):  # a merge the reader did not report: the group's label carries on
        group = ""
        for c in range(width):
            if grid[i - 1][c] and (i - 1, c) not in spanned:
                group = grid[i - 1][c] if grid[i][c] else ""
            elif not grid[i - 1][c] and grid[i][c] and group:
                grid[i - 1][c] = group
    out: dict[int, tuple[str, ...]] = {}
    for c in range(width):
        levels: list[str] = []
        for i in range(depth):
            if grid[i][c] and (not levels or levels[-1] != grid[i][c]):
                levels.append(grid[i][c])
        if levels:
            out[c] = tuple(levels)
    return out


def _assemble(match: HeaderMatch, notes: Iterable[ColumnNote]) -> None:
    match.columns.clear()
    match.extra.clear()
    match.duplicates.clear()
    match.info.clear()
    match.ignored.clear()
    for note in notes:
        c = note.col
        match.notes[c] = note
        match.headers[c] = note.header
        if note.reason == "ignored":
            match.ignored[c] = note.header
        elif note.key is None:
            match.extra[c] = note.header
            if note.info is not None:
                match.info[c] = note.info
        elif note.key in match.columns:
            match.duplicates.append((note.key, match.columns[note.key], c))
        else:
            match.columns[note.key] = c


def _read_header(sheet: Sheet, row: int, mapping: ColumnMapping | None = None) -> HeaderMatch:
    depth = _depth(sheet, row)
    match = HeaderMatch(sheet.name, row, depth, {}, {})
    notes = [_decide(c, levels) for c, levels in _levels(sheet, row, depth).items()]
    if mapping:
        used: set[str] = set()
        mapped = []
        for note in notes:
            note, entry = _mapped(note, mapping)
            mapped.append(note)
            if entry is not None:
                used.add(entry)
        taken = {n.key for n in mapped if n.reason == "mapping" and n.key}
        notes = [  # a key the mapping gave to a column is no longer another column's
            ColumnNote(n.col, n.levels, reason="unknown")
            if n.key in taken and n.reason != "mapping"
            else n
            for n in mapped
        ]
        match.values = {k: t for k, t in mapping.value_table().items()}
        unused = [h for h, _ in mapping.columns if h not in used]
        if unused and mapping.strict:
            match.refused = unused[0]
        for header in unused if not mapping.strict else ():
            match.findings.append(
                Problem(
                    "mapping-header-unused",
                    sheet.name,
                    None,
                    row + 1,
                    None,
                    header,
                    params={"source": mapping.source},
                )
            )
    _assemble(match, notes)
    return match


def _sample(sheet: Sheet, header: HeaderMatch, col: int) -> list[CellValue]:
    """The first non-empty values of a column, from rows that name a person when the header has
    a name column (not the totals row or the signature block)."""
    out: list[CellValue] = []
    end = min(len(sheet.rows), header.data_start + SAMPLE_ROWS)
    name = header.columns.get("ho_ten")
    for r in range(header.data_start, end):
        cells = sheet.rows[r]
        if col >= len(cells) or _blank(cells[col]) or is_numbering_row(cells):
            continue
        if name is None or (name < len(cells) and not _blank(cells[name])):
            out.append(cells[col])
    return out


def translate(value: CellValue, table: dict[str, str] | None) -> CellValue:
    """A cell's value through the mapping's words for its column (unchanged when none fits)."""
    if table and isinstance(value, str):
        return table.get(fold(value), value)
    return value


def _demote_contradicted(sheet: Sheet, header: HeaderMatch, today: dt.date) -> None:
    """Columns whose values mostly do not parse for their kind become information columns
    (never one under the template's own header: there a bad value is an error at its cell)."""
    changed = False
    notes = dict(header.notes)
    for key, col in list(header.columns.items()):
        column = COLUMN_BY_KEY.get(key)
        note = notes[col]
        if key in (SEX_MALE, SEX_FEMALE) or key.startswith(CATEGORY_MARK):
            fixed = _check_marks(sheet, header, note, today)
            if fixed is not None:
                notes[col] = fixed
                changed = True
            continue
        if column is None or column.kind not in _DEMOTE_KINDS or note.reason == "mapping":
            continue
        if note.alias is not None and _same(words(note.alias), words(column.header)):
            continue  # the template's own header: its values are this column's, right or wrong
        values = _sample(sheet, header, col)
        if len(values) < MIN_SAMPLE:
            continue
        table = header.values.get(key)
        bad: list[CellValue] = []
        for value in values:
            try:
                KINDS[column.kind].parse(translate(value, table), today)
            except Invalid:
                bad.append(value)
        limit = 0.9 if column.kind == "category" else 0.5
        if len(bad) <= limit * len(values):
            continue
        share = f"{len(bad)}/{len(values)}"
        other = _fitting_vocabulary(key, values, header, today) if key in _VOCABULARY else None
        if other is not None:
            notes[col] = ColumnNote(
                col, note.levels, other, None, "values", note.alias, {"was": key, "share": share}
            )
            header.columns[other] = col  # taken: no second column is given the same key
            changed = True
            continue
        notes[col] = ColumnNote(
            col,
            note.levels,
            None,
            None,
            "demoted",
            note.alias,
            {"was": key, "share": share, "sample": _text(bad[0]) or str(bad[0])},
        )
        header.findings.append(
            Problem(
                "column-demoted",
                sheet.name,
                a1(header.row, col),
                header.row + 1,
                key,
                note.header,
                bad[0],
                {"share": share, "key": key},
            )
        )
        changed = True
    if changed:
        _assemble(header, sorted(notes.values(), key=lambda n: n.col))


def _fits(parser: Callable[[CellValue], Any], values: Sequence[CellValue]) -> int:
    fits = 0
    for value in values:
        try:
            parser(value)
            fits += 1
        except Invalid:
            pass
    return fits


def _check_marks(
    sheet: Sheet, header: HeaderMatch, note: ColumnNote, today: dt.date
) -> ColumnNote | None:
    """A mark column (Nam | Nữ, a category) whose values are not marks: the birth layout when
    they are dates under Nam | Nữ, else not a mark column. None when the marks are marks."""
    values = _sample(sheet, header, note.col)
    if len(values) < MIN_SAMPLE or _fits(vocab.parse_mark, values) * 2 > len(values):
        return None
    birth = {SEX_MALE: BIRTH_MALE, SEX_FEMALE: BIRTH_FEMALE}.get(note.key or "")
    if birth is not None:
        parse = KINDS["birthdate"].parse
        if _fits(lambda v: parse(v, today), values) * 2 > len(values):
            return ColumnNote(
                note.col,
                note.levels,
                birth,
                None,
                "values",
                note.alias,
                {"was": note.key, "share": "", "sample": _text(values[0])},
            )
    return ColumnNote(note.col, note.levels, detail={"sample": _text(values[0])})


def category_from_marks(
    rows: Sequence[Sequence[CellValue]], marks: dict[int, str]
) -> list[CellValue]:
    """Each row's category from the columns headed by one: the header of the marked column
    (parsed as any category wording later), "" when none is marked, all of them when several
    with different headers are (refused later)."""
    out: list[CellValue] = []
    for cells in rows:
        marked = [h for c, h in marks.items() if c < len(cells) and not _blank(cells[c])]
        out.append(
            " + ".join(dict.fromkeys(marked))
            if len(set(marked)) > 1
            else (marked[0] if marked else "")
        )
    return out


def _fitting_vocabulary(
    key: str, values: list[CellValue], header: HeaderMatch, today: dt.date
) -> str | None:
    """Another vocabulary column, not in the header yet, whose words most values are."""
    for other in _VOCABULARY:
        if other == key or other in header.columns:
            continue
        parser, table = KINDS[COLUMN_BY_KEY[other].kind].parse, header.values.get(other)
        fits = 0
        for value in values:
            try:
                parser(translate(value, table), today)
                fits += 1
            except Invalid:
                pass
        if fits * 2 > len(values):
            return other
    return None


def sex_from_marks(
    rows: Sequence[Sequence[CellValue]], male: int | None, female: int | None
) -> list[CellValue]:
    """The sex of each row from the two mark columns ("X" under Nam or under Nữ): "Nam", "Nữ",
    "" when neither is marked, and both marks as written when both are (refused later)."""

    def mark(cells: Sequence[CellValue], col: int | None) -> bool:
        return col is not None and col < len(cells) and not _blank(cells[col])

    out: list[CellValue] = []
    for cells in rows:
        m, f = mark(cells, male), mark(cells, female)
        out.append("Nam/Nữ" if m and f else "Nam" if m else "Nữ" if f else "")
    return out


def find_header(
    sheet: Sheet, mapping: ColumnMapping | None = None, today: dt.date | None = None
) -> HeaderMatch | None:
    """The best header of the sheet, or None if no row matches enough required columns."""
    best: HeaderMatch | None = None
    for row in range(min(SCAN_ROWS, len(sheet.rows))):
        cells = sheet.rows[row]
        if sum(1 for v in cells if isinstance(v, str) and v.strip()) < 2 or _data_like(cells):
            continue
        candidate = _read_header(sheet, row, mapping)
        if best is None or candidate.score > best.score:
            best = candidate
    if best is None or not _enough(best):
        return None
    _demote_contradicted(sheet, best, today or dt.date.today())
    return best


def _data_like(cells: Sequence[CellValue]) -> bool:
    """A row with three number or date cells or more is a row of data, never a header's top row
    (a header is words; its numbering row "1 2 3 …" has no words and is never a candidate
    either): skipping it costs nothing and saves reading every column's meaning in it."""
    count = 0
    for v in cells:
        if not isinstance(v, str) and not _blank(v):
            count += 1
            if count >= 3:
                return True
    return False


def header_at(sheet: Sheet, row: int, mapping: ColumnMapping | None = None) -> HeaderMatch:
    """Row ``row`` read as the header, whatever it matches (for ``cashless columns`` when no
    row looks like the roster's header: the officer sees the cells and maps them)."""
    return _read_header(sheet, row, mapping)


def wordiest_row(sheet: Sheet) -> tuple[int, int]:
    """(row, number of text cells) of the row with the most text cells near the top."""
    best = (0, 0)
    for row in range(min(SCAN_ROWS, len(sheet.rows))):
        count = sum(1 for v in sheet.rows[row] if isinstance(v, str) and v.strip())
        if count > best[1]:
            best = (row, count)
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
