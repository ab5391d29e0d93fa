"""Lifting a suspension (issue 14, Circular 02/2021/TT-BLĐTBXH): a person suspended after three
months in a row not collected is paid again from the month the commune says, once, with what
was listed and not collected as arrears; recorded with who, when and why. Synthetic data."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from cashless_cli.dataset.month import collect_month
from cashless_cli.payments.export import PaymentsResult, export_payments
from cashless_cli.payments.results import import_payments
from cashless_cli.payments.resume import resume_payment
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Workspace, load_workspace
from cli_helpers import run_cli
from test_money import tree
from test_payment_cycle import (
    AUG,
    NOV,
    OCT,
    SEP,
    TZ,
    lines_by_id,
    people,
    report,
    rosters,
    workspace,
)
from test_payment_cycle import month_list as month_of_2025

DEC, JAN, FEB = Month(2025, 12), Month(2026, 1), Month(2026, 2)
AT = dt.datetime(2025, 11, 26, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def month_list(root: Path, month: Month) -> PaymentsResult:
    """The month's list; from January on, December's people (the synthetic rows of a new year
    are other people)."""
    if month.year == 2025:
        return month_of_2025(root, month)
    rosters(root, month, people(DEC))
    at = dt.datetime(month.year, month.month, 20, 9, 0, tzinfo=TZ)
    return export_payments(load_workspace(root), month, now=lambda: at, workers=1)


def suspended_in_november(tmp_path: Path) -> tuple[Workspace, str, int]:
    """Eight people listed August to October; one of them (an allowance) never collects:
    suspended from November's list. Returns the workspace, the ID and what is owed."""
    ws = workspace(tmp_path / "ws")
    away: str | None = None
    owed = 0
    for month in (AUG, SEP, OCT):
        listed = month_list(ws.root, month)
        if away is None:
            away = next(i for i, r in lines_by_id(listed).items() if r.category == "5a")
        owed = lines_by_id(listed)[away].total
        assert import_payments(ws, report(tmp_path, listed, {away}, f"kq-{month}.csv")).applied
    assert away is not None
    return ws, away, owed


def paid_everybody(tmp_path: Path, ws: Workspace, listed: PaymentsResult, name: str) -> None:
    assert import_payments(ws, report(tmp_path, listed, set(), name)).applied


def test_suspended_then_resumed_is_paid_once_with_the_arrears(tmp_path: Path) -> None:
    ws, away, owed = suspended_in_november(tmp_path)
    nov = month_list(ws.root, NOV)
    assert away not in lines_by_id(nov)
    assert [r.suspended for r in nov.payments.check if r.beneficiary_id == away] == [True]
    paid_everybody(tmp_path, ws, nov, "kq-nov.csv")

    run = run_cli(
        "resume-payment", away, "--month", "2025-12", "--reason", "Đã về địa phương",
        "-w", ws.root, "--format", "json",
    )  # fmt: skip
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    assert (doc["recorded"], doc["unchanged"], doc["month"]) == (1, 0, "2025-12")
    (lifted,) = doc["programmes"]
    assert lifted["programme"] == "allowance" and lifted["from"] == "2025-12"
    assert lifted["missed"] == ["2025-08", "2025-09", "2025-10"]
    assert lifted["arrears"] == owed and lifted["reason"] == "Đã về địa phương"
    assert lifted["recorded_at"] and "recorded_by" in lifted

    # December's list pays the person: the month and the three months listed, once
    dec = month_list(ws.root, DEC)
    row = lines_by_id(dec)[away]
    assert (row.amount, row.arrears) == (owed // 3, owed)
    assert row.arrears_months == ("2025-08", "2025-09", "2025-10")
    assert [n.code for n in row.notes][-2:] == ["payment-resumed", "payment-arrears"]
    assert "12/2025" in row.notes[-2].message("vi")
    assert not [r for r in dec.payments.check if r.beneficiary_id == away]
    assert dec.to_dict()["suspended"] == 0
    # the control totals hold the arrears, every person once
    doc = dec.to_dict()
    assert doc["total_amount"] + doc["cash_amount"] == sum(r.total for r in dec.payments.paid)
    assert len(dec.payments.paid) == len({r.beneficiary_id for r in dec.payments.paid})
    # paid in December: January carries nothing, the person listed as any other
    paid_everybody(tmp_path, ws, dec, "kq-dec.csv")
    jan = month_list(ws.root, JAN)
    assert lines_by_id(jan)[away].arrears == 0
    assert sum(r.arrears for r in jan.payments.paid) == 0
    assert not any(n.code == "payment-resumed" for n in lines_by_id(jan)[away].notes)


def test_resume_twice_changes_nothing(tmp_path: Path) -> None:
    ws, away, _ = suspended_in_november(tmp_path)
    args = ("resume-payment", away, "--month", "2025-11", "--reason", "QĐ 12/QĐ-UBND")
    first = run_cli(*args, "-w", ws.root, "--lang", "vi")
    assert first.returncode == 0, first.describe()
    assert "Đã ghi nhận tiếp tục chi trả" in first.stdout
    assert "08/2025, 09/2025, 10/2025" in first.stdout and "truy lĩnh" in first.stdout
    assert away not in first.stdout  # masked without --show-ids
    before = tree(ws.root)
    again = run_cli(*args, "-w", ws.root, "--lang", "en")
    assert again.returncode == 0, again.describe()
    assert "Already recorded" in again.stdout and "Nothing changed" in again.stdout
    assert "QĐ 12/QĐ-UBND" in again.stdout
    later = run_cli(*args[:3], "2025-12", "--reason", "khác", "-w", ws.root, "--format", "json")
    assert later.returncode == 0 and json.loads(later.stdout)["recorded"] == 0
    assert tree(ws.root) == before
    with sqlite3.connect(ws.state_dir / "ledger.sqlite") as conn:
        rows = conn.execute("SELECT person, month, reason FROM payment_resumptions").fetchall()
    assert rows == [(away, "2025-11", "QĐ 12/QĐ-UBND")]
    # the list of November, made again, pays the person once
    nov = month_list(ws.root, NOV)
    assert [r.beneficiary_id for r in nov.payments.paid].count(away) == 1
    again_nov = month_list(ws.root, NOV)
    assert {r.pay_ref for r in again_nov.payments.paid} == {r.pay_ref for r in nov.payments.paid}


def test_unknown_id_and_not_suspended_are_refused(tmp_path: Path) -> None:
    ws, away, _ = suspended_in_november(tmp_path)
    before = tree(ws.root)
    unknown = run_cli(
        "resume-payment", "051199999999", "--month", "2025-11", "--reason", "x", "-w", ws.root
    )
    assert unknown.returncode == 2, unknown.describe()
    assert "051199999999" in unknown.stderr and "no payment list" in unknown.stderr.lower()
    other = next(i for i in lines_by_id(month_list(ws.root, OCT)) if i != away)
    assert other is not None
    before = tree(ws.root)
    run = run_cli(
        "resume-payment", other, "--month", "2025-11", "--reason", "x", "-w", ws.root,
        "--lang", "vi",
    )  # fmt: skip
    assert run.returncode == 2, run.describe()
    assert "không bị tạm dừng chi trả" in " ".join(run.stderr.split())
    # suspended from November, not before: October's list cannot "resume" anything
    early = run_cli("resume-payment", away, "--month", "2025-10", "--reason", "x", "-w", ws.root)
    assert early.returncode == 2 and "not suspended" in " ".join(early.stderr.split())
    blank = run_cli("resume-payment", away, "--month", "2025-11", "--reason", "  ", "-w", ws.root)
    assert blank.returncode == 2 and "reason" in blank.stderr
    no_month = run_cli("resume-payment", away, "--reason", "x", "-w", ws.root)
    assert no_month.returncode == 2 and "--month" in no_month.stderr
    assert tree(ws.root) == before
    # a workspace that never made a payment list knows nobody
    empty = workspace(tmp_path / "empty")
    with pytest.raises(Exception) as refused:
        resume_payment(empty, away, NOV, "x")
    assert getattr(refused.value, "code", None) == "resume-unknown-id"


def test_suspended_again_after_a_resumption(tmp_path: Path) -> None:
    """Resumed from November, then three more months not collected: suspended again."""
    ws, away, owed = suspended_in_november(tmp_path)
    resume_payment(load_workspace(ws.root), away, NOV, "về địa phương", now=lambda: AT)
    total = owed  # August to October, carried into November's line
    for month in (NOV, DEC, JAN):
        listed = month_list(ws.root, month)
        row = lines_by_id(listed)[away]
        assert row.arrears == total  # what was not collected, carried once
        total = row.total
        assert import_payments(ws, report(tmp_path, listed, {away}, f"kq2-{month}.csv")).applied
    feb = month_list(ws.root, FEB)
    assert away not in lines_by_id(feb)
    (held,) = [r for r in feb.payments.check if r.beneficiary_id == away]
    (why,) = [n for n in held.notes if n.code == "payment-suspended"]
    assert "11/2025, 12/2025, 01/2026" in why.message("vi")
    # lifted again from February: a second record, paid in February
    again = resume_payment(load_workspace(ws.root), away, FEB, "lần 2", now=lambda: AT)
    assert again.recorded
    feb = month_list(ws.root, FEB)
    assert lines_by_id(feb)[away].arrears == total


# ---- the money discipline of the cycle ----------------------------------------------------------
def test_arrears_of_a_row_held_back_are_said_not_paid_and_carried_once(tmp_path: Path) -> None:
    """A person owed August's amount whose September row is held back (the same ID twice):
    the row says what is owed; nothing is paid twice; October's line carries it once."""
    from test_payment_cycle import result_csv

    ws = workspace(tmp_path / "ws")
    aug = month_of_2025(ws.root, AUG)
    away = next(r for r in aug.payments.paid if r.category == "5a")
    assert import_payments(ws, report(tmp_path, aug, {away.beneficiary_id or ""}, "kq.csv")).applied
    rows = people(SEP)
    rows.append({**next(r for r in rows if r["so_dinh_danh"] == away.beneficiary_id), "stt": 9})
    rosters(ws.root, SEP, rows)
    at = dt.datetime(2025, 9, 20, 9, 0, tzinfo=TZ)
    sep = export_payments(load_workspace(ws.root), SEP, now=lambda: at, workers=1)
    held = [r for r in sep.payments.check if r.beneficiary_id == away.beneficiary_id]
    assert len(held) == 2 and sep.payments.arrears_amount == 0
    for r in held:
        (owed,) = [n for n in r.notes if n.code == "payment-arrears-held"]
        assert "750.000" in owed.message("vi") and "08/2025" in owed.message("vi")
    assert import_payments(ws, report(tmp_path, sep, set(), "kq9.csv")).applied
    octo = month_of_2025(ws.root, OCT)  # the duplicate gone: paid, with August's amount once
    row = lines_by_id(octo)[away.beneficiary_id]
    assert (row.arrears, row.arrears_months) == (away.total, ("2025-08",))
    assert octo.payments.arrears_amount == away.total
    # a result paying more than the line lists (its month and its arrears) is refused
    ref = row.pay_ref or ""
    above = result_csv(tmp_path / "tren.csv", [(ref, str(row.total + 1), "Đã chi", "")])
    run = run_cli("import-payments", above, "-w", ws.root, "--format", "json")
    assert run.returncode == 1
    assert [p["code"] for p in json.loads(run.stdout)["problems"]] == ["payresult-amount-above"]
    exact = result_csv(tmp_path / "du.csv", [(ref, str(row.total), "Đã chi", "")])
    assert import_payments(ws, exact).applied


@pytest.mark.slow
def test_the_sample_commune_cycle_pays_everybody_once(tmp_path: Path) -> None:
    """make demo's 2025 cycle: August listed, the provider's result, September listed with the
    arrears; every roster row in one place, each person paid once a month, the control totals
    of the workbook, the CSV, the manifest and the ledger equal to the sum of the lines, the
    arrears equal to what August did not pay, carried once; made again, nothing changes."""
    import csv
    import importlib.util
    import shutil
    import sys

    import openpyxl

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "generate_2025", root / "samples" / "generate_2025.py"
    )
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules["generate_2025"] = generator
    spec.loader.exec_module(generator)
    ws_root = tmp_path / "ws"
    shutil.copytree(root / "samples" / "commune-2025", ws_root)

    def listed(month: Month) -> PaymentsResult:
        return export_payments(load_workspace(ws_root), month, workers=1)

    def lines_of_book(result: PaymentsResult) -> list[tuple[str, int, int]]:
        """(ID, Cộng chi, Truy lĩnh) of every line of the workbook; each sheet's "Tổng cộng"
        row equal to the sum of its lines."""
        book = openpyxl.load_workbook(next(f for f in result.files if f.suffix == ".xlsx"))
        out = []
        for name in ("Qua tài khoản", "Tiền mặt"):
            rows = list(book[name].iter_rows(values_only=True))
            top = next(i for i, r in enumerate(rows) if r[0] == "STT")
            head = [str(v) for v in rows[top]]
            who, pays, owed = (
                head.index(k) for k in ("Số CCCD đối tượng", "Cộng chi (đồng)", "Truy lĩnh (đồng)")
            )
            sheet = [
                (str(r[who]), int(r[pays]), int(r[owed] or 0))
                for r in rows[top + 1 :]
                if isinstance(r[0], int)
            ]
            (total,) = [r for r in rows if "Tổng cộng" in r]
            assert [v for v in total if isinstance(v, int)][-1] == sum(x[1] for x in sheet)
            out.extend(sheet)
        return out

    aug = listed(AUG)
    book = lines_of_book(aug)
    read = sum(
        len(r.records)
        for r in collect_month(load_workspace(ws_root), AUG, workers=1).reports.values()
    )
    assert len(aug.payments.paid) + len(aug.payments.check) + aug.payments.not_listed == read
    assert len(book) == len({x[0] for x in book}) == len(aug.payments.paid)  # each person once
    doc = aug.to_dict()
    assert doc["total_amount"] + doc["cash_amount"] == sum(x[1] for x in book)
    folder = ws_root / "payments" / "2025-08"
    with (folder / "chi-tra-2025-08_tai-khoan.csv").open(encoding="utf-8-sig") as handle:
        account_lines = list(csv.DictReader(handle))
    assert sum(int(x["Cộng chi (đồng)"]) for x in account_lines) == doc["total_amount"]

    imported = import_payments(load_workspace(ws_root), generator.provider(ws_root, str(AUG)))
    unpaid = sum(c.line.total - c.result.amount_paid for c in imported.changes)
    assert unpaid > 0
    sep = listed(SEP)
    book = lines_of_book(sep)
    assert len(book) == len({x[0] for x in book}) == len(sep.payments.paid)
    assert sum(x[2] for x in book) == sep.payments.arrears_amount == unpaid  # carried once
    doc = sep.to_dict()
    assert doc["total_amount"] + doc["cash_amount"] == sum(x[1] for x in book)
    with sqlite3.connect(ws_root / ".cashless" / "ledger.sqlite") as conn:
        total, arrears = conn.execute(
            "SELECT SUM(amount + arrears), SUM(arrears) FROM payment_lines WHERE month = '2025-09'"
        ).fetchone()
    assert (total, arrears) == (sum(x[1] for x in book), unpaid)
    again = listed(SEP)  # made again: the same lines, the arrears not added twice
    assert {(r.pay_ref, r.total) for r in again.payments.paid} == {
        (r.pay_ref, r.total) for r in sep.payments.paid
    }
