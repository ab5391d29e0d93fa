"""Real layouts (tests/real_layouts, sources in SOURCES.md): a clean copy reads with no error,
and every planted mistake is found at its cell with its code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import ModuleType

import pytest

from cashless_cli.problems import Severity
from cashless_cli.read.metadata import Month
from cashless_cli.validation import FileReport, Options, validate_file
from real_layouts import LAYOUTS

CASES = sorted(LAYOUTS)


def _options(module: ModuleType) -> Options:
    year, month = module.MONTH
    return Options(month=Month(year, month), today=dt.date(year, month, 1) + dt.timedelta(days=45))


def _validate(module: ModuleType, path: Path) -> FileReport:
    report = validate_file(path, _options(module))
    assert report.error is None, f"{module.NAME}: {report.error}"
    return report


@pytest.mark.parametrize("name", CASES)
def test_clean_copy_has_no_error(name: str, tmp_path: Path) -> None:
    module = LAYOUTS[name]
    written = module.write(tmp_path / f"{name}.xlsx")
    report = _validate(module, tmp_path / f"{name}.xlsx")
    errors = [
        f"{p.cell} {p.code} {p.value!r}" for p in report.problems if p.severity is Severity.ERROR
    ]
    assert errors == [], f"{name} ({module.SOURCE}): false errors"
    assert report.rows == written.rows
    assert report.valid_rows == written.rows


@pytest.mark.parametrize("name", CASES)
def test_planted_mistakes_are_found_at_their_cells(name: str, tmp_path: Path) -> None:
    module = LAYOUTS[name]
    written = module.write(tmp_path / f"{name}.xlsx", mistakes=True)
    assert written.planted
    report = _validate(module, tmp_path / f"{name}.xlsx")
    found = {(p.cell, p.code) for p in report.problems}
    missing = [pair for pair in written.planted if pair not in found]
    assert missing == [], f"{name}: not found {missing}; found {sorted(found)}"
    assert report.rows == written.rows
