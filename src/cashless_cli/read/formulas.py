"""Formula cells saved without their computed value.

Files saved by tools that do not calculate (or by scripts) keep the formula but no cached value;
every reader then sees an empty cell. We say so at the cell instead of calling it empty.

The scan is a :class:`FormulaScanner` fed with the sheet's XML in chunks. The file guards
(:mod:`cashless_cli.read.guards`) run it in their single pass over each worksheet part, so
:meth:`cashless_cli.read.workbook.Workbook.formulas_without_value` does not read the file again;
:func:`formulas_without_value` reads one sheet by itself, for callers without a ``Workbook``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from cashless_cli.read.a1 import column_index

# read.fonts is imported where it is used: the guards import this module (for FormulaScanner)
# on every read, and do not need it.

_CHUNK = 1 << 20
_TAIL = 4096  # bytes of the stream kept in front of the next chunk, so a cell may span chunks
#: What may follow a formula element in a cell without value: an empty <v>, then </c>.
_NO_VALUE_END = rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
_FORMULA_NO_VALUE = re.compile(
    rb"<(?:\w+:)?c\b([^>]*?)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)" + _NO_VALUE_END
)
# Cheaper searches, together true wherever _FORMULA_NO_VALUE matches (that one stops at every
# "<"): a match ends its formula element with "</f>" (or "</x:f>": then there is a ":f"), which
# _NO_VALUE_END cannot follow with "<v>" and a non-blank byte, or with "/>", then _NO_VALUE_END.
# Excel writes "</f><v>1</v>" and '<f t="shared" si="0"/><v>1</v>': neither search stops there.
_CLOSED_FORMULA_MAYBE_EMPTY = re.compile(rb"</f>(?!<v>[^<\s])")
_SELF_CLOSED_MAYBE_EMPTY = re.compile(rb"/>" + _NO_VALUE_END)
_REF = re.compile(rb"\br=[\"']([A-Z]{1,3})([0-9]{1,7})[\"']")
#: "f" bytes looked at one by one before falling back to two substring searches.
_F_PROBES = 32


def _has_formula_tag(data: bytes) -> bool:
    """``b"<f" in data or b":f" in data``, in one memchr pass where "f" is rare.

    A formula element starts ``<f`` or ``<prefix:f``. Vietnamese text and the usual cell markup
    hold few "f" bytes, so looking at the byte before each one is much cheaper than two substring
    searches (which stop at every "<"); text full of "f" falls back to them after a few probes.
    """
    at = data.find(b"f", 1)
    for _ in range(_F_PROBES):
        if at < 0:
            return False
        if data[at - 1] in b"<:":
            return True
        at = data.find(b"f", at + 1)
    if at < 0:
        return False
    return data.find(b"<f", at - 1) >= 0 or data.find(b":f", at - 1) >= 0


def _may_lack_value(window: bytes) -> bool:
    """False only where _FORMULA_NO_VALUE cannot match: formulas that all have their value."""
    return bool(
        _CLOSED_FORMULA_MAYBE_EMPTY.search(window)
        or b":f" in window
        or _SELF_CLOSED_MAYBE_EMPTY.search(window)
    )


class FormulaScanner:
    """Collects the formula cells without a cached value of one worksheet's XML, fed in chunks.

    ``cells`` holds their 0-based (row, col). Each chunk is searched together with the last
    4 KiB of what came before, so a cell cut by a chunk boundary is still seen whole.
    """

    def __init__(self) -> None:
        self.cells: set[tuple[int, int]] = set()
        self.tail = b""

    def feed(self, chunk: bytes) -> None:
        tail = self.tail
        # The same window as "tail + chunk", without copying the chunk when it holds no formula.
        if _has_formula_tag(tail + chunk[:1]) or _has_formula_tag(chunk):
            window = tail + chunk
            if _may_lack_value(window):
                for m in _FORMULA_NO_VALUE.finditer(window):
                    ref = _REF.search(m.group(1))
                    if ref:
                        self.cells.add((int(ref.group(2)) - 1, column_index(ref.group(1))))
            self.tail = window[-_TAIL:]
        elif len(chunk) >= _TAIL:
            self.tail = chunk[-_TAIL:]
        else:
            self.tail = (tail + chunk)[-_TAIL:]


def formulas_without_value(path: Path, sheet_name: str) -> set[tuple[int, int]]:
    """0-based (row, col) of the formula cells of an xlsx sheet that carry no cached value.

    Reads the sheet again; with a :class:`~cashless_cli.read.workbook.Workbook` at hand, its
    ``formulas_without_value`` gives the same from the guards' pass instead.
    """
    from cashless_cli.read.fonts import sheet_member

    scanner = FormulaScanner()
    try:
        with zipfile.ZipFile(path) as zf:
            member = sheet_member(zf, sheet_name)
            if member is None:
                return scanner.cells
            with zf.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    scanner.feed(chunk)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return scanner.cells  # the guards have vetted the file; this is only a hint
    return scanner.cells
