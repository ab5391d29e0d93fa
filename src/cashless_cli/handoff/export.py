"""``export-postoffice`` as a library function, and the protocol that keeps the handoff folder
and the ledger consistent.

Protocol (all under the workspace lock):

1. **Recover.** In every ``handoff/YYYY-MM/``: remove staging folders (``.staging-*``) and
   temporary files left by a killed run; find files named ``BATCH_role.ext`` whose batch the
   ledger does not know. Such files exist only if a run died after moving its files into place
   and before its ledger commit; they are removed (the batch is redone below, under the same
   batch ID) — but only when their manifest is present and names *this* ledger
   (``ledger_id``); anything else (a lost or replaced ledger, files we did not write) stops the
   command with exit code 2 rather than destroy files that may have been sent.
2. **Select** the rows (see :mod:`cashless_cli.handoff.select`), dropping people the ledger has
   already handed over with the same account holder. Nothing new → no batch, no files.
3. **Stage.** Write every file of the batch in ``handoff/YYYY-MM/.staging-BATCH-RANDOM/``
   (owner-only files, fsync-ed): the Post Office workbook (encrypted when a password is given),
   the CSV, the held-back list, then the manifest with the SHA-256 of the others.
4. **One transaction:** ``BEGIN IMMEDIATE``; insert the batch, its files, reference codes and
   rows; move the files into ``handoff/YYYY-MM/`` (manifest first, each rename fsync-ed);
   ``COMMIT``. Any error before the commit rolls the transaction back and removes the files
   already moved; a *kill* before the commit leaves files that step 1 of the next run removes.
5. Remove the (now empty) staging folder.

So at every instant: a person is in the ledger only if their batch's files are in place, and a
file in place whose batch is not in the ledger is recognised and redone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from cashless_cli import __version__
from cashless_cli.clock import local_now
from cashless_cli.dataset.month import collect_month
from cashless_cli.duplicates.holds import holds_of_month
from cashless_cli.fs.atomic import ensure_folder, fsync_dir, move_into_place, remove_stale_temps
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.handoff.document import (
    BatchInfo,
    build_heldback_workbook,
    build_postoffice_workbook,
    csv_bytes,
)
from cashless_cli.handoff.refs import (
    BATCH_FILE,
    BatchCodes,
    area_prefix,
    batch_id,
    unique_reference,
)
from cashless_cli.handoff.select import HandoffRow, Selection, select_rows
from cashless_cli.ledger.guard import next_free_seq, open_ledger, record_commit
from cashless_cli.ledger.store import Batch, BatchFile, Handover, Ledger
from cashless_cli.problems import plain_params
from cashless_cli.replies.answers import failed_handovers_in, known_accounts
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Workspace, WorkspaceError
from cashless_cli.write.layout import save, workbook_bytes
from cashless_cli.write.letterhead import letterhead_for

STAGING_PREFIX = ".staging-"
MANIFEST_FORMAT = "cashless-handoff/1"

#: role → file name suffix; the order is the order of the manifest's "files"
ROLES = {
    "postoffice-workbook": "_buu-dien.xlsx",
    "postoffice-csv": "_buu-dien.csv",
    "held-back": "_can-bo-sung.xlsx",
}
MANIFEST_SUFFIX = "_manifest.json"


def _checkpoint(name: str) -> None:
    """A named point of the commit protocol; tests replace this to fail or die there."""


@dataclass(slots=True)
class ExportResult:
    month: Month
    selection: Selection
    batch: str | None = None
    rows: list[HandoffRow] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    recovered: list[Path] = field(default_factory=list)
    resend_of: str | None = None
    encrypted: bool = False

    @property
    def total_amount(self) -> int:
        return sum(r.amount for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        """The ``--format json`` document (a contract: keys may be added, never changed)."""
        sel = self.selection
        return {
            "batch": self.batch,
            "month": str(self.month),
            "rows": len(self.rows),
            "held_back": len(sel.held),
            "files": [str(p) for p in self.files],
            "communes": [
                {
                    "name": c.unit.name,
                    "rows": len(c.rows),
                    "held_back": len(c.held),
                    "code": c.unit.code,
                    "already_handed_over": c.already,
                    "roster": c.source.name if c.source else None,
                    "unreadable": c.error_code,
                    "problem": c.problem("en"),
                    "problem_code": c.status.code if c.status else None,
                    "problem_params": plain_params(c.status.params) if c.status else None,
                }
                for c in sel.communes
            ],
            "total_amount": self.total_amount,
            "already_handed_over": sel.already,
            "resend_of": self.resend_of,
            "encrypted": self.encrypted,
            "recovered": [str(p) for p in self.recovered],
        }


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- recovery -----------------------------------------------------------------------------
def recover(workspace: Workspace, ledger: Ledger) -> list[Path]:
    """Step 1 of the protocol: clean what an interrupted run left. Returns removed paths."""
    root = workspace.root / "handoff"
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for month_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for child in sorted(month_dir.iterdir()):
            if child.is_dir() and child.name.startswith(STAGING_PREFIX):
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child)
        removed.extend(remove_stale_temps(month_dir))
        orphans: dict[str, list[Path]] = {}
        for child in sorted(month_dir.iterdir()):
            m = BATCH_FILE.match(child.name)
            if child.is_file() and m and not ledger.has_batch(m["batch"]):
                orphans.setdefault(m["batch"], []).append(child)
        for batch, paths in orphans.items():
            manifest = month_dir / f"{batch}{MANIFEST_SUFFIX}"
            if not _ours(manifest, batch, ledger.ledger_id):
                names = ", ".join(p.name for p in paths)
                raise WorkspaceError(
                    "handoff-orphan-files",
                    folder=month_dir,
                    batch=batch,
                    names=names,
                    ledger=ledger.path,
                )
            for path in paths:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                removed.append(path)
        fsync_dir(month_dir)
    return removed


def _ours(manifest: Path, batch: str, ledger_id: str) -> bool:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(data, dict)
        and data.get("batch") == batch
        and data.get("ledger_id") == ledger_id
        and data.get("format") == MANIFEST_FORMAT
    )


# ---- the export ---------------------------------------------------------------------------
def export_postoffice(
    workspace: Workspace,
    month: Month | None = None,
    *,
    password: str | None = None,
    resend: str | None = None,
    now: Callable[[], dt.datetime] = local_now,
    workers: int | None = None,
) -> ExportResult:
    """Hand the month's new registrations to the Post Office (see the module doc).

    Raises :class:`WorkspaceError` for an unusable workspace or bad options.
    """
    with workspace_lock(workspace.state_dir):
        ledger = open_ledger(workspace.state_dir, workspace.root, create=True)
        assert ledger is not None
        try:
            return _export(workspace, ledger, month, password, resend, now, workers)
        finally:
            ledger.close()


def _refuse_older_month(ledger: Ledger, month: Month) -> None:
    """A month older than one already handed over is not handed over: its roster is out of
    date (people registered then were in the later month's list, or have had an account
    opened since), and handing it over would open second accounts."""
    later = [b for b in ledger.batches() if b.resend_of is None and Month.parse(b.month) > month]
    if later:
        newest = max(later, key=lambda b: (Month.parse(b.month), b.seq))
        raise WorkspaceError(
            "handoff-older-month", month=month, later=newest.month, batch=newest.batch_id
        )


def _export(
    workspace: Workspace,
    ledger: Ledger,
    month: Month | None,
    password: str | None,
    resend: str | None,
    now: Callable[[], dt.datetime],
    workers: int | None,
) -> ExportResult:
    recovered = recover(workspace, ledger)
    only: set[str] | None = None
    if resend is not None:
        old = ledger.batch(resend)
        if old is None:
            raise WorkspaceError("batch-unknown", batch=resend)
        batch_month = Month.parse(old.month)
        if month is not None and month != batch_month:
            raise WorkspaceError(
                "batch-other-month", batch=resend, batch_month=old.month, month=month
            )
        month = batch_month
        only = {h.beneficiary_id for h in ledger.handovers(resend)}
    month = workspace.resolve_month(month)
    if resend is None:
        _refuse_older_month(ledger, month)
    rosters = collect_month(workspace, month, workers=workers, known=known_accounts(workspace))
    rosters.require_files(workspace.rosters_dir(month))
    selection = select_rows(
        month,
        rosters.units or workspace.area.communes,  # before July 2025: a province's old communes
        rosters.reports,
        rosters.matching,
        ledger.latest_holders(),
        only,
        failed_handovers_in(ledger),
        holds_of_month(
            str(month),
            rosters.units or workspace.area.communes,
            rosters.reports,
            rosters.matching,
            ledger.duplicate_decisions(),
        ),
    )
    result = ExportResult(month, selection, recovered=recovered, resend_of=resend)
    if not selection.rows:
        return result

    handoff = workspace.handoff_dir(month)
    ensure_folder(handoff)
    prefix = area_prefix(workspace.area.name, _configured_prefix(workspace))
    mon = str(month)
    seq = next_free_seq(ledger, workspace.root, mon)
    bid = batch_id(prefix, mon, seq)
    taken = BatchCodes()
    given = ledger.refs_of_month(mon)

    def known(month: str, beneficiary_id: str, holder_id: str) -> str | None:
        return given.get((month, beneficiary_id, holder_id))

    rows = [
        replace(
            r,
            ref=unique_reference(
                prefix, mon, r.beneficiary_id, r.holder_id, ledger.ref_owner, taken, known
            ),
        )
        for r in selection.rows
    ]
    created = now().isoformat()
    a = workspace.area
    head = letterhead_for(a, workspace.extra)
    info = BatchInfo(bid, mon, created, a.name, a.level, a.province, resend, head)

    staging = handoff / f"{STAGING_PREFIX}{bid}-{secrets.token_hex(4)}"
    staging.mkdir(mode=0o700)
    committed = False
    moved: list[Path] = []
    try:
        files: list[BatchFile] = []
        contents = {
            "postoffice-workbook": workbook_bytes(build_postoffice_workbook(info, rows), password),
            "postoffice-csv": csv_bytes(rows),
            "held-back": workbook_bytes(build_heldback_workbook(info, selection)),
        }
        for role, data in contents.items():
            name = f"{bid}{ROLES[role]}"
            save(staging / name, data)
            files.append(BatchFile(name, role, sha256_of(data), len(data)))
            _checkpoint(f"staged:{role}")
        manifest_name = f"{bid}{MANIFEST_SUFFIX}"
        manifest = _manifest(info, ledger.ledger_id, rows, selection, files, bool(password))
        save(staging / manifest_name, manifest)
        _checkpoint("staged")

        batch = Batch(
            batch_id=bid,
            month=mon,
            seq=seq,
            created_at=created,
            rows=len(rows),
            total_amount=sum(r.amount for r in rows),
            held_back=len(selection.held),
            resend_of=resend,
            encrypted=bool(password),
            folder=str(handoff.relative_to(workspace.root)),
            manifest_sha256=sha256_of(manifest),
            tool_version=__version__,
        )
        handovers = [_handover(i, r, workspace.root) for i, r in enumerate(rows, start=1)]
        with ledger.transaction():
            ledger.insert_batch(batch, files, handovers)
            _checkpoint("inserted")
            for name in [manifest_name, *(f.name for f in files)]:
                move_into_place(staging / name, handoff / name)
                moved.append(handoff / name)
                _checkpoint(f"moved:{name}")
            _checkpoint("moved")
        committed = True
        _checkpoint("committed")
        record_commit(workspace.state_dir, ledger)
    except BaseException:
        if not committed:
            for path in moved:
                with contextlib.suppress(OSError):
                    path.unlink()
            fsync_dir(handoff)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    result.batch = bid
    result.rows = rows
    result.files = [handoff / manifest_name, *(handoff / f.name for f in files)]
    result.encrypted = bool(password)
    return result


def _configured_prefix(workspace: Workspace) -> object:
    section = workspace.extra.get("handoff")
    return section.get("prefix") if isinstance(section, dict) else None


#: What the ledger keeps of a handed-over row: the row's own fields of these names, then its
#: line in the batch and its file (relative to the workspace).
_KEPT = tuple(f.name for f in fields(Handover) if f.name not in ("line", "source_file"))


def _handover(line: int, r: HandoffRow, root: Path) -> Handover:
    try:
        source = str(r.source.relative_to(root))
    except ValueError:
        source = str(r.source)
    return Handover(line=line, source_file=source, **{name: getattr(r, name) for name in _KEPT})


def _manifest(
    info: BatchInfo,
    ledger_id: str,
    rows: list[HandoffRow],
    selection: Selection,
    files: list[BatchFile],
    encrypted: bool,
) -> bytes:
    communes = []
    for c in selection.communes:
        if c.rows or c.held:
            communes.append(
                {
                    "code": c.unit.code,
                    "name": c.unit.name,
                    "rows": len(c.rows),
                    "amount": sum(r.amount for r in c.rows),
                    "held_back": len(c.held),
                }
            )
    doc = {
        "format": MANIFEST_FORMAT,
        "batch": info.batch_id,
        "month": info.month,
        "created_at": info.created_at,
        "area": {"name": info.area, "level": info.area_level, "province": info.province},
        "rows": len(rows),
        "total_amount": sum(r.amount for r in rows),
        "held_back": len(selection.held),
        "resend_of": info.resend_of,
        "encrypted": encrypted,
        "reference_format": "PREFIX-YYMM-XXXXXXX (7 random Crockford base32 characters, "
        "kept in the ledger per month, beneficiary and account holder)",
        "communes": communes,
        "files": [
            {"name": f.name, "role": f.role, "sha256": f.sha256, "bytes": f.bytes} for f in files
        ],
        "ledger_id": ledger_id,
        "tool": f"cashless {__version__}",
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
