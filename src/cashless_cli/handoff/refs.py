"""Reference codes that the Post Office quotes back, and batch IDs.

A reference code is ``PREFIX-YYMM-XXXXXXX``, e.g. ``BS-2306-K7Q2M9D``:

- ``PREFIX``: the initials of the district (or province), "Bình Sơn" → ``BS``; a workspace may set
  its own with ``[handoff] prefix = "..."`` in ``cashless.toml`` (letters and digits);
- ``YYMM``: the month of the roster the row was handed over from;
- ``XXXXXXX``: the first 7 characters (35 bits) of the SHA-256 of
  ``"YYYY-MM|beneficiary ID|account holder ID"``, written in Crockford's base32 (digits and
  capitals without I, L, O, U, so it can be read over the phone).

The code is *stable*: the same person with the same account holder in the same month always gets
the same code (a resent batch quotes the same codes). It is unique within the ledger: in the
astronomically rare case that the 7 characters are already taken by another person, the next
characters of the hash are added (8, 9, … characters), which is still deterministic for a given
ledger.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 7
_PREFIX_OK = re.compile(r"^[A-Z0-9]{1,8}$")


def area_prefix(name: str, configured: object = None) -> str:
    """``[handoff] prefix`` if set and valid, else the initials of the area's name."""
    if isinstance(configured, str) and _PREFIX_OK.match(configured.strip().upper()):
        return configured.strip().upper()
    letters = []
    for word in name.split():
        base = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
        ascii_word = "".join(ch for ch in base if ch.isascii() and ch.isalnum())
        if ascii_word:
            letters.append(ascii_word[0].upper())
    return "".join(letters)[:8] or "CL"


def _base32(digest: bytes) -> str:
    number = int.from_bytes(digest, "big")
    out = []
    for _ in range(len(digest) * 8 // 5):
        out.append(CROCKFORD[number & 31])
        number >>= 5
    return "".join(reversed(out))


def reference_code(
    prefix: str, month: str, beneficiary_id: str, holder_id: str, length: int = CODE_LENGTH
) -> str:
    """The reference code of one person + account holder + month (see the module doc)."""
    digest = hashlib.sha256(f"{month}|{beneficiary_id}|{holder_id}".encode()).digest()
    yymm = month[2:4] + month[5:7]
    return f"{prefix}-{yymm}-{_base32(digest)[:length]}"


Owner = Callable[[str], tuple[str, str, str] | None]


def unique_reference(
    prefix: str,
    month: str,
    beneficiary_id: str,
    holder_id: str,
    owner: Owner,
    taken: dict[str, tuple[str, str, str]],
) -> str:
    """The shortest code (≥ 7 characters) not owned by another key, in the ledger (``owner``)
    or in the batch being built (``taken``, updated)."""
    key = (month, beneficiary_id, holder_id)
    for length in range(CODE_LENGTH, 52):
        code = reference_code(prefix, month, beneficiary_id, holder_id, length)
        holder = taken.get(code) or owner(code)
        if holder is None or holder == key:
            taken[code] = key
            return code
    raise RuntimeError("no free reference code")  # pragma: no cover - 2^-250 odds


def batch_id(prefix: str, month: str, seq: int) -> str:
    """``BS-2023-06-01``: the area's prefix, the month and the batch's number in that month."""
    return f"{prefix}-{month}-{seq:02d}"


BATCH_FILE = re.compile(r"^(?P<batch>[A-Z0-9]{1,8}-\d{4}-\d{2}-\d{2,})_(?P<role>[a-z-]+)\.\w+$")
