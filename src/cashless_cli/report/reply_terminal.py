"""The Post Office's reply on a terminal, with rich: where the answers were read, what was
recorded (or would be, without the errors), the problems at their cells, and the copy kept."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from cashless_cli.i18n import Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask

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


def render_reply(console: Console, result: ImportResult, lang: Lang, show_ids: bool) -> None:
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
            console.print(escape(w["unknown"].format(refs=", ".join(result.unknown_refs))))
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
