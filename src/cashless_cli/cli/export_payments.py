"""``cashless export-payments``: the month's list of payments through accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from cashless_cli.cli.common import (
    FormatOption,
    LangOption,
    WorkspaceOption,
    command,
    month_option,
    password_option,
    preamble,
    show_ids_option,
)


@command
def export_payments_command(
    month: Annotated[
        str | None, month_option("Payment month, YYYY-MM (default: the latest).")
    ] = None,
    workspace: WorkspaceOption = Path("."),
    password: Annotated[
        str | None,
        password_option(
            "CASHLESS_PAYMENTS_PASSWORD",
            "Encrypt the workbook with this password (or set CASHLESS_PAYMENTS_PASSWORD).",
        ),
    ] = None,
    output_format: FormatOption = "text",
    show_ids: Annotated[bool, show_ids_option("Show full ID and account numbers.")] = False,
    lang: LangOption = None,
) -> None:
    """Write the month's list of payments through accounts, and who is still paid in cash.

    Exit code 0: written (also with rows to check); 2: unusable workspace or bad options.
    """
    from cashless_cli.postoffice.export import PaymentsResult, export_payments
    from cashless_cli.report.payments_terminal import render_payments
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    result = export_payments(load_workspace(workspace), settings.month, password=password or None)
    settings.show(result, PaymentsResult.to_dict, render_payments)
