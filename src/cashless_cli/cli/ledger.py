"""``cashless ledger``: the batches handed to the Post Office, with their counts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from cashless_cli.cli import options
from cashless_cli.cli.common import command, preamble


@command
def ledger_command(
    workspace: options.Workspace = Path("."),
    month: Annotated[str | None, options.month("help.ledger.month")] = None,
    output_format: options.Format = "text",
    lang: options.Lang = None,
) -> None:
    """List the batches handed to the Post Office and their counts."""
    from cashless_cli.ledger.listing import list_batches
    from cashless_cli.report.ledger_terminal import render_ledger
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month)
    settings.show(
        list_batches(load_workspace(workspace), settings.month), lambda doc: doc, render_ledger
    )
