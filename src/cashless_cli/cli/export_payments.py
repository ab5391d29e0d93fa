"""``cashless export-payments``: the month's list of payments through accounts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from cashless_cli.cli.common import (
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
    from cashless_cli.payments.export import PaymentsResult

_W = {
    "en": {
        "head": "Payments {month}: {accounts} through accounts, {amount} đồng; {cash} still in "
        "cash, {cash_amount} đồng; {check} to check.",
        "commune": "Commune",
        "accounts": "Accounts",
        "amount": "Amount",
        "cash": "Cash",
        "check": "Check",
        "note": "Note",
        "total": "Total",
        "mismatch": "Account numbers that differ (the Post Office's is used; fix the roster):",
        "check_title": "Not paid from this list — to check:",
        "files": "Files:",
        "more": "  … {n} more: see the sheet 'Cần kiểm tra' of the workbook.",
        "enc": "The workbook is encrypted; the CSV is not: keep it inside the office.",
    },
    "vi": {
        "head": "Chi trả tháng {month}: {accounts} người qua tài khoản, {amount} đồng; {cash} "
        "người tiền mặt, {cash_amount} đồng; {check} dòng cần kiểm tra.",
        "commune": "Xã",
        "accounts": "Qua TK",
        "amount": "Số tiền",
        "cash": "Tiền mặt",
        "check": "Kiểm tra",
        "note": "Ghi chú",
        "total": "Tổng cộng",
        "mismatch": "Số tài khoản khác nhau (dùng số của Bưu điện; xã cần sửa danh sách):",
        "check_title": "Chưa chi trả theo danh sách này — cần kiểm tra:",
        "files": "Tệp:",
        "more": "  … còn {n} dòng: xem trang 'Cần kiểm tra' trong tệp Excel.",
        "enc": "Tệp Excel đã đặt mật khẩu; tệp CSV thì không: chỉ dùng nội bộ.",
    },
}


SHOWN = 30  # rows to check listed on the terminal (all are in the workbook)


def _money(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def render(console: Console, result: PaymentsResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    p = result.payments

    def ident(value: str | None) -> str:
        return (value or "") if show_ids else mask(value)

    console.print(
        "[bold]"
        + escape(
            w["head"].format(
                month=p.month,
                accounts=len(p.accounts),
                amount=_money(p.total_amount),
                cash=len(p.cash),
                cash_amount=_money(p.cash_amount),
                check=len(p.check),
            )
        )
        + "[/]"
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(w["commune"])
    table.add_column(w["accounts"], justify="right")
    table.add_column(w["amount"], justify="right")
    table.add_column(w["cash"], justify="right")
    table.add_column(w["check"], justify="right")
    table.add_column(w["note"])
    for c in p.communes:
        note = getattr(c.problem, lang) if c.problem else ""
        table.add_row(
            escape(c.unit.name),
            str(len(c.accounts)),
            _money(c.amount),
            str(len(c.cash)),
            f"[red]{len(c.check)}[/]" if c.check else "0",
            f"[red]{escape(note)}[/]" if note else "",
        )
    table.add_row(
        f"[bold]{w['total']}[/]",
        str(len(p.accounts)),
        _money(p.total_amount),
        str(len(p.cash)),
        str(len(p.check)),
        "",
    )
    console.print(table)
    if p.mismatches:
        console.print(f"[bold yellow]{w['mismatch']}[/]")
        for r in p.mismatches:
            console.print(
                f"  {escape(r.commune)} · {escape(r.source.name)}!{r.source_row} · "
                f"{escape(r.beneficiary_name or '')} {escape(ident(r.beneficiary_id))}: "
                f"{escape(ident(r.roster_account))} ≠ {escape(ident(r.account_number))} "
                f"({escape(r.ref or '')})"
            )
    if p.check:
        console.print(f"[bold]{w['check_title']}[/]")
        for r in p.check[:SHOWN]:
            console.print(
                f"  {escape(r.commune)} · {escape(r.source.name)}!{r.source_row} · "
                f"{escape(r.beneficiary_name or '')} {escape(ident(r.beneficiary_id))}: "
                f"{escape(r.note(lang))}"
            )
        if len(p.check) > SHOWN:
            console.print(w["more"].format(n=len(p.check) - SHOWN))
    console.print(w["files"])
    for path in result.files:
        console.print(f"  {escape(str(path))}")
    if result.encrypted:
        console.print(f"[yellow]{w['enc']}[/]")


def export_payments_command(
    month: Annotated[
        str | None, typer.Option(help="Payment month, YYYY-MM (default: the latest).")
    ] = None,
    workspace: WorkspaceOption = Path("."),
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="CASHLESS_PAYMENTS_PASSWORD",
            help="Encrypt the workbook with this password (or set CASHLESS_PAYMENTS_PASSWORD).",
            show_default=False,
            show_envvar=True,
        ),
    ] = None,
    output_format: FormatOption = "text",
    show_ids: Annotated[
        bool, typer.Option("--show-ids", help="Show full ID and account numbers.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write the month's list of payments through accounts, and who is still paid in cash.

    Exit code 0: written (also with rows to check); 2: unusable workspace or bad options.
    """
    from cashless_cli.payments.export import export_payments
    from cashless_cli.workspace.config import WorkspaceError, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted = month_option(month, language)
    try:
        ws = load_workspace(workspace)
        result = export_payments(ws, wanted, password=password or None)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    if fmt == "json":
        print_json(result.to_dict())
    else:
        render(out_console(), result, language, show_ids)
