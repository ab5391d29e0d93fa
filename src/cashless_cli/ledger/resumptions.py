"""Suspensions lifted by the commune (``resume-payment``): table ``payment_resumptions`` of
schema 4, see :mod:`cashless_cli.ledger.store`.

A row says that from ``month``'s payment list on, the person (their ID, as the payment lines
key them) in ``programme`` is paid again: the months not collected before ``month`` no longer
count towards a suspension (Circular 02/2021/TT-BLĐTBXH). Who recorded it, when and why are
kept with it. One row per person, programme and month: recording the same again changes
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cashless_cli.ledger.store import Ledger

__all__ = ["Resumption", "insert_resumptions", "resumed_from", "resumptions"]


@dataclass(frozen=True, slots=True)
class Resumption:
    person: str  # the beneficiary's ID (the payment lines' ``person``)
    programme: str  # "allowance" or "pension"
    month: str  # YYYY-MM: the first list that pays the person again
    reason: str
    recorded_by: str  # the login name of who ran the command ("" when unknown)
    recorded_at: str  # ISO time
    id: int = 0


def resumptions(ledger: Ledger, person: str | None = None) -> list[Resumption]:
    """Every lifting (of ``person``), oldest first."""
    sql = (
        "SELECT person, programme, month, reason, recorded_by, recorded_at, id "
        "FROM payment_resumptions"
    )
    args: tuple[str, ...] = ()
    if person is not None:
        sql += " WHERE person = ?"
        args = (person,)
    return [
        Resumption(str(p), str(g), str(m), str(r), str(b), str(a), int(i))
        for p, g, m, r, b, a, i in ledger.conn.execute(sql + " ORDER BY id", args)
    ]


def resumed_from(items: Iterable[Resumption]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(person, programme) → the months payment was resumed from, oldest first."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in items:
        out.setdefault((r.person, r.programme), []).append(r.month)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def insert_resumptions(ledger: Ledger, items: Iterable[Resumption]) -> int:
    """Record liftings (inside a transaction); one already recorded for the same person,
    programme and month is left as it was. Returns how many rows were written."""
    assert ledger.conn.in_transaction, "insert_resumptions needs an open transaction"
    n = 0
    for r in items:
        cursor = ledger.conn.execute(
            "INSERT INTO payment_resumptions(person, programme, month, reason, recorded_by, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(person, programme, month) DO NOTHING",
            (r.person, r.programme, r.month, r.reason, r.recorded_by, r.recorded_at),
        )
        n += cursor.rowcount
    return n
