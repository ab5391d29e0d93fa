"""The Post Office's reply on a terminal, with rich: where the answers were read, what was
recorded (or would be, without the errors), the problems at their cells, and the copy kept."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask
from cashless_cli.report.safe import escape
from cashless_cli.texts import fill, words

if TYPE_CHECKING:
    from cashless_cli.fs.kept import KeptImport
    from cashless_cli.problems import Problem
    from cashless_cli.replies.reconcile import ImportResult
    from cashless_cli.replies.reply import ReplyFile

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
    said = p.message(lang, masked=not show_ids)
    return f"  [{colour}]{escape(where)}[/] {escape(said)}\n    → {escape(p.hint(lang))}"


def print_where(console: Console, file: object, table: ReplyFile | None, lang: Lang) -> None:
    """Where an imported file's rows were read: the sheet and header row, or the CSV's
    encoding and delimiter."""
    w = _W[lang]
    if table is None:
        return
    if table.sheet is None:
        where = w["where_csv"].format(
            file=file, encoding=table.encoding, delimiter=table.delimiter, row=table.header_row
        )
    else:
        where = w["where"].format(file=file, sheet=table.sheet, row=table.header_row)
    console.print(escape(where))


def print_errors(
    console: Console,
    errors: list[Problem],
    lang: Lang,
    show_ids: bool,
    refs: list[tuple[str, list[str]]],
    title: str | None = None,
) -> None:
    """An import's errors under ``title`` (a template of ``n``), the first :data:`SHOWN` at
    their cells, then each list of references (template, codes) the file named wrongly."""
    w = _W[lang]
    console.print(f"[bold red]✗ {escape(fill(title or w['errors'], n=len(errors)))}[/]")
    for p in errors[:SHOWN]:
        console.print(_line(p, lang, show_ids))
    if len(errors) > SHOWN:
        console.print(escape(w["more"].format(n=len(errors) - SHOWN)))
    for template, codes in refs:
        if codes:
            console.print(escape(template.format(refs=", ".join(codes[:SHOWN_REFS]))))
            if len(codes) > SHOWN_REFS:
                console.print(escape(w["more"].format(n=len(codes) - SHOWN_REFS)))


def print_kept(console: Console, result: KeptImport, lang: Lang, show_ids: bool) -> None:
    """The import's warnings at their cells, and the copy kept of the file."""
    w = _W[lang]
    if result.warnings:
        console.print(w["warnings"])
        for p in result.warnings:
            console.print(_line(p, lang, show_ids))
    if result.copy is not None:
        console.print(escape(w["kept"].format(path=result.copy)))


def render_reply(console: Console, result: ImportResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    print_where(console, result.file, result.reply, lang)
    counts = {
        "n": len(result.changes),
        "opened": result.count("opened"),
        "failed": result.count("failed"),
        "unchanged": result.unchanged,
        "pending": result.pending,
    }
    if result.errors:
        print_errors(console, result.errors, lang, show_ids, [(w["unknown"], result.unknown_refs)])
        console.print(escape(fill(w["would"], **counts)))
    elif result.applied:
        console.print(f"[bold green]✓[/] {escape(fill(w['applied'], **counts))}")
        forced = sum(1 for c in result.changes if c.forced)
        if forced:
            console.print(escape(w["forced"].format(n=forced)))
    else:
        console.print(escape(fill(w["nothing"], **counts)))
    print_kept(console, result, lang, show_ids)
