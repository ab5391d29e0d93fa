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
from typing import TYPE_CHECKING, Annotated

import typer

from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    MapOption,
    WorkspaceOption,
    check_format,
    err_console,
    fail,
    lang_of,
    month_option,
    out_console,
    print_json,
    with_mapping,
)

if TYPE_CHECKING:
    from cashless_cli.dataset.month import Progress as ProgressFn
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


def summarize(
    month: Annotated[
        str | None,
        typer.Option(
            help="Report month, YYYY-MM or MM/YYYY. Default: the latest month under rosters/."
        ),
    ] = None,
    workspace: WorkspaceOption = Path("."),
    output_format: FormatOption = "text",
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full ID numbers on the terminal.")
    ] = False,
    lang: LangOption = None,
    mapping: MapOption = None,
) -> None:
    """Build the district's monthly rate table from every commune's roster.

    Writes reports/YYYY-MM/bang-tong-hop-YYYY-MM.xlsx and dataset-YYYY-MM.parquet, and the
    month's figures into .cashless/history.csv. Exit code 0: the table was written (rosters with
    errors or unreadable ones are marked in it); 2: nothing written (unusable workspace, a file
    that fits no commune or two files for one, no rosters for the month).
    """
    from cashless_cli.summary.run import run_summary
    from cashless_cli.workspace.config import WorkspaceError, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    try:
        ws = load_workspace(workspace)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    ws = with_mapping(ws, mapping, language)
    try:
        wanted = ws.resolve_month(month_option(month, language))
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    problem: WorkspaceError | None = None
    with _progress(ws, sys.stderr.isatty()) as progress:
        try:
            run = run_summary(ws, wanted, progress)
        except WorkspaceError as exc:
            problem = exc
    if problem is not None:
        fail(problem.message(language), language)
    if fmt == "json":
        from cashless_cli.summary.json_document import summary_document

        doc = summary_document(
            run.summary,
            {"workbook": run.workbook, "dataset": run.dataset, "history": run.history},
        )
        doc["rosters_changed"] = run.rosters_changed  # added key: rosters changed since
        print_json(doc)
    else:
        from cashless_cli.report.terminal_summary import render_summary

        render_summary(
            out_console(),
            run.summary,
            (run.workbook, run.dataset, run.history),
            run.backfilled,
            language,
            show_ids,
        )
    if run.rosters_changed:
        from cashless_cli.problems import CATALOGUE

        entry = CATALOGUE["month-rosters-changed"]
        params = {
            "month": run.summary.month,
            "history": run.history,
            "files": ", ".join(run.rosters_changed),
        }
        err_console().print(
            f"{entry.message(language, params)} {entry.hint(language, params)}",
            markup=False,
            highlight=False,
        )
    if any(r.error is not None for r in run.rosters.reports.values()):
        raise typer.Exit(int(Exit.PROBLEMS))  # the table is written; a roster needs attention
    raise typer.Exit(int(Exit.OK))
