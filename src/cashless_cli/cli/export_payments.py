"""``cashless export-payments``: the month's list of payments through accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import command, preamble, with_mapping
from cashless_cli.cli.password import resolve_password


@command
def export_payments_command(
    month: options.LatestMonth = None,
    workspace: options.Workspace = Path("."),
    password: Annotated[
        str | None,
        options.password("CASHLESS_PAYMENTS_PASSWORD"),
    ] = None,
    password_prompt: options.PasswordPrompt = False,
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
    mapping: options.Map = None,
) -> None:
    """Write the month's list of payments through accounts, and who is still paid in cash.

    Exit code 0: written (also with rows to check); 1: written, but the people of a roster that
    cannot be used (unreadable, of no commune or of several, two files for one commune) are in
    no list; 2: unusable workspace or bad options.
    """
    from cashless_cli.payments.export import PaymentsResult, export_payments
    from cashless_cli.report.payments_terminal import render_payments
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    password = resolve_password(
        password, "CASHLESS_PAYMENTS_PASSWORD", password_prompt, settings.lang
    )
    result = export_payments(
        with_mapping(load_workspace(workspace), mapping, settings.lang),
        settings.month,
        password=password,
    )
    settings.show(result, PaymentsResult.to_dict, render_payments)
    if result.payments.unlisted:
        raise typer.Exit(1)
