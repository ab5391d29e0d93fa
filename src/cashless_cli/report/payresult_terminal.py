"""The provider's payment result on a terminal: where it was read, what was recorded (or would
be, without the errors), who was not paid and why, the problems at their cells, the copy kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.report.parts import money
from cashless_cli.report.reply_terminal import SHOWN, print_errors, print_kept, print_where
from cashless_cli.report.safe import escape
from cashless_cli.texts import fill, words

if TYPE_CHECKING:
    from cashless_cli.payments.results import PaymentsImport

_W = {lang: words("import-payments", lang) for lang in LANGS}


def render_payments_import(
    console: Console, result: PaymentsImport, lang: Lang, show_ids: bool
) -> None:
    w = _W[lang]
    print_where(console, result.file, result.table, lang)
    paid, unpaid = result.of("paid"), result.of("unpaid")
    counts = {
        "n": len(result.changes),
        "paid": len(paid),
        "paid_amount": money(sum(c.result.amount_paid for c in paid)),
        "unpaid": len(unpaid),
        "owed": money(sum(c.line.total - c.result.amount_paid for c in result.changes)),
        "unchanged": result.unchanged,
        "pending": result.pending,
    }
    if result.errors:
        refs = [(w["unknown"], result.unknown_refs), (w["duplicates"], result.duplicate_refs)]
        print_errors(console, result.errors, lang, show_ids, refs, title=w["errors"])
        console.print(escape(fill(w["would"], **counts)))
    elif result.applied:
        done = fill(w["recorded"], **counts)
        if any(c.line.total > c.result.amount_paid for c in result.changes):
            done = f"{done} {fill(w['owed'], **counts)}"  # only when something is owed
        console.print(f"[bold green]✓[/] {escape(done)}")
        if unpaid:
            console.print(w["unpaid"])
            for c in unpaid[:SHOWN]:
                line = w["unpaid-line"].format(
                    ref=c.line.ref,
                    name=c.line.beneficiary_name or "",
                    amount=money(c.line.total),
                    reason=c.result.reason or "?",
                )
                console.print(escape(line))
    else:
        console.print(escape(fill(w["nothing"], **counts)))
    print_kept(console, result, lang, show_ids)
