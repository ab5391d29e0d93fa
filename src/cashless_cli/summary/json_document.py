"""The JSON document of ``cashless summarize --format json`` (a contract: keys may be added,
never changed)::

    {"month", "district": {"name", "total", "registered", "with_account", "rate"},
     "communes": [{"code", "name", "reported", "file", "total", "registered", "with_account",
                   "refused", "rate", "change", "errors", "warnings"}]}

Rates are numbers rounded half-up to two decimals; ``change`` is in percentage points, null when
there is no previous month; ``errors`` and ``warnings`` count rows. A commune that did not report
has null figures. Additions: ``level``, ``previous_month``, ``district.refused``,
``district.reported``/``communes_total``, per commune ``kind``, ``low`` and ``unreadable``, and
``cross_commune_duplicates`` and ``outputs``; ``district.unknown`` and per commune ``unknown``
(rows whose registration status is unknown: in ``total``, not in the rate, which is over the rows
whose status is known and null when none is), ``status_unknown`` (reported, but no status known)
and ``not_checkable`` (why the roster could not be fully checked: ``[{"code", "column",
"header", "message", "message_vi"}]``, empty when it was).

Added for the province view: per commune ``files`` (every file of the commune: several when its
old communes sent one each, or the social pension came apart; ``file`` stays the first) and
``report_date`` (``{"status": "on-time"|"late"|"not-reported"|"date-unknown", "date",
"source": "roster"|"file-time", "on_time", "days_late", "due"}``), ``rate_basis`` (``{"known",
"total", "partial"}``: the rate is over the known rows; ``partial`` when more than a tenth are
unknown), and ``reporting`` (the due rule and how many communes are in each status).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from cashless_cli.dataset.deadline import DATE_UNKNOWN, LATE, NOT_REPORTED, ON_TIME, Timeliness
from cashless_cli.dataset.figures import CommuneFigures, MonthSummary
from cashless_cli.problems import Problem


def _number(value: Decimal | None) -> float | None:
    # float(Decimal("13.37")) is the double nearest 13.37, which json writes as 13.37
    return float(value) if value is not None else None


def _not_checkable(p: Problem) -> dict[str, Any]:
    return {
        "code": p.code,
        "column": p.column,
        "header": p.header,
        "message": p.message("en"),
        "message_vi": p.message("vi"),
    }


def _report_date(t: Timeliness | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "status": t.status,
        "date": t.date.isoformat() if t.date else None,
        "source": t.source,
        "on_time": t.on_time,
        "days_late": t.days_late,
        "due": t.due.isoformat(),
    }


def _reporting(summary: MonthSummary) -> dict[str, Any]:
    statuses = [c.timeliness.status for c in summary.communes if c.timeliness]
    due = summary.due
    return {
        "due": due.due(summary.month).isoformat(),
        "due_day": due.day,
        "due_next_month": due.next_month,
        "configured": due.configured,
        **{
            key.replace("-", "_"): statuses.count(key)
            for key in (ON_TIME, LATE, NOT_REPORTED, DATE_UNKNOWN)
        },
    }


def _commune(c: CommuneFigures) -> dict[str, Any]:
    counts = c.counts
    doc: dict[str, Any] = {
        "code": c.unit.code,
        "name": c.unit.name,
        "reported": c.reported,
        "file": c.file.name if c.file else None,
        "total": counts.total if counts else None,
        "registered": counts.registered if counts else None,
        "with_account": counts.with_account if counts else None,
        "refused": counts.refused if counts else None,
        "rate": _number(c.rate),
        "change": _number(c.change),
        "errors": c.rows_with_errors,
        "warnings": c.rows_with_warnings,
        "kind": c.unit.kind,
        "low": c.low,
        "unknown": counts.unknown if counts else None,
        "status_unknown": c.status_unknown,
        "not_checkable": [_not_checkable(p) for p in c.not_checkable],
        "files": [p.name for p in c.files],
        # the rate's base: the rows whose status is known; ``partial`` when more than a tenth
        # of the list is unknown (the rate stands on part of it)
        "rate_basis": (
            {"known": counts.known, "total": counts.total, "partial": c.partly_known}
            if counts
            else None
        ),
        "report_date": _report_date(c.timeliness),
    }
    if c.unreadable is not None:
        code, en, vi = c.unreadable
        doc["unreadable"] = {"code": code, "message": en, "message_vi": vi}
    return doc


def summary_document(
    summary: MonthSummary, outputs: dict[str, Path] | None = None
) -> dict[str, Any]:
    total = summary.total
    return {
        "month": str(summary.month),
        "district": {
            "name": summary.area.name,
            "total": total.total,
            "registered": total.registered,
            "with_account": total.with_account,
            "rate": _number(total.rate),
            "refused": total.refused,
            "reported": len(summary.reported),
            "communes_total": len(summary.communes),
            "unknown": total.unknown,
        },
        "communes": [_commune(c) for c in summary.communes],
        "level": summary.area.level,
        "previous_month": str(summary.previous_month) if summary.previous_month else None,
        "cross_commune_duplicates": [
            {
                "id": d.id,
                "code": "id-in-several-communes",
                "places": [
                    {"code": p.code, "name": p.name, "file": p.file, "cell": p.cell}
                    for p in d.places
                ],
            }
            for d in summary.duplicates
        ],
        "outputs": {k: str(v) for k, v in (outputs or {}).items()},
        "reporting": _reporting(summary),
    }
