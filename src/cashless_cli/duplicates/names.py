"""Names as the matcher compares them: folded the way Vietnamese needs, and their similarity.

``fold_name("Nguyễn Văn Ấn") == fold_name("Nguyen Van An") == "nguyen van an"``: NFC or NFD
input, tone marks and vowel marks removed together (ắ ố ứ carry two), Đ/đ → d, case and spaces
ignored. Similarity is rapidfuzz's ``token_sort_ratio`` of the folded names (0–100), so a name
written family-name-last still compares.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from cashless_cli.normalise.text import strip_diacritics

__all__ = ["fold_name", "given_name", "name_similarity"]


_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65_536)  # a province has far fewer distinct names than rows
def fold_name(name: str | None) -> str:
    """Lower case, no diacritics (đ → d), single spaces; "" for no name."""
    if not name:
        return ""
    text = strip_diacritics(unicodedata.normalize("NFC", name)).casefold()
    return _NOT_WORD.sub(" ", text).strip()


def given_name(folded: str) -> str:
    """The given name (the last word) of a folded name."""
    return folded.rsplit(" ", 1)[-1] if folded else ""


def name_similarity(a: str, b: str) -> float:
    """0–100: how alike two folded names are (100 when equal): the mean of rapidfuzz's
    ``token_sort_ratio`` of the whole names and ``ratio`` of the given names, so that two people
    of one family with different given names ("Nguyễn Tấn Khánh", "Nguyễn Tấn Ba") are not
    "similar" while a misspelt given name ("An", "Anh") still is."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    whole = fuzz.token_sort_ratio(a, b)
    given = fuzz.ratio(given_name(a), given_name(b))
    return float((whole + given) / 2)
