"""``cashless import-payments RESULT``: record the paying unit's result of a payment list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import Exit, command, preamble


@command
def import_payments_command(
    result_file: Annotated[
        Path,
        typer.Argument(
            metavar="help.metavar.file", help="help.import-payments.result", show_default=False
        ),
    ],
    workspace: options.Workspace = Path("."),
    force: Annotated[
        bool,
        typer.Option("--force", help="help.import-payments.force"),
    ] = False,
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
) -> None:
    """Record who was paid, how much, and who was not (and why), from the payment list's
    references. Unpaid amounts are carried over to the next export-payments.

    Exit code 0: recorded (or nothing to change); 1: the file has errors, nothing recorded;
    2: the file or the workspace cannot be used.
    """
    from cashless_cli.payments.results import import_payments
    from cashless_cli.report.payresult_terminal import render_payments_import
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, show_ids=show_ids)
    result = import_payments(load_workspace(workspace), result_file, force=force)
    settings.show(result, lambda r: r.to_dict(settings.lang), render_payments_import)
    if result.errors:
        raise typer.Exit(int(Exit.PROBLEMS))
