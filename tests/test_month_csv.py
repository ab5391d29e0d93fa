"""A roster saved as CSV and put in the month's folder is named, never skipped (the trial: the
folder showed 2 files and "0 unreadable", and 30 people were in no list). The reader refuses CSV
(save it as .xlsx), so every command over the month names the file as unreadable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

MONTH = "2023-06"
TIMEOUT = 120.0


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A district workspace: Bình Hòa's roster, and Bình Hải's list saved as CSV."""
    root = tmp_path / "bs"
    created = run_cli("init", root, "--district", "Bình Sơn", "--province", "Quảng Ngãi")
    assert created.returncode == 0, created.describe()
    folder = root / "rosters" / MONTH
    folder.mkdir(parents=True)
    write_roster(folder / "Binh Hoa T6.xlsx", make_rows(6), Layout(commune="Bình Hòa"))
    lines = ["STT,Họ và tên,Ngày sinh,Số CCCD", "1,Nguyễn Văn An,01/02/1950,051050000123"]
    (folder / "Binh Hai T6.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    (folder / "~$Binh Hoa T6.xlsx").write_bytes(b"lock")  # Excel's lock file: still ignored
    return root


def test_validate_folder_names_the_csv(ws: Path) -> None:
    run = run_cli("validate", ws / "rosters" / MONTH, "--lang", "vi", timeout=TIMEOUT)
    assert run.returncode != 0, run.describe()
    assert "Binh Hai T6.csv" in run.output and "văn bản CSV" in run.output, run.output
    assert "~$" not in run.output, run.output


def test_summarize_counts_the_csv_commune_as_unreadable(ws: Path) -> None:
    run = run_cli("summarize", "-w", ws, "--month", MONTH, "--format", "json", timeout=TIMEOUT)
    assert run.returncode == 1, run.describe()
    doc = json.loads(run.stdout)
    text = json.dumps(doc, ensure_ascii=False)
    assert "Binh Hai T6.csv" in text, text


def test_export_payments_names_the_csv(ws: Path) -> None:
    run = run_cli(
        "export-payments", "-w", ws, "--month", MONTH, "--format", "json", timeout=TIMEOUT
    )
    assert run.returncode in (0, 1), run.describe()
    assert "Binh Hai T6.csv" in run.stdout, run.describe()


def test_a_file_named_twice_and_in_its_folder_is_counted_once(ws: Path) -> None:
    folder = ws / "rosters" / MONTH
    one = folder / "Binh Hoa T6.xlsx"
    run = run_cli("validate", one, one, folder, "--format", "json", timeout=TIMEOUT)
    doc = json.loads(run.stdout)
    names = [Path(f["path"]).name for f in doc["files"]]
    assert sorted(names) == ["Binh Hai T6.csv", "Binh Hoa T6.xlsx"], names
