"""Where a workbook's password comes from: the environment (preferred), a hidden prompt, or the
command line (visible to other users in the process list: warned). An empty one is refused."""

from __future__ import annotations

import os
import sys

import typer

from cashless_cli.cli.common import err_console, fail
from cashless_cli.i18n import Lang


def resolve_password(given: str | None, envvar: str, prompt: bool, lang: Lang) -> str | None:
    """The password to encrypt with, or None for none. Exits with code 2 on an empty one."""
    from cashless_cli.problems import CATALOGUE, text

    on_line = any(a == "--password" or a.startswith("--password=") for a in sys.argv[1:])
    if given is None and prompt:
        given = typer.prompt(
            text("cli.password", lang),
            hide_input=True,
            confirmation_prompt=text("cli.password-again", lang),
            default="",
            show_default=False,
        )
        where = "--password-prompt"
    elif given is not None and (on_line or os.environ.get(envvar) != given):
        where = "--password"
        entry = CATALOGUE["password-on-command-line"]
        err_console().print(
            f"[yellow]{entry.message(lang, {})} {entry.hint(lang, {'envvar': envvar})}[/]",
            markup=True,
            highlight=False,
        )
    else:
        where = envvar
        if given is None and os.environ.get(envvar) == "":
            given = ""  # set but empty: not "no password"
    if given is not None and given == "":
        entry = CATALOGUE["password-empty"]
        fail(entry.message(lang, {"source": where}), lang, entry.hint(lang, {}))
    return given


__all__ = ["resolve_password"]
