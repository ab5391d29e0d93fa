"""Reading a reviewed workbook back, and recording its decisions — all or nothing.

The workbook goes through the roster guards (:class:`cashless_cli.read.workbook.Workbook`). Every
decision cell is checked at its cell; a file with any error records nothing. A decision equal to
the one already recorded for the pair is *unchanged* (importing the same file twice records
nothing the second time); a different one is recorded after it (the latest decision counts).
Who decided is not known: the ledger keeps when, from which file, and the file's SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cashless_cli.clock import local_now
from cashless_cli.duplicates.holds import DIFFERENT, SAME
from cashless_cli.duplicates.workbook import (
    DECISION_DIFFERENT,
    DECISION_SAME,
    KEEP_CHOICES,
    META_KIND,
    REVIEW_SHEET,
)
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.ledger.store import LEDGER_NAME, DuplicateDecision, Ledger, LedgerError
from cashless_cli.normalise.text import fold
from cashless_cli.problems import Problem, ReadError
from cashless_cli.read.workbook import META_SHEET, Sheet, Workbook, a1
from cashless_cli.workspace.config import Workspace, WorkspaceError

__all__ = ["ImportResult", "import_review", "read_review"]

_CODE = re.compile(r"DUP-[0-9A-Z]{8}")
_VERDICTS = {fold(DECISION_SAME): SAME, fold(DECISION_DIFFERENT): DIFFERENT}
_KEEP = {fold(KEEP_CHOICES[0]): 0, "1": 0, fold(KEEP_CHOICES[1]): 1, "2": 1}


@dataclass(slots=True)
class ImportResult:
    file: Path
    sha256: str
    month: str | None = None
    decisions: list[DuplicateDecision] = field(default_factory=list)  # all the file decides
    recorded: int = 0
    unchanged: int = 0
    undecided: int = 0  # pairs left blank
    problems: list[Problem] = field(default_factory=list)

    @property
    def same(self) -> int:
        return sum(1 for d in self.decisions if d.verdict == SAME)

    @property
    def different(self) -> int:
        return sum(1 for d in self.decisions if d.verdict == DIFFERENT)

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "sha256": self.sha256,
            "month": self.month,
            "recorded": self.recorded,
            "unchanged": self.unchanged,
            "undecided": self.undecided,
            "same": self.same,
            "different": self.different,
            "errors": len(self.problems),
            "problems": [p.to_dict("vi" if lang == "vi" else "en") for p in self.problems],
        }


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(sheet: Sheet) -> tuple[int, int, int] | None:
    """0-based (header row, decision column, keep column)."""
    for r in range(min(len(sheet.rows), 12)):
        heads = [fold(_text(v)) for v in sheet.rows[r]]
        if fold("Quyết định") in heads and fold("Giữ dòng") in heads:
            return r, heads.index(fold("Quyết định")), heads.index(fold("Giữ dòng"))
    return None


def read_review(path: Path, decided_at: str) -> ImportResult:
    """The decisions of a reviewed workbook, or its problems. Raises :class:`ReadError` when the
    file cannot be read or is not a review workbook."""
    data = path.read_bytes() if path.is_file() else b""
    book = Workbook(path)  # guards first; a missing file is a ReadError too
    try:
        if META_SHEET not in book.sheet_names or REVIEW_SHEET not in book.sheet_names:
            raise ReadError("duplicate-review-not-review", str(path))
        meta = book.sheet(META_SHEET)
        review = book.sheet(REVIEW_SHEET)
    finally:
        book.close()
    info = {_text(r[0]): _text(r[1]) for r in meta.rows if len(r) >= 2 and _text(r[0]) != "pair"}
    pairs = {
        _text(r[1]): (_text(r[2]), _text(r[3]))
        for r in meta.rows
        if len(r) >= 4 and _text(r[0]) == "pair"
    }
    found = _header(review)
    if info.get("kind") != META_KIND or found is None:
        raise ReadError("duplicate-review-not-review", str(path))
    header_row, dcol, kcol = found
    result = ImportResult(path, hashlib.sha256(data).hexdigest(), info.get("month"))
    seen: set[str] = set()
    for r in range(header_row + 1, len(review.rows)):
        head = _text(review.cell(r, 0))
        if not head:
            continue
        m = _CODE.search(head)
        code = m.group(0) if m else head.split()[0]
        if code not in pairs or code in seen:
            result.problems.append(
                Problem("duplicate-review-unknown", REVIEW_SHEET, a1(r, 0), r + 1, value=code)
            )
            continue
        seen.add(code)
        verdict_text = _text(review.cell(r, dcol))
        if not verdict_text:
            result.undecided += 1
            continue
        verdict = _VERDICTS.get(fold(verdict_text))
        if verdict is None:
            result.problems.append(
                _at(review, header_row, r, dcol, "duplicate-review-decision-invalid")
            )
            continue
        a_key, b_key = pairs[code]
        keep: str | None = None
        if verdict == SAME:
            keep_text = _text(review.cell(r, kcol))
            which = _KEEP.get(fold(keep_text))
            if which is None:
                result.problems.append(
                    _at(review, header_row, r, kcol, "duplicate-review-keep-missing")
                )
                continue
            keep = (a_key, b_key)[which]
        result.decisions.append(
            DuplicateDecision(
                code, verdict, keep, a_key, b_key, decided_at, path.name, result.sha256
            )
        )
    return result


def _at(review: Sheet, header_row: int, r: int, col: int, code: str) -> Problem:
    """A finding at a cell of the review sheet, naming the column's header as the sheet has it."""
    return Problem(
        code,
        REVIEW_SHEET,
        a1(r, col),
        r + 1,
        header=_text(review.cell(header_row, col)),
        value=_text(review.cell(r, col)),
    )


def import_review(
    workspace: Workspace, path: Path, now: Callable[[], dt.datetime] = local_now
) -> ImportResult:
    """Read ``path`` and record its decisions in the workspace's ledger, all or nothing."""
    result = read_review(path, now().isoformat())
    if result.problems:
        return result
    with workspace_lock(workspace.state_dir):
        try:
            with Ledger.open(workspace.state_dir / LEDGER_NAME) as ledger:
                known = ledger.duplicate_decisions()
                new = []
                for d in result.decisions:
                    old = known.get(d.code)
                    if old is not None and (old.verdict, old.keep) == (d.verdict, d.keep):
                        result.unchanged += 1
                    else:
                        new.append(d)
                if new:
                    with ledger.transaction():
                        result.recorded = ledger.insert_duplicate_decisions(new)
        except LedgerError as exc:
            raise WorkspaceError("ledger-unreadable", error=exc) from exc
    return result
