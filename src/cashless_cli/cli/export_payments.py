"""``cashless export-payments``: the month's list of payments through accounts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cashless_cli.cli.common import (
    FormatOption,
    LangOption,
    MapOption,
    WorkspaceOption,
    check_format,
    fail,
    lang_of,
    month_option,
    out_console,
    print_json,
    with_mapping,
)
from cashless_cli.cli.password import PromptOption, resolve_password
from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import mask
from cashless_cli.texts import words

if TYPE_CHECKING:
    from cashless_cli.payments.export import PaymentsResult

_W = {lang: words("export-payments", lang) for lang in LANGS}


SHOWN = 30  # rows to check listed on the terminal (all are in the workbook)


def _money(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def render(console: Console, result: PaymentsResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    p = result.payments

    def ident(value: str | None) -> str:
        return (value or "") if show_ids else mask(value)

    console.print(
        "[bold]"
        + escape(
            w["head"].format(
                month=p.month,
                accounts=len(p.accounts),
                amount=_money(p.total_amount),
                cash=len(p.cash),
                cash_amount=_money(p.cash_amount),
                check=len(p.check),
            )
        )
        + "[/]"
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(w["commune"])
    table.add_column(w["accounts"], justify="right")
    table.add_column(w["amount"], justify="right")
    table.add_column(w["cash"], justify="right")
    table.add_column(w["check"], justify="right")
    table.add_column(w["note"])
    for c in p.communes:
        note = getattr(c.problem, lang) if c.problem else ""
        table.add_row(
            escape(c.unit.name),
            str(len(c.accounts)),
            _money(c.amount),
            str(len(c.cash)),
            f"[red]{len(c.check)}[/]" if c.check else "0",
            f"[red]{escape(note)}[/]" if note else "",
        )
    table.add_row(
        f"[bold]{w['total']}[/]",
        str(len(p.accounts)),
        _money(p.total_amount),
        str(len(p.cash)),
        str(len(p.check)),
        "",
    )
    console.print(table)
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
        console.print(
            f"[bold red]{escape(w['unlisted'].format(n=p.not_listed, files=len(p.unlisted)))}[/]"
        )
        for u in p.unlisted:
            problem = u.problem()
            console.print(f"  {escape(problem.message(lang))}")
            console.print(f"    → {escape(problem.hint(lang))}")
    console.print(w["files"])
    for path in result.files:
        console.print(f"  {escape(str(path))}")
    if result.encrypted:
        console.print(f"[yellow]{w['enc']}[/]")


def export_payments_command(
    month: Annotated[
        str | None, typer.Option(help="Payment month, YYYY-MM (default: the latest).")
    ] = None,
    workspace: WorkspaceOption = Path("."),
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="CASHLESS_PAYMENTS_PASSWORD",
            help="Encrypt the workbook with this password (or set CASHLESS_PAYMENTS_PASSWORD).",
            show_default=False,
            show_envvar=True,
        ),
    ] = None,
    password_prompt: PromptOption = False,
    output_format: FormatOption = "text",
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full ID and account numbers.")
    ] = False,
    lang: LangOption = None,
    mapping: MapOption = None,
) -> None:
    """Write the month's list of payments through accounts, and who is still paid in cash.

    Exit code 0: written (also with rows to check); 1: written, but the people of a roster that
    cannot be used (unreadable, of no commune or of several, two files for one commune) are in
    no list; 2: unusable workspace or bad options.
    """
    from cashless_cli.payments.export import export_payments
    from cashless_cli.workspace.config import WorkspaceError, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted = month_option(month, language)
    password = resolve_password(password, "CASHLESS_PAYMENTS_PASSWORD", password_prompt, language)
    try:
        ws = with_mapping(load_workspace(workspace), mapping, language)
        result = export_payments(ws, wanted, password=password)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    if fmt == "json":
        print_json(result.to_dict())
    else:
        render(out_console(), result, language, show_ids)
    if result.payments.unlisted:
        raise typer.Exit(1)
