"""The workspace side of duplicates: this month's rows, the previous months' rows, the decisions.

Previous months (the :data:`LOOKBACK` months before, since payment stops after three months in a
row not collected) are read from their dataset (``reports/YYYY-MM/dataset-YYYY-MM.parquet``,
written by ``summarize``) when it is newer than every roster of that month, and otherwise from
the rosters themselves (validated again): a stale or missing dataset never hides a row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cashless_cli.dataset.month import MonthRosters, collect_month
from cashless_cli.duplicates.holds import MonthHolds, month_holds
from cashless_cli.duplicates.match import Candidate, find_candidates
from cashless_cli.duplicates.people import Person, RowRef, people_of_month, person_from_fields
from cashless_cli.ledger.store import LEDGER_NAME, DuplicateDecision, Ledger, LedgerError
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Workspace, WorkspaceError

__all__ = ["LOOKBACK", "MonthDuplicates", "decisions_of", "month_duplicates", "previous_people"]

LOOKBACK = 3


@dataclass(slots=True)
class MonthDuplicates:
    month: Month
    people: int  # rows of this month compared
    previous: dict[str, str]  # earlier month → where its rows came from ("dataset"/"rosters")
    candidates: list[Candidate]
    holds: MonthHolds


def decisions_of(workspace: Workspace) -> dict[str, DuplicateDecision]:
    """The decisions recorded in the workspace's ledger (none without a ledger)."""
    path = workspace.state_dir / LEDGER_NAME
    if not path.is_file():
        return {}
    try:
        with Ledger.open(path) as ledger:
            return ledger.duplicate_decisions()
    except LedgerError as exc:
        raise WorkspaceError("ledger-unreadable", error=exc) from exc


def _dataset_is_fresh(dataset: Path, rosters: Path) -> bool:
    if not dataset.is_file():
        return False
    newest = max((p.stat().st_mtime for p in rosters.iterdir()), default=0.0)
    newest = max(newest, rosters.stat().st_mtime)
    return dataset.stat().st_mtime >= newest


def _from_dataset(month: Month, dataset: Path) -> list[Person] | None:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(dataset)
    except Exception:  # a damaged dataset: read the rosters instead
        return None
    cols = table.to_pydict()
    needed = ("commune_code", "commune", "file", "sheet_row")
    if any(c not in cols for c in needed):
        return None
    out = []
    for i in range(table.num_rows):
        row = {k: v[i] for k, v in cols.items()}
        ref = RowRef(str(month), str(row["commune_code"]), str(row["file"]), int(row["sheet_row"]))
        out.append(person_from_fields(ref, str(row["commune"]), row))
    return out


def previous_people(
    workspace: Workspace, month: Month, lookback: int = LOOKBACK, workers: int | None = None
) -> tuple[list[Person], dict[str, str]]:
    """Rows of the ``lookback`` months before ``month`` that have rosters, and the source used."""
    earlier = [m for m in workspace.months() if m < month]
    people: list[Person] = []
    sources: dict[str, str] = {}
    for m in earlier[-lookback:]:
        folder = workspace.rosters_dir(m)
        dataset = workspace.reports_dir(m) / f"dataset-{m}.parquet"
        rows = _from_dataset(m, dataset) if _dataset_is_fresh(dataset, folder) else None
        if rows is not None:
            sources[str(m)] = "dataset"
        else:
            rosters = collect_month(workspace, m, workers=workers)
            rows = people_of_month(
                str(m), rosters.units or workspace.area.communes, rosters.reports, rosters.matching
            )
            sources[str(m)] = "rosters"
        people.extend(rows)
    return people, sources


def month_duplicates(
    workspace: Workspace,
    rosters: MonthRosters,
    *,
    decisions: Mapping[str, DuplicateDecision] | None = None,
    with_previous: bool = True,
    workers: int | None = None,
) -> MonthDuplicates:
    """Candidates of ``rosters``' month (against the previous months too), and what the month's
    lists do with them given the recorded decisions."""
    month = rosters.month
    current = people_of_month(
        str(month), rosters.units or workspace.area.communes, rosters.reports, rosters.matching
    )
    previous: list[Person] = []
    sources: dict[str, str] = {}
    if with_previous:
        previous, sources = previous_people(workspace, month, workers=workers)
    candidates = find_candidates(current, previous)
    decided = decisions_of(workspace) if decisions is None else decisions
    return MonthDuplicates(
        month, len(current), sources, candidates, month_holds(candidates, decided)
    )


def month_report(
    workspace: Workspace, month: Month | None, review: Path | None
) -> tuple[MonthDuplicates, Path | None]:
    """The month's duplicates (default: the latest month), and the review workbook written to
    ``review`` when given (atomically, owner-only)."""
    import datetime as dt

    from cashless_cli.duplicates.workbook import ReviewInfo, build_review_workbook
    from cashless_cli.errors import OutputError
    from cashless_cli.fs.atomic import write_bytes
    from cashless_cli.write.layout import workbook_bytes

    wanted = workspace.resolve_month(month)
    rosters = collect_month(workspace, wanted)
    rosters.require_files(workspace.rosters_dir(wanted))
    found = month_duplicates(workspace, rosters)
    if review is None:
        return found, None
    created = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    info = ReviewInfo(str(wanted), workspace.area.name, created)
    data = workbook_bytes(build_review_workbook(info, found.holds.open))
    try:
        write_bytes(review, data, private=True)
    except OSError as exc:
        raise OutputError.from_os_error(review, exc) from exc
    return found, review
