"""Python's TOML parser's error, in the reader's language.

``tomllib`` words its errors in English ("Expected '=' after a key in a key/value pair (at line
3, column 6)"). An officer who mistyped cashless.toml needs the line, the column and what is
wrong in Vietnamese: each of the parser's messages is matched here to a catalogue text
(``toml.*`` in :mod:`cashless_cli.texts`); a message of a later Python that matches none keeps
its own words, still with its line and column worded.
"""

from __future__ import annotations

import re

from cashless_cli.problems import Phrase

_WHERE = re.compile(
    r"^(?P<what>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)

#: (pattern of the parser's message, text key): the first that matches wins.
_KINDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), key)
    for pattern, key in (
        (r"^Expected '=' after a key", "toml.expected-equals"),
        (r"^Expected '\]\]' at the end of an array declaration", "toml.expected-brackets"),
        (r"^Expected '\]' at the end of a table declaration", "toml.expected-bracket"),
        (r"^Unterminated string|^Illegal character '\\n'", "toml.unterminated-string"),
        (r"^Unescaped '\\' in a string", "toml.backslash"),
        (r"^Invalid hex value|^Escaped character is not a Unicode", "toml.bad-escape"),
        (r"^Unclosed array", "toml.unclosed-array"),
        (r"^Unclosed inline table", "toml.unclosed-table"),
        (r"^Invalid date or datetime", "toml.bad-date"),
        (r"^Invalid value", "toml.invalid-value"),
        (r"^Invalid statement", "toml.invalid-statement"),
        (r"^Invalid initial character for a key part", "toml.bad-key"),
        (r"^(Illegal|Found invalid) character", "toml.bad-character"),
        (
            r"^Cannot overwrite a value|^Cannot declare .* twice|^Duplicate inline table key|"
            r"^Cannot redefine namespace|^Cannot mutate immutable namespace",
            "toml.twice",
        ),
        (r"^Expected newline or end of document after a statement", "toml.after-value"),
        (r"^Expected ", "toml.expected"),
    )
)


def toml_reason(message: str) -> Phrase:
    """The reason a cashless.toml is not TOML, from ``tomllib``'s message (see the module doc)."""
    m = _WHERE.match(message.strip())
    what_en = m.group("what") if m else message.strip()
    what: Phrase | str = what_en
    for pattern, key in _KINDS:
        if pattern.search(what_en):
            what = Phrase(key)
            break
    if m is None:
        return Phrase("workspace.reason-not-toml", {"error": what})
    if m.group("line") is None:
        return Phrase("toml.at-end", {"what": what})
    return Phrase("toml.at", {"what": what, "line": m.group("line"), "column": m.group("col")})
