"""``cashless export-postoffice``: hand the month's new registrations to the Post Office.

Exit code 0: done (even with rows held back, or nothing new); 1: done, but a commune's roster
could not be read (its people wait; the summary says why); 2: unusable workspace or bad options.
"""

from __future__ import annotations

from typing import Annotated

import typer

from cashless_cli.cli.common import Exit, command
from cashless_cli.cli.exports import ExportStart, export_command


@command
@export_command("CASHLESS_HANDOFF_PASSWORD")
def export_postoffice_command(
    start: ExportStart,
    resend: Annotated[
        str | None,
        typer.Option(
            "--resend", metavar="help.metavar.batch", help="help.export-postoffice.resend"
        ),
    ] = None,
) -> None:
    """Hand the month's registrations to the Post Office, never twice."""
    from cashless_cli.handoff.export import ExportResult, export_postoffice
    from cashless_cli.report.handoff_terminal import render_handoff

    result = export_postoffice(
        start.workspace, start.settings.month, password=start.password, resend=resend
    )
    start.settings.show(result, ExportResult.to_dict, render_handoff)
    if any(c.unreadable for c in result.selection.communes) or result.selection.held_files:
        raise typer.Exit(int(Exit.PROBLEMS))
