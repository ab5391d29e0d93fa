"""The options ``export-postoffice`` and ``export-payments`` share, declared once, and what both
do before their library call: the preamble, the workspace with ``--map`` on top, the password.

A command is written with its own options only and a ``start`` parameter;
:func:`export_command` adds the shared ones to the signature Typer reads, and gives the
function the :class:`ExportStart` they make.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from cashless_cli.cli import options
from cashless_cli.cli.common import Preamble, preamble, with_mapping
from cashless_cli.cli.password import resolve_password

if TYPE_CHECKING:
    from cashless_cli.workspace.config import Workspace


@dataclass(frozen=True, slots=True)
class ExportStart:
    settings: Preamble
    workspace: Workspace
    password: str | None  # None: the workbook is not encrypted


def _shared(
    month: options.LatestMonth = None,
    workspace: options.Workspace = Path("."),
    password_prompt: options.PasswordPrompt = False,
    output_format: options.Format = "text",
    show_ids: options.ShowIds = False,
    lang: options.Lang = None,
    mapping: options.Map = None,
) -> None:
    """The signature of the shared options (never called)."""


def start_export(envvar: str, values: dict[str, Any]) -> ExportStart:
    """The shared options checked (exit 2 on a wrong one, before any work), the workspace
    loaded with ``--map`` on top, the password from ``--password``, ``envvar`` or the prompt."""
    from cashless_cli.workspace.config import load_workspace

    settings = preamble(
        values["lang"], values["output_format"], month=values["month"], show_ids=values["show_ids"]
    )
    secret = resolve_password(values["password"], envvar, values["password_prompt"], settings.lang)
    ws = with_mapping(load_workspace(values["workspace"]), values["mapping"], settings.lang)
    return ExportStart(settings, ws, secret)


def export_command(envvar: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Make ``function(start, **own)`` a command taking its own options and the shared ones
    (``--password`` read from ``envvar`` too)."""
    password = inspect.Parameter(
        "password",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[str | None, options.password(envvar)],
    )
    shared = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for p in inspect.signature(_shared, eval_str=True).parameters.values()
    ]
    names = {p.name for p in shared} | {"password"}

    def wrap(function: Callable[..., None]) -> Callable[..., None]:
        own = [
            p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
            for p in inspect.signature(function, eval_str=True).parameters.values()
            if p.name != "start"
        ]

        @functools.wraps(function)
        def run(**values: Any) -> None:
            start = start_export(envvar, {k: v for k, v in values.items() if k in names})
            function(start, **{k: v for k, v in values.items() if k not in names})

        parameters = [shared[0], shared[1], password, *own, *shared[2:]]
        run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        del run.__wrapped__  # Typer reads the new signature, not the function's
        return run

    return wrap
