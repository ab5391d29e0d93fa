"""A roster's report as a worker sends it back (dataset/wire.py): every row, value, date and
finding the same as in the worker, whether it travelled the compact way or pickle's own."""

from __future__ import annotations

import copyreg
import io
import pickle
from pathlib import Path
from typing import Any

import pytest

from cashless_cli.dataset import wire
from cashless_cli.dataset.month import validate_many
from cashless_cli.normalise.dates import LooseDate
from cashless_cli.schema.month import Month
from cashless_cli.validation import FileReport, Options, Record, validate_file
from factory import Layout, make_rows, write_roster

JUNE = Month(2023, 6)


def _roster(folder: Path, name: str, seed: int) -> Path:
    rows = make_rows(30, seed=seed)
    rows[2]["dien_thoai"] = "0123456789"  # an error
    rows[4]["ngay_sinh"] = "1948"  # a year only: a partial date
    rows[5]["ngay_sinh"] = "06/1950"  # a month and a year
    rows[6]["muc_tro_cap"] = 123_000  # a warning
    rows[7]["trang_thai"] = "Không rõ"
    return write_roster(folder / name, rows, Layout(commune=name.split(".")[0])).path


def _seen(report: FileReport) -> tuple[Any, ...]:
    """Everything a command reads from a report."""
    records = [
        (r.row, r.errors, r.warnings, r.status_from, r.postoffice_account, r.data)
        for r in report.records
    ]
    return (
        report.path,
        report.sheet,
        report.header_row,
        report.commune,
        report.month,
        report.columns,
        report.column_cells,
        report.skipped,
        report.signed_on,
        records,
        list(report.problems),
        report.error,
    )


def _compact_round_trip(report: FileReport) -> FileReport:
    """``report`` pickled with the wire's reducers (in a table of its own: the test process's
    pickling stays as it is) and loaded back."""
    sink = io.BytesIO()
    pickler = pickle.Pickler(sink, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[Record] = wire._reduce_record
    pickler.dispatch_table[LooseDate] = wire._reduce_date
    pickler.dump(report)
    loaded: FileReport = pickle.loads(sink.getvalue())
    return loaded


def test_the_reducers_know_every_slot() -> None:
    """A slot added to a record or a date must be sent too: the reducers name each slot."""
    assert set(Record.__slots__) == wire.RECORD_SLOTS
    assert set(LooseDate.__slots__) == wire.DATE_SLOTS


def test_a_report_comes_back_the_same(tmp_path: Path) -> None:
    report = validate_file(_roster(tmp_path, "Bình Hòa.xlsx", 3), Options(month=JUNE))
    assert report.error is None and report.issues
    dates = [r.data.ngay_sinh for r in report.records]
    assert LooseDate(1948) in dates and LooseDate(1950, 6) in dates
    back = _compact_round_trip(report)
    assert _seen(back) == _seen(report)
    default = pickle.loads(pickle.dumps(report, pickle.HIGHEST_PROTOCOL))
    assert _seen(back) == _seen(default)
    again = [r.data.ngay_sinh for r in back.records]
    assert [d.iso() if d else None for d in again] == [d.iso() if d else None for d in dates]
    assert all(type(d) is LooseDate for d in again if d is not None)
    with pytest.raises(AttributeError):  # still frozen once loaded
        again[0].year = 1900  # type: ignore[misc,union-attr]


@pytest.mark.slow
def test_the_pool_gives_the_reports_one_process_gives(tmp_path: Path) -> None:
    paths = [_roster(tmp_path, f"{name}.xlsx", i) for i, name in enumerate("ABCDE")]
    options = Options(month=JUNE)
    pooled = validate_many(paths, options, workers=2)
    alone = validate_many(paths, options, workers=1)
    assert list(pooled) == list(alone) == paths
    assert [_seen(r) for r in pooled.values()] == [_seen(r) for r in alone.values()]
