"""``cashless import-postoffice REPLY``: record the Post Office's answers to a handoff batch."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import Exit, command, preamble


@command
def import_postoffice_command(
    reply: Annotated[
        Path,
        typer.Argument(
            metavar="help.metavar.file", help="help.import-postoffice.reply", show_default=False
        ),
    ],
    workspace: options.Workspace = Path("."),
    force: Annotated[
        bool,
        typer.Option("--force", help="help.import-postoffice.force"),
    ] = False,
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
) -> None:
    """Record the Post Office's reply to a batch: accounts opened, or not and why.

    Exit code 0: recorded (or nothing to change); 1: the file has errors, nothing recorded;
    2: the file or the workspace cannot be used.
    """
    from cashless_cli.replies.reconcile import import_reply
    from cashless_cli.report.reply_terminal import render_reply
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, show_ids=show_ids)
    result = import_reply(load_workspace(workspace), reply, force=force)
    settings.show(result, lambda r: r.to_dict(settings.lang), render_reply)
    if result.errors:
        raise typer.Exit(int(Exit.PROBLEMS))
