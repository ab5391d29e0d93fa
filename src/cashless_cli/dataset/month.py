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
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from cashless_cli.checks.accounts import KnownAccount
from cashless_cli.problems import Problem, Text
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.validation import (
    FileReport,
    Options,
    apply_known_accounts,
    iter_roster_paths,
    validate_file,
)
from cashless_cli.workspace.config import Workspace, WorkspaceError
from cashless_cli.workspace.matching import Matching, match_files

Progress = Callable[[Path], None]

#: The statuses of a commune without a usable roster this month (catalogue codes).
MISSING = "commune-missing"
CONFLICT = "commune-conflict"
UNREADABLE = "commune-unreadable"


@dataclass(frozen=True, slots=True)
class CommuneRoster:
    """One commune of the month: its roster, or why there is none to use (``status``)."""

    unit: Unit
    path: Path | None = None  # the roster matched to the commune (readable or not)
    report: FileReport | None = None  # that roster's report (its ``error`` when unreadable)
    status: Problem | None = None  # commune-missing / -conflict / -unreadable; None: readable

    @property
    def readable(self) -> FileReport | None:
        """The report of a roster that could be read, else None."""
        return self.report if self.status is None else None


def walk_communes(
    units: Iterable[Unit], reports: Mapping[Path, FileReport], matching: Matching
) -> Iterator[CommuneRoster]:
    """Every commune of ``units`` in order, with its roster or its status."""
    for unit in units:
        path = matching.by_unit.get(unit.code)
        if path is None:
            conflict = matching.conflicts.get(unit.code)
            if conflict:
                files = ", ".join(p.name for p in conflict)
                yield CommuneRoster(unit, status=Problem(CONFLICT, params={"files": files}))
            else:
                yield CommuneRoster(unit, status=Problem(MISSING))
            continue
        report = reports[path]
        if report.error is not None:
            error = Text(report.error.message("en"), report.error.message("vi"))
            params = {"file": path.name, "error": error, "error_code": report.error.code}
            yield CommuneRoster(unit, path, report, Problem(UNREADABLE, params=params))
        else:
            yield CommuneRoster(unit, path, report)


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


def _die_with_parent(parent: int) -> None:
    """In a worker: exit when the command that started it is gone (killed with SIGKILL, its
    workers would otherwise wait for work forever, holding their memory)."""

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
) -> dict[Path, FileReport]:
    """Validate ``paths`` using every core; the result is keyed and ordered by path."""
    workers = workers if workers is not None else min(os.cpu_count() or 1, len(paths))
    out: dict[Path, FileReport] = {}
    if workers <= 1 or len(paths) < 4:
        for path in paths:
            out[path] = validate_file(path, options)
            if progress:
                progress(path)
        return out
    # "spawn": workers start clean, holding none of the parent's files or locks, and die with
    # their pipe if the parent is killed (as on Windows, where it is the only way)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        for path, report in zip(
            paths, pool.map(_validate_one, [(p, options) for p in paths], chunksize=4), strict=True
        ):
            out[path] = report
            if progress:
                progress(path)
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
) -> MonthRosters:
    """Validate every roster of ``month`` and match each to its commune.

    The month of the folder wins over what a file says (the district filed it there); a file
    that says another month is still reported by its own validation. ``known``: the accounts the
    Post Office reported opened (the ledger's, from the caller), checked against every roster.
    """
    folder = workspace.rosters_dir(month)
    files = iter_roster_paths([folder]) if folder.is_dir() else []
    options = Options(
        month=month, base_levels=workspace.area.base_levels, mapping=workspace.mapping
    )
    reports = validate_many(files, options, progress, workers)
    as_of = accounts_as_of(known or {}, month)
    for report in reports.values():
        apply_known_accounts(report, as_of)
    said = {p: r.commune for p, r in reports.items()}
    matching = match_files(files, said, workspace.area.communes)
    return MonthRosters(month, files, reports, matching, workspace.area.communes)
