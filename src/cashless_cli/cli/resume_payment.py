"""``cashless resume-payment ID --month YYYY-MM --reason TEXT``: lift a person's suspension
(payment stopped after three months in a row not collected) from a month's payment list on.

Exit code 0: recorded (or recorded already: nothing changed); 2: an ID of no payment list, a
person not suspended for that month, no reason, an unusable workspace or bad options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import command, fail, preamble


@command
def resume_payment_command(
    beneficiary_id: Annotated[
        str,
        typer.Argument(
            metavar="help.metavar.id", help="help.resume-payment.id", show_default=False
        ),
    ],
    month: Annotated[str, options.month("help.resume-payment.month")],
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            metavar="help.metavar.text",
            help="help.resume-payment.reason",
            show_default=False,
        ),
    ],
    workspace: options.Workspace = Path("."),
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
) -> None:
    """Pay a suspended person again from a month's list, recorded with who, when and why."""
    from cashless_cli.payments.resume import ResumeResult, resume_payment
    from cashless_cli.report.resume_terminal import render_resume
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(lang, output_format, month=month, show_ids=show_ids)
    if settings.month is None:  # required: an empty --month is refused, not the latest month
        from cashless_cli.problems import text

        fail(text("cli-usage.month", settings.lang, value=repr(month)), settings.lang)
    result = resume_payment(load_workspace(workspace), beneficiary_id, settings.month, reason)
    settings.show(result, ResumeResult.to_dict, render_resume)
