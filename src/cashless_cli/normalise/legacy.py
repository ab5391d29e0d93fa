"""Legacy Vietnamese encodings: TCVN3 ("ABC", .Vn… fonts) and VNI (VNI-… fonts).

Before Unicode, Vietnamese offices typed with 8-bit fonts. The workbook stores those bytes as the
Windows-1252 / Latin-1 characters they happen to be, so "Nguyễn" typed in .VnTime reads as
"NguyÔn" and typed in VNI-Times as "Nguyeãn". The cell's font tells which encoding was used
(:func:`font_encoding`); when it is unknown, :func:`detect_legacy` guesses from the letters.

Tables. Both tables were checked against two independent public converters: the TCVN3 table of
the ``vietnamese-conversion`` npm package (duydev/vietnamese-conversion, ``src/charsets.ts``) and
the TCVN3 converter table in hdbd789/clinic (``Converter.cs``); the VNI table against the same npm
package and the xvnkb keyboard driver (lamdao/xvnkb, ``vni.h``). They agree letter for letter.

TCVN3 capitals. The ABC standard (TCVN 5712:1993 "VN3") has one code per lowercase letter with
tone, but only seven capitals of its own: Ă Â Đ Ê Ô Ơ Ư. The other capitals with a tone mark
exist only in the all-caps fonts (.VnTimeH, .VnArialH, …), which draw the *lowercase* codes as
capitals. So :func:`decode_tcvn3` maps those codes to lowercase letters (pass ``all_caps=True``,
or see :func:`font_is_all_caps`, for text in an "H" font), and :func:`encode_tcvn3` writes a
capital that has no code of its own (e.g. "Á", "Ễ") as its lowercase code: decoding gives the
lowercase letter back. Unaccented capitals are plain ASCII and round-trip.

VNI. Each letter is a base letter followed by a mark character (á = "a" + "ù", ầ = "a" + "à");
a few letters have one character of their own (đ = "ñ", ơ = "ô", ư = "ö", ĩ = "ó", ỵ = "î"…).
Capitals use capital bases and capital marks (Á = "AÙ"). Decoding also accepts a base and a mark
of different case and takes the case of the base.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

__all__ = [
    "Encoding",
    "convert_legacy",
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy",
    "encode_tcvn3",
    "encode_vni",
    "font_encoding",
    "font_is_all_caps",
    "looks_vietnamese",
]

Encoding = Literal["tcvn3", "vni"]

# ---- the tables ---------------------------------------------------------------------------------
# Unicode letters in the order: 6 tones (none, grave, acute, hook, tilde, dot) of each vowel.
_VOWELS = "aăâeêioôơuưy"
_TONED: dict[str, str] = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}

# TCVN3 (ABC): the character each lowercase letter is stored as, same order as _TONED.
_TCVN3_LOWER: dict[str, str] = {
    "a": "aµ¸¶·¹",
    "ă": "¨»¾¼½Æ",
    "â": "©ÇÊÈÉË",
    "e": "eÌÐÎÏÑ",
    "ê": "ªÒÕÓÔÖ",
    "i": "i×ÝØÜÞ",
    "o": "oßãáâä",
    "ô": "«åèæçé",
    "ơ": "¬êíëìî",
    "u": "uïóñòô",
    "ư": "\u00adõøö÷ù",
    "y": "yúýûüþ",
}
_TCVN3_EXTRA = {"đ": "®", "Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}

# VNI: marks that follow a base letter, in tone order (none, grave, acute, hook, tilde, dot), for
# the plain base (a e o u y, and the one-character ơ "ô" / ư "ö"), after a circumflex ("â" mark)
# and after a breve ("ê" mark).
_VNI_TONE_MARKS = ("", "ø", "ù", "û", "õ", "ï")
_VNI_CIRC_MARKS = ("â", "à", "á", "å", "ã", "ä")
_VNI_BREVE_MARKS = ("ê", "è", "é", "ú", "ü", "ë")
_VNI_I = ("i", "ì", "í", "æ", "ó", "ò")  # i has one character per tone
_VNI_Y_DOT = "î"  # ỵ; the other y tones use the marks


def _build_vni_lower() -> dict[str, str]:
    out: dict[str, str] = {}
    plain = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ơ": "ô", "ư": "ö"}
    for vowel, base in plain.items():
        for tone, mark in enumerate(_VNI_TONE_MARKS):
            out[_TONED[vowel][tone]] = base + mark
    for vowel, base in (("â", "a"), ("ê", "e"), ("ô", "o")):
        for tone, mark in enumerate(_VNI_CIRC_MARKS):
            out[_TONED[vowel][tone]] = base + mark
    for tone, mark in enumerate(_VNI_BREVE_MARKS):
        out[_TONED["ă"][tone]] = "a" + mark
    for tone, ch in enumerate(_VNI_I):
        out[_TONED["i"][tone]] = ch
    out["ỵ"] = _VNI_Y_DOT
    out["đ"] = "ñ"
    return out


_VNI_LOWER = _build_vni_lower()
_VNI_ENCODE: dict[str, str] = {}
for _letter, _code in _VNI_LOWER.items():
    if _letter in "aeiouy":
        continue
    _VNI_ENCODE[_letter] = _code
    _VNI_ENCODE[_letter.upper()] = _code.upper()

_VNI_DECODE: dict[str, str] = {}
for _letter, _code in _VNI_ENCODE.items():
    _VNI_DECODE[_code] = _letter
    if len(_code) == 2:  # base and mark of different case: the base decides
        _VNI_DECODE.setdefault(_code[0] + _code[1].swapcase(), _letter)
_VNI_MARKS = frozenset(c for code in _VNI_DECODE if len(code) == 2 for c in code[1])

_TCVN3_ENCODE: dict[str, str] = {}
for _vowel, _letters in _TONED.items():
    for _tone, _letter in enumerate(_letters):
        _TCVN3_ENCODE[_letter] = _TCVN3_LOWER[_vowel][_tone]
_TCVN3_ENCODE.update(_TCVN3_EXTRA)
for _vowel, _letters in _TONED.items():
    for _letter in _letters[1:] if _vowel.isascii() else _letters:
        # capitals without a TCVN3 code of their own are written with the lowercase code
        _TCVN3_ENCODE.setdefault(_letter.upper(), _TCVN3_ENCODE[_letter])
for _k in [k for k, v in _TCVN3_ENCODE.items() if k == v]:  # ASCII letters are themselves
    del _TCVN3_ENCODE[_k]

_TCVN3_DECODE: dict[int, str] = {}
for _letter, _code in _TCVN3_ENCODE.items():
    if _letter.islower() or _letter in _TCVN3_EXTRA:
        _TCVN3_DECODE[ord(_code)] = _letter
_TCVN3_ENCODE_TABLE = {ord(k): v for k, v in _TCVN3_ENCODE.items()}
_TCVN3_CHARS = frozenset(chr(c) for c in _TCVN3_DECODE)


# ---- fonts --------------------------------------------------------------------------------------
def font_encoding(font_name: str | None) -> Encoding | None:
    """The legacy encoding a font implies: ".VnTime", ".VnTimeH", ".VnArial" → tcvn3;
    "VNI-Times", "VNI-Helve" → vni; anything else → None."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn") or name.startswith("vn3-"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def font_is_all_caps(font_name: str | None) -> bool:
    """True for the TCVN3 all-caps fonts (.VnTimeH, .VnArialH, …) that draw lowercase codes as
    capitals."""
    if font_name is None or font_encoding(font_name) != "tcvn3":
        return False
    return font_name.strip().endswith("H")


# ---- decoding and encoding ---------------------------------------------------------------------
def decode_tcvn3(s: str, *, all_caps: bool = False) -> str:
    """TCVN3 text as read from the workbook → NFC Unicode (``all_caps`` for the "H" fonts)."""
    out = s.translate(_TCVN3_DECODE)
    if all_caps:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


def encode_tcvn3(s: str) -> str:
    """NFC Unicode → TCVN3 text as the workbook would hold it (for tests and sample files).

    Capitals other than Ă Â Đ Ê Ô Ơ Ư that carry a tone mark are written with their lowercase
    code (see the module notes), so they decode as lowercase.
    """
    return unicodedata.normalize("NFC", s).translate(_TCVN3_ENCODE_TABLE)


def decode_vni(s: str) -> str:
    """VNI text as read from the workbook → NFC Unicode."""
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        pair = s[i : i + 2]
        if len(pair) == 2 and pair[1] in _VNI_MARKS and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        ch = s[i]
        out.append(_VNI_DECODE.get(ch, ch))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode_vni(s: str) -> str:
    """NFC Unicode → VNI text as the workbook would hold it (for tests and sample files)."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", s))


# ---- detection ----------------------------------------------------------------------------------
# Letters of Unicode Vietnamese beyond Latin-1: their presence proves the text is Unicode.
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u036f]")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_INITIAL = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx]"
# "oo" (xoong, boong) is left out on purpose: it is rare, and VNI "oä" read as TCVN3 gives it.
# Vowel groups that end the syllable (their last letter is a semivowel), and those that may take a
# final consonant.
_OPEN = (
    "iêu|yêu|oai|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|uơ"
)
_CLOSABLE = "uyê|iê|yê|oa|oă|oe|uâ|uê|uô|uy|ươ|[aăâeêioôơuưy]"
_FINAL = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(f"(?:{_INITIAL})?(?:(?:{_OPEN})|(?:{_CLOSABLE})(?:{_FINAL})?)")


def _word_ok(word: str) -> bool:
    """A plausible Vietnamese syllable (structure and at most one tone), tone placement ignored."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _badness(text: str) -> int:
    """How un-Vietnamese ``text`` looks: words with a non-ASCII letter that are no syllable, and
    Latin-1 symbols that are no Vietnamese letter."""
    bad = 0
    for word in re.findall(r"[^\s\d.,;:!?()/\-\"']+", text):
        if word.isascii():
            continue
        if any(c in _TCVN3_CHARS or c in _VNI_MARKS for c in word) and not all(
            _is_vietnamese_letter(c) for c in word
        ):
            bad += 2
        elif not _word_ok(word):
            bad += 1
    return bad


def _is_vietnamese_letter(c: str) -> bool:
    return (c.isascii() and c.isalpha()) or c.lower() in _VIET_LETTERS


_VIET_LETTERS = frozenset("".join(_TONED.values()) + "đ")


def looks_vietnamese(text: str) -> bool:
    """Every word with a non-ASCII letter is a plausible Vietnamese syllable."""
    return _badness(unicodedata.normalize("NFC", text)) == 0


@lru_cache(maxsize=1 << 16)  # pure; the same words ("Bà", "Có", a village) recur down a column
def detect_legacy(s: str) -> Encoding | None:
    """Guess whether ``s`` is TCVN3 or VNI text read as Unicode; None if it looks like Unicode
    (or plain ASCII) already, or if the guess is not clear."""
    if s.isascii() or _UNICODE_ONLY.search(s):
        return None
    original = _badness(s)
    if original == 0:
        return None
    scores: dict[Encoding, int] = {
        "tcvn3": _badness(decode_tcvn3(s)),
        "vni": _badness(decode_vni(s)),
    }
    best: Encoding = min(scores, key=lambda e: scores[e])
    other: Encoding = "vni" if best == "tcvn3" else "tcvn3"
    if scores[best] < original and scores[best] < scores[other]:
        return best
    return None


def convert_legacy(s: str, hint: Encoding | None) -> tuple[str, Encoding | None]:
    """Decode ``s`` with ``hint`` (the font's encoding) or, without one, with what
    :func:`detect_legacy` finds. Returns the NFC text and the encoding used (None: unchanged).

    Text holding letters only Unicode has (ễ, ơ, đ…, or combining marks) is left alone even with
    a hint: somebody typed Unicode into a cell whose font is a legacy one.
    """
    if _UNICODE_ONLY.search(s):
        # letters no legacy font can produce: Unicode typed into a cell with a legacy font
        return unicodedata.normalize("NFC", s), None
    encoding = hint if hint is not None else detect_legacy(s)
    if encoding is None:
        return unicodedata.normalize("NFC", s), None
    decoded = decode_tcvn3(s) if encoding == "tcvn3" else decode_vni(s)
    if decoded == unicodedata.normalize("NFC", s):
        return decoded, None
    return decoded, encoding
