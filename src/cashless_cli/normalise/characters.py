"""Characters a name or a number should not hold: invisible, direction controls, private use,
letters of another script that look Latin, digits that are not ASCII digits.

A name typed in Word or copied from a web page may carry a zero-width space; a name "fixed" on a
phone keyboard may hold a Cyrillic "а" that looks like the Latin "a"; an ID copied from a PDF may
hold full-width "０" or Arabic-Indic "٠" digits. On screen they look right; the paying unit's
system, which compares code points, does not find the person. Vietnamese diacritics are letters
of the text, precomposed or combining (the text is NFC-normalised first): never flagged.

Pure functions: text in, the suspicious characters (with their 1-based position) out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cashless_cli.normalise.base import Invalid
from cashless_cli.problems import Phrase

__all__ = [
    "HIDDEN_CODES",
    "NAME_CODE",
    "NUMBER_CODE",
    "Suspect",
    "SuspectKind",
    "maybe_suspect",
    "refuse_hidden_in_number",
    "suspect_params",
    "suspects_in_name",
    "suspects_in_number",
]


class SuspectKind(StrEnum):
    INVISIBLE = "invisible"  # zero-width and other default-ignorable characters
    BIDI = "bidi"  # direction marks, embeddings, overrides, isolates
    PRIVATE_USE = "private-use"  # private use areas, unassigned code points
    CONTROL = "control"  # C0/C1 control characters other than white space
    LOOKALIKE = "lookalike"  # a Cyrillic/Greek letter (or Ð, Ɖ) among Latin letters
    DIGIT = "digit"  # a decimal digit that is not 0-9 (full-width, Arabic-Indic, …)


#: Direction controls (Unicode Bidi_Control).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: Default-ignorable code points that show nothing (U+00AD, the soft hyphen, is left out: in
#: TCVN3 text it is the letter "ư", and legacy text is converted before it is checked).
_INVISIBLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),  # Mongolian variation selectors, vowel separator
    (0x200B, 0x200D),  # zero width space, non-joiner, joiner
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x206A, 0x206F),
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # zero width no-break space (BOM)
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),  # tags, variation selectors supplement
)

#: Latin letters that are not Vietnamese but pass for "Đ"/"đ".
_LATIN_LOOKALIKES = frozenset("ÐðƉɖ")

#: A fast first pass: any character that might be suspicious (the full rules decide).
_MAYBE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00d0\u00f0\u0189\u0256\u0370-\u052f\u034f\u061c"
    "\u0660-\u0669\u06f0-\u06f9\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\uffff\ue000-\uf8ff\uff10-\uff19"
    "\U00010000-\U0010ffff"
    "\u0900-\u0dff\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u17e0-\u17e9\u1810-\u1819]"
)


@dataclass(frozen=True, slots=True)
class Suspect:
    """One suspicious character: where it is (1-based, in the NFC text) and what it is."""

    position: int
    char: str
    kind: SuspectKind

    @property
    def codepoint(self) -> str:
        """ "U+200B"."""
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        """The character's Unicode name ("ZERO WIDTH SPACE"), or what it is when unnamed."""
        name = unicodedata.name(self.char, "")
        if name:
            return name
        category = unicodedata.category(self.char)
        if category == "Co":
            return "PRIVATE USE"
        if category == "Cc":
            return "CONTROL"
        return "UNASSIGNED"

    @property
    def label(self) -> str:
        """ "U+200B (ZERO WIDTH SPACE)"."""
        return f"{self.codepoint} ({self.name})"


def _is_invisible(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _INVISIBLE_RANGES)


def _kind(ch: str, latin_around: bool, digits: bool) -> SuspectKind | None:
    """What is wrong with ``ch`` (None: nothing). ``latin_around``: the text has Latin letters;
    ``digits``: the text is a number (any non-ASCII decimal digit is wrong there)."""
    cp = ord(ch)
    if ch in _BIDI:
        return SuspectKind.BIDI
    if _is_invisible(cp):
        return SuspectKind.INVISIBLE
    category = unicodedata.category(ch)
    if category == "Cc":
        return None if ch in "\t\n\r" else SuspectKind.CONTROL
    if category in ("Co", "Cn", "Cs"):
        return SuspectKind.PRIVATE_USE
    if category == "Cf":  # any other format character: it shows nothing
        return SuspectKind.INVISIBLE
    if category == "Nd" and not ("0" <= ch <= "9"):
        return SuspectKind.DIGIT
    if ch in _LATIN_LOOKALIKES:
        return SuspectKind.LOOKALIKE
    if (latin_around or digits) and category.startswith("L"):
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        if script in ("CYRILLIC", "GREEK", "COPTIC", "ARMENIAN"):
            return SuspectKind.LOOKALIKE
    return None


def _suspects(text: str, digits: bool) -> list[Suspect]:
    if not maybe_suspect(text):
        return []
    text = unicodedata.normalize("NFC", text)
    latin = any(c.isascii() and c.isalpha() for c in text) or any(
        unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha()
    )
    out: list[Suspect] = []
    for position, ch in enumerate(text, 1):
        kind = _kind(ch, latin, digits)
        if kind is not None:
            out.append(Suspect(position, ch, kind))
    return out


def suspects_in_name(text: str) -> list[Suspect]:
    """The suspicious characters of a name (invisible, direction controls, private use, control
    characters, Cyrillic/Greek letters among Latin ones, non-ASCII digits)."""
    return _suspects(text, digits=False)


def suspects_in_number(text: str) -> list[Suspect]:
    """The suspicious characters of an ID, an account or a phone number: as for a name, and any
    letter of another script and any decimal digit other than 0-9 (full-width ``０``,
    Arabic-Indic ``٠``, …)."""
    return _suspects(text, digits=True)


def maybe_suspect(text: str) -> bool:
    """A quick first pass: False when ``text`` surely holds nothing suspicious (most names);
    True when the full rules must look."""
    return not (text.isascii() and text.isprintable()) and _MAYBE.search(text) is not None


def suspect_params(suspects: list[Suspect]) -> dict[str, Any]:
    """The parameters of a finding about ``suspects`` (not empty): the first one's kind (worded
    by the catalogue), code point and name, its position, and how many there are."""
    first = suspects[0]
    return {
        "kind": Phrase(f"character-kind.{first.kind.value}"),
        "character": first.label,
        "position": first.position,
        "count": len(suspects),
    }


#: The finding of a number (ID, account, phone) holding a suspicious character: an error.
NUMBER_CODE = "number-hidden-character"
#: The finding of a name holding one: a warning that holds the row back from the paying unit.
NAME_CODE = "name-hidden-character"
#: Both: a row with either never reaches the paying unit's lists (it is held back, with it).
HIDDEN_CODES = frozenset({NUMBER_CODE, NAME_CODE})


def refuse_hidden_in_number(text: str) -> None:
    """Raise :data:`NUMBER_CODE` when the number ``text`` (as the cell holds it) has a
    suspicious character; do nothing otherwise (the caller's own rules then decide)."""
    if maybe_suspect(text):
        found = suspects_in_number(text)
        if found:
            raise Invalid(NUMBER_CODE, **suspect_params(found))
