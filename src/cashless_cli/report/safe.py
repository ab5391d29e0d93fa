"""Text a file holds, shown on a terminal as text and nothing else.

A name, a cell, a reply, a file or sheet name may carry control characters (an ESC sequence that
recolours or clears the screen, an OSC sequence that retitles the window, a bidi override that
shows "txt.exe" as "exe.txt") and rich markup (``[/]``, ``[link=…]``, ``[conceal]``). Both are
shown visibly here and never interpreted: C0 controls as their Unicode pictures (ESC → ␛), DEL as
␡, C1 controls and the bidi/invisible formatting characters as ``\\u202e``. Newlines and tabs stay.

Every print point that shows user-derived text through rich calls :func:`escape` (markup and
controls) or, for text written without rich, :func:`visible` (controls only).
"""

from __future__ import annotations

import re
from typing import Any

from rich.markup import escape as _escape_markup

#: Characters a terminal would act on rather than show: C0 (but tab and newline), DEL, C1, and
#: the formatting characters that reorder or hide text (bidi embeddings, overrides, isolates,
#: marks; zero-width characters; the BOM).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (ESC → ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"


def visible(value: Any) -> str:
    """``value`` as text with every control or formatting character made visible."""
    return _UNSAFE.sub(_picture, str(value))


def escape(value: Any) -> str:
    """``value`` as rich markup that prints exactly as written: controls made visible, square
    brackets escaped (use it wherever user-derived text goes into ``console.print``)."""
    return _escape_markup(visible(value))
