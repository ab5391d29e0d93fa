"""Formula cells saved without their computed value.

Files saved by tools that do not calculate (or by scripts) keep the formula but no cached value;
every reader then sees an empty cell. We say so at the cell instead of calling it empty.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from cashless_cli.read.fonts import sheet_member

_CHUNK = 1 << 20
_FORMULA_NO_VALUE = re.compile(
    rb"<(?:\w+:)?c\b([^>]*?)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_REF = re.compile(rb"\br=[\"']([A-Z]{1,3})([0-9]{1,7})[\"']")


def _column_index(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + (byte - 64)
    return number - 1


def formulas_without_value(path: Path, sheet_name: str) -> set[tuple[int, int]]:
    """0-based (row, col) of the formula cells of an xlsx sheet that carry no cached value."""
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as zf:
            member = sheet_member(zf, sheet_name)
            if member is None:
                return found
            with zf.open(member) as stream:
                tail = b""
                while chunk := stream.read(_CHUNK):
                    window = tail + chunk
                    if b"<f" in window or b":f" in window:
                        for m in _FORMULA_NO_VALUE.finditer(window):
                            ref = _REF.search(m.group(1))
                            if ref:
                                found.add((int(ref.group(2)) - 1, _column_index(ref.group(1))))
                    tail = window[-4096:]
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return found  # the guards have vetted the file; this is only a hint
    return found
