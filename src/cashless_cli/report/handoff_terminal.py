"""A Post Office handoff on a terminal, with rich: the batch, one row per commune, the rows held
back with their reasons, and the files written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from cashless_cli.i18n import Lang
from cashless_cli.mask import mask
from cashless_cli.report.parts import money, plain_table

if TYPE_CHECKING:
    from cashless_cli.handoff.export import ExportResult

_W = {
    "en": {
        "nothing": "Nothing new to hand over for {month}: no batch written.",
        "batch": "Batch {batch} ({month}): {rows} handed over, {amount} đồng a month in total; "
        "{held} held back; {already} handed over before.",
        "resend": "Resent from batch {old}.",
        "commune": "Commune",
        "rows": "Handed over",
        "held": "Held back",
        "already": "Before",
        "note": "Note",
        "held_title": "Held back — to be fixed by the commune first:",
        "files": "Files:",
        "enc": "The workbook is encrypted; the CSV and the held-back list are not: keep them "
        "inside the office.",
        "recovered": "Cleaned up after an interrupted export: {n} leftover file(s).",
        "stray": "Not used",
    },
    "vi": {
        "nothing": "Không có ai mới để chuyển Bưu điện tháng {month}: không lập đợt mới.",
        "batch": "Đợt {batch} (tháng {month}): chuyển {rows} người, tổng trợ cấp {amount} đồng/"
        "tháng; giữ lại {held} dòng; {already} người đã chuyển ở đợt trước.",
        "resend": "Gửi lại từ đợt {old}.",
        "commune": "Xã",
        "rows": "Chuyển",
        "held": "Giữ lại",
        "already": "Đã chuyển",
        "note": "Ghi chú",
        "held_title": "Dòng giữ lại — xã cần sửa trước khi chuyển:",
        "files": "Tệp:",
        "enc": "Tệp Excel đã đặt mật khẩu; tệp CSV và danh sách giữ lại thì không: chỉ dùng nội "
        "bộ.",
        "recovered": "Đã dọn {n} tệp còn sót lại của lần xuất bị gián đoạn.",
        "stray": "Không dùng",
    },
}


def render_handoff(console: Console, result: ExportResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    sel = result.selection
    if result.recovered:
        console.print(f"[yellow]{w['recovered'].format(n=len(result.recovered))}[/]")
    if result.batch is None:
        console.print(w["nothing"].format(month=result.month))
    else:
        console.print(
            "[bold]"
            + escape(
                w["batch"].format(
                    batch=result.batch,
                    month=result.month,
                    rows=len(result.rows),
                    amount=money(result.total_amount),
                    held=len(sel.held),
                    already=sel.already,
                )
            )
            + "[/]"
        )
        if result.resend_of:
            console.print(w["resend"].format(old=result.resend_of))
    table = plain_table()
    table.add_column(w["commune"])
    table.add_column(w["rows"], justify="right")
    table.add_column(w["held"], justify="right")
    table.add_column(w["already"], justify="right")
    table.add_column(w["note"])
    for c in sel.communes:
        note = c.problem(lang)
        table.add_row(
            escape(c.unit.name),
            str(len(c.rows)),
            f"[red]{len(c.held)}[/]" if c.held else "0",
            str(c.already),
            f"[red]{escape(note)}[/]" if note else "",
        )
    for path, en, vi in sel.stray_files:
        table.add_row(
            escape(path.name),
            "",
            "",
            "",
            f"[yellow]{w['stray']}: {escape(vi if lang == 'vi' else en)}[/]",
        )
    console.print(table)
    if sel.held:
        console.print(f"[bold]{w['held_title']}[/]")
        for h in sel.held:
            ident = h.beneficiary_id or ""
            shown_id = ident if show_ids else mask(ident)
            for reason in h.reasons:
                where = f"{h.source.name}!{reason.cell or h.source_row}"
                console.print(
                    f"  {escape(h.commune)} · {escape(where)} · {escape(h.name or '')} "
                    f"{escape(shown_id)}: {escape(reason.message(lang, show_ids))}"
                )
    if result.files:
        console.print(w["files"])
        for path in result.files:
            console.print(f"  {escape(str(path))}")
        if result.encrypted:
            console.print(f"[yellow]{w['enc']}[/]")
