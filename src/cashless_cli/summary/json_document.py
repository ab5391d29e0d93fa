"""The JSON document of ``cashless summarize --format json`` (a contract: keys may be added,
never changed)::

    {"month", "district": {"name", "total", "registered", "with_account", "rate"},
     "communes": [{"code", "name", "reported", "file", "total", "registered", "with_account",
                   "refused", "rate", "change", "errors", "warnings"}]}

Rates are numbers rounded half-up to two decimals; ``change`` is in percentage points, null when
there is no previous month; ``errors`` and ``warnings`` count rows. A commune that did not report
has null figures. Additions: ``level``, ``previous_month``, ``district.refused``,
``district.reported``/``communes_total``, per commune ``kind``, ``low`` and ``unreadable``, and
``cross_commune_duplicates`` and ``outputs``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from cashless_cli.dataset.figures import CommuneFigures, MonthSummary


def _number(value: Decimal | None) -> float | None:
    # float(Decimal("13.37")) is the double nearest 13.37, which json writes as 13.37
    return float(value) if value is not None else None


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
        },
        "communes": [_commune(c) for c in summary.communes],
        "level": summary.area.level,
        "previous_month": str(summary.previous_month) if summary.previous_month else None,
        "cross_commune_duplicates": [
            {
                "id": d.id,
                "places": [
                    {"code": p.code, "name": p.name, "file": p.file, "cell": p.cell}
                    for p in d.places
                ],
            }
            for d in summary.duplicates
        ],
        "outputs": {k: str(v) for k, v in (outputs or {}).items()},
    }
