"""``--help`` in the user's language from one source (texts.py), and the command line's own
errors (a bad option, a missing value) in that language with what was expected, exit code 2."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.texts import TEXTS

runner = CliRunner()
COMMANDS = [c.name for c in app.registered_commands if c.name]
WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}
TYPE_HINT = re.compile(r"<(?:bool|str|int|dir|file|path|list\[[^\]]*\]|int range)>")


def run(args: list[str], lang: str) -> tuple[int, str]:
    result = runner.invoke(app, args, env={**WIDE, "CASHLESS_LANG": lang})
    return result.exit_code, result.output


def test_every_help_text_of_the_app_is_a_text_in_both_languages() -> None:
    """One source: the app's help texts and metavars are texts.py keys, none written inline."""
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    keys = [group.help]
    for name in COMMANDS:
        command = group.commands[name]
        keys += [command.help, command.short_help]
        for param in command.params:
            keys.append(getattr(param, "help", None))
    missing = [k for k in keys if not (isinstance(k, str) and k.startswith("help.") and k in TEXTS)]
    assert not missing, missing
    for key in keys:
        assert isinstance(key, str)
        assert TEXTS[key].vi != TEXTS[key].en, key


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_vietnamese_under_vi_and_english_otherwise(command: str) -> None:
    args = [command, "--help"] if command else ["--help"]
    code, vi = run(args, "vi")
    assert code == 0, vi
    assert "Cách dùng:" in vi and "Tùy chọn" in vi, vi
    for english in ("Usage:", "Options", "Show this", "[default:", "[required]", "Exit code"):
        assert english not in vi, (english, vi)
    code, en = run(args, "en")
    assert code == 0, en
    assert "Usage:" in en and "Options" in en and "Cách dùng" not in en, en
    for text in (vi, en):
        assert not TYPE_HINT.search(text), TYPE_HINT.search(text)
        assert "help." not in text, text  # no key left unworded


def test_lang_on_the_line_wins_over_the_environment() -> None:
    code, out = run(["summarize", "--lang", "vi", "--help"], "en")
    assert code == 0 and "Cách dùng: cashless summarize" in out, out
    code, out = run(["--lang", "vi", "ledger", "--help"], "en")
    assert code == 0 and "Liệt kê các đợt đã gửi Bưu điện" in out, out


def test_markup_brackets_in_a_help_text_are_shown() -> None:
    code, out = run(["summarize", "--help"], "en")
    assert code == 0 and "[mapping] of cashless.toml" in out, out


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["summarize", "--mnth", "2023-06"], "không có tùy chọn --mnth", "no option --mnth"),
        (
            ["validate", "x.xlsx", "--max-issues", "many"],
            "--max-issues cần một số nguyên từ 0 trở lên",
            "--max-issues needs a whole number from 0",
        ),
        (["template", "--month", "2023-06"], "thiếu --commune", "--commune is missing"),
        (["validate", "x.xlsx", "--commune"], "--commune cần có giá trị", "--commune needs a"),
        (
            ["summarize", "--month", "junio"],
            "--month cần dạng YYYY-MM, ví dụ 2025-07",
            "--month needs the form YYYY-MM, e.g. 2025-07",
        ),
        (
            ["summarize", "--format", "xml"],
            "--format phải là text hoặc json",
            "--format must be text or json",
        ),
        (["sumarize"], "không có lệnh", "there is no command"),
    ],
)
def test_an_option_error_is_said_in_the_chosen_language(args: list[str], vi: str, en: str) -> None:
    code, out = run(args, "vi")
    assert code == 2, out
    assert vi in out and "Lỗi:" in out and "--help" in out, out
    assert "Error" not in out and "Usage" not in out, out
    code, out = run(args, "en")
    assert code == 2 and en in out, out


@pytest.mark.parametrize("command", ["summarize", "export-postoffice", "export-payments"])
def test_month_alone_means_the_latest_month(command: str, tmp_path: object) -> None:
    """--month without a value is not an error: it is the default (the latest month); outside
    a workspace the command then says which folder it looked in, in the chosen language."""
    code, out = run([command, "-w", str(tmp_path), "--month"], "vi")
    assert code == 2, out
    assert "requires an argument" not in out and "cần có giá trị" not in out, out
    assert f"{tmp_path} không phải thư mục làm việc" in out, out
    assert "-w THƯ_MỤC" in out and "cashless init" in out, out
    code, out = run([command, "--month", "-w", str(tmp_path)], "en")
    assert code == 2 and f"{tmp_path} is not a workspace" in out, out


def test_explain_in_vietnamese_has_no_english_and_no_raw_placeholder() -> None:
    from cashless_cli.problems import CATALOGUE

    for code, item in CATALOGUE.items():
        status, out = run(["explain", code, "--lang", "vi"], "en")
        assert status == 0, out
        assert not re.search(r"\{[a-z_]+\}", out), (code, out)
        for english in ("Message:", "Fix:", "(error)", "(warning)"):
            assert english not in out, (code, out)
        assert item.describe("en") not in out or not item.describe("en"), (code, out)
