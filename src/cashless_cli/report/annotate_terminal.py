"""What became of the marked copies ``validate --annotate`` writes, one line per roster."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from cashless_cli.i18n import Lang

if TYPE_CHECKING:
    from cashless_cli.validate_run import AnnotateOutcome


def render_annotated(console: Console, outcomes: Sequence[AnnotateOutcome], lang: Lang) -> None:
    vi = lang == "vi"
    for outcome in outcomes:
        report, done = outcome.report, outcome.done
        if outcome.error is not None:
            label = "Lỗi" if vi else "Error"
            console.print(
                f"[bold red]{label}:[/] {escape(outcome.error.message(lang))}", markup=True
            )
            continue
        if done is None:
            console.print(
                f"{report.path.name}: không đọc được nên không đánh dấu."
                if vi
                else f"{report.path.name}: not readable, so not annotated.",
                markup=False,
            )
            continue
        note = (" (dựng lại thành .xlsx)" if vi else " (rebuilt as .xlsx)") if done.rebuilt else ""
        console.print(
            (
                f"Bản đánh dấu: {done.path} — {done.marked_cells} ô, {done.marked_rows} dòng{note}"
                if vi
                else f"Annotated copy: {done.path} — {done.marked_cells} cells, "
                f"{done.marked_rows} rows marked{note}"
            ),
            markup=False,
        )
