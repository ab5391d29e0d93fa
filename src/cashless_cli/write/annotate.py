"""The roster sent back with its mistakes marked: ``cashless validate --annotate``.

A copy of the roster (the original is never touched) where every cell with an error is filled
red and every cell with a warning yellow, each with a comment saying what is wrong and how to fix
it; rows with problems get a mark in a new last column; a first sheet lists every problem (cell as
a hyperlink to it, code, message, hint) and the counts.

* .xlsx / .xlsm are annotated in place by openpyxl (``keep_vba`` for .xlsm): the commune's
  formatting, merged cells, widths and other sheets stay. openpyxl loads formulas as formulas and
  drops their cached results; those are put back into the saved XML so that a reader that does
  not calculate (python-calamine, our own ``validate``) sees the same values as before.
* .xls / .ods are rebuilt as a new .xlsx from the cell values the reader saw; the result sheet
  says so.

Only fills, comments, the mark column and the result sheet are added: no value of the roster
changes, and every text we write goes through :func:`cashless_cli.write.cells.put`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.hyperlink import Hyperlink

from cashless_cli.errors import UserError
from cashless_cli.fs.atomic import write_bytes
from cashless_cli.i18n import LANGS, Lang
from cashless_cli.problems import Problem, ReadError, Severity, problem_type
from cashless_cli.problems import text as tr
from cashless_cli.read.a1 import column_index
from cashless_cli.read.guards.merges import merge_refusal
from cashless_cli.read.workbook import META_SHEET, Workbook
from cashless_cli.validation import FileReport
from cashless_cli.write import fit, vnformat
from cashless_cli.write.cells import clean_str, put
from cashless_cli.write.sheet_title import sheet_title
from cashless_cli.write.sheetfit import FONT_SLACK as SLACK
from cashless_cli.write.sheetfit import grow_to_fit

ERROR_RGB = "FFFF8080"
WARNING_RGB = "FFFFE066"
ERROR_FILL = PatternFill("solid", fgColor=ERROR_RGB)
WARNING_FILL = PatternFill("solid", fgColor=WARNING_RGB)
HEADER_FILL = PatternFill("solid", fgColor="FFDDEBF7")
AUTHOR = "cashless"
ANNOTATED_SUFFIX = ".kiem-tra"

RESULT_SHEET = {lang: tr("annotate.result-sheet", lang) for lang in LANGS}
MARK_HEADER = {lang: tr("annotate.mark-header", lang) for lang in LANGS}
SEVERITY_LABEL = {
    lang: {s: tr(f"severity.{s}", lang) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for lang in LANGS
}
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2, Severity.FATAL: -1}
_CELL_RE = re.compile(r"^([A-Z]{1,3})(\d+)$")


class AnnotateError(UserError):
    """An annotated copy that cannot be written; the message says why, in both languages."""


@dataclass(frozen=True, slots=True)
class Annotated:
    path: Path
    marked_cells: int  # cells filled and commented
    marked_rows: int  # rows with a mark in the new last column
    listed: int  # problems listed on the result sheet
    rebuilt: bool  # True for .xls / .ods inputs (a new .xlsx from the values)


def output_suffix(kind: str) -> str:
    return ".xlsm" if kind == "xlsm" else ".xlsx"


def annotated_name(path: Path, kind: str | None) -> str:
    """``binh_hoa T6.xlsx`` → ``binh_hoa T6.kiem-tra.xlsx`` (.xlsm stays .xlsm)."""
    return f"{path.stem}{ANNOTATED_SUFFIX}{output_suffix(kind or 'xlsx')}"


def check_output(source: Path, out: Path, kind: str | None) -> None:
    """Refuse an output that would overwrite the roster, or whose extension Excel would refuse."""
    if _same_file(source, out):
        raise AnnotateError("annotate-over-roster", out=out)
    wanted = output_suffix(kind or "xlsx")
    if out.suffix.lower() != wanted:
        raise AnnotateError("annotate-suffix", name=source.name, wanted=wanted, suffix=out.suffix)
    if not out.parent.is_dir():
        raise AnnotateError("output-folder-missing", folder=out.parent)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def annotate_copy(report: FileReport, out: Path, lang: Lang) -> Annotated:
    """Write the annotated copy of the roster behind ``report`` to ``out`` (atomically)."""
    if report.error is not None or report.sheet is None:
        raise AnnotateError("annotate-unreadable", name=report.path.name)
    kind = report.kind or "xlsx"
    check_output(report.path, out, kind)
    if (refused := merge_refusal(report.path, kind)) is not None:  # before openpyxl loads it
        raise AnnotateError(refused.code, **refused.params)
    rebuilt = kind in ("xls", "ods")
    cached: dict[str, dict[str, Any]] = {}
    try:
        titles: dict[str, str] = {}  # a rebuilt sheet's title, where Excel's rules changed it
        if rebuilt:
            wb, titles = _rebuild(report.path)
        else:
            wb = openpyxl.load_workbook(report.path, keep_vba=kind == "xlsm", keep_links=True)
            cached = _cached_formula_values(report.path, wb)
    except ReadError as exc:
        raise AnnotateError("annotate-reopen-failed", name=report.path.name, error=exc) from exc
    except Exception as exc:  # openpyxl raises many kinds of errors on odd files
        raise AnnotateError(
            "annotate-open-failed", name=report.path.name, error=f"{type(exc).__name__}: {exc}"
        ) from exc

    ws = wb[titles.get(report.sheet, report.sheet)]
    marked_cells = _mark_cells(ws, report.issues, lang)
    marked_rows = _mark_rows(ws, report, lang)
    grow_to_fit(ws, report.header_row or 1, tr("doc.page-footer", lang))
    listed = _result_sheet(wb, report, lang, rebuilt)

    try:
        buffer = io.BytesIO()
        wb.save(buffer)
        data = buffer.getvalue()
        if cached:  # worksheet part names are given out by openpyxl while saving
            paths = {sheet.title: sheet.path.lstrip("/") for sheet in wb.worksheets}
            data = _restore_cached_values(
                data, {paths[t]: v for t, v in cached.items() if t in paths}
            )
        write_bytes(out, data)  # a temporary name in the same folder, then os.replace
    except OSError as exc:
        raise AnnotateError("annotate-write-failed", out=out, error=exc) from exc
    return Annotated(out, marked_cells, marked_rows, listed, rebuilt)


# ---- marks on the roster sheet --------------------------------------------------------------


def _mark_cells(ws: Any, issues: list[Problem], lang: Lang) -> int:
    by_cell: dict[str, list[Problem]] = defaultdict(list)
    for p in issues:
        if p.cell and p.sheet == ws.title:
            by_cell[p.cell].append(p)
    labels = SEVERITY_LABEL[lang]
    fix = tr("annotate.how-to-fix", lang)
    for address, problems in by_cell.items():
        problems.sort(key=lambda p: _RANK[p.severity])
        cell = _anchor(ws, address)
        worst = problems[0].severity
        cell.fill = ERROR_FILL if worst is Severity.ERROR else WARNING_FILL
        parts = [
            f"[{labels[p.severity]}] {p.message(lang)}\n{fix}: {p.hint(lang)} ({p.code})"
            for p in problems
        ]
        text = "\n\n".join(parts)
        if cell.comment is not None and cell.comment.author != AUTHOR:
            own = tr("annotate.earlier-comment", lang)
            text += f"\n\n— {own}: {cell.comment.text}"
        cell.comment = _comment(text)
    return len(by_cell)


def _anchor(ws: Any, address: str) -> Any:
    """The cell at ``address``; inside a merged range, its top-left cell (the one shown)."""
    cell = ws[address]
    if isinstance(cell, MergedCell):
        for merged in ws.merged_cells.ranges:
            if address in merged:
                return ws.cell(merged.min_row, merged.min_col)
    return cell


def _comment(text: str) -> Comment:
    text = clean_str(text)
    lines = sum(1 + len(line) // 48 for line in text.splitlines())
    return Comment(text, AUTHOR, height=min(600, 20 + 15 * lines), width=340)


def _last_used_column(ws: Any) -> int:
    """The last column with a value, from the cells the sheet has (``iter_rows`` would create
    every empty cell of the used rectangle first)."""
    return max(
        (c for (_, c), cell in ws._cells.items() if cell.value is not None and cell.value != ""),
        default=0,
    )


def _mark_rows(ws: Any, report: FileReport, lang: Lang) -> int:
    """One mark per beneficiary row with problems, in a new column after the last used one."""
    data_rows = {rec.row for rec in report.records}
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for p in report.issues:
        if p.row in data_rows and p.sheet == ws.title:
            counts[p.row][0 if p.severity is Severity.ERROR else 1] += 1
    header_row = report.header_row or 1
    header_text = MARK_HEADER[lang]
    column = None
    for c in range(1, (ws.max_column or 0) + 1):  # a previous annotation's column: reuse it
        if ws.cell(header_row, c).value == header_text:
            column = c
            for r in data_rows:
                if not isinstance(ws.cell(r, c), MergedCell):
                    ws.cell(r, c).value = None
            break
    if column is None:
        column = _last_used_column(ws) + 1
    head = ws.cell(header_row, column)
    if isinstance(head, MergedCell):
        return 0
    put(head, header_text)
    head.font = Font(bold=True)
    head.fill = HEADER_FILL
    head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.column_dimensions[get_column_letter(column)].width = 22
    for row, (errors, warnings) in sorted(counts.items()):
        cell = ws.cell(row, column)
        if isinstance(cell, MergedCell):
            continue
        put(cell, _mark_text(errors, warnings, lang))
        cell.fill = ERROR_FILL if errors else WARNING_FILL
    return len(counts)


def _mark_text(errors: int, warnings: int, lang: Lang) -> str:
    parts = []
    if lang == "vi":
        if errors:
            parts.append(f"{errors} lỗi")
        if warnings:
            parts.append(f"{warnings} cảnh báo")
        return "✗ " + ", ".join(parts)
    if errors:
        parts.append(f"{errors} error" + ("s" if errors > 1 else ""))
    if warnings:
        parts.append(f"{warnings} warning" + ("s" if warnings > 1 else ""))
    return "✗ " + ", ".join(parts)


# ---- the result sheet -----------------------------------------------------------------------


def _result_sheet(wb: Any, report: FileReport, lang: Lang, rebuilt: bool) -> int:
    title = RESULT_SHEET[lang]
    for name in RESULT_SHEET.values():  # a previous annotation's sheet: replace it
        if name in wb.sheetnames:
            del wb[name]
    ws = wb.create_sheet(title, 0)
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0
    vi = lang == "vi"
    labels = SEVERITY_LABEL[lang]
    bold = Font(bold=True)

    put(ws.cell(1, 1), tr("annotate.roster-check-results", lang)).font = Font(bold=True, size=14)
    ws.row_dimensions[1].height = fit.height(1, 14)
    facts: list[tuple[str, Any]] = [
        (tr("annotate.file", lang), report.path.name),
        (tr("annotate.commune", lang), report.commune or "?"),
        (tr("annotate.month", lang), vnformat.month(str(report.month)) if report.month else "?"),
        (tr("annotate.sheet", lang), report.sheet),
        (tr("annotate.header-row", lang), report.header_row),
        (tr("annotate.beneficiary-rows", lang), report.rows),
        (tr("annotate.rows-with-errors", lang), report.rows_with_errors),
        (tr("annotate.errors", lang), report.count(Severity.ERROR)),
        (tr("annotate.warnings", lang), report.count(Severity.WARNING)),
        (tr("annotate.notes", lang), report.count(Severity.INFO)),
    ]
    r = 3
    for label, value in facts:  # the label spills over the empty column B
        put(ws.cell(r, 1), label).font = bold
        put(ws.cell(r, 3), value).alignment = Alignment(horizontal="left")
        r += 1
    r += 1
    explain = tr("annotate.cells-with-an-error-are", lang)
    put(ws.cell(r, 1), explain)
    r += 1
    if rebuilt:
        note = tr("annotate.the-original-is-an-file", lang, kind_name=report.kind)
        put(ws.cell(r, 1), note).font = Font(bold=True, color="FFC00000")
        r += 1
    r += 1

    heads = (
        ("Ô", "Dòng", "Cột", "Mức độ", "Vấn đề", "Mã", "Nội dung", "Cách sửa", "Giá trị")
        if vi
        else (
            "Cell",
            "Row",
            "Column",
            "Severity",
            "Problem",
            "Code",
            "Message",
            "How to fix",
            "Value",
        )
    )  # the problem's title in the reader's words, then its code for `cashless explain CODE`
    widths = [9.0, 12, 22, 11, 26, 24, 56, 48, 20]  # A:B hold the facts' labels
    table_top = r
    for c, (text, width) in enumerate(zip(heads, widths, strict=True), start=1):
        cell = put(ws.cell(r, c), text)
        cell.font = bold
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(c)].width = width
    r += 1
    ordered = sorted(report.problems, key=_order)
    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    for p in ordered:
        cell = put(ws.cell(r, 1), p.cell or "")
        if p.cell and p.sheet:
            target = f"{quote_sheetname(p.sheet)}!{p.cell}"
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=target, display=p.cell)
            cell.font = Font(color="FF0563C1", underline="single")
        put(ws.cell(r, 2), p.row)
        put(ws.cell(r, 3), p.header or p.column or "")
        sev = put(ws.cell(r, 4), labels.get(p.severity, str(p.severity)))
        fill = {Severity.ERROR: ERROR_FILL, Severity.WARNING: WARNING_FILL}.get(p.severity)
        if fill is not None:
            sev.fill = cell.fill = fill
        put(ws.cell(r, 6), p.code)
        message, hint = p.message(lang), p.hint(lang)
        problem = problem_type(p.code).title(lang)
        put(ws.cell(r, 5), problem).alignment = wrap
        put(ws.cell(r, 7), message).alignment = wrap
        put(ws.cell(r, 8), hint).alignment = wrap
        put(ws.cell(r, 9), _shown(p.value))
        for c in (1, 2, 4, 6):
            ws.cell(r, c).alignment = top
        for c in (3, 9):
            ws.cell(r, c).alignment = wrap
        texts = {3: str(p.header or p.column or ""), 5: problem, 7: message, 8: hint}
        texts[9] = str(_shown(p.value))
        code_width = fit.width_for(p.code, 11) * SLACK
        widths[5] = max(widths[5], code_width)
        lines = max(_lines(t, widths[c - 1]) for c, t in texts.items())
        # Excel and LibreOffice do not grow a row for wrapped text on their own
        ws.row_dimensions[r].height = fit.height(lines)
        r += 1
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    if not ordered:
        put(ws.cell(r, 1), tr("annotate.no-problems-found", lang))
    else:
        ws.auto_filter.ref = f"A{table_top}:{get_column_letter(len(heads))}{r - 1}"
    ws.freeze_panes = f"A{table_top + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{table_top}:{table_top}"
    ws.page_margins.bottom = 0.75
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = tr("doc.page-footer", lang)
    return len(ordered)


def _lines(text: str, width: float) -> int:
    """Lines of ``text`` wrapped in a column of ``width`` (Calibri 11, as Carlito prints it)."""
    return fit.lines(text, width / SLACK, 11)


def _order(p: Problem) -> tuple[int, int, int, str]:
    info = 1 if p.severity is Severity.INFO else 0
    row = p.row if p.row is not None else 0
    return (info, row, _column_index(p.cell), p.code)


def _column_index(cell: str | None) -> int:
    if not cell:
        return 0
    m = _CELL_RE.match(cell)
    return column_index(m.group(1)) + 1 if m else 0


def _shown(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**15:
        return int(value)
    if isinstance(value, str | int | float | dt.date) or value is None:
        return value
    return str(value)


# ---- .xls / .ods: rebuild from the values the reader saw ------------------------------------


def _rebuild(path: Path) -> tuple[Any, dict[str, str]]:
    """The workbook rebuilt from the values the reader saw, and each sheet's title in it (an
    .ods title may break Excel's rules: :func:`sheet_title`)."""
    book = Workbook(path)
    titles: dict[str, str] = {}
    try:
        wb = openpyxl.Workbook()
        first = wb.active
        used = {*RESULT_SHEET.values(), *(ws.title for ws in wb.worksheets)}
        for name in book.sheet_names:
            sheet = book.sheet(name)
            titles[name] = sheet_title(name, used)
            ws = wb.create_sheet(titles[name])
            for r, row in enumerate(sheet.rows, start=1):
                for c, value in enumerate(row, start=1):
                    if value is None or value == "":
                        continue
                    put(ws.cell(r, c), value)
            for (r0, c0), (r1, c1) in sheet.merged:
                if (r0, c0) != (r1, c1):
                    ws.merge_cells(
                        start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1
                    )
            if not sheet.visible or name == META_SHEET:
                ws.sheet_state = "hidden"
        if first is not None:
            wb.remove(first)
        return wb, titles
    finally:
        book.close()


# ---- formulas: put back the cached results openpyxl drops -----------------------------------


def _cached_formula_values(path: Path, wb: Any) -> dict[str, dict[str, Any]]:
    """Sheet title → {A1: (cached value, data type)} of the formula cells with a cached value."""
    formulas: dict[str, list[str]] = {}
    for ws in wb.worksheets:  # the cells each sheet has (iter_rows would create the empty ones)
        cells = [
            cell.coordinate
            for cell in ws._cells.values()
            if cell.data_type == "f" and isinstance(cell.value, str)
        ]
        if cells:
            formulas[ws.title] = cells
    if not formulas:
        return {}
    values = openpyxl.load_workbook(path, data_only=True, read_only=True, keep_links=False)
    try:
        out: dict[str, dict[str, Any]] = {}
        for title, cells in formulas.items():
            wanted = set(cells)
            found: dict[str, Any] = {}
            for row in values[title].iter_rows():
                for cell in row:
                    coordinate = getattr(cell, "coordinate", None)
                    if coordinate in wanted and cell.value is not None:
                        found[coordinate] = (cell.value, cell.data_type)
            out[title] = found
        return out
    finally:
        values.close()


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v></v>)</c>')


def _restore_cached_values(data: bytes, by_part: dict[str, dict[str, Any]]) -> bytes:
    """The saved workbook with its formula cells carrying their cached results again."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        infos = src.infolist()
        parts = {info.filename: src.read(info.filename) for info in infos}
    for part, values in by_part.items():
        if not values or part not in parts:
            continue
        xml = parts[part].decode("utf-8")

        def repl(m: re.Match[str], values: dict[str, Any] = values) -> str:
            address, attrs, formula = m.group(1), m.group(2), m.group(3)
            if address not in values:
                return m.group(0)
            kind, text = _xml_value(*values[address])
            attrs = re.sub(r'\s+t="[^"]*"', "", attrs)
            type_attr = f' t="{kind}"' if kind else ""
            return f'<c r="{address}"{attrs}{type_attr}><f>{formula}</f><v>{text}</v></c>'

        parts[part] = _FORMULA_CELL.sub(repl, xml).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            dst.writestr(info, parts[info.filename])
    return out.getvalue()


def _xml_value(value: Any, data_type: str) -> tuple[str, str]:
    """A cached result as (cell type attribute, <v> text)."""
    if data_type == "e":
        return "e", escape(str(value))
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, int | float):
        return "", repr(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return "", repr(float(to_excel(value)))
    return "str", escape(str(value))


def outputs_in(folder: Path, reports: list[FileReport]) -> list[Path]:
    """One annotated copy per report in ``folder``; two inputs with the same name get -2, -3…"""
    used: set[str] = set()
    out: list[Path] = []
    for report in reports:
        name = annotated_name(report.path, report.kind)
        stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
        n = 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}{suffix}"
        used.add(name.lower())
        out.append(folder / name)
    return out
