"""Misuse the trial found accepted or worded badly: ``template -w`` of a folder that is no
workspace is refused (the folder named, both ways out), ``init`` on a file says so (no
"THƯ_MỤC cần THƯ_MỤC"); exit code 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app

runner = CliRunner()
WIDE = {"COLUMNS": "300", "NO_COLOR": "1"}


def run(args: list[str], lang: str) -> tuple[int, str]:
    result = runner.invoke(app, args, env={**WIDE, "CASHLESS_LANG": lang})
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("kind", ["missing", "empty", "file"])
def test_template_refuses_a_workspace_that_is_not_one(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "binh-son"
    if kind == "empty":
        folder.mkdir()
    elif kind == "file":
        folder.write_text("x", encoding="utf-8")
    out = tmp_path / "mau.xlsx"
    args = ["template", "--commune", "Bình Hòa", "--month", "2023-06", "-w", str(folder)]
    code, said = run([*args, "-o", str(out)], "vi")
    assert code == 2, said
    assert f"{folder.absolute()} không phải thư mục làm việc" in said, said
    assert "-w THƯ_MỤC" in said and f"cashless init {folder}" in said, said
    code, said = run([*args, "-o", str(out)], "en")
    assert code == 2 and f"{folder.absolute()} is not a workspace" in said, said
    assert "-w DIR" in said and f"cashless init {folder}" in said, said
    assert not out.exists()
    assert kind != "missing" or not folder.exists()


def test_template_in_a_workspace_still_writes(tmp_path: Path) -> None:
    ws = tmp_path / "bs"
    assert run(["init", str(ws), "--district", "Bình Sơn"], "en")[0] == 0
    out = tmp_path / "mau.xlsx"
    args = ["template", "--commune", "binh hoa", "--month", "2023-06", "-w", str(ws)]
    code, said = run([*args, "-o", str(out)], "vi")
    assert code == 0 and out.is_file(), said


def test_init_on_a_file_says_it_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "binh-son"
    target.write_text("notes", encoding="utf-8")
    code, said = run(["init", str(target), "--district", "Bình Sơn"], "vi")
    assert code == 2, said
    assert f"{target} là một tệp, không phải thư mục" in said, said
    assert "Hãy chọn tên thư mục khác" in said, said
    assert "THƯ_MỤC cần" not in said, said
    code, said = run(["init", str(target), "--district", "Bình Sơn"], "en")
    assert code == 2 and f"{target} is a file, not a folder" in said, said
    assert "Choose another folder name" in said, said
    assert target.read_text(encoding="utf-8") == "notes"


def test_a_folder_option_given_a_file_says_a_folder_is_wanted(tmp_path: Path) -> None:
    target = tmp_path / "binh-son"
    target.write_text("notes", encoding="utf-8")
    code, said = run(["summarize", "-w", str(target)], "vi")
    assert code == 2 and "--workspace cần một thư mục." in said, said
    code, said = run(["summarize", "-w", str(target)], "en")
    assert code == 2 and "--workspace needs a folder." in said, said
