"""The month's payments on a terminal, with rich: the totals, a row per commune with something
to say (rows to check, a roster that cannot be used, account numbers that differ) and one line
for the others, the account numbers that differ, the rows to check, and the files written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import mask
from cashless_cli.problems import MonthText, Problem, Severity
from cashless_cli.report.parts import money, plain_table
from cashless_cli.report.safe import escape
from cashless_cli.texts import fill, words

if TYPE_CHECKING:
    from cashless_cli.payments.export import PaymentsResult

_W = {lang: words("export-payments", lang) for lang in LANGS}
_P = {lang: words("pay-terminal", lang) for lang in LANGS}


SHOWN = 30  # rows to check listed on the terminal (all are in the workbook)


def print_set_aside(
    console: Console, found: Sequence[Problem], lang: Lang, title: str = "title"
) -> None:
    """The files of the month's folder not used for it (copies, rosters of another month), or
    (``title`` "dropped") the people of the month's previous list not on this one."""
    if found:
        console.print(f"[bold yellow]{escape(words('set-aside', lang)[title])}[/]")
    for problem in found:
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        console.print(f"  [{colour}]{escape(problem.message(lang))}[/]")
        console.print(f"    → {escape(problem.hint(lang))}")


def render_payments(console: Console, result: PaymentsResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    p = result.payments

    def ident(value: str | None) -> str:
        return (value or "") if show_ids else mask(value)

    console.print(
        "[bold]"
        + escape(
            w["head"].format(
                month=MonthText(str(p.month), lang),
                accounts=len(p.accounts),
                amount=money(p.total_amount),
                cash=len(p.cash),
                cash_amount=money(p.cash_amount),
                check=len(p.check),
            )
        )
        + "[/]"
    )
    table = plain_table()
    table.add_column(w["commune"])
    table.add_column(w["accounts"], justify="right")
    table.add_column(w["amount"], justify="right")
    table.add_column(w["cash"], justify="right")
    table.add_column(w["check"], justify="right")
    table.add_column(w["note"])
    differ = {r.commune for r in p.mismatches}
    few = len(p.communes) <= 3  # a commune's own workspace: its line, not "1 other commune"
    told = [c for c in p.communes if few or c.check or c.problem or c.unit.name in differ]
    quiet = [c for c in p.communes if c not in told]
    # communes with nothing but the same note (no roster this month): one line for them all
    alike: dict[str, list[str]] = {}
    for c in told:
        if c.problem and not (c.accounts or c.cash or c.check):
            alike.setdefault(getattr(c.problem, lang), []).append(c.unit.name)
    grouped = {name for names in alike.values() if len(names) > 1 for name in names}
    for c in told:
        if c.unit.name in grouped:
            continue
        note = getattr(c.problem, lang) if c.problem else ""
        table.add_row(
            escape(c.unit.name),
            str(len(c.accounts)),
            money(c.amount),
            str(len(c.cash)),
            f"[red]{len(c.check)}[/]" if c.check else "0",
            f"[red]{escape(note)}[/]" if note else "",
        )
    for note, names in alike.items():
        if len(names) > 1:
            label = fill(w["communes"], n=len(names))
            table.add_row(escape(label), "0", money(0), "0", "0", f"[red]{escape(note)}[/]")
    if quiet:
        table.add_row(
            f"[dim]{escape(fill(w['others'], n=len(quiet)))}[/]",
            str(sum(len(c.accounts) for c in quiet)),
            money(sum(c.amount for c in quiet)),
            str(sum(len(c.cash) for c in quiet)),
            "0",
            "",
        )
    table.add_row(
        f"[bold]{w['total']}[/]",
        str(len(p.accounts)),
        money(p.total_amount),
        str(len(p.cash)),
        str(len(p.check)),
        "",
    )
    console.print(table)
    for note, names in alike.items():
        if len(names) > 1:
            console.print(f"  [red]{escape(note)}[/]: {escape(', '.join(names))}")
    carried = [r for r in p.paid if r.arrears]
    if carried:  # arrears carried over from earlier months' results (truy lĩnh)
        console.print(
            escape(_P[lang]["arrears"].format(n=len(carried), amount=money(p.arrears_amount)))
        )
    if p.mismatches:
        console.print(f"[bold yellow]{w['mismatch']}[/]")
        for r in p.mismatches:
            console.print(
                f"  {escape(r.commune)} · {escape(r.source.name)}!{r.source_row} · "
                f"{escape(r.beneficiary_name or '')} {escape(ident(r.beneficiary_id))}: "
                f"{escape(ident(r.roster_account))} ≠ {escape(ident(r.account_number))} "
                f"({escape(r.ref or '')})"
            )
    if p.check:
        console.print(f"[bold]{w['check_title']}[/]")
        for r in p.check[:SHOWN]:
            console.print(
                f"  {escape(r.commune)} · {escape(r.source.name)}!{r.source_row} · "
                f"{escape(r.beneficiary_name or '')} {escape(ident(r.beneficiary_id))}: "
                f"{escape(r.note(lang))}"
            )
        if len(p.check) > SHOWN:
            console.print(w["more"].format(n=len(p.check) - SHOWN))
    if p.unlisted:
        unread = len(p.unread)
        counted = len(p.unlisted) - unread
        # people counted in readable files; a file that cannot be read is named, never "0" or "?"
        key = "unlisted" if not unread else "unlisted-unread" if not counted else "unlisted-both"
        said = fill(
            _P[lang][key] if unread else w[key], n=p.not_listed, files=counted, unread=unread
        )
        console.print(f"[bold red]{escape(said)}[/]")
        for u in p.unlisted:
            problem = u.problem()
            console.print(f"  {escape(problem.message(lang))}")
            console.print(f"    → {escape(problem.hint(lang))}")
    print_set_aside(console, p.set_aside, lang)
    print_set_aside(console, p.dropped, lang, "dropped")
    console.print(w["files"])
    for path in result.files:
        console.print(f"  {escape(str(path))}")
    if result.encrypted:
        console.print(f"[yellow]{w['enc']}[/]")
