"""The workspace: months, matching rosters to communes (never a guess), the lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cashless_cli.dataset.month import collect_month
from cashless_cli.fs.lock import workspace_lock
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.summary.run import check_matching, run_summary
from cashless_cli.workspace.config import (
    Area,
    Workspace,
    WorkspaceError,
    load_workspace,
    render_config,
)
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

UNITS = (
    Unit("21079", "Bình Hòa", "xã"),
    Unit("21085", "Bình Minh", "xã"),
    Unit("21046", "Bình Thạnh", "xã"),
    Unit("21091", "Bình Thanh", "xã"),
)


def make_ws(root: Path) -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cashless.toml").write_text(
        render_config(Area("Bình Sơn", "district", "Quảng Ngãi", UNITS)), encoding="utf-8"
    )
    return load_workspace(root)


def test_months_and_latest(tmp_path: Path) -> None:
    ws = make_ws(tmp_path)
    assert ws.months() == [] and ws.latest_month() is None
    for name in ("2023-06", "2023-05", "2024-01", "notes", "2023-13"):
        (tmp_path / "rosters" / name).mkdir(parents=True)
    assert ws.months() == [Month(2023, 5), Month(2023, 6), Month(2024, 1)]
    assert ws.latest_month() == Month(2024, 1)


def test_matching_by_file_name_when_the_file_does_not_say(tmp_path: Path) -> None:
    ws = make_ws(tmp_path)
    june = tmp_path / "rosters" / "2023-06"
    june.mkdir(parents=True)
    write_roster(june / "binh_hoa T6.xlsx", make_rows(8), Layout(title=False))
    write_roster(june / "DS Bình Thanh t6.xlsx", make_rows(7, seed=2), Layout(title=False))
    write_roster(june / "x.xlsx", make_rows(6, seed=3), Layout(commune="Bình Minh"))
    rosters = collect_month(ws, Month(2023, 6), workers=1)
    check_matching(rosters, tmp_path)
    assert rosters.matching.by_unit == {
        "21079": june / "binh_hoa T6.xlsx",
        "21091": june / "DS Bình Thanh t6.xlsx",  # with diacritics: Thanh, not Thạnh
        "21085": june / "x.xlsx",  # by its title row
    }
    assert rosters.matching.how[june / "x.xlsx"] == "file"
    assert rosters.matching.how[june / "binh_hoa T6.xlsx"] == "name"
    doc = run_summary(ws, Month(2023, 6)).summary
    assert [c.unit.name for c in doc.not_reported] == ["Bình Thạnh"]
    assert doc.total.total == 8 + 7 + 6


def test_ambiguous_name_is_never_guessed(tmp_path: Path) -> None:
    ws = make_ws(tmp_path)  # Bình Thạnh and Bình Thanh: the same without diacritics
    june = tmp_path / "rosters" / "2023-06"
    june.mkdir(parents=True)
    write_roster(june / "binh thanh T6.xlsx", make_rows(5), Layout(title=False))
    rosters = collect_month(ws, Month(2023, 6), workers=1)
    assert june / "binh thanh T6.xlsx" in rosters.matching.ambiguous
    with pytest.raises(WorkspaceError) as err:
        check_matching(rosters, tmp_path)
    assert "binh thanh T6.xlsx" in err.value.en
    assert "Bình Thạnh, Bình Thanh" in err.value.en
    assert "binh thanh T6.xlsx" in err.value.vi


def test_no_config_is_exit_2_with_the_fix(tmp_path: Path) -> None:
    run = run_cli("summarize", "--workspace", tmp_path, "--format", "json")
    assert run.returncode == 2
    assert run.stdout == ""
    assert "cashless init" in run.stderr


def test_lock_refuses_a_second_writer(tmp_path: Path) -> None:
    with (
        workspace_lock(tmp_path),
        pytest.raises(WorkspaceError, match="Another cashless"),
        workspace_lock(tmp_path, timeout=0.2),
    ):
        pass
    with workspace_lock(tmp_path):  # released
        pass


def test_summarize_json_is_alone_on_stdout_and_no_progress_without_a_terminal(
    tmp_path: Path,
) -> None:
    make_ws(tmp_path)
    june = tmp_path / "rosters" / "2023-06"
    june.mkdir(parents=True)
    write_roster(june / "binh_hoa T6.xlsx", make_rows(8))
    run = run_cli("summarize", "--workspace", tmp_path, "--format", "json")
    assert run.returncode == 0, run.describe()
    assert run.stderr == ""
    doc = json.loads(run.stdout)
    assert set(doc) >= {"month", "district", "communes"}
    assert set(doc["district"]) >= {"name", "total", "registered", "with_account", "rate"}
    for c in doc["communes"]:
        assert set(c) >= {
            "code", "name", "reported", "file", "total", "registered", "with_account",
            "refused", "rate", "change", "errors", "warnings",
        }  # fmt: skip
