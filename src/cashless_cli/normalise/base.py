"""The two outcomes of a normaliser besides a clean value: a repair it made, or a refusal.

Both carry a problem code from :mod:`cashless_cli.problems` and the parameters its message
template needs, so that the caller can turn them into located problems without knowing the rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: What python-calamine hands us for a cell.
CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass(frozen=True, slots=True)
class Fix:
    """A repair a normaliser made (becomes a warning, or information, at the cell)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class Invalid(ValueError):
    """A value that cannot be used; ``code`` names the problem in the catalogue."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Normalised(Generic[T]):
    value: T
    fixes: tuple[Fix, ...] = ()


def is_blank(raw: CellValue) -> bool:
    """An empty cell, or one holding only white space."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def blank_or_refused(raw: CellValue, code: str, **params: Any) -> bool:
    """True for a blank cell; raises ``Invalid(code)`` for a boolean, date, time or duration,
    which no number-like column (amount, coefficient, account, ID) can hold."""
    if is_blank(raw):
        return True
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        raise Invalid(code, **params)
    return False
