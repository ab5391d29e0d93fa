"""`cashless validate`, `explain`, `--version`, `--help` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli import __version__
from cashless_cli.cli.app import app
from cashless_cli.problems import CATALOGUE
from factory import Layout, make_rows, write_roster

runner = CliRunner()


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "binh_hoa T6.xlsx", make_rows(12)).path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    rows = make_rows(12, seed=4)
    rows[3]["dien"] = "99"
    return write_roster(tmp_path / "binh_minh T6.xlsx", rows, Layout(commune="Bình Minh")).path


def test_version_and_help() -> None:
    assert runner.invoke(app, ["--version"]).output.strip() == f"cashless {__version__}"
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "explain"):
        assert command in result.output


def test_exit_codes(clean: Path, broken: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(clean)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(broken)]).exit_code == 1
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook at all")
    assert runner.invoke(app, ["validate", str(clean), str(junk)]).exit_code == 2
    assert runner.invoke(app, ["validate", str(tmp_path / "missing.xlsx")]).exit_code == 2
    assert runner.invoke(app, ["validate", str(clean), "--month", "13/2023"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(clean), "--format", "xml"]).exit_code == 2


def test_json_is_the_only_thing_on_stdout(clean: Path, broken: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.xls"
    junk.write_text("<html><table><tr><td>x</td></tr></table></html>", encoding="utf-8")
    result = runner.invoke(
        app, ["validate", str(clean), str(broken), str(junk), "--format", "json", "--lang", "en"]
    )
    doc = json.loads(result.stdout)
    assert result.exit_code == 2
    files = {Path(f["path"]).name: f for f in doc["files"]}
    contract = {"path", "sheet", "header_row", "commune", "month", "rows", "valid_rows", "issues"}
    for f in files.values():
        assert contract <= set(f)
    bad = files["binh_minh T6.xlsx"]
    assert bad["rows"] == 12 and bad["valid_rows"] == 11
    [issue] = bad["issues"]
    assert set(issue) == {
        "code", "severity", "sheet", "cell", "row", "column", "header", "value", "message", "hint"
    }  # fmt: skip
    assert (issue["code"], issue["severity"], issue["column"]) == (
        "category-unknown",
        "error",
        "dien",
    )
    assert files["junk.xls"]["error"]["code"] == "file-disguised"


def test_messages_follow_the_language(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vi = runner.invoke(app, ["validate", str(broken), "--lang", "vi"]).output
    assert "không phải diện đối tượng" in vi
    monkeypatch.setenv("CASHLESS_LANG", "en")
    en = runner.invoke(app, ["validate", str(broken)]).output
    assert "is not a category" in en


def test_max_issues_caps_what_is_shown_not_what_is_counted(tmp_path: Path) -> None:
    rows = make_rows(30, seed=8)
    for r in rows:
        r["dien"] = "x"
    path = write_roster(tmp_path / "r.xlsx", rows).path
    result = runner.invoke(app, ["validate", str(path), "--max-issues", "5", "--lang", "en"])
    assert result.exit_code == 1
    assert "30 with errors" in result.output
    assert "25 more not shown" in result.output


def test_explain_every_code() -> None:
    listing = runner.invoke(app, ["explain"]).output
    for code in CATALOGUE:
        assert code in listing
    one = runner.invoke(app, ["explain", "id-sex-mismatch"])
    assert one.exit_code == 0 and "Digit 4" in one.output
    assert runner.invoke(app, ["explain", "no-such-code"]).exit_code == 2


def test_folder_of_rosters(clean: Path, broken: Path) -> None:
    result = runner.invoke(app, ["validate", str(clean.parent), "--format", "json"])
    assert len(json.loads(result.stdout)["files"]) == 2
