"""The README documents every command and every option that ``--help`` lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = [c.name for c in app.registered_commands if c.name] + [
    c.callback.__name__ for c in app.registered_commands if not c.name and c.callback
]
runner = CliRunner()


def test_every_command_is_in_the_readme() -> None:
    assert len(COMMANDS) >= 9
    for command in COMMANDS:
        assert f"cashless {command}" in README, command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_of_a_command_is_in_the_readme(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", result.output)) - {"--help"}
    assert options, result.output
    missing = sorted(o for o in options if o not in README)
    assert not missing, f"cashless {command}: {missing} are not in the README"


def test_the_readme_help_blocks_are_the_real_help() -> None:
    """Each ``$ cashless … --help`` block of the README is what ``--help`` prints today
    (regenerate them with ``python tests/readme_help.py``)."""
    from readme_help import blocks, help_output

    found = blocks(README)
    assert {lang for _, lang, _ in found} == {"en", "vi"}, "a help block in each language"
    for args, lang, body in found:
        assert body == help_output(args, lang), (
            f"README block 'cashless {' '.join(args)} --help' ({lang}) is out of date: "
            "run python tests/readme_help.py"
        )


def test_a_stale_help_block_is_caught() -> None:
    from readme_help import blocks, regenerate

    stale = "```text\n$ cashless --help\n Usage: cashless [OPTIONS] COMMAND\n```\n"
    ((args, lang, body),) = blocks(stale)
    assert (args, lang) == ([], "en")
    assert blocks(regenerate(stale))[0][2] != body
