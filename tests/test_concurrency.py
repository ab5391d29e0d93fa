"""Two commands on one workspace at once, started together in child processes.

The rule: both succeed (the second waits for the workspace lock), or one refuses clearly (exit 2,
"another cashless command is writing"); never a corrupt output, a damaged ledger or a batch
handed over twice. Pairs: summarize + summarize (same month, and two months sharing the
history), summarize + export-postoffice, export-postoffice + export-postoffice; and a lock held
longer than the wait, which both commands must refuse without writing anything.

``CASHLESS_CONCURRENT_ROUNDS`` changes how many times each pair is run (default 3).
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from cashless_cli.fs.atomic import TEMP_PATTERN
from cli_helpers import REPO, Run, child_env, run_cli

SAMPLES = REPO / "samples" / "workspace"
JUNE, MAY = "2023-06", "2023-05"
ROUNDS = int(os.environ.get("CASHLESS_CONCURRENT_ROUNDS", "3"))
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
BUSY = "Another cashless command is writing in this workspace"
# June rosters, in the order they are added (no two of them list the same person)
JUNE_ROSTERS = [
    "binh_hoa T6.xlsx",
    "chau_o_2023_06.xlsx",
    "binh_tri_thang6.xlsx",
    "Binh Hai T6.2023.ods",
    "binh phuoc 6-2023.xlsx",
    "BinhTrung_2023-06.xlsx",
    "Binh Long T6-2023.xlsx",
]
MAY_ROSTERS = ["binh_hoa T5.xlsx", "chau_o_2023_05.xlsx", "binh_tri_thang5.xlsx"]


def make_workspace(root: Path, june: list[str], may: list[str] | None = None) -> Path:
    (root / "rosters" / JUNE).mkdir(parents=True)
    shutil.copy(SAMPLES / "cashless.toml", root / "cashless.toml")
    for name in june:
        shutil.copy(SAMPLES / "rosters" / JUNE / name, root / "rosters" / JUNE / name)
    if may:
        (root / "rosters" / MAY).mkdir()
        for name in may:
            shutil.copy(SAMPLES / "rosters" / MAY / name, root / "rosters" / MAY / name)
    return root


def together(
    *commands: list[str | Path], stagger: float = 0.0, env: dict[str, str] | None = None
) -> list[Run]:
    """Start the commands at (nearly) the same moment; wait for all; never raise."""
    procs = []
    started = time.monotonic()
    for i, args in enumerate(commands):
        if i and stagger:
            time.sleep(stagger)
        argv = [sys.executable, "-m", "cashless_cli", *(str(a) for a in args)]
        procs.append(
            (
                argv,
                subprocess.Popen(
                    argv,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    env=child_env(env),
                    start_new_session=True,
                ),
            )
        )
    runs = []
    for argv, proc in procs:
        out, err = proc.communicate(timeout=120)
        runs.append(
            Run(
                tuple(argv),
                proc.returncode,
                out.decode("utf-8", errors="replace"),
                err.decode("utf-8", errors="replace"),
                time.monotonic() - started,
            )
        )
    return runs


def assert_ok_or_refused(run: Run) -> bool:
    """True when the command succeeded; a refusal must be the clear one."""
    assert "Traceback" not in run.output and "Unexpected error" not in run.output, run.describe()
    if run.returncode == 0:
        return True
    assert run.returncode == 2 and BUSY in run.stderr, run.describe()
    return False


def sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def summarize_outputs(ws: Path, month: str = JUNE) -> list[Path]:
    return [
        ws / "reports" / month / f"bang-tong-hop-{month}.xlsx",
        ws / "reports" / month / f"dataset-{month}.parquet",
        ws / ".cashless" / "history.csv",
    ]


def no_temps(ws: Path) -> None:
    for folder in (ws / "reports" / JUNE, ws / "reports" / MAY, ws / ".cashless"):
        if folder.is_dir():
            assert not [p for p in folder.iterdir() if TEMP_PATTERN.match(p.name)], folder


def ledger(ws: Path, sql: str) -> list[tuple[object, ...]]:
    path = ws / ".cashless" / "ledger.sqlite"
    if not path.exists():
        return []
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def check_ledger(ws: Path) -> set[str]:
    """Integrity, every batch's files with their hashes, the CSV equal to the ledger's rows,
    nobody twice; returns the batches."""
    assert ledger(ws, "PRAGMA integrity_check") == [("ok",)]
    folder = ws / "handoff" / JUNE
    batches = {str(b) for (b,) in ledger(ws, "SELECT batch_id FROM batches")}
    for bid in batches:
        files = ledger(ws, f"SELECT name, sha256 FROM batch_files WHERE batch_id = '{bid}'")
        assert len(files) == 3
        for name, digest in files:
            assert sha(folder / str(name)) == digest, name
        raw = (folder / f"{bid}_buu-dien.csv").read_bytes()
        rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        in_ledger = ledger(ws, f"SELECT ref FROM handovers WHERE batch_id = '{bid}'")
        assert sorted(r["Mã tham chiếu"] for r in rows) == sorted(str(r) for (r,) in in_ledger)
    on_disk = {p.name.split("_")[0] for p in folder.iterdir()} if folder.is_dir() else set()
    assert on_disk == batches, "a batch file the ledger does not know, or a leftover"
    refs = [str(r) for (r,) in ledger(ws, "SELECT ref FROM handovers")]
    assert len(refs) == len(set(refs)), "someone handed over twice"
    ids = [str(r) for (r,) in ledger(ws, "SELECT beneficiary_id FROM handovers")]
    assert len(ids) == len(set(ids)), "someone handed over twice"
    return batches


# ---- the pairs ------------------------------------------------------------------------------
def test_two_summarize_at_once(tmp_path: Path) -> None:
    reference = make_workspace(tmp_path / "reference", JUNE_ROSTERS[:4])
    assert run_cli("summarize", "-w", reference, env=EPOCH, timeout=120).returncode == 0
    expected = [sha(p) for p in summarize_outputs(reference)]
    ws = make_workspace(tmp_path / "ws", JUNE_ROSTERS[:4])
    rng = random.Random(7)
    for _ in range(ROUNDS):
        args: list[str | Path] = ["summarize", "-w", ws, "--month", JUNE]
        runs = together(args, args, stagger=rng.uniform(0, 0.3), env=EPOCH)
        assert sum(assert_ok_or_refused(r) for r in runs) >= 1
        assert [sha(p) for p in summarize_outputs(ws)] == expected
        assert pq.read_table(summarize_outputs(ws)[1]).num_rows > 0
        no_temps(ws)


def test_two_months_summarized_at_once_keep_both_in_the_history(tmp_path: Path) -> None:
    """Each run rewrites the whole history.csv: a lost update would drop a month."""
    reference = make_workspace(tmp_path / "reference", JUNE_ROSTERS[:3], MAY_ROSTERS)
    for month in (MAY, JUNE):
        args = ("summarize", "-w", reference, "--month", month)
        assert run_cli(*args, env=EPOCH, timeout=120).returncode == 0
    history = (reference / ".cashless" / "history.csv").read_bytes()
    assert f"{MAY},".encode() in history and f"{JUNE},".encode() in history
    rng = random.Random(11)
    for i in range(ROUNDS):
        ws = make_workspace(tmp_path / f"ws{i}", JUNE_ROSTERS[:3], MAY_ROSTERS)
        runs = together(
            ["summarize", "-w", ws, "--month", MAY, "--format", "json"],
            ["summarize", "-w", ws, "--month", JUNE, "--format", "json"],
            stagger=rng.uniform(0, 0.3),
            env=EPOCH,
        )
        assert all(assert_ok_or_refused(r) for r in runs)
        assert (ws / ".cashless" / "history.csv").read_bytes() == history
        for month in (MAY, JUNE):
            table, dataset, _ = summarize_outputs(ws, month)
            assert table.is_file() and pq.read_table(dataset).num_rows > 0
        no_temps(ws)


def test_summarize_and_export_postoffice_at_once(tmp_path: Path) -> None:
    reference = make_workspace(tmp_path / "reference", JUNE_ROSTERS[:4])
    assert run_cli("summarize", "-w", reference, env=EPOCH, timeout=120).returncode == 0
    expected = [sha(p) for p in summarize_outputs(reference)]
    done = run_cli("export-postoffice", "-w", reference, "--format", "json", timeout=120)
    handed = json.loads(done.stdout)["rows"]
    rng = random.Random(13)
    for i in range(ROUNDS):
        ws = make_workspace(tmp_path / f"ws{i}", JUNE_ROSTERS[:4])
        pair: list[list[str | Path]] = [
            ["summarize", "-w", ws, "--month", JUNE],
            ["export-postoffice", "-w", ws, "--month", JUNE, "--format", "json"],
        ]
        if i % 2:
            pair.reverse()
        runs = together(*pair, stagger=rng.uniform(0, 0.3), env=EPOCH)
        ok = [assert_ok_or_refused(r) for r in runs]
        summarize_run, export_run = sorted(runs, key=lambda r: "summarize" not in r.args)
        if summarize_run.returncode == 0:
            assert [sha(p) for p in summarize_outputs(ws)] == expected
        if export_run.returncode == 0:
            assert json.loads(export_run.stdout)["rows"] == handed
            assert check_ledger(ws) == {"BS-2023-06-01"}
        assert any(ok)
        no_temps(ws)


def test_two_export_postoffice_at_once_hand_over_once(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", JUNE_ROSTERS[:1])
    rng = random.Random(17)
    for i in range(ROUNDS):
        # someone new each round, so that there is a batch to fight over
        name = JUNE_ROSTERS[1 + i]
        shutil.copy(SAMPLES / "rosters" / JUNE / name, ws / "rosters" / JUNE / name)
        args: list[str | Path] = [
            "export-postoffice",
            "-w",
            ws,
            "--month",
            JUNE,
            "--format",
            "json",
        ]
        runs = together(args, args, stagger=rng.uniform(0, 0.3))
        docs = [json.loads(r.stdout) for r in runs if assert_ok_or_refused(r)]
        assert docs
        written = [d["batch"] for d in docs if d["batch"] is not None]
        assert len(written) == 1, f"round {i}: batches written {written}"  # one, not two
        assert len(check_ledger(ws)) == i + 1
    # the union is what one clean export of the same rosters hands over
    clean = make_workspace(tmp_path / "clean", JUNE_ROSTERS[: 1 + ROUNDS])
    assert run_cli("export-postoffice", "-w", clean, timeout=120).returncode == 0
    # reference codes are random per workspace: compare the people (and their holders)
    people = "SELECT beneficiary_id, holder_id FROM handovers"
    got = sorted((str(b), str(h)) for b, h in ledger(ws, people))
    want = sorted((str(b), str(h)) for b, h in ledger(clean, people))
    assert got == want and len(got) == len(set(got))


# ---- the lock held for longer than a command waits ------------------------------------------
def test_a_held_lock_is_refused_clearly_and_nothing_is_written(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", JUNE_ROSTERS[:2])
    state = ws / ".cashless"
    state.mkdir()
    fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another command is writing, and stays
        began = time.monotonic()
        runs = together(
            ["summarize", "-w", ws],
            ["export-postoffice", "-w", ws],
        )
        waited = time.monotonic() - began
    finally:
        os.close(fd)
    for run in runs:
        assert run.returncode == 2, run.describe()
        assert BUSY in run.stderr and "Traceback" not in run.output, run.describe()
        assert run.stdout == "", run.describe()
    assert waited >= 10, "the commands should wait for the lock before refusing"
    assert not (ws / "reports").exists()
    assert not (ws / "handoff").exists()
    assert sorted(p.name for p in state.iterdir()) == ["lock"]  # no history, no ledger
    # released: both work, one after the other
    runs = together(["summarize", "-w", ws], ["export-postoffice", "-w", ws])
    assert all(r.returncode == 0 for r in runs), [r.describe() for r in runs]
    assert check_ledger(ws) == {"BS-2023-06-01"}
