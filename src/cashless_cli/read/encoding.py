"""Legacy Vietnamese text (TCVN3, VNI) → Unicode, cell by cell, reported once per cell.

The cell's font tells which encoding (xlsx only); elsewhere a character heuristic decides. The
heuristic runs on a sample first (the title rows, the header and the first data rows) so that a
Unicode roster of 100,000 rows is not scanned cell by cell for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashless_cli.normalise.legacy import convert_legacy, detect_legacy
from cashless_cli.normalise.text import clean_text
from cashless_cli.read.fonts import Source, legacy_font_cells
from cashless_cli.read.workbook import Sheet

SAMPLE_ROWS = 300


@dataclass(frozen=True, slots=True)
class Conversion:
    row: int
    col: int
    encoding: str
    original: str
    converted: str


def _sample_has_legacy(sheet: Sheet) -> bool:
    for row in sheet.rows[:SAMPLE_ROWS]:
        for value in row:
            if isinstance(value, str) and value and detect_legacy(value):
                return True
    return False


def convert_sheet(sheet: Sheet, source: Source | None, kind: str) -> list[Conversion]:
    """Convert legacy-encoded text cells of ``sheet`` in place; return what was converted.
    ``source``: the workbook's bytes (or path), for the fonts of its cells."""
    fonts: dict[tuple[int, int], str] = {}
    if source is not None and kind in ("xlsx", "xlsm"):
        fonts = legacy_font_cells(source, sheet.name)
    scan_all = _sample_has_legacy(sheet)
    if not fonts and not scan_all:
        return []
    out: list[Conversion] = []
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if not isinstance(value, str) or not value.strip():
                continue
            hint = fonts.get((r, c))
            if hint is None and not scan_all:
                continue
            converted, used = convert_legacy(value, hint)  # type: ignore[arg-type]
            if used and converted != value:
                row[c] = converted
                out.append(Conversion(r, c, used, value, clean_text(converted) or converted))
    return out
