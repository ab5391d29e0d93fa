"""Which commune each roster file is for — never a guess.

A file is matched by what it says (its title row "UBND XÃ BÌNH HÒA" or the template's metadata),
else by its name ("binh_hoa T6.xlsx" → Bình Hòa). Names are compared first with their
diacritics (old and new tone placement treated alike: "Hoà" = "Hòa"), because Bình Sơn has both
Bình Thạnh and Bình Thanh; only when that finds nothing are diacritics ignored, and then a name
that fits two communes is an ambiguity to report, not to resolve.

Units change over time: after July 2025 a roster may still be titled with a commune that no
longer exists ("UBND XÃ BÌNH HÒA"). When the workspace lists the old communes (``[area]
old_units``, from vietnamadminunits), such a file goes to the new commune that absorbed it; an
old name that leads to several new communes (two old communes of that name, or one that was
split) is an ambiguity naming them. Several files of different old communes for one new commune
are merged (each row keeps its old unit); two files of the same unit are still a conflict.

Since July 2025 a commune may send its social pensioners (hưu trí xã hội) in a list of their own
beside its monthly-allowance list: two files of one unit whose programmes differ (one all social
pension, the other without any) are that unit's one report, merged; two files of the same
programme, or a file of both programmes beside another, are still a conflict
(:func:`programmes_fit`, the one rule every command goes by through :func:`match_files`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cashless_cli.normalise.text import fold as _fold
from cashless_cli.schema.domain import SOCIAL_PENSION, Unit
from cashless_cli.workspace.config import OldUnit

# Old-style tone placement (hoà, thuỷ) → new style (hòa, thủy), on NFC text.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_RE = re.compile("|".join(_OLD_TONES))
#: :func:`fold`, each name once (every file is compared with every commune's name)
fold = lru_cache(maxsize=16384)(_fold)


@lru_cache(maxsize=16384)
def exact_key(name: str) -> str:
    """Lowercase, NFC, new tone placement, letters and digits only — diacritics kept (each name
    once: every file is compared with every commune's name)."""
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
    merged: dict[str, list[Path]] = field(default_factory=dict)  # code → files of old units
    old_unit: dict[Path, OldUnit] = field(default_factory=dict)  # file → the old unit it names
    #: set aside before matching (dataset.sieve): a byte-identical copy → the file it copies,
    #: and the rosters of another month beside the month's own list of their commune
    copies: dict[Path, Path] = field(default_factory=dict)
    other_month: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.unmatched or self.ambiguous or self.conflicts)


def old_named(name: str, olds: Sequence[OldUnit]) -> list[OldUnit]:
    """Old units whose name equals ``name`` (diacritics first, then ignoring them)."""
    key = exact_key(name)
    exact = [o for o in olds if exact_key(o.name) == key]
    return exact or [o for o in olds if fold(o.name) == fold(name)]


def old_in_filename(path: Path, olds: Sequence[OldUnit]) -> list[OldUnit]:
    """Old units whose name appears in the file name, longest match first; diacritics first."""
    for keyfn in (exact_key, fold):
        stem = keyfn(path.stem)
        hits = [o for o in olds if keyfn(o.name) and keyfn(o.name) in stem]
        if hits:
            longest = max(len(keyfn(o.name)) for o in hits)
            return [o for o in hits if len(keyfn(o.name)) == longest]
    return []


def _heirs(olds: Sequence[OldUnit], units: Sequence[Unit]) -> list[Unit]:
    """The new units the old ones went to, in the workspace's order."""
    codes = {c for o in olds for c in o.into}
    return [u for u in units if u.code in codes]


def _candidates(
    path: Path, said: str | None, units: Sequence[Unit], olds: Sequence[OldUnit]
) -> tuple[list[Unit], str, OldUnit | None]:
    """The units a file may be for, how it was told, and the old unit it names (if one).

    What the file says comes first, then its file name; at each step a new unit of that name
    and the heirs of an old unit of that name are all candidates (never one preferred)."""
    steps: list[tuple[str, list[Unit], list[OldUnit]]] = []
    if said:
        steps.append(("file", units_named(said, units), old_named(said, olds)))
    steps.append(("name", units_in_filename(path, units), old_in_filename(path, olds)))
    for how, found_new, found_old in steps:
        candidates = found_new + [u for u in _heirs(found_old, units) if u not in found_new]
        if not candidates:
            continue
        one_old = found_old[0] if len(found_old) == 1 and not found_new else None
        return candidates, how, one_old if len(candidates) == 1 else None
    return [], "name", None


#: What a file lists (:func:`programme_of_file`): only social pensioners, none, or both/unknown.
PENSION_ONLY = "pension"
ALLOWANCE_ONLY = "allowance"
MIXED = "mixed"


def programme_of_file(categories: Sequence[str | None] | None) -> str:
    """A roster's programme from its rows' categories (``dien``): :data:`PENSION_ONLY` when
    every row is a social pensioner, :data:`ALLOWANCE_ONLY` when none is, else :data:`MIXED`
    (also for a file that could not be read: ``categories`` None or empty)."""
    if not categories:
        return MIXED
    pension = sum(1 for c in categories if c == SOCIAL_PENSION)
    if pension == len(categories):
        return PENSION_ONLY
    return ALLOWANCE_ONLY if pension == 0 else MIXED


def programmes_fit(programmes: Sequence[str]) -> bool:
    """Whether files of one unit for one month are one report: exactly one monthly-allowance
    list and one social-pension list."""
    return sorted(programmes) == [ALLOWANCE_ONLY, PENSION_ONLY]


def _one_report(paths: Sequence[Path], result: Matching, programme: dict[Path, str]) -> bool:
    """Whether several files claiming one new unit are one report: one file per old unit (or
    the whole unit's in a single group), each unit's files one list or a programme pair."""
    groups: dict[OldUnit | None, list[Path]] = {}
    for p in paths:
        groups.setdefault(result.old_unit.get(p), []).append(p)
    if None in groups and len(groups) > 1:
        return False  # a list of the whole new commune beside an old commune's: a conflict
    return all(
        len(g) == 1 or programmes_fit([programme.get(p, MIXED) for p in g]) for g in groups.values()
    )


def match_files(
    files: Sequence[Path],
    said: dict[Path, str | None],
    units: Sequence[Unit],
    olds: Sequence[OldUnit] = (),
    programme: dict[Path, str] | None = None,
) -> Matching:
    """Match ``files`` to ``units``; ``said`` is the commune each file names itself (or None);
    ``olds``: the communes before July 2025, each with the new units it went to;
    ``programme``: each file's :func:`programme_of_file` (absent: :data:`MIXED`)."""
    result = Matching()
    claimed: dict[str, list[Path]] = {}
    for path in files:
        candidates, how, old = _candidates(path, said.get(path), units, olds)
        if old is not None:
            result.old_unit[path] = old
        if not candidates:
            result.unmatched.append(path)
        elif len(candidates) > 1:
            result.ambiguous[path] = candidates
        else:
            claimed.setdefault(candidates[0].code, []).append(path)
            result.how[path] = how
    for code, paths in claimed.items():
        if len(paths) > 1 and _one_report(paths, result, programme or {}):
            result.merged[code] = paths  # one list per old commune or programme: merged
        elif len(paths) > 1:
            result.conflicts[code] = paths
        else:
            result.by_unit[code] = paths[0]
    return result
