"""The file guards and the reader see the same bytes: a roster replaced on disk while it is read
(a sync client, a re-upload) cannot slip a file past the guards into python-calamine.

python-calamine aborts the whole process on some of the files the guards refuse, so each attempt
runs in a child process, whose exit code shows whether it survived.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import hostile

_SWAP_AFTER_GUARDS = """
import os, sys
from pathlib import Path
import cashless_cli.read.workbook as workbook
from cashless_cli.validation import validate_file

roster, replacement = Path(sys.argv[1]), Path(sys.argv[2])
real = workbook.inspect_data

def inspect_then_swap(*args, **kwargs):
    found = real(*args, **kwargs)
    os.replace(replacement, roster)  # the file changes between the guards and the parse
    return found

workbook.inspect_data = inspect_then_swap
report = validate_file(roster)
print(report.error.code if report.error else "ok", report.rows)
"""

_SWAP_IN_A_LOOP = """
import os, shutil, sys, threading
from pathlib import Path
from cashless_cli.validation import validate_file

roster, good, bad, tries = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
stop = threading.Event()

def swap():
    flip = False
    while not stop.is_set():
        source = bad if flip else good
        shutil.copyfile(source, roster.with_suffix(".tmp"))
        os.replace(roster.with_suffix(".tmp"), roster)
        flip = not flip

shutil.copyfile(good, roster)
thread = threading.Thread(target=swap, daemon=True)
thread.start()
seen = {}
for _ in range(tries):
    report = validate_file(roster)
    outcome = report.error.code if report.error else f"ok {report.rows}"
    seen[outcome] = seen.get(outcome, 0) + 1
stop.set()
thread.join()
print(sorted(seen.items()))
"""


def _run(script: str, *args: Path | int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    "replacement",
    [
        hostile.stray_cell_xlsx,  # aborts python-calamine if it ever reads it
        hostile.random_bytes,
        hostile.empty_file,
        lambda d: hostile.bomb_xlsx(d, honest_sizes=False),
    ],
)
def test_a_file_replaced_after_the_guards_is_not_what_is_parsed(
    tmp_path: Path, replacement: Callable[[Path], Path]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    roster = hostile.normal_xlsx(folder)
    other = tmp_path / "other"
    other.mkdir()
    swapped = replacement(other)
    done = _run(_SWAP_AFTER_GUARDS, roster, swapped)
    assert done.returncode == 0, done.stderr[-2000:]
    # The roster as the guards saw it is the roster that was read: its two rows, no error.
    assert done.stdout.split() == ["ok", "2"]
    assert not swapped.exists()  # it was moved over the roster meanwhile


@pytest.mark.slow
def test_a_roster_swapped_in_a_loop_never_aborts_the_process(tmp_path: Path) -> None:
    """A thread keeps replacing the roster by a file that aborts python-calamine and back (82 of
    300 tries ended in SIGABRT when the reader opened the path again): every try ends in the
    good roster's rows or in the guards' refusal, and the process survives."""
    good = hostile.normal_xlsx(tmp_path)
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = hostile.stray_cell_xlsx(bad_dir)
    watched = tmp_path / "synced"
    watched.mkdir()
    done = _run(_SWAP_IN_A_LOOP, watched / "roster.xlsx", good, bad, 200)
    assert done.returncode == 0, done.stderr[-2000:]
    outcomes = dict(ast.literal_eval(done.stdout))  # [("ok 2", n), ("sheet-too-large", m), ...]
    assert sum(outcomes.values()) == 200
    # The refusals are the guards' (or a file caught mid-replacement), never a reader crash.
    assert set(outcomes) <= {"ok 2", "sheet-too-large", "file-not-found", "file-empty"}
    assert "ok 2" in outcomes
