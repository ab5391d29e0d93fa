"""A mistyped command or option gets "did you mean", in the user's language, exit code 2
(the trial: ``cashless sumarize`` said only that there is no such command)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.cli.localise import close_names

runner = CliRunner()
WIDE = {"COLUMNS": "200", "NO_COLOR": "1"}


def run(args: list[str], lang: str) -> tuple[int, str]:
    result = runner.invoke(app, args, env={**WIDE, "CASHLESS_LANG": lang})
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sumarize", "summarize"),
        ("validat", "validate"),
        ("Summarize", "summarize"),
        ("tempalte", "template"),
        ("export", "export-payments, export-postoffice"),
        ("import-postofice", "import-postoffice, export-postoffice"),  # closest first
    ],
)
def test_a_mistyped_command_is_answered_with_the_commands_it_may_mean(
    typed: str, meant: str
) -> None:
    code, out = run([typed], "vi")
    assert code == 2, out
    assert f"Lỗi: không có lệnh «{typed}». Có phải ý bạn là: {meant}?" in out, out
    assert "Did you mean" not in out and "No such command" not in out, out
    code, out = run([typed], "en")
    assert code == 2, out
    assert f"Error: there is no command '{typed}'. Did you mean: {meant}?" in out, out


def test_a_command_like_none_gets_no_guess() -> None:
    code, out = run(["foo"], "vi")
    assert code == 2 and "không có lệnh «foo»." in out, out
    assert "Có phải ý bạn là" not in out, out
    assert "Xem hướng dẫn: cashless --help" in out, out


def test_the_language_on_the_line_words_the_guess() -> None:
    result = runner.invoke(app, ["--lang", "vi", "sumarize"], env={**WIDE, "CASHLESS_LANG": "en"})
    assert result.exit_code == 2
    assert "Có phải ý bạn là: summarize?" in result.output, result.output


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["summarize", "--mnth", "2023-06"],
            "không có tùy chọn --mnth. Có phải ý bạn là: --month?",
            "there is no option --mnth. Did you mean: --month?",
        ),
        (
            ["export-postoffice", "--workspce", "x"],
            "không có tùy chọn --workspce. Có phải ý bạn là: --workspace?",
            "there is no option --workspce. Did you mean: --workspace?",
        ),
    ],
)
def test_a_mistyped_option_is_answered_in_the_language(args: list[str], vi: str, en: str) -> None:
    code, out = run(args, "vi")
    assert code == 2 and vi in out, out
    assert "Did you mean" not in out, out
    code, out = run(args, "en")
    assert code == 2 and en in out, out


def test_close_names_prefers_the_commands_a_word_begins() -> None:
    names = ["export-payments", "export-postoffice", "summarize", "validate"]
    assert close_names("export", names) == ["export-payments", "export-postoffice"]
    assert close_names("ex", names) == []  # too short to stand for a command
    assert close_names("validat", names) == ["validate"]
