"""Who reported on time: the due date of a month's lists, and each commune's against it.

The supervising office sets when a commune's list of month M is due (``cashless.toml``)::

    [report]
    due_day = 25            # default: by the 25th (the payment cycle: "trước ngày 25")
    due_next_month = false  # true: by that day of the month after M (the 2023 district
                            # dispatch: "định kỳ vào ngày 05 hàng tháng, báo cáo kết quả")

A list is on time when it was made on or before the due date. The day it was made is the date
line of its signature block ("…, ngày 20 tháng 8 năm 2025") when the roster has one, else the
day the file arrived (its modification time); which of the two is always said. A commune whose
list came as several files (one per old commune, or the social pension apart) reported when its
last file was made. Pure logic: the file times are given by the caller.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cashless_cli.problems import Phrase
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import CONFIG_NAME, WorkspaceError

DEFAULT_DUE_DAY = 25

#: Where the date of a commune's report came from.
SOURCE_ROSTER = "roster"  # the date line under the signature block
SOURCE_FILE_TIME = "file-time"  # the file's modification time

ON_TIME = "on-time"
LATE = "late"
NOT_REPORTED = "not-reported"
DATE_UNKNOWN = "date-unknown"


@dataclass(frozen=True, slots=True)
class DueRule:
    day: int = DEFAULT_DUE_DAY
    next_month: bool = False
    configured: bool = False  # said in cashless.toml (else the default)

    def due(self, month: Month) -> dt.date:
        """The last day a list of ``month`` is on time (the day capped at the month's end)."""
        year, mon = month.year, month.month
        if self.next_month:
            year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
        return dt.date(year, mon, min(self.day, calendar.monthrange(year, mon)[1]))


def due_rule(extra: Mapping[str, Any], root: Path) -> DueRule:
    """``[report] due_day`` / ``due_next_month`` of a parsed ``cashless.toml``; a wrong value is
    refused naming the key (never a silent default)."""
    report = extra.get("report")
    if not isinstance(report, dict) or not ({"due_day", "due_next_month"} & report.keys()):
        return DueRule()

    def wrong(key: str, expected: str, found: object) -> WorkspaceError:
        return WorkspaceError(
            "config-invalid-value",
            path=root / CONFIG_NAME,
            key=f"report.{key}",
            expected=Phrase(expected),
            found=found,
        )

    day = report.get("due_day", DEFAULT_DUE_DAY)
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 31:
        raise wrong("due_day", "deadline.expected-day", day)
    nxt = report.get("due_next_month", False)
    if not isinstance(nxt, bool):
        raise wrong("due_next_month", "deadline.expected-bool", nxt)
    return DueRule(day, nxt, True)


@dataclass(frozen=True, slots=True)
class Timeliness:
    """A commune's report against the due date."""

    status: str  # ON_TIME, LATE, NOT_REPORTED, DATE_UNKNOWN
    due: dt.date
    date: dt.date | None = None
    source: str | None = None  # SOURCE_ROSTER or SOURCE_FILE_TIME
    days_late: int | None = None  # 0 when on time; None when not known

    @property
    def on_time(self) -> bool | None:
        return None if self.days_late is None else self.days_late == 0


def file_date(signed_on: dt.date | None, arrived: dt.date | None) -> tuple[dt.date, str] | None:
    """One file's date and its source: the roster's own date line first, else its file time."""
    if signed_on is not None:
        return signed_on, SOURCE_ROSTER
    if arrived is not None:
        return arrived, SOURCE_FILE_TIME
    return None


def timeliness(files: Sequence[tuple[dt.date, str] | None] | None, due: dt.date) -> Timeliness:
    """A commune's report: ``files`` holds each of its files' date (None: no date known);
    ``files`` None or empty: nothing arrived. The last file counts (the list was complete
    then); one file without a date leaves the commune's date unknown."""
    if not files:
        return Timeliness(NOT_REPORTED, due)
    if any(f is None for f in files):
        return Timeliness(DATE_UNKNOWN, due)
    date, source = max((f for f in files if f is not None), key=lambda f: f[0])
    late = max((date - due).days, 0)
    return Timeliness(LATE if late else ON_TIME, due, date, source, late)
