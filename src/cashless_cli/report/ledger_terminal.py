"""The ledger's batches on a terminal, with rich: one row per batch, its files counted."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from cashless_cli.i18n import Lang
from cashless_cli.problems import text
from cashless_cli.report.parts import money, plain_table


def render_ledger(console: Console, doc: dict[str, Any], lang: Lang, show_ids: bool) -> None:
    """``doc``: the ``ledger --format json`` document (no IDs in it: ``show_ids`` is unused)."""
    if not doc["batches"]:
        console.print(text("cli-ledger.no-batch-has-been-handed", lang))
        return
    vi = lang == "vi"
    table = plain_table()
    for title in (
        ("Đợt", "Batch"),
        ("Tháng", "Month"),
        ("Lập lúc", "Created"),
        ("Người", "Rows"),
        ("Tổng tiền", "Amount"),
        ("Giữ", "Held"),
        ("Xã", "Units"),
        ("Tệp", "Files"),
    ):
        table.add_column(title[0] if vi else title[1], no_wrap=True)
    for b in doc["batches"]:
        present = sum(1 for f in b["files"] if f["present"])
        files = f"{present}/{len(b['files'])}"
        name = b["batch"]
        if b["resend_of"]:
            name += f" (← {b['resend_of']})"
        table.add_row(
            name,
            b["month"],
            b["created_at"][:16].replace("T", " "),
            str(b["rows"]),
            money(b["total_amount"]),
            str(b["held_back"]),
            str(len(b["communes"])),
            files if present == len(b["files"]) else f"[red]{files}[/]",
        )
    console.print(table)
