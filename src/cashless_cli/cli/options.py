"""The options the commands share, defined once: a command names them in its signature.

Help texts and metavars are keys of :mod:`cashless_cli.texts` (``help.…``), worded in the
user's language when the app is built (:mod:`cashless_cli.cli.localise`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

Lang = Annotated[
    str | None,
    typer.Option("--lang", metavar="vi|en", help="help.lang", show_default=False),
]
Workspace = Annotated[
    Path,
    typer.Option(
        "--workspace", "-w", metavar="help.metavar.dir", help="help.workspace", file_okay=False
    ),
]
Format = Annotated[
    str,
    typer.Option("--format", metavar="text|json", help="help.format", case_sensitive=False),
]


def month(help: str = "help.month-latest") -> Any:
    """``--month``: a month as YYYY-MM (06/2023 and T6/2023 are read too)."""
    return typer.Option("--month", metavar="YYYY-MM", help=help, show_default=False)


def password(envvar: str) -> Any:
    """``--password``: encrypt the workbook written; taken from ``envvar`` when not given."""
    return typer.Option(
        "--password",
        envvar=envvar,
        metavar="help.metavar.password",
        help="help.password",
        show_default=False,
        show_envvar=True,
    )


def path(*names: str, help: str, **more: Any) -> Any:
    """An optional file or folder option, no default shown (``--annotate``, ``--output``...)."""
    more.setdefault("metavar", "help.metavar.file")
    return typer.Option(*names, help=help, show_default=False, **more)


#: ``--month`` of the commands whose default (and ``--month`` alone) is the latest month.
LatestMonth = Annotated[str | None, month()]
#: ``--show-ids``: full ID, phone and account numbers instead of masked ones.
ShowIds = Annotated[bool, typer.Option("--show-ids", help="help.show-ids")]
#: ``--password-prompt``: ask for the workbook's password without showing it.
PasswordPrompt = Annotated[bool, typer.Option("--password-prompt", help="help.password-prompt")]
#: ``--workspace`` of the commands that use one only when there is one.
OptionalWorkspace = Annotated[
    Path | None,
    path(
        "--workspace",
        "-w",
        help="help.workspace-if-any",
        metavar="help.metavar.dir",
        file_okay=False,
    ),
]

Map = Annotated[
    list[str] | None,
    typer.Option("--map", metavar="help.metavar.header-key", help="help.map", show_default=False),
]
