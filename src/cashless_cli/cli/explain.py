"""``cashless explain``: what a problem code means and how to fix it."""

from __future__ import annotations

from typing import Annotated

import typer

from cashless_cli.cli.common import LangOption, fail, lang_of, out_console
from cashless_cli.report.safe import escape


def explain(
    code: Annotated[
        str | None, typer.Argument(help="A problem code, e.g. id-sex-mismatch. Omit to list all.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Explain a problem code (or list every code)."""
    from cashless_cli.problems import CATALOGUE

    language = lang_of(lang)
    console = out_console()
    if code is None:
        for item in CATALOGUE.values():
            console.print(f"{item.code:<28} {item.severity:<8} {escape(item.title(language))}")
        return
    found = CATALOGUE.get(code.strip().lower())
    if found is None:
        fail(
            f"Không có mã '{code}'." if language == "vi" else f"There is no code '{code}'.",
            language,
            "cashless explain"
            + (" (liệt kê mọi mã)" if language == "vi" else " (lists every code)"),
        )
    item = found
    console.print(f"[bold]{item.code}[/] ({item.severity}) — {escape(item.title(language))}")
    console.print(escape(item.description))
    console.print(f"[bold]Message:[/] {escape(item.message_en)}")
    console.print(f"[bold]Thông báo:[/] {escape(item.message_vi)}")
    console.print(f"[bold]Fix:[/] {escape(item.hint_en)}")
    console.print(f"[bold]Cách sửa:[/] {escape(item.hint_vi)}")
