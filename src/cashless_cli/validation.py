"""Validate one roster file: read → find header → normalise → validate rows → report.

:func:`validate_file` is the library entry point every command uses. It never raises for bad
input: a file that cannot be read comes back as a :class:`FileReport` whose ``error`` is set.
"""

from __future__ import annotations

import datetime as dt
import gc
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cashless_cli.checks.accounts import KnownAccount, stale_registrations
from cashless_cli.checks.rows import Rules, check_columns
from cashless_cli.normalise.base import CellValue
from cashless_cli.normalise.text import fold
from cashless_cli.normalise.vocab import Sex
from cashless_cli.problems import Problem, ReadError, Severity, Text
from cashless_cli.read.encoding import convert_sheet
from cashless_cli.read.header import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    HeaderMatch,
    closest_row,
    find_header,
)
from cashless_cli.read.metadata import from_titles, month_from_path
from cashless_cli.read.rows import RowKind, classify_rows
from cashless_cli.read.workbook import Sheet, Workbook, a1, read_meta_sheet
from cashless_cli.schema.domain import DEFAULT_BASE_LEVELS
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import (
    ABSENT,
    COLUMN_BY_KEY,
    REQUIRED_KEYS,
    ParsedTable,
    RosterRow,
    parse_table,
)

ROSTER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@dataclass(frozen=True, slots=True)
class Options:
    """What the caller knows better than the file (the command line always wins)."""

    commune: str | None = None
    month: Month | None = None
    today: dt.date = field(default_factory=dt.date.today)
    base_levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS


class Record:
    """One beneficiary row: where it is, its clean values, and whether it had errors.

    The clean values live in the file's :class:`ParsedTable`; :attr:`data` builds the row's
    :class:`RosterRow` the first time it is asked for (a command that only counts never pays
    for 100,000 of them).
    """

    __slots__ = ("_data", "_index", "_table", "errors", "postoffice_account", "row", "warnings")

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


def iter_roster_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the workbooks inside folders (sorted, recursively; no temp files)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in ROSTER_SUFFIXES
                    and not child.name.startswith(("~$", ".~lock", "."))
                ):
                    out.append(child)
        else:
            out.append(path)
    return out


def validate_file(path: Path, options: Options | None = None) -> FileReport:
    options = options or Options()
    report = FileReport(path=path)
    try:
        book = Workbook(path)
    except ReadError as exc:
        report.error = exc
        return report
    gc_was_on = gc.isenabled()
    gc.disable()  # ~30% faster on large rosters: the row objects hold no cycles
    try:
        _validate_book(book, report, options)
    except ReadError as exc:
        report.error = exc
    finally:
        if gc_was_on:
            gc.enable()
        book.close()
    return report


def _pick_sheet(book: Workbook, report: FileReport) -> tuple[Sheet, HeaderMatch]:
    best: tuple[Sheet, HeaderMatch] | None = None
    closest: tuple[int, str, int, list[str]] = (-1, "", 0, [])
    any_data = False
    for sheet in book.sheets():
        if any(any(v not in ("", None) for v in row) for row in sheet.rows):
            any_data = True
        else:
            continue
        convert = convert_sheet(sheet, book.path, book.kind)
        header = find_header(sheet)
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
    if best is None:
        if not any_data:
            raise ReadError("no-sheet", str(book.path))
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
    report.kind = book.kind
    sheet, header = _pick_sheet(book, report)
    report.sheet = sheet.name
    if not sheet.visible:
        report.problems.append(Problem("sheet-hidden", sheet.name, params={"sheet": sheet.name}))
    report.header_row = header.row + 1
    report.header_depth = header.depth
    report.columns = {k: header.headers[c] for k, c in header.columns.items()}
    report.column_cells = dict(header.columns)

    meta = read_meta_sheet(book)
    titles = from_titles(sheet, header.row)
    report.commune = options.commune or meta.get("commune") or titles.commune
    month = options.month
    if month is None and meta.get("month"):
        try:
            month = Month.parse(meta["month"])
        except ValueError:
            month = None
    report.month = month or titles.month or month_from_path(report.path)

    def at(key: str, row: int | None, code: str, value: Any = None, **params: Any) -> Problem:
        col = header.columns.get(key)
        return Problem(
            code,
            sheet.name,
            a1(row, col) if (row is not None and col is not None) else None,
            row + 1 if row is not None else None,
            key,
            header.headers.get(col) if col is not None else COLUMN_BY_KEY[key].header,
            value,
            params,
        )

    header_cell_row = header.row
    for col, text in header.extra.items():
        report.problems.append(
            Problem(
                "extra-column", sheet.name, a1(header_cell_row, col), header.row + 1, None, text
            )
        )
    for key, first, _second in header.duplicates:
        report.problems.append(
            Problem(
                "column-duplicate",
                sheet.name,
                a1(header_cell_row, _second),
                header.row + 1,
                key,
                header.headers[_second],
                params={"first": a1(header_cell_row, first)},
            )
        )
    missing_columns = set(header.missing_required)
    for key in header.missing_required:
        report.problems.append(
            Problem(
                "column-missing",
                sheet.name,
                None,
                header.row + 1,
                key,
                COLUMN_BY_KEY[key].header,
            )
        )
    if report.month is None:
        report.problems.append(Problem("month-unknown", sheet.name))

    rules = Rules(
        (report.month.year, report.month.month) if report.month else None, options.base_levels
    )
    kinds = classify_rows(sheet, header)
    if not any(kind is RowKind.DATA for _, kind in kinds):
        raise ReadError("no-data", str(report.path), sheet=sheet.name, row=header.row + 1)

    reasons = {
        RowKind.BLANK: Text("blank row", "dòng trống"),
        RowKind.NUMBERING: Text("column numbering row", "dòng đánh số thứ tự cột"),
        RowKind.TOTAL: Text("totals row", "dòng tổng cộng"),
        RowKind.SIGNATURE: Text("signature block", "phần ký tên"),
    }
    last_data = max(r for r, kind in kinds if kind is RowKind.DATA)
    columns = [(k, c) for k, c in header.columns.items() if not k.startswith("_")]
    male_col = header.columns.get(BIRTH_MALE)
    female_col = header.columns.get(BIRTH_FEMALE)

    data_rows: list[int] = []
    for r, kind in kinds:
        if kind is RowKind.DATA:
            data_rows.append(r)
        elif kind is not RowKind.BLANK or r < last_data:  # trailing blank rows: not worth a line
            report.skipped[str(kind)] = report.skipped.get(str(kind), 0) + 1
            report.problems.append(
                Problem(
                    "row-skipped",
                    sheet.name,
                    a1(r, 0),
                    r + 1,
                    params={"reason": reasons[kind], "row": r + 1},
                )
            )
    picked = [sheet.rows[r] for r in data_rows]
    narrowest = min(map(len, picked))
    raw_columns = {k: _cells_of(picked, c, narrowest) for k, c in columns}
    birth_keys: list[str] | None = None
    extra_problems: dict[int, list[Problem]] = {}
    if male_col is not None or female_col is not None:
        birth_keys = _split_birth_columns(
            picked, data_rows, raw_columns, male_col, female_col, extra_problems, at
        )

    no_value: dict[int, list[str]] = {}
    if book.kind in ("xlsx", "xlsm"):
        keys_at = {c: k for k, c in header.columns.items()}
        for r, c in book.formulas_without_value(sheet.name):
            if c in keys_at:
                no_value.setdefault(r, []).append(keys_at[c])

    table = parse_table(raw_columns, options.today)
    failed = {i: {p.field for p in found} for i, found in table.problems.items()}
    checked = check_columns(table.values, table.size, rules, failed)
    duplicates = _duplicate_ids(table.values.get("so_dinh_danh", ()))
    required_missing = bool(missing_columns & set(REQUIRED_KEYS))
    troubled = sorted(
        {
            *table.problems,
            *checked,
            *extra_problems,
            *duplicates,
            *(i for i, r in enumerate(data_rows) if r in no_value),
        }
    )
    records = [Record(r + 1, table, i) for i, r in enumerate(data_rows)]
    if required_missing:
        for record in records:
            record.errors = 1  # a required column is missing: no row is complete
    for i in troubled:
        r = data_rows[i]
        birth_key = birth_keys[i] if birth_keys is not None else BIRTH_MALE
        problems = extra_problems.get(i, [])
        field_problems = [*table.problems_of(i), *checked.get(i, ())]
        unknown = no_value.get(r)
        if unknown:
            for key in sorted(set(unknown)):
                problems.append(at(key, r, "formula-no-value", None))
            field_problems = [
                fp
                for fp in field_problems
                if not (fp.field in unknown and fp.code.startswith("required"))
            ]
        for fp in field_problems:
            if fp.field in missing_columns and fp.code == "required-missing":
                continue
            if fp.field not in header.columns and fp.code.startswith("required-when"):
                key = fp.field
                if key not in missing_columns:
                    missing_columns.add(key)
                    report.problems.append(
                        Problem(
                            "column-missing",
                            sheet.name,
                            None,
                            header.row + 1,
                            key,
                            COLUMN_BY_KEY[key].header,
                        )
                    )
            problems.append(
                at(_located(fp.field, header, birth_key), r, fp.code, fp.value, **fp.params)
            )
        if i in duplicates:
            ident = table.values["so_dinh_danh"][i]
            other = a1(data_rows[duplicates[i]], header.columns["so_dinh_danh"])
            problems.append(at("so_dinh_danh", r, "id-duplicate", ident, other=other))
        record = records[i]
        for problem in problems:
            if problem.severity is Severity.ERROR:
                record.errors += 1
            elif problem.severity is Severity.WARNING:
                record.warnings += 1
        report.problems.extend(problems)
    report.records = records


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
