"""``import-payments`` as a library function: the provider's report of a month's payment list
— who was paid, how much, and who was not and why — checked against the ledger, then recorded.

The same discipline as ``import-postoffice``:

- a row is matched only by the line's reference code ("Mã chi trả" of the payment list), which
  must be a line of the ledger (unknown codes are listed) and appear once in the file
  (duplicates are listed);
- the result may be left blank: an amount paid above 0 then means *paid*, a reason or an amount
  of 0 *not paid*; a row with a code and nothing else is *pending* and changes nothing;
- a paid row says how much (whole đồng), never more than the line lists (its month and its
  arrears); less is a warning, and the rest is owed (carried over next month); a row not paid
  has no amount paid, and should say why (a warning otherwise);
- a line already recorded keeps its result: the same result again is *unchanged* (importing the
  same file twice changes nothing); a different one is an error unless ``force``.

**All or nothing.** A file with any error changes nothing; warnings do not block. The results
are written in one ledger transaction, after an owner-only copy of the file and its SHA-256 are
kept in ``payments/YYYY-MM/results/`` (the month most of its lines belong to).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from cashless_cli.clock import local_now
from cashless_cli.fs.kept import KeptImport, keep_and_record
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.i18n import Lang
from cashless_cli.ledger.guard import open_ledger, record_commit
from cashless_cli.ledger.paylines import (
    PaymentLine,
    PaymentResult,
    insert_payment_results,
    latest_payment_results,
    payment_lines,
)
from cashless_cli.ledger.store import Ledger
from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.dates import normalise_date
from cashless_cli.normalise.money import normalise_arrears
from cashless_cli.normalise.text import fold
from cashless_cli.payments.select import dong
from cashless_cli.payments.settled import stale_later_lists
from cashless_cli.problems import Problem, ReadError, Severity
from cashless_cli.read.header import AliasTable
from cashless_cli.replies.reply import ReplyFile, ReplyRow, read_reply
from cashless_cli.schema.domain import (
    REPLY_COLUMNS,
    RESULT_COLUMNS,
    RESULT_PAID,
    RESULT_UNPAID,
)
from cashless_cli.workspace.config import Workspace, WorkspaceError

RESULTS_DIR = "results"
_PAID = frozenset(fold(w) for w in RESULT_PAID)
_UNPAID = frozenset(fold(w) for w in RESULT_UNPAID)
_ANSWER_KEYS = ("amount_paid", "result", "reason", "paid_on")


@cache
def _aliases() -> AliasTable:
    return AliasTable((word, key) for key, words in RESULT_COLUMNS.items() for word in words)


@dataclass(frozen=True, slots=True)
class Change:
    """A result that will be (or was) recorded, and the line it is for."""

    line: PaymentLine
    result: PaymentResult
    previous: PaymentResult | None
    forced: bool = False


@dataclass(slots=True)
class PaymentsImport(KeptImport):
    table: ReplyFile | None = None
    duplicate_refs: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    #: the ledger's payment lines as checked (read once; recording results does not change them)
    lines: list[PaymentLine] = field(default_factory=list, repr=False)

    def of(self, outcome: str) -> list[Change]:
        return [c for c in self.changes if c.result.outcome == outcome]

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The ``--format json`` document (a contract: keys may be added, never changed).
        ``applied``, ``paid`` and ``unpaid`` count what this run recorded (0 with errors);
        ``would_apply`` is what it would record without them."""
        done = self.applied
        paid, unpaid = self.of("paid"), self.of("unpaid")
        return {
            "file": str(self.file),
            "applied": len(self.changes) if done else 0,
            "unchanged": self.unchanged,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "unknown_refs": list(self.unknown_refs),
            "duplicate_refs": list(self.duplicate_refs),
            "paid": len(paid) if done else 0,
            "paid_amount": sum(c.result.amount_paid for c in paid) if done else 0,
            "unpaid": len(unpaid) if done else 0,
            "unpaid_amount": sum(c.line.total - c.result.amount_paid for c in self.changes)
            if done
            else 0,
            "would_apply": len(self.changes),
            "pending": self.pending,
            "forced": sum(1 for c in self.changes if c.forced) if done else 0,
            "months": sorted({c.line.month for c in self.changes}),
            "sheet": self.table.sheet if self.table else None,
            "header_row": self.table.header_row if self.table else None,
            "copy": str(self.copy) if self.copy else None,
            "sha256": self.sha256,
            "problems": [p.to_dict(lang) for p in self.problems],
        }


def import_payments(
    workspace: Workspace,
    path: Path,
    *,
    force: bool = False,
    now: Callable[[], dt.datetime] = local_now,
) -> PaymentsImport:
    """Check ``path`` against the ledger's payment lines and record its results (see the module
    doc). Raises :class:`~cashless_cli.problems.ReadError` for a file that cannot be read and
    :class:`WorkspaceError` for a workspace without a ledger."""
    data = path.read_bytes() if path.is_file() else b""
    table = read_reply(path, _aliases(), "payresult-no-header")
    shaped = _postoffice_shaped(path, table)
    with workspace_lock(workspace.state_dir):
        ledger = open_ledger(workspace.state_dir, workspace.root)
        if ledger is None:
            raise WorkspaceError("ledger-missing", root=workspace.root)
        with ledger:
            moment = now()
            result = check_results(table, ledger, moment, force, postoffice_shaped=shaped)
            result.sha256 = hashlib.sha256(data).hexdigest()
            if result.errors or not result.changes:
                return result
            _apply(workspace, ledger, result, data, moment)
            record_commit(workspace.state_dir, ledger)
            # a later month's list exported before these results: it must be exported again
            results = latest_payment_results(ledger)
            owed = [c.line for c in result.changes]
            result.problems.extend(stale_later_lists(owed, result.lines, results))
            return result


def _problem(
    table: ReplyFile, row: ReplyRow, key: str, code: str, value: Any = None, **params: Any
) -> Problem:
    # a column the file does not have (no "Lý do"): point at the row's result or reference
    cell = next(
        (row.cells[k] for k in (key, "result", "amount_paid", "ref") if k in row.cells), None
    )
    return Problem(
        code,
        sheet=table.sheet,
        cell=cell.cell if cell else None,
        row=row.row,
        column=key,
        header=cell.header if cell else None,
        value=value,
        params=params,
    )


def _amount(table: ReplyFile, row: ReplyRow, problems: list[Problem]) -> int | None:
    raw = row.raw("amount_paid")
    try:  # 0 is an amount (nothing paid), as the module doc says; negative is refused
        return normalise_arrears(raw).value
    except Invalid:
        problems.append(_problem(table, row, "amount_paid", "payresult-amount-invalid", raw))
        return None


def _outcome(table: ReplyFile, row: ReplyRow, amount: int | None, problems: list[Problem]) -> str:
    """ "paid" | "unpaid" | "pending" | "bad" """
    said = row.text("result")
    if said:
        key = fold(said)
        if key in _PAID:
            return "unpaid" if amount == 0 else "paid"  # "Đã chi" but 0 paid: not paid
        if key in _UNPAID:
            return "unpaid"
        problems.append(_problem(table, row, "result", "payresult-result-invalid", said))
        return "bad"
    if amount:
        return "paid"
    if row.text("reason") or amount == 0:
        return "unpaid"
    if row.text("amount_paid"):
        return "bad"  # an amount not understood: reported already
    return "pending"


def _paid_on(
    table: ReplyFile, row: ReplyRow, today: dt.date, problems: list[Problem]
) -> str | None:
    raw = row.raw("paid_on")
    try:
        loose = normalise_date(raw, today=today).value
    except Invalid:
        problems.append(_problem(table, row, "paid_on", "payresult-date-invalid", raw))
        return None
    return loose.date.isoformat() if loose is not None and loose.date is not None else None


def check_results(
    table: ReplyFile,
    ledger: Ledger,
    now: dt.datetime,
    force: bool,
    *,
    postoffice_shaped: bool = False,
) -> PaymentsImport:
    """Every rule of the module doc; nothing is written. ``postoffice_shaped``: the file also
    has the Post Office reply's answer columns (account number, date or place opened)."""
    result = PaymentsImport(table.path, table=table)
    every = result.lines = payment_lines(ledger)
    lines = {line.ref: line for line in every}
    carried = {  # (person, programme, month) → the later line that carried its unpaid amount
        (x.person, x.programme, m): x for x in every for m in x.arrears_months.split(",") if m
    }
    previous = latest_payment_results(ledger)
    _refuse_postoffice_reply(table, ledger, lines, postoffice_shaped)
    first: dict[str, str] = {}
    problems = result.problems
    for row in table.rows:
        ref = _ref(row)
        answered = any(row.text(k) for k in _ANSWER_KEYS)
        if not ref:
            if answered and row.text("amount_paid") and row.text("result"):
                problems.append(_problem(table, row, "ref", "payresult-ref-missing"))
            continue  # a total, a note or a signature under the list
        if ref not in lines:
            if ref not in result.unknown_refs and (answered or "-" in ref):
                result.unknown_refs.append(ref)
                problems.append(_problem(table, row, "ref", "payresult-ref-unknown", ref))
            continue
        where = row.cell("ref") or str(row.row)
        if ref in first:
            result.duplicate_refs.append(ref)
            problems.append(
                _problem(table, row, "ref", "payresult-ref-duplicate", ref, first=first[ref])
            )
            continue
        first[ref] = where
        line = lines[ref]
        before = len(problems)
        amount = _amount(table, row, problems)
        outcome = _outcome(table, row, amount, problems)
        if outcome == "pending":
            result.pending += 1
            continue
        paid_on = _paid_on(table, row, now.date(), problems)
        reason = row.text("reason")
        listed = dong(line.total)
        if outcome == "paid":
            if amount is None and not row.text("amount_paid"):
                problems.append(_problem(table, row, "amount_paid", "payresult-amount-missing"))
            elif amount is not None and amount > line.total:
                problems.append(
                    _problem(
                        table,
                        row,
                        "amount_paid",
                        "payresult-amount-above",
                        amount,
                        paid=dong(amount),
                        listed=listed,
                    )
                )
            elif amount is not None and amount < line.total:
                owed = dong(line.total - amount)
                problems.append(
                    _problem(
                        table,
                        row,
                        "amount_paid",
                        "payresult-partly-paid",
                        amount,
                        paid=dong(amount),
                        listed=listed,
                        owed=owed,
                    )
                )
        elif outcome == "unpaid":
            if amount:
                problems.append(
                    _problem(
                        table,
                        row,
                        "amount_paid",
                        "payresult-unpaid-with-amount",
                        amount,
                        paid=dong(amount),
                    )
                )
            if not reason:
                problems.append(_problem(table, row, "reason", "payresult-reason-missing"))
        if outcome == "bad" or any(p.severity is Severity.ERROR for p in problems[before:]):
            continue
        new = PaymentResult(
            ref,
            outcome,
            amount or 0,
            reason,
            paid_on,
            now.isoformat(),
            "",
            "",
        )
        old = previous.get(ref)
        if old is not None and _same(old, new):
            result.unchanged += 1
            continue
        later = carried.get((line.person, line.programme, line.month))
        if old is not None and later is not None:
            # what was not paid is already on a later list: changing it could pay it twice
            problems.append(
                _problem(
                    table,
                    row,
                    "result" if "result" in row.cells else "ref",
                    "payresult-already-carried",
                    ref,
                    ref=ref,
                    later=later.ref,
                    month=f"{later.month[5:7]}/{later.month[:4]}",
                )
            )
            continue
        if old is not None and not force:
            problems.append(
                _problem(
                    table,
                    row,
                    _changed(old, new),  # the cell that differs (the amount, the result…)
                    "payresult-already-recorded",
                    ref,
                    ref=ref,
                    previous=_describe(old),
                    received=dt.datetime.fromisoformat(old.received_at).strftime("%d/%m/%Y"),
                    now=_describe(new),
                )
            )
            continue
        result.changes.append(Change(line, new, old, old is not None))
    problems.sort(key=lambda p: (p.row or 0, p.code))
    return result


def _ref(row: ReplyRow) -> str:
    text = row.text("ref")
    return "".join(text.split()).upper() if text else ""


#: the reference headers only a payment result has ("Mã chi trả", "Payment reference")
_PAYMENT_REF_HEADERS = frozenset(
    fold(w) for w in RESULT_COLUMNS["ref"] if w not in REPLY_COLUMNS["ref"]
)
_POSTOFFICE_ANSWERS = frozenset(("account", "opened_on", "provider"))


def _postoffice_shaped(path: Path, table: ReplyFile) -> bool:
    """Whether ``path``, read as import-postoffice reads a reply, has the Post Office's own
    answer columns (account number, date or place opened) — looked for only when the reference
    column is not headed "Mã chi trả"."""
    if fold(table.columns.get("ref", "")) in _PAYMENT_REF_HEADERS:
        return False
    try:
        reply = read_reply(path)
    except ReadError:
        return False
    return bool(_POSTOFFICE_ANSWERS & reply.columns.keys())


def _refuse_postoffice_reply(
    table: ReplyFile, ledger: Ledger, lines: dict[str, Any], shaped: bool
) -> None:
    """The Post Office's reply to a handoff ("Mã tham chiếu", no "Mã chi trả") given to the
    wrong command: none of its codes is a payment line, and the file has the reply's answer
    columns or its codes are handoff references of this workspace. Raises :class:`ReadError`
    (exit 2) instead of listing every row as an unknown code."""
    refs = [r for r in map(_ref, table.rows) if r]
    if not refs or any(r in lines for r in refs):
        return
    if shaped or any(ledger.ref_owner(r) is not None for r in refs):
        raise ReadError("payresult-postoffice-reply", str(table.path), column=table.columns["ref"])


def _same(old: PaymentResult, new: PaymentResult) -> bool:
    keys = ("outcome", "amount_paid", "reason", "paid_on")
    return all(getattr(old, k) == getattr(new, k) for k in keys)


def _changed(old: PaymentResult, new: PaymentResult) -> str:
    """The column of the first answer that differs between two results of one line."""
    columns = (("outcome", "result"), ("amount_paid", "amount_paid"), ("reason", "reason"),
               ("paid_on", "paid_on"))  # fmt: skip
    return next((c for k, c in columns if getattr(old, k) != getattr(new, k)), "result")


def _describe(r: PaymentResult) -> str:
    if r.outcome == "paid":
        return dong(r.amount_paid)
    return f"— ({r.reason or '?'})"


def _apply(
    workspace: Workspace, ledger: Ledger, result: PaymentsImport, data: bytes, now: dt.datetime
) -> None:
    months = Counter(c.line.month for c in result.changes)
    month = max(months.items(), key=lambda kv: (kv[1], kv[0]))[0]
    folder = workspace.root / "payments" / month / RESULTS_DIR

    def record(relative: str) -> None:
        with ledger.transaction():
            insert_payment_results(
                ledger,
                (
                    replace(c.result, source_file=relative, source_sha256=result.sha256)
                    for c in result.changes
                ),
            )

    result.copy = keep_and_record(
        folder, workspace.root, result.file, data, result.sha256, now, record
    )
    result.applied = True


__all__ = ["Change", "PaymentsImport", "check_results", "import_payments"]
