"""``cashless template``: the blank roster a commune fills in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import command, out_console, preamble
from cashless_cli.errors import OutputError


@command
def template(
    commune: Annotated[
        str,
        typer.Option(
            "--commune",
            metavar="help.metavar.name",
            help="help.template.commune",
            show_default=False,
        ),
    ],
    month: Annotated[str, options.month("help.template.month")],
    output: Annotated[
        Path | None,
        options.path(
            "--output",
            "-o",
            help="help.template.output",
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        options.path(
            "--workspace",
            "-w",
            metavar="help.metavar.dir",
            help="help.template.workspace",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.template.force")] = False,
    lang: options.Lang = None,
) -> None:
    """Write a blank roster template for a commune and month."""
    from cashless_cli.problems import text
    from cashless_cli.write.template import write_template_for

    settings = preamble(lang, month=month)
    wanted = settings.month
    assert wanted is not None  # --month is required
    if workspace is not None:  # named: it must be one (the folder named, both ways out)
        from cashless_cli.workspace.config import load_workspace

        load_workspace(workspace)
    try:
        spec, path = write_template_for(commune, wanted, output, workspace, force)
    except OSError as exc:  # the place cannot be looked at (a name too long, a file in the way)
        raise OutputError.from_os_error(exc.filename or output or ".", exc) from exc
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
