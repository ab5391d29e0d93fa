"""One pass over each XML part of a zip workbook, fed in chunks: DTD declarations (refused),
cell and row references beyond the limits (refused), on the way the formula cells saved without a
value, and the well-formedness of the parts that hold cell values.

The reference search is a literal-prefixed regex that only matches rare candidates (none in a
normal sheet with the default limits), so that there is no per-cell Python loop.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from cashless_cli.problems import ReadError
from cashless_cli.read.a1 import column_index, column_letter
from cashless_cli.read.formulas import FormulaScanner
from cashless_cli.read.guards.base import Limits, damaged

HEAD = 64 * 1024  # bytes of a sheet searched for its <dimension> element
TAIL = 256  # bytes of the stream kept in front of the next chunk, so matches may span chunks
_DTD_TAIL = 16  # the same, for the DOCTYPE/ENTITY check of the other parts


class Unsafe(Exception):
    pass


class TooBig(Exception):
    def __init__(self, rows: int, columns: int, last_cell: str, sheet: str = "") -> None:
        super().__init__(last_cell)
        self.rows = rows
        self.columns = columns
        self.last_cell = last_cell
        self.sheet = sheet


def dtd_in(tail: bytes, chunk: bytes, first: bool) -> bool:
    """Whether ``tail + chunk`` holds ``<!DOCTYPE`` (or ``<!ENTITY``, if ``first``).

    Both contain "!", which XML parts rarely do: one memchr over the chunk settles most chunks,
    without joining tail and chunk nor the slower substring search (XML is full of "<"). Where
    there is a "!", the declarations are searched from the first one on.
    """
    if b"!" not in chunk and b"!" not in tail:
        return False
    window = tail + chunk
    start = max(window.find(b"!") - 1, 0)
    return window.find(b"<!DOCTYPE", start) >= 0 or (first and window.find(b"<!ENTITY", start) >= 0)


def new_tail(tail: bytes, chunk: bytes, size: int) -> bytes:
    """The last ``size`` bytes of the stream so far (a short chunk keeps part of the old tail)."""
    return chunk[-size:] if len(chunk) >= size else (tail + chunk)[-size:]


class Scanner:
    """Refuses DTDs: ``<!DOCTYPE`` anywhere, ``<!ENTITY`` in the first chunk."""

    def __init__(self) -> None:
        self.first = True
        self.tail = b""

    def feed(self, chunk: bytes) -> None:
        if dtd_in(self.tail, chunk, self.first):
            raise Unsafe
        self.first = False
        self.tail = new_tail(self.tail, chunk, _DTD_TAIL)

    def close(self) -> None:
        return None


class RefScanner:
    """The regexes that find the rare references beyond the limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        # Numbers with fewer digits than max_rows + 1 cannot exceed it; column names with fewer
        # letters than max_columns + 1 cannot either. The regex only matches the candidates
        # (none at all in a normal sheet with the default limits), which are then checked.
        digits = len(str(limits.max_rows + 1))
        letters = len(column_letter(limits.max_columns))
        # The letters are taken possessively (giving one back cannot let a digit match), and the
        # digits are tried first: the same candidates as with the plain pattern, ~20% faster.
        self.candidate = re.compile(
            rb"r=[\"'](?:[A-Z]{0,3}+[0-9]{%d}|[A-Z]{%d})" % (digits, letters)
        )
        #: The longest candidate match: what a match that starts in the tail may need of the chunk.
        self.span = 3 + max(letters, 3 + digits)
        self.dimension = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"']([^\"']*)[\"']")

    def check_ref(self, ref: bytes) -> tuple[int, int] | None:
        """(row, column) of a reference beyond the limits, else None."""
        m = _REF.fullmatch(ref)
        if m is None:
            return None
        col = column_index(m.group(1)) + 1 if m.group(1) else 0
        row = int(m.group(2)) if m.group(2) else 0
        if row > self.limits.max_rows or col > self.limits.max_columns:
            return row, col
        return None


_REF = re.compile(rb"\$?([A-Z]{0,7})\$?([0-9]{0,12})")
_TAG_NAME = re.compile(rb"<(?:\w+:)?(c|row)\s")
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>]")
_REF_ATTR = re.compile(rb"\sr=[\"']")


class SheetScanner(Scanner):
    """DTDs, the ``<dimension>`` element, and cell/row references beyond the limits; on the way,
    the formula cells without a cached value (``formulas.cells``, for the validation)."""

    def __init__(self, refs: RefScanner, member: str) -> None:
        super().__init__()
        self.refs = refs
        self.member = member
        self.head = b""  # until the dimension element has been seen or ruled out
        self.formulas = FormulaScanner()

    def feed(self, chunk: bytes) -> None:
        tail = self.tail
        if dtd_in(tail, chunk, self.first):
            raise Unsafe
        if self.refs.limits.check_dimension and (self.first or self.head):
            self._check_dimension(chunk)
        self.first = False
        # The candidates of "tail + chunk", without building it unless there is one (with the
        # default limits there is none in a normal sheet). No two candidates overlap (each one
        # starts with "r=" and has no "r" after it), and a match only depends on the bytes from
        # its start on: those starting in the tail are the matches of the tail followed by the
        # start of the chunk; the others are the chunk's own. Same candidates, same order.
        window = b""
        if tail:
            for m in self.refs.candidate.finditer(tail + chunk[: self.refs.span]):
                if m.start() >= len(tail):
                    break
                window = window or tail + chunk
                self._check_candidate(window, m.start())
        for m in self.refs.candidate.finditer(chunk):
            window = window or tail + chunk
            self._check_candidate(window, len(tail) + m.start())
        self.formulas.feed(chunk)
        self.tail = new_tail(tail, chunk, TAIL)

    def _check_dimension(self, chunk: bytes) -> None:
        head = self.head + chunk[:HEAD]
        m = self.refs.dimension.search(head)
        if m is not None or b"<sheetData" in head or len(head) >= HEAD:
            self.head = b""
        else:
            self.head = head
        if m is None:
            return
        last = m.group(1).split(b":")[-1]
        beyond = self.refs.check_ref(last)
        if beyond is not None:
            row, col = beyond
            raise TooBig(row, col, last.decode("ascii", "replace").replace("$", ""))

    def _check_candidate(self, window: bytes, start: int) -> None:
        """Refuse if the candidate is the r attribute of a cell that holds a value.

        Measured on python-calamine 0.9.1: empty rows and empty styled cells far away
        (``<row r="1048576"/>``, ``<c r="XFD1048576" s="1"/>``, which Excel writes when formatting
        reaches there) are harmless; a value there aborts the process. A far row counts only if
        it holds value cells without their own reference.
        """
        if start == 0 or window[start - 1 : start] not in (b" ", b"\t", b"\n", b"\r"):
            return
        lt = window.rfind(b"<", 0, start)
        if lt < 0 or window.rfind(b">", lt, start) >= 0:
            return
        tag = _TAG_NAME.match(window, lt)
        if tag is None:
            return
        gt = window.find(b">", start)
        if gt < 0:
            if len(window) - start < TAIL:
                return  # cut by the chunk boundary: seen whole in the next window
            gt = len(window)
        elif window[gt - 1 : gt] == b"/":
            return  # <c .../> or <row .../>: no value
        body = window[gt + 1 : gt + 1 + 4096]
        if tag.group(1) == b"c":
            if body.startswith(b"</") and body[: body.find(b">") + 1].endswith(b"c>"):
                return  # <c ...></c>: no value
        elif not (_VALUE.search(body) and not _REF_ATTR.search(body.split(b"</row>")[0])):
            return
        quote = window[start + 2 : start + 3]
        end = window.find(quote, start + 3, start + 64)
        ref = window[start + 3 : end] if end >= 0 else window[start + 3 : start + 64]
        beyond = self.refs.check_ref(ref)
        if beyond is not None:
            row, col = beyond
            raise TooBig(row, col, ref.decode("ascii", "replace"))


#: What a streaming XML parse can raise on a damaged part (LookupError: an unknown encoding).
XML_ERRORS = (expat.ExpatError, LookupError, ValueError)


class WellFormed:
    """Parses a part as it is fed, to refuse one that is not well-formed XML: python-calamine
    reads a broken sheet silently, dropping the values it cannot parse (measured: ``<v><x>1</v>``
    becomes an empty cell). Raises one of :data:`XML_ERRORS`."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate()

    def feed(self, chunk: bytes) -> None:
        self.parser.Parse(chunk, False)

    def close(self) -> None:
        self.parser.Parse(b"", True)


def not_well_formed(where: str, member: str, exc: Exception) -> ReadError:
    return damaged(where, "damage-xml", member=member, line=getattr(exc, "lineno", "?"))
