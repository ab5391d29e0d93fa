"""The provider's payment result on a terminal: where it was read, what was recorded (or would
be, without the errors), who was not paid and why, the problems at their cells, the copy kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.report.parts import money
from cashless_cli.report.reply_terminal import SHOWN, SHOWN_REFS, _line
from cashless_cli.report.safe import escape
from cashless_cli.texts import words

if TYPE_CHECKING:
    from cashless_cli.payments.results import PaymentsImport

_W = {lang: words("import-payments", lang) for lang in LANGS}
_R = {lang: words("import-postoffice", lang) for lang in LANGS}  # where, kept, more, warnings


def render_payments_import(
    console: Console, result: PaymentsImport, lang: Lang, show_ids: bool
) -> None:
    w, r = _W[lang], _R[lang]
    table = result.table
    if table is not None:
        if table.sheet is None:
            where = r["where_csv"].format(
                file=result.file,
                encoding=table.encoding,
                delimiter=table.delimiter,
                row=table.header_row,
            )
        else:
            where = r["where"].format(file=result.file, sheet=table.sheet, row=table.header_row)
        console.print(escape(where))
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
        console.print(f"[bold red]✗ {escape(w['errors'].format(n=len(result.errors)))}[/]")
        for p in result.errors[:SHOWN]:
            console.print(_line(p, lang, show_ids))
        if len(result.errors) > SHOWN:
            console.print(escape(r["more"].format(n=len(result.errors) - SHOWN)))
        for key, refs in (("unknown", result.unknown_refs), ("duplicates", result.duplicate_refs)):
            if refs:
                console.print(escape(w[key].format(refs=", ".join(refs[:SHOWN_REFS]))))
        console.print(escape(w["would"].format(**counts)))
    elif result.applied:
        console.print(f"[bold green]✓[/] {escape(w['applied'].format(**counts))}")
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
        console.print(escape(w["nothing"].format(**counts)))
    if result.warnings:
        console.print(r["warnings"])
        for p in result.warnings:
            console.print(_line(p, lang, show_ids))
    if result.copy is not None:
        console.print(escape(r["kept"].format(path=result.copy)))
