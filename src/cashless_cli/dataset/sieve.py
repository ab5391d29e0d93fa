"""Files of a month's folder that take no part in matching it to its communes.

- **A byte-identical copy** ("ds-thang-8 - Copy.xlsx": the same SHA-256 as another file of the
  folder) is the same list: the file with the shorter name is used, the copy is named as
  ignored (``roster-copy-ignored``, a warning) — never a conflict that would leave the commune
  out, never paid twice.
- **A roster of another month beside the month's own list of its commune** (the September
  roster left in August's folder) is set aside (``roster-other-month-set-aside``): it is named
  as of another month, not as a conflict, and its rows are not the month's. A roster of
  another month that is the only list of its (old) commune stays in the matching: its
  commune's people are then held, named and counted (the title may be all that is wrong).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from cashless_cli.problems import Problem, Text
from cashless_cli.validation import FileReport
from cashless_cli.workspace.matching import Matching

__all__ = ["byte_copies", "set_aside", "set_aside_files"]


def byte_copies(files: Sequence[Path]) -> dict[Path, Path]:
    """Copy → the file it is a copy of (same bytes), the shortest name of each set kept."""
    sizes: dict[int, list[Path]] = {}
    for path in files:
        try:
            sizes.setdefault(path.stat().st_size, []).append(path)
        except OSError:
            continue  # named by the reader
    out: dict[Path, Path] = {}
    for same_size in sizes.values():
        if len(same_size) < 2:
            continue
        by_digest: dict[str, list[Path]] = {}
        for path in same_size:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                continue
            by_digest.setdefault(digest, []).append(path)
        for group in by_digest.values():
            keep = min(group, key=lambda p: (len(p.name), p.name))
            out.update({p: keep for p in group if p != keep})
    return out


def _covered_strays(matching: Matching, reports: Mapping[Path, FileReport]) -> list[Path]:
    """Rosters of another month claiming a commune together with a list of the month for the
    same (old) commune, or for the whole new commune."""
    out: list[Path] = []
    for group in (*matching.merged.values(), *matching.conflicts.values()):
        rest = [p for p in group if p in reports and reports[p].other_month is None]
        if not rest:
            continue
        olds = {o.code if (o := matching.old_unit.get(p)) else None for p in rest}
        for path in group:
            if path not in reports or reports[path].other_month is None:
                continue
            old = matching.old_unit.get(path)
            if old is None or None in olds or old.code in olds:
                out.append(path)
    return sorted(out)


def set_aside(
    files: Sequence[Path],
    reports: Mapping[Path, FileReport],
    match: Callable[[list[Path]], Matching],
) -> Matching:
    """The month's matching (``match``) of its files without the copies and the covered rosters
    of another month, which are kept in ``copies`` and ``other_month`` (see the module doc)."""
    copies = byte_copies(files)
    kept = [p for p in files if p not in copies]
    matching = match(kept)
    strays = _covered_strays(matching, reports)
    if strays:
        matching = match([p for p in kept if p not in strays])
    matching.copies = copies
    matching.other_month = strays
    return matching


def set_aside_files(reports: Mapping[Path, FileReport], matching: Matching) -> list[Problem]:
    """Why each file set aside before matching (:mod:`cashless_cli.dataset.sieve`) is not
    used: a byte-identical copy, or a roster of another month (its people not this month's)."""
    out = [
        Problem("roster-copy-ignored", params={"file": copy.name, "original": original.name})
        for copy, original in sorted(matching.copies.items())
    ]
    for path in matching.other_month:
        found = reports[path].other_month
        why = (
            Text(found.message("en").rstrip("."), found.message("vi").rstrip(".")) if found else ""
        )
        month = reports[path].month
        out.append(
            Problem(
                "roster-other-month-set-aside",
                params={"file": path.name, "why": why, "month": str(month) if month else ""},
            )
        )
    return out
