"""``export-payments`` as a library function: the month's payment list, written into
``payments/YYYY-MM/`` (beside ``rosters/``, ``reports/`` and ``handoff/``: it is a product of
the month, not of a handoff batch).

Files (owner-only, replaced together as one set; running the month again replaces them, since
the list is derived from the rosters and the ledger):

- ``chi-tra-YYYY-MM.xlsx``: the workbook for the paying unit (optionally encrypted);
- ``chi-tra-YYYY-MM_tai-khoan.csv``: the payments through accounts;
- ``chi-tra-YYYY-MM_manifest.json``: month, time, counts and amounts per commune, the control
  totals, and the SHA-256 of the other files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cashless_cli import __version__
from cashless_cli.clock import local_now
from cashless_cli.dataset.month import collect_month
from cashless_cli.duplicates.holds import holds_of_month
from cashless_cli.fs.atomic import ensure_folder, remove_stale_temps, write_together
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.handoff.refs import area_prefix, random_code
from cashless_cli.i18n import Lang
from cashless_cli.ledger.guard import open_ledger, record_commit
from cashless_cli.ledger.paylines import latest_payment_results, payment_lines, replace_month_lines
from cashless_cli.ledger.resumptions import resumed_from, resumptions
from cashless_cli.ledger.store import Ledger
from cashless_cli.payments.cycle import apply_carry, assign_refs, carry_over, lines_of
from cashless_cli.payments.document import (
    PaymentsInfo,
    build_payments_workbook,
    payments_csv_bytes,
)
from cashless_cli.payments.select import (
    CommunePayments,
    PaymentList,
    select_payments,
)
from cashless_cli.payments.settled import (
    dropped_lines,
    dropped_problem,
    keep_settled_arrears,
    paid_changes,
)
from cashless_cli.problems import Joined, plain_params
from cashless_cli.replies.answers import known_accounts, opened_accounts_in
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Workspace, WorkspaceError
from cashless_cli.write.layout import workbook_bytes
from cashless_cli.write.letterhead import letterhead_for

MANIFEST_FORMAT = "cashless-payments/1"


@dataclass(slots=True)
class PaymentsResult:
    payments: PaymentList
    files: list[Path] = field(default_factory=list)
    encrypted: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The ``--format json`` document (a contract: keys may be added, never changed)."""
        p = self.payments
        return {
            "month": str(p.month),
            **_counts(p, "total_amount"),
            "mismatches": len(p.mismatches),
            **_unlisted(p, "en"),
            "set_aside_files": _set_aside(p),
            "dropped": [{"code": q.code, "problem": q.message("en")} for q in p.dropped],
            "files": [str(f) for f in self.files],
            "encrypted": self.encrypted,
            "communes": [
                {
                    "name": c.unit.name,
                    "code": c.unit.code,
                    **_counts(c, "amount"),
                    "roster": c.source.name if c.source else None,
                    "problem": c.problem.en if c.problem else None,
                    "problem_code": c.status.code if c.status else None,
                    "problem_params": plain_params(c.status.params) if c.status else None,
                }
                for c in p.communes
            ],
        }


def _unlisted(p: PaymentList, lang: Lang) -> dict[str, Any]:
    """The people in no list, and the files they are in (added keys of the JSON document and
    the manifest; ``rows`` is None for a file that cannot be read)."""
    return {
        "not_listed": p.not_listed,
        "unlisted_files": [
            {
                "file": str(u.path),
                "code": u.reason.code,
                "rows": u.rows,
                "problem": u.problem().message(lang),
            }
            for u in p.unlisted
        ],
    }


def _set_aside(p: PaymentList) -> list[dict[str, Any]]:
    """The files of the month's folder not used for it (an added key of the JSON document)."""
    return [
        {
            "file": q.params["file"],
            "code": q.code,
            "severity": q.severity.value,
            "problem": q.message("en"),
        }
        for q in p.set_aside
    ]


def _counts(part: PaymentList | CommunePayments, amount_key: str) -> dict[str, int]:
    """The counts and amounts of the list or of one commune, as the JSON document and the
    manifest give them (the amount through accounts under ``amount_key``)."""
    amount = part.total_amount if isinstance(part, PaymentList) else part.amount
    return {
        "accounts": len(part.accounts),
        amount_key: amount,
        "cash": len(part.cash),
        "cash_amount": part.cash_amount,
        "to_check": len(part.check),
        "arrears": sum(1 for r in (*part.accounts, *part.cash) if r.arrears),
        "arrears_amount": part.arrears_amount,
        "suspended": sum(1 for r in part.check if r.suspended),
    }


def payments_dir(workspace: Workspace, month: Month) -> Path:
    return workspace.root / "payments" / str(month)


def export_payments(
    workspace: Workspace,
    month: Month | None = None,
    *,
    password: str | None = None,
    now: Callable[[], dt.datetime] = local_now,
    workers: int | None = None,
) -> PaymentsResult:
    """Write the month's payment list (see the module doc). Raises :class:`WorkspaceError`."""
    month = workspace.resolve_month(month)
    with workspace_lock(workspace.state_dir):
        rosters = collect_month(workspace, month, workers=workers, known=known_accounts(workspace))
        rosters.require_files(workspace.rosters_dir(month))
        # the ledger keeps each line of the list (its reference code, amount and arrears):
        # the provider's result is matched against it (import-payments)
        ledger = open_ledger(workspace.state_dir, workspace.root, create=True)
        assert ledger is not None
        with ledger:
            opened = opened_accounts_in(ledger)
            decisions = ledger.duplicate_decisions()
            units = rosters.units or workspace.area.communes
            held = holds_of_month(str(month), units, rosters.reports, rosters.matching, decisions)
            payments = select_payments(
                month, units, rosters.reports, rosters.matching, opened, held
            )
            created = now().isoformat()
            a = workspace.area
            head = letterhead_for(a, workspace.extra)
            info = PaymentsInfo(str(month), created, a.name, a.level, a.province, head)
            out = payments_dir(workspace, month)
            ensure_folder(out)
            remove_stale_temps(out)
            if not _record_lines(workspace, ledger, payments, created):
                return PaymentsResult(payments, [], bool(password))  # the earlier list kept
        stem = f"chi-tra-{month}"
        contents = {
            f"{stem}.xlsx": (
                "payments-workbook",
                workbook_bytes(build_payments_workbook(info, payments), password),
            ),
            f"{stem}_tai-khoan.csv": ("payments-csv", payments_csv_bytes(payments)),
        }
        entries = [
            {
                "name": name,
                "role": role,
                "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
            }
            for name, (role, data) in contents.items()
        ]
        manifest_name = f"{stem}_manifest.json"
        manifest = _manifest(info, payments, entries, bool(password))
        # one set: a file open in Excel leaves the previous list whole, not half replaced
        write_together(
            [
                *((out / name, data, True) for name, (_, data) in contents.items()),
                (out / manifest_name, manifest, True),
            ]
        )
        files = [out / manifest_name, *(out / name for name in contents)]
    return PaymentsResult(payments, files, bool(password))


def _record_lines(
    workspace: Workspace, ledger: Ledger, payments: PaymentList, created: str
) -> bool:
    """Arrears, suspensions (and the ones lifted) from earlier months' results, a reference
    code per line, and the month's lines written to the ledger (one transaction; the backup
    and state after). False: the new list would pay nobody of the month's earlier list, which
    is kept."""
    month = str(payments.month)
    every = payment_lines(ledger)
    lifted = resumed_from(resumptions(ledger))  # suspensions the commune lifted
    apply_carry(payments, carry_over(month, every, latest_payment_results(ledger), lifted))
    known = {(x.person, x.programme): x.ref for x in every if x.month == month}
    taken = {x.ref for x in every} | set(ledger.handed_refs())
    prefix = area_prefix(workspace.area.name, _configured_prefix(workspace))
    assign_refs(payments, known, taken, lambda: random_code(prefix, month))
    # a month already reported on: its paid lines stay as they were paid (payments.settled)
    results = latest_payment_results(ledger)
    keep_settled_arrears(payments, every, results)
    lines = lines_of(payments, created)
    changes = paid_changes(month, every, results, lines)
    if changes:
        raise WorkspaceError(
            "payments-paid-changed", month=month, n=len(changes), lines=Joined(tuple(changes), "; ")
        )
    dropped = dropped_lines(month, every, lines)  # said, never dropped in silence
    if dropped:
        payments.dropped.append(dropped_problem(month, dropped, kept=not lines))
        if not lines:
            return False
    with ledger.transaction():
        changed = replace_month_lines(ledger, month, lines)
    if changed or ledger.created:
        record_commit(workspace.state_dir, ledger)
    return True


def _configured_prefix(workspace: Workspace) -> object:
    section = workspace.extra.get("handoff")
    return section.get("prefix") if isinstance(section, dict) else None


def _manifest(
    info: PaymentsInfo, p: PaymentList, files: list[dict[str, Any]], encrypted: bool
) -> bytes:
    doc = {
        "format": MANIFEST_FORMAT,
        "month": info.month,
        "created_at": info.created_at,
        "area": {"name": info.area, "level": info.area_level, "province": info.province},
        **_counts(p, "total_amount"),
        "mismatches": len(p.mismatches),
        **_unlisted(p, "en"),
        "encrypted": encrypted,
        "communes": [
            {
                "code": c.unit.code,
                "name": c.unit.name,
                **_counts(c, "amount"),
                "missing": c.problem.en if c.problem else None,
            }
            for c in p.communes
        ],
        "files": files,
        "tool": f"cashless {__version__}",
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
