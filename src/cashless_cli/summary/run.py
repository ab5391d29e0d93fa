"""``summarize`` end to end: validate a month's rosters, match them to communes, build the district
dataset and the rate table, and write the outputs under the workspace lock.

Outputs (``reports/YYYY-MM/``): ``bang-tong-hop-YYYY-MM.xlsx`` and ``dataset-YYYY-MM.parquet``;
the month's figures go into ``.cashless/history.csv``. Every file is written atomically. Input
rosters are only read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from cashless_cli.dataset.deadline import due_rule
from cashless_cli.dataset.figures import FrameFields, MonthSummary, summarize_month
from cashless_cli.dataset.history import (
    HISTORY_NAME,
    MonthFigures,
    changed_rosters,
    history_text,
    load_history,
    previous_figures,
    with_month,
)
from cashless_cli.dataset.month import (
    MISMATCH,
    UNREADABLE,
    MonthRosters,
    Progress,
    clashing_files,
    collect_month,
)
from cashless_cli.fs.atomic import remove_stale_temps, write_text, write_together
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.problems import Entry, Joined, Phrase, Text
from cashless_cli.replies.answers import known_accounts
from cashless_cli.schema.month import Month
from cashless_cli.summary.ratetable import rate_table_bytes
from cashless_cli.workspace.config import Workspace, WorkspaceError


@dataclass(slots=True)
class SummaryRun:
    summary: MonthSummary
    rosters: MonthRosters
    workbook: Path
    dataset: Path
    history: Path
    backfilled: list[Month] = field(default_factory=list)
    rosters_changed: list[str] = field(default_factory=list)  # roster files changed since


def table_name(month: Month) -> str:
    return f"bang-tong-hop-{month}.xlsx"


def dataset_name(month: Month) -> str:
    return f"dataset-{month}.parquet"


def generated_now() -> dt.datetime:
    """The time stamped in the table: ``SOURCE_DATE_EPOCH`` when set (reproducible builds),
    else the local clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.now().replace(microsecond=0)


def check_matching(rosters: MonthRosters, root: Path) -> None:
    """Refuse a month whose files cannot all be given to exactly one commune: never a guess."""
    m = rosters.matching
    if m.ok:
        return

    def rel(p: Path) -> str:
        try:
            return str(p.relative_to(root))
        except ValueError:
            return str(p)

    # a file that cannot be read matches no commune because its title cannot be read: say that
    unread = [(p, e) for p in m.unmatched if (e := rosters.reports[p].error) is not None]
    if unread:
        said = tuple(Entry(UNREADABLE, {"file": rel(p), "error": e}) for p, e in unread)
        joined = Joined(said, "\n  ")
        raise WorkspaceError("rosters-unreadable", n=len(unread), month=rosters.month, lines=joined)
    lines: list[Phrase] = []
    by_code = {u.code: u for u in rosters.units}
    olds = {o.name: o for o in rosters.matching.old_unit.values()}
    for code in sorted(m.conflicts):
        unit = by_code.get(code)
        for old, clash in clashing_files(m, code):  # only the lists that clash (money5)
            files = ", ".join(f'"{rel(p)}"' for p in clash)
            of = olds.get(old) if old else None
            if of is not None:  # an old commune's two lists: "xã Bình Hòa"
                name: Text | str = Text(of.name, f"{of.kind} {of.name}")
            elif unit is not None:  # phường Nghĩa Lộ
                name = Text(unit.name, f"{unit.kind} {unit.name}")
            else:
                name = code
            params = {"n": len(clash), "name": name, "files": files}
            lines.append(Phrase("matching.files-for", params))
    for path, units in m.ambiguous.items():
        which = ", ".join(u.name for u in units)
        lines.append(Phrase("matching.could-be", {"file": rel(path), "names": which}))
    for path in m.unmatched:
        lines.append(Phrase("matching.no-commune", {"file": rel(path)}))
    raise WorkspaceError("rosters-unmatched", lines=Joined(tuple(lines), "\n  "))


def month_rosters(
    workspace: Workspace,
    month: Month,
    progress: Progress | None = None,
    ready: FrameFields | None = None,
) -> MonthRosters:
    """The month's rosters, validated and matched; ``ready`` collects each report's fields for
    the frame as it arrives."""
    folder = workspace.rosters_dir(month)
    on_report = ready.add if ready is not None else None
    known = known_accounts(workspace)
    rosters = collect_month(workspace, month, progress, known=known, on_report=on_report)
    if not rosters.files:
        raise WorkspaceError("month-no-rosters", month=month, folder=folder)
    check_matching(rosters, workspace.root)
    errors = [(p, r.error) for p, r in rosters.reports.items() if r.error is not None]
    if len(errors) == len(rosters.reports):
        n = len(rosters.files)
        if any(e.code == MISMATCH for _, e in errors):  # say which file is of which month
            lines = tuple(Entry(UNREADABLE, {"file": p.name, "error": e}) for p, e in errors)
            joined = Joined(lines, "\n  ")
            raise WorkspaceError("month-none-of-month", n=n, month=month, lines=joined)
        raise WorkspaceError("month-none-readable", n=n, month=month)
    return rosters


def parquet_bytes(summary: MonthSummary) -> bytes:
    import pyarrow as pa  # heavy: imported only when a dataset is written
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(summary.frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def run_summary(
    workspace: Workspace,
    month: Month,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    backfill: bool = True,
) -> SummaryRun:
    """Validate, summarize and write the month; raises :class:`WorkspaceError` when it cannot."""
    due = due_rule(workspace.extra, workspace.root)  # a wrong [report] due_day: before any work
    ready = FrameFields()  # the frame's columns, worked out while the rosters are validated
    rosters = month_rosters(workspace, month, progress, ready)
    history_path = workspace.state_dir / HISTORY_NAME
    # Earlier months with rosters but no figures yet: compute them so that the change column
    # and the line chart have them (once; afterwards they are in the history).
    missing = []
    if backfill:
        known = load_history(history_path)
        missing = [m for m in workspace.months() if m < month and m not in known]
    earlier: list[tuple[MonthSummary, dict[str, str]]] = []
    for m in missing:
        try:
            past_rosters = month_rosters(workspace, m, progress)
            earlier.append(
                (summarize_month(past_rosters, workspace.area), roster_checksums(past_rosters))
            )
        except WorkspaceError:
            continue  # an earlier month that cannot be summarized gives no comparison
    stamp = now or generated_now()
    reports = workspace.reports_dir(month)
    with workspace_lock(workspace.state_dir):
        # what a killed run left: hidden temp files (one may be a copy of the dataset)
        remove_stale_temps(reports)
        remove_stale_temps(workspace.state_dir)
        history = load_history(history_path)
        for past, past_checksums in earlier:  # as if each had been summarized itself
            history = with_month(history, past, past_checksums)
        prev: MonthFigures | None = previous_figures(history, month)
        summary = summarize_month(
            rosters,
            workspace.area,
            prev.communes if prev else None,
            prev.month if prev else None,
            due,
            arrival_dates(rosters.files),
            ready,
        )
        checksums = roster_checksums(rosters)
        old = history.get(month)
        changed = changed_rosters(old, checksums)
        history = with_month(history, summary, checksums)
        workbook = reports / table_name(month)
        dataset = reports / dataset_name(month)
        # everything is built in memory first; the history is written last, so a run that
        # cannot write the table or the dataset leaves the history as it was
        table = rate_table_bytes(summary, history, stamp, workspace.extra)
        data = parquet_bytes(summary)
        write_together([(workbook, table, False), (dataset, data, True)])  # dataset: personal
        write_text(history_path, history_text(history), private=False)
    names = {code: path.name for code, path in rosters.matching.by_unit.items()}
    return SummaryRun(
        summary,
        rosters,
        workbook,
        dataset,
        history_path,
        [s.month for s, _ in earlier],
        [names.get(code, code) for code in changed],
    )


def arrival_dates(files: list[Path]) -> dict[Path, dt.date]:
    """Each file's modification date (local time): when it arrived, for a roster that does
    not date itself; a file whose time cannot be read has none (its date is then unknown)."""
    out = {}
    for path in files:
        try:
            out[path] = dt.datetime.fromtimestamp(path.stat().st_mtime).date()
        except (OSError, OverflowError, ValueError):
            continue
    return out


def roster_checksums(rosters: MonthRosters) -> dict[str, str]:
    """Commune code → the SHA-256 of its roster file (as read now)."""
    out = {}
    for code, path in rosters.matching.by_unit.items():
        try:
            out[code] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
    return out
