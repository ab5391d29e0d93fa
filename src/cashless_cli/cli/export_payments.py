"""``cashless export-payments``: the month's list of payments through accounts.

Exit code 0: written (also with rows to check); 1: written, but the people of a roster that
cannot be used (unreadable, of no commune or of several, two files for one commune) are in no
list; 2: unusable workspace or bad options.
"""

from __future__ import annotations

import typer

from cashless_cli.cli.common import command
from cashless_cli.cli.exports import ExportStart, export_command


@command
@export_command("CASHLESS_PAYMENTS_PASSWORD")
def export_payments_command(start: ExportStart) -> None:
    """Write the month's list of payments through accounts, and who is still paid in cash."""
    from cashless_cli.payments.export import PaymentsResult, export_payments
    from cashless_cli.report.payments_terminal import render_payments

    result = export_payments(start.workspace, start.settings.month, password=start.password)
    start.settings.show(result, PaymentsResult.to_dict, render_payments)
    from cashless_cli.problems import Severity

    strays = [q for q in result.payments.set_aside if q.severity is Severity.ERROR]
    if (
        result.payments.unlisted or strays or result.payments.dropped
    ):  # a roster of another month in the folder: say so
        raise typer.Exit(1)
