"""import-postoffice: the Post Office's reply to a batch, checked row by row against the ledger,
applied whole or not at all, idempotent; what it means for the next handoff. Every test works on
a copy of the samples with the June batch handed over (synthetic data only)."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import stat
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.ledger.store import Handover, Ledger
from cashless_cli.normalise.text import fold
from cashless_cli.replies.answers import (
    failed_handovers,
    failed_references,
    opened_accounts,
)
from cashless_cli.replies.reconcile import import_reply
from cashless_cli.workspace.config import load_workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BATCH = "BS-2023-06-01"
HANDED_ON = dt.datetime(2023, 6, 28, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
runner = CliRunner()


# ---- fixtures and helpers -------------------------------------------------------------------
@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples with the June batch handed over on 28/06/2023 (built once per module)."""
    root = tmp_path_factory.mktemp("prepared") / "ws"
    shutil.copytree(SAMPLES / "workspace", root)
    result = export_postoffice(load_workspace(root), None, now=lambda: HANDED_ON)
    assert result.batch == BATCH
    return root


@pytest.fixture
def ws(prepared: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(prepared, target)
    return target


def handed(root: Path, batch: str = BATCH) -> list[Handover]:
    with Ledger.open(root / ".cashless" / "ledger.sqlite") as ledger:
        return ledger.handovers(batch)


def reply_count(root: Path) -> int:
    with sqlite3.connect(root / ".cashless" / "ledger.sqlite") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM replies").fetchone()[0])


#: header text → answer key; the Post Office's own order, with an extra column
HEADER = (
    ("Ghi chú của Bưu điện", None),
    ("Kết quả", "result"),
    ("Họ tên chủ tài khoản", "name"),
    ("Mã tham chiếu", "ref"),
    ("Lý do", "reason"),
    ("Ngày mở tài khoản", "date"),
    ("STK", "account"),
    ("Nơi mở", "provider"),
)


def write_reply(path: Path, answers: list[dict[str, Any]], titles: bool = True) -> Path:
    """An .xlsx reply as a post office clerk makes one: title rows, the header, one row per
    answer (account numbers as text unless given as numbers)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "Kết quả"
    row = 1
    if titles:
        sheet.cell(1, 1).value = "BƯU ĐIỆN HUYỆN BÌNH SƠN"
        sheet.cell(2, 1).value = f"KẾT QUẢ MỞ TÀI KHOẢN — ĐỢT {BATCH}"
        row = 4
    for col, (text, _) in enumerate(HEADER, start=1):
        sheet.cell(row, col).value = text
    for answer in answers:
        row += 1
        for col, (_, key) in enumerate(HEADER, start=1):
            value = answer.get(key) if key else "ghi chú"
            cell = sheet.cell(row, col)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    sheet.cell(row + 2, 2).value = "Người lập biểu"
    wb.save(path)
    return path


def good_answers(root: Path) -> tuple[list[dict[str, Any]], list[Handover]]:
    """6 accounts opened (one date typed as text), 3 failures, 3 rows not answered yet."""
    rows = handed(root)
    answers: list[dict[str, Any]] = []
    for i, h in enumerate(rows[:6]):
        answers.append(
            {
                "ref": h.ref,
                "name": h.holder_name,
                "result": "Đã mở" if i % 2 else None,  # a blank result: read from the row
                "account": f"0{i}5100{i:07d}",
                "provider": "Bưu điện Bình Sơn" if i else None,
                "date": "05/07/2023" if i == 0 else dt.date(2023, 7, 3),
            }
        )
    reasons = ["Sai số CCCD", "Không gặp được người nhận", "Đã chết"]
    for h, reason in zip(rows[6:9], reasons, strict=True):
        answers.append({"ref": h.ref, "name": h.holder_name, "result": "Không mở được"})
        answers[-1]["reason"] = reason
    for h in rows[9:12]:
        answers.append({"ref": h.ref, "name": h.holder_name})
    return answers, rows


def invoke_json(*args: str) -> tuple[int, dict[str, Any]]:
    out = runner.invoke(app, [*args, "--format", "json", "--lang", "en"])
    assert out.exit_code in (0, 1), out.output
    return out.exit_code, json.loads(out.stdout)


# ---- a good reply ---------------------------------------------------------------------------
def test_reply_imports_cleanly_and_again_changes_nothing(ws: Path, tmp_path: Path) -> None:
    answers, rows = good_answers(ws)
    reply = write_reply(tmp_path / "tra loi BS-2023-06-01.xlsx", answers)
    code, doc = invoke_json("import-postoffice", str(reply), "-w", str(ws))
    assert code == 0, doc["problems"]
    assert (doc["applied"], doc["opened"], doc["failed"]) == (9, 6, 3)
    assert (doc["errors"], doc["unchanged"], doc["pending"], doc["unknown_refs"]) == (0, 0, 3, [])
    assert doc["header_row"] == 4 and doc["sheet"] == "Kết quả"
    assert doc["batches"] == [BATCH]
    assert reply_count(ws) == 9
    with sqlite3.connect(ws / ".cashless" / "ledger.sqlite") as conn:
        stored = dict(conn.execute("SELECT ref, outcome FROM replies"))
        first = conn.execute(
            "SELECT account_number, provider, replied_on, source_file, source_sha256 "
            "FROM replies WHERE ref = ?",
            (rows[0].ref,),
        ).fetchone()
        reason = conn.execute(
            "SELECT reason FROM replies WHERE ref = ?", (rows[8].ref,)
        ).fetchone()[0]
    assert stored == {
        **{h.ref: "opened" for h in rows[:6]},
        **{h.ref: "failed" for h in rows[6:9]},
    }
    # the account stays text with its leading zero; blank provider = the Post Office;
    # "05/07/2023" typed as text is a date
    assert first[:3] == ("0051000000000", "Bưu điện", "2023-07-05")
    assert reason == "Đã chết"
    # a private copy of the file and its checksum beside the batch
    copy = ws / first[3]
    sha = hashlib.sha256(reply.read_bytes()).hexdigest()
    assert copy.parent == ws / "handoff" / "2023-06" / "replies"
    assert copy.read_bytes() == reply.read_bytes() and first[4] == sha == doc["sha256"]
    assert (copy.parent / f"{copy.name}.sha256").read_text().split()[0] == sha
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    kept = sorted(p.name for p in copy.parent.iterdir())

    # the same reply again: nothing changes, and it says so
    code, again = invoke_json("import-postoffice", str(reply), "-w", str(ws))
    assert code == 0
    assert (again["applied"], again["unchanged"], again["errors"]) == (0, 9, 0)
    assert reply_count(ws) == 9
    assert sorted(p.name for p in copy.parent.iterdir()) == kept
    text = runner.invoke(app, ["import-postoffice", str(reply), "-w", str(ws), "--lang", "en"])
    assert text.exit_code == 0 and "changes nothing" in text.output
    # the handoff ledger listing counts the answered references
    code, ledger = invoke_json("ledger", "-w", str(ws))
    assert ledger["batches"][0]["replies"] == 9


def test_opened_accounts_and_failed_references(ws: Path, tmp_path: Path) -> None:
    assert opened_accounts(load_workspace(ws)) == {}
    answers, rows = good_answers(ws)
    import_reply(load_workspace(ws), write_reply(tmp_path / "r.xlsx", answers))
    accounts = opened_accounts(load_workspace(ws))
    assert set(accounts) == {h.beneficiary_id for h in rows[:6]}
    one = accounts[rows[1].beneficiary_id]
    assert one.account_number == "0151000000001"
    assert one.provider == "Bưu điện Bình Sơn"
    assert one.opened_on == dt.date(2023, 7, 3)
    assert (one.ref, one.batch, one.month) == (rows[1].ref, BATCH, "2023-06")
    assert one.holder_id == rows[1].holder_id
    failed = failed_references(load_workspace(ws))
    assert set(failed) == {h.ref for h in rows[6:9]}
    assert failed[rows[6].ref].reason == "Sai số CCCD"
    assert set(failed_handovers(load_workspace(ws))) == {h.beneficiary_id for h in rows[6:9]}


def test_csv_replies_in_several_encodings(ws: Path, tmp_path: Path) -> None:
    rows = handed(ws)
    lines = [
        ["Số tham chiếu", "Số tài khoản", "Ngân hàng", "Ngày mở", "Tình trạng", "Lý do"],
        [rows[0].ref, "0012345678", "Agribank", "03/07/2023", "Thành công", ""],
        [rows[1].ref, "", "", "", "Thất bại", "Không gặp được người nhận"],
    ]
    cases = {
        "utf8-bom-semicolon.csv": (codecs.BOM_UTF8, "utf-8", ";"),
        "utf16-tab.csv": (b"", "utf-16", "\t"),
        "utf8-comma.csv": (b"", "utf-8", ","),
    }
    for name, (bom, encoding, sep) in cases.items():
        text = "\r\n".join(sep.join(line) for line in lines) + "\r\n"
        path = tmp_path / name
        path.write_bytes(bom + text.encode(encoding))
        result = import_reply(load_workspace(ws), path, force=True)
        assert result.errors == [], (name, [p.message("en") for p in result.errors])
        assert result.reply is not None and result.reply.delimiter == sep
        assert {c.reply.ref: c.reply.outcome for c in result.changes} or result.unchanged == 2
    account = opened_accounts(load_workspace(ws))[rows[0].beneficiary_id]
    assert (account.account_number, account.provider) == ("0012345678", "Agribank")
    assert reply_count(ws) == 2  # the later files said the same: unchanged


def test_cp1258_csv(ws: Path, tmp_path: Path) -> None:
    rows = handed(ws)
    text = f"Reference,Result,Reason\r\n{rows[0].ref},Failed,Sai tên\r\n"
    path = tmp_path / "reply-cp1258.csv"
    path.write_bytes(text.encode("cp1258"))
    result = import_reply(load_workspace(ws), path)
    assert result.errors == [] and result.applied
    assert result.changes[0].reply.reason == "Sai tên"


# ---- bad replies: a clear message at the cell, and nothing applied --------------------------
def _bad(ws: Path, tmp_path: Path, change: Any) -> tuple[dict[str, Any], list[Handover]]:
    answers, rows = good_answers(ws)
    change(answers, rows)
    reply = write_reply(tmp_path / "bad.xlsx", answers)
    code, doc = invoke_json("import-postoffice", str(reply), "-w", str(ws))
    assert code == 1, doc
    assert doc["applied"] == 0 and doc["opened"] == 0 and doc["failed"] == 0
    assert reply_count(ws) == 0, "a file with an error must change nothing"
    assert not (ws / "handoff" / "2023-06" / "replies").exists()
    return doc, rows


def _codes(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["code"], p["cell"]) for p in doc["problems"] if p["severity"] == "error"]


def test_unknown_reference(ws: Path, tmp_path: Path) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[2]["ref"] = "BS-2306-ZZZZZZZ"

    doc, _ = _bad(ws, tmp_path, change)
    assert _codes(doc) == [("reply-ref-unknown", "D7")]
    assert doc["unknown_refs"] == ["BS-2306-ZZZZZZZ"]
    assert doc["would_apply"] == 8
    assert "BS-2306-ZZZZZZZ was not handed over" in doc["problems"][0]["message"]


def test_duplicated_reference(ws: Path, tmp_path: Path) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[7]["ref"] = rows[0].ref

    doc, rows = _bad(ws, tmp_path, change)
    assert _codes(doc) == [("reply-ref-duplicate", "D12")]
    assert f"{rows[0].ref} is answered again (first at D5)" in doc["problems"][0]["message"]


@pytest.mark.parametrize("text", ["31/02/2023", "mùng 5 tháng 7", "2023-13-01"])
def test_garbage_text_date(ws: Path, tmp_path: Path, text: str) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[3]["date"] = text

    doc, _ = _bad(ws, tmp_path, change)
    assert _codes(doc) == [("reply-date-invalid", "F8")]
    assert f"'{text}' is not a date" in doc["problems"][0]["message"]


def test_dates_in_the_future_or_before_the_batch_month(ws: Path, tmp_path: Path) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[1]["date"] = dt.date.today() + dt.timedelta(days=3)
        answers[2]["date"] = "20/06/2023"  # before the handover (28/06) but in its month: fine
        answers[4]["date"] = "31/05/2023"

    doc, _ = _bad(ws, tmp_path, change)
    assert _codes(doc) == [("reply-date-future", "F6"), ("reply-date-before-month", "F9")]
    assert f"is before 06/2023, the month of batch {BATCH}" in doc["problems"][1]["message"]


def test_opened_row_without_account_number(ws: Path, tmp_path: Path) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[1]["account"] = None

    doc, _ = _bad(ws, tmp_path, change)
    assert _codes(doc) == [("reply-account-missing", "G6")]
    assert "no account number" in doc["problems"][0]["message"]


def test_account_number_damaged_by_excel(ws: Path, tmp_path: Path) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[0]["account"] = 1234567890123456789.0  # 19 digits in a number cell
        answers[1]["account"] = 510012345  # a short number cell: a warning only

    doc, _ = _bad(ws, tmp_path, change)
    assert _codes(doc) == [("reply-account-corrupted", "G5")]
    warnings = [(p["code"], p["cell"]) for p in doc["problems"] if p["severity"] == "warning"]
    assert warnings == [("reply-account-number-cell", "G6")]


def test_contradictions_and_unknown_results(ws: Path, tmp_path: Path) -> None:
    def change(answers: list[dict[str, Any]], rows: list[Handover]) -> None:
        answers[6]["account"] = "0987654321"  # "Không mở được" with an account
        answers[2]["result"] = "Đang xử lý"
        answers[9]["result"] = "Đã mở"  # an answer without a reference
        answers[9]["ref"] = None
        answers[9]["account"] = "0011223344"
        answers[9]["date"] = dt.date(2023, 7, 1)

    doc, _ = _bad(ws, tmp_path, change)
    assert _codes(doc) == [
        ("reply-result-invalid", "B7"),
        ("reply-failed-with-account", "G11"),
        ("reply-ref-missing", "D14"),
    ]


def test_text_output_masks_accounts_and_exits_1(ws: Path, tmp_path: Path) -> None:
    answers, _ = good_answers(ws)
    answers[6]["account"] = "0987654321"
    reply = write_reply(tmp_path / "bad.xlsx", answers)
    out = runner.invoke(app, ["import-postoffice", str(reply), "-w", str(ws), "--lang", "en"])
    assert out.exit_code == 1
    assert "nothing was recorded" in out.output and "Kết quả!G11" in out.output
    assert "0987654321" not in out.output and "0987•••321" in out.output
    shown = runner.invoke(
        app, ["import-postoffice", str(reply), "-w", str(ws), "--lang", "vi", "--show-ids"]
    )
    assert "0987654321" in shown.output and "chưa ghi gì" in shown.output


def test_unreadable_files_exit_2(ws: Path, tmp_path: Path) -> None:
    no_header = tmp_path / "no-header.xlsx"
    wb = openpyxl.Workbook()
    assert wb.active is not None
    wb.active["A1"] = "Họ tên"
    wb.active["B1"] = "Số tài khoản"
    wb.save(no_header)
    disguised = tmp_path / "reply.xlsx"
    disguised.write_text("<html><body><table><tr><td>x</td></tr></table></body></html>")
    for path, words in ((no_header, "Mã tham chiếu"), (disguised, "HTML")):
        out = runner.invoke(app, ["import-postoffice", str(path), "-w", str(ws), "--lang", "en"])
        assert out.exit_code == 2, out.output
        assert words in out.output
    assert reply_count(ws) == 0


# ---- answers already recorded ---------------------------------------------------------------
def test_a_changed_answer_needs_force(ws: Path, tmp_path: Path) -> None:
    answers, rows = good_answers(ws)
    import_reply(load_workspace(ws), write_reply(tmp_path / "first.xlsx", answers))
    answers[1]["account"] = "0999999999"
    second = write_reply(tmp_path / "second.xlsx", answers)
    code, doc = invoke_json("import-postoffice", str(second), "-w", str(ws))
    assert code == 1 and _codes(doc) == [("reply-already-reconciled", "B6")]
    assert "--force" in doc["problems"][0]["hint"]
    assert opened_accounts(load_workspace(ws))[rows[1].beneficiary_id].account_number == (
        "0151000000001"
    )
    code, doc = invoke_json("import-postoffice", str(second), "-w", str(ws), "--force")
    assert code == 0 and (doc["applied"], doc["forced"], doc["unchanged"]) == (1, 1, 8)
    assert opened_accounts(load_workspace(ws))[rows[1].beneficiary_id].account_number == (
        "0999999999"
    )


# ---- failures go back to the commune, and to the Post Office once fixed ---------------------
def _phone_cell(path: Path, row: int, phone: str) -> tuple[openpyxl.Workbook, Any]:
    wb = openpyxl.load_workbook(path)
    sheet = wb.active
    assert sheet is not None
    for cell in sheet[row]:
        digits = "".join(ch for ch in str(cell.value or "") if ch.isdigit())
        if digits and digits.lstrip("0") == phone.lstrip("0"):
            return wb, cell
    raise AssertionError(f"no phone {phone} on row {row} of {path}")


def test_failed_rows_are_held_until_the_commune_fixes_them(ws: Path, tmp_path: Path) -> None:
    rows = [h for h in handed(ws) if h.source_file.endswith("binh_hoa T6.xlsx")]
    target = rows[0]
    answers = [{"ref": target.ref, "result": "Không mở được", "reason": "Sai số điện thoại"}]
    import_reply(load_workspace(ws), write_reply(tmp_path / "fail.xlsx", answers))

    # the next export does not send the same row again: it holds it back with the reason
    again = export_postoffice(load_workspace(ws), None)
    assert again.batch is None
    held = [h for h in again.selection.held if h.beneficiary_id == target.beneficiary_id]
    assert [r.code for r in held[0].reasons] == ["handoff-postoffice-failed"]
    assert "Sai số điện thoại" in held[0].reasons[0].message("en")

    # the commune corrects the phone: the row goes again, under the same reference code
    roster = ws / target.source_file
    wb, cell = _phone_cell(roster, target.source_row, target.phone)
    cell.value = "0912000111"
    cell.data_type = "s"
    wb.save(roster)
    later = dt.datetime.now().astimezone() + dt.timedelta(minutes=1)  # after the failure
    fixed = export_postoffice(load_workspace(ws), None, now=lambda: later)
    assert fixed.batch == "BS-2023-06-02"
    assert [(r.beneficiary_id, r.ref) for r in fixed.rows] == [(target.beneficiary_id, target.ref)]
    assert failed_handovers(load_workspace(ws)) == {}  # waiting for the new answer

    # the Post Office's answer to the new batch replaces the failure without --force
    opened = [{"ref": target.ref, "result": "Đã mở", "account": "0123400001", "date": "01/07/2023"}]
    result = import_reply(load_workspace(ws), write_reply(tmp_path / "ok.xlsx", opened))
    assert result.errors == [] and result.applied and not result.changes[0].forced
    assert result.changes[0].handed.batch_id == "BS-2023-06-02"
    assert opened_accounts(load_workspace(ws))[target.beneficiary_id].batch == "BS-2023-06-02"


def test_no_ledger_is_a_clear_refusal(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", root)
    reply = write_reply(tmp_path / "r.xlsx", [{"ref": "BS-2306-AAAAAAA", "result": "Đã mở"}])
    out = runner.invoke(app, ["import-postoffice", str(reply), "-w", str(root), "--lang", "en"])
    assert out.exit_code == 2 and "No batch has been handed" in out.output
    assert not (root / ".cashless" / "ledger.sqlite").exists()


def test_header_aliases() -> None:
    from cashless_cli.replies.reply import match_reply_header

    expected = {
        "Mã tham chiếu": "ref",
        "SỐ THAM CHIẾU": "ref",
        "Reference": "ref",
        "STK": "account",
        "Số tài khoản": "account",
        "Account number": "account",
        "Ngân hàng": "provider",
        "Nơi mở": "provider",
        "Provider": "provider",
        "Ngày mở": "opened_on",
        "Ngày mở tài khoản": "opened_on",
        "Opened on": "opened_on",
        "Kết quả": "result",
        "Tình trạng": "result",
        "Result": "result",
        "Lý do": "reason",
        "Reason": "reason",
        "Họ tên chủ tài khoản": None,
        "Số CCCD chủ tài khoản": None,
    }
    assert {k: match_reply_header(k) for k in expected} == expected
    assert fold("Mã tham chiếu") == "mathamchieu"


def test_an_account_quoted_in_a_finding_is_masked_on_the_terminal(ws: Path, tmp_path: Path) -> None:
    """'already recorded (opened 0151000000001 …)': the account inside the phrase is masked
    like every other personal number, unless --show-ids."""
    answers, _ = good_answers(ws)
    import_reply(load_workspace(ws), write_reply(tmp_path / "first.xlsx", answers))
    answers[1]["account"] = "0999999999"
    second = write_reply(tmp_path / "second.xlsx", answers)
    env = {"CASHLESS_LANG": "vi", "COLUMNS": "200", "NO_COLOR": "1"}
    shown = CliRunner().invoke(app, ["import-postoffice", str(second), "-w", str(ws)], env=env)
    assert shown.exit_code == 1 and "đã có kết quả" in shown.output
    assert "0151000000001" not in shown.output
    full = ["import-postoffice", str(second), "-w", str(ws), "--show-ids"]
    assert "0151000000001" in CliRunner().invoke(app, full, env=env).output
