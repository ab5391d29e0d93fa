"""Money never silently dropped or paid twice (issue 13): every command run in a child process.

- export-payments with a damaged roster and a roster of no commune exits 1 and names both; the
  JSON, the manifest and the summary sheet carry the count not listed;
- a ledger deleted, emptied or replaced (another workspace's, a folder, a dangling link) after a
  handoff: every command that uses it refuses with exit 2 and writes nothing; once the right
  ledger is back, nobody is handed over twice and the opened account is still paid through it.

Synthetic data only (a copy of the sample rosters, invented rows).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from cli_helpers import REPO, run_cli
from factory import Layout, make_rows, write_roster

SAMPLES = REPO / "samples" / "workspace"
ROSTERS = ("binh_hoa T6.xlsx", "chau_o_2023_06.xlsx")


def small_workspace(root: Path, rosters: tuple[str, ...] = ROSTERS) -> Path:
    (root / "rosters" / "2023-06").mkdir(parents=True)
    shutil.copy(SAMPLES / "cashless.toml", root / "cashless.toml")
    for name in rosters:
        shutil.copy(SAMPLES / "rosters" / "2023-06" / name, root / "rosters" / "2023-06" / name)
    return root


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (links and folders too) → its SHA-256 (or what it is)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            out[key] = f"link:{os.readlink(path)}"
        elif path.is_dir():
            out[key] = "dir"
        else:
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# ---- export-payments: nobody silently in no list ----------------------------------------------
def test_damaged_and_stray_rosters_exit_1_and_are_named(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws", (*ROSTERS, "Binh Long T6-2023.xlsx"))
    month = ws / "rosters" / "2023-06"
    damaged = month / "Binh Long T6-2023.xlsx"
    damaged.write_bytes(damaged.read_bytes()[:3000])  # cut short by a failed upload
    stray = month / "ds_bo_sung_t6.xlsx"
    write_roster(stray, make_rows(3, seed=7), Layout(commune="Tây Sơn"))  # no such commune here

    run = run_cli("export-payments", "-w", ws, "--month", "2023-06", "--format", "json")
    assert run.returncode == 1, run.describe()
    doc = json.loads(run.stdout)
    files = {Path(u["file"]).name: u for u in doc["unlisted_files"]}
    assert set(files) == {damaged.name, stray.name}
    assert files[stray.name]["rows"] == 3 and files[stray.name]["code"] == "roster-no-commune"
    assert files[damaged.name]["rows"] is None
    assert files[damaged.name]["code"] == "commune-unreadable"
    assert doc["not_listed"] == 3
    # the people who are listed are listed once: the two good rosters' rows add up
    listed = doc["accounts"] + doc["cash"] + doc["to_check"]
    assert listed == sum(c["accounts"] + c["cash"] + c["to_check"] for c in doc["communes"]) > 0

    folder = ws / "payments" / "2023-06"
    manifest = json.loads((folder / "chi-tra-2023-06_manifest.json").read_text("utf-8"))
    assert manifest["not_listed"] == 3 and len(manifest["unlisted_files"]) == 2
    sheet = openpyxl.load_workbook(folder / "chi-tra-2023-06.xlsx")["Tổng hợp"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    label = "Số người chưa có trong danh sách nào (tệp không dùng được)"
    assert cells[cells.index(label) + 1] == 3
    assert stray.name in cells and damaged.name in cells

    text = run_cli("export-payments", "-w", ws, "--month", "2023-06")
    assert text.returncode == 1, text.describe()
    assert stray.name in text.stdout and damaged.name in text.stdout
    assert "names no commune" in text.stdout and "in no list" in text.stdout


def test_a_clean_month_still_exits_0(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    run = run_cli("export-payments", "-w", ws, "--month", "2023-06", "--format", "json")
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    assert doc["not_listed"] == 0 and doc["unlisted_files"] == []


# ---- the ledger: never "no ledger" once there was one ----------------------------------------
def _reply(path: Path, ref: str) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Mã tham chiếu", "Số tài khoản", "Nơi mở", "Ngày mở", "Kết quả"])
    sheet.append([ref, "8800000001", "Bưu điện", dt.date(2023, 6, 29), "Đã mở"])
    sheet["B2"].data_type = "s"
    wb.save(path)
    return path


def _handed(ws: Path) -> tuple[str, str]:
    """A handoff, and one account opened by the Post Office: (its ref, its account)."""
    run = run_cli("export-postoffice", "-w", ws, "--month", "2023-06", "--format", "json")
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    assert doc["batch"] == "BS-2023-06-01" and doc["rows"] > 0
    csv_path = next(Path(f) for f in doc["files"] if f.endswith("_buu-dien.csv"))
    lines = csv_path.read_text("utf-8-sig").splitlines()
    ref = next(cell for cell in lines[1].split(",") if cell.startswith("BS-2306-"))
    reply = _reply(ws.parent / "reply.xlsx", ref)
    imported = run_cli("import-postoffice", reply, "-w", ws)
    assert imported.returncode == 0, imported.describe()
    return ref, "8800000001"


def _commands(ws: Path) -> list[tuple[str | Path, ...]]:
    reply = ws.parent / "reply.xlsx"
    return [
        ("export-postoffice", "-w", ws, "--month", "2023-06"),
        ("export-payments", "-w", ws, "--month", "2023-06"),
        ("summarize", "-w", ws, "--month", "2023-06"),
        ("ledger", "-w", ws),
        ("import-postoffice", reply, "-w", ws, "--force"),
        ("validate", ws / "rosters" / "2023-06" / ROSTERS[0], "-w", ws),
    ]


def _damage(kind: str, ledger: Path, other: Path) -> None:
    ledger.unlink()
    if kind == "empty":
        ledger.write_bytes(b"")
    elif kind == "folder":
        ledger.mkdir()
    elif kind == "dangling-link":
        ledger.symlink_to(ledger.parent / "gone.sqlite")
    elif kind == "another-workspace":
        shutil.copy(other, ledger)
    elif kind == "garbage":
        ledger.write_bytes(b"this is not a database at all" * 100)


@pytest.mark.slow
@pytest.mark.parametrize(
    "kind", ["deleted", "empty", "folder", "dangling-link", "another-workspace", "garbage"]
)
def test_a_lost_or_replaced_ledger_is_refused_then_restored(tmp_path: Path, kind: str) -> None:
    other = small_workspace(tmp_path / "other")
    _handed(other)
    ws = small_workspace(tmp_path / "ws")
    ref, account = _handed(ws)
    ledger = ws / ".cashless" / "ledger.sqlite"
    good = tmp_path / "good.sqlite"
    shutil.copy(ledger, good)

    _damage(kind, ledger, other / ".cashless" / "ledger.sqlite")
    before = tree(ws)
    for args in _commands(ws):
        run = run_cli(*args)
        assert run.returncode == 2, run.describe()
        assert "ledger" in run.output.lower() and "Unexpected" not in run.output
        assert str(ws / ".cashless" / "ledger.backup.sqlite") in run.output.replace("\n", "")
        assert tree(ws) == before, args  # nothing written

    # the right ledger back (from the backup the tool keeps): nobody twice, nobody lost
    if ledger.is_dir() and not ledger.is_symlink():
        ledger.rmdir()
    else:
        ledger.unlink(missing_ok=True)
    shutil.copy(ws / ".cashless" / "ledger.backup.sqlite", ledger)
    assert ledger.read_bytes() == good.read_bytes() or ledger.stat().st_size > 0
    again = run_cli("export-postoffice", "-w", ws, "--month", "2023-06", "--format", "json")
    assert again.returncode == 0, again.describe()
    assert json.loads(again.stdout)["rows"] == 0  # everybody was handed over already
    pay = run_cli("export-payments", "-w", ws, "--month", "2023-06", "--format", "json")
    assert pay.returncode == 0, pay.describe()
    assert json.loads(pay.stdout)["accounts"] >= 1
    csv_text = (ws / "payments" / "2023-06" / "chi-tra-2023-06_tai-khoan.csv").read_text("utf-8")
    assert account in csv_text and ref in csv_text


@pytest.mark.slow
def test_an_older_ledger_is_refused_and_batch_ids_never_repeat(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws", ROSTERS[:1])
    run = run_cli("export-postoffice", "-w", ws, "--month", "2023-06", "--format", "json")
    assert run.returncode == 0, run.describe()
    ledger = ws / ".cashless" / "ledger.sqlite"
    old = tmp_path / "old.sqlite"
    shutil.copy(ledger, old)
    shutil.copy(SAMPLES / "rosters" / "2023-06" / ROSTERS[1], ws / "rosters" / "2023-06")
    second = run_cli("export-postoffice", "-w", ws, "--month", "2023-06", "--format", "json")
    assert json.loads(second.stdout)["batch"] == "BS-2023-06-02", second.describe()

    shutil.copy(old, ledger)  # restored from a copy taken before the second batch
    before = tree(ws)
    refused = run_cli("export-postoffice", "-w", ws, "--month", "2023-06")
    assert refused.returncode == 2 and "BS-2023-06-02" in refused.output, refused.describe()
    assert tree(ws) == before
    # even without the state file, the manifests keep the numbers: a third batch is 03
    (ws / ".cashless" / "ledger.state.json").unlink()
    shutil.copy(ws / ".cashless" / "ledger.backup.sqlite", ledger)
    (ws / "rosters" / "2023-06" / ROSTERS[1]).unlink()
    shutil.copy(
        SAMPLES / "rosters" / "2023-06" / "binh_tri_thang6.xlsx", ws / "rosters" / "2023-06"
    )
    third = run_cli("export-postoffice", "-w", ws, "--month", "2023-06", "--format", "json")
    assert third.returncode == 0, third.describe()
    doc = json.loads(third.stdout)
    assert doc["batch"] == "BS-2023-06-03" and doc["already_handed_over"] > 0


# ---- secrets ----------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["export-postoffice", "export-payments"])
def test_an_empty_password_is_refused_never_a_plaintext_file(tmp_path: Path, command: str) -> None:
    ws = small_workspace(tmp_path / "ws", ROSTERS[:1])
    envvar = (
        "CASHLESS_HANDOFF_PASSWORD"
        if command == "export-postoffice"
        else "CASHLESS_PAYMENTS_PASSWORD"
    )
    before = tree(ws)
    for args, env in (
        ((command, "-w", ws, "--password", ""), None),
        ((command, "-w", ws), {envvar: ""}),
    ):
        run = run_cli(*args, env=env)
        assert run.returncode == 2, run.describe()
        assert "password" in run.output.lower() and "empty" in run.output
        assert tree(ws) == before  # no file written, encrypted or not


def test_a_password_argument_is_warned_the_environment_is_not(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws", ROSTERS[:1])
    run = run_cli("export-payments", "-w", ws, "--password", "s3cret-T6")
    assert run.returncode == 0, run.describe()
    assert "process list" in run.stderr and "CASHLESS_PAYMENTS_PASSWORD" in run.stderr
    env = {"CASHLESS_PAYMENTS_PASSWORD": "s3cret-T6"}
    quiet = run_cli("export-payments", "-w", ws, env=env)
    assert quiet.returncode == 0, quiet.describe()
    assert "process list" not in quiet.output
    book = ws / "payments" / "2023-06" / "chi-tra-2023-06.xlsx"
    assert not book.read_bytes().startswith(b"PK")  # encrypted (an OLE file, not a zip)


# ---- a published month does not change by itself ---------------------------------------------
def test_an_account_counts_only_from_the_month_it_was_opened(tmp_path: Path) -> None:
    from cashless_cli.checks.accounts import KnownAccount
    from cashless_cli.dataset.month import collect_month
    from cashless_cli.schema.month import Month
    from cashless_cli.workspace.config import load_workspace

    root = tmp_path / "ws"
    (root / "rosters" / "2023-05").mkdir(parents=True)
    shutil.copy(SAMPLES / "cashless.toml", root / "cashless.toml")
    name = "BINH MY - T5 2023.xlsx"
    shutil.copy(SAMPLES / "rosters" / "2023-05" / name, root / "rosters" / "2023-05" / name)
    ws = load_workspace(root)
    may = Month(2023, 5)
    first = collect_month(ws, may, workers=1)
    ident = next(
        r.data.so_dinh_danh
        for rep in first.reports.values()
        for r in rep.records
        if r.data.so_dinh_danh
    )
    assert ident is not None

    def accounts(opened: dt.date) -> list[str | None]:
        known = {ident: KnownAccount("8800000009", opened)}
        month = collect_month(ws, may, workers=1, known=known)
        return [r.postoffice_account for rep in month.reports.values() for r in rep.records]

    assert "8800000009" not in accounts(dt.date(2023, 6, 2))  # opened after May: not in May
    assert "8800000009" in accounts(dt.date(2023, 5, 31))  # opened in May: counted in May


def test_summarize_of_a_past_month_is_the_same_unless_its_rosters_changed(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "rosters" / "2023-05").mkdir(parents=True)
    shutil.copy(SAMPLES / "cashless.toml", root / "cashless.toml")
    for name in ("BINH MY - T5 2023.xlsx", "Binh Long T5-2023.xlsx"):
        shutil.copy(SAMPLES / "rosters" / "2023-05" / name, root / "rosters" / "2023-05" / name)
    args = ("summarize", "-w", root, "--month", "2023-05", "--format", "json")

    def figures(run_doc: dict[str, object]) -> object:
        return run_doc["communes"]

    first = run_cli(*args)
    assert first.returncode in (0, 1), first.describe()
    again = run_cli(*args)
    assert figures(json.loads(again.stdout)) == figures(json.loads(first.stdout))
    assert json.loads(again.stdout)["rosters_changed"] == [] and "changed" not in again.stderr

    roster = root / "rosters" / "2023-05" / "Binh Long T5-2023.xlsx"
    wb = openpyxl.load_workbook(roster)
    sheet = wb.worksheets[0]
    sheet.cell(sheet.max_row + 2, 1).value = "Ghi chú: bản sửa"
    wb.save(roster)
    changed = run_cli(*args)
    assert json.loads(changed.stdout)["rosters_changed"] == [roster.name], changed.describe()
    assert roster.name in changed.stderr and "changed since" in changed.stderr
    old = (root / ".cashless" / "history.csv").read_text("utf-8").splitlines()
    assert old[0].endswith(",rows_with_errors,unknown,roster_sha256")
