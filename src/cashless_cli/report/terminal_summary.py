"""A month's rate summary on a terminal, with rich: one row per commune, the total, then what
needs attention (communes not reported or unreadable, IDs listed by two communes) and the files
written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from cashless_cli.dataset.deadline import (
    DATE_UNKNOWN,
    LATE,
    NOT_REPORTED,
    ON_TIME,
    SOURCE_FILE_TIME,
    Timeliness,
)
from cashless_cli.dataset.figures import MonthSummary
from cashless_cli.dataset.month import MERGER
from cashless_cli.i18n import Lang
from cashless_cli.mask import mask
from cashless_cli.problems import MonthText
from cashless_cli.report.safe import escape
from cashless_cli.schema.month import Month
from cashless_cli.texts import fill, words

_STATUS_STYLE = {ON_TIME: "green", LATE: "yellow", NOT_REPORTED: "red", DATE_UNKNOWN: "yellow"}


def _words(lang: Lang) -> dict[str, str]:
    return words("summary-terminal", lang)


def _fmt(value: object) -> str:
    return "" if value is None else f"{value:,}" if isinstance(value, int) else str(value)


def _timeliness(t: Timeliness | None, d: dict[str, str]) -> str:
    if t is None:
        return ""
    word = fill(d[t.status], n=t.days_late or 0)
    mark = "†" if t.source == SOURCE_FILE_TIME else ""
    return f"[{_STATUS_STYLE[t.status]}]{escape(word)}{mark}[/]"


def _render_deadline(console: Console, s: MonthSummary, lang: Lang) -> None:
    """When the lists were due, how many came on time, and who was late or has no date."""
    d = words("deadline", lang)
    due = s.due.due(s.month)
    status = [c.timeliness.status for c in s.communes if c.timeliness]
    console.print(
        escape(
            fill(
                d["summary"],
                m=f"{s.month.month:02d}/{s.month.year}",
                due=f"{due:%d/%m/%Y}",
                on_time=status.count(ON_TIME),
                late=status.count(LATE),
                missing=status.count(NOT_REPORTED),
                unknown=status.count(DATE_UNKNOWN),
            )
        )
    )
    late = [
        fill(d["late-one"], name=c.unit.name, date=f"{t.date:%d/%m/%Y}", n=t.days_late or 0)
        for c in s.communes
        if (t := c.timeliness) is not None and t.status == LATE and t.date is not None
    ]
    if late:
        console.print("[yellow]" + escape(fill(d["late-list"], names="; ".join(late))) + "[/]")
    unknown = [
        c.unit.name
        for c in s.communes
        if c.timeliness is not None and c.timeliness.status == DATE_UNKNOWN
    ]
    if unknown:
        line = fill(d["unknown-list"], names=", ".join(unknown))
        console.print("[yellow]" + escape(line) + "[/]")
    if any(c.timeliness and c.timeliness.source == SOURCE_FILE_TIME for c in s.communes):
        console.print(escape(d["file-time-note"]))


def render_summary(
    console: Console,
    s: MonthSummary,
    written: Sequence[Path],
    backfilled: Sequence[Month],
    lang: Lang,
    show_ids: bool,
) -> None:
    """The rate table, the communes not reported, IDs listed by two communes, the months
    computed on the way (``backfilled``), the files ``written``."""
    w = _words(lang)
    table = Table(
        title=w["title"].format(area=escape(s.area.name), m=f"{s.month.month:02d}/{s.month.year}"),
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        caption=w["low"],
        caption_justify="left",
    )
    table.add_column(w["stt"], justify="right", no_wrap=True)
    # the two-level government from July 2025: communes, wards and special zones
    table.add_column(w["name-2025" if s.month >= MERGER else "name"], no_wrap=True)
    # the unknown column only when some status is unknown (a month of full rosters: as before)
    unknown = s.total.unknown > 0
    keys = ("total", "registered", "account", "refused", "unknown", "rate", "change", "err")
    for key in keys:
        if key != "unknown" or unknown:
            table.add_column(w[key], justify="right", no_wrap=True)
    d = words("deadline", lang)
    if s.shows_timeliness:  # the province view: who reported on time
        table.add_column(d["column"], no_wrap=True)
    for i, c in enumerate(s.communes, start=1):
        counts = c.counts
        if c.status_unknown:
            rate = f"[yellow]{w['rate_unknown']}[/] "
        elif c.rate is None:
            rate = "[red]" + (w["unread"] if c.unreadable else w["missing"]) + "[/]"
        elif c.low:
            rate = f"[yellow]{c.rate:.2f}*[/]" + ("‡" if c.partly_known else "")
        else:
            rate = f"[green]{c.rate:.2f}[/]" + ("‡" if c.partly_known else " ")
        change = f"{c.change:+.2f}" if c.change is not None else ""
        name = escape(c.unit.name) if c.reported else f"[red]{escape(c.unit.name)}[/]"
        errs = f"[yellow]{c.rows_with_errors}[/]" if c.rows_with_errors else ""
        figures = [
            _fmt(counts.total if counts else None),
            _fmt(counts.registered if counts else None),
            _fmt(counts.with_account if counts else None),
            _fmt(counts.refused if counts else None),
        ]
        if unknown:
            figures.append(_fmt(counts.unknown if counts else None))
        reported = [_timeliness(c.timeliness, d)] if s.shows_timeliness else []
        table.add_row(str(i), name, *figures, rate, change, errs, *reported)
    t = s.total
    table.add_section()
    totals = [
        f"[bold]{t.total:,}[/]",
        f"[bold]{t.registered:,}[/]",
        f"[bold]{t.with_account:,}[/]",
        f"[bold]{t.refused:,}[/]",
    ]
    if unknown:
        totals.append(f"[bold]{t.unknown:,}[/]")
    table.add_row(
        "",
        f"[bold]{w['sum']} ({len(s.reported)}/{len(s.communes)})[/]",
        *totals,
        f"[bold]{t.rate:.2f}[/] " if t.rate is not None else "—",
        "",
        f"[bold]{sum(c.rows_with_errors for c in s.communes)}[/]",
        *([""] if s.shows_timeliness else []),
    )
    console.print(table)
    if s.shows_timeliness:
        _render_deadline(console, s, lang)
    if unknown:
        console.print("[yellow]" + escape(w["unknown_note"].format(n=f"{t.unknown:,}")) + "[/]")
    partial = [
        fill(d["partly-one"], name=c.unit.name, known=c.counts.known, total=c.counts.total)
        for c in s.communes
        if c.partly_known and c.counts is not None
    ]
    if partial:
        line = fill(d["partly-known"], names="; ".join(partial))
        console.print("[yellow]" + escape(line) + "[/]")
    if s.not_reported:
        names = ", ".join(c.unit.name for c in s.not_reported)
        console.print(
            "[red]" + escape(w["not_reported"].format(n=len(s.not_reported), names=names)) + "[/]"
        )
        for c in s.not_reported:
            if c.unreadable is not None:
                why = c.unreadable[2 if lang == "vi" else 1]
                file = c.file.name if c.file else ""
                console.print(
                    "  [red]"
                    + escape(w["unreadable"].format(name=c.unit.name, file=file, why=why))
                    + "[/]"
                )
    if s.not_fully_checked:
        console.print(
            "[yellow]" + escape(fill(w["not_checked"], n=len(s.not_fully_checked))) + "[/]"
        )
        for c in s.not_fully_checked:
            file = c.file.name if c.file else ""
            line = w["not_checked_file"].format(name=c.unit.name, file=file)
            console.print("  [yellow]" + escape(line) + "[/]")
            for problem in c.not_checkable:
                console.print("    " + escape(problem.message(lang, masked=not show_ids)))
    for dup in s.duplicates:
        where = "; ".join(
            w["cell"].format(name=p.name, file=p.file, cell=p.cell) for p in dup.places
        )
        pid = dup.id if show_ids else mask(dup.id)
        console.print("[yellow]" + escape(w["dup"].format(id=pid, where=where)) + "[/]")
    if s.previous_month is not None:
        pm = s.previous_month
        console.print(w["compare"].format(m=f"{pm.month:02d}/{pm.year}"))
    else:
        console.print(w["nocompare"])
    if backfilled:
        console.print(
            w["backfilled"].format(months=MonthText(", ".join(str(m) for m in backfilled), lang)),
        )
    for path in written:
        console.print(f"{w['written']}: {escape(str(path))}")
