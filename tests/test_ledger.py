"""The SQLite ledger, reference codes, and ``cashless ledger``."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.handoff.refs import (
    CROCKFORD,
    BatchCodes,
    area_prefix,
    batch_id,
    unique_reference,
)
from cashless_cli.ledger.store import Batch, BatchFile, Handover, Ledger, LedgerError

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def batch(bid: str, seq: int, rows: int = 1) -> Batch:
    return Batch(bid, "2023-06", seq, f"2023-07-0{seq}T08:00:00+07:00", rows, 360_000 * rows,
                 0, None, False, "handoff/2023-06", "0" * 64, "test")  # fmt: skip


def handover(ref: str, ben: str, holder: str, line: int = 1) -> Handover:
    name, phone, source = "Lê Văn A", "0912345678", "rosters/2023-06/x.xlsx"
    return Handover(ref, line, "21079", "Bình Hòa", ben, name, "Bản thân", holder,
                    name, phone, "5a", 360_000, source, 6)  # fmt: skip


def test_new_ledger_has_the_schema_an_id_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / ".cashless" / "ledger.sqlite"
    with Ledger.open(path) as ledger:
        assert ledger.created
        lid = ledger.ledger_id
        assert re.fullmatch(r"[0-9a-f]{32}", lid)
    with Ledger.open(path) as ledger:
        assert not ledger.created and ledger.ledger_id == lid
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        replies = [r[1] for r in conn.execute("PRAGMA table_info(replies)")]
    assert {"meta", "batches", "batch_files", "refs", "handovers", "replies"} <= tables
    # room for the Post Office's reply per reference code
    assert {"ref", "outcome", "reason", "account_number", "provider", "replied_on"} <= set(replies)


def test_a_transaction_is_all_or_nothing(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.sqlite") as ledger:
        with pytest.raises(RuntimeError), ledger.transaction():
            ledger.insert_batch(
                batch("BS-2023-06-01", 1),
                [BatchFile("f.csv", "postoffice-csv", "a" * 64, 10)],
                [handover("BS-2306-AAAAAAA", "051111111111", "051111111111")],
            )
            raise RuntimeError("killed before commit")
        assert ledger.batches() == [] and ledger.latest_holders() == {}
        assert ledger.next_seq("2023-06") == 1
        with ledger.transaction():
            ledger.insert_batch(
                batch("BS-2023-06-01", 1),
                [BatchFile("f.csv", "postoffice-csv", "a" * 64, 10)],
                [handover("BS-2306-AAAAAAA", "051111111111", "051111111111")],
            )
        assert [b.batch_id for b in ledger.batches()] == ["BS-2023-06-01"]
        assert ledger.next_seq("2023-06") == 2


def test_latest_holder_wins_and_a_stolen_reference_is_refused(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.sqlite") as ledger:
        with ledger.transaction():
            ledger.insert_batch(batch("BS-2023-06-01", 1), [], [handover("R1", "B1", "H1")])
        with ledger.transaction():
            ledger.insert_batch(batch("BS-2023-06-02", 2), [], [handover("R2", "B1", "H2")])
        assert ledger.latest_holders() == {"B1": "H2"}
        assert ledger.latest_holders(["B9"]) == {}
        with pytest.raises(LedgerError), ledger.transaction():
            ledger.insert_batch(batch("BS-2023-06-03", 3), [], [handover("R1", "B7", "H7")])
        assert len(ledger.batches()) == 2


def test_reference_codes_are_random_short_and_readable() -> None:
    key = ("2023-06", "051190123456", "051190123456")
    codes = {unique_reference("BS", *key, {}.get, BatchCodes(), lambda *_: None) for _ in range(50)}
    assert len(codes) == 50  # random: the ID cannot be derived back from a code
    for code in codes:
        assert re.fullmatch(rf"BS-2306-[{CROCKFORD}]{{7}}", code)
        assert not set(code[8:]) & set("ILOU")
        digest = hashlib.sha256("|".join(key).encode()).hexdigest()
        assert code[8:].lower() not in digest
    assert area_prefix("Bình Sơn") == "BS"
    assert area_prefix("Đức Phổ") == "DP"
    assert area_prefix("Bình Sơn", "qng1") == "QNG1"
    assert area_prefix("Bình Sơn", "no good!") == "BS"
    assert batch_id("BS", "2023-06", 3) == "BS-2023-06-03"


def test_a_known_code_is_kept_and_a_taken_code_drawn_again() -> None:
    key = ("2023-06", "051190123456", "051190123456")
    kept = {key: "BS-2306-AAAAAAA"}
    batch = BatchCodes()
    assert unique_reference("BS", *key, {}.get, batch, lambda *k: kept.get(k)) == "BS-2306-AAAAAAA"
    assert batch.by_code == {"BS-2306-AAAAAAA": key}
    draws = iter(["BS-2306-TAKEN00", "BS-2306-BATCH00", "BS-2306-FREE000", "BS-2306-AGAIN00"])
    owner = {"BS-2306-TAKEN00": ("2023-06", "999", "999")}
    taken = BatchCodes()
    taken.add("BS-2306-BATCH00", ("2023-06", "888", "888"))
    code = unique_reference("BS", *key, owner.get, taken, lambda *_: None, lambda p, m: next(draws))
    assert code == "BS-2306-FREE000" and taken.by_code[code] == key
    # the same key again in the batch: its code, nothing drawn
    again = unique_reference(
        "BS", *key, owner.get, taken, lambda *_: None, lambda p, m: next(draws)
    )
    assert again == "BS-2306-FREE000" and next(draws) == "BS-2306-AGAIN00"


def test_ledger_command_lists_batches(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", ws)
    runner = CliRunner()
    empty = runner.invoke(app, ["ledger", "-w", str(ws), "--format", "json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout) == {"batches": []}
    assert runner.invoke(app, ["export-postoffice", "-w", str(ws)]).exit_code == 0
    out = runner.invoke(app, ["ledger", "-w", str(ws), "--format", "json"])
    assert out.exit_code == 0, out.output
    (b,) = json.loads(out.stdout)["batches"]
    assert b["batch"] == "BS-2023-06-01" and b["month"] == "2023-06"
    assert b["rows"] == 150 == sum(c["rows"] for c in b["communes"])
    assert b["held_back"] == 1 and b["replies"] == 0
    assert all(f["present"] for f in b["files"]) and len(b["files"]) == 3
    text = runner.invoke(app, ["ledger", "-w", str(ws), "--lang", "en"])
    assert text.exit_code == 0 and "BS-2023-06-01" in text.stdout and "150" in text.stdout
