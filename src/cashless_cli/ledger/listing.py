"""The batches handed to the Post Office, as ``cashless ledger`` lists them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashless_cli.ledger.guard import open_ledger
from cashless_cli.ledger.store import BatchSummary

if TYPE_CHECKING:
    from cashless_cli.schema.month import Month
    from cashless_cli.workspace.config import Workspace


def list_batches(workspace: Workspace, month: Month | None = None) -> dict[str, Any]:
    """The workspace's batches (only those of ``month`` when given), oldest first, with their
    files (present or not), communes and replies: the ``ledger --format json`` document.

    A workspace that never handed anything over has no ledger: no batches. A ledger that cannot
    be used raises :class:`~cashless_cli.ledger.store.LedgerError`.
    """
    summaries: list[BatchSummary] = []
    ledger = open_ledger(workspace.state_dir, workspace.root)
    if ledger is not None:
        with ledger:
            summaries = ledger.summaries(str(month) if month is not None else None)
    return batch_document(summaries, workspace.root)


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
