"""``cashless columns``: show what the reader understood of a roster's columns."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    MapOption,
    check_format,
    fail,
    lang_of,
    map_option,
    out_console,
    print_json,
    with_mapping,
)


def columns(
    path: Annotated[
        Path,
        typer.Argument(metavar="help.metavar.file", help="help.columns.path", show_default=False),
    ],
    sheet: Annotated[
        str | None,
        typer.Option(metavar="help.metavar.name", help="help.columns.sheet"),
    ] = None,
    mapping: MapOption = None,
    commune: Annotated[
        str | None,
        typer.Option(metavar="help.metavar.name", help="help.columns.commune"),
    ] = None,
    workspace: options.OptionalWorkspace = None,
    output_format: FormatOption = "text",
    lang: LangOption = None,
) -> None:
    """Show what the reader understood: the sheet, the header rows, each column's meaning and
    why, what was not recognised, and the --map line that fixes a column.

    Exit code 0: read; 1: no row looks like the roster's header (the likeliest one is shown, to
    be mapped); 2: the file, the sheet or the mapping cannot be used.
    """
    from cashless_cli.read.columns import describe_columns
    from cashless_cli.read.mapping import ColumnMapping
    from cashless_cli.workspace.config import WorkspaceError, find_config, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    given = map_option(mapping, language, strict=True)  # one file: a header it lacks is a typo
    column_map = given
    root = workspace if workspace is not None else Path(".")
    if workspace is not None or find_config(root) is not None:
        try:
            ws = with_mapping(load_workspace(root), None, language)
        except WorkspaceError as exc:
            fail(exc.message(language), language)
        column_map = ws.mapping.merged(given) if given else ws.mapping
    from cashless_cli.problems import ReadError

    try:
        view = describe_columns(path, sheet, column_map or ColumnMapping(), commune)
    except ReadError as exc:
        hint = exc.hint(language)
        fail(f"{path}: {exc.message(language)}", language, hint or None)
    if fmt == "json":
        from cashless_cli.report.columns import columns_document

        print_json(columns_document(view, language))
    else:
        from cashless_cli.report.columns import render_columns

        render_columns(out_console(), view, language)
    raise typer.Exit(int(Exit.OK if view.header_found else Exit.PROBLEMS))
