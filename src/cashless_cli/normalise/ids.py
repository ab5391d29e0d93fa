"""Personal ID numbers (12-digit số định danh, 9-digit old CMND) and bank account numbers.

Both are digit strings that Excel likes to turn into numbers: the leading zero goes, and beyond
15 significant digits the number itself is already wrong.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from cashless_cli.normalise.base import CellValue, Fix, Invalid, Normalised, blank_or_refused
from cashless_cli.normalise.characters import refuse_hidden_in_number
from cashless_cli.normalise.text import render_cell, strip_apostrophe

__all__ = ["IdFacts", "id_facts", "normalise_account", "normalise_id"]

#: Excel keeps 15 significant digits; a number cell at or above this has lost digits.
PRECISION_LIMIT = 10**15

_SEPARATORS = re.compile(r"[\s.\-‐‑–—_]+")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")


def _digits_of_number(raw: float | int) -> str | None:
    """The digits of a whole, non-negative number cell; None if it is not one.

    Raises ``number-precision-lost`` for numbers Excel cannot have stored exactly.
    """
    if isinstance(raw, float):
        if not math.isfinite(raw):
            return None
        if abs(raw) >= PRECISION_LIMIT:
            raise Invalid("number-precision-lost")
        if not raw.is_integer() or raw < 0:
            return None
        return str(int(raw))
    if abs(raw) >= PRECISION_LIMIT:
        raise Invalid("number-precision-lost")
    return str(raw) if raw >= 0 else None


def _clean_digit_text(text: str) -> str:
    """Text with a leading apostrophe, spaces, dots and dashes removed."""
    text = strip_apostrophe(text)
    if _SCIENTIFIC.match(text):
        # "7.91234E+11": the number was already rounded before it became text
        raise Invalid("number-precision-lost")
    return _SEPARATORS.sub("", text)


def _count_digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def normalise_id(raw: CellValue) -> Normalised[str | None]:
    """A personal ID: 12 digits (or an old 9-digit CMND, with a warning).

    A number cell that lost its leading zero (11 or 8 digits) gets it back, with a warning.
    """
    if blank_or_refused(raw, "id-invalid", digits=0):
        return Normalised(None)
    if isinstance(raw, int | float):
        digits = _digits_of_number(raw)
        if digits is None:
            raise Invalid("id-invalid", digits=_count_digits(render_cell(raw)))
        fixes: list[Fix] = []
        if len(digits) in (11, 8):
            digits = "0" + digits
            fixes.append(Fix("leading-zero-restored", {"fixed": digits}))
        return _check_id_digits(digits, fixes)
    text = _clean_digit_text(str(raw))
    if not text.isascii() or not text.isdigit():
        refuse_hidden_in_number(str(raw))
        raise Invalid("id-invalid", digits=_count_digits(text))
    return _check_id_digits(text, [])


def _check_id_digits(digits: str, fixes: list[Fix]) -> Normalised[str | None]:
    if len(digits) == 12:
        return Normalised(digits, tuple(fixes))
    if len(digits) == 9:
        return Normalised(digits, (*fixes, Fix("id-old-cmnd")))
    raise Invalid("id-invalid", digits=len(digits))


def normalise_account(raw: CellValue) -> Normalised[str | None]:
    """A bank or Post Office account number: 6 to 19 digits, kept as text."""
    if blank_or_refused(raw, "account-invalid"):
        return Normalised(None)
    if isinstance(raw, int | float):
        digits = _digits_of_number(raw)
        if digits is None:
            raise Invalid("account-invalid")
    else:
        digits = _clean_digit_text(str(raw))
    if not (digits.isascii() and digits.isdigit() and 6 <= len(digits) <= 19):
        if isinstance(raw, str):
            refuse_hidden_in_number(raw)
        raise Invalid("account-invalid")
    return Normalised(digits)


@dataclass(frozen=True, slots=True)
class IdFacts:
    """What a 12-digit personal ID says about its holder."""

    province_code: str  # digits 1-3: province of birth registration
    sex: str  # "Nam" or "Nữ", from digit 4
    birth_year: int  # century from digit 4, last two digits from digits 5-6
    sex_digit: str  # digit 4 itself


def id_facts(id12: str) -> IdFacts:
    """Decode a 12-digit ID (ValueError if it is not 12 digits).

    Digit 4: 0/1 male/female born 1900-1999, 2/3 2000-2099, 4/5 2100-2199, 6/7 2200-2299,
    8/9 2300-2399.
    """
    if len(id12) != 12 or not (id12.isascii() and id12.isdigit()):
        raise ValueError(f"not a 12-digit ID: {id12!r}")
    d4 = int(id12[3])
    century = 1900 + (d4 // 2) * 100
    return IdFacts(
        province_code=id12[:3],
        sex="Nam" if d4 % 2 == 0 else "Nữ",
        birth_year=century + int(id12[4:6]),
        sex_digit=id12[3],
    )
