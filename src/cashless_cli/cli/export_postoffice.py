"""``cashless export-postoffice``: hand the month's new registrations to the Post Office."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import Exit, command, preamble, with_mapping
from cashless_cli.cli.password import resolve_password


@command
def export_postoffice_command(
    month: options.LatestMonth = None,
    workspace: options.Workspace = Path("."),
    password: Annotated[
        str | None,
        options.password("CASHLESS_HANDOFF_PASSWORD"),
    ] = None,
    resend: Annotated[
        str | None,
        typer.Option(
            "--resend", metavar="help.metavar.batch", help="help.export-postoffice.resend"
        ),
    ] = None,
    password_prompt: options.PasswordPrompt = False,
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
    mapping: options.Map = None,
) -> None:
    """Hand the month's registrations (Đã đăng ký) to the Post Office, never twice.

    Exit code 0: done (even with rows held back, or nothing new); 1: done, but a commune's
    roster could not be read (its people wait; the summary says why); 2: unusable workspace or
    bad options.
    """
    from cashless_cli.handoff.export import ExportResult, export_postoffice
    from cashless_cli.report.handoff_terminal import render_handoff
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    password = resolve_password(
        password, "CASHLESS_HANDOFF_PASSWORD", password_prompt, settings.lang
    )
    result = export_postoffice(
        with_mapping(load_workspace(workspace), mapping, settings.lang),
        settings.month,
        password=password,
        resend=resend,
    )
    settings.show(result, ExportResult.to_dict, render_handoff)
    if any(c.unreadable for c in result.selection.communes):
        raise typer.Exit(int(Exit.PROBLEMS))
