"""``import-postoffice`` as a library function: check the Post Office's reply against the
ledger, then record it.

Rules, each reported at its cell:

- a row is matched only by its reference code, which must belong to a batch of the ledger
  (unknown codes are listed) and appear once in the file;
- the result ("Đã mở", "Thành công" … / "Không mở được", "Thất bại" …) may be left blank: an
  account number then means *opened*, a reason *failed*; a row with a code and no answer at all
  is *pending* (not answered yet) and changes nothing;
- an opened row needs an account number (6–19 digits, kept as text; a number cell of more than
  15 digits was already damaged by Excel: error) and an opening date (a date cell, or text
  dd/mm/yyyy) not in the future and not before the first day of the batch's month; a blank provider
  means the Post Office (Bưu điện);
- a failed row has no account number, and should say why (a warning otherwise);
- a reference already answered keeps its answer unless ``force``: the same answer again is
  *unchanged*; a different one is an error, except for a failed reference that was handed over
  again (in a later batch) after the failure was recorded.

**All or nothing.** A file with any error changes nothing (the result says what would have been
applied); warnings do not block. Applied answers are written in one ledger transaction, after an
owner-only copy of the file and its SHA-256 are kept in ``handoff/YYYY-MM/replies/`` (the month
of the batch most of its answers belong to).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cashless_cli.clock import local_now
from cashless_cli.fs.kept import KeptImport, keep_and_record
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.i18n import Lang
from cashless_cli.ledger.guard import open_ledger, record_commit
from cashless_cli.ledger.store import HandedRef, Ledger, Reply
from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.dates import normalise_date
from cashless_cli.normalise.ids import normalise_account
from cashless_cli.normalise.text import clean_text, fold
from cashless_cli.problems import Phrase, Problem, Severity
from cashless_cli.replies.reply import ReplyFile, ReplyRow, read_reply
from cashless_cli.schema.domain import REPLY_FAILED, REPLY_FAILED_BECAUSE, REPLY_OPENED
from cashless_cli.workspace.config import Workspace, WorkspaceError

POST_OFFICE = "Bưu điện"
REPLIES_DIR = "replies"

_OPENED = frozenset(fold(w) for w in REPLY_OPENED)
_FAILED = frozenset(fold(w) for w in REPLY_FAILED)
#: Results that are themselves the reason of a failure.
_FAILED_BECAUSE = {fold(w): w for w in REPLY_FAILED_BECAUSE}
_REF_SHAPE = re.compile(r"^[A-Z0-9]{1,8}-\d{4}-[0-9A-Z]{7,}$")


@dataclass(frozen=True, slots=True)
class Answer:
    """What one reply row says, once read (before the ledger is consulted)."""

    row: int
    ref: str
    ref_cell: str | None
    outcome: str  # "opened" or "failed"
    account_number: str | None
    provider: str | None
    opened_on: dt.date | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class Change:
    """An answer that will be (or was) recorded."""

    answer: Answer
    reply: Reply
    previous: Reply | None
    handed: HandedRef  # the latest handover of the reference
    forced: bool = False


@dataclass(slots=True)
class ImportResult(KeptImport):
    reply: ReplyFile | None = None
    changes: list[Change] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for c in self.changes if c.reply.outcome == outcome)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The ``--format json`` document (a contract: keys may be added, never changed).

        ``applied``, ``opened`` and ``failed`` count what this run recorded (0 when the file
        has errors); ``would_apply`` is what it would record without them."""
        applied = len(self.changes) if self.applied else 0
        return {
            "file": str(self.file),
            "applied": applied,
            "unchanged": self.unchanged,
            "errors": len(self.errors),
            "unknown_refs": list(self.unknown_refs),
            "opened": self.count("opened") if self.applied else 0,
            "failed": self.count("failed") if self.applied else 0,
            "would_apply": len(self.changes),
            "warnings": len(self.warnings),
            "pending": self.pending,
            "forced": sum(1 for c in self.changes if c.forced) if self.applied else 0,
            "sheet": self.reply.sheet if self.reply else None,
            "header_row": self.reply.header_row if self.reply else None,
            "copy": str(self.copy) if self.copy else None,
            "sha256": self.sha256,
            "batches": sorted({c.handed.batch_id for c in self.changes}),
            "problems": [p.to_dict(lang) for p in self.problems],
        }


def import_reply(
    workspace: Workspace,
    path: Path,
    *,
    force: bool = False,
    now: Callable[[], dt.datetime] = local_now,
) -> ImportResult:
    """Check ``path`` against the ledger and record its answers (see the module doc).

    Raises :class:`~cashless_cli.problems.ReadError` for a file that cannot be read and
    :class:`WorkspaceError` for a workspace without a ledger.
    """
    data = path.read_bytes() if path.is_file() else b""
    reply = read_reply(path)
    with workspace_lock(workspace.state_dir):
        found = open_ledger(workspace.state_dir, workspace.root)
        if found is None:
            raise WorkspaceError("ledger-missing", root=workspace.root)
        ledger = found
        try:
            moment = now()
            result = check_reply(reply, ledger, moment, force)
            result.sha256 = hashlib.sha256(data).hexdigest()
            if result.errors or not result.changes:
                return result
            _apply(workspace, ledger, result, data, moment)
            record_commit(workspace.state_dir, ledger)
            return result
        finally:
            ledger.close()


# ---- reading the answers ------------------------------------------------------------------
def _problem(
    reply: ReplyFile, row: ReplyRow, key: str, code: str, value: Any = None, **params: Any
) -> Problem:
    cell = row.cells.get(key)
    return Problem(
        code,
        sheet=reply.sheet,
        cell=cell.cell if cell else None,
        row=row.row,
        column="so_tai_khoan" if key == "account" else key,
        header=cell.header if cell else None,
        value=value,
        params=params,
    )


def _outcome(reply: ReplyFile, row: ReplyRow, problems: list[Problem]) -> tuple[str, str | None]:
    """("opened" | "failed" | "pending" | "bad", reason from the result word)."""
    result = row.text("result")
    if result:
        key = fold(result)
        if key in _OPENED:
            return "opened", None
        if key in _FAILED:
            return "failed", None
        if key in _FAILED_BECAUSE:
            return "failed", result
        problems.append(_problem(reply, row, "result", "reply-result-invalid", result))
        return "bad", None
    if row.text("account"):
        return "opened", None
    if row.text("reason"):
        return "failed", None
    if row.text("opened_on") or row.text("provider"):
        return "opened", None  # the account number is missing: reported below
    return "pending", None


def _account(reply: ReplyFile, row: ReplyRow, problems: list[Problem]) -> str | None:
    raw = row.raw("account")
    try:
        value = normalise_account(raw).value
    except Invalid as exc:
        code = (
            "reply-account-corrupted"
            if exc.code == "number-precision-lost"
            else "reply-account-invalid"
        )
        shown = f"{raw:.0f}" if isinstance(raw, float) else raw
        problems.append(_problem(reply, row, "account", code, shown))
        return None
    if value is not None and isinstance(raw, int | float):
        problems.append(_problem(reply, row, "account", "reply-account-number-cell", value))
    return value


def _date(
    reply: ReplyFile, row: ReplyRow, today: dt.date, problems: list[Problem]
) -> dt.date | None:
    raw = row.raw("opened_on")
    try:
        loose = normalise_date(raw, today=today).value
    except Invalid as exc:
        if exc.code == "date-in-future":
            shown = clean_text(raw) or ""
            problems.append(_problem(reply, row, "opened_on", "reply-date-future", raw, date=shown))
        else:
            problems.append(_problem(reply, row, "opened_on", "reply-date-invalid", raw))
        return None
    if loose is None:
        return None
    if loose.date is None:  # pragma: no cover - normalise_date gives full dates here
        problems.append(_problem(reply, row, "opened_on", "reply-date-invalid", raw))
    return loose.date


def _looks_answered(row: ReplyRow) -> bool:
    """An account, a date or a known result: an answer (a free text alone is a note)."""
    result = fold(row.text("result") or "")
    known = result in _OPENED or result in _FAILED or result in _FAILED_BECAUSE
    return known or bool(row.text("account") or row.text("opened_on"))


def read_answers(
    reply: ReplyFile, today: dt.date
) -> tuple[list[Answer], list[Problem], int, list[tuple[ReplyRow, str]]]:
    """The answers of a reply (rules that need no ledger). Returns (answers, problems,
    pending rows, rows with a reference code: (row, code)) — the last for the ledger checks."""
    answers: list[Answer] = []
    problems: list[Problem] = []
    pending = 0
    coded: list[tuple[ReplyRow, str]] = []
    first: dict[str, str] = {}
    for row in reply.rows:
        text = row.text("ref")
        ref = "".join(text.split()).upper() if text else ""
        if not ref:
            if _looks_answered(row):
                problems.append(_problem(reply, row, "ref", "reply-ref-missing"))
            continue  # otherwise a note, a total or a signature under the list
        if not _REF_SHAPE.match(ref) and not row.has_answer():
            continue  # "Tổng cộng", signatures, notes under the list
        coded.append((row, ref))
        where = row.cell("ref") or str(row.row)
        if ref in first:
            problems.append(
                _problem(reply, row, "ref", "reply-ref-duplicate", ref, first=first[ref])
            )
            continue
        first[ref] = where
        before = len(problems)
        outcome, because = _outcome(reply, row, problems)
        if outcome == "pending":
            pending += 1
            continue
        account = _account(reply, row, problems)
        opened_on = _date(reply, row, today, problems)
        reason = row.text("reason") or because
        provider = row.text("provider")
        if outcome == "opened":
            if account is None and not row.text("account"):
                problems.append(_problem(reply, row, "account", "reply-account-missing"))
            if opened_on is None and not row.text("opened_on"):
                problems.append(_problem(reply, row, "opened_on", "reply-date-missing"))
            provider = provider or POST_OFFICE
        elif outcome == "failed":
            if account is not None:
                problems.append(
                    _problem(reply, row, "account", "reply-failed-with-account", account)
                )
            if not reason:
                problems.append(_problem(reply, row, "reason", "reply-reason-missing"))
            provider = None
        blocking = [p for p in problems[before:] if p.severity is Severity.ERROR]
        if outcome in ("opened", "failed") and not blocking:
            answers.append(
                Answer(
                    row.row,
                    ref,
                    row.cell("ref"),
                    outcome,
                    account if outcome == "opened" else None,
                    provider,
                    opened_on,
                    reason,
                )
            )
    return answers, problems, pending, coded


# ---- against the ledger -------------------------------------------------------------------
def _when(iso: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(iso)
    return moment if moment.tzinfo else moment.astimezone()


def describe(reply: Reply | Answer) -> Phrase:
    """An answer in a few words, in both languages (for messages)."""
    if isinstance(reply, Answer):
        day = reply.opened_on.strftime("%d/%m/%Y") if reply.opened_on else ""
    else:
        day = (
            dt.date.fromisoformat(reply.replied_on).strftime("%d/%m/%Y") if reply.replied_on else ""
        )
    if reply.outcome == "opened":
        account = reply.account_number or ""
        return Phrase("reply.opened", {"account": account, "day": day})
    return Phrase("reply.not-opened", {"answer": reply.reason or "?"})


def check_reply(reply: ReplyFile, ledger: Ledger, now: dt.datetime, force: bool) -> ImportResult:
    """Every rule of the module doc; nothing is written."""
    result = ImportResult(reply.path, reply=reply)
    answers, problems, pending, coded = read_answers(reply, now.date())
    result.problems, result.pending = problems, pending
    handed = ledger.handed_refs({ref for _, ref in coded})
    rows_by_number = {row.row: row for row, _ in coded}
    unknown: set[str] = set()  # a set beside the list: one look-up per row, linear in all
    for row, ref in coded:
        if ref not in handed and ref not in unknown:
            unknown.add(ref)
            result.unknown_refs.append(ref)
            result.problems.append(_problem(reply, row, "ref", "reply-ref-unknown", ref))
    previous = ledger.latest_replies(a.ref for a in answers)
    for answer in answers:
        if answer.ref not in handed:
            continue
        row = rows_by_number[answer.row]
        history = handed[answer.ref]
        # from the first day of the month the batch reports on: a past month handed over late
        # is caught up with the dates its accounts were really opened
        first_day = dt.date.fromisoformat(f"{history[0].month}-01")
        if answer.opened_on is not None and answer.opened_on < first_day:
            result.problems.append(
                _problem(
                    reply,
                    row,
                    "opened_on",
                    "reply-date-before-month",
                    row.raw("opened_on"),
                    date=answer.opened_on.strftime("%d/%m/%Y"),
                    batch=history[0].batch_id,
                    month=f"{history[0].month[5:7]}/{history[0].month[:4]}",
                )
            )
            continue
        new = Reply(
            ref=answer.ref,
            outcome=answer.outcome,
            reason=answer.reason,
            account_number=answer.account_number,
            provider=answer.provider,
            replied_on=answer.opened_on.isoformat() if answer.opened_on else None,
            received_at=now.isoformat(),
            source_file=None,
            source_sha256=None,
        )
        old = previous.get(answer.ref)
        if old is not None and _same(old, new):
            result.unchanged += 1
            continue
        forced = False
        if old is not None:
            handed_again = old.outcome == "failed" and any(
                _when(h.created_at) > _when(old.received_at) for h in history
            )
            if not handed_again:
                if not force:
                    result.problems.append(
                        _problem(
                            reply,
                            row,
                            "result" if "result" in row.cells else "ref",
                            "reply-already-reconciled",
                            answer.ref,
                            ref=answer.ref,
                            previous=describe(old),
                            received=_when(old.received_at).strftime("%d/%m/%Y"),
                            now=describe(answer),
                        )
                    )
                    continue
                forced = True
        result.changes.append(Change(answer, new, old, history[-1], forced))
    result.problems.sort(key=lambda p: (p.row or 0, p.code))
    return result


def _same(old: Reply, new: Reply) -> bool:
    return (old.outcome, old.account_number, old.provider, old.replied_on, old.reason) == (
        new.outcome,
        new.account_number,
        new.provider,
        new.replied_on,
        new.reason,
    )


# ---- recording ----------------------------------------------------------------------------
def _apply(
    workspace: Workspace, ledger: Ledger, result: ImportResult, data: bytes, now: dt.datetime
) -> None:
    months = Counter(c.handed.month for c in result.changes)
    month = max(months.items(), key=lambda kv: (kv[1], kv[0]))[0]
    folder = workspace.root / "handoff" / month / REPLIES_DIR

    def record(relative: str) -> None:
        with ledger.transaction():
            ledger.insert_replies(
                replace(c.reply, source_file=relative, source_sha256=result.sha256)
                for c in result.changes
            )

    result.copy = keep_and_record(
        folder, workspace.root, result.file, data, result.sha256, now, record
    )
    result.applied = True
