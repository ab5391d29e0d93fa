"""A month's rosters: every file under ``rosters/YYYY-MM/`` validated and matched to its commune.

This is what ``summarize`` and the handoff build on. Files are validated in parallel (one
process per core) because a province has hundreds of rosters; the result is in file order, so
it does not depend on scheduling.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from cashless_cli.postoffice.accounts import known_accounts
from cashless_cli.read.metadata import Month
from cashless_cli.schema.domain import Unit
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

    def report_for(self, unit: Unit) -> FileReport | None:
        path = self.matching.by_unit.get(unit.code)
        return self.reports[path] if path is not None else None


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


def collect_month(
    workspace: Workspace,
    month: Month,
    progress: Progress | None = None,
    workers: int | None = None,
) -> MonthRosters:
    """Validate every roster of ``month`` and match each to its commune.

    The month of the folder wins over what a file says (the district filed it there); a file
    that says another month is still reported by its own validation.
    """
    folder = workspace.rosters_dir(month)
    files = iter_roster_paths([folder]) if folder.is_dir() else []
    options = Options(month=month, base_levels=workspace.area.base_levels)
    reports = validate_many(files, options, progress, workers)
    known = known_accounts(workspace)  # what the Post Office reported opened (the ledger)
    for report in reports.values():
        apply_known_accounts(report, known)
    said = {p: r.commune for p, r in reports.items()}
    matching = match_files(files, said, workspace.area.communes)
    return MonthRosters(month, files, reports, matching, workspace.area.communes)
