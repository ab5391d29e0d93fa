"""The options the commands share, defined once: a command names them in its signature.

``Lang``, ``Format`` and ``Workspace`` are the same everywhere; ``--month``, ``--password`` and
``--show-ids`` keep one name and one behaviour but say in each command's ``--help`` what they
mean there, so they are made by a function taking that help text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of messages: vi or en (default: $CASHLESS_LANG, else the system locale).",
        show_default=False,
    ),
]
Workspace = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        help="The workspace folder (with cashless.toml). Default: the current folder.",
        file_okay=False,
    ),
]
Format = Annotated[
    str, typer.Option("--format", help="Output format: text or json.", case_sensitive=False)
]


def month(help: str) -> Any:
    """``--month``: a month as YYYY-MM (06/2023 and T6/2023 are read too)."""
    return typer.Option("--month", help=help)


def password(envvar: str, help: str) -> Any:
    """``--password``: encrypt the workbook written; taken from ``envvar`` when not given."""
    return typer.Option(
        "--password", envvar=envvar, help=help, show_default=False, show_envvar=True
    )


def show_ids(help: str) -> Any:
    """``--show-ids``: full ID, phone and account numbers instead of masked ones."""
    return typer.Option("--show-ids", help=help)


def path(*names: str, help: str, **more: Any) -> Any:
    """An optional file or folder option, no default shown (``--annotate``, ``--output``...)."""
    return typer.Option(*names, help=help, show_default=False, **more)


Map = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        metavar="HEADER=KEY",
        help='Say which header is which column, e.g. --map "Tên chủ hộ=ho_ten"; "HEADER=-" '
        "ignores a column. Repeatable; on top of the [mapping] of cashless.toml.",
        show_default=False,
    ),
]
