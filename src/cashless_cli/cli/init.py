"""``cashless init DIR``: create a workspace (cashless.toml, rosters/, reports/).

Exit codes: 0 created (also when cashless.toml is a template to fill in: the message says so);
2 misuse (a cashless.toml already there without --force, an unknown province or commune,
--commune without --province).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cashless_cli.cli import options
from cashless_cli.cli.common import command, fail, fail_code, lang_of, out_console
from cashless_cli.report.safe import escape


@command
def init(
    directory: Annotated[
        Path,
        typer.Argument(metavar="help.metavar.dir", help="help.init.dir"),
    ] = Path("."),
    district: Annotated[
        str | None,
        typer.Option(metavar="help.metavar.name", help="help.init.district"),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(metavar="help.metavar.name", help="help.init.province"),
    ] = None,
    commune: Annotated[
        str | None,
        typer.Option(metavar="help.metavar.name", help="help.init.commune"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.init.force")] = False,
    lang: options.Lang = None,
) -> None:
    """Create a workspace: cashless.toml with the area's units, and rosters/ and reports/."""
    from cashless_cli.fs.atomic import ensure_folder, write_text
    from cashless_cli.problems import text
    from cashless_cli.workspace.config import CONFIG_NAME, WorkspaceError
    from cashless_cli.workspace.units import commune_config, units_for

    language = lang_of(lang)
    if directory.exists() and not directory.is_dir():
        fail_code("init-target-is-file", language, path=directory)
    config = directory / CONFIG_NAME
    if config.exists() and not force:
        fail_code("init-config-exists", language, config=config)
    if commune is not None and (district is not None or province is None):
        fail_code("init-commune-needs-province", language)
    try:
        units = (
            commune_config(commune, province, language)
            if commune is not None and province is not None
            else units_for(district, province, language)
        )
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    for sub in ("", "rosters", "reports"):
        ensure_folder(directory / sub)
    write_text(config, units.text, private=False)
    console = out_console()
    source = units.source.render(language)
    console.print(escape(text("init.created", language, config=config, source=source)))
    if not units.complete:
        console.print(f"[yellow]{escape(text('init.fill-in', language))}[/]")
    console.print(escape(text("init.next", language, dir=directory)))
