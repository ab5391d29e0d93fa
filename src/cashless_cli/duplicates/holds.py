"""Candidates and the officer's decisions → what the month's lists do with each row (pure).

- a pair decided **different** is not raised again — except that two rows with the same ID stay
  held back (an ID is wrong on one of them, and accounts are looked up by ID: paying both could
  pay one account twice) until the commune corrects the ID;
- a pair decided **same person** keeps the row the officer chose; the other row is a duplicate
  to remove: held back from the handoff and not paid, month after month, until the commune
  removes it;
- an undecided **high-confidence** pair holds both rows back (handoff: held back; payments: to
  check), with the candidate's code;
- an undecided warning changes nothing in the lists; ``cashless duplicates`` shows it;
- the same ID in the monthly social allowance and the social pension in the month (rows of both
  programmes, each with an amount: ``id-both-programmes``) is not a pair to decide: the payment
  list pays only the higher amount (:func:`pays_before`, the one rule ``export-payments`` uses),
  so that row goes on, and every other row of the ID is held back (``duplicate-both-programmes``:
  not handed over, not paid) until the commune removes it from the lower programme's list.

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
from cashless_cli.schema.domain import SOCIAL_PENSION, Unit, programme_of
from cashless_cli.validation import FileReport
from cashless_cli.workspace.matching import Matching

__all__ = [
    "DIFFERENT",
    "SAME",
    "BothProgrammesPair",
    "Decision",
    "Hold",
    "MonthHolds",
    "Place",
    "hold_problem",
    "holds_of_month",
    "month_holds",
    "pays_before",
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
    both: bool = False  # the same ID in the other programme, and ``other`` is the row paid

    @property
    def catalogue_code(self) -> str:
        if self.both:
            return "duplicate-both-programmes"
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
            "amount": f"{self.other.amount or 0:,}".replace(",", "."),
        }


def pays_before(amount: int | None, category: str | None) -> tuple[int, bool]:
    """The order of the rows of one person listed for both programmes: the row with the
    greatest key is the one paid — the higher amount, and on a tie the monthly social allowance
    (Decree 176/2025/NĐ-CP: only the higher of the two is received)."""
    return (amount or 0, category != SOCIAL_PENSION)


@dataclass(frozen=True, slots=True)
class BothProgrammesPair:
    """The same ID in both programmes this month: the row paid and a row not paid."""

    code: str  # the candidate's code, DUP-…
    paid: Person
    not_paid: Person


@dataclass(slots=True)
class MonthHolds:
    """The month's candidates sorted by what happens to them."""

    held: dict[RowRef, list[Hold]] = field(default_factory=dict)
    open: list[Candidate] = field(default_factory=list)  # undecided (high and warnings)
    decided: list[tuple[Candidate, Decision]] = field(default_factory=list)
    both: list[BothProgrammesPair] = field(default_factory=list)  # decided by the rule

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
    candidates = list(candidates)
    paid_of = _both_programmes(c for c in candidates if c.code not in decided)

    def hold(row: Person, h: Hold) -> None:
        out.held.setdefault(row.ref, []).append(h)

    for c in candidates:
        d = decided.get(c.code)
        paid = paid_of.get(c.a.pid or "") if d is None else None
        if paid is not None:  # both programmes: the higher row is paid, the other is not
            for row, other in ((c.a, c.b), (c.b, c.a)):
                if row is not paid and other is paid:
                    out.both.append(BothProgrammesPair(c.code, paid, row))
                    hold(row, Hold(c.code, c.kind, paid, both=True))
            continue
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


def _both_programmes(candidates: Iterable[Candidate]) -> dict[str, Person]:
    """ID → the row paid, for the IDs of this month listed for both programmes (every row
    of the ID with an amount, one of them of the social pension and one of the allowance):
    what export-payments pays (payments.select.both_programmes, the same rule)."""
    rows: dict[str, dict[RowRef, Person]] = {}
    for c in candidates:
        if "same-id" in c.kinds and c.scope != "previous" and c.a.pid:
            group = rows.setdefault(c.a.pid, {})
            group[c.a.ref], group[c.b.ref] = c.a, c.b
    out: dict[str, Person] = {}
    for pid, group in rows.items():
        members = list(group.values())
        kinds = {programme_of(p.category) for p in members}
        if kinds == {"pension", "allowance"} and all(p.amount is not None for p in members):
            out[pid] = max(members, key=lambda p: pays_before(p.amount, p.category))
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
