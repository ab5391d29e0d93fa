"""What became of the marked copies ``validate --annotate`` writes, one line per roster."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import Lang
from cashless_cli.problems import text
from cashless_cli.report.safe import escape

if TYPE_CHECKING:
    from cashless_cli.validate_run import AnnotateOutcome


def render_annotated(console: Console, outcomes: Sequence[AnnotateOutcome], lang: Lang) -> None:
    for outcome in outcomes:
        report, done = outcome.report, outcome.done
        if outcome.error is not None:
            label = text("cli.error", lang)
            console.print(
                f"[bold red]{label}:[/] {escape(outcome.error.message(lang))}", markup=True
            )
            continue
        if done is None:
            console.print(text("validate.not-annotated", lang, name=report.path.name), markup=False)
            continue
        note = text("validate.rebuilt", lang) if done.rebuilt else ""
        console.print(
            text(
                "validate.annotated",
                lang,
                path=done.path,
                cells=done.marked_cells,
                rows=done.marked_rows,
                note=note,
            ),
            markup=False,
        )
