"""Validate one roster file: read → find header → normalise → validate rows → report.

:func:`validate_file` is the library entry point every command uses. It never raises for bad
input: a file that cannot be read comes back as a :class:`FileReport` whose ``error`` is set.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

from cashless_cli.checks.accounts import KnownAccount, stale_registrations
from cashless_cli.checks.rows import RULES_READING, Rules, check_columns, unchecked_requirements
from cashless_cli.checks.status import StatusSource, decide_statuses, inference_columns
from cashless_cli.normalise.base import CellValue
from cashless_cli.normalise.text import fold
from cashless_cli.normalise.vocab import Sex
from cashless_cli.problems import CATALOGUE, Joined, Phrase, Problem, ReadError, Severity, Text
from cashless_cli.read.encoding import convert_sheet
from cashless_cli.read.grid import Block, runs_of
from cashless_cli.read.header import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    SEX_FEMALE,
    SEX_MALE,
    HeaderMatch,
    category_from_marks,
    closest_row,
    find_header,
    sex_from_marks,
    translate,
)
from cashless_cli.read.listing import ROSTER_SUFFIXES as ROSTER_SUFFIXES
from cashless_cli.read.listing import roster_files
from cashless_cli.read.mapping import ColumnMapping
from cashless_cli.read.metadata import from_titles, month_from_path, signed_on
from cashless_cli.read.rows import RowKind, split_rows
from cashless_cli.read.workbook import Sheet, Workbook, a1, read_meta_sheet
from cashless_cli.schema.domain import DEFAULT_BASE_LEVELS, SOCIAL_PENSION
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import (
    ABSENT,
    COLUMN_BY_KEY,
    REQUIRED_KEYS,
    FieldProblem,
    ParsedTable,
    RosterRow,
    parse_table,
)
from cashless_cli.texts import TEXTS


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller knows better than the file (the command line always wins)."""

    commune: str | None = None
    month: Month | None = None
    today: dt.date = field(default_factory=dt.date.today)
    base_levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS
    #: the user's column mapping (cashless.toml, --map); its commune part is picked per file
    mapping: ColumnMapping = field(default_factory=ColumnMapping)


class Record:
    """One beneficiary row: where it is, its clean values, and whether it had errors.

    The clean values live in the file's :class:`ParsedTable`; :attr:`data` builds the row's
    :class:`RosterRow` the first time it is asked for (a command that only counts never pays
    for 100,000 of them).
    """

    __slots__ = (
        "_data",
        "_index",
        "_table",
        "errors",
        "postoffice_account",
        "row",
        "status_from",
        "warnings",
    )

    def __init__(
        self,
        row: int,
        table: ParsedTable,
        index: int,
        errors: int = 0,
        warnings: int = 0,
    ) -> None:
        self.row = row  # 1-based sheet row
        self._table = table
        self._index = index
        self._data: RosterRow | None = None
        self.errors = errors
        self.warnings = warnings
        #: an account the Post Office reported opened for this person (the roster may lag)
        self.postoffice_account: str | None = None
        #: where :attr:`RosterRow.trang_thai` came from (the column, inferred, or unknown)
        self.status_from = StatusSource.COLUMN

    @property
    def data(self) -> RosterRow:
        if self._data is None:
            self._data = self._table.row(self._index)
        return self._data

    def __repr__(self) -> str:
        return f"Record(row={self.row}, errors={self.errors}, warnings={self.warnings})"


@dataclass(slots=True)
class FileReport:
    path: Path
    kind: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # 1-based
    header_depth: int = 1
    commune: str | None = None
    month: Month | None = None
    columns: dict[str, str] = field(default_factory=dict)  # key → header as written
    column_cells: dict[str, int] = field(default_factory=dict)  # key → 0-based column index
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason → rows
    error: ReadError | None = None
    #: the file says another month than the one it is read for (Options.month): the finding,
    #: at its title cell when known; a month's commands refuse the file for that month
    other_month: Problem | None = None
    #: the date of the signature block under the rows ("…, ngày 20 tháng 8 năm 2025") and its
    #: cell, when the roster has one: the day the commune made its list
    signed_on: dt.date | None = None
    signed_cell: str | None = None

    def field_values(self, keys: Iterable[str]) -> dict[str, list[Any]]:
        """Roster fields of every record, in order: ``{key: [r.data.<key> for r in records]}``
        without building a row model for each (the month's frame reads 25 fields of 150,000
        rows this way)."""
        groups: list[tuple[ParsedTable, list[int]]] = []  # the records of one parsed table
        for record in self.records:
            if not groups or groups[-1][0] is not record._table:
                groups.append((record._table, []))
            groups[-1][1].append(record._index)
        out: dict[str, list[Any]] = {}
        for key in keys:
            values: list[Any] = []
            for table, indices in groups:
                values.extend(table.field_of(key, indices))
            out[key] = values
        return out

    @property
    def rows(self) -> int:
        return len(self.records)

    @property
    def rows_with_errors(self) -> int:
        return sum(1 for r in self.records if r.errors)

    @property
    def valid_rows(self) -> int:
        return self.rows - self.rows_with_errors

    @property
    def issues(self) -> list[Problem]:
        return [p for p in self.problems if p.severity in (Severity.ERROR, Severity.WARNING)]

    @property
    def info(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.INFO]

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    @property
    def not_checkable(self) -> list[Problem]:
        """Why the file could not be fully checked (columns it lacks, no status column, no
        month), each said once."""
        return [p for p in self.problems if p.code in NOT_CHECKABLE_CODES]

    @property
    def status_from(self) -> dict[str, int]:
        """Rows by where their registration status came from (column, account, …, unknown)."""
        return dict(Counter(str(r.status_from) for r in self.records))


#: The findings that say a file could not be fully checked.
NOT_CHECKABLE_CODES = frozenset({"column-absent", "status-column-absent", "month-unknown"})


def iter_roster_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the workbooks inside folders (sorted, recursively; no temp files),
    each once however often it is named (``f f folder`` is one file, not three: the counts
    must add up); :class:`OSError` naming a folder that cannot be read (never taken for an
    empty one)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        found = roster_files(path) if path.is_dir() else [path]  # OSError: folder unreadable
        for file in found:
            key = Path(os.path.normcase(os.path.abspath(file)))
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def validate_file(path: Path, options: Options | None = None) -> FileReport:
    options = options or Options()
    report = FileReport(path=path)
    try:
        book = Workbook(path)
    except ReadError as exc:
        report.error = exc
        return report
    try:
        _validate_book(book, report, options)
    except ReadError as exc:
        report.error = exc
    finally:
        book.close()
    return report


def _pick_sheet(
    book: Workbook, report: FileReport, mapping: ColumnMapping | None = None
) -> tuple[Sheet, HeaderMatch]:
    best: tuple[Sheet, HeaderMatch] | None = None
    closest: tuple[int, str, int, list[str]] = (-1, "", 0, [])
    own: tuple[str, str] | None = None  # (sheet, what it is) of a list cashless wrote
    any_data = False
    for sheet in book.sheets():
        if any(any(v not in ("", None) for v in row) for row in sheet.rows):
            any_data = True
        else:
            continue
        convert = convert_sheet(sheet, book.data, book.kind)
        header = find_header(sheet, mapping)
        if header is not None:
            if best is None or (header.score, sheet.visible) > (best[1].score, best[0].visible):
                best = (sheet, header)
                report.problems = [p for p in report.problems if p.sheet != sheet.name]
                for conv in convert:
                    report.problems.append(
                        Problem(
                            "legacy-text-converted",
                            sheet.name,
                            a1(conv.row, conv.col),
                            conv.row + 1,
                            value=conv.original,
                            params={"encoding": conv.encoding.upper(), "converted": conv.converted},
                        )
                    )
        else:
            row, found = closest_row(sheet)
            if len(found) > closest[0]:
                closest = (len(found), sheet.name, row, found)
            if own is None and (kind := _own_list(_top_cells(sheet))) is not None:
                own = (sheet.name, kind)
    if best is None:
        if not any_data:
            raise ReadError("no-sheet", str(book.path))
        if own is not None:  # a list cashless wrote in English: no roster header at all
            raise ReadError("roster-is-own-list", str(book.path), sheet=own[0], kind=Phrase(own[1]))
        expected = ", ".join(f"'{COLUMN_BY_KEY[k].header}'" for k in REQUIRED_KEYS)
        found_text = ", ".join(closest[3]) if closest[3] else "-"
        raise ReadError(
            "no-header",
            str(book.path),
            expected=expected,
            sheet=closest[1],
            row=closest[2] + 1,
            found=found_text,
        )
    # keep only the conversions of the chosen sheet
    report.problems = [p for p in report.problems if p.sheet == best[0].name]
    return best


def _validate_book(book: Workbook, report: FileReport, options: Options) -> None:
    """read → header → rows → parse → checks → findings, each step a function returning data."""
    report.kind = book.kind
    sheet, header = _pick_sheet(
        book, report, options.mapping.for_file(report.path, options.commune)
    )
    header.check(str(report.path))  # a strict mapping naming a header the file lacks
    _require_identity(report.path, sheet, header)
    report.problems.extend(header.findings)  # columns demoted, mapping entries unused
    place = _Place(sheet, header)
    report.sheet = sheet.name
    report.header_row = header.row + 1
    report.header_depth = header.depth
    report.columns = {k: header.headers[c] for k, c in header.columns.items()}
    report.column_cells = dict(header.columns)
    report.commune, report.month, mismatch = _commune_and_month(
        book, sheet, header, report.path, options
    )
    report.other_month = mismatch  # not a finding of validate (--month wins); see collect_month
    report.problems.extend(_header_findings(place, report.month))

    block = Block(sheet.rows, header.data_start)
    rows = _split_rows(sheet, header, report.path, block)
    report.skipped = rows.skipped
    report.problems.extend(rows.problems)
    signed = signed_on(sheet, rows.data[-1] + 1)
    report.signed_on, report.signed_cell = signed if signed else (None, None)
    raw = _raw_columns(place, rows.data, block)
    table = parse_table(raw.columns, options.today)
    rules = Rules(report.month, options.base_levels)
    failed = {i: {p.field for p in found} for i, found in table.problems.items()}
    checked = check_columns(table.values, table.size, rules, failed)
    report.problems.extend(_absent_findings(place, table))
    row_problems = _row_findings(
        place, rows.data, raw, table, checked, _formulas_without_value(book, sheet, header)
    )
    statuses = _decide_statuses(place, rows.data, table)
    if statuses is not None:
        table.values["trang_thai"] = statuses.values
    report.records = _records(rows.data, table, row_problems, statuses)
    for problems in row_problems.values():
        report.problems.extend(problems)
    if statuses is not None:
        report.problems.append(statuses.finding)


@dataclass(frozen=True, slots=True)
class _Place:
    """The sheet and its header: where a finding is shown."""

    sheet: Sheet
    header: HeaderMatch

    def at(self, key: str, row: int | None, code: str, value: Any = None, **params: Any) -> Problem:
        """A finding at ``key``'s cell of 0-based sheet row ``row``."""
        col = self.header.columns.get(key)
        return Problem(
            code,
            self.sheet.name,
            a1(row, col) if (row is not None and col is not None) else None,
            row + 1 if row is not None else None,
            key,
            self.header.headers.get(col) if col is not None else COLUMN_BY_KEY[key].header,
            value,
            params,
        )

    def of_file(self, code: str, key: str | None = None, **params: Any) -> Problem:
        """A finding about the whole file, shown at its header row."""
        header = COLUMN_BY_KEY[key].header if key is not None else None
        return Problem(code, self.sheet.name, None, self.header.row + 1, key, header, params=params)


#: Enough to read a list: the name, and one way to tell the person apart.
NAME_KEY = "ho_ten"
IDENTITY_KEYS = ("so_dinh_danh", "ngay_sinh")


def _present_keys(header: HeaderMatch) -> set[str]:
    keys = set(header.columns)
    if BIRTH_MALE in keys or BIRTH_FEMALE in keys:
        keys |= {"ngay_sinh", "gioi_tinh"}
    return keys


#: The column only cashless's own lists have (its header in either language) → what the list
#: is: a payment list or a handoff list put in a month's folder is said to be that.
_OWN_LISTS = {
    "pay-doc.ma-chi-tra": "own-list.payments",
    "handoff-doc.ma-tham-chieu": "own-list.handoff",
    "handoff-doc.da-chuyen-truoc": "own-list.heldback",  # its summary sheet
    "handoff-doc.tep-danh-sach": "own-list.heldback",  # a commune's sheet of it
}


def _top_cells(sheet: Sheet, rows: int = 15) -> list[str]:
    """The texts of a sheet's first rows (where a list's header is)."""
    return [v for row in sheet.rows[:rows] for v in row if isinstance(v, str) and v]


def _own_list(headers: Iterable[str]) -> str | None:
    """The text key naming the cashless list these headers are of, if they are one."""
    written = {fold(h) for h in headers}
    for column_key, kind in _OWN_LISTS.items():
        if {fold(TEXTS[column_key].vi), fold(TEXTS[column_key].en)} & written:
            return kind
    return None


def _require_identity(path: Path, sheet: Sheet, header: HeaderMatch) -> None:
    """A list without the name, or without both the ID and the birth date, is refused (said to
    be one of cashless's own lists when it is one)."""
    keys = _present_keys(header)
    missing = [k for k in (NAME_KEY,) if k not in keys]
    if not any(k in keys for k in IDENTITY_KEYS):
        missing.append(" / ".join(COLUMN_BY_KEY[k].header for k in IDENTITY_KEYS))
    if not missing:
        return
    own = _own_list(header.headers.values())
    if own is not None:
        raise ReadError("roster-is-own-list", str(path), sheet=sheet.name, kind=Phrase(own))
    named = [f"'{COLUMN_BY_KEY[k].header}'" if k in COLUMN_BY_KEY else f"'{k}'" for k in missing]
    found = ", ".join(header.headers[c] for c in sorted(header.headers)) or "-"
    raise ReadError(
        "identity-columns-missing",
        str(path),
        sheet=sheet.name,
        row=header.row + 1,
        missing=", ".join(named),
        found=found,
    )


def _commune_and_month(
    book: Workbook, sheet: Sheet, header: HeaderMatch, path: Path, options: Options
) -> tuple[str | None, Month | None, Problem | None]:
    """The command line first, then the meta sheet, the title rows, the file name; and the
    finding of a file that says another month than the one given (its folder's, --month)."""
    meta = read_meta_sheet(book)
    titles = from_titles(sheet, header.row)
    commune = options.commune or meta.get("commune") or titles.commune
    meta_month: Month | None = None
    if meta.get("month"):
        try:
            meta_month = Month.parse(meta["month"])
        except ValueError:
            meta_month = None
    said = meta_month or titles.month
    month = options.month or said or month_from_path(path)
    mismatch = None
    if options.month is not None and said is not None and said != options.month:
        cell = titles.month_cell if meta_month is None else None
        where = (
            Phrase("month.said-in-title", {"cell": cell, "title": titles.month_title})
            if cell is not None
            else Phrase("month.said-in-meta")
        )
        params = {"said": str(said), "month": str(options.month), "where": where}
        mismatch = Problem("roster-month-mismatch", sheet.name, cell, params=params)
    return commune, month, mismatch


def _header_findings(place: _Place, month: Month | None) -> list[Problem]:
    """A hidden sheet, columns outside the schema or written twice, an unknown month."""
    sheet, header = place.sheet, place.header
    out: list[Problem] = []
    if not sheet.visible:
        out.append(Problem("sheet-hidden", sheet.name, params={"sheet": sheet.name}))
    for col, text in header.extra.items():
        out.append(
            Problem("extra-column", sheet.name, a1(header.row, col), header.row + 1, None, text)
        )
    for key, first, second in header.duplicates:
        out.append(
            Problem(
                "column-duplicate",
                sheet.name,
                a1(header.row, second),
                header.row + 1,
                key,
                header.headers[second],
                params={"first": a1(header.row, first)},
            )
        )
    if month is None:
        out.append(Problem("month-unknown", sheet.name))
    return out


_SKIP_REASONS = {
    RowKind.BLANK: Phrase("row-kind.blank"),
    RowKind.NUMBERING: Phrase("row-kind.numbering"),
    RowKind.TOTAL: Phrase("row-kind.total"),
    RowKind.SIGNATURE: Phrase("row-kind.signature"),
}


@dataclass(frozen=True, slots=True)
class _Rows:
    data: list[int]  # 0-based sheet rows of the beneficiaries
    skipped: dict[str, int]  # reason → rows
    problems: list[Problem]  # one row-skipped per skipped row


def _split_rows(sheet: Sheet, header: HeaderMatch, path: Path, block: Block) -> _Rows:
    """The data rows, and the rows skipped (numbering, totals, signatures, inner blanks)."""
    data, others = split_rows(sheet, header, block)
    if not data:
        raise ReadError("no-data", str(path), sheet=sheet.name, row=header.row + 1)
    last_data = data[-1]
    skipped: dict[str, int] = {}
    problems: list[Problem] = []
    for r, kind in others:
        if kind is RowKind.BLANK and r > last_data:
            continue  # trailing blank rows: not worth a line
        skipped[str(kind)] = skipped.get(str(kind), 0) + 1
        params = {"reason": _SKIP_REASONS[kind], "row": r + 1}
        problems.append(Problem("row-skipped", sheet.name, a1(r, 0), r + 1, params=params))
    return _Rows(data, skipped, problems)


@dataclass(frozen=True, slots=True)
class _RawColumns:
    columns: dict[str, list[CellValue]]  # key → the raw cell of each data row
    birth_keys: list[str] | None  # per row, which birth column holds the date (Nam | Nữ layout)
    problems: dict[int, list[Problem]]  # row index → problems found splitting the birth date


def _raw_columns(place: _Place, data_rows: list[int], block: Block) -> _RawColumns:
    """The raw cells of the data rows, column by column (the birth date of the Nam | Nữ layout
    merged into one column, with the sex it gives)."""
    header = place.header
    runs = runs_of(data_rows)
    columns = {k: block.column(c, runs) for k, c in header.columns.items() if not k.startswith("_")}
    block.release()
    picked = _Picked(place.sheet.rows, data_rows)
    if "gioi_tinh" not in columns and SEX_MALE in header.columns:  # "X" under Nam | Nữ
        columns["gioi_tinh"] = sex_from_marks(
            picked.rows, header.columns.get(SEX_MALE), header.columns.get(SEX_FEMALE)
        )
    marks = header.category_marks
    if "dien" not in columns and marks:  # "x" under the person's category
        columns["dien"] = category_from_marks(picked.rows, marks)
    for key, words in header.values.items():  # the mapping's words for a vocabulary column
        if key in columns:
            columns[key] = [translate(v, words) for v in columns[key]]
    male_col = header.columns.get(BIRTH_MALE)
    female_col = header.columns.get(BIRTH_FEMALE)
    problems: dict[int, list[Problem]] = {}
    birth_keys: list[str] | None = None
    if male_col is not None or female_col is not None:
        birth_keys = _split_birth_columns(
            picked.rows, data_rows, columns, male_col, female_col, problems, place.at
        )
    return _RawColumns(columns, birth_keys, problems)


class _Picked:
    """The data rows' cells, row by row, gathered the first time a layout needs them."""

    __slots__ = ("_rows", "_sheet_rows", "data_rows")

    def __init__(self, sheet_rows: list[list[CellValue]], data_rows: list[int]) -> None:
        self._sheet_rows = sheet_rows
        self.data_rows = data_rows
        self._rows: list[list[CellValue]] | None = None

    @property
    def rows(self) -> list[list[CellValue]]:
        if self._rows is None:
            self._rows = [self._sheet_rows[r] for r in self.data_rows]
        return self._rows


def _formulas_without_value(
    book: Workbook, sheet: Sheet, header: HeaderMatch
) -> dict[int, list[str]]:
    """0-based sheet row → the keys of its roster cells holding a formula saved without a value."""
    out: dict[int, list[str]] = {}
    if book.kind in ("xlsx", "xlsm"):
        keys_at = {c: k for k, c in header.columns.items()}
        for r, c in book.formulas_without_value(sheet.name):
            if c in keys_at:
                out.setdefault(r, []).append(keys_at[c])
    return out


def _row_findings(
    place: _Place,
    data_rows: list[int],
    raw: _RawColumns,
    table: ParsedTable,
    checked: Mapping[int, list[FieldProblem]],
    no_value: Mapping[int, list[str]],
) -> dict[int, list[Problem]]:
    """Row index → the problems of that row, located at their cells (only rows that have any)."""
    header = place.header
    duplicates = _duplicate_ids(table.values.get("so_dinh_danh", ()))
    both = _both_programmes(duplicates, table.values.get("dien", ()))
    troubled = sorted(
        {
            *table.problems,
            *checked,
            *raw.problems,
            *duplicates,
            *both,
            *(i for i, r in enumerate(data_rows) if r in no_value),
        }
    )
    out: dict[int, list[Problem]] = {}
    for i in troubled:
        r = data_rows[i]
        birth_key = raw.birth_keys[i] if raw.birth_keys is not None else BIRTH_MALE
        problems = list(raw.problems.get(i, ()))
        field_problems = [*table.problems_of(i), *checked.get(i, ())]
        unknown = no_value.get(r)
        if unknown:
            problems.extend(place.at(key, r, "formula-no-value") for key in sorted(set(unknown)))
            field_problems = [
                fp
                for fp in field_problems
                if not (fp.field in unknown and fp.code.startswith("required"))
            ]
        problems.extend(
            place.at(_located(fp.field, header, birth_key), r, fp.code, fp.value, **fp.params)
            for fp in field_problems
        )
        if i in both:
            ident = table.values["so_dinh_danh"][i]
            other = a1(data_rows[both[i]], header.columns["so_dinh_danh"])
            problems.append(place.at("so_dinh_danh", r, "id-both-programmes", ident, other=other))
        elif i in duplicates:
            ident = table.values["so_dinh_danh"][i]
            other = a1(data_rows[duplicates[i]], header.columns["so_dinh_danh"])
            problems.append(place.at("so_dinh_danh", r, "id-duplicate", ident, other=other))
        out[i] = problems
    return out


def _records(
    data_rows: list[int],
    table: ParsedTable,
    row_problems: Mapping[int, list[Problem]],
    statuses: _Statuses | None,
) -> list[Record]:
    """One record per data row, with its counts of errors and warnings and where its status
    came from."""
    size = len(data_rows)
    records = list(map(Record, map((1).__add__, data_rows), repeat(table, size), range(size)))
    if statuses is not None:
        for record, source in zip(records, statuses.sources, strict=True):
            record.status_from = source
    for i, problems in row_problems.items():
        record = records[i]
        for problem in problems:
            if problem.severity is Severity.ERROR:
                record.errors += 1
            elif problem.severity is Severity.WARNING:
                record.warnings += 1
    return records


def _rules_text(codes: Iterable[str]) -> Text:
    """The titles of checks, in both languages ("Thiếu thông tin bắt buộc; …")."""
    types = [CATALOGUE[code] for code in dict.fromkeys(codes)]
    return Text("; ".join(t.title_en for t in types), "; ".join(t.title_vi for t in types))


def _absent_findings(place: _Place, table: ParsedTable) -> list[Problem]:
    """Once per file, each column the list does not have and the checks it makes impossible:
    the columns every roster has, and those the rows' statuses or receivers require. The
    status column is said apart (see :func:`_decide_statuses`)."""
    present = _present_keys(place.header)
    skipped: dict[str, list[str]] = {
        key: ["required-missing", *RULES_READING.get(key, ())]
        for key in REQUIRED_KEYS
        if key not in present and key != "trang_thai"
    }
    for key, codes in unchecked_requirements(table.values, table.size).items():
        skipped.setdefault(key, []).extend([*codes, *RULES_READING.get(key, ())])
    return [
        place.of_file("column-absent", key, rules=_rules_text(codes))
        for key, codes in sorted(skipped.items(), key=lambda kv: list(COLUMN_BY_KEY).index(kv[0]))
    ]


_SOURCE_WORDS = {
    StatusSource.ACCOUNT: "status-source.account",
    StatusSource.PAYMENT_METHOD: "status-source.payment-method",
    StatusSource.MARK: "status-source.mark",
    StatusSource.UNKNOWN: "status-source.unknown",
}


def _how_decided(sources: Sequence[StatusSource]) -> Joined:
    """ "from the account numbers (120 rows), unknown (3 rows)", worded when shown."""
    counts = Counter(sources)
    return Joined(
        tuple(
            Phrase(key, {"n": Text(f"{counts[source]:,}", f"{counts[source]:,}".replace(",", "."))})
            for source, key in _SOURCE_WORDS.items()
            if counts[source]
        )
    )


@dataclass(frozen=True, slots=True)
class _Statuses:
    values: list[Any]  # every row's status, the inferred ones and "Không rõ" included
    sources: list[StatusSource]  # where each came from
    finding: Problem  # how it was decided, said once for the file


def _decide_statuses(place: _Place, data_rows: list[int], table: ParsedTable) -> _Statuses | None:
    """Each row's registration status where its list does not give it (inferred from the
    account number, the payment method or the "Đăng ký" mark, else unknown); None when the
    status column gives every row's."""
    has_column = "trang_thai" in place.header.columns
    where = inference_columns(place.header.extra)
    rows = place.sheet.rows
    picked = [rows[r] for r in data_rows] if (where.method, where.mark) != (None, None) else []
    narrowest = min(map(len, picked)) if picked else 0
    decided = decide_statuses(
        table.values.get("trang_thai") if has_column else None,
        table.values.get("so_tai_khoan"),
        _cells_of(picked, where.method, narrowest) if where.method is not None else None,
        _cells_of(picked, where.mark, narrowest) if where.mark is not None else None,
        table.size,
    )
    if decided is None:
        return None
    statuses, sources = decided
    how = _how_decided(sources)
    if has_column:
        count = sum(1 for s in sources if s is not StatusSource.COLUMN)
        finding = place.of_file("status-partly-inferred", "trang_thai", how=how, count=count)
    else:
        finding = place.of_file("status-column-absent", "trang_thai", how=how)
    return _Statuses(statuses, sources, finding)


def _cells_of(rows: list[list[CellValue]], col: int, narrowest: int) -> list[CellValue]:
    """Column ``col`` of ``rows`` ("" where a row is too short to reach it); ``narrowest``: the
    length of the shortest row."""
    if col < narrowest:
        return list(map(operator.itemgetter(col), rows))
    return [row[col] if col < len(row) else "" for row in rows]


def _split_birth_columns(
    rows: list[list[CellValue]],
    data_rows: list[int],
    raw_columns: dict[str, list[CellValue]],
    male_col: int | None,
    female_col: int | None,
    extra_problems: dict[int, list[Problem]],
    at: Callable[..., Problem],
) -> list[str]:
    """The "Ngày sinh" over "Nam" | "Nữ" layout: the birth date is in the column of the sex.
    Fills the birth date (and the sex, where the sex column is absent or empty) into
    ``raw_columns``; returns, per row, which of the two columns holds the date."""
    births: list[CellValue] = []
    sexes = raw_columns.get("gioi_tinh")
    own_sex_column = sexes is not None
    if sexes is None:
        sexes = raw_columns["gioi_tinh"] = []
    birth_keys: list[str] = []
    for i, (r, cells) in enumerate(zip(data_rows, rows, strict=True)):
        width = len(cells)
        male = cells[male_col] if male_col is not None and male_col < width else ""
        female = cells[female_col] if female_col is not None and female_col < width else ""
        birth_key = BIRTH_MALE if male_col is not None else BIRTH_FEMALE
        sex: CellValue = ABSENT
        birth: CellValue = ""
        if male not in ("", None) and female not in ("", None):
            extra_problems[i] = [at(BIRTH_FEMALE, r, "birth-date-both-columns", female)]
            birth = male
        elif male not in ("", None):
            birth, sex = male, Sex.MALE.value
        elif female not in ("", None):
            birth_key = BIRTH_FEMALE
            birth, sex = female, Sex.FEMALE.value
        births.append(birth)
        if own_sex_column:
            if sex is not ABSENT and sexes[i] in ("", None):
                sexes[i] = sex
        else:
            sexes.append(sex)
        birth_keys.append(birth_key)
    raw_columns["ngay_sinh"] = births
    return birth_keys


def _both_programmes(duplicates: Mapping[int, int], categories: Sequence[Any]) -> dict[int, int]:
    """Row index → the other row, at both rows of a same-ID pair where one row is the social
    pension (``htxh``, Decree 176/2025) and the other a monthly social allowance: the person is
    paid only the higher of the two (``export-payments``)."""
    out: dict[int, int] = {}
    if not categories:
        return out
    for later, first in duplicates.items():
        kinds = {categories[later] == SOCIAL_PENSION, categories[first] == SOCIAL_PENSION}
        if kinds == {True, False} and categories[later] and categories[first]:
            out.setdefault(later, first)
            out.setdefault(first, later)
    return out


def _duplicate_ids(ids: Sequence[str | None]) -> dict[int, int]:
    """Row index → index of the first row with the same 12- or 9-digit ID, for the later rows."""
    present = [ident for ident in ids if ident]
    if len(set(present)) == len(present):
        return {}
    first: dict[str, int] = {}
    out: dict[int, int] = {}
    for index, ident in enumerate(ids):
        if ident and len(ident) in (9, 12):
            seen = first.setdefault(ident, index)
            if seen != index:
                out[index] = seen
    return out


def _located(key: str, header: HeaderMatch, birth_key: str) -> str:
    """Where a field's problem is shown: in the two-column birth layout, sex and birth date
    problems point at the date cell that was filled."""
    if key in header.columns:
        return key
    if key in ("ngay_sinh", "gioi_tinh") and birth_key in header.columns:
        return birth_key
    return key


def commune_key(name: str) -> str:
    return fold(name)


def apply_known_accounts(report: FileReport, known: Mapping[str, KnownAccount]) -> None:
    """Mark the rows whose person the Post Office opened an account for, and warn at the status
    cell of those the commune still lists as "Đã đăng ký" (it should update the roster)."""
    if not known or report.error is not None:
        return
    for record in report.records:
        ident = record.data.so_dinh_danh
        if ident is not None and ident in known:
            record.postoffice_account = known[ident].account_number
    col = report.column_cells.get("trang_thai")
    rows = ((i, r.data) for i, r in enumerate(report.records))
    for index, account in stale_registrations(rows, known):
        record = report.records[index]
        record.warnings += 1
        report.problems.append(
            Problem(
                "account-opened-elsewhere",
                report.sheet,
                a1(record.row - 1, col) if col is not None else None,
                record.row,
                "trang_thai",
                report.columns.get("trang_thai"),
                record.data.trang_thai,
                {
                    "account": account.account_number,
                    "date": account.opened_on.strftime("%d/%m/%Y") if account.opened_on else "?",
                    "status": record.data.trang_thai,
                },
            )
        )
