"""`cashless validate`, `explain`, `--version`, `--help` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli import __version__
from cashless_cli.cli.app import app
from cashless_cli.problems import CATALOGUE
from cli_helpers import run_cli
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
    assert "tháng: 6/2023" in vi  # the file's line says the month as every sentence does
    monkeypatch.setenv("CASHLESS_LANG", "en")
    en = runner.invoke(app, ["validate", str(broken)]).output
    assert "is not a category" in en
    assert "month: 2023-06" in en


def test_max_issues_caps_what_is_shown_not_what_is_counted(tmp_path: Path) -> None:
    rows = make_rows(30, seed=8)
    for r in rows:
        r["dien"] = "x"
    path = write_roster(tmp_path / "r.xlsx", rows).path
    result = runner.invoke(app, ["validate", str(path), "--max-issues", "5", "--lang", "en"])
    assert result.exit_code == 1
    assert "30 with errors" in result.output
    assert "25 more not shown" in result.output


def test_errors_are_shown_before_warnings_across_files(tmp_path: Path) -> None:
    # The first roster of the folder has a dozen warnings, the second one error: with room for
    # five lines, the error is shown, and the warnings get what room is left.
    noisy = make_rows(12, seed=9)
    for r in noisy:
        r["muc_tro_cap"] += 1_000  # amount-mismatch: a warning
    write_roster(tmp_path / "a_noisy.xlsx", noisy)
    broken = make_rows(6, seed=10)
    broken[2]["dien"] = "99"
    write_roster(tmp_path / "b_broken.xlsx", broken, Layout(commune="Bình Minh"))
    result = runner.invoke(app, ["validate", str(tmp_path), "--max-issues", "5", "--lang", "en"])
    assert result.exit_code == 1
    assert "category-unknown" in result.output
    assert "amount-mismatch" in result.output
    assert "and 8 more cells with this problem" in result.output
    assert "8 more not shown" in result.output


def test_one_large_group_does_not_hide_another_code(tmp_path: Path) -> None:
    rows = make_rows(20, seed=11)
    for r in rows[:15]:
        r["dien"] = "x"  # 15 category-unknown errors first in the file
    rows[18]["gioi_tinh"] = "Nữ" if rows[18]["gioi_tinh"] == "Nam" else "Nam"
    path = write_roster(tmp_path / "r.xlsx", rows).path
    result = runner.invoke(app, ["validate", str(path), "--max-issues", "6", "--lang", "en"])
    assert "id-sex-mismatch" in result.output
    assert "and 10 more cells with this problem" in result.output


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


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_vietnamese_survives_a_redirect_to_a_non_utf8_code_page(broken: Path, fmt: str) -> None:
    # On Windows, `cashless validate ... > ket-qua.txt` writes in the ANSI code page, which has no
    # precomposed Vietnamese letters; the output must still be whole, in UTF-8.
    run = run_cli(
        "validate", broken, "--lang", "vi", "--format", fmt, env={"PYTHONIOENCODING": "cp1252"}
    )
    assert run.returncode == 1, run.describe()
    assert "Unexpected error" not in run.output
    if fmt == "json":
        [issue] = json.loads(run.stdout)["files"][0]["issues"]
        assert "không phải diện đối tượng" in issue["message"]
    else:
        assert "không phải diện đối tượng" in run.stdout
