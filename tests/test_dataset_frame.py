"""The month's frame from fields worked out as each report arrived (dataset/figures.py
FrameFields) is the frame worked out at the end, and a report whose rows changed since is
worked out again."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cashless_cli.dataset.figures import FrameFields, build_frame
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.validation import FileReport, Options, validate_file
from factory import Layout, make_rows, write_roster

JUNE = Month(2023, 6)


def _report(folder: Path, name: str, seed: int) -> FileReport:
    rows = make_rows(12, seed=seed)
    rows[1]["ngay_sinh"] = "1948"  # a year only
    rows[2]["dien_thoai"] = "0123456789"  # an error
    path = write_roster(folder / f"{name}.xlsx", rows, Layout(commune=name)).path
    return validate_file(path, Options(month=JUNE))


def test_fields_worked_out_on_arrival_make_the_same_frame(tmp_path: Path) -> None:
    parts = [
        (Unit("21079", "Bình Hòa", "xã"), _report(tmp_path, "Bình Hòa", 1)),
        (Unit("21085", "Bình Minh", "xã"), _report(tmp_path, "Bình Minh", 2)),
    ]
    ready = FrameFields()
    for _, report in parts:
        ready.add(report)
    early = build_frame(parts, {}, ready)
    late = build_frame(parts, {})
    pd.testing.assert_frame_equal(early, late, check_exact=True)
    assert list(early["ngay_sinh"])[1] == "1948"
    assert len(early) == 24


def test_a_report_whose_rows_changed_is_worked_out_again(tmp_path: Path) -> None:
    unit = Unit("21079", "Bình Hòa", "xã")
    report = _report(tmp_path, "Bình Hòa", 3)
    ready = FrameFields()
    ready.add(report)
    report.records = report.records[:5]  # e.g. a caller keeping some rows only
    frame = build_frame([(unit, report)], {}, ready)
    assert len(frame) == 5
    assert list(frame["sheet_row"]) == [r.row for r in report.records]
