"""A month's district figures: every commune's roster merged into one frame, and the rate table
the district publishes (share of beneficiaries registered for cashless payment).

Rates are computed from integers and rounded half-up to two decimals (13.37), never through a
float, so "Bình Hòa 13,37%" is exactly what the dispatch says. Every row of every readable roster
is counted once, rows with validation errors included (the commune listed them). A row whose
registration status is unknown (its list has no status column and nothing to infer it from) is
counted in ``unknown``, not as not registered: the rate is over the rows whose status is known,
and a commune whose every status is unknown has no rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashless_cli.checks.same_id import same_id_groups
from cashless_cli.checks.status import UNKNOWN_STATUS
from cashless_cli.dataset.deadline import DueRule, Timeliness, file_date, timeliness
from cashless_cli.dataset.month import MonthRosters, walk_communes
from cashless_cli.normalise.dates import LooseDate
from cashless_cli.normalise.vocab import Status
from cashless_cli.problems import Problem
from cashless_cli.read.workbook import a1
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import RosterRow
from cashless_cli.validation import FileReport
from cashless_cli.workspace.config import Area

if TYPE_CHECKING:  # pandas costs 0.2 s to import: only the commands that need it pay
    import pandas as pd

#: Below this rate (percent) a commune is flagged on the terminal, as the dispatch does.
LOW_RATE = Decimal(5)
#: Above this share of rows whose status is unknown, a rate (over the known rows only) is marked
#: with the base it stands on ("3/10 people"): 100 % of 3 is not 100 % of 10.
PARTLY_KNOWN_SHARE = Decimal("0.1")

#: Columns of the merged dataset that hold personal numbers: always strings, never numbers.
NUMBER_TEXT_COLUMNS = ("so_dinh_danh", "so_dinh_danh_nguoi_nhan", "dien_thoai", "so_tai_khoan")

_REGISTERED = {s.value for s in Status if s.counts_as_registered}
_HAS_ACCOUNT = Status.HAS_ACCOUNT.value
_REFUSED = Status.REFUSED.value


def rate_of(registered: int, total: int) -> Decimal | None:
    """``registered / total`` in percent, rounded half-up to two decimals, from integers only."""
    if total <= 0:
        return None
    hundredths = (registered * 10_000 * 2 + total) // (2 * total)
    return Decimal(hundredths).scaleb(-2)


@dataclass(frozen=True, slots=True)
class Counts:
    total: int = 0
    registered: int = 0
    with_account: int = 0
    refused: int = 0
    unknown: int = 0  # registration status unknown: in ``total``, not in the rate's base

    @property
    def known(self) -> int:
        """The rows whose registration status is known: the rate's denominator."""
        return self.total - self.unknown

    @property
    def rate(self) -> Decimal | None:
        return rate_of(self.registered, self.known)

    @property
    def partly_known(self) -> bool:
        """A rate stands on part of the list: more than :data:`PARTLY_KNOWN_SHARE` of its rows
        have no known status (and some have one)."""
        return self.known > 0 and self.unknown > PARTLY_KNOWN_SHARE * self.total

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.total + other.total,
            self.registered + other.registered,
            self.with_account + other.with_account,
            self.refused + other.refused,
            self.unknown + other.unknown,
        )


@dataclass(frozen=True, slots=True)
class CommuneFigures:
    """One line of the rate table."""

    unit: Unit
    reported: bool
    file: Path | None = None
    counts: Counts | None = None  # None when not reported
    rows_with_errors: int = 0
    rows_with_warnings: int = 0
    unreadable: tuple[str, str, str] | None = None  # (code, message en, message vi)
    previous_rate: Decimal | None = None
    #: why the roster could not be fully checked (columns it lacks, no status column, no month)
    not_checkable: tuple[Problem, ...] = ()
    #: every file of the commune (several when merged: one per old commune, or by programme)
    files: tuple[Path, ...] = ()
    #: its report against the due date
    timeliness: Timeliness | None = None

    @property
    def status_unknown(self) -> bool:
        """Reported, but no row's registration status is known: no rate, "không rõ"."""
        return self.counts is not None and self.counts.total > 0 and self.counts.known == 0

    @property
    def rate(self) -> Decimal | None:
        return self.counts.rate if self.counts else None

    @property
    def change(self) -> Decimal | None:
        """Against the previous month, in percentage points; None when either is missing."""
        if self.rate is None or self.previous_rate is None:
            return None
        return self.rate - self.previous_rate

    @property
    def partly_known(self) -> bool:
        """Its rate is over part of the list only (see :attr:`Counts.partly_known`)."""
        return self.counts is not None and self.counts.partly_known

    @property
    def low(self) -> bool:
        return self.rate is not None and self.rate < LOW_RATE


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    name: str
    file: str
    cell: str


@dataclass(frozen=True, slots=True)
class CrossDuplicate:
    """One personal ID listed in more than one commune."""

    id: str
    places: tuple[Place, ...]


@dataclass(slots=True)
class MonthSummary:
    month: Month
    area: Area
    communes: list[CommuneFigures]  # in the table's order: highest rate first
    total: Counts
    duplicates: list[CrossDuplicate]
    frame: pd.DataFrame
    previous_month: Month | None = None
    history: list[tuple[Month, Decimal | None]] = field(default_factory=list)  # area rate
    due: DueRule = field(default_factory=DueRule)  # when a commune's list is due

    @property
    def shows_timeliness(self) -> bool:
        """Whether the table and terminal show who reported on time: the province supervises
        its communes' lists; elsewhere only when ``[report] due_day`` is set."""
        return self.area.level == "province" or self.due.configured

    @property
    def reported(self) -> list[CommuneFigures]:
        return [c for c in self.communes if c.reported]

    @property
    def not_reported(self) -> list[CommuneFigures]:
        return [c for c in self.communes if not c.reported]

    @property
    def not_fully_checked(self) -> list[CommuneFigures]:
        return [c for c in self.communes if c.not_checkable]


# ---------------------------------------------------------------------------------------------
# The merged dataset
# ---------------------------------------------------------------------------------------------

ROW_FIELDS: tuple[str, ...] = tuple(RosterRow.model_fields)
FRAME_COLUMNS: tuple[str, ...] = (
    "commune_code",
    "commune",
    "file",
    "sheet_row",
    "errors",
    "warnings",
    *ROW_FIELDS,
    "postoffice_account",  # the account the Post Office reported opened (import-postoffice)
    "don_vi_cu",  # the commune before July 2025 whose list the row came from (else empty)
)


# How each roster field goes into the frame: text stays as it is (str or None).
_FIELD_KIND: dict[str, str] = {
    "stt": "any",
    "ngay_sinh": "date",
    "ngay_cap": "date",
    "ngay_sinh_nguoi_nhan": "date",
    "ngay_dang_ky": "date",
    "he_so": "number",
    "muc_tro_cap": "amount",
}


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, LooseDate):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _iso_dates(values: list[Any]) -> list[str | None]:
    """Each date as ``LooseDate.iso`` says it, each distinct date object once (the rows of one
    date share its object: each distinct cell is parsed once)."""
    memo: dict[int, str] = {}
    out: list[str | None] = []
    append = out.append
    for v in values:
        if v is None:
            append(None)
            continue
        text = memo.get(id(v))
        if text is None:
            text = memo[id(v)] = v.iso()
        append(text)
    return out


def frame_fields(report: FileReport) -> dict[str, list[Any]]:
    """The roster fields of ``report``'s rows as the frame holds them (dates as ISO text, the
    line number as text, an amount only when a whole number)."""
    fields = report.field_values(ROW_FIELDS)
    for name in ROW_FIELDS:
        kind = _FIELD_KIND.get(name)
        if kind == "date":
            fields[name] = _iso_dates(fields[name])
        elif kind == "any":
            fields[name] = [str(v) if type(v) is int else _cell_text(v) for v in fields[name]]
        elif kind == "amount":
            fields[name] = [v if isinstance(v, int) else None for v in fields[name]]
    return fields


class FrameFields:
    """:func:`frame_fields` of each readable report, worked out as the report arrives from the
    process pool (:func:`cashless_cli.dataset.month.collect_month`'s ``on_report``), while the
    other rosters are still being validated, instead of all at the end; each is handed over
    once (:meth:`take`), then dropped."""

    def __init__(self) -> None:
        self._done: dict[int, tuple[FileReport, list[Any], int, dict[str, list[Any]]]] = {}

    def add(self, report: FileReport) -> None:
        if report.error is None:
            import pandas  # noqa: F401  (the frame's: imported while the workers validate)

            records = report.records
            self._done[id(report)] = (report, records, len(records), frame_fields(report))

    def take(self, report: FileReport) -> dict[str, list[Any]]:
        """``report``'s fields: the ones worked out on arrival when its rows are still those
        (the same report, the same list of records, as long), else worked out now."""
        found = self._done.pop(id(report), None)
        if found is not None:
            was, records, n, fields = found
            if was is report and records is report.records and n == len(records):
                return fields
        return frame_fields(report)


def build_frame(
    parts: Iterable[tuple[Unit, FileReport]],
    old_units: Mapping[Path, str] | None = None,
    ready: FrameFields | None = None,
) -> pd.DataFrame:
    """All rows of the month, one line each, with their commune; every value is a string except
    the counters, the coefficient and the amount (so IDs, phones and accounts keep every digit).
    ``old_units``: file → the old commune (before July 2025) it is the list of; ``ready``: the
    reports' fields already worked out."""
    import pandas as pd

    cols: dict[str, list[Any]] = {name: [] for name in FRAME_COLUMNS}
    for unit, report in parts:
        records = report.records
        n = len(records)
        cols["don_vi_cu"].extend([(old_units or {}).get(report.path)] * n)
        cols["commune_code"].extend([unit.code] * n)
        cols["commune"].extend([unit.name] * n)
        cols["file"].extend([report.path.name] * n)
        cols["sheet_row"].extend([r.row for r in records])
        cols["errors"].extend([r.errors for r in records])
        cols["warnings"].extend([r.warnings for r in records])
        cols["postoffice_account"].extend([r.postoffice_account for r in records])
        fields = ready.take(report) if ready is not None else frame_fields(report)
        for name in ROW_FIELDS:
            cols[name].extend(fields[name])
    return pd.DataFrame({name: _frame_column(name, cols[name]) for name in FRAME_COLUMNS})


def _frame_column(name: str, values: list[Any]) -> Any:
    """One column of the frame as its typed array, built from the list at once (pandas would
    otherwise guess each column's type, then convert it again)."""
    import numpy as np
    import pandas as pd

    if name in ("sheet_row", "errors", "warnings"):
        return np.array(values, dtype=np.int64)
    if name == "muc_tro_cap":
        return pd.array(values, dtype="Int64")
    if name == "he_so":
        return np.array(values, dtype=np.float64)
    return _string_array(values)


def _string_array(values: list[Any]) -> Any:
    """Text (or None) as pandas' Arrow-backed ``string`` array; anything else as pandas would
    write it as text."""
    import pandas as pd
    import pyarrow as pa

    try:
        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, pa.large_string())]))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.Series(values, dtype=object).astype("string").array


def count_by_commune(frame: pd.DataFrame) -> dict[str, tuple[Counts, int, int]]:
    """Per commune code: its counts, rows with errors, rows with warnings (pandas group-by)."""
    import pandas as pd

    if frame.empty:
        return {}
    status = frame["trang_thai"]
    flags = pd.DataFrame(
        {
            "code": frame["commune_code"],
            "total": 1,
            "registered": status.isin(_REGISTERED).fillna(False).astype("int64"),
            # an account the Post Office opened counts even where the roster lags behind
            "with_account": (
                (status == _HAS_ACCOUNT)
                | (status.isin(_REGISTERED) & frame["postoffice_account"].notna())
            )
            .fillna(False)
            .astype("int64"),
            "refused": (status == _REFUSED).fillna(False).astype("int64"),
            "unknown": (status == UNKNOWN_STATUS).fillna(False).astype("int64"),
            "err": (frame["errors"] > 0).astype("int64"),
            "warn": (frame["warnings"] > 0).astype("int64"),
        }
    )
    sums = flags.groupby("code", sort=True).sum()
    out: dict[str, tuple[Counts, int, int]] = {}
    for code, row in sums.iterrows():
        counts = Counts(
            int(row["total"]),
            int(row["registered"]),
            int(row["with_account"]),
            int(row["refused"]),
            int(row["unknown"]),
        )
        out[str(code)] = (counts, int(row["err"]), int(row["warn"]))
    return out


def cross_commune_duplicates(
    parts: Sequence[tuple[Unit, FileReport]], frame: pd.DataFrame
) -> list[CrossDuplicate]:
    """The groups of the one same-ID rule (:mod:`cashless_cli.checks.same_id`) that span more
    than one commune, each with every file and cell that lists the ID.

    Within one file the same ID is also validation's ``id-duplicate``, reported per file.
    """
    import pandas as pd

    if frame.empty:
        return []
    id_col = {  # by commune and file: a merged commune has one list per old commune
        (unit.code, report.path.name): report.column_cells.get("so_dinh_danh")
        for unit, report in parts
    }
    # only an ID on two rows or more can make a group: the rule runs over those rows alone
    ids = frame["so_dinh_danh"]
    listed = frame[ids.notna() & ids.duplicated(keep=False)]
    places = listed[["commune_code", "commune", "file", "sheet_row"]].itertuples(index=False)
    keyed = zip(places, listed["so_dinh_danh"].tolist(), strict=True)
    out: list[CrossDuplicate] = []
    for pid, rows in same_id_groups((p, None if pd.isna(v) else str(v)) for p, v in keyed).items():
        if len({str(r[0]) for r in rows}) < 2:
            continue
        found = []
        for code, name, file, sheet_row in rows:
            col = id_col.get((str(code), str(file)))
            cell = a1(int(sheet_row) - 1, col) if col is not None else f"{sheet_row}"
            found.append(Place(str(code), str(name), str(file), cell))
        out.append(CrossDuplicate(pid, tuple(found)))
    return out


# ---------------------------------------------------------------------------------------------
# The month's summary
# ---------------------------------------------------------------------------------------------


def summarize_month(
    rosters: MonthRosters,
    area: Area,
    previous: dict[str, Counts | None] | None = None,
    previous_month: Month | None = None,
    due: DueRule | None = None,
    arrived: Mapping[Path, dt.date] | None = None,
    ready: FrameFields | None = None,
) -> MonthSummary:
    """The rate table of ``rosters`` (which must be matched without ambiguity).

    ``previous`` maps commune codes to last month's counts (None: not reported then); ``due``:
    when a list is due; ``arrived``: each roster file's modification date, for a roster without
    a date line of its own; ``ready``: the reports' fields already worked out for the frame.
    """
    previous = previous or {}
    due = due or DueRule()
    due_date = due.due(rosters.month)
    arrived = arrived or {}
    units = rosters.units or area.communes  # before July 2025 a province's old communes
    communes = list(walk_communes(units, rosters.reports, rosters.matching))
    readable: list[tuple[Unit, FileReport]] = []
    old_units: dict[Path, str] = {}
    for c in communes:
        if c.readable is None:
            continue
        # a commune merged from its old communes' lists: each list is a part of its own
        readable += [(c.unit, part) for _, part in c.parts] or [(c.unit, c.readable)]
        old_units.update({part.path: old for old, part in c.parts if old is not None})
    figures: list[CommuneFigures] = []
    frame = build_frame(readable, old_units, ready)
    counted = count_by_commune(frame)
    for commune in communes:
        unit, report = commune.unit, commune.report
        prev_counts = previous.get(unit.code)
        prev_rate = prev_counts.rate if prev_counts else None
        dates = [
            file_date(
                rosters.reports[p].signed_on if p in rosters.reports else None, arrived.get(p)
            )
            for p in commune.files
        ]
        when = timeliness(dates, due_date)
        if report is None:
            figures.append(CommuneFigures(unit, False, previous_rate=prev_rate, timeliness=when))
        elif report.error is not None:
            err = report.error
            figures.append(
                CommuneFigures(
                    unit,
                    False,
                    report.path,
                    unreadable=(err.code, err.message("en"), err.message("vi")),
                    previous_rate=prev_rate,
                    files=commune.files,
                    timeliness=when,
                )
            )
        else:
            counts, errs, warns = counted.get(unit.code, (Counts(), 0, 0))
            figures.append(
                CommuneFigures(
                    unit,
                    True,
                    report.path,
                    counts,
                    errs,
                    warns,
                    None,
                    prev_rate,
                    tuple(report.not_checkable),
                    commune.files,
                    when,
                )
            )
    total = sum((c.counts for c in figures if c.counts), Counts())
    order = {u.code: i for i, u in enumerate(units)}
    figures.sort(
        key=lambda c: (
            c.rate is None,
            -(c.rate if c.rate is not None else Decimal(0)),
            order[c.unit.code],
        )
    )
    return MonthSummary(
        rosters.month,
        area,
        figures,
        total,
        cross_commune_duplicates(readable, frame),
        frame,
        previous_month,
        due=due,
    )
