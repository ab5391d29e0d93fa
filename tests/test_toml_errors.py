"""A mistyped cashless.toml is refused with the line, the column and what is wrong, in the
reader's language (Python's TOML parser words its errors in English)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.problems import Phrase
from cashless_cli.workspace.toml_errors import toml_reason

# (the file, what the Vietnamese reason must say, line, column or None at the end of the file)
BROKEN = [
    ('[area\nname = "Bình Sơn"\n', "thiếu dấu ']' ở cuối tên nhóm", "1", "6"),
    ("[area]\nname = Bình Sơn\n", "chữ phải đặt giữa ngoặc kép", "2", "8"),
    ('[area]\nfolder = "D:\\LDTBXH"\n', "viết đường dẫn Windows giữa ngoặc đơn", "2", "15"),
    ('[area]\nname = "Bình Sơn\n', "chưa có dấu ngoặc kép đóng", "2", "17"),
    ('[area]\nname = "a"\nname = "b"\n', "khai báo hai lần", "3", "11"),
    ("[area]\nname\n", "thiếu dấu '=' sau tên mục", "2", "5"),
    ("[area]\ncodes = [1, 2\n", "danh sách chưa có dấu ']' đóng", None, None),
    ("[[communes]\n", "thiếu dấu ']]'", "1", "11"),
    ("[report]\ndue = 2025-02-30\n", "ngày hoặc giờ không hợp lệ", "2", "7"),
    ("[report]\ndue_day = 25 ngày\n", "sau giá trị còn chữ khác trên cùng dòng", "2", "14"),
]

ENGLISH = re.compile(r"\b(Expected|Invalid|Illegal|Unterminated|Cannot|line|column)\b")


def _parser_message(source: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(source)
    return str(caught.value)


@pytest.mark.parametrize(("source", "says", "line", "column"), BROKEN)
def test_each_parser_error_is_worded_in_vietnamese(
    source: str, says: str, line: str | None, column: str | None
) -> None:
    reason = toml_reason(_parser_message(source))
    vi = reason.render("vi")
    assert says in vi
    assert not ENGLISH.search(vi), vi
    if line is None:
        assert "ở cuối tệp" in vi
    else:
        assert f"(dòng {line}, cột {column})" in vi
        assert f"(line {line}, column {column})" in reason.render("en")


def test_a_message_no_rule_knows_keeps_its_words_and_its_place() -> None:
    reason = toml_reason("Something new (at line 4, column 2)")
    assert reason.render("vi") == "không đúng định dạng TOML: Something new (dòng 4, cột 2)"
    assert toml_reason("odd") == Phrase("workspace.reason-not-toml", {"error": "odd"})


def test_the_command_names_the_file_the_line_and_what_to_fix(tmp_path: Path) -> None:
    (tmp_path / "cashless.toml").write_text('[area]\nfolder = "D:\\LDTBXH"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", "-w", str(tmp_path), "--lang", "vi"])
    assert result.exit_code == 2
    assert "cashless.toml" in result.output
    assert "(dòng 2, cột 15)" in result.output and "ngoặc đơn" in result.output
    assert "Traceback" not in result.output
