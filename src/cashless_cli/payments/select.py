"""The month's list of payments through accounts, for the paying unit (the Post Office).

Every beneficiary row of the month's rosters is in exactly one of three lists:

- **accounts**: the person has an account — the roster says *Đã có tài khoản* with an account
  number, or the Post Office reported one opened for them (``import-postoffice``). When both
  exist and differ, **the Post Office's answer wins** (it is the paying unit's own record of the
  account it opened, and this list goes back to it), and the roster's number is shown beside in
  a note, counted as a mismatch: nothing is corrected silently. The commune fixes its roster;
  ``validate`` reports the same.
- **cash**: everybody else with an amount (not registered, registered and waiting, refused, or
  *Đã có tài khoản* without a usable account number).
- **to check**: rows that cannot be paid from this list as they are: no usable monthly amount,
  a name, ID or account holding an invisible or look-alike character (``*-hidden-character``),
  or a row of a duplicate pair not decided yet (the same ID listed twice, in one commune or two,
  or a high-confidence candidate of ``cashless duplicates``), or the row an officer decided is a
  duplicate to remove — never paid twice. (A row without a usable
  ID is paid in cash: an account is only looked up by ID.)

Amounts come from the roster. A validation ``amount-mismatch`` (base level × coefficient) is shown
in its own column, not corrected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path

from cashless_cli.checks.same_id import same_id_groups, usable_id
from cashless_cli.checks.status import UNKNOWN_STATUS
from cashless_cli.dataset.month import CONFLICT, UNREADABLE, walk_communes
from cashless_cli.dataset.sieve import set_aside_files
from cashless_cli.duplicates.holds import Hold, Place, hold_problem, holds_of_month, pays_before
from cashless_cli.i18n import Lang
from cashless_cli.normalise.characters import HIDDEN_CODES
from cashless_cli.normalise.vocab import Receiver, Status
from cashless_cli.problems import Problem, Severity, Text, text
from cashless_cli.replies.answers import OpenedAccount
from cashless_cli.schema.domain import Unit, programme_of
from cashless_cli.schema.month import Month
from cashless_cli.validation import FileReport, Record
from cashless_cli.workspace.matching import Matching

SOURCE_ROSTER = "roster"
SOURCE_LEDGER = "ledger"
SOURCE_BOTH = "both"


@dataclass(frozen=True, slots=True)
class PaymentRow:
    commune_code: str
    commune: str
    source: Path
    sheet: str | None
    source_row: int
    beneficiary_name: str | None
    beneficiary_id: str | None
    category: str | None
    status: str | None
    receiver: str | None  # Bản thân / Người giám hộ / Người được ủy quyền
    receiver_name: str | None
    amount: int | None
    account_number: str | None = None
    provider: str | None = None
    account_source: str | None = None  # roster / ledger / both
    ref: str | None = None  # the Post Office's reference when the account came from a reply
    roster_account: str | None = None  # the roster's number when it differs from the ledger
    amount_check: Problem | None = None  # amount-mismatch, as validation found it
    notes: tuple[Problem, ...] = ()  # payment-* findings (catalogue codes)
    pay_ref: str | None = None  # the line's reference code, quoted back by the provider
    arrears: int = 0  # unpaid amounts of earlier months carried over (truy lĩnh)
    arrears_months: tuple[str, ...] = ()  # the months of the arrears (YYYY-MM), oldest first
    line_key: str | None = None  # who the line is for when the ID is listed twice (the place)

    @property
    def mismatch(self) -> bool:
        return self.roster_account is not None

    @property
    def total(self) -> int:
        """What the line pays: the month's amount and the arrears."""
        return (self.amount or 0) + self.arrears

    @property
    def person(self) -> str:
        """Who the line is for, across months: the ID, or the row's place without one."""
        if self.line_key is not None:
            return self.line_key
        if self.beneficiary_id is not None and usable_id(self.beneficiary_id):
            return self.beneficiary_id
        return f"row:{self.commune_code}/{self.source.name}/{self.source_row}"

    @property
    def programme(self) -> str:
        return programme_of(self.category)

    @property
    def suspended(self) -> bool:
        """Held back: not collected three months in a row (see payments.cycle)."""
        return any(n.code == "payment-suspended" for n in self.notes)

    def note(self, lang: Lang) -> str:
        return "; ".join(n.message(lang) for n in self.notes)


@dataclass(slots=True)
class CommunePayments:
    unit: Unit
    source: Path | None = None
    problem: Text | None = None  # no roster, or an unreadable one: the list misses this commune
    status: Problem | None = None  # commune-missing / -conflict / -unreadable (the month's walk)
    accounts: list[PaymentRow] = field(default_factory=list)
    cash: list[PaymentRow] = field(default_factory=list)
    check: list[PaymentRow] = field(default_factory=list)

    @property
    def amount(self) -> int:
        return sum(r.total for r in self.accounts)

    @property
    def cash_amount(self) -> int:
        return sum(r.total for r in self.cash)

    @property
    def arrears_amount(self) -> int:
        return sum(r.arrears for r in (*self.accounts, *self.cash))


@dataclass(frozen=True, slots=True)
class UnlistedFile:
    """A roster of the month whose people are in no list: why, and how many (None: the file
    cannot be read, so nobody knows)."""

    path: Path
    reason: Problem  # commune-conflict / commune-unreadable / roster-no-commune / -several-…
    rows: int | None

    def problem(self) -> Problem:
        """The ``payments-not-listed`` message naming the file, the reason and the count; for
        a file that cannot be read, ``payments-not-listed-unread`` (how many is not known)."""
        reason = Text(self.reason.message("en").rstrip("."), self.reason.message("vi").rstrip("."))
        if self.rows is None:
            params = {"file": self.path, "reason": reason}
            return Problem("payments-not-listed-unread", params=params)
        return Problem(
            "payments-not-listed", params={"file": self.path, "reason": reason, "rows": self.rows}
        )


@dataclass(slots=True)
class PaymentList:
    month: Month
    communes: list[CommunePayments]
    unlisted: list[UnlistedFile] = field(default_factory=list)
    #: files of the month's folder that take no part in it (dataset.sieve): byte-identical
    #: copies (a warning) and rosters of another month beside the month's own list (an error)
    set_aside: list[Problem] = field(default_factory=list)
    #: people of the month's previous list not on this one (payments.settled.dropped_problem)
    dropped: list[Problem] = field(default_factory=list)

    @property
    def not_listed(self) -> int:
        """People of the month's rosters in no list (those of readable unusable files)."""
        return sum(u.rows or 0 for u in self.unlisted)

    @property
    def unread(self) -> list[UnlistedFile]:
        """The rosters in no list that cannot be read: their people are not counted anywhere."""
        return [u for u in self.unlisted if u.rows is None]

    @property
    def accounts(self) -> list[PaymentRow]:
        return [r for c in self.communes for r in c.accounts]

    @property
    def cash(self) -> list[PaymentRow]:
        return [r for c in self.communes for r in c.cash]

    @property
    def paid(self) -> list[PaymentRow]:
        """Every line of the list (through accounts and in cash), commune by commune."""
        return [r for c in self.communes for r in (*c.accounts, *c.cash)]

    @property
    def arrears_amount(self) -> int:
        return sum(c.arrears_amount for c in self.communes)

    @property
    def check(self) -> list[PaymentRow]:
        return [r for c in self.communes for r in c.check]

    @property
    def total_amount(self) -> int:
        return sum(c.amount for c in self.communes)

    @property
    def cash_amount(self) -> int:
        return sum(c.cash_amount for c in self.communes)

    @property
    def mismatches(self) -> list[PaymentRow]:
        return [r for r in self.accounts if r.mismatch]

    @property
    def missing(self) -> list[CommunePayments]:
        return [c for c in self.communes if c.problem is not None]


def _by_row(report: FileReport) -> dict[int | None, list[Problem]]:
    """The file's problems by row, in their order (one pass: looking through all of them for
    every row grew with rows × problems)."""
    out: dict[int | None, list[Problem]] = {}
    for p in report.problems:
        out.setdefault(p.row, []).append(p)
    return out


def _row(unit: Unit, report: FileReport, record: Record, problems: Sequence[Problem]) -> PaymentRow:
    """The row to pay; ``problems``: the file's problems on this row."""
    d = record.data
    if d.nguoi_nhan in (Receiver.GUARDIAN, Receiver.AUTHORISED):
        receiver_name = d.ten_nguoi_nhan
    else:
        receiver_name = d.ho_ten
    amount_check = None
    notes: list[Problem] = []
    errors: list[str] = []
    for p in problems:
        if p.code == "amount-mismatch":
            amount_check = p
        elif p.severity is Severity.ERROR and p.code not in errors:
            errors.append(p.code)
    if errors:
        codes = ", ".join(errors)
        notes.append(Problem("payment-row-errors", params={"codes": codes}))
    return PaymentRow(
        commune_code=unit.code,
        commune=unit.name,
        source=report.path,
        sheet=report.sheet,
        source_row=record.row,
        beneficiary_name=d.ho_ten,
        beneficiary_id=d.so_dinh_danh,
        category=d.dien,
        status=d.trang_thai,
        receiver=d.nguoi_nhan,
        receiver_name=receiver_name,
        amount=d.muc_tro_cap,
        amount_check=amount_check,
        notes=tuple(notes),
    )


def _with_account(row: PaymentRow, record: Record, opened: OpenedAccount | None) -> PaymentRow:
    """The row with its account (roster or ledger), or unchanged when it has none."""
    d = record.data
    roster = d.so_tai_khoan if d.trang_thai == Status.HAS_ACCOUNT and d.so_tai_khoan else None
    notes = list(row.notes)
    if opened is None and roster is None:
        if d.trang_thai == Status.HAS_ACCOUNT:
            notes.append(Problem("payment-account-unusable"))
            return replace(row, notes=tuple(notes))
        return row
    if opened is None:
        assert roster is not None
        return replace(
            row,
            account_number=roster,
            provider=d.noi_mo_tai_khoan,
            account_source=SOURCE_ROSTER,
        )
    day = opened.opened_on.strftime("%d/%m/%Y") if opened.opened_on else ""
    mismatch: str | None = None
    if roster is None:
        source = SOURCE_LEDGER
        if d.trang_thai != Status.HAS_ACCOUNT:
            notes.append(
                Problem(
                    "payment-opened-status-stale",
                    params={"day": day, "ref": opened.ref, "status": d.trang_thai or ""},
                )
            )
    elif roster == opened.account_number:
        source = SOURCE_BOTH
    else:
        source = SOURCE_LEDGER
        mismatch = roster
        notes.append(
            Problem(
                "payment-account-differs",
                params={
                    "roster": roster,
                    "opened": opened.account_number,
                    "day": day,
                    "ref": opened.ref,
                },
            )
        )
    return replace(
        row,
        account_number=opened.account_number,
        provider=opened.provider,
        account_source=source,
        ref=opened.ref,
        roster_account=mismatch,
        receiver=opened.receiver,
        receiver_name=opened.holder_name,
        notes=tuple(notes),
    )


def _left_out(status: Problem) -> Text:
    """Why a commune is not in the list (the month's walk says it once for everyone)."""
    en, vi = status.message("en").rstrip("."), status.message("vi").rstrip(".")  # then ": …"
    key = "left-out.not-in-this-list" if status.code == CONFLICT else "left-out.not-in-payments"
    return Text(text(key, "en", why=en), text(key, "vi", why=vi))


def select_payments(
    month: Month,
    units: tuple[Unit, ...],
    reports: dict[Path, FileReport],
    matching: Matching,
    opened: dict[str, OpenedAccount],
    duplicates: Mapping[Place, Sequence[Hold]] | None = None,
) -> PaymentList:
    """Split every row of the month into accounts, cash and to-check (see the module doc).

    ``duplicates`` (commune code, file name, row → why) puts the rows of undecided duplicate
    pairs and the rows decided to be a duplicate to remove in "to check" (default: the month's
    pairs with no decision, from :mod:`cashless_cli.duplicates`)."""
    result = PaymentList(month, [])
    staged: list[tuple[CommunePayments, PaymentRow, list[Problem]]] = []
    held: dict[Path, Problem] = {}  # lists of a commune left out while its others are paid
    used: set[Path] = set()  # the lists paid of such a commune
    for roster in walk_communes(units, reports, matching, partial=True):
        held.update(roster.held)
        if roster.held:
            used.update(part.path for _, part in roster.parts)
        unit = roster.unit
        commune = CommunePayments(unit, roster.path)
        result.communes.append(commune)
        report = roster.readable
        if report is None:
            assert roster.status is not None
            commune.status = roster.status
            commune.problem = _left_out(roster.status)
            continue
        # a commune merged from its old communes' lists: each list with its own cells
        for part in [p for _, p in roster.parts] or [report]:
            hidden_at = _hidden_characters(part)
            on_row = _by_row(part)
            for record in part.records:
                row = _row(unit, part, record, on_row.get(record.row, ()))
                if row.beneficiary_id is not None:
                    row = _with_account(row, record, opened.get(row.beneficiary_id))
                staged.append((commune, row, hidden_at.get(record.row, [])))

    result.unlisted = unlisted_files(reports, matching, held, used)
    result.set_aside = set_aside_files(reports, matching)
    if duplicates is None:
        duplicates = holds_of_month(str(month), units, reports, matching)
    lower = both_programmes([row for _, row, _ in staged])
    for commune, row, hidden in staged:
        reasons: list[Problem] = list(hidden)
        if row.amount is None:
            reasons.append(Problem("payment-no-amount"))
        both = lower.get(_place(row))
        if both is not None:
            reasons.extend(both.reason)
        for hold in duplicates.get(_place(row), ()):
            if both is None or not both.covers(hold):
                reasons.append(hold_problem(hold))
        if reasons:
            commune.check.append(replace(row, notes=(*reasons, *row.notes)))
        elif row.account_number is not None:
            commune.accounts.append(row)
        elif row.status == UNKNOWN_STATUS:  # the roster does not say: cash, and said so
            commune.cash.append(replace(row, notes=(*row.notes, _UNKNOWN_NOTE)))
        else:
            commune.cash.append(row)
    return result


def _hidden_characters(report: FileReport) -> dict[int, list[Problem]]:
    """Sheet row → the problems of its names and numbers holding a hidden or look-alike
    character: such a row goes to "to check" (the paying unit would not find the person, or
    would pay the wrong one)."""
    out: dict[int, list[Problem]] = {}
    for p in report.problems:
        if p.code in HIDDEN_CODES and p.row is not None:
            out.setdefault(p.row, []).append(p)
    return out


def dong(amount: int | None) -> str:
    """An amount as offices write it: 1.500.000."""
    return f"{amount or 0:,}".replace(",", ".")


def _place(row: PaymentRow) -> Place:
    return (row.commune_code, row.source.name, row.source_row)


@dataclass(frozen=True, slots=True)
class BothProgrammes:
    """A row of a person listed for both programmes (monthly social allowance and social
    pension) in the month: the places of the group, and why this row is not paid (empty for
    the row paid: the one with the higher amount)."""

    group: frozenset[Place]
    reason: tuple[Problem, ...] = ()

    def covers(self, hold: Hold) -> bool:
        """A same-ID hold between two rows of the group: decided here (the higher is paid)."""
        o = hold.other.ref
        plain = not (hold.removed or hold.correct_id) and hold.kind == "same-id"
        return plain and (o.commune_code, o.file, o.row) in self.group


def both_programmes(rows: Sequence[PaymentRow]) -> dict[Place, BothProgrammes]:
    """Place → its part in a both-programmes group (same usable ID, one row of the social
    pension and one of the monthly social allowance or more): the row with the higher amount is
    paid (on a tie, the monthly social allowance), every other row of the group is not."""
    groups = same_id_groups((i, r.beneficiary_id) for i, r in enumerate(rows))
    out: dict[Place, BothProgrammes] = {}
    for indexes in groups.values():
        members = [rows[i] for i in indexes]
        kinds = {programme_of(r.category) for r in members}
        if kinds != {"pension", "allowance"} or any(r.amount is None for r in members):
            continue  # not a both-programmes pair (a plain duplicate: held as such)
        paid = max(members, key=lambda r: pays_before(r.amount, r.category))
        group = frozenset(_place(r) for r in members)
        where = f"{paid.commune} ({paid.source.name}, {paid.source_row})"
        for r in members:
            reason: tuple[Problem, ...] = ()
            if r is not paid:
                params = {"place": where, "amount": dong(paid.amount)}
                reason = (Problem("payment-both-programmes", params=params),)
            out[_place(r)] = BothProgrammes(group, reason)
    return out


def unlisted_files(
    reports: dict[Path, FileReport],
    matching: Matching,
    held: Mapping[Path, Problem] | None = None,
    used: Set[Path] = frozenset(),
) -> list[UnlistedFile]:
    """Every roster of the month whose rows go in no list, in file order: matched to no commune
    or to several, one of several files for a commune, or unreadable; ``held``: the lists of a
    commune left out while its other lists are used (``used``), with why (walk_communes
    ``partial``)."""
    why: dict[Path, Problem] = {}
    for path in matching.unmatched:
        why[path] = Problem("roster-no-commune", params={"file": path.name})
    for path, units in matching.ambiguous.items():
        names = ", ".join(u.name for u in units)
        why[path] = Problem(
            "roster-several-communes", params={"file": path.name, "communes": names}
        )
    for paths in matching.conflicts.values():
        files = ", ".join(p.name for p in paths)
        for path in paths:
            why[path] = Problem(CONFLICT, params={"files": files})
    for path in [*matching.by_unit.values(), *matching.unmatched]:  # unreadable: that first
        error = reports[path].error if path in reports else None
        if error is not None:
            text = Text(error.message("en"), error.message("vi"))
            params = {"file": path.name, "error": text, "error_code": error.code}
            why[path] = Problem(UNREADABLE, params=params)
    why.update(held or {})
    for path in used:
        why.pop(path, None)
    out = []
    for path in sorted(why):
        report = reports.get(path)
        # a roster of another month is read, only refused for this one: its people are counted
        read = report is not None and (report.error is None or report.other_month is not None)
        rows = len(report.records) if read and report is not None else None
        out.append(UnlistedFile(path, why[path], rows))
    return out


_UNKNOWN_NOTE = Problem("payment-status-unknown")


__all__ = [
    "SOURCE_BOTH",
    "SOURCE_LEDGER",
    "SOURCE_ROSTER",
    "BothProgrammes",
    "CommunePayments",
    "PaymentList",
    "PaymentRow",
    "UnlistedFile",
    "both_programmes",
    "dong",
    "select_payments",
]
