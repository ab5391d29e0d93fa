"""The ``cashless`` application: registers each command module and runs it without tracebacks."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from cashless_cli import __version__
from cashless_cli.cli.columns import columns
from cashless_cli.cli.common import os_refusal
from cashless_cli.cli.duplicates import duplicates_command
from cashless_cli.cli.explain import explain
from cashless_cli.cli.export_payments import export_payments_command
from cashless_cli.cli.export_postoffice import export_postoffice_command
from cashless_cli.cli.import_payments import import_payments_command
from cashless_cli.cli.import_postoffice import import_postoffice_command
from cashless_cli.cli.init import init
from cashless_cli.cli.ledger import ledger_command
from cashless_cli.cli.summarize import summarize
from cashless_cli.cli.template import template
from cashless_cli.cli.validate import validate
from cashless_cli.errors import UserError
from cashless_cli.i18n import resolve_lang
from cashless_cli.report.safe import visible

app = typer.Typer(
    name="cashless",
    help="Check commune rosters of social-assistance beneficiaries, publish the cashless-payment "
    "registration rate, and hand registrations to the Post Office.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cashless {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """cashless: rosters in, rates and handoff files out."""


# In the order of the month's work: set up, give communes the form, check what they send,
# publish the rate, hand registrations over, record the reply, pay.
_COMMANDS: tuple[tuple[str, Callable[..., None], str], ...] = (
    ("init", init, "Create a workspace: cashless.toml with the area's units, rosters/, reports/."),
    ("template", template, "Write a blank roster template for a commune and month."),
    ("validate", validate, "Check rosters and report every problem at its cell."),
    (
        "columns",
        columns,
        "Show what the reader understood of a roster's columns, and how to fix it.",
    ),
    ("explain", explain, "Explain a problem code, or list every code."),
    (
        "summarize",
        summarize,
        "Build the district's monthly rate table from every commune's roster.",
    ),
    (
        "export-postoffice",
        export_postoffice_command,
        "Hand the month's new registrations to the Post Office (workbook, CSV, manifest).",
    ),
    (
        "import-postoffice",
        import_postoffice_command,
        "Record the Post Office's reply to a batch: accounts opened, or not and why.",
    ),
    (
        "export-payments",
        export_payments_command,
        "Write the month's list of payments through accounts (and who is paid in cash).",
    ),
    (
        "import-payments",
        import_payments_command,
        "Record the paying unit's result: who was paid, how much, who was not and why.",
    ),
    ("ledger", ledger_command, "List the batches handed to the Post Office."),
    (
        "duplicates",
        duplicates_command,
        "Find people listed twice; write the review workbook; record the decisions.",
    ),
)
for _name, _function, _short_help in _COMMANDS:
    app.command(_name, short_help=_short_help)(_function)


def _lang_argument() -> str | None:
    """--lang as typed on the command line, for messages raised before a command could read it."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _utf8_streams() -> None:
    """Write UTF-8 to a file or pipe whatever the code page.

    On Windows a redirected stdout (``cashless validate ... > ket-qua.txt``) gets the ANSI code
    page, and cp1258 has no precomposed Vietnamese letters: the first "ố" would fail the run. A
    console is UTF-8 already and is left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            with contextlib.suppress(Exception):  # a stream that cannot change: leave it
                reconfigure(encoding="utf-8")


def _both(key: str) -> str:
    """A text in both languages, for the few lines said before the language is known."""
    from cashless_cli.texts import TEXTS

    return f"{TEXTS[key].en} / {TEXTS[key].vi}"


def _quiet_finalisers(unraisable: Any) -> None:
    """A writer's generator closed by the garbage collector after the command already failed
    (openpyxl on a full disk) raises again; the error was reported once, never a traceback."""


def main() -> None:
    _utf8_streams()
    sys.unraisablehook = _quiet_finalisers
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(f"{_both('cli.interrupted')}.\n")
        sys.exit(130)
    except UserError as exc:  # something the user can fix: say what, in their language
        sys.stderr.write(f"{visible(exc.message(resolve_lang(_lang_argument())))}\n")
        sys.exit(2)
    except OSError as exc:  # a disk, folder or file the system refused: say which and why
        lang = resolve_lang(_lang_argument())
        sys.stderr.write(f"{visible(os_refusal(exc).message(lang))}\n")
        sys.exit(2)
    except Exception as exc:  # the last line of defence: never a traceback for a user
        if os.environ.get("CASHLESS_DEBUG"):
            raise
        sys.stderr.write(
            f"{_both('cli.unexpected')}: {type(exc).__name__}: {visible(exc)}\n"
            "This is a bug in cashless; run again with CASHLESS_DEBUG=1 and report the output.\n"
        )
        sys.exit(2)
