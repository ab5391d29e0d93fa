"""Damaged workspace files get a clear refusal (exit 2, the path, what to do), never
"Unexpected error", and leave every file as it was: cashless.toml, .cashless/history.csv, the
lock, a full disk on every write. Through the real CLI in a child process."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from cli_helpers import REPO, Run, run_cli, run_python

SAMPLE_WS = REPO / "samples" / "workspace"
GOOD_TOML = (SAMPLE_WS / "cashless.toml").read_text(encoding="utf-8")
RULE = '[rules]\nbase_levels = [{{ from = "2021-07-01", amount = {} }}]\n'
HEAD = '[district]\nname = "Bình Sơn"\n\n[[communes]]\ncode = "21079"\nname = "Bình Hòa"\n'


def _snapshot(root: Path) -> dict[str, str]:
    """Every file (and folder) under ``root`` with a hash of its bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


def _assert_refused(run: Run, *names: str) -> None:
    assert run.returncode == 2, run.describe()
    assert "Unexpected error" not in run.output and "Traceback" not in run.output, run.describe()
    flat = " ".join(run.output.split())
    for name in names:
        assert name in flat, f"{name} not named\n{run.describe()}"
    assert "nothing was changed" in flat.lower(), run.describe()


def _write(text: str | bytes) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        config = root / "cashless.toml"
        if isinstance(text, bytes):
            config.write_bytes(text)
        else:
            config.write_text(text, encoding="utf-8")

    return damage


def _as_folder(root: Path) -> None:
    (root / "cashless.toml").unlink()
    (root / "cashless.toml").mkdir()


CONFIGS: dict[str, Callable[[Path], None]] = {
    "syntax": _write(GOOD_TOML + "\n[district\nname = \n"),
    "table-as-name": _write('[district]\nname = {a=1}\n\n[[communes]]\nname = "X"\n'),
    "list-as-commune-name": _write('[district]\nname = "A"\n\n[[communes]]\nname = ["X"]\n'),
    "inf-amount": _write(HEAD + RULE.format("inf")),
    "nan-amount": _write(HEAD + RULE.format("nan")),
    "huge-amount": _write(HEAD + RULE.format("1e400")),
    "deep-nesting": _write("x = " + "[" * 5000 + "]" * 5000 + "\n"),
    "not-utf8": _write(GOOD_TOML.encode("cp1258", errors="replace") + b"\xff\xfe"),
    "utf16": _write(GOOD_TOML.encode("utf-16")),
    "binary": _write(bytes(range(256)) * 4),
    "folder": _as_folder,
}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_WS, root)
    return root


@pytest.mark.parametrize("case", sorted(CONFIGS))
@pytest.mark.parametrize("command", ["summarize", "export-postoffice", "export-payments"])
def test_damaged_config_is_refused_by_name(ws: Path, case: str, command: str) -> None:
    CONFIGS[case](ws)
    before = _snapshot(ws)
    run = run_cli(command, "--workspace", ws, "--month", "2023-06", timeout=60)
    _assert_refused(run, "cashless.toml")
    assert _snapshot(ws) == before


def _history(content: bytes | None) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        path = root / ".cashless" / "history.csv"
        path.parent.mkdir(exist_ok=True)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)

    return damage


HISTORIES = {
    "not-utf8": _history(b"month,code,name\n2023-05,21079,B\xecnh H\xf2a\n"),
    "huge-field": _history(b"month,code,name\n2023-05,21079," + b"x" * 300_000 + b"\n"),
    "binary": _history(b"PK\x03\x04\x00\x00" + bytes(range(256)) * 8),
    "folder": _history(None),
}


@pytest.mark.parametrize("case", sorted(HISTORIES))
def test_damaged_history_is_refused_never_read_as_empty(ws: Path, case: str) -> None:
    HISTORIES[case](ws)
    before = _snapshot(ws)
    run = run_cli("summarize", "--workspace", ws, "--month", "2023-06", timeout=60)
    _assert_refused(run, "history.csv")
    assert _snapshot(ws) == before


def test_a_lock_that_is_a_folder_is_refused(ws: Path) -> None:
    (ws / ".cashless" / "lock").mkdir(parents=True)
    before = _snapshot(ws)
    run = run_cli("export-postoffice", "--workspace", ws, "--month", "2023-06", timeout=60)
    _assert_refused(run, "lock")
    assert _snapshot(ws) == before


#: A child that runs the CLI with every write into the workspace failing: ENOSPC from
#: ``os.write`` after ``budget`` bytes (so the failure lands in the middle of a file, not only at
#: open or rename), and from ``os.replace``/``os.rename``.
FULL_DISK = """
import errno, os, sys
root, budget = os.path.realpath(sys.argv[1]), int(sys.argv[2])
left = [budget]
real_write, real_open = os.write, os.open
ours = set()
def opened(path, flags, *a, **k):
    fd = real_open(path, flags, *a, **k)
    if os.path.realpath(os.fsdecode(path)).startswith(root) and flags & (os.O_WRONLY | os.O_RDWR):
        ours.add(fd)
    return fd
def write(fd, data):
    if fd in ours:
        left[0] -= len(data)
        if left[0] < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(fd, data)
os.open, os.write = opened, write
import io, _pyio
# buffered files Python opens write through os.write only with the pure-Python io
io.open = _pyio.open
import builtins, pathlib
builtins.open = _pyio.open
sys.argv = ["cashless", *sys.argv[3:]]
from cashless_cli.cli.app import main
main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("budget", [0, 100, 5_000, 40_000])
@pytest.mark.parametrize("command", ["summarize", "export-postoffice"])
def test_a_full_disk_leaves_every_file_as_it_was(ws: Path, budget: int, command: str) -> None:
    before = _snapshot(ws)
    run = run_python(
        "-c",
        FULL_DISK,
        ws,
        str(budget),
        command,
        "--workspace",
        ws,
        "--month",
        "2023-06",
        timeout=120,
    )
    assert run.returncode == 2, run.describe()
    assert "Unexpected error" not in run.output and "Traceback" not in run.output, run.describe()
    flat = " ".join(run.output.split())
    assert "disk is full" in flat.lower() or "No space left" in flat, run.describe()
    after = _snapshot(ws)
    # nothing changed, nothing half-written: what appears is only empty folders, the lock and a
    # ledger that records no batch (sqlite writes it itself, beyond this simulated disk)
    extra = {k: v for k, v in after.items() if k not in before}
    assert {k: v for k, v in after.items() if k in before} == before, run.describe()
    empty = hashlib.sha256(b"").hexdigest()
    # the ledger and its backup copy (SQLite's backup API) record no batch
    for ledger in (".cashless/ledger.sqlite", ".cashless/ledger.backup.sqlite"):
        if ledger in extra:
            with sqlite3.connect(ws / ledger) as db:
                assert db.execute("select count(*) from batches").fetchone() == (0,)
                assert db.execute("select count(*) from handovers").fetchone() == (0,)
            del extra[ledger]
    state = ".cashless/ledger.state.json"  # the new, empty ledger's record: no batch, no reply
    if state in extra:
        recorded = json.loads((ws / state).read_text("utf-8"))
        assert recorded["batches"] == [] and recorded["replies"] == 0, recorded
        del extra[state]
    assert all(v == "dir" or (k.endswith("lock") and v == empty) for k, v in extra.items()), extra
