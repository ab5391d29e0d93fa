"""``cashless export-payments``: the month's list of payments through accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from cashless_cli.cli import options
from cashless_cli.cli.common import command, preamble, with_mapping


@command
def export_payments_command(
    month: Annotated[
        str | None, options.month("Payment month, YYYY-MM (default: the latest).")
    ] = None,
    workspace: options.Workspace = Path("."),
    password: Annotated[
        str | None,
        options.password(
            "CASHLESS_PAYMENTS_PASSWORD",
            "Encrypt the workbook with this password (or set CASHLESS_PAYMENTS_PASSWORD).",
        ),
    ] = None,
    output_format: options.Format = "text",
    show_ids: Annotated[bool, options.show_ids("Show full ID and account numbers.")] = False,
    lang: options.Lang = None,
    mapping: options.Map = None,
) -> None:
    """Write the month's list of payments through accounts, and who is still paid in cash.

    Exit code 0: written (also with rows to check); 2: unusable workspace or bad options.
    """
    from cashless_cli.payments.export import PaymentsResult, export_payments
    from cashless_cli.report.payments_terminal import render_payments
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    result = export_payments(
        with_mapping(load_workspace(workspace), mapping, settings.lang),
        settings.month,
        password=password or None,
    )
    settings.show(result, PaymentsResult.to_dict, render_payments)
