"""Does a document we write print cleanly? The workbook is measured with the real font metrics of
the fonts LibreOffice prints it with, and its PDF (from :mod:`libreoffice`) is read back.

:func:`check_document` returns what is wrong, one readable line per finding (sheet and cell
named), and nothing when the document is clean:

- ``###`` anywhere in the PDF's text (a number or date wider than its column);
- a page that is not A4; a blank page; a page holding only a table's header row;
- text wider than its cell where it does not wrap and cannot spill into empty neighbours
  (a cut label), a number or date wider than its cell;
- a wrapped cell whose single word (a reference code, an ID, an account number) is wider than the
  column, so that it breaks; a row lower than the lines of its wrapped text;
- a sheet that prints on more than one page without repeated header rows (print titles).

Widths: a column of width ``w`` (Excel's unit, characters of the default 11 pt Calibri,
7 px each) is ``w * 7`` px = ``w * 5.25`` pt; text is measured with Pillow on the TrueType file
``fc-match`` gives for the cell's font (Times New Roman → Liberation Serif, Calibri → Carlito,
metric-compatible). Rows without a height set are taken at the sheet's default height: Excel
does not grow them when the file opens.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.utils import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet
from PIL import ImageFont

PT_PER_WIDTH = 5.25  # one unit of column width (7 px at 96 dpi) in points
DEFAULT_WIDTH = 8.43 + 5 / 7  # Excel's default column: 8.43 characters and the padding
PADDING = 3.0  # points LibreOffice keeps between a cell's text and its borders (both sides)
INDENT = 6.0  # points per indent level (LibreOffice imports one level as ~ 2 mm)
LINE = 1.15  # line height in ems (Liberation Serif / Carlito: ascent + descent + gap)
A4 = (595.3, 841.9)  # points
FOOTER = re.compile(r"^\s*(Trang|Page)\s+\d+\s*/\s*\d+\s*$")
_MEASURE = 100.0  # measure at 100 pt, scale down (Pillow rounds small sizes)


@dataclass(frozen=True, slots=True)
class Box:
    """Where a cell's text goes: its width (pt, after padding and indent), height (pt)."""

    width: float
    height: float


# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------


@functools.cache
def font_file(name: str, bold: bool, italic: bool) -> str:
    """The TrueType file LibreOffice uses for ``name`` (fontconfig's substitute)."""
    exe = shutil.which("fc-match")
    if exe is None:
        raise RuntimeError("fc-match (fontconfig) is not installed: cannot find fonts")
    style = ":bold" * bold + ":italic" * italic
    out = subprocess.run(
        [exe, f"{name}{style}", "file"], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    return out.split("=", 1)[1].strip()


@functools.cache
def _font(name: str, bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(name, bold, italic), size=int(_MEASURE))


def text_width(
    text: str, name: str = "Calibri", size: float = 11, bold: bool = False, italic: bool = False
) -> float:
    """The width of one line of ``text`` in points."""
    return _font(name, bold, italic).getlength(text) * size / _MEASURE


def _cell_font(cell: Cell) -> tuple[str, float, bool, bool]:
    f = cell.font
    return (f.name or "Calibri", float(f.sz or 11), bool(f.b), bool(f.i))


# ---------------------------------------------------------------------------------------------
# What a cell shows
# ---------------------------------------------------------------------------------------------


def shown(cell: Cell) -> str:
    """The text LibreOffice prints for the cell's value (the number formats we use)."""
    value, fmt = cell.value, cell.number_format or "General"
    if isinstance(value, dt.datetime | dt.date):
        text = fmt.upper().replace("DD", "%d").replace("MM", "%m", 1).replace("YYYY", "%Y")
        text = text.replace("HH", "%H").replace(":MM", ":%M").replace("SS", "%S")
        return value.strftime(text)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and "\\." in fmt:  # Vietnamese groups: literal dots
        grouped_vi = f"{abs(round(value)):,}".replace(",", ".")
        return ("-" if value < 0 else "") + grouped_vi
    if isinstance(value, int | float):
        decimals = len(fmt.split(".")[1].split(";")[0]) if "." in fmt else 0
        grouped = "," in fmt
        body = f"{abs(value):,.{decimals}f}" if grouped else f"{abs(value):.{decimals}f}"
        if fmt == "General" and isinstance(value, float) and not value.is_integer():
            body = repr(abs(value))
        sign = "-" if value < 0 else ("+" if fmt.startswith("+") and value > 0 else "")
        return sign + body
    return "" if value is None else str(value)


def wrap_lines(text: str, width: float, font: tuple[str, float, bool, bool]) -> list[str]:
    """Greedy word wrap of ``text`` into ``width`` points (as LibreOffice breaks at spaces)."""
    name, size, bold, italic = font
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, name, size, bold, italic) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


# ---------------------------------------------------------------------------------------------
# The workbook
# ---------------------------------------------------------------------------------------------


def _col_widths(ws: Worksheet, last: int) -> list[float]:
    """Width in points of columns 1..last (index 0 unused); hidden columns are 0."""
    default = ws.sheet_format.defaultColWidth or DEFAULT_WIDTH
    widths = [0.0] + [default * PT_PER_WIDTH] * last
    for dim in ws.column_dimensions.values():
        lo, hi = dim.min or 0, dim.max or 0
        for c in range(max(lo, 1), min(hi, last) + 1):
            width = dim.width if dim.customWidth or dim.width else default
            widths[c] = 0.0 if dim.hidden else width * PT_PER_WIDTH
    return widths


def _row_height(ws: Worksheet, row: int) -> float:
    dim = ws.row_dimensions.get(row)
    if dim is not None and dim.hidden:
        return 0.0
    if dim is not None and dim.height is not None:
        return float(dim.height)
    return float(ws.sheet_format.defaultRowHeight or 15)


def print_range(ws: Worksheet) -> tuple[int, int, int, int]:
    """(min_col, min_row, max_col, max_row) of what prints."""
    area = ws.print_area
    if area:
        first = str(area).split(",")[0]
        ref = first.split("!")[-1].replace("$", "")
        c1, r1, c2, r2 = range_boundaries(ref)
        return int(c1 or 1), int(r1 or 1), int(c2 or ws.max_column), int(r2 or ws.max_row)
    return 1, 1, ws.max_column, ws.max_row


def _title_rows(ws: Worksheet) -> tuple[int, int] | None:
    titles = ws.print_title_rows
    if not titles:
        return None
    ref = str(titles).split(",")[0].split("!")[-1].replace("$", "")
    first, last = ref.split(":")
    return int(first), int(last)


def _printable(ws: Worksheet) -> tuple[float, float]:
    """Printable width and height of the page in points."""
    w, h = A4 if ws.page_setup.orientation != "landscape" else (A4[1], A4[0])
    m = ws.page_margins
    return w - 72 * (m.left + m.right), h - 72 * (m.top + m.bottom)


def check_sheet(ws: Worksheet) -> list[str]:
    """Everything that would print badly in ``ws`` (see the module doc)."""
    c1, r1, c2, r2 = print_range(ws)
    widths = _col_widths(ws, max(c2, ws.max_column) + 1)
    merged: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = (rng.min_col, rng.min_row, rng.max_col, rng.max_row)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                covered.add((r, c))
    findings: list[str] = []
    for row in ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2):
        for cell in row:
            if cell.value is None or str(cell.value) == "":
                continue
            r, c = int(cell.row), int(cell.column)
            mc1, mr1, mc2, mr2 = merged.get((r, c), (c, r, c, r))
            if (r, c) in covered and (r, c) not in merged:
                continue  # inside a merged range: not shown
            width = sum(widths[mc1 : mc2 + 1])
            height = sum(_row_height(ws, x) for x in range(mr1, mr2 + 1))
            if width == 0 or height == 0:
                continue
            problem = _check_cell(ws, cell, width, height, (mc1, mc2), widths, c1, c2, covered)
            if problem:
                findings.append(f"{ws.title}!{cell.coordinate}: {problem}")
    findings += _check_pages(ws, widths, c1, c2, r1, r2)
    return findings


def _check_cell(
    ws: Worksheet,
    cell: Cell,
    width: float,
    height: float,
    span: tuple[int, int],
    widths: list[float],
    first_col: int,
    last_col: int,
    covered: set[tuple[int, int]],
) -> str | None:
    text = shown(cell)
    font = _cell_font(cell)
    name, size, bold, italic = font
    align = cell.alignment
    inner = width - PADDING - INDENT * float(align.indent or 0)
    is_number = isinstance(cell.value, int | float | dt.date) and not isinstance(cell.value, bool)
    if align.wrap_text and not is_number:
        for word in text.replace("\n", " ").split(" "):
            if text_width(word, name, size, bold, italic) > inner:
                return f"{word!r} is wider than its column and breaks ({inner:.0f} pt)"
        lines = wrap_lines(text, inner, font)
        need = len(lines) * LINE * size
        if need > height + 0.5:
            return (
                f"{len(lines)} lines of {text[:40]!r} need {need:.0f} pt, the row is {height:.0f}"
            )
        return None
    if LINE * size > height + 0.5:
        return f"{text[:40]!r} ({size:g} pt) is taller than its row ({height:.0f} pt)"
    need = text_width(text.split("\n")[0], name, size, bold, italic)
    if need <= inner:
        return None
    if is_number:
        return f"{text!r} is wider than its column and prints as ###"
    spill = _spill(ws, cell, span, widths, first_col, last_col, covered)
    if need <= inner + spill:
        return None
    return f"{text[:60]!r} is cut: {need:.0f} pt of text in {inner + spill:.0f} pt"


def _spill(
    ws: Worksheet,
    cell: Cell,
    span: tuple[int, int],
    widths: list[float],
    first_col: int,
    last_col: int,
    covered: set[tuple[int, int]],
) -> float:
    """How far unwrapped text may run into empty cells beside it (not merged, in print)."""
    if span[0] != span[1]:
        return 0.0  # text in merged cells stays in them
    r = int(cell.row)
    horizontal = cell.alignment.horizontal or "general"

    def free(step: int) -> float:
        total, c = 0.0, span[0] + step
        while first_col <= c <= last_col:
            other = ws.cell(r, c)
            if (other.value is not None and str(other.value) != "") or (r, c) in covered:
                break
            total += widths[c]
            c += step
        return total

    if horizontal in ("general", "left", "justify", "fill"):
        return free(1)
    if horizontal == "right":
        return free(-1)
    return 2 * min(free(1), free(-1))


def _check_pages(
    ws: Worksheet, widths: list[float], c1: int, c2: int, r1: int, r2: int
) -> list[str]:
    """A sheet taller than one page must repeat its header row(s)."""
    table_width = sum(widths[c1 : c2 + 1])
    page_w, page_h = _printable(ws)
    fit = bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    if fit and ws.page_setup.fitToWidth:
        scale = min(1.0, page_w / table_width) if table_width else 1.0
    else:
        scale = (ws.page_setup.scale or 100) / 100
    tall = sum(_row_height(ws, r) for r in range(r1, r2 + 1)) * scale
    if fit and ws.page_setup.fitToHeight == 1:
        tall = 0.0  # shrunk onto one page
    findings = []
    footer = ws.oddFooter
    if any(part.text for part in (footer.left, footer.center, footer.right)):
        room = 72 * (ws.page_margins.bottom - ws.page_margins.footer)
        if room < 14:
            findings.append(f"{ws.title}: the page footer is cut ({room:.0f} pt below the table)")
    if tall > page_h and _title_rows(ws) is None:
        findings.append(f"{ws.title}: prints on more than one page without repeated header rows")
    if not fit and table_width * scale > page_w + 1:
        findings.append(f"{ws.title}: wider than the page and not fit to its width")
    return findings


def header_texts(wb: openpyxl.Workbook) -> set[str]:
    """The words of every sheet's repeated header rows (to spot pages holding only those)."""
    words: set[str] = set()
    for ws in wb.worksheets:
        rows = _title_rows(ws)
        if rows is None:
            continue
        for row in ws.iter_rows(min_row=rows[0], max_row=rows[1]):
            for cell in row:
                if cell.value is not None:
                    words.update(shown(cell).split())
    return words


def check_workbook(path: Path) -> tuple[list[str], set[str]]:
    """Findings of every visible sheet, and the header words (for :func:`check_pdf`)."""
    wb = openpyxl.load_workbook(path)
    findings: list[str] = []
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            findings += check_sheet(ws)
    return findings, header_texts(wb)


# ---------------------------------------------------------------------------------------------
# The PDF
# ---------------------------------------------------------------------------------------------


def _poppler(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        raise RuntimeError(f"poppler ({tool}) is not installed")
    return exe


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(
        [_poppler("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        [_poppler("pdfinfo"), "-f", "1", "-l", "100000", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    sizes = re.findall(r"^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", out, re.MULTILINE)
    return [(float(w), float(h)) for w, h in sizes]


def check_pdf(pdf: Path, headers: set[str]) -> list[str]:
    findings: list[str] = []
    for i, (w, h) in enumerate(page_sizes(pdf), start=1):
        if not _is_a4(w, h):
            findings.append(f"page {i}: {w:.0f} x {h:.0f} pt, not A4")
    for i, text in enumerate(page_texts(pdf), start=1):
        if "###" in text:
            line = next(x for x in text.splitlines() if "###" in x).strip()
            findings.append(f"page {i}: ### printed ({line[:80]!r})")
        body = [x for x in text.splitlines() if x.strip() and not FOOTER.match(x)]
        if not body:
            findings.append(f"page {i}: blank page")
        elif headers and set(" ".join(body).split()) <= headers:
            findings.append(f"page {i}: holds only a table's header row")
    return findings


def _is_a4(w: float, h: float) -> bool:
    short, long_ = sorted((w, h))
    return abs(short - A4[0]) < 2 and abs(long_ - A4[1]) < 2


def check_document(xlsx: Path, pdf: Path) -> list[str]:
    """What prints badly in ``xlsx`` (rendered as ``pdf``); empty when it prints cleanly."""
    findings, headers = check_workbook(xlsx)
    return findings + check_pdf(pdf, headers)
