"""``cashless columns`` on a terminal and as JSON: each column's meaning and why, and the
``--map`` line that fixes a column the reader did not recognise."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.table import Table

from cashless_cli.i18n import Lang
from cashless_cli.problems import CATALOGUE
from cashless_cli.read.columns import ColumnsView
from cashless_cli.read.header import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    CATEGORY_MARK,
    SEX_FEMALE,
    SEX_MALE,
    ColumnNote,
    words,
)
from cashless_cli.read.mapping import known_keys
from cashless_cli.read.workbook import column_letter
from cashless_cli.report.safe import escape
from cashless_cli.schema.row import COLUMN_BY_KEY
from cashless_cli.texts import words as texts_under

_WORDS = {lang: texts_under("columns-terminal", lang) for lang in ("en", "vi")}
_KINDS = {lang: texts_under("columns-kind", lang) for lang in ("en", "vi")}
_WORD = re.compile(r"[^\W_]+")


def _shown(note: ColumnNote) -> str:
    return " › ".join(note.levels)


def fix_line(note: ColumnNote, lang: Lang) -> str:
    """The ``--map`` option that says what an unrecognised column is."""
    return f'--map "{note.header}={"KHÓA" if lang == "vi" else "KEY"}"'


def _meaning(note: ColumnNote, lang: Lang) -> str:
    w = _WORDS[lang]
    if note.key in (BIRTH_MALE, BIRTH_FEMALE):
        return w["birth"]
    if note.key in (SEX_MALE, SEX_FEMALE) or (note.key or "").startswith(CATEGORY_MARK):
        return w["mark"].format(key="gioi_tinh" if note.key in (SEX_MALE, SEX_FEMALE) else "dien")
    if note.key is not None:
        return note.key
    if note.info is not None:
        return _WORDS[lang]["info"].format(key=note.info)
    if note.reason == "ignored":
        return _WORDS[lang]["ignored"]
    return "—"


#: Reasons whose catalogue message only quotes the header.
_HEADER_ONLY = frozenset({"category", "unknown"})


def because(note: ColumnNote, lang: Lang) -> str:
    """Why the column got its meaning, in words (a catalogue entry per reason)."""
    reason = "demoted" if note.reason == "values" else note.reason
    kind = CATALOGUE[f"columns-{reason}"]
    params: dict[str, Any] = {"alias": note.alias or "", "header": note.header, **note.detail}
    if note.reason == "words" and note.alias:
        tokens = _WORD.findall(note.levels[-1])
        params["rest"] = " ".join(tokens[len(words(note.alias)) :])
    detail = kind.message(lang, params)
    if reason in ("exact", "info") and words(note.alias or "") == words(note.header):
        detail = ""  # the header is the alias: nothing to add
    if reason in _HEADER_ONLY:
        detail = ""  # the message quotes the header (for explain); the table already shows it
    text = f"{kind.title(lang)}: {detail}" if detail else kind.title(lang)
    if note.reason == "values":
        text += f" → {note.key}"
    return text


def _rows(view: ColumnsView, lang: Lang) -> str:
    w = _WORDS[lang]
    first, last = view.header_row, view.header_row + view.depth - 1
    return (w["rows_one"] if first == last else w["rows_many"]).format(first=first, last=last)


def render_columns(console: Console, view: ColumnsView, lang: Lang) -> None:
    w = _WORDS[lang]
    data = view.data_row if view.data_row is not None else w["none"]
    console.print(
        escape(
            w["where"].format(
                file=view.path.name, sheet=view.sheet, rows=_rows(view, lang), data=data
            )
        )
    )
    if not view.header_found:
        console.print(escape(w["no_header"].format(row=view.header_row)))
    for row, kind in view.skipped:
        console.print(escape(w["skipped"].format(row=row, kind=_KINDS[lang].get(kind, kind))))
    table = Table(show_lines=False, pad_edge=False)
    for title in (w["col"], w["header"], w["key"], w["why"]):
        table.add_column(title, overflow="fold")
    for note in view.notes:
        table.add_row(
            column_letter(note.col),
            escape(_shown(note)),
            escape(_meaning(note, lang)),
            escape(because(note, lang)),
        )
    console.print(table)
    unknown = view.unknown
    if unknown:
        console.print(escape(w["unknown"].format(n=len(unknown))))
        for note in unknown:
            console.print(f"  {column_letter(note.col)}: {escape(fix_line(note, lang))}")
    if view.missing_required:
        headers = ", ".join(f"{k} ('{COLUMN_BY_KEY[k].header}')" for k in view.missing_required)
        console.print(escape(w["missing"].format(keys=headers)))
    if view.not_checkable:
        params = {"keys": ", ".join(view.not_checkable)}
        console.print(escape(CATALOGUE["columns-not-checkable"].message(lang, params)))
    for problem in view.findings:
        console.print(escape(problem.message(lang)))
    if unknown:
        console.print(escape(w["keys"].format(keys=", ".join(known_keys()))))
        console.print(escape(w["save"]))


def columns_document(view: ColumnsView, lang: Lang) -> dict[str, Any]:
    """The ``cashless columns --format json`` document."""
    return {
        "file": str(view.path),
        "kind": view.kind,
        "sheet": view.sheet,
        "sheets": view.sheets,
        "header_found": view.header_found,
        "header_rows": [view.header_row, view.header_row + view.depth - 1],
        "data_row": view.data_row,
        "skipped_rows": [{"row": r, "kind": k} for r, k in view.skipped],
        "columns": [
            {
                "column": column_letter(n.col),
                "header": n.header,
                "levels": list(n.levels),
                "key": n.key,
                "info": n.info,
                "reason": n.reason,
                "because": because(n, lang),
                "fix": fix_line(n, lang) if n.reason == "unknown" else None,
            }
            for n in view.notes
        ],
        "unrecognised": [n.header for n in view.unknown],
        "missing_required": view.missing_required,
        "not_checkable": view.not_checkable,
        "notes": [p.to_dict(lang) for p in view.findings],
        "known_keys": known_keys(),
    }
