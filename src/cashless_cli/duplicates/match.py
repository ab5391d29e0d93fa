"""Candidate pairs of rows that may be the same person — blocking and scoring, pure.

Rows are compared only inside blocks, never all pairs:

- ``same-id``: the same usable personal ID (the one rule of :mod:`cashless_cli.checks.same_id`);
- ``id-typo``: IDs one digit or one adjacent transposition apart (blocks: the ID with one of its
  three parts left out, and the ID with the digits at a part boundary sorted), with the same
  birth date or year and a similar name (≥ :data:`NAME_SIMILAR`);
- ``same-name``: the same birth year and the same folded given name, a name at least
  :data:`NAME_CLOSE` alike, a birth date that agrees (equal, or a bare year on one side), no
  known sex that differs, and a usable ID missing on at least one side (two different IDs are
  two people, unless one digit apart: ``id-typo``); also the same family name and the same full
  birth date with a name at least :data:`NAME_SPELLING` alike (a misspelt given name);
- ``shared-account`` / ``shared-phone``: the same account number or phone on rows whose account
  holders differ (a guardian or authorised person receiving for several beneficiaries is the
  same holder on each: same holder ID, or the same folded holder name when an ID is missing).

A pair found by several blocks is one candidate. Its **level** is ``high`` for the same ID, or an
ID typo with the same full birth date and the same name (≥ :data:`NAME_SAME`): such pairs are held
back from the handoff and the payments until decided; every other pair is a ``warning``. Its
**score** (0–100) weighs the fields that agree, to order the review.

Against previous months only people who left the list are compared (a previous row whose ID, or
whose commune, name and birth date, is still listed this month is the same person continuing),
by the ``id-typo`` and ``same-name`` blocks; such pairs are warnings (the earlier row is not paid
this month).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from cashless_cli.checks.same_id import same_id_groups, usable_id
from cashless_cli.duplicates.names import given_name, name_similarity
from cashless_cli.duplicates.people import ROSTER_FIELDS, Person

__all__ = [
    "FIELDS",
    "HIGH",
    "KINDS",
    "NAME_CLOSE",
    "NAME_SAME",
    "NAME_SIMILAR",
    "NAME_SPELLING",
    "WARNING",
    "Candidate",
    "find_candidates",
    "pair_code",
]

HIGH = "high"
WARNING = "warning"
KINDS = ("same-id", "id-typo", "same-name", "shared-account", "shared-phone")
NAME_SAME = 90.0  # "the same name" for a high-confidence ID typo
NAME_SIMILAR = 80.0  # "a similar name" beside an ID typo
NAME_CLOSE = 92.0  # a name this alike, with the same birth, is a candidate without any ID
NAME_SPELLING = 88.0  # a name this alike, same family name, born the same day: a spelling
GROUP_CAP = 12  # a phone or account on more rows than this: each row is paired with the first

#: The fields compared, in the order they are shown (roster column keys).
FIELDS = tuple(f for f in ROSTER_FIELDS if f != "nguoi_nhan")
_WEIGHTS = {
    "so_dinh_danh": 40,
    "ho_ten": 25,
    "ngay_sinh": 15,
    "gioi_tinh": 4,
    "thon": 4,
    "so_tai_khoan": 8,
    "dien_thoai": 4,
}
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two rows that may be one person. ``a`` is the earlier row (month, commune, file, row)."""

    code: str
    kinds: tuple[str, ...]
    level: str
    score: int
    a: Person
    b: Person
    agree: tuple[str, ...]
    differ: tuple[str, ...]
    name_similarity: float

    @property
    def kind(self) -> str:
        return self.kinds[0]

    @property
    def scope(self) -> str:
        """``file``, ``month`` (two files of the month) or ``previous`` (an earlier month)."""
        if self.a.ref.month != self.b.ref.month:
            return "previous"
        return "file" if self.a.ref.file == self.b.ref.file else "month"

    @property
    def high(self) -> bool:
        return self.level == HIGH


def pair_code(a: Person, b: Person) -> str:
    """``DUP-`` and 8 characters of Crockford base32 of SHA-256 of the two fingerprints, sorted:
    the same two people always get the same code, whatever the month or the rows' order."""
    first, second = sorted((a.fingerprint, b.fingerprint))
    digest = int.from_bytes(hashlib.sha256(f"{first}\n{second}".encode()).digest()[:8], "big")
    chars = []
    for _ in range(8):
        digest, r = divmod(digest, 32)
        chars.append(_CROCKFORD[r])
    return "DUP-" + "".join(chars)


# ---- blocks ----------------------------------------------------------------------------------


def _id_keys(pid: str) -> list[str]:
    """Keys shared by two IDs one substitution or one adjacent transposition apart: the ID with
    one of its four parts left out (a substitution leaves three parts equal), and the ID with
    the two digits at a part boundary sorted (a transposition across it changes two parts)."""
    n = len(pid)
    q = n // 4
    cuts = (0, q, 2 * q, 3 * q, n)
    keys = [f"{n}s{i}{pid[: cuts[i]]}{pid[cuts[i + 1] :]}" for i in range(4)]
    for b in cuts[1:4]:
        pair = pid[b - 1 : b + 1]
        if pair[0] > pair[1]:
            pair = pair[1] + pair[0]
        keys.append(f"{n}t{b}{pid[: b - 1]}{pair}{pid[b + 1 :]}")
    return keys


def _one_apart(x: str, y: str) -> bool:
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    if len(diff) == 1:
        return True
    i, j = diff[0], diff[-1]
    return len(diff) == 2 and j == i + 1 and x[i] == y[j] and x[j] == y[i]


def _births_agree(a: Person, b: Person) -> bool:
    """Equal dates, or the same year where one side knows only the year."""
    if a.birth is None or b.birth is None:
        return False
    if a.full_birth and b.full_birth:
        return a.birth == b.birth
    return a.birth[:4] == b.birth[:4]


def _sex_differs(a: Person, b: Person) -> bool:
    return a.sex is not None and b.sex is not None and a.sex != b.sex


def _same_holder(a: Person, b: Person) -> bool:
    (aid, aname), (bid, bname) = a.holder, b.holder
    if aid and bid:
        return aid == bid
    return bool(aname) and aname == bname


def _pairs(group: Sequence[int]) -> Iterator[tuple[int, int]]:
    if len(group) > GROUP_CAP:  # a number typed on many rows: pair each with the first only
        for j in group[1:]:
            yield group[0], j
        return
    for x in range(len(group)):
        for y in range(x + 1, len(group)):
            yield group[x], group[y]


def _collisions(keyed: Iterable[tuple[str, int]]) -> list[list[int]]:
    """The groups of two or more indexes sharing a key (most keys are unique: only collisions
    get a list)."""
    first: dict[str, int] = {}
    groups: dict[str, list[int]] = {}
    for key, i in keyed:
        j = first.setdefault(key, i)
        if j != i:
            group = groups.get(key)
            if group is None:
                groups[key] = [j, i]
            elif group[-1] != i:
                group.append(i)
    return list(groups.values())


# ---- scoring ---------------------------------------------------------------------------------


def _value(p: Person, name: str) -> str | None:
    return {
        "ho_ten": p.folded or None,
        "ngay_sinh": p.birth,
        "gioi_tinh": p.sex,
        "so_dinh_danh": p.pid,
        "thon": (p.village or "").casefold() or None,
        "dien_thoai": p.phone,
        "so_tai_khoan": p.account,
        "ten_nguoi_nhan": p.holder[1] if p.by_other else None,
        "so_dinh_danh_nguoi_nhan": p.receiver_id if p.by_other else None,
    }[name]


def _candidate(a: Person, b: Person, kinds: set[str], similarity: float) -> Candidate:
    if (b.ref.month, b.ref.commune_code, b.ref.file, b.ref.row) < (
        a.ref.month,
        a.ref.commune_code,
        a.ref.file,
        a.ref.row,
    ):
        a, b = b, a
    agree: list[str] = []
    differ: list[str] = []
    score = 0.0
    for name in FIELDS:
        va, vb = _value(a, name), _value(b, name)
        if va is None or vb is None:
            continue
        weight = _WEIGHTS.get(name, 0)
        if name == "ho_ten":
            if va == vb:
                agree.append(name)
            else:
                differ.append(name)
            score += weight * similarity / 100
        elif name == "ngay_sinh" and not (a.full_birth and b.full_birth):
            (agree if va[:4] == vb[:4] else differ).append(name)
            score += weight / 2 if va[:4] == vb[:4] else 0
        elif name == "so_dinh_danh" and va != vb and _one_apart(va, vb):
            differ.append(name)
            score += weight / 2
        elif va == vb:
            agree.append(name)
            score += weight
        else:
            differ.append(name)
    ordered = tuple(k for k in KINDS if k in kinds)
    same_birth = a.full_birth and a.birth == b.birth
    high = "same-id" in kinds or ("id-typo" in kinds and same_birth and similarity >= NAME_SAME)
    level = HIGH if high and a.ref.month == b.ref.month else WARNING
    return Candidate(
        code=pair_code(a, b),
        kinds=ordered,
        level=level,
        score=min(100, round(score)),
        a=a,
        b=b,
        agree=tuple(agree),
        differ=tuple(differ),
        name_similarity=round(similarity, 1),
    )


# ---- the search ------------------------------------------------------------------------------


def find_candidates(current: Sequence[Person], previous: Sequence[Person] = ()) -> list[Candidate]:
    """Every candidate pair among ``current`` (one month's rows) and between ``current`` and
    ``previous`` (earlier months' rows), highest level and score first."""
    rows: list[Person] = list(current)
    n_current = len(rows)
    if previous:
        still = {p.pid for p in current if p.pid}
        here = {(p.ref.commune_code, p.folded, p.birth) for p in current}
        seen_before: set[str] = set()
        for p in sorted(previous, key=lambda q: q.ref.month, reverse=True):  # latest first
            if p.pid and p.pid in still:
                continue  # the same person, still listed (or moved: same ID)
            if (p.ref.commune_code, p.folded, p.birth) in here:
                continue  # the same row continuing, without an ID
            if p.fingerprint in seen_before:
                continue
            seen_before.add(p.fingerprint)
            rows.append(p)
    ok = [usable_id(p.pid) for p in rows]
    usable = [i for i in range(len(rows)) if ok[i]]

    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    similarity: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        key = (i, j)
        if key not in similarity:
            similarity[key] = name_similarity(rows[i].folded, rows[j].folded)
        return similarity[key]

    def add(i: int, j: int, kind: str) -> None:
        if i > j:
            i, j = j, i
        if i >= n_current:  # two earlier rows: not this month's concern
            return
        if j >= n_current and kind not in ("id-typo", "same-name"):
            return
        found[(i, j)].add(kind)

    # same ID (this month only: the one rule)
    for group in same_id_groups((i, rows[i].pid) for i in usable if i < n_current).values():
        for i, j in _pairs(group):
            add(i, j, "same-id")

    # ID typos
    for group in _collisions((key, i) for i in usable for key in _id_keys(rows[i].pid or "")):
        for i, j in _pairs(group):
            a, b = rows[i], rows[j]
            assert a.pid is not None and b.pid is not None
            if (
                _one_apart(a.pid, b.pid)
                and _births_agree(a, b)
                and sim(min(i, j), max(i, j)) >= NAME_SIMILAR
            ):
                add(i, j, "id-typo")

    # the same or a close name, born the same day (or year, when only the year is known)
    named = (
        (f"{p.birth[:4]} {given_name(p.folded)}", i)
        for i, p in enumerate(rows)
        if p.folded and p.birth
    )
    for group in _collisions(named):
        for i, j in _pairs(group):
            a, b = rows[i], rows[j]
            if ok[i] and ok[j]:
                continue  # two IDs: the same (same-id), one apart (id-typo) or two people
            if (
                _births_agree(a, b)
                and not _sex_differs(a, b)
                and sim(min(i, j), max(i, j)) >= NAME_CLOSE
            ):
                add(i, j, "same-name")
    # a misspelt given name ("Lan", "Lanh"): the same family name, born the same day
    dated = (
        (f"{p.birth} {p.folded.split(' ', 1)[0]}", i)
        for i, p in enumerate(rows)
        if p.folded and p.full_birth
    )
    for group in _collisions(dated):
        for i, j in _pairs(group):
            if (ok[i] and ok[j]) or _sex_differs(rows[i], rows[j]):
                continue
            if sim(min(i, j), max(i, j)) >= NAME_SPELLING:
                add(i, j, "same-name")

    # one account or phone, two holders
    for kind, attr in (("shared-account", "account"), ("shared-phone", "phone")):
        values = ((getattr(rows[i], attr), i) for i in range(n_current))
        for group in _collisions((v, i) for v, i in values if v):
            for i, j in _pairs(group):
                if not _same_holder(rows[i], rows[j]):
                    add(i, j, kind)

    out = [_candidate(rows[i], rows[j], kinds, sim(i, j)) for (i, j), kinds in found.items()]
    out.sort(key=lambda c: (c.level != HIGH, -c.score, c.a.ref, c.b.ref))
    return out
