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

if TYPE_CHECKING:
    from cashless_cli.read.mapping import ColumnMapping
    from cashless_cli.schema.month import Month
    from cashless_cli.workspace.config import Workspace


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
MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="HEADER=KEY",
        help='Say which header is which column, e.g. --map "Tên chủ hộ=ho_ten"; "HEADER=-" '
        "ignores a column. Repeatable; on top of the [mapping] of cashless.toml.",
        show_default=False,
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
    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def print_json(doc: Any) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def fail_code(code: str, lang: Lang, /, **params: Any) -> NoReturn:
    """Fail with the catalogue entry ``code`` (message and hint, markup shown literally)."""
    from rich.markup import escape

    from cashless_cli.problems import problem_type

    entry = problem_type(code)
    hint = entry.hint(lang, params)
    fail(escape(entry.message(lang, params)), lang, escape(hint) if hint else None)


def fail(message: str, lang: Lang, hint: str | None = None, code: Exit = Exit.UNUSABLE) -> NoReturn:
    from cashless_cli.problems import text

    console = err_console()
    label = text("cli.error", lang)
    console.print(f"[bold red]{label}:[/] {message}", markup=True)
    if hint:
        console.print(f"  → {hint}")
    raise typer.Exit(int(code))


def map_option(items: list[str] | None, lang: Lang, strict: bool = False) -> ColumnMapping:
    """``--map`` as given; a wrong one fails with exit code 2, naming the header and the keys."""
    from cashless_cli.read.mapping import MappingError, mapping_from_options

    try:
        return mapping_from_options(items or (), strict=strict)
    except MappingError as exc:
        fail(exc.message(lang), lang)


def with_mapping(ws: Workspace, items: list[str] | None, lang: Lang) -> Workspace:
    """The workspace with ``--map`` on top of its own mapping, both checked (exit code 2)."""
    from dataclasses import replace

    from cashless_cli.read.mapping import MappingError

    ws = replace(ws, overrides=map_option(items, lang))
    try:
        ws.mapping  # noqa: B018 - parsed here so that a wrong one is refused before any work
    except MappingError as exc:
        fail(exc.message(lang), lang)
    return ws
