"""The one rule for "the same personal ID": which IDs count, and which rows share one.

Two rows of a month whose personal ID is the same usable ID (a 12-digit CCCD, or a 9-digit CMND,
as validation reads it) are the same person listed twice, whatever their status, their errors,
their file or their commune. Every command applies this rule through here: ``summarize`` reports
the groups that span more than one commune (``cross_commune_duplicates``; a group inside one file
is also validation's ``id-duplicate``), ``cashless duplicates`` lists each pair as a
high-confidence candidate, and the handoff and the payment list hold those rows back until an
officer decides.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

__all__ = ["same_id_groups", "usable_id"]


def usable_id(value: str | None) -> bool:
    """A personal ID the rule compares: 12 digits (CCCD) or 9 digits (old CMND)."""
    return value is not None and len(value) in (9, 12) and value.isascii() and value.isdigit()


def same_id_groups(rows: Iterable[tuple[K, str | None]]) -> dict[str, list[K]]:
    """ID → the keys of every row listing it, for IDs listed on two rows or more (in the order
    the rows were given; IDs in ascending order)."""
    seen: dict[str, list[K]] = {}
    for key, value in rows:
        if value is not None and usable_id(value):
            seen.setdefault(value, []).append(key)
    return dict(sorted((pid, keys) for pid, keys in seen.items() if len(keys) > 1))
