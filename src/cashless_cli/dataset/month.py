"""A month's rosters: every file under ``rosters/YYYY-MM/`` validated and matched to its commune.

This is what ``summarize``, the handoff and the payments build on. Files are validated in
parallel (one process per core) because a province has hundreds of rosters; the result is in file
order, so it does not depend on scheduling. :func:`walk_communes` goes through the month commune
by commune: each with its readable roster, or the status that says why it has none (no roster,
several rosters, an unreadable one), once for every command.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

from cashless_cli.checks.accounts import KnownAccount
from cashless_cli.dataset import wire
from cashless_cli.dataset.sieve import set_aside
from cashless_cli.gcpause import tune_for_bulk
from cashless_cli.problems import Problem, ReadError, Text
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.validation import (
    FileReport,
    Options,
    apply_known_accounts,
    iter_roster_paths,
    validate_file,
)
from cashless_cli.workspace.config import Area, OldUnit, Workspace, WorkspaceError
from cashless_cli.workspace.matching import Matching, match_files, programme_of_file

Progress = Callable[[Path], None]

#: The statuses of a commune without a usable roster this month (catalogue codes).
MISSING = "commune-missing"
CONFLICT = "commune-conflict"
UNREADABLE = "commune-unreadable"
#: A roster of another month in the month's folder (then unreadable for this month).
MISMATCH = "roster-month-mismatch"  # the code of FileReport.other_month
#: One of several lists of one (old) commune that clash, named with the others.
CLASH = "roster-clash"


@dataclass(frozen=True, slots=True)
class CommuneRoster:
    """One commune of the month: its roster, or why there is none to use (``status``)."""

    unit: Unit
    path: Path | None = None  # the roster matched to the commune (readable or not)
    report: FileReport | None = None  # that roster's report (its ``error`` when unreadable)
    status: Problem | None = None  # commune-missing / -conflict / -unreadable; None: readable
    #: A commune after July 2025 whose old communes sent one list each: every list, with the
    #: name of the old commune it is for (``report`` is then all of them merged).
    parts: tuple[tuple[str | None, FileReport], ...] = ()
    #: every file of the month given to the commune (several: merged, or in conflict)
    files: tuple[Path, ...] = ()
    #: Only when walked ``partial`` (the payment and handoff lists): the files of a commune
    #: merged from its old communes' lists that cannot be used, each with why; the other
    #: lists are in ``report``/``parts``.
    held: tuple[tuple[Path, Problem], ...] = ()

    @property
    def readable(self) -> FileReport | None:
        """The report of a roster that could be read, else None."""
        return self.report if self.status is None else None


def walk_communes(
    units: Iterable[Unit],
    reports: Mapping[Path, FileReport],
    matching: Matching,
    partial: bool = False,
) -> Iterator[CommuneRoster]:
    """Every commune of ``units`` in order, with its roster or its status. ``partial`` (lists
    of people, never a rate): a commune merged from its old communes' lists whose lists cannot
    all be used keeps the usable ones, the others named in ``held`` (:func:`split_commune`)."""
    for unit in units:
        if partial:
            split = split_commune(unit, reports, matching)
            if split is not None:
                yield split
                continue
        merged = matching.merged.get(unit.code)
        if merged:
            yield _merged(unit, merged, reports, matching)
            continue
        path = matching.by_unit.get(unit.code)
        if path is None:
            conflict = matching.conflicts.get(unit.code)
            if conflict:
                files = ", ".join(p.name for p in conflict)
                status = Problem(CONFLICT, params={"files": files})
                yield CommuneRoster(unit, status=status, files=tuple(conflict))
            else:
                yield CommuneRoster(unit, status=Problem(MISSING))
            continue
        report = reports[path]
        if report.error is not None:
            yield CommuneRoster(unit, path, report, _unreadable(path, report), files=(path,))
        else:
            old = matching.old_unit.get(path)
            parts = ((old.name, report),) if old else ()
            yield CommuneRoster(unit, path, report, parts=parts, files=(path,))


def _unreadable(path: Path, report: FileReport) -> Problem:
    assert report.error is not None
    error = Text(report.error.message("en"), report.error.message("vi"))
    params = {"file": path.name, "error": error, "error_code": report.error.code}
    return Problem(UNREADABLE, params=params)


def _merged(
    unit: Unit, paths: list[Path], reports: Mapping[Path, FileReport], matching: Matching
) -> CommuneRoster:
    """One new commune from its old communes' lists: every row of every list, or the first list
    that cannot be read (then none is used: never half a commune)."""
    for path in paths:
        if reports[path].error is not None:
            problem = _unreadable(path, reports[path])
            return CommuneRoster(unit, path, reports[path], problem, files=tuple(paths))
    first = reports[paths[0]]
    report = FileReport(
        first.path,
        first.kind,
        first.sheet,
        first.header_row,
        first.header_depth,
        first.commune,
        first.month,
        dict(first.columns),
        dict(first.column_cells),
        [r for p in paths for r in reports[p].records],
        [q for p in paths for q in reports[p].problems],
        {
            k: sum(reports[p].skipped.get(k, 0) for p in paths)
            for p in paths
            for k in reports[p].skipped
        },
    )
    olds = {p: matching.old_unit.get(p) for p in paths}
    parts = tuple((old.name if old else None, reports[p]) for p, old in olds.items())
    return CommuneRoster(unit, paths[0], report, parts=parts, files=tuple(paths))


def clashing_files(matching: Matching, code: str) -> list[tuple[str | None, list[Path]]]:
    """The files of a commune in conflict that clash: for a commune of old communes' lists,
    each old commune (its name) with two lists or more; else the commune's files."""
    paths = matching.conflicts.get(code, [])
    if not all(p in matching.old_unit for p in paths):
        return [(None, paths)] if paths else []
    groups = _by_old_commune(paths, matching)
    return [(matching.old_unit[g[0]].name, g) for g in groups.values() if len(g) > 1] or [
        (None, paths)
    ]


def _by_old_commune(paths: list[Path], matching: Matching) -> dict[str, list[Path]]:
    """Old commune's code → its files among ``paths`` (each of which names an old commune)."""
    groups: dict[str, list[Path]] = {}
    for path in paths:
        groups.setdefault(matching.old_unit[path].code, []).append(path)
    return groups


def split_commune(
    unit: Unit, reports: Mapping[Path, FileReport], matching: Matching
) -> CommuneRoster | None:
    """A commune of several old communes' lists, not all usable: the lists of the old communes
    that sent one readable list each, and every other file with why (unreadable, another
    month, or one of the files of one old commune that clash). None when every list is usable
    or the files are not old communes' lists (then the commune is whole or not used at all: a
    list of the whole new commune beside an old commune's could pay a person twice)."""
    paths = matching.merged.get(unit.code) or matching.conflicts.get(unit.code)
    if not paths or not all(p in matching.old_unit for p in paths):
        return None
    groups = _by_old_commune(paths, matching)
    clash = unit.code in matching.conflicts
    held: list[tuple[Path, Problem]] = []
    usable: list[Path] = []
    for group in groups.values():
        for path in group:
            if clash and len(group) > 1:
                others = ", ".join(p.name for p in group if p != path)
                old = matching.old_unit[path]
                where = f"{old.kind} {old.name}"
                held.append(
                    (
                        path,
                        Problem(CLASH, params={"file": path.name, "unit": where, "others": others}),
                    )
                )
            elif reports[path].error is not None:
                held.append((path, _unreadable(path, reports[path])))
            else:
                usable.append(path)
    if not held:
        return None
    if not usable:
        status = Problem(CONFLICT, params={"files": ", ".join(p.name for p in paths)})
        first = held[0][1] if not clash else status
        return CommuneRoster(unit, paths[0], reports[paths[0]], first, held=tuple(held))
    whole = _merged(unit, usable, reports, matching)
    return replace(whole, held=tuple(held))


@dataclass(slots=True)
class MonthRosters:
    month: Month
    files: list[Path]
    reports: dict[Path, FileReport]
    matching: Matching
    units: tuple[Unit, ...] = field(default_factory=tuple)

    def require_files(self, folder: Path) -> None:
        """Refuse a month folder with no roster in it (nothing to summarise or hand over)."""
        if not self.files:
            raise WorkspaceError("workspace-no-rosters", folder=folder)


def _start_worker(parent: int) -> None:
    """A worker's entry point: its collector set for bulk work (the worker is a process of ours,
    see :mod:`cashless_cli.gcpause`), and an exit when the command that started it is gone
    (killed with SIGKILL, its workers would otherwise wait for work forever, holding memory),
    and its reports sent back in a compact form (:mod:`cashless_cli.dataset.wire`)."""
    tune_for_bulk()
    wire.install()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="cashless-parent-watch").start()


def _validate_one(args: tuple[Path, Options]) -> FileReport:
    return validate_file(*args)


def validate_many(
    paths: list[Path],
    options: Options,
    progress: Progress | None = None,
    workers: int | None = None,
    on_report: Callable[[FileReport], None] | None = None,
) -> dict[Path, FileReport]:
    """Validate ``paths`` using every core; the result is keyed and ordered by path.
    ``on_report``: called with each report as it arrives, while the workers go on."""
    workers = workers if workers is not None else min(os.cpu_count() or 1, len(paths))
    out: dict[Path, FileReport] = {}
    if workers <= 1 or len(paths) < 4:
        for path in paths:
            out[path] = validate_file(path, options)
            if on_report:
                on_report(out[path])
            if progress:
                progress(path)
        return out
    # "spawn": workers start clean, holding none of the parent's files or locks, and die with
    # their pipe if the parent is killed (as on Windows, where it is the only way)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    try:
        for path, report in zip(
            paths, pool.map(_validate_one, [(p, options) for p in paths], chunksize=4), strict=True
        ):
            out[path] = report
            if on_report:
                on_report(report)
            if progress:
                progress(path)
    except BaseException:
        pool.shutdown(wait=True)  # as a `with` block would: the running files finish first
        raise
    # every report is in: the workers end (freeing what they hold, ~0.15 s) while the caller
    # goes on; the interpreter waits for them at exit
    pool.shutdown(wait=False)
    return out


def accounts_as_of(known: Mapping[str, KnownAccount], month: Month) -> dict[str, KnownAccount]:
    """The accounts opened by the end of ``month``: a reply recorded later counts an account
    only from the month it was opened, so a published month does not change by itself."""
    return {
        ident: account
        for ident, account in known.items()
        if account.opened_on is None
        or Month(account.opened_on.year, account.opened_on.month) <= month
    }


def collect_month(
    workspace: Workspace,
    month: Month,
    progress: Progress | None = None,
    workers: int | None = None,
    known: Mapping[str, KnownAccount] | None = None,
    on_report: Callable[[FileReport], None] | None = None,
) -> MonthRosters:
    """Validate every roster of ``month`` and match each to its commune.

    A file that says another month than the folder's is refused for this month
    (:func:`refuse_other_month`): its commune is named as having no usable roster. ``known``:
    the accounts the Post Office reported opened (the ledger's, from the caller), checked
    against every roster; ``on_report``: see :func:`validate_many`.
    """
    folder = workspace.rosters_dir(month)
    files = iter_roster_paths([folder]) if folder.is_dir() else []
    options = Options(
        month=month, base_levels=workspace.area.base_levels, mapping=workspace.mapping
    )
    arrived: dict[Path, str] = {}  # each readable roster's programme, on arrival

    def arrive(report: FileReport) -> None:
        if report.error is None:
            arrived[report.path] = _programme(report)
        if on_report is not None:
            on_report(report)

    reports = validate_many(files, options, progress, workers, arrive)
    as_of = accounts_as_of(known or {}, month)
    for report in reports.values():
        refuse_other_month(report)
        apply_known_accounts(report, as_of)
    said = {p: r.commune for p, r in reports.items()}
    units, olds = units_of_month(workspace.area, month)
    found = programmes(reports, arrived)
    matching = set_aside(files, reports, lambda kept: match_files(kept, said, units, olds, found))
    return MonthRosters(month, files, reports, matching, units)


def programmes(
    reports: Mapping[Path, FileReport], known: Mapping[Path, str] | None = None
) -> dict[Path, str]:
    """Each readable roster's programme (:func:`programme_of_file`): a commune's social-pension
    list sent apart from its monthly-allowance list is one report with it. ``known``: the
    programmes already worked out (as the reports arrived)."""
    known = known or {}
    return {
        path: known[path] if path in known else _programme(report)
        for path, report in reports.items()
        if report.error is None
    }


def _programme(report: FileReport) -> str:
    return programme_of_file(report.field_values(("dien",))["dien"])


def refuse_other_month(report: FileReport) -> None:
    """A roster that says another month than its folder's is not this month's: it is made
    unreadable for the month (its finding as the error), so no command counts, hands over or
    pays its rows as this month's, and each names it as it names any unusable roster."""
    found = report.other_month
    if report.error is None and found is not None:
        report.error = ReadError(found.code, str(report.path), **found.params)
        report.problems.append(found)


#: The month the two-level local government began (communes merged, districts gone).
MERGER = Month(2025, 7)


def units_of_month(area: Area, month: Month) -> tuple[tuple[Unit, ...], tuple[OldUnit, ...]]:
    """The units a month is reported by: before the merger, a province's old communes (as they
    were); from July 2025, its new communes, with the old ones to match rosters by."""
    if month < MERGER and area.old_units and area.level == "province":
        return tuple(Unit(o.code, o.name, o.kind) for o in area.old_units), ()
    return area.communes, area.old_units
