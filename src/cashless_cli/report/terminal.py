"""Validation reports on a terminal, with rich: a summary line per file, then the problems
grouped by code with their cells, capped by ``--max-issues`` (all are counted)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence, Set

from rich.console import Console
from rich.table import Table

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask
from cashless_cli.problems import MonthText, Problem, Severity
from cashless_cli.report.safe import escape
from cashless_cli.texts import fill, words
from cashless_cli.validation import FileReport

_WORDS = {lang: words("terminal", lang) for lang in LANGS}


def _value(p: Problem, show_ids: bool) -> str:
    if p.value is None or p.value == "":
        return ""
    if p.column in SENSITIVE_KEYS and not show_ids:
        return mask(p.value)
    text = (
        str(int(p.value)) if isinstance(p.value, float) and p.value.is_integer() else str(p.value)
    )
    return text if len(text) <= 40 else text[:37] + "…"


def render_file(
    console: Console,
    report: FileReport,
    lang: Lang,
    max_issues: int,
    show_ids: bool,
    shown: Set[int] | None = None,
) -> int:
    """Print one file's report; return how many problems were left unshown.

    ``shown``: the ids of the problems to list (see :func:`pick_shown`); default: this file's
    first ``max_issues``, errors first.
    """
    w = _WORDS[lang]
    name = escape(str(report.path))
    if report.error is not None:
        console.print(f"[bold red]✗ {name}[/]: {escape(report.error.message(lang))}")
        console.print(f"  → {escape(report.error.hint(lang))}")
        return 0
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    mark = "[bold red]✗[/]" if errors else ("[yellow]![/]" if warnings else "[green]✓[/]")
    skipped = ", ".join(
        f"{n} {w.get(k if k != 'total' else 'total_row', k)}" for k, n in report.skipped.items()
    )
    console.print(
        f"{mark} [bold]{name}[/] — {w['sheet']} '{escape(report.sheet or '')}', "
        f"{w['header']} {report.header_row}; "
        f"{w['commune']}: {escape(report.commune or w['unknown'])}"
        f", {w['month']}: {MonthText(str(report.month), lang) if report.month else w['unknown']}"
    )
    counts = fill(
        w["counts"],
        rows=report.rows,
        valid=report.valid_rows,
        bad=report.rows_with_errors,
        errors=errors,
        warnings=warnings,
    )
    console.print(f"  {counts}" + (f"; {w['skipped']}: {skipped}" if skipped else ""))
    issues = report.issues
    if shown is None:
        shown = pick_shown([report], max_issues)
    listed = [p for p in issues if id(p) in shown]
    if not listed:
        return len(issues)
    groups: dict[str, list[Problem]] = defaultdict(list)
    for p in listed:
        groups[p.code].append(p)
    totals = Counter(p.code for p in issues)
    order = sorted(groups, key=lambda c: (groups[c][0].severity is not Severity.ERROR, c))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(w["cell"], no_wrap=True)
    table.add_column(w["value"])
    table.add_column(w["message"])
    for code in order:
        group = groups[code]
        style = "red" if group[0].severity is Severity.ERROR else "yellow"
        title = group[0].type.title(lang)
        table.add_row(f"[{style}]{code}[/]", "", f"[{style}]{escape(title)}[/] ({totals[code]})")
        for p in group:
            table.add_row(
                f"  {p.cell or '-'}",
                escape(_value(p, show_ids)),
                escape(p.message(lang, masked=not show_ids)),
            )
        if totals[code] > len(group):
            table.add_row(
                "  …", "", f"[dim]{w['group_more'].format(n=totals[code] - len(group))}[/]"
            )
        table.add_row("", "", f"[dim]→ {escape(group[0].hint(lang))}[/]")
    console.print(table)
    return len(issues) - len(listed)


#: Cells listed per problem code and file before other codes and files get their turn.
GROUP_PREVIEW = 5


def pick_shown(reports: Sequence[FileReport], max_issues: int) -> set[int]:
    """The ids of the problems worth the ``max_issues`` lines.

    Errors before warnings, so that a folder whose first roster has hundreds of warnings does not
    hide the next roster's errors; and within each, the first :data:`GROUP_PREVIEW` cells of
    every code in every file before the rest, so that 300 cells with one mistake do not hide a
    different one. Ties keep the file order and each file's order.
    """
    ranked: list[tuple[bool, bool, Problem]] = []
    for report in reports:
        if report.error is not None:
            continue
        seen: Counter[str] = Counter()
        for p in report.issues:
            ranked.append((p.severity is not Severity.ERROR, seen[p.code] >= GROUP_PREVIEW, p))
            seen[p.code] += 1
    ranked.sort(key=lambda t: (t[0], t[1]))  # stable
    return {id(p) for _, _, p in ranked[: max(max_issues, 0)]}


def render_notes(console: Console, reports: Sequence[FileReport], lang: Lang) -> None:
    """``--notes``: every note (converted text, extra columns, skipped rows) of every file."""
    w = _WORDS[lang]
    for report in reports:
        if report.error is not None or not report.info:
            continue
        console.print(f"[bold]{escape(fill(w['notes-of'], file=report.path))}[/]")
        for p in report.info:
            console.print(f"  {escape(p.cell or '-')}  {p.code}  {escape(p.message(lang))}")


def render_all(
    console: Console,
    reports: list[FileReport],
    lang: Lang,
    max_issues: int,
    show_ids: bool,
    notes: bool = False,
) -> None:
    w = _WORDS[lang]
    shown = pick_shown(reports, max_issues)
    hidden = 0
    for report in reports:
        hidden += render_file(console, report, lang, max_issues, show_ids, shown)
    if hidden:
        console.print(w["more"].format(n=hidden))
    readable = [r for r in reports if r.error is None]
    if len(reports) > 1:
        console.print(
            fill(
                w["total"],
                files=len(reports),
                rows=sum(r.rows for r in readable),
                valid=sum(r.valid_rows for r in readable),
                bad=sum(r.rows_with_errors for r in readable),
                warn=sum(r.count(Severity.WARNING) for r in readable),
                unreadable=len(reports) - len(readable),
            )
        )
    if notes:
        render_notes(console, readable, lang)
    elif noted := sum(len(r.info) for r in readable):
        console.print(f"[dim]{fill(w['info'], n=noted)}[/]")
