"""Which rows of a month go to the Post Office, and which are held back (and why).

A row is a candidate when its status is *Đã đăng ký* (registered, no account yet). It is held
back, with every reason, when

- validation found an error on the row (or in its file: a missing required column);
- a name holds an invisible or look-alike character (``name-hidden-character``, a warning;
  an ID or phone holding one is an error, ``number-hidden-character``);
- the account holder has no usable ID (12 digits; an old 9-digit CMND only before 2025) or no
  mobile phone (a landline cannot receive the Post Office's codes);
- the row is one of a pair that may be the same person twice (the same ID on two rows, or a
  high-confidence candidate of ``cashless duplicates``) not decided yet, or the row an officer
  decided is a duplicate to remove;
- the Post Office answered that it could not open the account of this person's latest handover
  (``import-postoffice``), and the commune has not changed the row since: the row goes again as
  soon as the name, the ID, the account holder or the phone differs from what was handed over.

The account holder is the receiver: the beneficiary (*Bản thân*), the guardian or the
authorised person. A guardian's or authorised person's sex is read from digit 4 of their ID.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cashless_cli.dataset.month import CONFLICT, walk_communes
from cashless_cli.dataset.sieve import set_aside_files
from cashless_cli.duplicates.holds import Hold, Place, hold_problem, holds_of_month
from cashless_cli.i18n import Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask
from cashless_cli.normalise.characters import NAME_CODE
from cashless_cli.normalise.dates import LooseDate
from cashless_cli.normalise.ids import id_facts
from cashless_cli.normalise.vocab import Receiver, Status
from cashless_cli.problems import Phrase, Problem, Severity, plain_params, problem_type, text
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.validation import FileReport, Record
from cashless_cli.workspace.matching import Matching

if TYPE_CHECKING:
    from cashless_cli.ledger.store import Handover
    from cashless_cli.replies.answers import FailedHandover

#: Warnings that still make a row useless to the Post Office (a name with a hidden or look-alike
#: character: the Post Office would open the account under a name nobody can find).
BLOCKING_WARNINGS = frozenset({"phone-landline", NAME_CODE})


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a row is held back: a validation problem, or a handoff rule of our own.

    Either way a catalogue code with its parameters (``Reason("handoff-no-phone")``,
    ``Reason.of(problem)``); the words are filled in when the reason is shown.
    """

    code: str
    cell: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    problem: Problem | None = None

    def message(self, lang: Lang, show_ids: bool = True) -> str:
        if self.problem is not None:
            p = self.problem
            if not show_ids and p.column in SENSITIVE_KEYS and p.value not in (None, ""):
                p = replace(p, value=mask(p.value))
            return p.message(lang)
        return problem_type(self.code).message(lang, self.params)

    def hint(self, lang: Lang) -> str:
        if self.problem is not None:
            return self.problem.hint(lang)
        return problem_type(self.code).hint(lang, self.params)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """Code, cell, parameters and message (for JSON)."""
        params = self.problem.params if self.problem is not None else self.params
        return {
            "code": self.code,
            "cell": self.cell,
            "params": plain_params(params),
            "message": self.message(lang),
        }

    @classmethod
    def of(cls, problem: Problem) -> Reason:
        return cls(problem.code, problem.cell, problem=problem)


@dataclass(frozen=True, slots=True)
class HandoffRow:
    """One line of the Post Office's list: the account holder, and the beneficiary beside."""

    commune_code: str
    commune: str
    source: Path
    sheet: str | None
    source_row: int
    receiver: str
    holder_name: str
    holder_id: str
    holder_birth: LooseDate | None
    holder_sex: str | None
    phone: str
    village: str | None
    relationship: str | None
    beneficiary_name: str
    beneficiary_id: str
    category: str | None
    amount: int
    ref: str = ""


@dataclass(frozen=True, slots=True)
class HeldRow:
    commune_code: str
    commune: str
    source: Path
    sheet: str | None
    source_row: int
    name: str | None
    beneficiary_id: str | None
    reasons: tuple[Reason, ...]


@dataclass(slots=True)
class CommuneResult:
    unit: Unit
    source: Path | None = None
    problem_en: str | None = None  # the roster is missing or unreadable
    problem_vi: str | None = None
    error_code: str | None = None  # the read error of an unreadable roster
    status: Problem | None = None  # commune-missing / -conflict / -unreadable (the month's walk)
    rows: list[HandoffRow] = field(default_factory=list)
    held: list[HeldRow] = field(default_factory=list)
    already: int = 0  # registered rows handed over in an earlier batch (same holder)
    again: int = 0  # rows going again after the Post Office failed and the commune fixed them

    @property
    def missing(self) -> bool:
        return self.problem_en is not None

    @property
    def unreadable(self) -> bool:
        """A roster was sent but could not be read (not merely missing)."""
        return self.error_code is not None

    def problem(self, lang: Lang) -> str | None:
        return self.problem_vi if lang == "vi" else self.problem_en


@dataclass(slots=True)
class Selection:
    month: Month
    communes: list[CommuneResult]
    stray_files: list[tuple[Path, str, str]] = field(default_factory=list)  # path, en, vi
    #: lists of a commune left out while its other lists are handed over (also in stray_files)
    held_files: list[Path] = field(default_factory=list)

    @property
    def rows(self) -> list[HandoffRow]:
        return [r for c in self.communes for r in c.rows]

    @property
    def held(self) -> list[HeldRow]:
        return [h for c in self.communes for h in c.held]

    @property
    def already(self) -> int:
        return sum(c.already for c in self.communes)


def _usable_id(value: str | None, month: Month) -> bool:
    if value is None or not value.isdigit():
        return False
    if len(value) == 12:
        return True
    return len(value) == 9 and month < Month(2025, 1)


def _holder_sex(holder_id: str) -> str | None:
    try:
        return id_facts(holder_id).sex
    except ValueError:
        return None


def _candidate(
    unit: Unit, report: FileReport, record: Record, month: Month, file_errors: list[Problem]
) -> HandoffRow | HeldRow:
    d = record.data
    blocking = [
        p
        for p in report.problems
        if p.row == record.row
        and (p.severity is Severity.ERROR or p.code in BLOCKING_WARNINGS)
        and p.code != "row-skipped"
    ]
    reasons = [Reason.of(p) for p in blocking]
    if record.errors and not blocking:
        reasons.extend(Reason.of(p) for p in file_errors)
    if not reasons:
        if d.nguoi_nhan in (Receiver.GUARDIAN, Receiver.AUTHORISED):
            holder_name, holder_id = d.ten_nguoi_nhan, d.so_dinh_danh_nguoi_nhan
            holder_birth = d.ngay_sinh_nguoi_nhan
            holder_sex = _holder_sex(holder_id) if holder_id else None
        else:
            holder_name, holder_id = d.ho_ten, d.so_dinh_danh
            holder_birth, holder_sex = d.ngay_sinh, d.gioi_tinh
        if d.nguoi_nhan is None:
            reasons.append(Reason("handoff-no-receiver"))
        if not holder_name:
            reasons.append(Reason("handoff-no-holder-name"))
        if not _usable_id(holder_id, month) or not _usable_id(d.so_dinh_danh, month):
            reasons.append(Reason("handoff-no-holder-id"))
        if not d.dien_thoai:
            reasons.append(Reason("handoff-no-phone"))
        if d.muc_tro_cap is None:
            reasons.append(Reason("handoff-no-amount"))
        if not reasons:
            assert holder_name and holder_id and d.so_dinh_danh and d.dien_thoai
            assert d.nguoi_nhan is not None and d.muc_tro_cap is not None and d.ho_ten
            return HandoffRow(
                commune_code=unit.code,
                commune=unit.name,
                source=report.path,
                sheet=report.sheet,
                source_row=record.row,
                receiver=d.nguoi_nhan,
                holder_name=holder_name,
                holder_id=holder_id,
                holder_birth=holder_birth,
                holder_sex=holder_sex,
                phone=d.dien_thoai,
                village=d.thon,
                relationship=d.quan_he,
                beneficiary_name=d.ho_ten,
                beneficiary_id=d.so_dinh_danh,
                category=d.dien,
                amount=d.muc_tro_cap,
            )
    return HeldRow(
        unit.code,
        unit.name,
        report.path,
        report.sheet,
        record.row,
        d.ho_ten,
        d.so_dinh_danh,
        tuple(reasons),
    )


def _missing(status: Problem) -> tuple[str, str]:
    """Why a commune has no rows in the batch (the month's walk says it once for everyone)."""
    en, vi = status.message("en"), status.message("vi")
    if status.code == CONFLICT:
        return (text("left-out.keep-one", "en", why=en), text("left-out.keep-one", "vi", why=vi))
    return (en, vi)


def _select_from(
    result: CommuneResult, unit: Unit, report: FileReport, month: Month, only: Set[str] | None
) -> None:
    """The registered rows of one roster, handed over or held back."""
    # errors of the whole file (a missing required column) make every row incomplete
    file_errors = [p for p in report.problems if p.cell is None and p.severity is Severity.ERROR]
    for record in report.records:
        if record.data.trang_thai != Status.REGISTERED:
            continue
        if only is not None and record.data.so_dinh_danh not in only:
            continue
        item = _candidate(unit, report, record, month, file_errors)
        if isinstance(item, HeldRow):
            result.held.append(item)
        else:
            result.rows.append(item)


def select_rows(
    month: Month,
    units: Iterable[Unit],
    reports: dict[Path, FileReport],
    matching: Matching,
    latest_holders: dict[str, str] | None = None,
    only: set[str] | None = None,
    failed: Mapping[str, FailedHandover] | None = None,
    duplicates: Mapping[Place, Sequence[Hold]] | None = None,
) -> Selection:
    """Split the month's *Đã đăng ký* rows into rows to hand over and rows held back.

    ``latest_holders`` (beneficiary ID → holder ID of their latest handover) drops people
    already handed over with the same holder (counted in ``already``). ``only`` (a resend)
    keeps the beneficiaries of that set and nobody else, whatever the ledger says. ``failed``
    (beneficiary ID → the Post Office's failure for their latest handover) lets such a person go
    again once the commune changed the row, and holds them back with the reason otherwise.
    ``duplicates`` (commune code, file name, row → why) holds back the rows of duplicate pairs
    not decided yet, and the rows decided to be a duplicate to remove (default: the month's
    pairs with no decision, from :mod:`cashless_cli.duplicates`).
    """
    units_seen = tuple(units)
    latest = latest_holders or {}
    failures = failed or {}
    selection = Selection(month, [])
    for commune in walk_communes(units_seen, reports, matching, partial=True):
        for path, why in commune.held:  # named; the commune's other lists are handed over
            selection.held_files.append(path)
            selection.stray_files.append((path, why.message("en"), why.message("vi")))
        unit = commune.unit
        result = CommuneResult(unit, commune.path)
        selection.communes.append(result)
        report = commune.readable
        if report is None:
            assert commune.status is not None
            result.status = commune.status
            result.problem_en, result.problem_vi = _missing(commune.status)
            if commune.report is not None and commune.report.error is not None:
                result.error_code = commune.report.error.code
            continue
        # a commune merged from its old communes' lists: each list with its own cells
        for part in [p for _, p in commune.parts] or [report]:
            _select_from(result, unit, part, month, only)

    for path, units_ in matching.ambiguous.items():
        names = ", ".join(u.name for u in units_)
        selection.stray_files.append(
            (
                path,
                text("left-out.could-be", "en", names=names),
                text("left-out.could-be", "vi", names=names),
            )
        )
    for found in set_aside_files(reports, matching):  # copies, rosters of another month
        path = Path(str(found.params["file"]))
        if found.severity is Severity.ERROR:
            selection.held_files.append(path)
        selection.stray_files.append((path, found.message("en"), found.message("vi")))
    for path in matching.unmatched:
        error = reports[path].error if path in reports else None
        if error is not None:  # its title, which names the commune, cannot be read: say why
            selection.stray_files.append((path, error.message("en"), error.message("vi")))
            continue
        selection.stray_files.append(
            (path, text("left-out.no-commune", "en"), text("left-out.no-commune", "vi"))
        )

    # The same person twice (one rule: cashless_cli.duplicates): held back until decided.
    if duplicates is None:
        duplicates = holds_of_month(str(month), units_seen, reports, matching)
    for c in selection.communes:
        for k, held in enumerate(c.held):  # held already: say it is a duplicate too
            holds = duplicates.get((c.unit.code, held.source.name, held.source_row))
            if holds:
                extra = tuple(Reason.of(hold_problem(h)) for h in holds)
                c.held[k] = replace(held, reasons=(*held.reasons, *extra))
        keep_rows = []
        for row in c.rows:
            holds = duplicates.get((c.unit.code, row.source.name, row.source_row))
            if not holds:
                keep_rows.append(row)
                continue
            c.held.append(
                HeldRow(
                    c.unit.code,
                    c.unit.name,
                    row.source,
                    row.sheet,
                    row.source_row,
                    row.beneficiary_name,
                    row.beneficiary_id,
                    tuple(Reason.of(hold_problem(h)) for h in holds),
                )
            )
        c.rows = keep_rows

    # Already handed over with the same account holder: not again (unless resent).
    if only is None:
        for c in selection.communes:
            keep = []
            for row in c.rows:
                if latest.get(row.beneficiary_id) != row.holder_id:
                    keep.append(row)
                    continue
                failure = failures.get(row.beneficiary_id)
                if failure is None or failure.handover.holder_id != row.holder_id:
                    c.already += 1
                elif _changed(row, failure.handover):
                    keep.append(row)
                    c.again += 1
                else:
                    c.held.append(_failed_row(row, failure))
            c.rows = keep
    for c in selection.communes:
        c.held.sort(key=lambda h: h.source_row)
    return selection


def _same_text(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def _changed(row: HandoffRow, handed: Handover) -> bool:
    """Did the commune change what the Post Office could not use?"""
    return not (
        _same_text(row.beneficiary_name, handed.beneficiary_name)
        and _same_text(row.holder_name, handed.holder_name)
        and row.phone == handed.phone
        and _same_text(row.receiver, handed.receiver)
        and row.beneficiary_id == handed.beneficiary_id
        and row.holder_id == handed.holder_id
    )


def _failed_row(row: HandoffRow, failure: FailedHandover) -> HeldRow:
    reason = failure.reason or "?"
    day = failure.replied_on.strftime("%d/%m/%Y") if failure.replied_on else ""
    return HeldRow(
        row.commune_code,
        row.commune,
        row.source,
        row.sheet,
        row.source_row,
        row.beneficiary_name,
        row.beneficiary_id,
        (
            Reason(
                "handoff-postoffice-failed",
                params={
                    "ref": failure.ref,
                    "batch": failure.batch,
                    "on": Phrase("handoff.on-day", {"day": day}) if day else "",
                    "answer": reason,
                },
            ),
        ),
    )
