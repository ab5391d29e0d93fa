"""A Post Office handoff on a terminal, with rich: the batch, one row per commune, the rows held
back with their reasons, and the files written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import mask
from cashless_cli.problems import MonthText
from cashless_cli.report.parts import money, plain_table
from cashless_cli.report.safe import escape
from cashless_cli.texts import fill, words

if TYPE_CHECKING:
    from cashless_cli.handoff.export import ExportResult

_W = {lang: words("export-postoffice", lang) for lang in LANGS}


def render_handoff(console: Console, result: ExportResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    sel = result.selection
    if result.recovered:
        console.print(f"[yellow]{w['recovered'].format(n=len(result.recovered))}[/]")
    if result.batch is None:
        month = MonthText(str(result.month), lang)
        if sel.held:  # not "nobody new" while rows are held back: say how many (money5)
            said = fill(w["nothing-held"], month=month, held=len(sel.held), already=sel.already)
            console.print(escape(said))
        else:
            console.print(w["nothing"].format(month=month))
    else:
        console.print(
            "[bold]"
            + escape(
                w["batch"].format(
                    batch=result.batch,
                    month=MonthText(str(result.month), lang),
                    rows=len(result.rows),
                    amount=money(result.total_amount),
                    held=len(sel.held),
                    already=sel.already,
                )
            )
            + "[/]"
        )
        if result.resend_of:
            console.print(w["resend"].format(old=result.resend_of))
    table = plain_table()
    table.add_column(w["commune"])
    table.add_column(w["rows"], justify="right")
    table.add_column(w["held"], justify="right")
    table.add_column(w["already"], justify="right")
    table.add_column(w["note"])
    for c in sel.communes:
        note = c.problem(lang)
        table.add_row(
            escape(c.unit.name),
            str(len(c.rows)),
            f"[red]{len(c.held)}[/]" if c.held else "0",
            str(c.already),
            f"[red]{escape(note)}[/]" if note else "",
        )
    for path, en, vi in sel.stray_files:
        table.add_row(
            escape(path.name),
            "",
            "",
            "",
            f"[yellow]{w['stray']}: {escape(vi if lang == 'vi' else en)}[/]",
        )
    console.print(table)
    if sel.held:
        console.print(f"[bold]{w['held_title']}[/]")
        for h in sel.held:
            ident = h.beneficiary_id or ""
            shown_id = ident if show_ids else mask(ident)
            for reason in h.reasons:
                where = f"{h.source.name}!{reason.cell or h.source_row}"
                console.print(
                    f"  {escape(h.commune)} · {escape(where)} · {escape(h.name or '')} "
                    f"{escape(shown_id)}: {escape(reason.message(lang, show_ids))}"
                )
    if result.files:
        console.print(w["files"])
        for path in result.files:
            console.print(f"  {escape(str(path))}")
        if result.encrypted:
            console.print(f"[yellow]{w['enc']}[/]")
