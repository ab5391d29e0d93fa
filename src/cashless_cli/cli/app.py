"""The ``cashless`` application: registers each command module and runs it without tracebacks."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from cashless_cli import __version__
from cashless_cli.cli import options
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
from cashless_cli.cli.localise import Command, Group, LatestMonthCommand, lang_in
from cashless_cli.cli.resume_payment import resume_payment_command
from cashless_cli.cli.summarize import summarize
from cashless_cli.cli.template import template
from cashless_cli.cli.validate import validate
from cashless_cli.errors import UserError
from cashless_cli.gcpause import tune_for_bulk
from cashless_cli.i18n import resolve_lang
from cashless_cli.report.safe import visible
from cashless_cli.texts import TEXTS

app = typer.Typer(
    name="cashless",
    cls=Group,
    help="help.app",  # texts.py keys: worded in the user's language by cli/localise.py
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
        typer.Option("--version", callback=_version, is_eager=True, help="help.version"),
    ] = False,
    lang: options.Lang = None,  # read from the line by cli/localise.py, for every command
) -> None:
    """cashless: rosters in, rates and handoff files out."""


# In the order of the month's work: set up, give communes the form, check what they send,
# publish the rate, hand registrations over, record the reply, pay. Their help: texts.py
# ``help.NAME`` (the line in the list) and ``help.NAME.long`` (more on the command's own page).
_COMMANDS: tuple[tuple[str, Callable[..., None], type[Command]], ...] = (
    ("init", init, Command),
    ("template", template, Command),
    ("validate", validate, Command),
    ("columns", columns, Command),
    ("explain", explain, Command),
    ("summarize", summarize, LatestMonthCommand),
    ("export-postoffice", export_postoffice_command, LatestMonthCommand),
    ("import-postoffice", import_postoffice_command, Command),
    ("export-payments", export_payments_command, LatestMonthCommand),
    ("import-payments", import_payments_command, Command),
    ("resume-payment", resume_payment_command, Command),
    ("ledger", ledger_command, Command),
    ("duplicates", duplicates_command, LatestMonthCommand),
)
for _name, _function, _cls in _COMMANDS:
    app.command(_name, cls=_cls, short_help=f"help.{_name}", help=f"help.{_name}")(_function)


def _lang_argument() -> str | None:
    """--lang as typed on the command line, for messages raised before a command could read it."""
    return lang_in(sys.argv[1:])


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
    return f"{TEXTS[key].en} / {TEXTS[key].vi}"


def _quiet_finalisers(unraisable: Any) -> None:
    """A writer's generator closed by the garbage collector after the command already failed
    (openpyxl on a full disk) raises again; the error was reported once, never a traceback."""


#: Exit code when the output's reader closed the pipe (128 + SIGPIPE, as a shell reports it).
EXIT_PIPE = 141


def _quiet_stdout() -> None:
    """Point stdout at the null device: Python's own flush at exit must not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    tune_for_bulk()  # this process is ours: the collector set for bulk work (see gcpause)
    _utf8_streams()
    sys.unraisablehook = _quiet_finalisers
    try:
        app()
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as a shell tool
        _quiet_stdout()
        sys.exit(EXIT_PIPE)
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
