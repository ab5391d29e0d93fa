"""Starting ``cashless`` loads only what the command run needs.

Every call imports all the command modules, so a heavy import at the top of one of them
(openpyxl, sqlite3, the roster readers, the Post Office and summary code) would slow down
``--version``, ``--help`` and every other command. Each case runs in a fresh interpreter and
looks at ``sys.modules`` once the command is done.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run_python
from factory import make_rows, write_roster

# Imported by the commands that need them, never at start-up.
HEAVY = (
    "openpyxl",
    "sqlite3",
    "pydantic",
    "python_calamine",
    "msoffcrypto",
    "phonenumbers",
    "cashless_cli.validation",
    "cashless_cli.read.metadata",
    "cashless_cli.workspace.config",
    "cashless_cli.problems",
    "cashless_cli.replies.answers",
    "cashless_cli.payments.export",
    "cashless_cli.replies.reconcile",
    "cashless_cli.handoff.export",
    "cashless_cli.summary.run",
    "cashless_cli.ledger.store",
    "cashless_cli.write.annotate",
    "cashless_cli.write.template",
)
# What checking one roster outside a workspace (no --annotate) does without.
NOT_FOR_VALIDATE = (
    "openpyxl",
    "sqlite3",
    "cashless_cli.replies.answers",
    "cashless_cli.payments.export",
    "cashless_cli.handoff.export",
    "cashless_cli.summary.run",
    "cashless_cli.ledger.store",
    "cashless_cli.write.annotate",
)
COMMANDS = (
    "init",
    "template",
    "validate",
    "explain",
    "summarize",
    "export-postoffice",
    "import-postoffice",
    "export-payments",
    "ledger",
)

CHILD = """
import json, sys
from cashless_cli.cli.app import app
code = 0
try:
    app(sys.argv[1:], prog_name="cashless")
except SystemExit as exc:
    code = exc.code
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _run(*args: str | Path, cwd: Path) -> tuple[int, set[str]]:
    """Run ``cashless ARGS`` through the app in a fresh interpreter: exit code, modules loaded."""
    run = run_python("-c", CHILD, *args, cwd=cwd, timeout=120)
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout.rstrip().splitlines()[-1])
    return doc["code"], set(doc["modules"])


@pytest.mark.parametrize("args", [("--version",), ("--help",)], ids=["version", "help"])
def test_start_up_loads_nothing_heavy(args: tuple[str, ...], tmp_path: Path) -> None:
    code, modules = _run(*args, cwd=tmp_path)
    assert code == 0
    assert sorted(modules & set(HEAVY)) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_loads_nothing_heavy(command: str, tmp_path: Path) -> None:
    code, modules = _run(command, "--help", cwd=tmp_path)
    assert code == 0
    # Typer itself needs pydantic to build a command's options.
    assert sorted(modules & (set(HEAVY) - {"pydantic"})) == []


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_validate_one_roster_loads_only_the_checks(output_format: str, tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "binh_hoa T6.xlsx", make_rows(5)).path
    code, modules = _run("validate", roster, "--format", output_format, cwd=tmp_path)
    assert code == 0
    assert "cashless_cli.validation" in modules  # it did check the roster
    assert sorted(modules & set(NOT_FOR_VALIDATE)) == []


def test_a_reader_that_stops_early_is_no_error() -> None:
    """`cashless explain | head -1`: the pipe closes under the command; it stops quietly, with
    no 'Broken pipe' blamed on a workspace file."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CASHLESS_LANG": "vi"}
    from cli_helpers import REPO

    roster = REPO / "samples" / "workspace" / "rosters" / "2023-06"
    for cmd in (  # rich's terminal output, then plain JSON: ~1 MB, the pipe breaks mid-way
        f'"{sys.executable}" -m cashless_cli explain --lang vi | head -1',
        f'"{sys.executable}" -m cashless_cli validate "{roster}" --format json | head -1',
    ):
        out = subprocess.run(
            ["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, env=env
        )
        assert out.stdout.count("\n") == 1
        assert "Broken pipe" not in out.stderr and "Lỗi" not in out.stderr, out.stderr
        assert out.returncode in (0, 1, 141)  # rich stops with 1, cashless with 128 + SIGPIPE
