"""``cashless ledger``: the batches handed to the Post Office, with their counts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from cashless_cli.cli.common import (
    FormatOption,
    LangOption,
    WorkspaceOption,
    check_format,
    fail,
    lang_of,
    out_console,
    print_json,
)

if TYPE_CHECKING:
    from cashless_cli.ledger.store import BatchSummary


def batch_document(summaries: list[BatchSummary], root: Path) -> dict[str, Any]:
    batches = []
    for s in summaries:
        b = s.batch
        folder = root / b.folder
        batches.append(
            {
                "batch": b.batch_id,
                "month": b.month,
                "created_at": b.created_at,
                "rows": b.rows,
                "total_amount": b.total_amount,
                "held_back": b.held_back,
                "resend_of": b.resend_of,
                "encrypted": b.encrypted,
                "folder": b.folder,
                "files": [
                    {
                        "name": f.name,
                        "role": f.role,
                        "sha256": f.sha256,
                        "present": (folder / f.name).is_file(),
                    }
                    for f in s.files
                ],
                "communes": [{"name": n, "rows": k} for n, k in s.communes.items()],
                "replies": s.replies,
            }
        )
    return {"batches": batches}


def ledger_command(
    workspace: WorkspaceOption = Path("."),
    month: Annotated[str | None, typer.Option(help="Only batches of this month, YYYY-MM.")] = None,
    output_format: FormatOption = "text",
    lang: LangOption = None,
) -> None:
    """List the batches handed to the Post Office and their counts."""
    from cashless_cli.ledger.guard import open_ledger
    from cashless_cli.problems import text
    from cashless_cli.schema.month import Month
    from cashless_cli.workspace.config import WorkspaceError, load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted: str | None = None
    if month is not None:
        try:
            wanted = str(Month.parse(month))
        except ValueError as exc:
            fail(str(exc), language)
    try:
        ws = load_workspace(workspace)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    summaries: list[BatchSummary] = []
    try:
        ledger = open_ledger(ws.state_dir, ws.root)
    except WorkspaceError as exc:
        fail(exc.message(language), language)
    if ledger is not None:
        with ledger:
            summaries = ledger.summaries(wanted)
    doc = batch_document(summaries, ws.root)
    if fmt == "json":
        print_json(doc)
        return
    console = out_console()
    if not summaries:
        console.print(text("cli-ledger.no-batch-has-been-handed", language))
        return
    vi = language == "vi"
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
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
            f"{b['total_amount']:,}".replace(",", "."),
            str(b["held_back"]),
            str(len(b["communes"])),
            files if present == len(b["files"]) else f"[red]{files}[/]",
        )
    console.print(table)
