"""The collector's policy is the process's, set at its edge: a library call leaves it alone, the
``cashless`` command and its workers set it for bulk work."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cashless_cli import validation
from cashless_cli.gcpause import BULK_THRESHOLDS, tune_for_bulk
from factory import make_rows, write_roster


@pytest.fixture
def default_collector() -> Iterator[None]:
    before = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*before[0])
    (gc.enable if before[1] else gc.disable)()


def test_validate_file_leaves_the_callers_collector_as_it_was(
    tmp_path: Path, default_collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = tmp_path / "r.xlsx"
    write_roster(roster, make_rows(30))
    seen: list[tuple[bool, tuple[int, int, int]]] = []
    inner = validation._validate_book

    def watched(*args: Any) -> None:  # the collector as the work inside the call sees it
        seen.append((gc.isenabled(), gc.get_threshold()))
        inner(*args)

    monkeypatch.setattr(validation, "_validate_book", watched)
    gc.set_threshold(700, 10, 10)
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        report = validation.validate_file(roster)
        assert report.error is None and len(report.records) == 30
        assert (gc.isenabled(), gc.get_threshold()) == (enabled, (700, 10, 10))
    assert seen == [(True, (700, 10, 10)), (False, (700, 10, 10))]


def test_tuning_keeps_the_collector_on_with_larger_thresholds(default_collector: None) -> None:
    gc.set_threshold(700, 10, 10)
    tune_for_bulk()
    assert gc.isenabled()
    assert gc.get_threshold() == BULK_THRESHOLDS
    assert BULK_THRESHOLDS[0] > 700


def test_the_command_tunes_its_own_process() -> None:
    code = (
        "import gc, sys\n"
        "from cashless_cli.cli import app\n"
        "app.app = lambda: print(gc.get_threshold(), gc.isenabled())\n"
        "app.main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"{BULK_THRESHOLDS} True"
