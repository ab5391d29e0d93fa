"""The Post Office's reply on a terminal, with rich: where the answers were read, what was
recorded (or would be, without the errors), the problems at their cells, and the copy kept."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask
from cashless_cli.report.safe import escape
from cashless_cli.texts import words

if TYPE_CHECKING:
    from cashless_cli.problems import Problem
    from cashless_cli.replies.reconcile import ImportResult

_W = {lang: words("import-postoffice", lang) for lang in LANGS}


SHOWN = 30  # problems listed on the terminal (the JSON document lists all)
SHOWN_REFS = 20  # unknown reference codes listed on the terminal (the JSON lists all)


def _shown(p: Problem, show_ids: bool) -> Problem:
    if not show_ids and p.column in SENSITIVE_KEYS and p.value not in (None, ""):
        return replace(p, value=mask(p.value))
    return p


def _line(p: Problem, lang: Lang, show_ids: bool) -> str:
    from cashless_cli.problems import Severity

    p = _shown(p, show_ids)
    where = f"{p.sheet}!{p.cell}" if p.sheet and p.cell else (p.cell or f"{p.row}")
    colour = "red" if p.severity is Severity.ERROR else "yellow"
    return f"  [{colour}]{escape(where)}[/] {escape(p.message(lang))}\n    → {escape(p.hint(lang))}"


def render_reply(console: Console, result: ImportResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    reply = result.reply
    if reply is not None:
        if reply.sheet is None:
            console.print(
                escape(
                    w["where_csv"].format(
                        file=result.file,
                        encoding=reply.encoding,
                        delimiter=reply.delimiter,
                        row=reply.header_row,
                    )
                )
            )
        else:
            console.print(
                escape(w["where"].format(file=result.file, sheet=reply.sheet, row=reply.header_row))
            )
    counts = {
        "n": len(result.changes),
        "opened": result.count("opened"),
        "failed": result.count("failed"),
        "unchanged": result.unchanged,
        "pending": result.pending,
    }
    if result.errors:
        console.print(f"[bold red]✗ {escape(w['errors'].format(n=len(result.errors)))}[/]")
        for p in result.errors[:SHOWN]:
            console.print(_line(p, lang, show_ids))
        if len(result.errors) > SHOWN:
            console.print(escape(w["more"].format(n=len(result.errors) - SHOWN)))
        if result.unknown_refs:
            refs = ", ".join(result.unknown_refs[:SHOWN_REFS])
            console.print(escape(w["unknown"].format(refs=refs)))
            if len(result.unknown_refs) > SHOWN_REFS:
                console.print(escape(w["more"].format(n=len(result.unknown_refs) - SHOWN_REFS)))
        console.print(escape(w["would"].format(**counts)))
    elif result.applied:
        console.print(f"[bold green]✓[/] {escape(w['applied'].format(**counts))}")
        forced = sum(1 for c in result.changes if c.forced)
        if forced:
            console.print(escape(w["forced"].format(n=forced)))
    else:
        console.print(escape(w["nothing"].format(**counts)))
    if result.warnings:
        console.print(w["warnings"])
        for p in result.warnings:
            console.print(_line(p, lang, show_ids))
    if result.copy is not None:
        console.print(escape(w["kept"].format(path=result.copy)))
