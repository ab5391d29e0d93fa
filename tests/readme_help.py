"""The ``--help`` blocks of the README, made from the real ``--help`` (one source: texts.py).

A README block that starts with ``$ cashless … --help`` (or ``$ CASHLESS_LANG=vi cashless …
--help``) holds that command's output at 100 columns. ``tests/test_readme.py`` checks that every
such block is what ``--help`` prints now; ``python tests/readme_help.py`` rewrites them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from typer.testing import CliRunner

README_PATH = Path(__file__).resolve().parent.parent / "README.md"
WIDTH = "100"
BLOCK = re.compile(
    r"(?P<head>```text\n\$ (?P<env>CASHLESS_LANG=(?P<lang>vi|en) )?cashless"
    r"(?P<args>(?: [\w-]+)*) --help\n)(?P<body>.*?)(?P<tail>```)",
    re.DOTALL,
)


def help_output(args: list[str], lang: str) -> str:
    """What ``cashless ARGS --help`` prints in ``lang``, without trailing blanks."""
    from cashless_cli.cli.app import app

    env = {"COLUMNS": WIDTH, "NO_COLOR": "1", "TERMINAL_WIDTH": WIDTH, "CASHLESS_LANG": lang}
    result = CliRunner().invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.output.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def blocks(text: str) -> list[tuple[list[str], str, str]]:
    """Each help block of ``text``: (the command's words, its language, the block's body)."""
    return [
        (m.group("args").split(), m.group("lang") or "en", m.group("body"))
        for m in BLOCK.finditer(text)
    ]


def regenerate(text: str) -> str:
    def fill(m: re.Match[str]) -> str:
        body = help_output(m.group("args").split(), m.group("lang") or "en")
        return m.group("head") + body + m.group("tail")

    return BLOCK.sub(fill, text)


if __name__ == "__main__":
    README_PATH.write_text(regenerate(README_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"{README_PATH}: {len(blocks(README_PATH.read_text('utf-8')))} blocks\n")
