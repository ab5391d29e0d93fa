"""``cashless summarize``: the district's monthly rate table from every commune's roster.

Exit codes: 0 the table was written (also when rosters have errors: the table says how many);
1 the table was written, but a commune's roster could not be read (the table marks it, with the
reason); 2 the workspace cannot be used, a file cannot be given to exactly one commune, or there
are no (readable) rosters for the month; nothing is written then.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import Exit, command, err_console, preamble, with_mapping

if TYPE_CHECKING:
    from rich.console import Console

    from cashless_cli.dataset.month import Progress as ProgressFn
    from cashless_cli.i18n import Lang
    from cashless_cli.workspace.config import Workspace


@contextmanager
def _progress(workspace: Workspace, enabled: bool) -> Iterator[ProgressFn | None]:
    """A progress bar per month folder on stderr, only when stderr is a terminal."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    from cashless_cli.validation import iter_roster_paths

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console(),
        transient=True,
    )
    tasks: dict[Path, TaskID] = {}

    def advance(path: Path) -> None:
        folder = path.parent
        if folder not in tasks:
            total = len(iter_roster_paths([folder]))
            tasks[folder] = bar.add_task(f"rosters/{folder.name}", total=total)
        bar.advance(tasks[folder])

    with bar:
        yield advance
    del workspace


@command
def summarize(
    month: options.LatestMonth = None,
    workspace: options.Workspace = Path("."),
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
    mapping: options.Map = None,
) -> None:
    """Build the district's monthly rate table from every commune's roster.

    Writes reports/YYYY-MM/bang-tong-hop-YYYY-MM.xlsx and dataset-YYYY-MM.parquet, and the
    month's figures into .cashless/history.csv. Exit code 0: the table was written (rosters with
    errors or unreadable ones are marked in it); 2: nothing written (unusable workspace, a file
    that fits no commune or two files for one, no rosters for the month).
    """
    from cashless_cli.dataset.sieve import set_aside_files
    from cashless_cli.report.terminal_summary import render_summary
    from cashless_cli.summary.json_document import summary_document
    from cashless_cli.summary.run import SummaryRun, run_summary
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    ws = with_mapping(load_workspace(workspace), mapping, settings.lang)
    wanted = ws.resolve_month(settings.month)
    with _progress(ws, sys.stderr.isatty()) as progress:
        run = run_summary(ws, wanted, progress)

    def document(run: SummaryRun) -> dict[str, Any]:
        files = {"workbook": run.workbook, "dataset": run.dataset, "history": run.history}
        doc = summary_document(run.summary, files)
        doc["rosters_changed"] = run.rosters_changed  # added key: rosters changed since
        doc["set_aside_files"] = [  # added key: copies, rosters of another month (money5)
            {"file": q.params["file"], "code": q.code, "problem": q.message("en")}
            for q in set_aside_files(run.rosters.reports, run.rosters.matching)
        ]
        return doc

    def render(console: Console, run: SummaryRun, lang: Lang, show_ids: bool) -> None:
        written = (run.workbook, run.dataset, run.history)
        render_summary(console, run.summary, written, run.backfilled, lang, show_ids)

    settings.show(run, document, render)
    if run.rosters_changed:
        from cashless_cli.problems import CATALOGUE

        entry = CATALOGUE["month-rosters-changed"]
        params = {
            "month": run.summary.month,
            "history": run.history,
            "files": ", ".join(run.rosters_changed),
        }
        err_console().print(
            f"{entry.message(settings.lang, params)} {entry.hint(settings.lang, params)}",
            markup=False,
            highlight=False,
        )
    for found in set_aside_files(run.rosters.reports, run.rosters.matching):
        said = f"{found.message(settings.lang)} {found.hint(settings.lang)}"
        err_console().print(said, markup=False, highlight=False)  # never left out in silence
    if any(r.error is not None for r in run.rosters.reports.values()):
        raise typer.Exit(int(Exit.PROBLEMS))  # the table is written; a roster needs attention
    raise typer.Exit(int(Exit.OK))
