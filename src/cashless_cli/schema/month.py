"""A month of the calendar: what a roster, a report, a batch and a payment list are for."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month ("2023-06"); months sort in time order."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def of_folder(cls, name: str) -> Month | None:
        """The month of a folder named as a workspace names them ("2025-08"), else None."""
        if not re.fullmatch(r"\d{4}-\d{2}", name):
            return None
        try:
            return cls.parse(name)
        except ValueError:
            return None

    @classmethod
    def parse(cls, text: str) -> Month:
        """ "2023-06", "06/2023", "6/2023", "T6/2023", "2023/6" → Month; ValueError otherwise."""
        s = text.strip().lower().lstrip("t").strip()
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", s) or None
        if m:
            year, month = int(m.group(1)), int(m.group(2))
        else:
            m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", s)
            if not m:
                raise ValueError(f"not a month: {text!r} (write YYYY-MM, e.g. 2023-06)")
            month, year = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or not 1900 <= year <= 2200:
            raise ValueError(f"not a month: {text!r} (write YYYY-MM, e.g. 2023-06)")
        return cls(year, month)
