"""Candidates and the officer's decisions → what the month's lists do with each row (pure).

- a pair decided **different** is not raised again — except that two rows with the same ID stay
  held back (an ID is wrong on one of them, and accounts are looked up by ID: paying both could
  pay one account twice) until the commune corrects the ID;
- a pair decided **same person** keeps the row the officer chose; the other row is a duplicate
  to remove: held back from the handoff and not paid, month after month, until the commune
  removes it;
- an undecided **high-confidence** pair holds both rows back (handoff: held back; payments: to
  check), with the candidate's code;
- an undecided warning changes nothing in the lists; ``cashless duplicates`` shows it.

Rows of earlier months are never held (they are not in this month's lists).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cashless_cli.duplicates.match import Candidate, find_candidates
from cashless_cli.duplicates.people import Person, RowRef, people_of_month
from cashless_cli.ledger.store import DuplicateDecision as Decision
from cashless_cli.problems import Problem
from cashless_cli.schema.domain import Unit
from cashless_cli.validation import FileReport
from cashless_cli.workspace.matching import Matching

__all__ = [
    "DIFFERENT",
    "SAME",
    "Decision",
    "Hold",
    "MonthHolds",
    "Place",
    "hold_problem",
    "holds_of_month",
    "month_holds",
]

Place = tuple[str, str, int]  # commune code, file name, sheet row: how the month's lists look up

SAME = "same"
DIFFERENT = "different"


@dataclass(frozen=True, slots=True)
class Hold:
    """Why one row is not handed over / paid: a pair to check, or a duplicate to remove."""

    code: str  # the candidate's code, DUP-…
    kind: str  # the candidate's first kind (same-id, id-typo, ...)
    other: Person  # the other row of the pair
    removed: bool = False  # decided "same person", and this is the row not kept
    correct_id: bool = False  # decided "two people" but they share one ID

    @property
    def catalogue_code(self) -> str:
        if self.removed:
            return "duplicate-remove"
        if self.correct_id:
            return "duplicate-id-to-correct"
        return "duplicate-same-id" if self.kind == "same-id" else "duplicate-to-check"

    def params(self) -> dict[str, str]:
        o = self.other.ref
        return {
            "candidate": self.code,
            "commune": self.other.commune,
            "file": o.file,
            "row": str(o.row),
            "place": f"{self.other.commune} ({o.file}, {o.row})",
        }


@dataclass(slots=True)
class MonthHolds:
    """The month's candidates sorted by what happens to them."""

    held: dict[RowRef, list[Hold]] = field(default_factory=dict)
    open: list[Candidate] = field(default_factory=list)  # undecided (high and warnings)
    decided: list[tuple[Candidate, Decision]] = field(default_factory=list)

    def holds_for(self, ref: RowRef) -> Sequence[Hold]:
        return self.held.get(ref, ())

    def by_place(self) -> dict[Place, list[Hold]]:
        """(commune code, file name, row) → holds: how the month's lists look rows up."""
        return {(r.commune_code, r.file, r.row): h for r, h in self.held.items()}


def month_holds(
    candidates: Iterable[Candidate], decisions: Mapping[str, Decision] | None = None
) -> MonthHolds:
    decided = decisions or {}
    out = MonthHolds()

    def hold(row: Person, h: Hold) -> None:
        out.held.setdefault(row.ref, []).append(h)

    for c in candidates:
        d = decided.get(c.code)
        if d is not None:
            out.decided.append((c, d))
            if d.verdict == SAME and c.scope != "previous":
                drop, keep = (c.b, c.a) if d.keep == c.a.key else (c.a, c.b)
                hold(drop, Hold(c.code, c.kind, keep, removed=True))
            elif d.verdict == DIFFERENT and "same-id" in c.kinds:
                hold(c.a, Hold(c.code, c.kind, c.b, correct_id=True))
                hold(c.b, Hold(c.code, c.kind, c.a, correct_id=True))
            continue
        out.open.append(c)
        if c.high and c.scope != "previous":
            hold(c.a, Hold(c.code, c.kind, c.b))
            hold(c.b, Hold(c.code, c.kind, c.a))
    return out


def holds_of_month(
    month: str,
    units: Iterable[Unit],
    reports: Mapping[Path, FileReport],
    matching: Matching,
    decisions: Mapping[str, Decision] | None = None,
) -> dict[Place, list[Hold]]:
    """The rows of a month's rosters held back by duplicate pairs (this month's rows only)."""
    people = people_of_month(month, units, reports, matching)
    return month_holds(find_candidates(people), decisions).by_place()


def hold_problem(h: Hold) -> Problem:
    """A hold as a catalogue finding (rendered by whoever shows it)."""
    return Problem(h.catalogue_code, params=h.params())
