"""The monthly payment cycle, pure: what earlier months' results mean for this month's list.

- **Arrears (truy lĩnh).** A line of an earlier month whose result says it was not (or not
  fully) paid leaves an unpaid amount (the line's total minus what was paid). That amount is
  added to the person's next line in the same programme, *once*: the line that carries it names
  the month (``arrears_months``), and a month named by a later line is never carried again. If
  that line is not paid either, its own unpaid total (arrears included) is carried on, so every
  đồng is owed exactly once. A line whose result is not imported yet carries nothing yet.
- **Suspension (tạm dừng).** A person whose last three lines, in three consecutive months, were
  all not collected is not paid from this month's list (Circular 02/2021/TT-BLĐTBXH): the row is
  listed among the rows held back, with the months and the amount owed, never dropped.
- **Resumption (tiếp tục chi trả).** The commune lifts a suspension (``resume-payment``) from a
  month's list on: the months not collected before that month no longer count, so the person is
  paid again from that list, with the arrears of the lines listed and not collected (carried as
  above, once). The months of the suspension itself had no line, so nothing of them is owed.

Lines are keyed by (person, programme): the person's ID (or the row's place without a usable
ID) and "allowance" / "pension".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cashless_cli.ledger.paylines import PaymentLine, PaymentResult
from cashless_cli.payments.select import PaymentList, PaymentRow, dong
from cashless_cli.problems import Problem

__all__ = [
    "SUSPEND_AFTER",
    "Carry",
    "apply_carry",
    "assign_refs",
    "carry_over",
    "lines_of",
    "months_text",
    "previous_month",
]

#: Months in a row not collected after which payment stops (Circular 02/2021/TT-BLĐTBXH).
SUSPEND_AFTER = 3

Key = tuple[str, str]  # person, programme


@dataclass(frozen=True, slots=True)
class Carry:
    """What a person's earlier lines bring to this month."""

    arrears: int = 0
    months: tuple[str, ...] = ()  # the months the arrears are of, oldest first
    missed: tuple[str, ...] = ()  # the last months in a row not collected, oldest first
    suspended: bool = False
    last: PaymentLine | None = None  # the person's latest line (who, where)
    resumed: bool = False  # the commune lifted a suspension from this very month


def previous_month(month: str) -> str:
    year, m = int(month[:4]), int(month[5:7])
    return f"{year - 1}-12" if m == 1 else f"{year}-{m - 1:02d}"


def _unpaid(line: PaymentLine, result: PaymentResult | None) -> int:
    if result is None:
        return 0
    return max(0, line.total - (result.amount_paid if result.outcome == "paid" else 0))


def carry_over(
    month: str,
    lines: Iterable[PaymentLine],
    results: Mapping[str, PaymentResult],
    resumed: Mapping[Key, Sequence[str]] | None = None,
) -> dict[Key, Carry]:
    """(person, programme) → what their lines before ``month`` bring to it (see the module doc;
    only people with something to carry, suspended, or resumed from ``month`` are in the
    answer). ``resumed``: (person, programme) → the months a suspension was lifted from."""
    lifted = resumed or {}
    by_key: dict[Key, list[PaymentLine]] = {}
    for line in lines:
        if line.month < month:
            by_key.setdefault((line.person, line.programme), []).append(line)
    out: dict[Key, Carry] = {}
    for key, history in by_key.items():
        history.sort(key=lambda x: x.month)
        carried = {m for x in history for m in x.arrears_months.split(",") if m}
        arrears = 0
        months: list[str] = []
        for line in history:
            unpaid = _unpaid(line, results.get(line.ref))
            if unpaid and line.month not in carried:
                arrears += unpaid
                months.extend(m for m in line.months if m not in months)
        since = max((m for m in lifted.get(key, ()) if m <= month), default="")
        missed = _missed(history, results, since)
        suspended = len(missed) >= SUSPEND_AFTER
        if arrears or suspended or since == month:
            carry = Carry(arrears, tuple(sorted(months)), missed, suspended, history[-1])
            out[key] = replace(carry, resumed=since == month)
    return out


def _missed(
    history: list[PaymentLine], results: Mapping[str, PaymentResult], since: str = ""
) -> tuple[str, ...]:
    """The person's latest lines, in consecutive months, all not collected (oldest first);
    none before ``since``, the month a suspension was lifted from."""
    missed: list[str] = []
    for line in reversed(history):
        result = results.get(line.ref)
        if line.month < since or result is None or result.outcome != "unpaid":
            break
        if missed and previous_month(missed[-1]) != line.month:
            break
        missed.append(line.month)
    return tuple(reversed(missed))


def months_text(months: Iterable[str]) -> str:
    """ "08/2025, 09/2025" """
    return ", ".join(f"{m[5:7]}/{m[:4]}" for m in months)


def apply_carry(payments: PaymentList, carries: Mapping[Key, Carry]) -> None:
    """Add each person's arrears to their line (with a note naming the months); move the rows of
    suspended people to the rows held back, with the reason; list the arrears of people not on
    this month's rosters among the rows held back too, and say them on the rows held back for
    another reason: never dropped (in place)."""
    seen = {(r.person, r.programme) for r in (*payments.paid, *payments.check)}
    for key, owed in carries.items():
        if key not in seen and owed.last is not None and owed.arrears and payments.communes:
            _owed_elsewhere(payments, owed, owed.last)
    for commune in payments.communes:
        for kind in ("accounts", "cash"):
            kept: list[PaymentRow] = []
            for row in getattr(commune, kind):
                carry = carries.get((row.person, row.programme))
                if carry is None:
                    kept.append(row)
                elif carry.suspended:
                    params = {
                        "months": months_text(carry.missed),
                        "n": len(carry.missed),
                        "owed": dong(carry.arrears),
                    }
                    why = Problem("payment-suspended", params=params)
                    commune.check.append(replace(row, notes=(why, *row.notes)))
                else:
                    notes: list[Problem] = []
                    if carry.resumed:
                        month = months_text((str(payments.month),))
                        notes.append(Problem("payment-resumed", params={"month": month}))
                    if carry.arrears:
                        params = {
                            "amount": dong(carry.arrears),
                            "months": months_text(carry.months),
                        }
                        notes.append(Problem("payment-arrears", params=params))
                    kept.append(
                        replace(
                            row,
                            arrears=carry.arrears,
                            arrears_months=carry.months,
                            notes=(*row.notes, *notes),
                        )
                    )
            setattr(commune, kind, kept)
        commune.check = [_owed_too(row, carries) for row in commune.check]


def _owed_too(row: PaymentRow, carries: Mapping[Key, Carry]) -> PaymentRow:
    """A row held back for another reason (a duplicate pair, no amount...) of a person owed
    arrears: the amount is said on the row, not paid (it is carried, once, by the person's next
    line paid), never silently left out."""
    carry = carries.get((row.person, row.programme))
    if carry is None or not carry.arrears or row.suspended or row.arrears:  # said already
        return row
    params = {"amount": dong(carry.arrears), "months": months_text(carry.months)}
    return replace(row, notes=(*row.notes, Problem("payment-arrears-held", params=params)))


def _owed_elsewhere(payments: PaymentList, carry: Carry, last: PaymentLine) -> None:
    """A person owed arrears who is on no roster of this month: a row to check."""
    commune = next(
        (c for c in payments.communes if c.unit.code == last.commune_code), payments.communes[0]
    )
    params = {"amount": dong(carry.arrears), "months": months_text(carry.months)}
    commune.check.append(
        PaymentRow(
            commune_code=commune.unit.code,
            commune=commune.unit.name,
            source=Path(f"chi-tra-{last.month}.xlsx"),
            sheet=None,
            source_row=0,
            beneficiary_name=last.beneficiary_name,
            beneficiary_id=last.beneficiary_id,
            category=last.category,
            status=None,
            receiver=None,
            receiver_name=None,
            amount=None,
            arrears=carry.arrears,
            arrears_months=carry.months,
            notes=(Problem("payment-arrears-not-listed", params=params),),
        )
    )


def assign_refs(
    payments: PaymentList,
    known: Mapping[Key, str],
    taken: set[str],
    draw: Callable[[], str],
) -> None:
    """Give every line of the list its reference code (in place): the one the ledger already
    gave this person and programme this month (``known``), else a fresh one owned by nobody
    (``taken``: every code of the ledger, updated)."""
    listed: set[Key] = set()
    for commune in payments.communes:
        for kind in ("accounts", "cash"):
            rows: list[PaymentRow] = []
            for row in getattr(commune, kind):
                if (row.person, row.programme) in listed:  # one ID on two paid rows: by place
                    place = f"row:{row.commune_code}/{row.source.name}/{row.source_row}"
                    row = replace(row, line_key=place)
                listed.add((row.person, row.programme))
                code = known.get((row.person, row.programme))
                if code is None:
                    code = draw()
                    while code in taken:
                        code = draw()
                taken.add(code)
                rows.append(replace(row, pay_ref=code))
            setattr(commune, kind, rows)


def lines_of(payments: PaymentList, listed_at: str) -> list[PaymentLine]:
    """The ledger's lines of the list (every row through accounts or in cash, with its code)."""
    out: list[PaymentLine] = []
    for commune in payments.communes:
        for channel, rows in (("account", commune.accounts), ("cash", commune.cash)):
            for row in rows:
                assert row.pay_ref is not None, "assign_refs first"
                out.append(
                    PaymentLine(
                        ref=row.pay_ref,
                        month=str(payments.month),
                        person=row.person,
                        beneficiary_id=row.beneficiary_id,
                        programme=row.programme,
                        commune_code=row.commune_code,
                        commune=row.commune,
                        beneficiary_name=row.beneficiary_name,
                        category=row.category,
                        channel=channel,
                        amount=row.amount or 0,
                        arrears=row.arrears,
                        arrears_months=",".join(row.arrears_months),
                        listed_at=listed_at,
                    )
                )
    return out
