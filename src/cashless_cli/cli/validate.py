"""``cashless validate``: check rosters and report every problem at its cell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    check_format,
    fail,
    lang_of,
    out_console,
    print_json,
)
from cashless_cli.problems import Severity
from cashless_cli.read.metadata import Month
from cashless_cli.report.json_report import validate_document
from cashless_cli.report.terminal import render_all
from cashless_cli.validation import Options, iter_roster_paths, validate_file


def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Roster files or folders of rosters.", show_default=False)
    ],
    commune: Annotated[
        str | None, typer.Option(help="Commune the rosters are for (overrides the file).")
    ] = None,
    month: Annotated[
        str | None, typer.Option(help="Report month, YYYY-MM (overrides the file).")
    ] = None,
    output_format: FormatOption = "text",
    max_issues: Annotated[
        int, typer.Option(help="Problems shown on the terminal (all are counted).", min=0)
    ] = 50,
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full ID, phone and account numbers.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Check commune rosters and report every problem at its cell.

    Exit code 0: no errors (warnings allowed); 1: errors found; 2: a file could not be read.
    """
    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted: Month | None = None
    if month is not None:
        try:
            wanted = Month.parse(month)
        except ValueError as exc:
            fail(str(exc), language)
    files = iter_roster_paths(paths)
    if not files:
        fail(
            "Không có tệp danh sách nào (.xlsx, .xlsm, .xls, .ods) trong đường dẫn đã cho."
            if language == "vi"
            else "No roster files (.xlsx, .xlsm, .xls, .ods) in the given paths.",
            language,
        )
    options = Options(commune=commune, month=wanted)
    reports = [validate_file(path, options) for path in files]
    if fmt == "json":
        print_json(validate_document(reports, language))
    else:
        render_all(out_console(), reports, language, max_issues, show_ids)
    if any(r.error is not None for r in reports):
        raise typer.Exit(int(Exit.UNUSABLE))
    if any(r.count(Severity.ERROR) for r in reports):
        raise typer.Exit(int(Exit.PROBLEMS))
