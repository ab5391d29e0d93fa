"""Merged cells a workbook may hold before ``--annotate`` loads it with openpyxl.

openpyxl turns every cell of a merged range into an object when it loads a sheet: one
``A1:XFD1048576`` merge takes gigabytes, and 50,000 nested merges run for many minutes.
python-calamine, which validation uses, only lists the ranges, so validation reads such a file
as usual; the annotated copy is refused before openpyxl sees it, naming the file, the sheet and
the range.

:func:`merge_verdict` is the rule (pure: ranges in, the first broken limit out);
:func:`merge_refusal` applies it to a file: for xlsx/xlsm, each worksheet's ``<mergeCells>`` is
read from the zip with the guards' bounded streams, from where the element starts (the cells
before it are skipped with a byte search); for xls/ods, the ranges python-calamine lists.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from cashless_cli.problems import Phrase, ReadError, Text
from cashless_cli.read.a1 import a1, column_index
from cashless_cli.read.guards import read_file
from cashless_cli.read.guards.base import DEFAULT_LIMITS
from cashless_cli.read.guards.xmlscan import new_tail
from cashless_cli.read.guards.zipread import Budget, stream_member
from cashless_cli.read.parts import sheet_of, sheet_parts

__all__ = ["MergeLimits", "Refusal", "merge_refusal", "merge_verdict"]

#: The catalogue code of the refusal.
CODE = "annotate-merges-too-large"

#: (first row, first column, last row, last column), 0-based and inclusive.
Range = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class MergeLimits:
    """What a sheet's merges may cost openpyxl. Real rosters merge titles, headers and a few
    cells per person: a few thousand ranges of a few cells each."""

    #: cells of one merged range
    max_cells_one: int = 1_000_000
    #: cells of all merged ranges of a sheet together
    max_cells_total: int = 4_000_000
    #: merged ranges of a sheet
    max_ranges: int = 10_000


DEFAULT_MERGE_LIMITS = MergeLimits()


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a workbook is not annotated: the catalogue code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def _ref(r: Range) -> str:
    return f"{a1(r[0], r[1])}:{a1(r[2], r[3])}"


def merge_verdict(
    ranges: Iterable[Range], limits: MergeLimits = DEFAULT_MERGE_LIMITS
) -> tuple[str, str, int, int] | None:
    """The first limit ``ranges`` break, as (why, the range, the figure, the limit) — why is
    ``one``, ``total`` or ``count`` — or None. Stops at the first broken limit (a generator of
    ranges is not read further)."""
    total = 0
    for count, r in enumerate(ranges, 1):
        cells = (abs(r[2] - r[0]) + 1) * (abs(r[3] - r[1]) + 1)
        if cells > limits.max_cells_one:
            return "one", _ref(r), cells, limits.max_cells_one
        total += cells
        if total > limits.max_cells_total:
            return "total", _ref(r), total, limits.max_cells_total
        if count > limits.max_ranges:
            return "count", _ref(r), count, limits.max_ranges
    return None


_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCells\b")


def _parse_ref(ref: str) -> Range | None:
    """ "B2:D5" (or "B2", or "$B$2:$D$5") → 0-based inclusive corners; None if not an area."""
    corners = []
    for part in ref.strip().split(":", 1):
        m = _CELL.fullmatch(part.strip())
        if m is None:
            return None
        corners.append((int(m.group(2)) - 1, column_index(m.group(1).upper())))
    if len(corners) == 1:
        corners.append(corners[0])
    (r0, c0), (r1, c1) = corners
    return r0, c0, r1, c1


class _Enough(Exception):
    pass


class _MergeReader:
    """Fed a worksheet part in chunks: the ranges of its ``<mergeCell ref>`` elements, at most
    ``most`` of them (then :attr:`done`: the rest is not read)."""

    def __init__(self, most: int) -> None:
        self.ranges: list[Range] = []
        self.done = False
        self._most = most
        self._tail = b""
        self._parser: Any = None

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name.rsplit(":", 1)[-1] == "mergeCell":
            parsed = _parse_ref(attrs.get("ref", ""))
            if parsed is not None:
                self.ranges.append(parsed)
                if len(self.ranges) >= self._most:
                    raise _Enough

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        if self._parser is None:
            window = self._tail + chunk
            m = _START.search(window)
            if m is None:
                self._tail = new_tail(self._tail, chunk, 256)
                return
            self._parser = expat.ParserCreate()
            self._parser.StartElementHandler = self._start
            self._parser.Parse(b"<merges>", False)
            chunk = window[m.start() :]
        try:
            self._parser.Parse(chunk, False)
        except (_Enough, expat.ExpatError):  # enough, the part's end (</worksheet>), or damage
            self.done = True


def _worksheets(data: bytes, where: str, most: int) -> Iterator[tuple[str, Iterable[Range]]]:
    """(sheet name, its merged ranges) of each worksheet of an xlsx/xlsm's bytes."""
    f = io.BytesIO(data)
    try:
        infos = zipfile.ZipFile(f).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return
    by_name = {info.filename: info for info in infos}

    def small(name: str) -> bytes:
        info = by_name.get(name)
        return b"".join(stream_member(f, info, where, None, 16 << 20)) if info else b""

    parts = sheet_parts(small("xl/workbook.xml"), small("xl/_rels/workbook.xml.rels"))
    members = {n for n in by_name if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)}
    members |= set(parts.values()) & set(by_name)
    budget = Budget(DEFAULT_LIMITS, where)
    for member in sorted(members):
        reader = _MergeReader(most)
        for chunk in stream_member(f, by_name[member], where, budget):
            reader.feed(chunk)
            if reader.done:
                break
        yield sheet_of(parts, member), reader.ranges


def _calamine_sheets(path: Path) -> Iterator[tuple[str, Iterable[Range]]]:
    """(sheet name, its merged ranges) of an xls/ods, as python-calamine lists them."""
    from cashless_cli.read.workbook import Workbook

    book = Workbook(path)
    try:
        for name in book.sheet_names:
            merged = book.sheet(name).merged
            yield name, [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merged]
    finally:
        book.close()


def _number(n: int) -> Text:
    """12,345 in English, 12.345 in Vietnamese."""
    return Text(f"{n:,}", f"{n:,}".replace(",", "."))


def merge_refusal(
    path: Path, kind: str, limits: MergeLimits = DEFAULT_MERGE_LIMITS
) -> Refusal | None:
    """Why the workbook at ``path`` must not be loaded for annotating (its merges), or None.
    A file the guards refuse is left to the caller's own reading (None here)."""
    try:
        if kind in ("xlsx", "xlsm"):
            sheets: Iterable[tuple[str, Iterable[Range]]] = _worksheets(
                read_file(path), str(path), limits.max_ranges + 1
            )
        else:
            sheets = _calamine_sheets(path)
        for sheet, ranges in sheets:
            verdict = merge_verdict(ranges, limits)
            if verdict is not None:
                why, ref, figure, limit = verdict
                return Refusal(
                    CODE,
                    {
                        "name": path.name,
                        "sheet": sheet,
                        "range": ref,
                        "why": Phrase(
                            f"merges.{why}", {"n": _number(figure), "limit": _number(limit)}
                        ),
                    },
                )
    except ReadError:
        return None
    return None
