"""Money (whole đồng) and coefficients."""

from __future__ import annotations

import math
import re

from cashless_cli.normalise.base import CellValue, Invalid, Normalised, blank_or_refused
from cashless_cli.normalise.text import clean_text, strip_apostrophe

__all__ = [
    "MAX_AMOUNT",
    "MAX_COEFFICIENT",
    "normalise_amount",
    "normalise_arrears",
    "normalise_coefficient",
]

#: No allowance row, arrears of years included, comes near this (1 billion đồng); a larger number
#: is a pasted account or ID number, or 1E+20: refused at the cell, never added to totals.
MAX_AMOUNT = 1_000_000_000
#: Decree 20/2021 coefficients go up to 3 (vendors' old catalogues up to 4); above 10 is an error.
MAX_COEFFICIENT = 10.0

_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|dong|d)\.?$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN = re.compile(r"\d+")
_DOT_GROUPS = re.compile(r"(\d{1,3}(?:\.\d{3})+)(?:,0+)?")  # 1.080.000 or 1.080.000,00
_COMMA_GROUPS = re.compile(r"(\d{1,3}(?:,\d{3})+)(?:\.0+)?")  # 1,080,000 or 1,080,000.00
_ZERO_DECIMALS = re.compile(r"(\d+)[.,]0+")  # 1080000.00


def _amount_text(text: str) -> int | None:
    text = _CURRENCY.sub("", text.strip())
    # spaces as thousands separators ("1 080 000") go; other separators are checked below
    text = _SPACES.sub("", text)
    for pattern in (_PLAIN, _DOT_GROUPS, _COMMA_GROUPS, _ZERO_DECIMALS):
        m = pattern.fullmatch(text)
        if m:
            return int(re.sub(r"\D", "", m.group(1) if m.groups() else m.group(0)))
    return None


def normalise_amount(raw: CellValue) -> Normalised[int | None]:
    """A monthly amount in whole đồng: 1080000.0, "1.080.000", "1,080,000", "1 080 000",
    "1080000đ", "1.080.000 đồng". Not positive or not whole → ``amount-invalid``; above
    :data:`MAX_AMOUNT` → ``amount-out-of-range``."""
    value = _whole_dong(raw)
    if value is not None and value <= 0:
        raise Invalid("amount-invalid")
    return Normalised(value)


def normalise_arrears(raw: CellValue) -> Normalised[int | None]:
    """An amount owed from earlier months ("Chưa trả tháng trước › Số tiền", "Truy lĩnh"): as
    :func:`normalise_amount`, but 0 — nothing owed, the usual case — is a value, not an error."""
    value = _whole_dong(raw)
    if value is not None and value < 0:
        raise Invalid("amount-invalid")
    return Normalised(value)


def _whole_dong(raw: CellValue) -> int | None:
    if blank_or_refused(raw, "amount-invalid"):
        return None
    value: int | None
    if isinstance(raw, float):
        if math.isfinite(raw) and abs(raw) > MAX_AMOUNT:
            raise Invalid("amount-out-of-range", max=_dots(MAX_AMOUNT))
        value = int(raw) if math.isfinite(raw) and raw.is_integer() else None
    elif isinstance(raw, int):
        value = raw
    else:
        text = clean_text(strip_apostrophe(str(raw)))
        value = _amount_text(text) if text else None
    if value is None:
        raise Invalid("amount-invalid")
    if abs(value) > MAX_AMOUNT:
        raise Invalid("amount-out-of-range", max=_dots(MAX_AMOUNT))
    return value


def _dots(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def normalise_coefficient(raw: CellValue) -> Normalised[float | None]:
    """A coefficient: 1.5, "1,5" or "1.5". Above :data:`MAX_COEFFICIENT` →
    ``coefficient-out-of-range``; anything else that is no positive number → ``value-invalid``."""
    if blank_or_refused(raw, "value-invalid"):
        return Normalised(None)
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = _SPACES.sub("", strip_apostrophe(str(raw)))
        if not re.fullmatch(r"\d+(?:[.,]\d+)?", text):
            raise Invalid("value-invalid")
        value = float(text.replace(",", "."))
    if not math.isfinite(value) or value <= 0:
        raise Invalid("value-invalid")
    if value > MAX_COEFFICIENT:
        raise Invalid("coefficient-out-of-range", max=f"{MAX_COEFFICIENT:g}")
    return Normalised(value)
