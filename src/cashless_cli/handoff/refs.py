"""Reference codes that the Post Office quotes back, and batch IDs.

A reference code is ``PREFIX-YYMM-XXXXXXX``, e.g. ``BS-2306-K7Q2M9D``:

- ``PREFIX``: the initials of the district (or province), "Bình Sơn" → ``BS``; a workspace may set
  its own with ``[handoff] prefix = "..."`` in ``cashless.toml`` (letters and digits);
- ``YYMM``: the month of the roster the row was handed over from;
- ``XXXXXXX``: 7 random characters (35 bits from :mod:`secrets`) in Crockford's base32 (digits
  and capitals without I, L, O, U, so it can be read over the phone).

The code reveals nothing about the person (it is not derived from the ID, so a masked ID printed
beside it cannot be recovered from it). It is kept in the ledger (table ``refs``): the same person
with the same account holder in the same month gets the same code again (a resent batch quotes
the same codes), and a new code is drawn again until it is owned by nobody in the ledger or in
the batch being built.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

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


def random_code(prefix: str, month: str, length: int = CODE_LENGTH) -> str:
    """A fresh random code of ``month`` (see the module doc)."""
    # 32 letters: a random byte's five low bits pick one uniformly (one system call a code,
    # not one a letter: a province's list draws 60,000 codes)
    body = "".join(CROCKFORD[b & 31] for b in secrets.token_bytes(length))
    return f"{prefix}-{month[2:4]}{month[5:7]}-{body}"


Key = tuple[str, str, str]  # month, beneficiary's ID, account holder's ID
Owner = Callable[[str], Key | None]
Known = Callable[[str, str, str], str | None]


@dataclass(slots=True)
class BatchCodes:
    """The codes given in the batch being built, looked up both ways (a province's batch gives
    150,000: a search through them for every row grew with their square)."""

    by_code: dict[str, Key] = field(default_factory=dict)
    by_key: dict[Key, str] = field(default_factory=dict)

    def add(self, code: str, key: Key) -> None:
        self.by_code[code] = key
        self.by_key.setdefault(key, code)  # the first code given to a key stays its code


def unique_reference(
    prefix: str,
    month: str,
    beneficiary_id: str,
    holder_id: str,
    owner: Owner,
    taken: BatchCodes,
    known: Known,
    draw: Callable[[str, str], str] = random_code,
) -> str:
    """The code of this person + holder + month: the one the ledger already gave them
    (``known``), else a fresh random one owned by nobody in the ledger (``owner``) or in the
    batch being built (``taken``, updated)."""
    key = (month, beneficiary_id, holder_id)
    code = known(*key)
    if code is not None:
        taken.add(code, key)
        return code
    code = taken.by_key.get(key)  # the same key twice in one batch (cannot happen, but keep one)
    if code is not None:
        return code
    while True:
        code = draw(prefix, month)
        if code not in taken.by_code and owner(code) is None:
            taken.add(code, key)
            return code


def batch_id(prefix: str, month: str, seq: int) -> str:
    """``BS-2023-06-01``: the area's prefix, the month and the batch's number in that month."""
    return f"{prefix}-{month}-{seq:02d}"


BATCH_FILE = re.compile(r"^(?P<batch>[A-Z0-9]{1,8}-\d{4}-\d{2}-\d{2,})_(?P<role>[a-z-]+)\.\w+$")
