"""Money (whole đồng) and coefficients."""

from __future__ import annotations

import datetime as dt
import math
import re

from cashless_cli.normalise.base import CellValue, Invalid, Normalised, is_blank
from cashless_cli.normalise.text import clean_text, strip_apostrophe

__all__ = ["normalise_amount", "normalise_coefficient"]

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
    "1080000đ", "1.080.000 đồng". Not positive or not whole → ``amount-invalid``."""
    if is_blank(raw):
        return Normalised(None)
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        raise Invalid("amount-invalid")
    value: int | None
    if isinstance(raw, float):
        value = int(raw) if math.isfinite(raw) and raw.is_integer() else None
    elif isinstance(raw, int):
        value = raw
    else:
        text = clean_text(strip_apostrophe(str(raw)))
        value = _amount_text(text) if text else None
    if value is None or value <= 0:
        raise Invalid("amount-invalid")
    return Normalised(value)


def normalise_coefficient(raw: CellValue) -> Normalised[float | None]:
    """A coefficient: 1.5, "1,5" or "1.5". Anything else → ``value-invalid``."""
    if is_blank(raw):
        return Normalised(None)
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        raise Invalid("value-invalid")
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = _SPACES.sub("", strip_apostrophe(str(raw)))
        if not re.fullmatch(r"\d+(?:[.,]\d+)?", text):
            raise Invalid("value-invalid")
        value = float(text.replace(",", "."))
    if not math.isfinite(value) or value <= 0:
        raise Invalid("value-invalid")
    return Normalised(value)
