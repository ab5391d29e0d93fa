"""Vietnamese phone numbers, returned in the national form "0xxxxxxxxx".

Mobiles (10 digits, a current carrier prefix from phone-prefixes.csv) are what the Post Office
needs. Old 11-digit mobile numbers are mapped to their 2018 prefix; landlines are accepted with a
warning (validity from libphonenumber).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from cashless_cli.normalise.base import CellValue, Fix, Invalid, Normalised, is_blank
from cashless_cli.normalise.characters import refuse_hidden_in_number
from cashless_cli.normalise.text import strip_apostrophe
from cashless_cli.schema.domain import phone_prefixes

__all__ = ["normalise_phone"]

_SEPARATORS = re.compile(r"[\s.\-‐‑–—()/]+")


def _from_number(raw: float | int) -> tuple[str, list[Fix]]:
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer() or raw <= 0 or raw >= 1e15:
            raise Invalid("phone-invalid")
        raw = int(raw)
    if raw <= 0:
        raise Invalid("phone-invalid")
    digits = str(raw)
    if len(digits) == 11 and digits.startswith("84"):  # 84 912 345 678: country code, no zero
        return "0" + digits[2:], []
    if len(digits) in (9, 10):  # a 10-digit mobile, or an 11-digit old mobile/landline, minus "0"
        fixed = "0" + digits
        return fixed, [Fix("leading-zero-restored", {"fixed": fixed})]
    return digits, []


def _from_text(text: str) -> str:
    text = _SEPARATORS.sub("", strip_apostrophe(text))
    if text.startswith("+"):
        if not text.startswith("+84"):
            raise Invalid("phone-invalid")
        text = text[3:]
    elif text.startswith("0084"):
        text = text[4:]
    elif text.startswith("84") and len(text) in (11, 12):  # 84 + 9 digits, or 84 + 10 (old)
        text = text[2:]
    else:
        return text
    return text if text.startswith("0") else "0" + text


def normalise_phone(raw: CellValue) -> Normalised[str | None]:
    """A phone number as "0" + national digits; mobiles are 10 digits."""
    if is_blank(raw):
        return Normalised(None)
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        raise Invalid("phone-invalid")
    fixes: list[Fix]
    if isinstance(raw, int | float):
        national, fixes = _from_number(raw)
    else:
        national, fixes = _from_text(str(raw)), []
    if not (national.isascii() and national.isdigit() and national.startswith("0")):
        if isinstance(raw, str):
            refuse_hidden_in_number(raw)
        raise Invalid("phone-invalid")
    prefixes = phone_prefixes()
    if len(national) == 10 and national[:3] in prefixes.mobile:
        return Normalised(national, tuple(fixes))
    if len(national) == 11 and national[:4] in prefixes.old11:
        new = prefixes.old11[national[:4]] + national[4:]
        return Normalised(new, (*fixes, Fix("phone-old-prefix", {"fixed": new})))
    if national.startswith("02") and _is_landline(national):
        return Normalised(national, (*fixes, Fix("phone-landline")))
    raise Invalid("phone-invalid")


def _is_landline(national: str) -> bool:
    # libphonenumber is imported for the few numbers that may be landlines: importing it costs
    # every cashless command ~15 ms, and most rosters hold none
    import phonenumbers

    landline = {
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
    try:
        number = phonenumbers.parse(national, "VN")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in landline
