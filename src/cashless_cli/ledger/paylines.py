"""The payment cycle in the ledger: the lines of each month's payment list (export-payments)
and the provider's result for each (import-payments). Tables of schema 3, see
:mod:`cashless_cli.ledger.store`.

A line is one person (their ID, or the row's place without one) in one programme in one month,
under a random reference code that the provider quotes back. The amount of a line is the
month's allowance plus the arrears carried over from earlier months (``arrears``, and the
months they are of). A result is append-only: the latest row of a reference is its result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cashless_cli.ledger.store import Ledger

__all__ = [
    "PaymentLine",
    "PaymentResult",
    "insert_payment_results",
    "latest_payment_results",
    "payment_lines",
    "replace_month_lines",
]

_LINE_COLUMNS = (
    "ref, month, person, beneficiary_id, programme, commune_code, commune, beneficiary_name, "
    "category, channel, amount, arrears, arrears_months, listed_at"
)


@dataclass(frozen=True, slots=True)
class PaymentLine:
    ref: str
    month: str  # YYYY-MM
    person: str  # the ID, or "row:<commune code>/<file>/<row>" without a usable one
    beneficiary_id: str | None
    programme: str  # "allowance" or "pension"
    commune_code: str
    commune: str
    beneficiary_name: str | None
    category: str | None
    channel: str  # "account" or "cash"
    amount: int  # the month's allowance
    arrears: int = 0  # carried over from earlier months (truy lĩnh)
    arrears_months: str = ""  # "2025-08,2025-09"
    listed_at: str = ""

    @property
    def total(self) -> int:
        return self.amount + self.arrears

    @property
    def months(self) -> tuple[str, ...]:
        """The months this line pays: its arrears' months, then its own."""
        return (*(m for m in self.arrears_months.split(",") if m), self.month)

    def same_listing(self, other: PaymentLine) -> bool:
        """The same line but for when it was listed."""
        return (
            self.ref,
            self.channel,
            self.amount,
            self.arrears,
            self.arrears_months,
            self.commune_code,
            self.beneficiary_name,
            self.category,
        ) == (
            other.ref,
            other.channel,
            other.amount,
            other.arrears,
            other.arrears_months,
            other.commune_code,
            other.beneficiary_name,
            other.category,
        )


@dataclass(frozen=True, slots=True)
class PaymentResult:
    ref: str
    outcome: str  # "paid" or "unpaid"
    amount_paid: int
    reason: str | None
    paid_on: str | None  # ISO date
    received_at: str
    source_file: str
    source_sha256: str
    id: int = 0


def _line(row: tuple[object, ...]) -> PaymentLine:
    ref, month, person, ben, programme, code, commune, name, category, channel = row[:10]
    amount, arrears, months, listed = row[10:]
    return PaymentLine(
        str(ref),
        str(month),
        str(person),
        None if ben is None else str(ben),
        str(programme),
        str(code),
        str(commune),
        None if name is None else str(name),
        None if category is None else str(category),
        str(channel),
        int(str(amount)),
        int(str(arrears)),
        str(months),
        str(listed),
    )


def payment_lines(ledger: Ledger, month: str | None = None) -> list[PaymentLine]:
    """Every line (of ``month``), by month then listing order."""
    sql = f"SELECT {_LINE_COLUMNS} FROM payment_lines"
    args: tuple[str, ...] = ()
    if month is not None:
        sql += " WHERE month = ?"
        args = (month,)
    return [_line(r) for r in ledger.conn.execute(sql + " ORDER BY month, rowid", args)]


def latest_payment_results(ledger: Ledger) -> dict[str, PaymentResult]:
    """Reference → its current result (the latest imported)."""
    out: dict[str, PaymentResult] = {}
    for row in ledger.conn.execute(
        "SELECT ref, outcome, amount_paid, reason, paid_on, received_at, source_file, "
        "source_sha256, id FROM payment_results ORDER BY id"
    ):
        ref, outcome, paid, reason, paid_on, received, source, sha, rid = row
        out[str(ref)] = PaymentResult(
            str(ref),
            str(outcome),
            int(paid),
            None if reason is None else str(reason),
            None if paid_on is None else str(paid_on),
            str(received),
            str(source),
            str(sha),
            int(rid),
        )
    return out


def replace_month_lines(ledger: Ledger, month: str, lines: Iterable[PaymentLine]) -> int:
    """Make the month's lines these (inside a transaction): a line with a result is kept as it
    was (it was paid or not from the list the provider had); other lines are added, updated or
    removed. Returns how many lines changed."""
    assert ledger.conn.in_transaction, "replace_month_lines needs an open transaction"
    settled = {str(r) for (r,) in ledger.conn.execute("SELECT DISTINCT ref FROM payment_results")}
    before = {line.ref: line for line in payment_lines(ledger, month)}
    wanted = {line.ref: line for line in lines}
    changed = 0
    for ref in before:
        if ref not in wanted and ref not in settled:
            ledger.conn.execute("DELETE FROM payment_lines WHERE ref = ?", (ref,))
            changed += 1
    for ref, line in wanted.items():
        old = before.get(ref)
        if ref in settled or (old is not None and old.same_listing(line)):
            continue
        ledger.conn.execute("DELETE FROM payment_lines WHERE ref = ?", (ref,))
        ledger.conn.execute(
            f"INSERT INTO payment_lines({_LINE_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                line.ref,
                line.month,
                line.person,
                line.beneficiary_id,
                line.programme,
                line.commune_code,
                line.commune,
                line.beneficiary_name,
                line.category,
                line.channel,
                line.amount,
                line.arrears,
                line.arrears_months,
                line.listed_at,
            ),
        )
        changed += 1
    return changed


def insert_payment_results(ledger: Ledger, results: Iterable[PaymentResult]) -> int:
    """Record results (new rows; the latest per reference wins), inside a transaction."""
    assert ledger.conn.in_transaction, "insert_payment_results needs an open transaction"
    values = [
        (
            r.ref,
            r.outcome,
            r.amount_paid,
            r.reason,
            r.paid_on,
            r.received_at,
            r.source_file,
            r.source_sha256,
        )
        for r in results
    ]
    ledger.conn.executemany(  # one statement for the month's 60,000 results, not one each
        "INSERT INTO payment_results(ref, outcome, amount_paid, reason, paid_on, "
        "received_at, source_file, source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)
