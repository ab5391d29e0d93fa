"""The one place that decides how a value becomes a cell (xlsx) or a field (CSV).

- Text stays text: a name typed as ``=HYPERLINK(...)``, ``@SUM(1)``, ``+1`` or ``#N/A`` is written
  as a plain string, never as a formula or an error cell (openpyxl would otherwise turn a string
  starting with "=" into a live formula).
- Characters XML forbids are removed; text longer than Excel's 32,767-character limit is cut.
- IDs, phones and account numbers are strings, so no digit is lost.
- Dates get a dd/mm/yyyy format; a year-only birth date stays the year.

No other module sets ``cell.value`` on its own terms: use :func:`put`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from openpyxl.cell.cell import Cell

from cashless_cli.fs.csvsafe import inert
from cashless_cli.normalise.dates import LooseDate

EXCEL_MAX_TEXT = 32_767
DATE_FORMAT = "DD/MM/YYYY"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_str(text: str) -> str:
    """Text safe for XML: no control characters, at most Excel's cell length."""
    text = _ILLEGAL.sub("", text)
    if len(text) > EXCEL_MAX_TEXT:
        text = text[: EXCEL_MAX_TEXT - 1] + "…"
    return text


def put(cell: Cell, value: Any, number_format: str | None = None) -> Cell:
    """Write ``value`` into ``cell`` safely (see the module doc) and return the cell."""
    if value is None:
        cell.value = None
    elif isinstance(value, LooseDate):
        if value.date is not None:
            cell.value = value.date
            cell.number_format = DATE_FORMAT
        else:
            _text(cell, str(value))
    elif isinstance(value, dt.datetime | dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int):
        if abs(value) >= 10**15:
            _text(cell, str(value))  # Excel keeps 15 digits of a number
        else:
            cell.value = value
    elif isinstance(value, float):
        cell.value = value
    else:
        _text(cell, str(value))
    if number_format is not None:
        cell.number_format = number_format
    return cell


def _text(cell: Cell, text: str) -> None:
    cell.value = clean_str(text)
    cell.data_type = "s"  # never a formula, never an error value


def csv_field(value: Any) -> str:
    """A CSV field that a spreadsheet will not run: text starting with = + - @ gets a leading
    apostrophe (OWASP's advice for CSV injection, :func:`~cashless_cli.fs.csvsafe.inert`); dates
    are dd/mm/yyyy. Write the lines with :func:`~cashless_cli.fs.csvsafe.csv_text`."""
    if value is None:
        return ""
    if isinstance(value, LooseDate):
        return str(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, str):
        return str(value)
    return inert(_ILLEGAL.sub("", value))
