"""The workspace's ledger, opened only when it is the right one, whole and up to date.

A workspace that has ever had a ledger keeps knowing it in three other places, checked at every
open, so that a lost, emptied or replaced ledger is never taken for "no ledger yet" (which would
hand everybody over again and pay opened accounts in cash):

- ``.cashless/ledger.state.json``: the ledger's random ID, its batch IDs and how many replies it
  holds, rewritten after every change;
- ``.cashless/ledger.backup.sqlite``: a copy of the ledger taken after every change (SQLite's
  backup API), the one to restore;
- the batch manifests in ``handoff/YYYY-MM/``: each names its batch and the ledger that wrote it.

:func:`open_ledger` refuses (:class:`LedgerError`, exit code 2) a ledger that is missing where
one was, not a file, empty, unreadable, damaged, newer, another workspace's (its ID is not the
one recorded), or older than what the workspace recorded (a batch or replies it lacks).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cashless_cli.errors import OutputError
from cashless_cli.fs.atomic import fsync_dir, temp_path_for, write_text
from cashless_cli.ledger.store import BACKUP_NAME, LEDGER_NAME, Ledger, LedgerError
from cashless_cli.problems import Phrase

STATE_NAME = "ledger.state.json"
STATE_FORMAT = "cashless-ledger-state/1"
_MANIFEST = re.compile(
    r"^(?P<batch>[A-Z0-9]{1,8}-(?P<month>\d{4}-\d{2})-(?P<seq>\d{2,}))_manifest\.json$"
)


@dataclass(frozen=True, slots=True)
class SeenBatch:
    """A batch manifest found in ``handoff/``."""

    batch_id: str
    month: str
    seq: int
    ledger_id: str | None
    manifest: Path


def handed_manifests(root: Path) -> list[SeenBatch]:
    """Every batch manifest under ``root/handoff/*/`` (unparseable ones with no ledger ID)."""
    out: list[SeenBatch] = []
    handoff = root / "handoff"
    if not handoff.is_dir():
        return out
    for month_dir in sorted(p for p in handoff.iterdir() if p.is_dir()):
        for child in sorted(month_dir.iterdir()):
            m = _MANIFEST.match(child.name)
            if m is None or not child.is_file():
                continue
            ledger_id: str | None = None
            try:
                doc = json.loads(child.read_text(encoding="utf-8"))
                if isinstance(doc, dict) and isinstance(doc.get("ledger_id"), str):
                    ledger_id = doc["ledger_id"]
            except (OSError, ValueError):
                pass
            out.append(SeenBatch(m["batch"], m["month"], int(m["seq"]), ledger_id, child))
    return out


@dataclass(frozen=True, slots=True)
class State:
    ledger_id: str | None
    batches: frozenset[str]
    replies: int
    payment_results: int = 0  # the provider's results (import-payments)
    resumptions: int = 0  # suspensions lifted (resume-payment)


def read_state(state_dir: Path) -> State | None:
    """What ``ledger.state.json`` records (None without one; an unreadable one records
    nothing but that there was a ledger)."""
    path = state_dir / STATE_NAME
    if not os.path.lexists(path):
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return State(None, frozenset(), 0)
    if not isinstance(doc, dict):
        return State(None, frozenset(), 0)
    ident = doc.get("ledger_id")
    batches = doc.get("batches")
    replies = doc.get("replies")
    results = doc.get("payment_results")
    resumed = doc.get("payment_resumptions")
    return State(
        ident if isinstance(ident, str) else None,
        frozenset(b for b in batches if isinstance(b, str))
        if isinstance(batches, list)
        else frozenset(),
        replies if isinstance(replies, int) and not isinstance(replies, bool) else 0,
        results if isinstance(results, int) and not isinstance(results, bool) else 0,
        resumed if isinstance(resumed, int) and not isinstance(resumed, bool) else 0,
    )


def _evidence(state_dir: Path, manifests: list[SeenBatch]) -> list[str]:
    found = [
        str(state_dir / n) for n in (STATE_NAME, BACKUP_NAME) if os.path.lexists(state_dir / n)
    ]
    if manifests:
        found.append(f"{len(manifests)} batch manifest(s), e.g. {manifests[-1].manifest}")
    return found


def open_ledger(state_dir: Path, root: Path, *, create: bool = False) -> Ledger | None:
    """The ledger of the workspace at ``root`` (state in ``state_dir``), checked (see the
    module doc). Without a ledger: None, or a new one when ``create`` — but only in a workspace
    that never had one."""
    path = state_dir / LEDGER_NAME
    manifests = handed_manifests(root)
    state = read_state(state_dir)
    if not os.path.lexists(path):
        evidence = _evidence(state_dir, manifests)
        if evidence:
            raise LedgerError.of(
                "ledger-gone",
                path=path,
                backup=state_dir / BACKUP_NAME,
                evidence="; ".join(evidence),
            )
        if not create:
            return None
        ledger = Ledger.open(path)
        record_commit(state_dir, ledger)
        return ledger
    ledger = Ledger.open(path)
    try:
        _check(ledger, state_dir, state, manifests)
    except BaseException:
        ledger.close()
        raise
    return ledger


def _check(ledger: Ledger, state_dir: Path, state: State | None, seen: list[SeenBatch]) -> None:
    backup = state_dir / BACKUP_NAME
    ident = ledger.ledger_id
    if state is not None and state.ledger_id is not None and state.ledger_id != ident:
        raise LedgerError.of(
            "ledger-foreign",
            path=ledger.path,
            backup=backup,
            found=ident,
            expected=state.ledger_id,
            where=state_dir / STATE_NAME,
        )
    for m in seen:
        if m.ledger_id is not None and m.ledger_id != ident:
            raise LedgerError.of(
                "ledger-foreign",
                path=ledger.path,
                backup=backup,
                found=ident,
                expected=m.ledger_id,
                where=m.manifest,
            )
    if state is None:
        return
    lacking = sorted(state.batches - ledger.batch_ids())
    if lacking:
        lacks = Phrase("ledger-why.lacks-batches", {"batches": ", ".join(lacking)})
        raise LedgerError.of("ledger-older", path=ledger.path, backup=backup, lacks=lacks)
    have = ledger.reply_count()
    if have < state.replies:
        lacks = Phrase("ledger-why.lacks-replies", {"replies": state.replies, "have": have})
        raise LedgerError.of("ledger-older", path=ledger.path, backup=backup, lacks=lacks)
    results = ledger.payment_result_count()
    if results < state.payment_results:
        lacks = Phrase(
            "ledger-why.lacks-payment-results", {"results": state.payment_results, "have": results}
        )
        raise LedgerError.of("ledger-older", path=ledger.path, backup=backup, lacks=lacks)
    resumed = ledger.resumption_count()
    if resumed < state.resumptions:
        lacks = Phrase(
            "ledger-why.lacks-resumptions", {"resumptions": state.resumptions, "have": resumed}
        )
        raise LedgerError.of("ledger-older", path=ledger.path, backup=backup, lacks=lacks)


def record_commit(state_dir: Path, ledger: Ledger) -> None:
    """After every change of the ledger: take the backup, then record the state (in this
    order, so the state never names more than the backup holds)."""
    backup = state_dir / BACKUP_NAME
    temp = temp_path_for(backup)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        ledger.backup_to(temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, backup)
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        raise OutputError.from_os_error(backup, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(state_dir)
    doc = {
        "format": STATE_FORMAT,
        "ledger_id": ledger.ledger_id,
        "batches": sorted(ledger.batch_ids()),
        "replies": ledger.reply_count(),
        "payment_results": ledger.payment_result_count(),
        "payment_resumptions": ledger.resumption_count(),
        "updated_at": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
    }
    write_text(state_dir / STATE_NAME, json.dumps(doc, indent=2) + "\n")


def next_free_seq(ledger: Ledger, root: Path, month: str) -> int:
    """The next batch number of ``month``: after the ledger's and after every manifest in
    ``handoff/`` (so a batch ID never repeats, even with a ledger restored from an old copy)."""
    seen = [m.seq for m in handed_manifests(root) if m.month == month]
    return max([ledger.next_seq(month), *(s + 1 for s in seen)])


__all__ = [
    "STATE_NAME",
    "SeenBatch",
    "State",
    "handed_manifests",
    "next_free_seq",
    "open_ledger",
    "read_state",
    "record_commit",
]
