"""``cashless validate``: check rosters and report every problem at its cell."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    MapOption,
    check_format,
    err_console,
    fail,
    fail_code,
    lang_of,
    map_option,
    month_option,
    out_console,
    print_json,
    with_mapping,
)
from cashless_cli.i18n import Lang

if TYPE_CHECKING:
    from cashless_cli.checks.accounts import KnownAccount
    from cashless_cli.validation import FileReport
    from cashless_cli.workspace.config import Workspace


def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Roster files or folders of rosters.", show_default=False)
    ],
    commune: Annotated[
        str | None, typer.Option(help="Commune the rosters are for (overrides the file).")
    ] = None,
    month: Annotated[
        str | None, typer.Option(help="Report month, YYYY-MM (overrides the file).")
    ] = None,
    output_format: FormatOption = "text",
    max_issues: Annotated[
        int,
        typer.Option(help="Problems shown on the terminal, errors first (all are counted).", min=0),
    ] = 50,
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full ID, phone and account numbers.")
    ] = False,
    lang: LangOption = None,
    mapping: MapOption = None,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate",
            metavar="OUT.xlsx",
            help="Write a copy of the roster with its problems marked (one input file).",
            show_default=False,
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            "-w",
            help="Workspace whose base levels and Post Office replies apply "
            "(default: the current folder when it has cashless.toml).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    annotate_dir: Annotated[
        Path | None,
        typer.Option(
            "--annotate-dir",
            metavar="DIR",
            help="Write a marked copy of every roster into DIR (NAME.kiem-tra.xlsx).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check commune rosters and report every problem at its cell.

    Exit code 0: no errors (warnings allowed); 1: errors found; 2: a file could not be read.
    """
    from cashless_cli.problems import Severity
    from cashless_cli.validation import (
        Options,
        apply_known_accounts,
        iter_roster_paths,
        validate_file,
    )

    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted = month_option(month, language)
    files = iter_roster_paths(paths)
    if not files:
        fail_code("validate-no-rosters", language)
    _check_annotate_options(annotate, annotate_dir, paths, files, language)
    options = Options(commune=commune, month=wanted, mapping=map_option(mapping, language))
    known: dict[str, KnownAccount] = {}
    ws = _workspace(workspace, language)
    if ws is not None:
        from cashless_cli.replies.answers import known_accounts

        ws = with_mapping(ws, mapping, language)
        options = replace(options, base_levels=ws.area.base_levels, mapping=ws.mapping)
        known = known_accounts(ws)
    reports = [validate_file(path, options) for path in files]
    for report in reports:
        apply_known_accounts(report, known)
    if fmt == "json":
        from cashless_cli.report.json_report import validate_document

        print_json(validate_document(reports, language))
    else:
        from cashless_cli.report.terminal import render_all

        render_all(out_console(), reports, language, max_issues, show_ids)
    annotate_failed = False
    if annotate is not None or annotate_dir is not None:
        annotate_failed = not _annotate(reports, annotate, annotate_dir, language, fmt)
    if annotate_failed or any(r.error is not None for r in reports):
        raise typer.Exit(int(Exit.UNUSABLE))
    if any(r.count(Severity.ERROR) for r in reports):
        raise typer.Exit(int(Exit.PROBLEMS))


def _workspace(given: Path | None, lang: Lang) -> Workspace | None:
    """The workspace named, or the current folder when it is one; None otherwise."""
    from cashless_cli.workspace.config import WorkspaceError, find_config, load_workspace

    root = given if given is not None else Path(".")
    if given is None and find_config(root) is None:
        return None
    try:
        return load_workspace(root)
    except WorkspaceError as exc:
        fail(exc.message(lang), lang)


def _check_annotate_options(
    annotate: Path | None,
    annotate_dir: Path | None,
    paths: list[Path],
    files: list[Path],
    lang: Lang,
) -> None:
    """Refuse a misuse before any work is done."""
    if annotate is not None and annotate_dir is not None:
        fail_code("option-annotate-both", lang)
    if annotate is not None and (len(files) != 1 or any(p.is_dir() for p in paths)):
        fail_code("option-annotate-several", lang, n=len(files))
    if annotate_dir is not None:
        if annotate_dir.exists() and not annotate_dir.is_dir():
            fail_code("option-annotate-dir-not-folder", lang, folder=annotate_dir)
        target = annotate_dir.resolve()
        for folder in (p.resolve() for p in paths if p.is_dir()):
            if target == folder or folder in target.parents:
                fail_code("option-annotate-dir-inside", lang, folder=annotate_dir, rosters=folder)


def _annotate(
    reports: list[FileReport],
    annotate: Path | None,
    annotate_dir: Path | None,
    lang: Lang,
    fmt: str,
) -> bool:
    """Write the annotated copies; True when every readable roster got one."""
    from cashless_cli.problems import text
    from cashless_cli.write.annotate import AnnotateError, annotate_copy, outputs_in

    console = err_console() if fmt == "json" else out_console()
    if annotate is not None:
        targets = [annotate]
    else:
        assert annotate_dir is not None
        try:
            annotate_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail_code("annotate-dir-not-created", lang, folder=annotate_dir, error=exc.strerror)
        targets = outputs_in(annotate_dir, reports)
    ok = True
    for report, target in zip(reports, targets, strict=True):
        if report.error is not None:
            console.print(text("validate.not-annotated", lang, name=report.path.name), markup=False)
            continue
        try:
            done = annotate_copy(report, target, lang)
        except AnnotateError as exc:
            ok = False
            label = text("cli.error", lang)
            console.print(f"[bold red]{label}:[/] {escape(exc.message(lang))}", markup=True)
            continue
        note = text("validate.rebuilt", lang) if done.rebuilt else ""
        console.print(
            text(
                "validate.annotated",
                lang,
                path=done.path,
                cells=done.marked_cells,
                rows=done.marked_rows,
                note=note,
            ),
            markup=False,
        )
    return ok
