"""``--help`` and the command line's own errors in the user's language.

Every help text, metavar and panel title of the app is a key of :mod:`cashless_cli.texts`
(``help.…``): one source for both languages. The language is decided when a command parses its
arguments (``--lang`` anywhere on the line, else ``$CASHLESS_LANG``, else the locale), before
Typer prints a help page or an error, so the click objects are worded then
(:func:`localise`). Option errors (an unknown option, a missing value, a bad number...) are
said by :func:`usage_error` in that language, with what was expected, exit code 2.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from typer import _click as click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.exceptions import Abort

from cashless_cli.i18n import Lang, resolve_lang
from cashless_cli.texts import TEXTS

_LANG = "cashless.lang"  # ctx.meta key: shared by a context and the contexts of its commands
_DONE = "_cashless_lang"  # attribute on a click object: the language it was worded in
LATEST = ""  # --month typed without a value: the latest month (Month option of None)


def lang_in(args: Sequence[str]) -> str | None:
    """``--lang`` as typed in ``args`` (the last one wins, as the parser does)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


def lang_of_context(ctx: click.Context | None) -> Lang:
    chosen = ctx.meta.get(_LANG) if ctx is not None else None
    return chosen if chosen in ("vi", "en") else resolve_lang(lang_in(sys.argv[1:]))


def say(key: str, lang: Lang, **params: Any) -> str:
    entry = TEXTS[key]
    template = entry.vi if lang == "vi" else entry.en
    return template.format(**params) if params else template


def _word(value: str | None, lang: Lang) -> str | None:
    """A ``help.…`` key worded in ``lang``; anything else (already worded) as it is."""
    if value is not None and value.startswith("help.") and value in TEXTS:
        return say(value, lang)
    return value


def _help(value: str | None, lang: Lang) -> str | None:
    """A help text for Typer's rich markup: brackets ([mapping]) are text, not styles."""
    from rich.markup import escape

    worded = _word(value, lang)
    return escape(worded) if worded is not None and worded != value else worded


def localise(command: click.Command, ctx: click.Context, lang: Lang) -> None:
    """Word ``command``'s help, its parameters' help and metavars, its panels in ``lang``."""
    if getattr(command, _DONE, None) == lang:
        return
    setattr(command, _DONE, lang)
    long = f"{command.help}.long"
    command.help = _help(command.help, lang)
    if long in TEXTS and command.help is not None:  # the line of the list, then the details
        command.help += "\n\n" + (_help(long, lang) or "")
    command.short_help = _help(command.short_help, lang)
    command.options_metavar = say("help.usage.options", lang)
    for param in command.get_params(ctx):
        if not isinstance(param, TyperOption | TyperArgument):
            continue
        if param.name == "help":
            param.help = say("help.help", lang)
        else:
            param.help = _help(param.help, lang)
        is_flag = isinstance(param, TyperOption) and param.is_flag
        if is_flag:
            param.metavar = ""  # a switch takes no value: no <bool>
        elif param.metavar is None:
            param.metavar = say("help.metavar.value", lang)
        else:
            param.metavar = _word(param.metavar, lang)
        if isinstance(param, TyperArgument):  # its name is its metavar: no <dir> beside it
            setattr(param, "display_type_rich", _no_type)  # noqa: B010 - an instance's own
        panel = "arguments" if isinstance(param, TyperArgument) else "options"
        param.rich_help_panel = say(f"help.panel.{panel}", lang)
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = say("help.usage.command", lang)
        for sub in command.commands.values():
            sub.short_help = _help(sub.short_help, lang)
            if isinstance(sub, TyperCommand | TyperGroup):
                sub.rich_help_panel = say("help.panel.commands", lang)


def _no_type(ctx: click.Context) -> str | None:
    return None


@contextlib.contextmanager
def _rich_words(lang: Lang) -> Iterator[None]:
    """Typer's own words on a help page ([default: …], [required]) in ``lang``, for its time."""
    from typer import rich_utils

    names = {
        "DEFAULT_STRING": "help.default",
        "ENVVAR_STRING": "help.envvar",
        "REQUIRED_LONG_STRING": "help.required",
    }
    saved = {name: getattr(rich_utils, name) for name in names}
    for name, key in names.items():
        setattr(rich_utils, name, say(key, lang))
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)


def _fill_bare_month(args: list[str]) -> list[str]:
    """``--month`` with no value after it (the end, or another option next): the latest month."""
    out: list[str] = []
    for i, arg in enumerate(args):
        out.append(arg)
        if arg == "--":
            out.extend(args[i + 1 :])
            break
        following = args[i + 1] if i + 1 < len(args) else None
        if arg == "--month" and (following is None or following.startswith("-")):
            out.append(LATEST)
    return out


class _Worded:
    """What the app's command and group share: the language, help and usage in it."""

    bare_month = False  # --month alone means the latest month

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.meta.get(_LANG) is None:
            ctx.meta[_LANG] = resolve_lang(lang_in(args))
        assert isinstance(self, click.Command)
        localise(self, ctx, ctx.meta[_LANG])
        if self.bare_month:
            args = _fill_bare_month(args)
        try:
            parsed: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except click.ClickException as exc:
            if getattr(exc, "ctx", None) is None:  # the parser's errors do not say the command
                exc.ctx = ctx  # type: ignore[attr-defined]
            raise
        return parsed

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = lang_of_context(ctx)
        assert isinstance(self, click.Command)
        localise(self, ctx, lang)
        with _rich_words(lang):
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        assert isinstance(self, click.Command)
        pieces = self.collect_usage_pieces(ctx)
        prefix = say("help.usage", lang_of_context(ctx))
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix)


class Command(_Worded, TyperCommand):
    """A ``cashless`` command."""


class LatestMonthCommand(Command):
    """A command whose ``--month`` alone means the latest month with rosters."""

    bare_month = True


class UnknownCommand(click.exceptions.UsageError):
    """A command the app does not have (``cashless sumarize``), and the commands it may mean."""

    def __init__(self, name: str, close: list[str], ctx: click.Context) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        self.close = close


def close_names(typed: str, names: Sequence[str]) -> list[str]:
    """The names ``typed`` may stand for: the ones it begins (``export``: ``export-payments``,
    ``export-postoffice``) or, else, the ones spelt nearly alike (``sumarize``, ``validat``)."""
    typed = typed.lower()
    begun = sorted(n for n in names if len(typed) >= 3 and n.startswith(typed))
    return begun or difflib.get_close_matches(typed, names, n=3, cutoff=0.6)


class Group(_Worded, TyperGroup):
    """The ``cashless`` app: its errors are said in the user's language too."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchOption:
            raise
        except click.exceptions.UsageError as exc:
            if not args or self.get_command(ctx, args[0]) is not None:
                raise
            close = close_names(args[0], sorted(self.commands))
            raise UnknownCommand(args[0], close, ctx) from exc

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except click.exceptions.NoArgsIsHelpError:
            if not standalone_mode:
                raise
            sys.exit(2)  # the help is printed already
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            usage_error(exc)
        except Abort:
            if not standalone_mode:
                raise
            sys.stderr.write(say("cli-usage.aborted", resolve_lang(lang_in(sys.argv[1:]))))
            sys.stderr.write("\n")
            sys.exit(1)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


def _name(param: click.Parameter | None) -> str:
    if param is None:
        return "?"
    if isinstance(param, TyperOption) and param.opts:
        return max(param.opts, key=len)
    return param.metavar or param.name or "?"


def _option(ctx: click.Context | None, name: str) -> click.Parameter | None:
    if ctx is None:
        return None
    for param in ctx.command.params:
        if isinstance(param, TyperOption) and name in param.opts:
            return param
    return None


def expected(param: click.Parameter | None, lang: Lang) -> str:
    """What ``param`` takes, in words: a number, a folder, a file, or its metavar (YYYY-MM)."""
    kind = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if kind is int:
        low = getattr(param, "min", None)
        if low is not None:
            return say("cli-usage.expect-int-min", lang, min=low)
        return say("cli-usage.expect-int", lang)
    info = getattr(getattr(param, "type_descriptor", None), "parameter_info", None)
    kinds = (param, info) if param is not None else ()
    if any(getattr(k, "file_okay", True) is False for k in kinds):  # typer.Option(file_okay=)
        return say("cli-usage.expect-dir", lang)
    if any(getattr(k, "dir_okay", True) is False for k in kinds):
        return say("cli-usage.expect-file", lang)
    metavar = param.metavar if param is not None else None
    return metavar or say("help.metavar.value", lang)


def message(exc: click.ClickException, lang: Lang) -> str:
    """What went wrong on the command line, in ``lang``."""
    exceptions = click.exceptions
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, exceptions.NoSuchOption):
        said = say("cli-usage.no-such-option", lang, option=exc.option_name)
        return said + _did_you_mean(sorted(exc.possibilities or ()), lang)
    if isinstance(exc, UnknownCommand):
        said = say("cli-usage.no-such-command", lang, name=exc.name)
        return said + _did_you_mean(exc.close, lang)
    if isinstance(exc, exceptions.BadOptionUsage):
        param = _option(ctx, exc.option_name)
        return say(
            "cli-usage.needs-value", lang, option=exc.option_name, expected=expected(param, lang)
        )
    if isinstance(exc, exceptions.MissingParameter):
        param = exc.param
        what = expected(param, lang)
        if what == _name(param) and param is not None and getattr(param, "help", None):
            what = _plain(str(getattr(param, "help", ""))).rstrip(".")
        return say("cli-usage.missing", lang, name=_name(param), expected=what)
    if isinstance(exc, exceptions.BadParameter):
        param = exc.param
        return say("cli-usage.bad-value", lang, name=_name(param), expected=expected(param, lang))
    text = exc.format_message()
    extra = re.search(r"unexpected extra arguments?(?:\(s\))? \((.*)\)", text)
    if extra:
        return say("cli-usage.extra", lang, args=extra.group(1))
    return say("cli-usage.other", lang, detail=text)


def _did_you_mean(names: Sequence[str], lang: Lang) -> str:
    return " " + say("cli-usage.did-you-mean", lang, names=", ".join(names)) if names else ""


def _plain(markup: str) -> str:
    """A help text as worded for Typer's markup, back to plain text."""
    return markup.replace("\\[", "[")


def usage_error(exc: click.ClickException) -> NoReturn:
    """Say ``exc`` in the user's language: the usage line, what is wrong, where help is."""
    from cashless_cli.report.safe import escape

    ctx = getattr(exc, "ctx", None)
    lang = lang_of_context(ctx)
    console = _console()
    if ctx is not None:
        console.print(escape(ctx.get_usage()), markup=True)
    label = say("cli.error", lang)
    console.print(f"[bold red]{escape(label)}:[/] {escape(message(exc, lang))}")
    if ctx is not None:
        console.print(f"  → {escape(say('cli-usage.try-help', lang, command=ctx.command_path))}")
    sys.exit(exc.exit_code)


def _console() -> Any:
    from cashless_cli.cli.common import err_console

    return err_console()
