"""How a worker's :class:`FileReport` travels back to the command that started it.

A report holds a thousand :class:`Record`\\ s and thousands of :class:`LooseDate`\\ s per roster;
pickle's default way with a slotted class (a state dict per object) and with a slotted frozen
dataclass (a Python ``__getstate__`` walking the fields, per object) costs more than a tenth of
the file's validation. :func:`install` gives both a reducer that sends the slot values as one
tuple and rebuilds the object from them: the same object, every slot as it was (the values were
checked in the worker; a LooseDate is not checked again). It is installed in the workers only
(:func:`cashless_cli.dataset.month.validate_many`), so nothing else a worker pickles changes.
"""

from __future__ import annotations

import copyreg
from typing import Any

from cashless_cli.checks.status import StatusSource
from cashless_cli.normalise.dates import LooseDate
from cashless_cli.schema.row import ParsedTable, RosterRow
from cashless_cli.validation import Record

#: The slots the reducers below send; a class whose slots differ keeps pickle's default way.
RECORD_SLOTS = frozenset(
    ("_data", "_index", "_table", "errors", "postoffice_account", "row", "status_from", "warnings")
)
DATE_SLOTS = frozenset(("year", "month", "day"))
_new = object.__new__
_set = object.__setattr__  # LooseDate is frozen: its own __setattr__ refuses


def _record(
    row: int,
    table: ParsedTable,
    index: int,
    errors: int,
    warnings: int,
    account: str | None,
    source: StatusSource,
    data: RosterRow | None,
) -> Record:
    record: Record = _new(Record)
    record.row = row
    record._table = table
    record._index = index
    record.errors = errors
    record.warnings = warnings
    record.postoffice_account = account
    record.status_from = source
    record._data = data
    return record


def _date(year: int, month: int | None, day: int | None) -> LooseDate:
    date: LooseDate = _new(LooseDate)
    _set(date, "year", year)
    _set(date, "month", month)
    _set(date, "day", day)
    return date


def _reduce_record(r: Record) -> tuple[Any, ...]:
    state = (r.row, r._table, r._index, r.errors, r.warnings, r.postoffice_account, r.status_from)
    return _record, (*state, r._data)


def _reduce_date(d: LooseDate) -> tuple[Any, ...]:
    return _date, (d.year, d.month, d.day)


def install() -> bool:
    """Pickle records and dates compactly in this process (a worker's); False (pickle's own way
    kept) when a class no longer has the slots the reducers know."""
    if set(Record.__slots__) != RECORD_SLOTS or set(LooseDate.__slots__) != DATE_SLOTS:
        return False
    copyreg.pickle(Record, _reduce_record)
    copyreg.pickle(LooseDate, _reduce_date)
    return True
