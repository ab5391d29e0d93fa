"""Which commune each roster file is for — never a guess.

A file is matched by what it says (its title row "UBND XÃ BÌNH HÒA" or the template's metadata),
else by its name ("binh_hoa T6.xlsx" → Bình Hòa). Names are compared first with their
diacritics (old and new tone placement treated alike: "Hoà" = "Hòa"), because Bình Sơn has both
Bình Thạnh and Bình Thanh; only when that finds nothing are diacritics ignored, and then a name
that fits two communes is an ambiguity to report, not to resolve.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cashless_cli.normalise.text import fold
from cashless_cli.schema.domain import Unit

# Old-style tone placement (hoà, thuỷ) → new style (hòa, thủy), on NFC text.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_RE = re.compile("|".join(_OLD_TONES))


def exact_key(name: str) -> str:
    """Lowercase, NFC, new tone placement, letters and digits only — diacritics kept."""
    text = unicodedata.normalize("NFC", name).lower()
    text = _OLD_RE.sub(lambda m: _OLD_TONES[m.group(0)], text)
    return "".join(ch for ch in text if ch.isalnum())


@dataclass(frozen=True, slots=True)
class Candidate:
    unit: Unit
    how: str  # "file" (what the file says) or "name" (its file name)


def units_named(name: str, units: Sequence[Unit]) -> list[Unit]:
    """Units whose name equals ``name`` (diacritics first, then ignoring them)."""
    key = exact_key(name)
    exact = [u for u in units if exact_key(u.name) == key]
    if exact:
        return exact
    loose = fold(name)
    return [u for u in units if fold(u.name) == loose]


def units_in_filename(path: Path, units: Sequence[Unit]) -> list[Unit]:
    """Units whose name appears in the file name, longest match first; diacritics first."""
    for keyfn in (exact_key, fold):
        stem = keyfn(path.stem)
        hits = [u for u in units if keyfn(u.name) and keyfn(u.name) in stem]
        if hits:
            longest = max(len(keyfn(u.name)) for u in hits)
            # a longer name contains a shorter one ("Bình Tân Phú" ⊃ "Bình Tân"): keep the longest
            return [u for u in hits if len(keyfn(u.name)) == longest]
    return []


@dataclass(slots=True)
class Matching:
    by_unit: dict[str, Path] = field(default_factory=dict)  # unit code → file
    how: dict[Path, str] = field(default_factory=dict)
    unmatched: list[Path] = field(default_factory=list)
    ambiguous: dict[Path, list[Unit]] = field(default_factory=dict)
    conflicts: dict[str, list[Path]] = field(default_factory=dict)  # unit code → 2+ files

    @property
    def ok(self) -> bool:
        return not (self.unmatched or self.ambiguous or self.conflicts)


def match_files(
    files: Sequence[Path], said: dict[Path, str | None], units: Sequence[Unit]
) -> Matching:
    """Match ``files`` to ``units``; ``said`` is the commune each file names itself (or None)."""
    result = Matching()
    claimed: dict[str, list[Path]] = {}
    for path in files:
        candidates: list[Unit] = []
        how = "file"
        name = said.get(path)
        if name:
            candidates = units_named(name, units)
        if not candidates:
            candidates = units_in_filename(path, units)
            how = "name"
        if not candidates:
            result.unmatched.append(path)
        elif len(candidates) > 1:
            result.ambiguous[path] = candidates
        else:
            claimed.setdefault(candidates[0].code, []).append(path)
            result.how[path] = how
    for code, paths in claimed.items():
        if len(paths) > 1:
            result.conflicts[code] = paths
        else:
            result.by_unit[code] = paths[0]
    return result
