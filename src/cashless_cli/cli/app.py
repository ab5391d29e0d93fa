"""The ``cashless`` application: registers each command module and runs it without tracebacks."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Annotated

import typer

from cashless_cli import __version__
from cashless_cli.cli.explain import explain
from cashless_cli.cli.export_payments import export_payments_command
from cashless_cli.cli.export_postoffice import export_postoffice_command
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
app.command(
    short_help="Create a workspace: cashless.toml with the area's units, rosters/, reports/."
)(init)
app.command(short_help="Write a blank roster template for a commune and month.")(template)
app.command(short_help="Check rosters and report every problem at its cell.")(validate)
app.command(short_help="Explain a problem code, or list every code.")(explain)
app.command(short_help="Build the district's monthly rate table from every commune's roster.")(
    summarize
)
app.command(
    "export-postoffice",
    short_help="Hand the month's new registrations to the Post Office (workbook, CSV, manifest).",
)(export_postoffice_command)
app.command(
    "import-postoffice",
    short_help="Record the Post Office's reply to a batch: accounts opened, or not and why.",
)(import_postoffice_command)
app.command(
    "export-payments",
    short_help="Write the month's list of payments through accounts (and who is paid in cash).",
)(export_payments_command)
app.command("ledger", short_help="List the batches handed to the Post Office.")(ledger_command)


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


#: What to do about an OS error, by errno (the rest: check the file and its folder).
_OS_ADVICE: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (
        "The disk is full: free some space.",
        "Ổ đĩa đã đầy: hãy giải phóng bớt dung lượng.",
    ),
    errno.EDQUOT: (
        "The disk quota is used up: free some space.",
        "Đã hết hạn mức dung lượng: hãy giải phóng bớt.",
    ),
    errno.EROFS: (
        "The folder is read-only: copy the workspace to a writable place.",
        "Thư mục chỉ đọc: hãy chép thư mục làm việc sang nơi ghi được.",
    ),
    errno.EACCES: (
        "You may not read or write it: ask for access, or close the program that holds it.",
        "Không có quyền đọc hoặc ghi: hãy xin quyền truy cập, hoặc đóng chương trình đang giữ tệp.",
    ),
    errno.EPERM: (
        "You may not read or write it: ask for access.",
        "Không có quyền đọc hoặc ghi: hãy xin quyền truy cập.",
    ),
    errno.EISDIR: (
        "A folder stands where a file should be: move the folder away.",
        "Có một thư mục ở chỗ của tệp: hãy chuyển thư mục đó đi nơi khác.",
    ),
    errno.ENOTDIR: (
        "A file stands where a folder should be: move the file away.",
        "Có một tệp ở chỗ của thư mục: hãy chuyển tệp đó đi nơi khác.",
    ),
}
_OS_DEFAULT = ("Check the file and its folder.", "Kiểm tra lại tệp và thư mục chứa tệp.")


def os_refusal(exc: OSError) -> UserError:
    """An OS error as a catalogue refusal naming the path (``workspace-os-error``)."""
    path = exc.filename if exc.filename is not None else "?"
    from cashless_cli.problems import Text
    from cashless_cli.workspace.refusal import workspace_refusal

    what = Text(*_OS_ADVICE.get(exc.errno or 0, _OS_DEFAULT))
    return workspace_refusal(
        "workspace-os-error", path=path, reason=exc.strerror or type(exc).__name__, what=what
    )


def main() -> None:
    _utf8_streams()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted / Đã dừng.\n")
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
            f"Unexpected error / Lỗi không mong đợi: {type(exc).__name__}: {visible(exc)}\n"
            "This is a bug in cashless; run again with CASHLESS_DEBUG=1 and report the output.\n"
        )
        sys.exit(2)
