"""``cashless template``: the blank roster a commune fills in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import command, fail, out_console, preamble


@command
def template(
    commune: Annotated[
        str, typer.Option("--commune", help="The commune the roster is for.", show_default=False)
    ],
    month: Annotated[
        str, typer.Option("--month", help="Report month, YYYY-MM.", show_default=False)
    ],
    output: Annotated[
        Path | None,
        options.path(
            "--output",
            "-o",
            help="File or folder to write (default: mau-danh-sach-COMMUNE-MONTH.xlsx here).",
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        options.path(
            "--workspace", help="Workspace folder: --commune must then be one of its communes."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: options.Lang = None,
) -> None:
    """Write a blank roster template for a commune and month."""
    from cashless_cli.problems import text
    from cashless_cli.write.template import write_template_for

    settings = preamble(lang, month=month)
    wanted = settings.month
    assert wanted is not None  # --month is required
    try:
        spec, path = write_template_for(commune, wanted, output, workspace, force)
    except OSError as exc:
        fail(
            text("cli-template.cannot-write-the-file", settings.lang, exc=exc),
            settings.lang,
        )
    out_console().print(
        text(
            "cli-template.template-written",
            settings.lang,
            path=path,
            commune=spec.commune,
            wanted=wanted,
            month=wanted.month,
            year=wanted.year,
        ),
        markup=False,
    )
