"""``cashless export-postoffice``: hand the month's new registrations to the Post Office."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    WorkspaceOption,
    check_format,
    fail,
    lang_of,
    month_option,
    out_console,
    print_json,
)
from cashless_cli.i18n import Lang
from cashless_cli.mask import mask
from cashless_cli.report.safe import escape

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


def _money(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def render(console: Console, result: ExportResult, lang: Lang, show_ids: bool) -> None:
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
                    amount=_money(result.total_amount),
                    held=len(sel.held),
                    already=sel.already,
                )
            )
            + "[/]"
        )
        if result.resend_of:
            console.print(w["resend"].format(old=result.resend_of))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
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


def export_postoffice_command(
    month: Annotated[
        str | None, typer.Option(help="Report month, YYYY-MM (default: the latest).")
    ] = None,
    workspace: WorkspaceOption = Path("."),
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="CASHLESS_HANDOFF_PASSWORD",
            help="Encrypt the Post Office workbook with this password "
            "(or set CASHLESS_HANDOFF_PASSWORD).",
            show_default=False,
            show_envvar=True,
        ),
    ] = None,
    resend: Annotated[
        str | None,
        typer.Option(
            "--resend", metavar="BATCH", help="Hand the people of an earlier batch over again."
        ),
    ] = None,
    output_format: FormatOption = "text",
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full ID numbers on the terminal.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Hand the month's registrations (Đã đăng ký) to the Post Office, never twice.

    Exit code 0: done (even with rows held back, or nothing new); 1: done, but a commune's
    roster could not be read (its people wait; the summary says why); 2: unusable workspace or
    bad options.
    """
    from cashless_cli.handoff.export import export_postoffice
    from cashless_cli.workspace.config import WorkspaceError, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted = month_option(month, language)
    try:
        ws = load_workspace(workspace)
        result = export_postoffice(ws, wanted, password=password or None, resend=resend)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    if fmt == "json":
        print_json(result.to_dict())
    else:
        render(out_console(), result, language, show_ids)
    if any(c.unreadable for c in result.selection.communes):
        raise typer.Exit(int(Exit.PROBLEMS))
