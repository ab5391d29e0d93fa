"""``cashless import-postoffice REPLY``: record the Post Office's answers to a handoff batch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    WorkspaceOption,
    check_format,
    fail,
    lang_of,
    out_console,
    print_json,
)
from cashless_cli.i18n import Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask
from cashless_cli.report.safe import escape

if TYPE_CHECKING:
    from cashless_cli.problems import Problem
    from cashless_cli.replies.reconcile import ImportResult

_W = {
    "en": {
        "where": "{file} — sheet '{sheet}', header row {row}",
        "where_csv": "{file} — CSV ({encoding}, '{delimiter}'), header row {row}",
        "applied": "Recorded {n} answer(s): {opened} account(s) opened, {failed} not opened; "
        "{unchanged} unchanged; {pending} row(s) not answered yet.",
        "forced": "{n} earlier answer(s) replaced (--force).",
        "nothing": "This file changes nothing: {unchanged} answer(s) already recorded, {pending} "
        "row(s) not answered yet.",
        "errors": "{n} error(s): nothing was recorded (a reply is applied whole or not at all).",
        "would": "Without the errors it would record {n} answer(s): {opened} opened, {failed} not "
        "opened ({unchanged} unchanged).",
        "unknown": "Unknown reference codes (not handed over from this workspace): {refs}",
        "kept": "Copy kept: {path}",
        "warnings": "Warnings:",
        "more": "  … {n} more (--format json lists every one).",
    },
    "vi": {
        "where": "{file} — trang '{sheet}', dòng tiêu đề {row}",
        "where_csv": "{file} — CSV ({encoding}, '{delimiter}'), dòng tiêu đề {row}",
        "applied": "Đã ghi {n} kết quả: {opened} tài khoản đã mở, {failed} không mở được; "
        "{unchanged} không đổi; {pending} dòng Bưu điện chưa trả lời.",
        "forced": "Đã thay {n} kết quả cũ (--force).",
        "nothing": "Tệp này không thay đổi gì: {unchanged} kết quả đã có trong sổ theo dõi, "
        "{pending} dòng chưa trả lời.",
        "errors": "{n} lỗi: chưa ghi gì (tệp trả lời chỉ được ghi khi không còn lỗi nào).",
        "would": "Nếu hết lỗi sẽ ghi {n} kết quả: {opened} đã mở, {failed} không mở được "
        "({unchanged} không đổi).",
        "unknown": "Mã tham chiếu không có trong sổ theo dõi: {refs}",
        "kept": "Đã lưu bản sao: {path}",
        "warnings": "Cảnh báo:",
        "more": "  … còn {n} lỗi nữa (--format json liệt kê đủ).",
    },
}


SHOWN = 30  # problems listed on the terminal (the JSON document lists all)
SHOWN_REFS = 20  # unknown reference codes listed on the terminal (the JSON lists all)


def _shown(p: Problem, show_ids: bool) -> Problem:
    if not show_ids and p.column in SENSITIVE_KEYS and p.value not in (None, ""):
        return replace(p, value=mask(p.value))
    return p


def _line(p: Problem, lang: Lang, show_ids: bool) -> str:
    from cashless_cli.problems import Severity

    p = _shown(p, show_ids)
    where = f"{p.sheet}!{p.cell}" if p.sheet and p.cell else (p.cell or f"{p.row}")
    colour = "red" if p.severity is Severity.ERROR else "yellow"
    return f"  [{colour}]{escape(where)}[/] {escape(p.message(lang))}\n    → {escape(p.hint(lang))}"


def render(console: Console, result: ImportResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    reply = result.reply
    if reply is not None:
        if reply.sheet is None:
            console.print(
                escape(
                    w["where_csv"].format(
                        file=result.file,
                        encoding=reply.encoding,
                        delimiter=reply.delimiter,
                        row=reply.header_row,
                    )
                )
            )
        else:
            console.print(
                escape(w["where"].format(file=result.file, sheet=reply.sheet, row=reply.header_row))
            )
    counts = {
        "n": len(result.changes),
        "opened": result.count("opened"),
        "failed": result.count("failed"),
        "unchanged": result.unchanged,
        "pending": result.pending,
    }
    if result.errors:
        console.print(f"[bold red]✗ {escape(w['errors'].format(n=len(result.errors)))}[/]")
        for p in result.errors[:SHOWN]:
            console.print(_line(p, lang, show_ids))
        if len(result.errors) > SHOWN:
            console.print(escape(w["more"].format(n=len(result.errors) - SHOWN)))
        if result.unknown_refs:
            refs = ", ".join(result.unknown_refs[:SHOWN_REFS])
            console.print(escape(w["unknown"].format(refs=refs)))
            if len(result.unknown_refs) > SHOWN_REFS:
                console.print(escape(w["more"].format(n=len(result.unknown_refs) - SHOWN_REFS)))
        console.print(escape(w["would"].format(**counts)))
    elif result.applied:
        console.print(f"[bold green]✓[/] {escape(w['applied'].format(**counts))}")
        forced = sum(1 for c in result.changes if c.forced)
        if forced:
            console.print(escape(w["forced"].format(n=forced)))
    else:
        console.print(escape(w["nothing"].format(**counts)))
    if result.warnings:
        console.print(w["warnings"])
        for p in result.warnings:
            console.print(_line(p, lang, show_ids))
    if result.copy is not None:
        console.print(escape(w["kept"].format(path=result.copy)))


def import_postoffice_command(
    reply: Annotated[
        Path, typer.Argument(help="The Post Office's reply: .xlsx, .xls, .ods or .csv.")
    ],
    workspace: WorkspaceOption = Path("."),
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace answers already recorded for these references."),
    ] = False,
    output_format: FormatOption = "text",
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full account numbers on the terminal.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Record the Post Office's reply to a batch: accounts opened, or not and why.

    Exit code 0: recorded (or nothing to change); 1: the file has errors, nothing recorded;
    2: the file or the workspace cannot be used.
    """
    from cashless_cli.problems import ReadError
    from cashless_cli.replies.reconcile import import_reply
    from cashless_cli.workspace.config import WorkspaceError, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    try:
        ws = load_workspace(workspace)
        result = import_reply(ws, reply, force=force)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    except ReadError as exc:
        fail(f"{exc.path}: {exc.message(language)}", language, exc.hint(language))
    if fmt == "json":
        print_json(result.to_dict(language))
    else:
        render(out_console(), result, language, show_ids)
    if result.errors:
        raise typer.Exit(int(Exit.PROBLEMS))
