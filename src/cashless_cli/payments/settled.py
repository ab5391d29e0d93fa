"""A month whose payment results are recorded: its paid lines never change (pure).

Once the paying unit reported on a line (import-payments: paid, partly or not), that line is a
record of money. Exporting the month again must show it exactly as it was paid, under the same
code:

- a line whose result is recorded keeps its arrears as they were listed (arrears found later,
  from an earlier month's results imported late, go to the person's next list instead: the
  cycle carries an amount no line names yet);
- a change of the month's amount or of the channel (account / cash), or a paid line no longer
  in the list, is refused (``payments-paid-changed``, exit 2): printing another amount under a
  code already paid would either hide money paid or ask to pay it again.

And the other way round: results of a month imported after the next month's list was exported
leave that list without the new arrears until it is exported again (:func:`stale_later_lists`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from cashless_cli.ledger.paylines import PaymentLine, PaymentResult
from cashless_cli.payments.select import PaymentList, PaymentRow, dong
from cashless_cli.problems import Problem, Text, text

__all__ = [
    "dropped_lines",
    "dropped_problem",
    "keep_settled_arrears",
    "paid_changes",
    "stale_later_lists",
]


def _settled(
    month: str, lines: Iterable[PaymentLine], results: Mapping[str, PaymentResult]
) -> dict[str, PaymentLine]:
    return {x.ref: x for x in lines if x.month == month and x.ref in results}


def keep_settled_arrears(
    payments: PaymentList, lines: Iterable[PaymentLine], results: Mapping[str, PaymentResult]
) -> None:
    """Give each row under a code already reported on its arrears as they were listed
    (in place; call after the codes are assigned)."""
    settled = _settled(str(payments.month), lines, results)
    if not settled:
        return
    for commune in payments.communes:
        for kind in ("accounts", "cash"):
            rows: list[PaymentRow] = []
            for row in getattr(commune, kind):
                was = settled.get(row.pay_ref or "")
                if was is not None and (row.arrears, ",".join(row.arrears_months)) != (
                    was.arrears,
                    was.arrears_months,
                ):
                    months = tuple(m for m in was.arrears_months.split(",") if m)
                    notes = tuple(n for n in row.notes if n.code != "payment-arrears")
                    if was.arrears:
                        notes = (*notes, _arrears_note(was.arrears, months))
                    row = replace(row, arrears=was.arrears, arrears_months=months, notes=notes)
                rows.append(row)
            setattr(commune, kind, rows)


def _arrears_note(amount: int, months: tuple[str, ...]) -> Problem:
    shown = ", ".join(f"{m[5:7]}/{m[:4]}" for m in months)
    return Problem("payment-arrears", params={"amount": dong(amount), "months": shown})


def paid_changes(
    month: str,
    lines: Iterable[PaymentLine],
    results: Mapping[str, PaymentResult],
    new: Iterable[PaymentLine],
) -> list[Text | str]:
    """What the month's new lines would change under a code already reported on, one text a
    line ("VT-2508-… Nguyễn Văn An: 750.000 → 1.125.000"); empty: nothing paid changes."""
    wanted = {x.ref: x for x in new}
    out: list[Text | str] = []
    for ref, was in _settled(month, lines, results).items():
        now = wanted.get(ref)
        who = f"{ref} {was.beneficiary_name or ''}".strip()
        if now is None:
            out.append(f"{who}: {dong(was.total)} → —")
        elif now.total != was.total:
            out.append(f"{who}: {dong(was.total)} → {dong(now.total)}")
        elif now.channel != was.channel:
            was_said, now_said = _channel(was.channel), _channel(now.channel)
            out.append(
                Text(
                    f"{who}: {was_said.en} → {now_said.en}", f"{who}: {was_said.vi} → {now_said.vi}"
                )
            )
    return out


def _channel(channel: str) -> Text:
    """A line's channel ("account" / "cash") as the refusal says it, in both languages."""
    key = f"payments.channel.{channel}"
    return Text(text(key, "en"), text(key, "vi"))


def stale_later_lists(
    owed: Iterable[PaymentLine], lines: Iterable[PaymentLine], results: Mapping[str, PaymentResult]
) -> list[Problem]:
    """For lines just reported not (fully) paid (``owed``): each later month whose list was
    exported already and has no result yet for the person — it must be exported again to carry
    the arrears (``payments-later-list-stale``, one per later month, with the amount)."""
    every = list(lines)
    later: dict[tuple[str, str], int] = {}  # (month of the results, later month) → amount
    for line in owed:
        result = results.get(line.ref)
        if result is None:
            continue
        unpaid = line.total - (result.amount_paid if result.outcome == "paid" else 0)
        if unpaid <= 0:
            continue
        nexts = sorted(
            (x for x in every if (x.person, x.programme) == (line.person, line.programme)),
            key=lambda x: x.month,
        )
        following = [x for x in nexts if x.month > line.month]
        if following and following[0].ref not in results:
            key = (line.month, following[0].month)
            later[key] = later.get(key, 0) + unpaid
    return [
        Problem(
            "payments-later-list-stale",
            params={"month": month, "later": after, "amount": dong(amount)},
        )
        for (month, after), amount in sorted(later.items())
    ]


def dropped_lines(
    month: str, lines: Iterable[PaymentLine], new: Iterable[PaymentLine]
) -> list[PaymentLine]:
    """The lines of the month's previous list (the ledger's) whose person and programme are on
    no line of the new one: said, never dropped in silence (their roster may have become
    unusable since, or they left the programme)."""
    kept = {(x.person, x.programme) for x in new}
    return [x for x in lines if x.month == month and (x.person, x.programme) not in kept]


def dropped_problem(month: str, dropped: list[PaymentLine], kept: bool) -> Problem:
    """``payments-dropped`` (the new list written) or ``payments-kept-previous`` (it would pay
    nobody: the earlier list kept), naming up to five of the people."""
    names = [x.beneficiary_name or x.ref for x in dropped]
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    when = max(x.listed_at for x in dropped)[:16].replace("T", " ")
    code = "payments-kept-previous" if kept else "payments-dropped"
    return Problem(code, params={"month": month, "n": len(dropped), "names": shown, "when": when})
