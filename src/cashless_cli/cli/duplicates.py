"""``cashless duplicates``: the month's candidate pairs of the same person twice, the review
workbook, and importing the officer's decisions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from cashless_cli.cli import options
from cashless_cli.cli.common import (
    Exit,
    FormatOption,
    LangOption,
    WorkspaceOption,
    check_format,
    fail,
    lang_of,
    month_option,
    out_console,
    print_json,
)
from cashless_cli.i18n import LANGS, Lang
from cashless_cli.mask import mask
from cashless_cli.report.parts import money
from cashless_cli.report.safe import escape
from cashless_cli.texts import words

if TYPE_CHECKING:
    from cashless_cli.duplicates.match import Candidate
    from cashless_cli.duplicates.people import Person
    from cashless_cli.duplicates.review import ImportResult
    from cashless_cli.duplicates.service import MonthDuplicates


def _say(code: str, lang: Lang, **params: Any) -> str:
    """A catalogue sentence, filled."""
    from cashless_cli.problems import Problem

    return Problem(code, params=params).message(lang)


_WORDS = {lang: words("dups-terminal", lang) for lang in LANGS}
_KINDS = {lang: words("dups-terminal.kind", lang) for lang in LANGS}
_BOTH = {lang: words("dups-both", lang) for lang in LANGS}  # both programmes: paid / not paid
#: The fields compared, and where an earlier month's people came from.
_FIELDS = {
    lang: {**words("dups-field", lang), **words("dups-terminal.source", lang)} for lang in LANGS
}
SHOWN = 40  # pairs listed on the terminal


def _person_json(p: Person) -> dict[str, Any]:
    return {
        "month": p.ref.month,
        "commune_code": p.ref.commune_code,
        "commune": p.commune,
        "file": p.ref.file,
        "row": p.ref.row,
        "key": p.key,
        "name": p.name,
        "birth": p.birth,
        "sex": p.sex,
        "id": p.pid,
        "village": p.village,
        "phone": p.phone,
        "account": p.account,
        "receiver": p.receiver,
        "receiver_name": p.receiver_name,
        "receiver_id": p.receiver_id,
        "category": p.category,
        "amount": p.amount,
    }


def _candidate_json(c: Candidate) -> dict[str, Any]:
    return {
        "code": c.code,
        "level": c.level,
        "score": c.score,
        "kinds": list(c.kinds),
        "scope": c.scope,
        "name_similarity": c.name_similarity,
        "agree": list(c.agree),
        "differ": list(c.differ),
        "rows": [_person_json(c.a), _person_json(c.b)],
    }


def to_dict(d: MonthDuplicates, review: Path | None) -> dict[str, Any]:
    removed = []
    correct = []
    for c, dec in d.holds.decided:
        if dec.verdict == "different" and "same-id" in c.kinds:
            correct.append({"code": c.code, "rows": [_person_json(c.a), _person_json(c.b)]})
        if dec.verdict == "same" and c.scope != "previous":
            keep, drop = (c.a, c.b) if dec.keep == c.a.key else (c.b, c.a)
            removed.append(
                {"code": c.code, "keep": _person_json(keep), "remove": _person_json(drop)}
            )
    return {
        "month": str(d.month),
        "rows": d.people,
        "previous_months": d.previous,
        "high": sum(1 for c in d.holds.open if c.high),
        "warnings": sum(1 for c in d.holds.open if not c.high),
        "decided": len(d.holds.decided),
        "held_rows": len(d.holds.held),
        "candidates": [_candidate_json(c) for c in d.holds.open],
        "to_remove": removed,
        "to_correct": correct,
        "both_programmes": [
            {"code": b.code, "paid": _person_json(b.paid), "not_paid": _person_json(b.not_paid)}
            for b in d.holds.both
        ],
        "review": str(review) if review else None,
    }


def _who(p: Person, show_ids: bool, month: object) -> str:
    ident = (p.pid or "") if show_ids else mask(p.pid)
    when = f" ({p.ref.month})" if p.ref.month != str(month) else ""
    return (
        f"{p.commune}{when} · {p.ref.file}!{p.ref.row} · {p.name or ''} {p.birth_text} {ident}"
    ).rstrip()


def render(
    console: Console, d: MonthDuplicates, lang: Lang, show_ids: bool, review: Path | None
) -> None:
    w = _WORDS[lang]
    doc = to_dict(d, review)
    label = _FIELDS[lang]
    previous = ", ".join(f"{m} ({label[s]})" for m, s in d.previous.items()) or w["none"]
    head = _say(
        "duplicates-month",
        lang,
        month=d.month,
        rows=d.people,
        previous=previous,
        high=doc["high"],
        warnings=doc["warnings"],
        decided=doc["decided"],
        remove=len(doc["to_remove"]),
    )
    console.print(f"[bold]{escape(head)}[/]")
    for c in d.holds.open[:SHOWN]:
        level = f"[bold red]{w['high']}[/]" if c.high else f"[yellow]{w['warning']}[/]"
        kinds = ", ".join(_KINDS[lang][k] for k in c.kinds)
        differ = ", ".join(label[f] for f in c.differ) or "—"
        console.print(
            f"{c.code}  {level}  {c.score}  {escape(kinds)}  ({escape(w['differ'])}: "
            f"{escape(differ)})"
        )
        for n, p in ((1, c.a), (2, c.b)):
            console.print(f"  {n} {escape(_who(p, show_ids, d.month))}")
    if len(d.holds.open) > SHOWN:
        console.print("  " + escape(_say("duplicates-more", lang, n=len(d.holds.open) - SHOWN)))
    if d.holds.both:
        both = _BOTH[lang]
        console.print(f"[bold]{escape(both['title'])}[/]")
        for pair in d.holds.both:
            console.print(pair.code)
            for key, p in (("paid", pair.paid), ("not-paid", pair.not_paid)):
                said = both[key].format(
                    who=_who(p, show_ids, d.month),
                    category=p.category or "",
                    amount=money(p.amount or 0),
                )
                console.print(escape(said))
    if doc["to_remove"]:
        console.print(f"[bold]{escape(_say('duplicates-rows-to-remove', lang))}[/]")
        for item in doc["to_remove"]:
            r = item["remove"]
            ident = (r["id"] or "") if show_ids else mask(r["id"])
            console.print(
                f"  {item['code']}: {escape(r['commune'])} · {escape(r['file'])}!{r['row']} · "
                f"{escape(r['name'] or '')} {escape(ident)}"
            )
    if doc["to_correct"]:
        console.print(f"[bold]{escape(_say('duplicates-ids-to-correct', lang))}[/]")
        for item in doc["to_correct"]:
            for r in item["rows"]:
                ident = (r["id"] or "") if show_ids else mask(r["id"])
                console.print(
                    f"  {item['code']}: {escape(r['commune'])} · {escape(r['file'])}!{r['row']} "
                    f"· {escape(r['name'] or '')} {escape(ident)}"
                )
    if review is not None:
        console.print(escape(_say("duplicates-review-written", lang, path=review)))


def render_import(console: Console, r: ImportResult, lang: Lang) -> None:
    console.print(escape(_say("duplicates-import-file", lang, file=r.file, sha256=r.sha256)))
    counts = {"unchanged": r.unchanged, "undecided": r.undecided}
    if r.problems:
        refused = _say("duplicates-import-refused", lang, n=len(r.problems))
        console.print(f"[bold red]{escape(refused)}[/]")
        for p in r.problems:
            console.print(f"  {escape(f'{p.sheet}!{p.cell}')} {escape(p.message(lang))}")
            console.print(f"    → {escape(p.hint(lang))}")
    elif r.recorded:
        line = _say(
            "duplicates-recorded", lang, n=r.recorded, same=r.same, different=r.different, **counts
        )
        console.print(escape(line))
    else:
        console.print(escape(_say("duplicates-unchanged", lang, **counts)))


def duplicates_command(
    month: options.LatestMonth = None,
    workspace: WorkspaceOption = Path("."),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="REVIEW.xlsx",
            help="help.duplicates.output",
            dir_okay=False,
        ),
    ] = None,
    import_file: Annotated[
        Path | None,
        typer.Option(
            "--import",
            metavar="REVIEWED.xlsx",
            help="help.duplicates.import",
            dir_okay=False,
        ),
    ] = None,
    output_format: FormatOption = "text",
    show_ids: options.ShowIds = False,
    lang: LangOption = None,
) -> None:
    """List the month's candidate pairs of the same person listed twice, write the review
    workbook, or record the officer's decisions from it.

    Exit code 0: no pair to decide (warnings allowed) / decisions recorded or nothing to change;
    1: pairs to decide or rows to remove / the reviewed file has errors, nothing recorded;
    2: unusable workspace, file or options.
    """
    from cashless_cli.errors import UserError
    from cashless_cli.problems import ReadError
    from cashless_cli.workspace.config import load_workspace

    language = lang_of(lang)
    fmt = check_format(output_format)
    wanted = month_option(month, language)
    if import_file is not None and (output is not None or wanted is not None):
        fail(_say("duplicate-review-options", language), language)
    try:
        ws = load_workspace(workspace)
        if import_file is not None:
            from cashless_cli.duplicates.review import import_review

            try:
                result = import_review(ws, import_file)
            except ReadError as exc:
                fail(f"{import_file}: {exc.message(language)}", language, exc.hint(language))
            if fmt == "json":
                print_json(result.to_dict(language))
            else:
                render_import(out_console(), result, language)
            raise typer.Exit(int(Exit.PROBLEMS if result.problems else Exit.OK))
        from cashless_cli.duplicates.service import month_report

        found, written = month_report(ws, wanted, output)
    except UserError as exc:
        fail(exc.message(language), language)
    if fmt == "json":
        print_json(to_dict(found, written))
    else:
        render(out_console(), found, language, show_ids, written)
    pending = bool(found.holds.held)  # rows held back: pairs to decide, rows to fix
    raise typer.Exit(int(Exit.PROBLEMS if pending else Exit.OK))
