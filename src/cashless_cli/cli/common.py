"""What every command shares: the language, the consoles, exit codes, clean failures.

Every ``cashless`` call imports all the command modules (Typer reads their signatures), so a
command module imports at its top only what its parameters need; the rest (the roster readers,
pydantic, openpyxl, sqlite3, the workspace...) is imported inside the function that uses it, so
that ``--version`` and ``--help`` load none of it and each command only what it runs.
"""

from __future__ import annotations

import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from cashless_cli.i18n import Lang, resolve_lang
from cashless_cli.report.safe import escape

if TYPE_CHECKING:
    from cashless_cli.schema.month import Month


class Exit(IntEnum):
    OK = 0
    PROBLEMS = 1  # the input has errors
    UNUSABLE = 2  # a file could not be read, or the command was misused


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of messages: vi or en (default: $CASHLESS_LANG, else the system locale).",
        show_default=False,
    ),
]
WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        help="The workspace folder (with cashless.toml). Default: the current folder.",
        file_okay=False,
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", help="Output format: text or json.", case_sensitive=False)
]


def lang_of(option: str | None) -> Lang:
    if option is not None and option.lower() not in ("vi", "en"):
        fail(f"--lang must be vi or en, not {option!r}.", "en")
    return resolve_lang(option)


def check_format(value: str) -> str:
    value = value.lower()
    if value not in ("text", "json"):
        fail(f"--format must be text or json, not {value!r}.", "en")
    return value


def month_option(value: str | None, lang: Lang) -> Month | None:
    """``--month`` as given (YYYY-MM, 06/2023, T6/2023), or None; a clear failure otherwise."""
    if value is None:
        return None
    from cashless_cli.schema.month import Month

    try:
        return Month.parse(value)
    except ValueError as exc:
        fail(str(exc), lang)


def out_console() -> Console:
    # emoji=False: a name holding ":smile:" is shown as typed, never as a picture
    return Console(highlight=False, soft_wrap=False, emoji=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def print_json(doc: Any) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def fail(message: str, lang: Lang, hint: str | None = None, code: Exit = Exit.UNUSABLE) -> NoReturn:
    console = err_console()
    label = "Lỗi" if lang == "vi" else "Error"
    console.print(f"[bold red]{label}:[/] {escape(message)}", markup=True)
    if hint:
        console.print(f"  → {escape(hint)}")
    raise typer.Exit(int(code))
