"""CSV that a spreadsheet opens as data, never as code, whatever list separator it uses.

Excel and LibreOffice run a field that starts with ``= + - @`` (or a tab or CR before one) as a
formula. A field holding the *other* separator is the second trap: Excel with a Vietnamese locale
splits a comma-separated file on ``;`` (and the other way round), so ``"An;=HYPERLINK(…)"`` would
become a cell that starts with ``=``. Here:

- a field that starts with a trigger (after any spaces or quotes) gets a leading apostrophe
  (OWASP's advice);
- inside a field, a ``,`` or ``;`` followed (after spaces or quotes) by a trigger gets an
  apostrophe after it: quoting alone does not help, because a spreadsheet that splits on the other
  separator sees a quote only at the start of what it takes for a field ("An;=1+2" is written
  "An;'=1+2");
- a field holding ``,`` ``;`` a quote, a tab, CR or LF, or leading/trailing spaces, is quoted.

Every CSV the tool writes (the handoff, the payments, ``history.csv``) goes through
:func:`csv_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NEEDS_QUOTES = frozenset(',;"\t\r\n')
_SPLIT_TRIGGER = re.compile(r'([,;][ "]*)(?=[=+\-@\t\r\n])')


def inert(text: str) -> str:
    """``text`` as a spreadsheet will not run it: an apostrophe before a leading trigger, and
    after a separator that a trigger follows (see the module doc)."""
    if "," in text or ";" in text:  # (a province's lists have millions of fields)
        text = _SPLIT_TRIGGER.sub(r"\1'", text)
    if text.lstrip(' "').startswith(_TRIGGERS):
        return "'" + text
    return text


def _quoted(field: str) -> str:
    if field != field.strip(" ") or not _NEEDS_QUOTES.isdisjoint(field):
        return '"' + field.replace('"', '""') + '"'
    return field


def csv_line(fields: Iterable[object], line_end: str = "\r\n") -> str:
    """One CSV line: every field made inert, then quoted when it holds a separator."""
    texts = ("" if f is None else inert(str(f)) for f in fields)
    return ",".join(_quoted(t) for t in texts) + line_end


def csv_text(rows: Iterable[Iterable[object]], line_end: str = "\r\n") -> str:
    """The CSV text of ``rows`` (see :func:`csv_line`)."""
    return "".join(csv_line(row, line_end) for row in rows)
