"""A roster of another month in a month's folder is never published, handed over or paid as
that month's; the latest month is the latest one that has rosters (empty newer folders skipped)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cashless_cli.handoff.export import export_postoffice
from cashless_cli.payments.export import export_payments
from cashless_cli.schema.month import Month
from cashless_cli.validation import Options, validate_file
from cashless_cli.workspace.config import load_workspace
from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "workspace"
HOA_JUNE = "binh_hoa T6.xlsx"
HOA_MAY = "binh_hoa T5.xlsx"
TIMEOUT = 120.0


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".cashless", "reports"))
    return target


def may_roster_in_june(ws: Path) -> None:
    """Bình Hòa sends its May roster again for June."""
    june = ws / "rosters" / "2023-06"
    (june / HOA_JUNE).unlink()
    shutil.copy(ws / "rosters" / "2023-05" / HOA_MAY, june / HOA_MAY)


def summarize_json(ws: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_cli("summarize", "-w", ws, "--format", "json", *args, timeout=TIMEOUT)
    return run.returncode, json.loads(run.stdout)


def test_a_file_read_for_another_month_is_flagged_at_its_title_cell() -> None:
    path = SAMPLE / "rosters" / "2023-06" / HOA_JUNE
    report = validate_file(path, Options(month=Month(2023, 7)))
    found = report.other_month
    assert found is not None and found.code == "roster-month-mismatch" and found.cell == "A3"
    assert "2023-06" in found.message("en") and "Tháng 6 năm 2023" in found.message("vi")
    assert report.month == Month(2023, 7)  # validate --month still wins: not one of its findings
    assert validate_file(path, Options(month=Month(2023, 6))).other_month is None
    assert validate_file(path, Options()).other_month is None


def test_summarize_does_not_publish_a_roster_of_another_month(ws: Path) -> None:
    may_roster_in_june(ws)
    code, doc = summarize_json(ws, "--month", "2023-06")
    assert code == 1  # written, but look at Bình Hòa
    hoa = next(c for c in doc["communes"] if c["name"] == "Bình Hòa")
    assert hoa["reported"] is False and hoa["rate"] is None and hoa["file"] == HOA_MAY
    assert hoa["unreadable"]["code"] == "roster-month-mismatch"
    assert "2023-05" in hoa["unreadable"]["message"] and "2023-06" in hoa["unreadable"]["message"]
    minh = next(c for c in doc["communes"] if c["name"] == "Bình Minh")
    assert minh["reported"] is True and minh["rate"] == 11.03


def test_summarize_refuses_a_month_whose_only_roster_is_of_another_month(ws: Path) -> None:
    july = ws / "rosters" / "2023-07"
    july.mkdir()
    shutil.copy(ws / "rosters" / "2023-06" / HOA_JUNE, july / HOA_JUNE)
    run = run_cli("summarize", "-w", ws, "--month", "2023-07", "--lang", "vi", timeout=TIMEOUT)
    assert run.returncode == 2, run.describe()
    assert HOA_JUNE in run.stderr and "tháng 6/2023" in run.stderr, run.stderr
    assert "ô tiêu đề A3" in run.stderr, run.stderr
    assert not (ws / "reports" / "2023-07").exists()


def test_handoff_leaves_out_a_roster_of_another_month(ws: Path) -> None:
    may_roster_in_june(ws)
    result = export_postoffice(load_workspace(ws), Month(2023, 6), workers=1)
    hoa = next(c for c in result.selection.communes if c.unit.name == "Bình Hòa")
    assert hoa.unreadable and hoa.rows == []
    doc = next(c for c in result.to_dict()["communes"] if c["name"] == "Bình Hòa")
    assert doc["problem_code"] == "commune-unreadable"
    assert doc["problem_params"]["error_code"] == "roster-month-mismatch"


def test_payment_list_leaves_out_a_roster_of_another_month_and_counts_its_people(
    ws: Path,
) -> None:
    may_roster_in_june(ws)
    may_rows = len(validate_file(ws / "rosters" / "2023-06" / HOA_MAY).records)
    payments = export_payments(load_workspace(ws), Month(2023, 6), workers=1).payments
    hoa = next(c for c in payments.communes if c.unit.name == "Bình Hòa")
    assert hoa.accounts == [] and hoa.cash == [] and hoa.check == []
    assert hoa.status is not None and hoa.status.params["error_code"] == "roster-month-mismatch"
    unlisted = [u for u in payments.unlisted if u.path.name == HOA_MAY]
    assert len(unlisted) == 1 and unlisted[0].rows == may_rows > 0
    assert "2023-05" in unlisted[0].problem().message("en")


def test_latest_month_skips_empty_newer_folders(ws: Path) -> None:
    (ws / "rosters" / "2023-08").mkdir()
    (ws / "rosters" / "2023-09" / "notes").mkdir(parents=True)
    assert load_workspace(ws).latest_month() == Month(2023, 6)
    for args in ((), ("--month",)):
        code, doc = summarize_json(ws, *args)
        assert code == 0 and doc["month"] == "2023-06"
    run = run_cli("summarize", "-w", ws, "--month", "2023-08", timeout=TIMEOUT)
    assert run.returncode == 2 and "No rosters for 2023-08" in run.stderr  # asked for: said


def test_latest_month_of_empty_folders_is_the_newest(tmp_path: Path, ws: Path) -> None:
    for month in ("2023-05", "2023-06"):
        shutil.rmtree(ws / "rosters" / month)
        (ws / "rosters" / month).mkdir()
    assert load_workspace(ws).latest_month() == Month(2023, 6)


def test_validate_of_a_month_folder_flags_the_roster_of_another_month(ws: Path) -> None:
    """validate FOLDER checks each roster as summarize will: of its folder's month (the trial
    saw a tick beside "tháng: 2025-07" in the 2025-08 folder, then summarize dropped it)."""
    may_roster_in_june(ws)
    june = ws / "rosters" / "2023-06"
    run = run_cli("validate", june, "--format", "json", timeout=TIMEOUT)
    assert run.returncode == 1, run.describe()
    files = {Path(f["path"]).name: f for f in json.loads(run.stdout)["files"]}
    codes = [p["code"] for p in files[HOA_MAY]["issues"]]
    assert "roster-month-mismatch" in codes, codes
    assert all(
        "roster-month-mismatch" not in [p["code"] for p in f["issues"]]
        for name, f in files.items()
        if name != HOA_MAY
    )
    said = run_cli("validate", june / HOA_MAY, "--month", "2023-05", "--format", "json")
    assert said.returncode == 0, said.describe()  # --month wins: the roster is May's
