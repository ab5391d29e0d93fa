"""The ods guard: follows the rows of ``content.xml``, counting ``table:number-rows-repeated``
and ``number-columns-repeated``, and refuses only repeats that carry content (LibreOffice writes
huge empty repeats at the end of every sheet)."""

from __future__ import annotations

import html
import itertools
import re

from cashless_cli.read.a1 import column_letter
from cashless_cli.read.guards.base import Limits
from cashless_cli.read.guards.xmlscan import Scanner, TooBig

#: A segment of content.xml starts at a table or a row start tag.
_ODS_START = re.compile(rb"<table:table(?:-row)?[\s>/]")
_ODS_TABLE_NAME = re.compile(rb"<table:table\s[^>]*?table:name=\"([^\"]*)\"")


def _repeated(what: bytes) -> re.Pattern[bytes]:
    """How many times a row (``b"rows"``), or a cell (``b"columns"``), stands for itself."""
    return re.compile(rb'table:number-%b-repeated="([0-9]+)"' % what)


_ODS_ROWS_REPEATED = _repeated(b"rows")
_ODS_COLS_REPEATED = _repeated(b"columns")

#: A cell's start tag (its attributes, and "/" if it closes itself), or its end tag.
_ODS_CELL = re.compile(
    rb"<table:(?:covered-)?table-cell(\s[^>]*?)?(/?)>|</table:(?:covered-)?table-cell>"
)


def _ods_starts(buf: bytearray, begin: int) -> list[int]:
    """Offsets of the <table:table> and <table:table-row> start tags in buf, from begin."""
    starts: list[int] = []
    for needle in (b"<table:table-row", b"<table:table ", b"<table:table>", b"<table:table\n"):
        at = buf.find(needle, begin)
        while at >= 0:
            after = bytes(buf[at + len(needle) : at + len(needle) + 1])
            if len(needle) < 16 or after in (b" ", b">", b"/", b"\n", b"\t", b"\r"):
                starts.append(at)
            at = buf.find(needle, at + len(needle))
    starts.sort()
    return starts


def _without_trailing_empty_cells(seg: bytes) -> bytes:
    """A row without its closing tag and the empty cells LibreOffice writes after the data."""
    end = seg.rfind(b"</table:table-row>")
    body = seg[:end] if end >= 0 else seg
    while True:
        at = max(body.rfind(b"<table:table-cell"), body.rfind(b"<table:covered-table-cell"))
        if at < 0:
            return body
        last = body[at:].rstrip()
        if last.endswith(b"/>") and last.count(b">") == 1 and b"value-type" not in last:
            body = body[:at]
        else:
            return body


class OdsScanner(Scanner):
    """Follows the rows of content.xml, counting repeats, to find the last cell with content."""

    def __init__(self, limits: Limits) -> None:
        super().__init__()
        self.limits = limits
        self.buf = bytearray()
        self.scanned = 0  # bytes of buf already searched for row starts
        self.started = False  # buf begins at a row or table start
        self.table = ""
        self.row = 0  # rows of the current table seen so far

    def feed(self, chunk: bytes) -> None:
        super().feed(chunk)
        self.buf += chunk
        # Once trimmed, buf starts at a row or table start and holds no other start before
        # ``scanned``; look for new starts only in the new bytes (with a small overlap).
        begin = max(1 if self.started else 0, self.scanned - 24)
        starts = _ods_starts(self.buf, begin)
        if self.started:
            starts.insert(0, 0)
        if starts:
            for first, end in itertools.pairwise(starts):
                self._segment(bytes(self.buf[first:end]))
            del self.buf[: starts[-1]]
            self.started = True
        elif len(self.buf) > 64:  # before the first table: keep only what may start a tag
            del self.buf[:-64]
        self.scanned = len(self.buf)

    def close(self) -> None:
        m = _ODS_START.match(self.buf)
        if m is not None:
            self._segment(bytes(self.buf))
        self.buf = bytearray()

    def _segment(self, seg: bytes) -> None:
        if not seg.startswith(b"<table:table-row"):
            name = _ODS_TABLE_NAME.match(seg)
            if name is not None:
                self.table = html.unescape(name.group(1).decode("utf-8", "replace"))
            self.row = 0
            return
        tag_end = seg.find(b">")
        start_tag = seg[:tag_end]
        repeat = 1
        if b"rows-repeated" in start_tag:
            m = _ODS_ROWS_REPEATED.search(start_tag)
            repeat = int(m.group(1)) if m else 1
        first_row = self.row + 1
        self.row += repeat
        has_content = b"value-type" in seg or b"<text:" in seg
        if not has_content:
            return
        body = _without_trailing_empty_cells(seg)
        width = body.count(b"<table:table-cell") + body.count(b"<table:covered-table-cell")
        if b"columns-repeated" in body:
            width += sum(int(m.group(1)) - 1 for m in _ODS_COLS_REPEATED.finditer(body))
        last_col = width if width <= self.limits.max_columns else self._last_content_column(seg)
        if self.row > self.limits.max_rows or last_col > self.limits.max_columns:
            row = self.row if self.row > self.limits.max_rows else first_row
            cell = f"{column_letter(max(last_col, 1) - 1)}{row}"
            raise TooBig(row, last_col, cell, self.table or "?")

    def _last_content_column(self, seg: bytes) -> int:
        """Walk the cells of a (rare) very wide row: the last column that holds something."""
        col = 0
        last = 0
        open_start = -1
        open_attrs = b""
        for m in _ODS_CELL.finditer(seg):
            if m.group(0).startswith(b"</"):
                if open_start >= 0:
                    body = seg[open_start : m.start()]
                    if b"value-type" in open_attrs or b"<text:" in body:
                        last = col
                open_start = -1
                continue
            attrs = m.group(1) or b""
            rep = _ODS_COLS_REPEATED.search(attrs)
            span = int(rep.group(1)) if rep else 1
            col += span
            if m.group(2):  # self-closing: content only through a value-type attribute
                if b"value-type" in attrs:
                    last = col
            else:
                open_start, open_attrs = m.end(), attrs
        return last
