"""``cashless validate``: check rosters and report every problem at its cell."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    check_format,
    err_console,
    fail,
    lang_of,
    month_option,
    out_console,
    print_json,
)
from cashless_cli.i18n import Lang
from cashless_cli.report.safe import escape

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
        fail(
            "Không có tệp danh sách nào (.xlsx, .xlsm, .xls, .ods) trong đường dẫn đã cho."
            if language == "vi"
            else "No roster files (.xlsx, .xlsm, .xls, .ods) in the given paths.",
            language,
        )
    _check_annotate_options(annotate, annotate_dir, paths, files, language)
    options = Options(commune=commune, month=wanted)
    known: dict[str, KnownAccount] = {}
    ws = _workspace(workspace, language)
    if ws is not None:
        from cashless_cli.replies.answers import known_accounts

        options = replace(options, base_levels=ws.area.base_levels)
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
    vi = lang == "vi"
    if annotate is not None and annotate_dir is not None:
        fail(
            "Chỉ dùng một trong hai: --annotate hoặc --annotate-dir."
            if vi
            else "Use either --annotate or --annotate-dir, not both.",
            lang,
        )
    if annotate is not None and (len(files) != 1 or any(p.is_dir() for p in paths)):
        fail(
            f"--annotate ghi một tệp nhưng có {len(files)} tệp danh sách."
            if vi
            else f"--annotate writes one file, but there are {len(files)} roster files.",
            lang,
            "Dùng --annotate-dir THƯ_MỤC để đánh dấu nhiều tệp."
            if vi
            else "Use --annotate-dir DIR to annotate several files.",
        )
    if annotate_dir is not None:
        if annotate_dir.exists() and not annotate_dir.is_dir():
            fail(
                f"{annotate_dir} không phải là thư mục."
                if vi
                else f"{annotate_dir} is not a folder.",
                lang,
            )
        target = annotate_dir.resolve()
        for folder in (p.resolve() for p in paths if p.is_dir()):
            if target == folder or folder in target.parents:
                fail(
                    f"Thư mục {annotate_dir} nằm trong thư mục danh sách {folder}: lần kiểm "
                    "tra sau sẽ đọc nhầm các bản đánh dấu là danh sách."
                    if vi
                    else f"{annotate_dir} is inside the rosters folder {folder}: the next check "
                    "would read the annotated copies as rosters.",
                    lang,
                    "Chọn một thư mục khác." if vi else "Choose another folder.",
                )


def _annotate(
    reports: list[FileReport],
    annotate: Path | None,
    annotate_dir: Path | None,
    lang: Lang,
    fmt: str,
) -> bool:
    """Write the annotated copies; True when every readable roster got one."""
    from cashless_cli.write.annotate import AnnotateError, annotate_copy, outputs_in

    console = err_console() if fmt == "json" else out_console()
    vi = lang == "vi"
    if annotate is not None:
        targets = [annotate]
    else:
        assert annotate_dir is not None
        try:
            annotate_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(
                f"Không tạo được thư mục {annotate_dir}: {exc.strerror}."
                if vi
                else f"Cannot create the folder {annotate_dir}: {exc.strerror}.",
                lang,
            )
        targets = outputs_in(annotate_dir, reports)
    ok = True
    for report, target in zip(reports, targets, strict=True):
        if report.error is not None:
            console.print(
                f"{report.path.name}: không đọc được nên không đánh dấu."
                if vi
                else f"{report.path.name}: not readable, so not annotated.",
                markup=False,
            )
            continue
        try:
            done = annotate_copy(report, target, lang)
        except AnnotateError as exc:
            ok = False
            label = "Lỗi" if vi else "Error"
            console.print(f"[bold red]{label}:[/] {escape(exc.message(lang))}", markup=True)
            continue
        note = (" (dựng lại thành .xlsx)" if vi else " (rebuilt as .xlsx)") if done.rebuilt else ""
        console.print(
            (
                f"Bản đánh dấu: {done.path} — {done.marked_cells} ô, {done.marked_rows} dòng{note}"
                if vi
                else f"Annotated copy: {done.path} — {done.marked_cells} cells, "
                f"{done.marked_rows} rows marked{note}"
            ),
            markup=False,
        )
    return ok
