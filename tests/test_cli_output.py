"""What ``validate`` says on a terminal: counts that agree with their number, the notes on
request (``--notes``), whole lines when piped, and a marked copy kept out of the rosters."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.problems import problem_type
from cashless_cli.texts import fill
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

runner = CliRunner()
EN = {"CASHLESS_LANG": "en", "COLUMNS": "200", "NO_COLOR": "1"}


@pytest.fixture
def one_error(tmp_path: Path) -> Path:
    rows = make_rows(12, seed=4)
    rows[3]["dien"] = "99"
    return write_roster(tmp_path / "binh_minh T6.xlsx", rows, Layout(commune="Bình Minh")).path


def test_a_count_takes_the_word_that_agrees_with_it() -> None:
    template = "{n} {n:error|errors}, {m} {m:warning|warnings}, {n:,}"
    assert fill(template, n=1, m=2) == "1 error, 2 warnings, 1"
    assert fill(template, n=1200, m=1) == "1200 errors, 1 warning, 1,200"
    folder = problem_type("option-annotate-folder")
    assert "(1 roster in it)" in folder.message("en", {"n": 1})
    assert "(2 rosters in it)" in folder.message("en", {"n": 2})
    assert "{" not in folder.message("vi", {"n": 1})


def test_one_error_is_one_error(one_error: Path) -> None:
    result = runner.invoke(app, ["validate", str(one_error)], env=EN)
    assert result.exit_code == 1, result.output
    assert "1 error," in result.output and "1 errors" not in result.output, result.output
    assert "0 warnings" in result.output and "12 rows read" in result.output, result.output


def test_notes_are_shown_on_request(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "binh_hoa T6.xlsx", make_rows(6))  # numbering, totals...
    plain = runner.invoke(app, ["validate", str(roster.path)], env=EN)
    assert "--notes shows" in plain.output, plain.output
    shown = runner.invoke(app, ["validate", str(roster.path), "--notes"], env=EN)
    assert shown.exit_code == plain.exit_code, shown.output
    assert f"Notes of {roster.path}:" in shown.output, shown.output
    assert "row-skipped" in shown.output and "--notes shows" not in shown.output, shown.output


def test_piped_output_is_not_wrapped_at_80_columns(tmp_path: Path, one_error: Path) -> None:
    deep = tmp_path / ("thu-muc-rat-dai-" * 6)
    deep.mkdir()
    roster = one_error.rename(deep / one_error.name)
    env = {"COLUMNS": ""}  # a pipe says no width: not 80 columns then
    run = run_cli("validate", str(roster), env=env)
    assert run.returncode == 1, run.describe()
    line = next(x for x in run.stdout.splitlines() if str(roster) in x)
    assert len(line) > 120 and line.startswith("✗ "), run.describe()


def test_annotate_refuses_a_copy_inside_the_rosters_folder(tmp_path: Path) -> None:
    month = tmp_path / "rosters" / "2023-06"
    month.mkdir(parents=True)
    roster = write_roster(month / "binh_hoa T6.xlsx", make_rows(4)).path
    inside = month / "binh_hoa.kiem-tra.xlsx"
    result = runner.invoke(app, ["validate", str(roster), "--annotate", str(inside)], env=EN)
    assert result.exit_code == 2, result.output
    assert "inside the rosters folder" in result.output and not inside.exists(), result.output
    outside = tmp_path / "reports" / "binh_hoa.kiem-tra.xlsx"
    outside.parent.mkdir()
    result = runner.invoke(app, ["validate", str(roster), "--annotate", str(outside)], env=EN)
    assert result.exit_code == 0 and outside.exists(), result.output


def test_annotate_of_a_folder_says_so(tmp_path: Path) -> None:
    write_roster(tmp_path / "binh_hoa T6.xlsx", make_rows(4))
    out = tmp_path.parent / f"{tmp_path.name}-copy.xlsx"
    result = runner.invoke(app, ["validate", str(tmp_path), "--annotate", str(out)], env=EN)
    assert result.exit_code == 2, result.output
    assert "not of a folder (1 roster in it)" in result.output, result.output
    assert "there are 1" not in result.output, result.output


def test_export_payments_shows_the_communes_with_something_to_say(tmp_path: Path) -> None:
    import json
    import shutil

    from cli_helpers import REPO

    samples = REPO / "samples" / "workspace"
    month = tmp_path / "rosters" / "2023-06"
    month.mkdir(parents=True)
    shutil.copy(samples / "cashless.toml", tmp_path / "cashless.toml")
    for name in ("binh_hoa T6.xlsx", "chau_o_2023_06.xlsx"):  # 2 of the 22 communes sent one
        shutil.copy(samples / "rosters" / "2023-06" / name, month / name)
    args = ["export-payments", "-w", str(tmp_path), "--month", "2023-06"]
    text = runner.invoke(app, args, env=EN)
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    table = lines[1 : next(i for i, x in enumerate(lines) if x.startswith("Total")) + 1]
    assert len(table) == 4, text.output  # header, 20 without a roster, 2 others, total
    assert table[1].startswith("20 communes") and "no roster this month" in table[1]
    assert table[2].startswith("2 other communes (nothing to check)")
    assert "Bình Thuận" in text.output and not any(x.startswith("Bình") for x in lines)
    doc = json.loads(runner.invoke(app, [*args, "--format", "json"], env=EN).stdout)
    assert len(doc["communes"]) == 22  # the JSON keeps every commune


def test_a_communes_own_workspace_shows_its_line_not_one_other_commune(tmp_path: Path) -> None:
    import shutil

    from cli_helpers import REPO

    ws = tmp_path / "ws"
    shutil.copytree(REPO / "samples" / "commune-2025", ws)
    args = ["export-payments", "-w", str(ws), "--month", "2025-09"]
    result = runner.invoke(app, args, env=EN)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(x.startswith("Vạn Tường ") for x in lines), result.output
    assert "other commune" not in result.output
