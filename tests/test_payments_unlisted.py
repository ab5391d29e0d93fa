"""export-payments names a roster it cannot read with its reason, and never counts its people as
"0" or "?": the terminal says how many people are in no list where that is known, and which
files cannot be read where it is not (a user trial found "0 người … ? người"). Synthetic data."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster
from test_money import ROSTERS, small_workspace


def test_an_unreadable_roster_alone_is_named_and_not_counted_as_0(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws", (*ROSTERS, "Binh Long T6-2023.xlsx"))
    damaged = ws / "rosters" / "2023-06" / "Binh Long T6-2023.xlsx"
    damaged.write_bytes(damaged.read_bytes()[:3000])  # cut short by a failed upload
    for lang, head, reason, unknown in (
        ("vi", "những người trong 1 tệp không đọc được", "tệp nén zip bị hỏng", "chưa biết"),
        ("en", "the people of 1 roster that cannot be read", "broken zip archive", "not known"),
    ):
        run = run_cli("export-payments", "-w", ws, "--month", "2023-06", "--lang", lang)
        assert run.returncode == 1, run.describe()
        said = " ".join(run.stdout.split())
        assert head in said and reason in said and unknown in said, said
        assert damaged.name in said
        assert "? người" not in said and "? people" not in said
        assert "— 0 người" not in said and "— 0 people" not in said


def test_known_and_unknown_counts_are_said_apart(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws", (*ROSTERS, "Binh Long T6-2023.xlsx"))
    month = ws / "rosters" / "2023-06"
    damaged = month / "Binh Long T6-2023.xlsx"
    damaged.write_bytes(damaged.read_bytes()[:3000])
    write_roster(month / "ds_bo_sung_t6.xlsx", make_rows(3, seed=7), Layout(commune="Tây Sơn"))
    run = run_cli("export-payments", "-w", ws, "--month", "2023-06", "--lang", "en")
    assert run.returncode == 1, run.describe()
    said = " ".join(run.stdout.split())
    assert (
        "In no list — 3 people of 1 roster that cannot be used, and the people of 1 roster "
        "that cannot be read (how many is not known):"
    ) in said
    doc = json.loads(
        run_cli("export-payments", "-w", ws, "--month", "2023-06", "--format", "json").stdout
    )
    # every row read is in exactly one place: the lists, or the readable file in no list
    listed = doc["accounts"] + doc["cash"] + doc["to_check"]
    assert listed == sum(c["accounts"] + c["cash"] + c["to_check"] for c in doc["communes"])
    assert doc["not_listed"] == 3
    (unread,) = [u for u in doc["unlisted_files"] if u["rows"] is None]
    assert "?" not in unread["problem"] and "broken zip archive" in unread["problem"]
