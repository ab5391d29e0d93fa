"""``cashless explain``: what a problem code means and how to fix it."""

from __future__ import annotations

from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import command, fail, lang_of, out_console
from cashless_cli.report.safe import escape


@command
def explain(
    code: Annotated[
        str | None,
        typer.Argument(metavar="help.metavar.code", help="help.explain.code", show_default=False),
    ] = None,
    lang: options.Lang = None,
) -> None:
    """Explain a problem code (or list every code)."""
    from cashless_cli.problems import CATALOGUE, ProblemType, problem_type, text

    language = lang_of(lang)
    console = out_console()

    def severity(item: ProblemType) -> str:  # the code's own word in English, a label in vi
        return text(f"severity.{item.severity}", "vi") if language == "vi" else item.severity

    if code is None:
        for item in CATALOGUE.values():
            console.print(
                f"{item.code:<28} {severity(item):<15} {escape(item.title(language))}"
                if language == "vi"
                else f"{item.code:<28} {item.severity:<8} {escape(item.title(language))}",
                soft_wrap=True,  # one line per code, whatever the width: easy to grep
            )
        return
    found = CATALOGUE.get(code.strip().lower())
    if found is None:
        unknown = problem_type("unknown-code")
        fail(
            unknown.message(language, {"code": code}),
            language,
            text("explain.list-hint", language),
        )
    item = found
    console.print(
        f"[bold]{item.code}[/] ({escape(severity(item))}) — {escape(item.title(language))}"
    )
    console.print(escape(item.describe(language)))
    label = text("explain.message", language)
    console.print(f"[bold]{escape(label)}:[/] {escape(item.message(language, item.example))}")
    hint = item.hint(language, item.example)
    if hint:
        console.print(f"[bold]{escape(text('explain.hint', language))}:[/] {escape(hint)}")
