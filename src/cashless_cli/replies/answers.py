"""What the ledger knows from the Post Office's replies, for the other commands.

- :func:`opened_accounts`: beneficiary ID → the account the Post Office opened (for
  ``validate``'s ``account-opened-elsewhere``, ``summarize`` and ``export-payments``);
- :func:`failed_handovers`: beneficiary ID → the failed answer to their latest handover (for
  the handoff selection: such a person goes to the Post Office again once the commune has changed
  the row, and is otherwise held back with the Post Office's reason).

Both only read the ledger; a workspace without one has no accounts and no failures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from cashless_cli.checks.accounts import KnownAccount
from cashless_cli.ledger.guard import open_ledger
from cashless_cli.ledger.store import Handover, Ledger, Reply
from cashless_cli.workspace.config import Workspace

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class OpenedAccount:
    """An account the Post Office reported opened for a beneficiary (their account holder's)."""

    beneficiary_id: str
    account_number: str
    provider: str
    opened_on: dt.date | None
    ref: str
    batch: str  # the latest batch that handed the reference over
    month: str  # the batch's month, YYYY-MM
    holder_id: str
    holder_name: str
    receiver: str
    received_at: str  # when the reply was imported


@dataclass(frozen=True, slots=True)
class FailedHandover:
    """The Post Office could not open an account for the latest handover of a person."""

    beneficiary_id: str
    ref: str
    batch: str
    month: str
    reason: str | None
    replied_on: dt.date | None
    received_at: str
    handover: Handover  # what was handed over (to tell whether the commune changed the row)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _when(iso: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(iso)
    return moment if moment.tzinfo else moment.astimezone()


def opened_accounts_in(ledger: Ledger) -> dict[str, OpenedAccount]:
    """Beneficiary ID → the latest account reported opened for them (by import time)."""
    handed = ledger.handed_refs()
    replies: list[Reply] = sorted(ledger.latest_replies().values(), key=lambda r: r.id)
    out: dict[str, OpenedAccount] = {}
    for reply in replies:
        if reply.outcome != "opened" or not reply.account_number or reply.ref not in handed:
            continue
        last = handed[reply.ref][-1]
        h = last.handover
        out[h.beneficiary_id] = OpenedAccount(
            beneficiary_id=h.beneficiary_id,
            account_number=reply.account_number,
            provider=reply.provider or "Bưu điện",
            opened_on=_date(reply.replied_on),
            ref=reply.ref,
            batch=last.batch_id,
            month=last.month,
            holder_id=h.holder_id,
            holder_name=h.holder_name,
            receiver=h.receiver,
            received_at=reply.received_at,
        )
    return out


def _from_ledger(workspace: Workspace, read: Callable[[Ledger], dict[str, T]]) -> dict[str, T]:
    """What ``read`` finds in the workspace's ledger ({} without a ledger; a ledger that is
    damaged, lost or replaced is refused, see :mod:`cashless_cli.ledger.guard`)."""
    ledger = open_ledger(workspace.state_dir, workspace.root)
    if ledger is None:
        return {}
    with ledger:
        return read(ledger)


def opened_accounts(workspace: Workspace) -> dict[str, OpenedAccount]:
    """Beneficiary ID → the account the Post Office opened for them ({} without a ledger)."""
    return _from_ledger(workspace, opened_accounts_in)


def failed_handovers_in(ledger: Ledger) -> dict[str, FailedHandover]:
    """Beneficiary ID → the failure answered to their *latest* handover, when that answer is a
    failure recorded after the handover (a person handed over again since is waiting for a new
    answer, so not here)."""
    handed = ledger.handed_refs()
    latest: dict[str, tuple[str, str, str, Handover]] = {}  # ben → (batch, month, created, h)
    for history in handed.values():
        for item in history:
            ben = item.handover.beneficiary_id
            seen = latest.get(ben)
            if seen is None or _when(item.created_at) >= _when(seen[2]):
                latest[ben] = (item.batch_id, item.month, item.created_at, item.handover)
    replies = ledger.latest_replies({h.ref for _, _, _, h in latest.values()})
    out: dict[str, FailedHandover] = {}
    for ben, (batch, month, created, h) in latest.items():
        reply = replies.get(h.ref)
        if reply is None or reply.outcome != "failed":
            continue
        if _when(reply.received_at) < _when(created):
            continue  # handed over again after the failure: waiting for the new answer
        out[ben] = FailedHandover(
            ben,
            h.ref,
            batch,
            month,
            reply.reason,
            _date(reply.replied_on),
            reply.received_at,
            h,
        )
    return out


def failed_handovers(workspace: Workspace) -> dict[str, FailedHandover]:
    """:func:`failed_handovers_in` of the workspace's ledger ({} without a ledger)."""
    return _from_ledger(workspace, failed_handovers_in)


def failed_references(workspace: Workspace) -> dict[str, FailedHandover]:
    """Reference code → its failure (the same failures as :func:`failed_handovers`)."""
    return {f.ref: f for f in failed_handovers(workspace).values()}


def known_accounts(workspace: Workspace) -> dict[str, KnownAccount]:
    """What the roster checks need of :func:`opened_accounts`: the account and its date."""
    return {
        ident: KnownAccount(account.account_number, account.opened_on)
        for ident, account in opened_accounts(workspace).items()
    }
