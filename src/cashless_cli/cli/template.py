"""``cashless template``: the blank roster a commune fills in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli.common import LangOption, fail, lang_of, out_console


def template(
    commune: Annotated[
        str, typer.Option("--commune", help="The commune the roster is for.", show_default=False)
    ],
    month: Annotated[
        str, typer.Option("--month", help="Report month, YYYY-MM.", show_default=False)
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File or folder to write (default: mau-danh-sach-COMMUNE-MONTH.xlsx here).",
            show_default=False,
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            help="Workspace folder: --commune must then be one of its communes.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a blank roster template for a commune and month."""
    from cashless_cli.problems import text
    from cashless_cli.schema.month import Month
    from cashless_cli.write.template import (
        TemplateError,
        check_commune,
        default_name,
        workspace_units,
        write_template,
    )

    language = lang_of(lang)
    try:
        wanted = Month.parse(month)
    except ValueError as exc:
        fail(str(exc), language)
    try:
        units = workspace_units(workspace) if workspace is not None else None
        spec = check_commune(commune, units, wanted)
        path = output if output is not None else Path(default_name(spec.commune, wanted))
        if path.is_dir():
            path = path / default_name(spec.commune, wanted)
        write_template(spec, path, force=force)
    except TemplateError as exc:
        fail(exc.message(language), language)
    except OSError as exc:
        fail(
            text("cli-template.cannot-write-the-file", language, exc=exc),
            language,
        )
    out_console().print(
        text(
            "cli-template.template-written",
            language,
            path=path,
            commune=spec.commune,
            wanted=wanted,
            month=wanted.month,
            year=wanted.year,
        ),
        markup=False,
    )
