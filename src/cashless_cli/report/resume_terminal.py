"""A lifted suspension on a terminal: who, from which list, what was not collected and is now
paid as arrears, who recorded it and why — or the lifting recorded before, unchanged."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.console import Console

from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import mask
from cashless_cli.payments.cycle import months_text
from cashless_cli.report.parts import money
from cashless_cli.report.safe import escape
from cashless_cli.texts import fill, words

if TYPE_CHECKING:
    from cashless_cli.payments.resume import ResumeResult

_W = {lang: words("resume-payment", lang) for lang in LANGS}
_PROGRAMME = {lang: words("programme", lang) for lang in LANGS}


def _when(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def render_resume(console: Console, result: ResumeResult, lang: Lang, show_ids: bool) -> None:
    w = _W[lang]
    who = {
        "name": result.name or "",
        "id": result.beneficiary_id if show_ids else mask(result.beneficiary_id),
    }
    for x in result.lifted:
        programme = _PROGRAMME[lang][x.programme]
        month = months_text((x.record.month,))
        if x.new:
            said = fill(w["recorded"], month=month, programme=programme, **who)
            console.print(f"[bold green]✓[/] {escape(said)}")
            missed = months_text(x.missed)
            console.print(escape(fill(w["missed"], months=missed, owed=money(x.owed))))
        else:
            said = fill(w["unchanged"], from_month=month, programme=programme, **who)
            console.print(escape(said))
        by = x.record.recorded_by or w["someone"]
        at = _when(x.record.recorded_at)
        console.print(escape(fill(w["by"], by=by, at=at, reason=x.record.reason)))
    if result.recorded:
        console.print(escape(fill(w["next"], month=result.month)))
