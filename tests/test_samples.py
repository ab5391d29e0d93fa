"""The bundled sample workspace: the planted problems are found at their cells, nothing else is
flagged, and every row is accounted for. samples/expected.json is written by the generator from
what it planted, independently of the validator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from cashless_cli.normalise.legacy import detect_legacy, looks_vietnamese
from cashless_cli.schema.month import Month
from cashless_cli.validation import FileReport, Options, validate_file

ROOT = Path(__file__).resolve().parents[1] / "samples"
EXPECTED: dict[str, Any] = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))
CASES = [
    (month, name, spec)
    for month, data in EXPECTED["months"].items()
    for name, spec in data["files"].items()
]
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, str], FileReport]:
    out = {}
    for month, name, _spec in CASES:
        path = ROOT / "workspace" / "rosters" / month / name
        out[(month, name)] = validate_file(path, Options(today=TODAY))
    return out


def test_every_sample_file_is_described() -> None:
    for month, data in EXPECTED["months"].items():
        on_disk = {p.name for p in (ROOT / "workspace" / "rosters" / month).iterdir()}
        assert on_disk == set(data["files"]), month


@pytest.mark.parametrize(("month", "name", "spec"), CASES, ids=[f"{m}/{n}" for m, n, _ in CASES])
def test_sample_roster(
    reports: dict[tuple[str, str], FileReport], month: str, name: str, spec: dict[str, Any]
) -> None:
    report = reports[(month, name)]
    assert report.error is None, report.error and report.error.message("en")
    assert report.sheet == spec["sheet"]
    assert report.header_row == spec["header_row"]
    assert report.month == Month.parse(month)
    assert report.rows == spec["rows"]
    assert report.rows == report.valid_rows + report.rows_with_errors
    expected = {(p["cell"], p["code"]) for p in spec["planted"]}
    expected |= {(p["cell"], p["code"]) for p in spec.get("expected_warnings", [])}
    found = {(p.cell, p.code) for p in report.issues}
    assert found == expected
    error_rows = {p.row for p in report.issues if p.severity == "error"}
    assert report.rows_with_errors == len(error_rows)
    statuses = [r.data.trang_thai for r in report.records]
    registered = sum(1 for s in statuses if s in ("Đã đăng ký", "Đã có tài khoản"))
    assert registered == spec["registered"]
    assert statuses.count("Đã có tài khoản") == spec["with_account"]
    assert statuses.count("Từ chối") == spec["refused"]
    if spec.get("legacy"):
        converted = [p for p in report.info if p.code == "legacy-text-converted"]
        assert converted, "the legacy-encoded sample must be converted and reported"
        names = [r.data.ho_ten or "" for r in report.records]
        assert all(detect_legacy(n) is None for n in names)
        assert sum(1 for n in names if looks_vietnamese(n)) == len(names)
