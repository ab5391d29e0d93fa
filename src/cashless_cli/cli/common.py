"""What every command shares: the preamble (language, format, month, masking), the consoles,
exit codes, and the one place where a library's error becomes a clear message (:func:`command`).
The options themselves are defined in :mod:`cashless_cli.cli.options`.

Every ``cashless`` call imports all the command modules (Typer reads their signatures), so a
command module imports at its top only what its parameters need; the rest (the roster readers,
pydantic, openpyxl, sqlite3, the workspace...) is imported inside the function that uses it, so
that ``--version`` and ``--help`` load none of it and each command only what it runs.
"""

from __future__ import annotations

import errno
import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console

from cashless_cli.cli import options
from cashless_cli.errors import UserError
from cashless_cli.i18n import Lang, resolve_lang
from cashless_cli.report.safe import escape

if TYPE_CHECKING:
    from cashless_cli.read.mapping import ColumnMapping
    from cashless_cli.schema.month import Month
    from cashless_cli.workspace.config import Workspace


P = ParamSpec("P")
R = TypeVar("R")
Renderer = Callable[[Console, R, Lang, bool], None]  # (console, result, language, show_ids)


class Exit(IntEnum):
    OK = 0
    PROBLEMS = 1  # the input has errors
    UNUSABLE = 2  # a file could not be read, or the command was misused


# The shared options, for the commands written before cli/options.py (same objects).
LangOption = options.Lang
WorkspaceOption = options.Workspace
FormatOption = options.Format
MapOption = options.Map


@dataclass(frozen=True, slots=True)
class Preamble:
    """What every command reads from its options before it calls the library."""

    lang: Lang
    json: bool  # --format json
    show_ids: bool = False  # --show-ids: no masking on the terminal
    month: Month | None = None  # --month, parsed

    def show(self, result: R, document: Callable[[R], Any], render: Renderer[R]) -> None:
        """Print ``result``: as the JSON ``document(result)``, or through ``render``."""
        if self.json:
            print_json(document(result))
        else:
            render(out_console(), result, self.lang, self.show_ids)


def preamble(
    lang: str | None,
    output_format: str = "text",
    *,
    month: str | None = None,
    show_ids: bool = False,
) -> Preamble:
    """The language, format, month and masking of a command, each refused clearly when wrong
    (in this order: the language first, so that the other refusals are in it)."""
    language = lang_of(lang)
    fmt = check_format(output_format, language)
    return Preamble(language, fmt == "json", show_ids, month_option(month, language))


def lang_of(option: str | None) -> Lang:
    if option is not None and option.lower() not in ("vi", "en"):
        lang = resolve_lang()  # $CASHLESS_LANG, else the locale
        fail(_said("cli-usage.lang", lang, value=repr(option)), lang, _try_help(lang))
    return resolve_lang(option or _line_lang())


def _line_lang() -> str | None:
    """The language read from the whole command line (``cashless --lang vi summarize``)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    found = ctx.meta.get("cashless.lang") if ctx is not None else None
    return found if isinstance(found, str) else None


def check_format(value: str, lang: Lang | None = None) -> str:
    value = value.lower()
    if value not in ("text", "json"):
        lang = lang or resolve_lang()
        fail(_said("cli-usage.format", lang, value=repr(value)), lang, _try_help(lang))
    return value


def _said(key: str, lang: Lang, **params: Any) -> str:
    from cashless_cli.problems import text

    return text(key, lang, **params)


def _try_help(lang: Lang) -> str:
    """Where the help of the command being run is (``cashless summarize --help``)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    command = ctx.command_path if ctx is not None else "cashless"
    return _said("cli-usage.try-help", lang, command=command)


def month_option(value: str | None, lang: Lang) -> Month | None:
    """``--month`` as given (YYYY-MM, 06/2023, T6/2023), or None (not given, or given alone:
    the latest month); a clear failure otherwise, saying the form expected."""
    if value is None or not value.strip():
        return None
    from cashless_cli.schema.month import Month

    try:
        return Month.parse(value)
    except ValueError:
        fail(_said("cli-usage.month", lang, value=repr(value)), lang, _try_help(lang))


#: The width of output piped or redirected to a file: wide enough that a path, a command or a
#: table row stays on one line (a terminal's own width is used on a terminal).
PIPED_WIDTH = 400


def out_console() -> Console:
    # emoji=False: a name holding ":smile:" is shown as typed, never as a picture
    return _console(stderr=False)


def err_console() -> Console:
    return _console(stderr=True)


def _console(*, stderr: bool) -> Console:
    """A console for stdout or stderr: on a terminal, its width; piped or redirected (``> ket-
    qua.txt``, ``| findstr``), no wrapping at 80 columns (lines end where the text does)."""
    import os

    stream = sys.stderr if stderr else sys.stdout
    isatty = getattr(stream, "isatty", None)
    piped = not (isatty is not None and isatty())
    width = PIPED_WIDTH if piped and not os.environ.get("COLUMNS") else None
    return Console(stderr=stderr, highlight=False, emoji=False, soft_wrap=piped, width=width)


def print_json(doc: Any) -> None:
    from cashless_cli.report.jsontext import pieces  # json.dumps(indent=2), at C speed

    sys.stdout.writelines(pieces(doc))
    sys.stdout.write("\n")


def fail_code(code: str, lang: Lang, /, **params: Any) -> NoReturn:
    """Fail with the catalogue entry ``code`` (message and hint, markup shown literally)."""
    from cashless_cli.problems import problem_type

    entry = problem_type(code)
    hint = entry.hint(lang, params)
    fail(entry.message(lang, params), lang, hint or None)


def fail(message: str, lang: Lang, hint: str | None = None, code: Exit = Exit.UNUSABLE) -> NoReturn:
    from cashless_cli.problems import text

    console = err_console()
    label = text("cli.error", lang)
    console.print(f"[bold red]{label}:[/] {escape(message)}", markup=True)
    if hint:
        console.print(f"  → {escape(hint)}")
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


def command(function: Callable[P, None]) -> Callable[P, None]:
    """Make ``function`` a ``cashless`` command: an error its library call raises for the user
    to fix ends as a clear message in the command's ``--lang`` and exit code 2, never a
    traceback. The one place where such errors become words (see :func:`said`)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            function(*args, **kwargs)
        except Exception as exc:
            lang = resolve_lang(_text(kwargs.get("lang")) or _line_lang())
            words = said(exc, lang)
            if words is None:
                raise
            message, hint = words
            fail(message, lang, hint)

    return run


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def said(exc: Exception, lang: Lang) -> tuple[str, str | None] | None:
    """What to tell the user about ``exc`` (message, hint), or None when it is not theirs to fix:
    a :class:`UserError` (workspace, output, misuse), a file that cannot be read at all, a ledger
    that cannot be used."""
    if isinstance(exc, UserError):
        from cashless_cli.problems import problem_type

        entry = problem_type(exc.code)
        return entry.message(lang, exc.params), entry.hint(lang, exc.params) or None
    read_error = _loaded_class("cashless_cli.problems", "ReadError")
    if read_error is not None and isinstance(exc, read_error):
        return f"{exc.path}: {exc.message(lang)}", exc.hint(lang)
    ledger_error = _loaded_class("cashless_cli.ledger.store", "LedgerError")
    if ledger_error is not None and isinstance(exc, ledger_error):
        return str(exc), None
    if isinstance(exc, BrokenPipeError):  # the output's reader went away: not the user's to fix
        return None
    if isinstance(exc, OSError):  # a disk, folder or file the system refused: which and why
        return said(os_refusal(exc), lang)
    return None


#: What to do about an OS error, by errno (the rest: check the file and its folder).
_OS_ADVICE: dict[int, str] = {
    errno.ENOSPC: "os.enospc",
    errno.EDQUOT: "os.edquot",
    errno.EROFS: "os.erofs",
    errno.EACCES: "os.eacces",
    errno.EPERM: "os.eperm",
    errno.EISDIR: "os.eisdir",
    errno.ENOTDIR: "os.enotdir",
}


def os_refusal(exc: OSError) -> UserError:
    """An OS error as a catalogue refusal naming the path (``workspace-os-error``)."""
    from cashless_cli.errors import WorkspaceError, os_reason
    from cashless_cli.problems import Phrase

    # a write refused mid-stream (a full disk) may not say which file: the workspace's files
    path = exc.filename if exc.filename is not None else Phrase("os.some-file")
    what = Phrase(_OS_ADVICE.get(exc.errno or 0, "os.other"))
    return WorkspaceError("workspace-os-error", path=path, reason=os_reason(exc), what=what)


def _loaded_class(module: str, name: str) -> Any:
    """``module.name`` when that module is loaded: an error of a module never loaded cannot have
    been raised, and importing it just to ask would load it for nothing."""
    loaded = sys.modules.get(module)
    return getattr(loaded, name, None) if loaded is not None else None
