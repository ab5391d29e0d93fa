"""``cashless validate``: check rosters and report every problem at its cell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import (
    command,
    err_console,
    map_option,
    out_console,
    preamble,
    print_json,
)


@command
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="help.metavar.path", help="help.validate.paths", show_default=False),
    ],
    commune: Annotated[
        str | None, typer.Option(metavar="help.metavar.name", help="help.validate.commune")
    ] = None,
    month: Annotated[str | None, options.month("help.validate.month")] = None,
    output_format: options.Format = "text",
    max_issues: Annotated[
        int,
        typer.Option(metavar="N", help="help.validate.max-issues", min=0),
    ] = 50,
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
    mapping: options.Map = None,
    annotate: Annotated[
        Path | None,
        options.path(
            "--annotate",
            metavar="OUT.xlsx",
            help="help.validate.annotate",
        ),
    ] = None,
    workspace: options.OptionalWorkspace = None,
    notes: Annotated[bool, typer.Option("--notes", help="help.validate.notes")] = False,
    annotate_dir: Annotated[
        Path | None,
        options.path(
            "--annotate-dir",
            metavar="DIR",
            help="help.validate.annotate-dir",
        ),
    ] = None,
) -> None:
    """Check commune rosters and report every problem at its cell.

    Exit code 0: no errors (warnings allowed); 1: errors found; 2: a file could not be read.
    """
    from cashless_cli.validate_run import ValidateRequest, validate_paths

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    run = validate_paths(
        ValidateRequest(
            paths,
            commune=commune,
            month=settings.month,
            workspace=workspace,
            annotate=annotate,
            annotate_dir=annotate_dir,
            lang=settings.lang,
            mapping=map_option(mapping, settings.lang),
        )
    )
    if settings.json:
        from cashless_cli.report.json_report import validate_document

        print_json(validate_document(run.reports, settings.lang))
    else:
        from cashless_cli.report.terminal import render_all

        render_all(out_console(), run.reports, settings.lang, max_issues, show_ids, notes)
    if run.annotated or run.annotate_folder_error is not None:
        from cashless_cli.report.annotate_terminal import render_annotated

        console = err_console() if settings.json else out_console()
        render_annotated(console, run.annotated, settings.lang)
    if run.annotate_folder_error is not None:
        raise run.annotate_folder_error
    raise typer.Exit(run.exit_code)
