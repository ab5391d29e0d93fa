"""``resume-payment`` as a library function: the commune lifts a person's suspension (payment
stopped after three months in a row not collected, Circular 02/2021/TT-BLĐTBXH) when the person
comes back or the reason is cleared.

- The person is found by their ID among the lines of earlier payment lists (the ledger's
  ``payment_lines``); an ID no list names is refused (``resume-unknown-id``, exit 2).
- The lifting is for the list of ``month`` and after: the person must be suspended for that
  list (refused otherwise, ``resume-not-suspended``, exit 2), in one programme or both.
- It is recorded in the ledger (``payment_resumptions``, schema 4) with who ran the command
  (the login name), when and why, in one transaction, then the ledger's backup and state.
  Recording the same lifting again changes nothing (the earlier record is shown).
- What is paid: ``export-payments`` for ``month`` lists the person again, with the unpaid
  amounts of the lines listed and not collected as arrears (:mod:`cashless_cli.payments.cycle`,
  carried once); the months of the suspension itself had no line, so nothing of them is owed
  (our domain sources say nothing about paying them back: a decision that grants them is paid
  by the previous procedure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cashless_cli.clock import local_now
from cashless_cli.errors import WorkspaceError
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.ledger.guard import open_ledger, record_commit
from cashless_cli.ledger.paylines import latest_payment_results, payment_lines
from cashless_cli.ledger.resumptions import (
    Resumption,
    insert_resumptions,
    resumed_from,
    resumptions,
)
from cashless_cli.payments.cycle import SUSPEND_AFTER, carry_over, months_text
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Workspace

__all__ = ["Lifted", "ResumeResult", "login_name", "resume_payment"]


@dataclass(frozen=True, slots=True)
class Lifted:
    """One programme of the person whose suspension is lifted (now or earlier)."""

    programme: str  # "allowance" or "pension"
    missed: tuple[str, ...]  # the months not collected in a row that stopped payment
    owed: int  # what the next list pays as arrears (the lines listed and not collected)
    record: Resumption
    new: bool  # recorded by this run (False: recorded before, nothing changed)


@dataclass(slots=True)
class ResumeResult:
    beneficiary_id: str
    name: str | None
    month: str
    lifted: list[Lifted] = field(default_factory=list)

    @property
    def recorded(self) -> bool:
        return any(x.new for x in self.lifted)

    def to_dict(self) -> dict[str, Any]:
        """The ``--format json`` document (a contract: keys may be added, never changed)."""
        return {
            "id": self.beneficiary_id,
            "name": self.name,
            "month": self.month,
            "recorded": sum(1 for x in self.lifted if x.new),
            "unchanged": sum(1 for x in self.lifted if not x.new),
            "programmes": [
                {
                    "programme": x.programme,
                    "from": x.record.month,
                    "missed": list(x.missed),
                    "arrears": x.owed,
                    "reason": x.record.reason,
                    "recorded_by": x.record.recorded_by,
                    "recorded_at": x.record.recorded_at,
                    "new": x.new,
                }
                for x in self.lifted
            ],
        }


def login_name() -> str:
    """Who runs the command, as the system knows them ("" when it cannot say)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name on this system (a service account): unknown
        return ""


def resume_payment(
    workspace: Workspace,
    beneficiary_id: str,
    month: Month,
    reason: str,
    *,
    now: Callable[[], dt.datetime] = local_now,
    user: Callable[[], str] = login_name,
) -> ResumeResult:
    """Lift the suspension of ``beneficiary_id`` from ``month``'s list on (see the module
    doc). Raises :class:`WorkspaceError` (exit 2) for an ID of no list, a person not suspended,
    an empty reason, or a ledger that cannot be used."""
    ident = "".join(beneficiary_id.split())
    why = " ".join(reason.split())
    if not why:
        raise WorkspaceError("resume-no-reason")
    wanted = str(month)
    with workspace_lock(workspace.state_dir):
        ledger = open_ledger(workspace.state_dir, workspace.root)
        if ledger is None:
            raise WorkspaceError("resume-unknown-id", id=ident)
        with ledger:
            mine = [x for x in payment_lines(ledger) if x.person == ident]
            if not mine:
                raise WorkspaceError("resume-unknown-id", id=ident)
            name = mine[-1].beneficiary_name
            before = resumptions(ledger, ident)
            carries = carry_over(wanted, mine, latest_payment_results(ledger), resumed_from(before))
            suspended = {key: c for key, c in carries.items() if c.suspended}
            result = ResumeResult(ident, name, wanted)
            if not suspended:
                _earlier(result, before, carries, wanted)
                if result.lifted:
                    return result  # lifted already: nothing changes
                missed = max((c.missed for c in carries.values()), key=len, default=())
                raise WorkspaceError(
                    "resume-not-suspended",
                    id=ident,
                    name=name or "",
                    month=months_text((wanted,)),
                    n=len(missed),
                    months=months_text(missed) or "—",
                    limit=SUSPEND_AFTER,
                )
            at = now().replace(microsecond=0).isoformat()
            who = user()
            records = []
            for (_, programme), carry in sorted(suspended.items()):
                record = Resumption(ident, programme, wanted, why, who, at)
                records.append(record)
                result.lifted.append(Lifted(programme, carry.missed, carry.arrears, record, True))
            with ledger.transaction():
                insert_resumptions(ledger, records)
            record_commit(workspace.state_dir, ledger)
            return result


def _earlier(
    result: ResumeResult, before: list[Resumption], carries: dict[Any, Any], month: str
) -> None:
    """The liftings already recorded that make the person not suspended for ``month``: the
    latest of each programme from ``month`` or before."""
    latest: dict[str, Resumption] = {}
    for r in before:
        if r.month <= month and (r.programme not in latest or r.month >= latest[r.programme].month):
            latest[r.programme] = r
    for programme, record in sorted(latest.items()):
        carry = carries.get((result.beneficiary_id, programme))
        owed = carry.arrears if carry is not None else 0
        result.lifted.append(Lifted(programme, (), owed, record, False))
