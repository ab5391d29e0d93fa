"""``cashless init`` under vi writes cashless.toml with Vietnamese comments (the keys stay as they
are) and says where the units came from in Vietnamese: no "(data 2025-10-18)" (the trial)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.workspace.config import load_workspace

runner = CliRunner()
CASES = {
    "district": ["--district", "Bình Sơn", "--province", "Quảng Ngãi"],
    "province": ["--province", "Quảng Ngãi"],
    "commune": ["--commune", "Vạn Tường", "--province", "Quảng Ngãi"],
    "template": ["--district", "Tây Sơn"],
}
#: English words the comments used to hold; none may be left in a Vietnamese file.
ENGLISH = re.compile(
    r"\b(?:workspace|communes?|district|province|Units|from|before|after|July|letterhead|"
    r"uncomment|the|and|its|fill|data)\b"
)


def _comments(text: str) -> list[str]:
    """The comment lines, without the commented [report] and [[communes]] keys."""
    return [
        line
        for line in text.splitlines()
        if line.startswith("#") and not re.match(r"# \[|# [a-z_]+ = ", line)
    ]


def _init(tmp_path: Path, case: str, lang: str) -> tuple[str, str]:
    target = tmp_path / case
    result = runner.invoke(
        app, ["init", str(target), *CASES[case]], env={"CASHLESS_LANG": lang, "COLUMNS": "300"}
    )
    assert result.exit_code == 0, result.output
    return result.output, (target / "cashless.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_toml_comments_are_vietnamese_under_vi(tmp_path: Path, case: str) -> None:
    _, text = _init(tmp_path, case, "vi")
    comments = _comments(text)
    assert comments, text
    for line in comments:
        words = re.sub(r"\[[^\]]*\]|cashless", "", line)  # tables' names are keys
        assert not ENGLISH.search(words), line
    assert any("Thư mục làm việc cashless" in line for line in comments), comments
    _, english = _init(tmp_path / "en", case, "en")
    assert any("cashless workspace" in line for line in _comments(english)), english
    # the same settings whatever the language of the comments
    assert tomllib.loads(text) == tomllib.loads(english)


@pytest.mark.parametrize("case", ["province", "commune"])
def test_the_data_day_is_worded_in_the_language(tmp_path: Path, case: str) -> None:
    said, text = _init(tmp_path, case, "vi")
    flat = " ".join(said.split())
    assert "(data " not in flat and "(data " not in text, flat
    assert re.search(r"\(dữ liệu ngày \d{2}/\d{2}/\d{4}\)", flat), flat
    assert re.search(r"# Danh sách đơn vị lấy từ vietnam-provinces .*dữ liệu ngày", text), text
    said, _ = _init(tmp_path / "en", case, "en")
    assert re.search(r"\(data \d{4}-\d{2}-\d{2}\)", " ".join(said.split())), said


def test_a_vietnamese_toml_is_a_working_workspace(tmp_path: Path) -> None:
    _init(tmp_path, "commune", "vi")
    ws = load_workspace(tmp_path / "commune")
    assert ws.area.level == "commune" and ws.area.name == "Vạn Tường"
    assert len(ws.area.old_units) == 6
