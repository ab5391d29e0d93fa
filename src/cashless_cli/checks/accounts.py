"""Rosters against what the Post Office reported: an account it opened for a person whom the
commune still lists as "Đã đăng ký". Pure: rows and known accounts in, findings out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cashless_cli.normalise.vocab import Status
from cashless_cli.schema.row import RosterRow


@dataclass(frozen=True, slots=True)
class KnownAccount:
    """An account the Post Office reported opened (from the ledger), keyed by beneficiary ID."""

    account_number: str
    opened_on: dt.date | None


def stale_registrations(
    rows: Iterable[tuple[int, RosterRow]], known: Mapping[str, KnownAccount]
) -> list[tuple[int, KnownAccount]]:
    """(index, account) of the rows still "Đã đăng ký" whose person has an opened account."""
    out = []
    for index, row in rows:
        ident = row.so_dinh_danh
        if row.trang_thai == Status.REGISTERED and ident is not None and ident in known:
            out.append((index, known[ident]))
    return out
