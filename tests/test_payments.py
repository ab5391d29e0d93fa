"""export-payments: every beneficiary in exactly one list, totals that add up in the workbook,
the CSV and the manifest, the Post Office's accounts used and mismatches shown, safe files,
LibreOffice. Synthetic data only (a copy of the samples)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
import stat
from pathlib import Path
from typing import Any

import msoffcrypto
import openpyxl
import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.dataset.month import collect_month
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.ledger.store import Handover, Ledger
from cashless_cli.payments.export import export_payments
from cashless_cli.replies.reconcile import import_reply
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import load_workspace
from libreoffice import convert

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
JUNE = Month(2023, 6)
HANDED_ON = dt.datetime(2023, 6, 28, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
FORMULA = '=HYPERLINK("http://x","y")'
runner = CliRunner()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, the June batch handed over, and a reply: 5 opened, 2 failed."""
    base = tmp_path_factory.mktemp("payments")
    root = base / "ws"
    shutil.copytree(SAMPLES / "workspace", root)
    export_postoffice(load_workspace(root), None, now=lambda: HANDED_ON)
    with Ledger.open(root / ".cashless" / "ledger.sqlite") as ledger:
        rows = ledger.handovers("BS-2023-06-01")
    reply = base / "reply.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Mã tham chiếu", "Số tài khoản", "Nơi mở", "Ngày mở", "Kết quả", "Lý do"])
    for i, h in enumerate(_opened(rows)):
        provider = FORMULA if i == 0 else "Bưu điện"  # typed by a clerk: must stay text
        sheet.append([h.ref, f"88{i:08d}", provider, dt.date(2023, 7, 3), "Đã mở", None])
    for h in rows[5:7]:
        sheet.append([h.ref, None, None, None, "Không mở được", "Sai tên"])
    for cell in [*sheet["B"], *sheet["C"]]:
        cell.data_type = "s"
    wb.save(reply)
    assert import_reply(load_workspace(root), reply).applied
    return root


@pytest.fixture
def ws(prepared: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(prepared, target)
    return target


def _opened(rows: list[Handover]) -> list[Handover]:
    """The handovers the reply opens: the first four, and one of Bình Hòa's."""
    return [*rows[:4], next(h for h in rows if h.source_file.endswith("binh_hoa T6.xlsx"))]


def opened_handovers(root: Path) -> list[Handover]:
    with Ledger.open(root / ".cashless" / "ledger.sqlite") as ledger:
        return _opened(ledger.handovers("BS-2023-06-01"))


def _sheet_rows(path: Path, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    wb = openpyxl.load_workbook(path)
    sheet = wb[name]
    rows = list(sheet.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "STT")  # under the letterhead, titles
    table = rows[top + 1 :]
    end = next((i for i, r in enumerate(table) if r[2] == "Tổng cộng"), len(table) - 1)
    below = [str(v) for r in table[end + 1 :] for v in r if v is not None]
    if name != "Cần kiểm tra":  # signed lists: the signatures under the total
        assert "NGƯỜI LẬP BIỂU" in below and "TRƯỞNG PHÒNG" in below, below
    return [str(v) for v in rows[top]], table[: end + 1]


def test_payment_list_totals_add_up_everywhere(ws: Path) -> None:
    out = runner.invoke(
        app, ["export-payments", "--month", "2023-06", "-w", str(ws), "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    folder = ws / "payments" / "2023-06"
    book = folder / "chi-tra-2023-06.xlsx"
    assert doc["month"] == "2023-06" and str(book) in doc["files"]

    # the list sheet: data rows, a subtotal after each commune, the district total last
    header, rows = _sheet_rows(book, "Qua tài khoản")
    amount = header.index("Số tiền (đồng)")
    data = [r for r in rows if isinstance(r[0], int)]
    subtotals = [r for r in rows if str(r[2] or "").startswith("Cộng ")]
    total = [r for r in rows if r[2] == "Tổng cộng"]
    assert len(total) == 1 and rows[-1] == total[0]
    assert len(data) == doc["accounts"] > 0
    assert sum(r[amount] for r in data) == doc["total_amount"] == total[0][amount]
    assert sum(r[amount] for r in subtotals) == doc["total_amount"]
    per_commune = {c["name"]: c for c in doc["communes"]}
    for r in subtotals:
        name = r[2].removeprefix("Cộng ")
        assert r[amount] == per_commune[name]["amount"]
        assert sum(x[amount] for x in data if x[2] == name) == r[amount]
    assert sum(c["amount"] for c in doc["communes"]) == doc["total_amount"]
    assert sum(c["accounts"] for c in doc["communes"]) == doc["accounts"]
    # account numbers are text, with their digits
    accounts = [r[header.index("Số tài khoản")] for r in data]
    assert all(isinstance(a, str) and a.isdigit() for a in accounts)
    # text a clerk typed as a formula stays text, in the workbook and the CSV
    provider = header.index("Nơi mở tài khoản") + 1
    sheet = openpyxl.load_workbook(book)["Qua tài khoản"]
    cells = [
        c for (c,) in sheet.iter_rows(min_col=provider, max_col=provider) if c.value == FORMULA
    ]
    assert len(cells) == 1 and cells[0].data_type == "s"

    # the CSV: the same rows and the same total
    raw = (folder / "chi-tra-2023-06_tai-khoan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert len(lines) == doc["accounts"]
    assert sum(int(r["Số tiền (đồng)"]) for r in lines) == doc["total_amount"]
    assert [r["Số tài khoản"] for r in lines] == accounts
    assert [r["Nơi mở tài khoản"] for r in lines].count("'" + FORMULA) == 1

    # the summary sheet's control total and count
    wb = openpyxl.load_workbook(book)
    facts = {
        str(r[1]): r[3] for r in wb["Tổng hợp"].iter_rows(min_row=4, max_row=20, values_only=True)
    }
    assert facts["Số người chi trả qua tài khoản"] == doc["accounts"]
    assert facts["Tổng số tiền chi trả qua tài khoản (đồng)"] == doc["total_amount"]
    district = [r for r in wb["Tổng hợp"].iter_rows(values_only=True) if r[2] == "Tổng cộng"]
    assert district[0][3:7] == (
        doc["accounts"],
        doc["total_amount"],
        doc["cash"],
        doc["cash_amount"],
    )

    # the manifest: totals and checksums
    manifest = json.loads((folder / "chi-tra-2023-06_manifest.json").read_text("utf-8"))
    assert (manifest["accounts"], manifest["total_amount"]) == (
        doc["accounts"],
        doc["total_amount"],
    )
    for f in manifest["files"]:
        assert hashlib.sha256((folder / f["name"]).read_bytes()).hexdigest() == f["sha256"]
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_everybody_is_in_exactly_one_list(ws: Path) -> None:
    result = export_payments(load_workspace(ws), JUNE, workers=1)
    p = result.payments
    rosters = collect_month(load_workspace(ws), JUNE, workers=1)
    records = sum(len(r.records) for r in rosters.reports.values() if r.error is None)
    assert len(p.accounts) + len(p.cash) + len(p.check) == records
    # the same ID in two communes (planted in the samples) is never paid: both are to check
    twice = [r for r in p.check if r.beneficiary_id and r.beneficiary_id.startswith("0513")]
    assert {r.commune for r in twice} >= {"Bình Nguyên", "Bình Khương"}
    # the accounts the Post Office opened are paid through them
    by_id = {r.beneficiary_id: r for r in p.accounts}
    for i, h in enumerate(opened_handovers(ws)):
        row = by_id[h.beneficiary_id]
        assert (row.account_number, row.account_source, row.ref) == (f"88{i:08d}", "ledger", h.ref)
        assert row.receiver_name == h.holder_name
    # a person the Post Office failed stays in cash
    with Ledger.open(ws / ".cashless" / "ledger.sqlite") as ledger:
        failed = ledger.handovers("BS-2023-06-01")[5]
    assert failed.beneficiary_id in {r.beneficiary_id for r in p.cash}
    assert result.to_dict()["cash"] == len(p.cash)


def _roster_row(path: Path, row: int) -> tuple[openpyxl.Workbook, dict[str, Any]]:
    wb = openpyxl.load_workbook(path)
    sheet = wb.active
    assert sheet is not None
    for r in range(1, 12):
        heads = {str(c.value or "").strip().lower(): c.column for c in sheet[r]}
        if "tình trạng đăng ký" in heads:
            return wb, {h: sheet.cell(row, c) for h, c in heads.items()}
    raise AssertionError("no header")


def test_roster_and_post_office_accounts_differ(ws: Path) -> None:
    target = next(h for h in opened_handovers(ws) if h.source_file.endswith("binh_hoa T6.xlsx"))
    roster = ws / target.source_file
    wb, cells = _roster_row(roster, target.source_row)
    cells["tình trạng đăng ký"].value = "Đã có tài khoản"
    cells["số tài khoản"].value = "7777000011"
    cells["số tài khoản"].data_type = "s"
    cells["nơi mở tài khoản"].value = "Agribank"
    wb.save(roster)
    result = export_payments(load_workspace(ws), JUNE, workers=1)
    row = next(r for r in result.payments.accounts if r.beneficiary_id == target.beneficiary_id)
    assert row.account_number != "7777000011" and row.roster_account == "7777000011"
    assert row.account_source == "ledger" and "7777000011" in row.note("en")
    assert result.to_dict()["mismatches"] == 1
    # shown in the workbook, and on the terminal masked
    header, rows = _sheet_rows(result.files[1], "Qua tài khoản")
    line = next(r for r in rows if r[header.index("Số CCCD đối tượng")] == target.beneficiary_id)
    assert "7777000011" in line[header.index("Ghi chú")]
    out = runner.invoke(app, ["export-payments", "-w", str(ws), "--lang", "en"])
    assert out.exit_code == 0
    assert "7777000011" not in out.output and "7777•••011" in out.output
    assert target.beneficiary_id not in out.output


def test_amount_mismatch_is_shown_not_corrected(ws: Path) -> None:
    result = export_payments(load_workspace(ws), JUNE, workers=1)
    flagged = [r for r in [*result.payments.accounts, *result.payments.cash] if r.amount_check]
    assert flagged, "the samples plant amount mismatches"
    rosters = collect_month(load_workspace(ws), JUNE, workers=1)
    for r in flagged:
        record = next(x for x in rosters.reports[r.source].records if x.row == r.source_row)
        assert r.amount == record.data.muc_tro_cap  # the roster's amount, as written
        assert r.amount_check is not None and r.amount_check.code == "amount-mismatch"
        assert "differs from" in r.amount_check.message("en")


def test_password_encrypts_the_workbook(ws: Path) -> None:
    out = runner.invoke(
        app,
        ["export-payments", "-w", str(ws), "--password", "bí mật", "--format", "json"],
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    book = ws / "payments" / "2023-06" / "chi-tra-2023-06.xlsx"
    assert doc["encrypted"] is True
    with book.open("rb") as f:
        office = msoffcrypto.OfficeFile(f)
        assert office.is_encrypted()
        office.load_key(password="bí mật")
        plain = io.BytesIO()
        office.decrypt(plain)
    assert "Qua tài khoản" in openpyxl.load_workbook(plain).sheetnames


def test_bad_month_and_missing_rosters_exit_2(ws: Path) -> None:
    assert (
        runner.invoke(app, ["export-payments", "-w", str(ws), "--month", "13/2023"]).exit_code == 2
    )
    out = runner.invoke(app, ["export-payments", "-w", str(ws), "--month", "2023-09"])
    assert out.exit_code == 2 and "2023-09" in out.output


def test_payments_workbook_opens_in_libreoffice(ws: Path, tmp_path: Path) -> None:
    result = export_payments(load_workspace(ws), JUNE, workers=1)
    book = next(p for p in result.files if p.suffix == ".xlsx")
    pdf = convert(book, tmp_path / "lo")
    assert pdf.stat().st_size > 1000
