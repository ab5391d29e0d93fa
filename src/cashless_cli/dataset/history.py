"""The figures of every month summarized so far (``.cashless/history.csv``): what later months
compare against and what the line chart draws.

One line per month and commune. Re-running a month replaces that month's lines; the file is kept
sorted by month and commune code, so the same figures always give the same file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from cashless_cli.dataset.figures import Counts, MonthSummary
from cashless_cli.dataset.month import MERGER
from cashless_cli.errors import WorkspaceError
from cashless_cli.fs.csvsafe import csv_text
from cashless_cli.problems import Phrase
from cashless_cli.schema.month import Month

HISTORY_NAME = "history.csv"
FIELDS = (
    "month",
    "code",
    "name",
    "reported",
    "total",
    "registered",
    "with_account",
    "refused",
    "rows_with_errors",
    "unknown",  # an addition: rows whose registration status is unknown (0 in older files)
    "roster_sha256",  # added at the end: the commune's roster when the month was summarized
)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: Month
    communes: dict[str, Counts | None]  # code → counts (None: not reported that month)
    names: dict[str, str]
    rows_with_errors: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)  # code → roster SHA-256

    @property
    def total(self) -> Counts:
        return sum((c for c in self.communes.values() if c is not None), Counts())

    @property
    def rate(self) -> Decimal | None:
        return self.total.rate


def load_history(path: Path) -> dict[Month, MonthFigures]:
    """The history file's months (empty when there is none yet); bad lines are skipped."""
    if path.exists() and not path.is_file():
        raise WorkspaceError(
            "history-unreadable", path=path, reason=Phrase("workspace.reason-folder")
        )
    if not path.is_file():
        return {}
    try:
        return _read_history(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        reason = exc if isinstance(exc, OSError) else str(exc)  # an OSError: worded by errno
        raise WorkspaceError("history-unreadable", path=path, reason=reason) from exc


def _read_history(path: Path) -> dict[Month, MonthFigures]:
    if b"\0" in path.read_bytes()[:65536]:
        raise csv.Error("binary content, not CSV text")
    months: dict[Month, MonthFigures] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle):
            try:
                month = Month.parse(line["month"])
                code = line["code"]
                counts = (
                    Counts(
                        int(line["total"]),
                        int(line["registered"]),
                        int(line["with_account"]),
                        int(line["refused"]),
                        int(line.get("unknown") or 0),
                    )
                    if line["reported"] == "1"
                    else None
                )
            except (KeyError, TypeError, ValueError):
                continue
            figures = months.setdefault(month, MonthFigures(month, {}, {}))
            figures.communes[code] = counts
            figures.names[code] = line.get("name") or code
            if (errs := line.get("rows_with_errors") or "").isascii() and errs.isdigit():
                figures.rows_with_errors[code] = int(line["rows_with_errors"])
            if line.get("roster_sha256"):  # files written before the column have none
                figures.checksums[code] = str(line["roster_sha256"])
    return dict(sorted(months.items()))


def previous_figures(history: dict[Month, MonthFigures], month: Month) -> MonthFigures | None:
    """The latest month before ``month`` that has figures, on the same side of July 2025: a month
    is never compared across the merger (other units: old communes then, new ones now)."""
    merged = month >= MERGER
    earlier = [m for m in history if m < month and (m >= MERGER) == merged]
    return history[max(earlier)] if earlier else None


def figures_of(summary: MonthSummary, checksums: dict[str, str] | None = None) -> MonthFigures:
    return MonthFigures(
        summary.month,
        {c.unit.code: c.counts for c in summary.communes},
        {c.unit.code: c.unit.name for c in summary.communes},
        {c.unit.code: c.rows_with_errors for c in summary.communes if c.reported},
        dict(checksums or {}),
    )


def changed_rosters(old: MonthFigures | None, checksums: dict[str, str]) -> list[str]:
    """Codes of the communes whose roster differs from the one summarized before (only where
    the history recorded a checksum; a commune reported now or then but not both counts)."""
    if old is None or not old.checksums:
        return []
    codes = set(old.checksums) | set(checksums)
    return sorted(c for c in codes if old.checksums.get(c) != checksums.get(c))


def with_month(
    history: dict[Month, MonthFigures],
    summary: MonthSummary,
    checksums: dict[str, str] | None = None,
) -> dict[Month, MonthFigures]:
    """The history with ``summary``'s figures in it (replacing that month's), in month order."""
    updated = dict(history)
    updated[summary.month] = figures_of(summary, checksums)
    return dict(sorted(updated.items()))


def history_text(history: dict[Month, MonthFigures]) -> str:
    """The CSV text of the history file."""
    lines: list[list[object]] = [list(FIELDS)]
    for month in sorted(history):
        figures = history[month]
        for code in sorted(figures.communes):
            counts = figures.communes[code]
            lines.append(
                [
                    str(month),
                    code,
                    figures.names.get(code, code),
                    "1" if counts is not None else "0",
                    counts.total if counts else "",
                    counts.registered if counts else "",
                    counts.with_account if counts else "",
                    counts.refused if counts else "",
                    figures.rows_with_errors.get(code, "") if counts else "",
                    counts.unknown if counts else "",
                    figures.checksums.get(code, "") if counts else "",
                ]
            )
    return csv_text(lines, line_end="\n")  # formula-safe: a commune named "=…" stays text
