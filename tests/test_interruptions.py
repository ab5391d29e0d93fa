"""Kill ``summarize`` and ``export-postoffice`` with SIGKILL at random moments, and make outputs
unwritable: every output is then absent, the previous complete version or the new complete one;
the ledger matches the handoff files; the next run completes; nothing is handed over twice or lost.

Each command runs in a child process (``python -m cashless_cli``, its own session) and is killed
with ``SIGKILL`` sent to its whole process group (the command and its validation workers: a
machine that stops or a "kill the process tree"). Half of the kills are drawn uniformly between 0
and the command's duration measured by a clean run, seeded; the other half are aimed at the
writing phase: they wait until the command starts writing (a temporary file, a staging folder,
an output replaced), then wait a random part of that phase, measured too. Killing only the main
process is a separate test (its workers outlive it).

``CASHLESS_KILL_SEED`` and ``CASHLESS_KILLS`` change the seed and the number of kills.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cashless_cli.fs.atomic import TEMP_PATTERN
from cli_helpers import REPO, child_env, run_cli

SAMPLE_ROSTERS = REPO / "samples" / "workspace" / "rosters" / "2023-06"
CONFIG = REPO / "samples" / "workspace" / "cashless.toml"
MONTH = "2023-06"
SEED = int(os.environ.get("CASHLESS_KILL_SEED", "20230601"))
KILLS = int(os.environ.get("CASHLESS_KILLS", "12"))
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # byte-identical rate tables

# Rosters in the order they are added; the two communes that list the same person
# (Bình Nguyên, Bình Khương: samples/expected.json) are left out, so that adding a commune never
# turns a person handed over earlier into a held-back duplicate.
ORDER = [
    "binh_hoa T6.xlsx",
    "chau_o_2023_06.xlsx",
    "binh_tri_thang6.xlsx",
    "BinhChanh-T6.2023.xls",
    "Binh Hai T6.2023.ods",
    "DS BTXH Binh Thuan T6-2023.xlsx",
    "Bình Thạnh T6-2023.xlsx",
    "binhdong_t6_2023.xlsx",
    "BÌNH AN T6-2023.xlsx",
    "DS BTXH Bình Dương tháng 6-2023.xlsx",
    "binh phuoc 6-2023.xlsx",
    "BinhTrung_2023-06.xlsx",
    "DS BTXH Bình Minh tháng 6-2023.xlsx",
    "Binh Long T6-2023.xlsx",
    "binh_chuong_t6.xlsx",
    "Bình Hiệp T6.2023.xlsx",
    "BINH MY - T6 2023.xlsx",
    "Binh Tan Phu_06.2023.xlsx",
    "DS Binh Chau thang 06-2023.xlsx",
    "Bình Thanh T6-2023.xlsx",
]


# ---- helpers --------------------------------------------------------------------------------
def make_workspace(root: Path, rosters: list[str]) -> Path:
    """A workspace with the sample configuration and only the given June rosters."""
    folder = root / "rosters" / MONTH
    folder.mkdir(parents=True)
    shutil.copy(CONFIG, root / "cashless.toml")
    for name in rosters:
        add_roster(root, name)
    return root


def add_roster(root: Path, name: str) -> None:
    shutil.copy(SAMPLE_ROSTERS / name, root / "rosters" / MONTH / name)


def start(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``cashless ARGS`` in its own session (so its whole process group can be killed)."""
    return subprocess.Popen(
        [sys.executable, "-m", "cashless_cli", *(str(a) for a in args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=child_env(env),
        start_new_session=True,
    )


def kill_group(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL the command and its workers; True when it was still running."""
    alive = proc.poll() is None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return alive


def sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_PATTERN.match(p.name))


def hidden(folder: Path) -> list[str]:
    return (
        sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
        if folder.is_dir()
        else []
    )


def fingerprint(paths: list[Path]) -> list[tuple[int, int] | None]:
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
        except FileNotFoundError:
            out.append(None)
        else:
            out.append((st.st_ino, st.st_mtime_ns))
    return out


def wait_for_writing(
    proc: subprocess.Popen[bytes], folders: list[Path], outputs: list[Path], limit: float
) -> float | None:
    """Poll until the command starts writing: a hidden file or folder (temporary file, staging
    folder) appears in ``folders``, or an output is replaced. Returns the time it took, or None
    when the command ended (or ``limit`` passed) first."""
    before = fingerprint(outputs)
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() - started < limit:
        for folder in folders:
            try:
                if any(
                    e.name.startswith(".") and e.name != ".cashless" for e in os.scandir(folder)
                ):
                    return time.monotonic() - started
            except FileNotFoundError:
                pass
        if fingerprint(outputs) != before:
            return time.monotonic() - started
        time.sleep(0.0005)
    return None


@dataclass
class Tally:
    """What the kills hit, for the assertion messages and the README figures."""

    kills: int = 0
    ended_first: int = 0
    states: Counter[str] = field(default_factory=Counter)
    leftovers: int = 0

    def line(self) -> str:
        return (
            f"{self.kills} kills ({self.ended_first} after the command had ended), "
            f"{self.leftovers} left temporary files or folders, states {dict(self.states)}"
        )


def measure(
    args: list[str | Path], watch: list[Path], outputs: list[Path], env: dict[str, str]
) -> tuple[float, float]:
    """Run once cleanly: its duration, and the length of its writing phase (from the first
    temporary file or staging folder to the moment every output has been replaced)."""
    before = fingerprint(outputs)
    t0 = time.monotonic()
    proc = start(*args, env=env)
    began = wait_for_writing(proc, watch, outputs, 120)
    ended = None
    while ended is None and proc.poll() is None:
        now = fingerprint(outputs)
        if all(a != b for a, b in zip(now, before, strict=True)):
            ended = time.monotonic() - t0
        time.sleep(0.0005)
    rc = proc.wait(timeout=120)
    total = time.monotonic() - t0
    assert rc == 0, f"clean run of {args} failed with {rc}"
    assert began is not None, "the clean run was never seen writing"
    return total, max((ended or total) - began, 0.02)


def kill_at_random(
    rng: random.Random,
    i: int,
    args: list[str | Path],
    watch: list[Path],
    outputs: list[Path],
    env: dict[str, str],
    duration: float,
    phase: float,
    tally: Tally,
) -> None:
    proc = start(*args, env=env)
    try:
        if i % 2 == 0:  # anywhere in the run
            time.sleep(rng.uniform(0, duration))
        else:  # aimed at the writing phase
            if wait_for_writing(proc, watch, outputs, 3 * duration + 10) is not None:
                time.sleep(rng.uniform(0, 1.2 * phase))  # (a little past the last write too)
    finally:
        alive = kill_group(proc)
    tally.kills += 1
    tally.ended_first += not alive


# ---- summarize ------------------------------------------------------------------------------
def summarize_outputs(ws: Path) -> dict[str, Path]:
    reports = ws / "reports" / MONTH
    return {
        "table": reports / f"bang-tong-hop-{MONTH}.xlsx",
        "dataset": reports / f"dataset-{MONTH}.parquet",
        "history": ws / ".cashless" / "history.csv",
    }


def check_parseable(outputs: dict[str, Path]) -> None:
    if outputs["dataset"].is_file():
        assert pq.read_table(outputs["dataset"]).num_rows > 0
    if outputs["history"].is_file():
        with outputs["history"].open(encoding="utf-8", newline="") as handle:
            lines = list(csv.DictReader(handle))
        assert lines and {line["month"] for line in lines} == {MONTH}


def test_summarize_killed_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    ws = make_workspace(tmp_path / "ws", ORDER[:3])
    out = summarize_outputs(ws)
    args: list[str | Path] = ["summarize", "--workspace", ws, "--month", MONTH]
    watch = [ws / "reports" / MONTH, ws / ".cashless"]

    # the previous complete version (A: three communes), then the new one (B: four)
    assert run_cli(*args, env=EPOCH, timeout=120).returncode == 0
    old = {k: p.read_bytes() for k, p in out.items()}
    add_roster(ws, ORDER[3])
    duration, phase = measure(args, watch, list(out.values()), EPOCH)
    new = {k: sha(p) for k, p in out.items()}
    assert all(new.values()) and all(new[k] != sha256(old[k]) for k in out)
    again = run_cli(*args, env=EPOCH, timeout=120)
    assert again.returncode == 0 and {k: sha(p) for k, p in out.items()} == new  # reproducible

    tally = Tally()
    for i in range(KILLS):
        from_scratch = i % 3 == 2
        for key, path in out.items():  # put the previous state back
            if from_scratch:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(old[key])
        kill_at_random(rng, i, args, watch, list(out.values()), EPOCH, duration, phase, tally)
        # The table and the dataset are replaced as one set: each may be missing for a moment
        # (the old file moved aside, the new one not yet in), never one old and the other new.
        # The history is written after them, by itself: old or new.
        allowed: dict[str, set[str | None]] = {
            k: {None, new[k]} if from_scratch else {sha256(old[k]), new[k]} for k in out
        }
        allowed["table"].add(None)
        allowed["dataset"].add(None)
        state = {k: sha(p) for k, p in out.items()}
        for key in out:
            assert state[key] in allowed[key], f"kill {i}: {key} is neither old nor new"
        versions = {
            "new" if state[k] == new[k] else "old" for k in ("table", "dataset") if state[k]
        }
        assert len(versions) <= 1, f"kill {i}: the table and the dataset are of different runs"
        if state["history"] == new["history"]:
            assert state["table"] == new["table"] and state["dataset"] == new["dataset"]
        check_parseable(out)
        tally.states[
            "/".join(
                "-" if state[k] is None else ("new" if state[k] == new[k] else "old") for k in out
            )
        ] += 1
        # only the outputs, the ledger's lock and hidden temporary files are there
        for folder in watch:
            visible = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
            assert visible <= {p.name for p in out.values()} | {"lock"}, visible
            assert all(TEMP_PATTERN.match(n) for n in hidden(folder)), hidden(folder)
        tally.leftovers += any(temps(f) for f in watch if f.is_dir())

    # the next run completes, ignores what the kills left, and writes the new version
    final = run_cli(*args, env=EPOCH, timeout=120)
    assert final.returncode == 0, final.describe()
    assert {k: sha(p) for k, p in out.items()} == new
    check_parseable(out)
    print(f"summarize: {tally.line()}; run {duration:.2f} s, writing {phase:.2f} s")
    assert tally.kills == KILLS


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_summarize_removes_temporary_files_left_by_a_killed_run(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", ORDER[:1])
    out = summarize_outputs(ws)
    assert run_cli("summarize", "-w", ws, env=EPOCH, timeout=120).returncode == 0
    # what a run killed during the writes leaves: the temporary names of atomic.py
    stale = [
        out["dataset"].with_name(f".{out['dataset'].name}.0123456789ab.tmp"),
        out["history"].with_name(f".{out['history'].name}.0123456789ab.tmp"),
    ]
    for path in stale:
        path.write_bytes(b"half a file")
    assert run_cli("summarize", "-w", ws, env=EPOCH, timeout=120).returncode == 0
    assert [p for p in stale if p.exists()] == []


# ---- export-postoffice ----------------------------------------------------------------------
def ledger(ws: Path, sql: str) -> list[tuple[object, ...]]:
    """Query the ledger as any SQLite client would see it, without changing it: a copy of the
    database and its rollback journal (a kill during a commit leaves a hot journal, which the
    first client to open it rolls back; here that is the copy, and cashless is left its own)."""
    path = ws / ".cashless" / "ledger.sqlite"
    if not path.exists():
        return []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        shutil.copy(path, copy)
        journal = path.with_name(path.name + "-journal")
        if journal.exists():
            shutil.copy(journal, copy.with_name(journal.name))
        conn = sqlite3.connect(copy)
        try:
            return list(conn.execute(sql))
        finally:
            conn.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def check_ledger_matches_files(ws: Path) -> int:
    """Every batch of the ledger has all its files, with the recorded SHA-256, and its CSV lists
    exactly its handovers; every batch file on disk belongs to a batch of the ledger (no orphan
    stays visible as an output after a completed run). Returns the number of batches."""
    folder = ws / "handoff" / MONTH
    assert ledger(ws, "PRAGMA integrity_check") in ([], [("ok",)])
    batches = {str(b) for (b,) in ledger(ws, "SELECT batch_id FROM batches")}
    for bid in batches:
        files = ledger(ws, f"SELECT name, sha256 FROM batch_files WHERE batch_id = '{bid}'")
        assert len(files) == 3, bid
        for name, digest in files:
            assert sha(folder / str(name)) == digest, f"{name} is missing or changed"
        manifest = json.loads((folder / f"{bid}_manifest.json").read_text(encoding="utf-8"))
        assert manifest["batch"] == bid
        assert {f["name"]: f["sha256"] for f in manifest["files"]} == dict(files)
        in_file = {
            (r["Mã tham chiếu"], r["Số CCCD đối tượng"])
            for r in read_csv(folder / f"{bid}_buu-dien.csv")
        }
        in_ledger = set(
            ledger(ws, f"SELECT ref, beneficiary_id FROM handovers WHERE batch_id = '{bid}'")
        )
        assert in_file == in_ledger, bid
    return len(batches)


def handed_over(ws: Path) -> list[str]:
    return [str(r) for (r,) in ledger(ws, "SELECT ref FROM handovers")]


def test_export_postoffice_killed_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    first = 2
    ws = make_workspace(tmp_path / "ws", ORDER[: first - 1])
    folder = ws / "handoff" / MONTH
    args: list[str | Path] = ["export-postoffice", "--workspace", ws, "--month", MONTH]
    assert run_cli(*args, timeout=120).returncode == 0  # batch 01 (and the ledger)
    add_roster(ws, ORDER[first - 1])
    watch = [folder]
    ledger_path = ws / ".cashless" / "ledger.sqlite"
    duration, phase = measure(args, watch, [ledger_path], {})  # batch 02
    assert check_ledger_matches_files(ws) == 2

    tally = Tally()
    for i in range(KILLS):
        add_roster(ws, ORDER[first + i])  # someone new to hand over each time
        refs_before = handed_over(ws)
        kill_at_random(rng, i, args, watch, [ledger_path], {}, duration, phase, tally)
        # right after the kill: the ledger never lists anyone whose batch files are not all
        # there with their recorded hashes; files of an uncommitted batch may be left (the next
        # run recognises them by their manifest)
        folder_names = {p.name for p in folder.iterdir()}
        batches = {str(b) for (b,) in ledger(ws, "SELECT batch_id FROM batches")}
        for bid in batches:
            for name, digest in ledger(
                ws, f"SELECT name, sha256 FROM batch_files WHERE batch_id = '{bid}'"
            ):
                assert sha(folder / str(name)) == digest, f"kill {i}: {name}"
        refs_after = handed_over(ws)
        assert set(refs_before) <= set(refs_after), f"kill {i}: someone was lost"
        assert len(refs_after) == len(set(refs_after)), f"kill {i}: someone handed over twice"
        orphans = {n.split("_")[0] for n in folder_names if not n.startswith(".")} - batches
        left = hidden(folder)
        tally.leftovers += bool(left or orphans)
        tally.states[
            "committed"
            if len(batches) > i + 2
            else ("orphan files" if orphans else ("staging/temp" if left else "untouched"))
        ] += 1
        for name in left:  # only staging folders and temporary files are hidden
            assert name.startswith(".staging-") or TEMP_PATTERN.match(name), name

        # the next run completes and leaves a consistent state, nothing left behind
        nxt = run_cli(*args, "--format", "json", timeout=120)
        assert nxt.returncode == 0, nxt.describe()
        doc = json.loads(nxt.stdout)
        if orphans or left:
            assert doc["recovered"], f"kill {i}: leftovers not reported as recovered"
        assert hidden(folder) == []
        assert check_ledger_matches_files(ws) == len(
            {str(b) for (b,) in ledger(ws, "SELECT batch_id FROM batches")}
        )
        refs = handed_over(ws)
        assert len(refs) == len(set(refs)), f"after kill {i}: someone handed over twice"
        assert set(refs_before) <= set(refs)

    # nothing new is left to hand over, and the batches together hold exactly what one clean
    # export of the same rosters hands over: nobody twice, nobody lost
    last = run_cli(*args, "--format", "json", timeout=120)
    assert last.returncode == 0 and json.loads(last.stdout)["batch"] is None, last.describe()
    clean = make_workspace(tmp_path / "clean", ORDER[: first + KILLS])
    reference = run_cli("export-postoffice", "-w", clean, "--month", MONTH, timeout=120)
    assert reference.returncode == 0, reference.describe()
    refs = handed_over(ws)
    assert len(refs) == len(set(refs))
    # reference codes are random (issue 13): compare the people and their holders instead
    people = "SELECT beneficiary_id, holder_id FROM handovers"
    assert sorted(ledger(ws, people)) == sorted(ledger(clean, people))
    ids = [str(b) for (b,) in ledger(ws, "SELECT beneficiary_id FROM handovers")]
    assert len(ids) == len(set(ids))
    print(f"export-postoffice: {tally.line()}; run {duration:.2f} s, writing {phase:.2f} s")
    assert tally.kills == KILLS


def group_members(pgid: int) -> list[int]:
    """The processes still in process group ``pgid`` (orphaned workers keep their group)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[-1].split()
            if len(fields) > 3 and fields[0] != "Z" and int(fields[2]) == pgid:
                members.append(int(entry.name))
    return members


def test_killing_only_the_main_process_does_not_leave_the_workspace_locked(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws", ORDER[:6])  # ≥ 4 rosters: validated in workers
    proc = start("export-postoffice", "--workspace", ws)
    try:
        deadline = time.monotonic() + 60
        while len(group_members(proc.pid)) < 2 and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.002)
        if proc.poll() is not None:
            pytest.skip("the command ended before its workers could be seen")
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, like `kill -9 PID`
        proc.wait(timeout=30)
        time.sleep(2)
        alive = group_members(proc.pid)
        assert alive == [], f"workers {alive} outlived the killed command"
        nxt = run_cli("export-postoffice", "--workspace", ws, timeout=60)
        assert nxt.returncode == 0, nxt.describe()
    finally:
        with contextlib.suppress(ProcessLookupError):  # the orphans this test made
            os.killpg(proc.pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.wait(timeout=30)


# ---- export-payments ------------------------------------------------------------------------
def payments_outputs(ws: Path) -> dict[str, Path]:
    folder = ws / "payments" / MONTH
    return {
        "workbook": folder / f"chi-tra-{MONTH}.xlsx",
        "csv": folder / f"chi-tra-{MONTH}_tai-khoan.csv",
        "manifest": folder / f"chi-tra-{MONTH}_manifest.json",
    }


def check_payments_set(out: dict[str, Path]) -> str:
    """Every file present is whole, and a manifest present vouches for every file beside it:
    the set is never half one run and half another. Returns which files are there."""
    present = {k for k, p in out.items() if p.is_file()}
    if "workbook" in present:
        with zipfile.ZipFile(out["workbook"]) as archive:
            assert archive.testzip() is None
    if "csv" in present:
        out["csv"].read_bytes().decode("utf-8-sig")
    if "manifest" in present:
        listed = {f["name"]: f["sha256"] for f in json.loads(out["manifest"].read_bytes())["files"]}
        for key in present - {"manifest"}:
            assert listed[out[key].name] == sha(out[key]), f"{key} is not the manifest's {key}"
    return "/".join(k if k in present else "-" for k in out)


def test_export_payments_killed_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(SEED + 2)
    ws = make_workspace(tmp_path / "ws", ORDER[:2])
    out = payments_outputs(ws)
    args: list[str | Path] = ["export-payments", "--workspace", ws, "--month", MONTH]
    watch = [out["manifest"].parent]

    assert run_cli(*args, timeout=120).returncode == 0
    old = {k: p.read_bytes() for k, p in out.items()}
    add_roster(ws, ORDER[2])  # the next run changes every file
    duration, phase = measure(args, watch, list(out.values()), {})

    tally = Tally()
    for i in range(KILLS):
        for key, path in out.items():  # the previous complete set back in place
            path.write_bytes(old[key])
        kill_at_random(rng, i, args, watch, list(out.values()), {}, duration, phase, tally)
        tally.states[check_payments_set(out)] += 1
        folder = watch[0]
        visible = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
        assert visible <= {p.name for p in out.values()}, visible
        assert all(TEMP_PATTERN.match(n) for n in hidden(folder)), hidden(folder)
        tally.leftovers += bool(temps(folder))

    final = run_cli(*args, timeout=120)
    assert final.returncode == 0, final.describe()
    assert check_payments_set(out) == "workbook/csv/manifest"
    assert temps(watch[0]) == []
    print(f"export-payments: {tally.line()}; run {duration:.2f} s, writing {phase:.2f} s")
    assert tally.kills == KILLS


# ---- import-postoffice -----------------------------------------------------------------------
def test_import_postoffice_killed_at_random_moments(tmp_path: Path) -> None:
    from cashless_cli.handoff.export import export_postoffice
    from cashless_cli.replies.reconcile import REPLIES_DIR
    from cashless_cli.workspace.config import load_workspace
    from test_import_postoffice import HANDED_ON, SAMPLES, good_answers, write_reply

    rng = random.Random(SEED + 3)
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", ws)
    export_postoffice(load_workspace(ws), None, now=lambda: HANDED_ON)
    answers, _ = good_answers(ws)
    reply = write_reply(tmp_path / "tra-loi.xlsx", answers)
    reply_sha = hashlib.sha256(reply.read_bytes()).hexdigest()
    ledger_path = ws / ".cashless" / "ledger.sqlite"
    pristine = ledger_path.read_bytes()
    # the ledger's state and backup go back with it (else the guard rightly refuses a ledger
    # older than the workspace recorded)
    kept = {p: p.read_bytes() for p in ledger_path.parent.glob("ledger.*") if p != ledger_path}
    replies = ws / "handoff" / MONTH / REPLIES_DIR
    args: list[str | Path] = ["import-postoffice", reply, "--workspace", ws]

    def reset() -> None:
        ledger_path.write_bytes(pristine)
        for path, data in kept.items():
            path.write_bytes(data)
        ledger_path.with_name(ledger_path.name + "-journal").unlink(missing_ok=True)
        shutil.rmtree(replies, ignore_errors=True)

    duration, phase = measure(args, [replies.parent], [ledger_path], {})
    full = len(ledger(ws, "SELECT ref FROM replies"))
    assert full == len(answers) - 3  # the rows not answered yet are not recorded

    tally = Tally()
    for i in range(KILLS):
        reset()
        kill_at_random(rng, i, args, [replies.parent], [ledger_path], {}, duration, phase, tally)
        # the ledger took the whole reply or none of it, and is sound
        assert ledger(ws, "PRAGMA integrity_check") == [("ok",)]
        recorded = len(ledger(ws, "SELECT ref FROM replies"))
        assert recorded in (0, full), f"kill {i}: {recorded} of {full} replies recorded"
        # the kept copies are whole; the one the ledger points at is there, with its checksum
        copies = sorted(replies.glob("*.xlsx")) if replies.is_dir() else []
        for copy in copies:
            assert hashlib.sha256(copy.read_bytes()).hexdigest() == reply_sha, copy.name
        if recorded:
            [(source,)] = ledger(ws, "SELECT DISTINCT source_file FROM replies")
            assert (ws / str(source)).is_file() and Path(f"{ws / str(source)}.sha256").is_file()
        tally.states[f"{'recorded' if recorded else 'not recorded'}, {len(copies)} copies"] += 1
        if replies.is_dir():
            assert all(TEMP_PATTERN.match(n) for n in hidden(replies)), hidden(replies)
            tally.leftovers += bool(temps(replies))

        # importing again completes the record, once
        again = run_cli(*args, timeout=120)
        assert again.returncode == 0, again.describe()
        assert len(ledger(ws, "SELECT ref FROM replies")) == full
    print(f"import-postoffice: {tally.line()}; run {duration:.2f} s, writing {phase:.2f} s")
    assert tally.kills == KILLS


# ---- unwritable outputs ---------------------------------------------------------------------
def chattr(path: Path, flag: str) -> bool:
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return done.returncode == 0


def assert_clear_refusal(run_output: str, returncode: int, path: Path) -> None:
    assert returncode == 2, run_output
    assert "Traceback" not in run_output, run_output
    assert str(path) in run_output, f"{path} not named:\n{run_output}"


def assert_clear_message(run_output: str) -> None:
    # the user's situation (a folder that cannot be written) is not a bug of cashless
    assert "Unexpected error" not in run_output and "bug in cashless" not in run_output, run_output


BLOCKERS = ["file-in-place-of-folder", "immutable-folder", "immutable-target"]


def block(path_of_folder: Path, target: Path, how: str) -> Path:
    """Make ``target`` (in ``path_of_folder``) impossible to write, even as root; return the
    path the message must name."""
    if how == "file-in-place-of-folder":
        if path_of_folder.is_dir():
            shutil.rmtree(path_of_folder)
        path_of_folder.parent.mkdir(parents=True, exist_ok=True)
        path_of_folder.write_bytes(b"not a folder")
        return path_of_folder
    path_of_folder.mkdir(parents=True, exist_ok=True)
    if how == "immutable-folder":
        if not chattr(path_of_folder, "+i"):
            pytest.skip("chattr +i is not available here")
        return path_of_folder
    target.write_bytes(b"the version open in Excel")
    if not chattr(target, "+i"):
        pytest.skip("chattr +i is not available here")
    return target


def unblock(*paths: Path) -> None:
    for path in paths:
        if path.exists():
            chattr(path, "-i")


@pytest.mark.parametrize("how", BLOCKERS)
def test_summarize_into_an_unwritable_place_fails_cleanly(tmp_path: Path, how: str) -> None:
    ws = make_workspace(tmp_path / "ws", ORDER[:1])
    out = summarize_outputs(ws)
    named = block(out["table"].parent, out["table"], how)
    before = sha(out["table"])
    try:
        run = run_cli("summarize", "-w", ws, timeout=120)
        assert_clear_refusal(run.output, run.returncode, named)
        assert sha(out["table"]) == before  # untouched (absent, or the old version)
        assert not out["dataset"].exists()
        if out["table"].parent.is_dir():
            assert hidden(out["table"].parent) == []  # its temporary file was removed
    finally:
        unblock(out["table"], out["table"].parent)


@pytest.mark.parametrize(
    "command, blocked",
    [
        ("summarize", "reports"),
        ("export-postoffice", "handoff"),
        ("export-payments", "payments"),
        ("export-postoffice", "ledger"),
    ],
)
def test_unwritable_output_gets_a_plain_message(tmp_path: Path, command: str, blocked: str) -> None:
    ws = make_workspace(tmp_path / "ws", ORDER[:1])
    if blocked == "ledger":
        assert run_cli(command, "-w", ws, timeout=120).returncode == 0
        add_roster(ws, ORDER[1])
        named = ws / ".cashless" / "ledger.sqlite"
        if not chattr(named, "+i"):
            pytest.skip("chattr +i is not available here")
    else:
        folder = ws / blocked / MONTH
        named = block(folder, folder / "x", "file-in-place-of-folder")
    try:
        run = run_cli(command, "-w", ws, "--month", MONTH, timeout=120)
    finally:
        unblock(named)
    assert_clear_refusal(run.output, run.returncode, named)
    assert_clear_message(run.output)


@pytest.mark.parametrize(
    ("command", "folder", "locked"),
    [
        ("summarize", "reports", f"dataset-{MONTH}.parquet"),
        ("export-payments", "payments", f"chi-tra-{MONTH}_tai-khoan.csv"),
    ],
)
def test_one_locked_output_leaves_the_whole_set_as_it_was(
    tmp_path: Path, command: str, folder: str, locked: str
) -> None:
    # The officer has last month's CSV (or dataset) open: the command refuses, naming it, and the
    # other files of the set stay the previous version too (the same files: not half replaced).
    ws = make_workspace(tmp_path / "ws", ORDER[:1])
    assert run_cli(command, "-w", ws, "--month", MONTH, timeout=120).returncode == 0
    add_roster(ws, ORDER[1])  # the next run would change every file of the set
    out = ws / folder / MONTH
    before = {p.name: (sha(p), p.stat().st_ino) for p in out.iterdir()}
    assert locked in before and len(before) >= 2
    named = out / locked
    if not chattr(named, "+i"):
        pytest.skip("chattr +i is not available here")
    try:
        run = run_cli(command, "-w", ws, "--month", MONTH, timeout=120)
    finally:
        unblock(named)
    assert_clear_refusal(run.output, run.returncode, named)
    assert {p.name: (sha(p), p.stat().st_ino) for p in out.iterdir()} == before
    assert run_cli(command, "-w", ws, "--month", MONTH, timeout=120).returncode == 0


def test_failed_summarize_leaves_the_history_unchanged(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", ORDER[:1])
    out = summarize_outputs(ws)
    block(out["table"].parent, out["table"], "file-in-place-of-folder")
    run = run_cli("summarize", "-w", ws, timeout=120)
    assert run.returncode == 2, run.describe()
    assert not out["history"].exists(), "history.csv was written by a run that failed"


@pytest.mark.parametrize("how", ["file-in-place-of-folder", "immutable-folder", "immutable-ledger"])
def test_export_postoffice_into_an_unwritable_place_records_nothing(
    tmp_path: Path, how: str
) -> None:
    ws = make_workspace(tmp_path / "ws", ORDER[:1])
    folder = ws / "handoff" / MONTH
    ledger_path = ws / ".cashless" / "ledger.sqlite"
    if how == "immutable-ledger":  # a first batch, then the ledger cannot be written
        assert run_cli("export-postoffice", "-w", ws, timeout=120).returncode == 0
        named = ledger_path
        if not chattr(ledger_path, "+i"):
            pytest.skip("chattr +i is not available here")
    else:
        named = block(folder, folder / "x", how)
    add_roster(ws, ORDER[1])
    before = {p.name: sha(p) for p in folder.iterdir()} if folder.is_dir() else {}
    batches = ledger(ws, "SELECT batch_id FROM batches")
    try:
        run = run_cli("export-postoffice", "-w", ws, timeout=120)
        assert run.returncode == 2, run.describe()
        assert "Traceback" not in run.output, run.output
        assert str(named) in run.output, run.output
        # nothing recorded, nothing half-written, nothing left behind
        assert ledger(ws, "SELECT batch_id FROM batches") == batches
        after = {p.name: sha(p) for p in folder.iterdir()} if folder.is_dir() else {}
        assert after == before
    finally:
        unblock(named)
    # once the place is writable again, the next run hands the new people over, once
    if how == "file-in-place-of-folder":
        folder.unlink()
    run = run_cli("export-postoffice", "-w", ws, "--format", "json", timeout=120)
    assert run.returncode == 0, run.describe()
    assert json.loads(run.stdout)["batch"] is not None
    assert check_ledger_matches_files(ws) == len(batches) + 1
    refs = handed_over(ws)
    assert len(refs) == len(set(refs))
