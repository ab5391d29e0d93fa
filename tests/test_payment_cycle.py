"""The payment cycle of a commune (issue 14): the social pension beside the monthly social
allowance, paid only once at the higher amount; the provider's result (import-payments); unpaid
amounts carried over (truy lĩnh); suspension after three months not collected. Synthetic data."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cashless_cli.dataset.month import collect_month
from cashless_cli.payments.export import PaymentsResult, export_payments
from cashless_cli.payments.results import import_payments
from cashless_cli.payments.select import PaymentRow, select_payments
from cashless_cli.schema.month import Month
from cashless_cli.validation import Options, validate_file
from cashless_cli.workspace.config import Workspace, load_workspace
from cashless_cli.workspace.units import commune_config
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster
from test_money import tree

AUG, SEP, OCT, NOV = Month(2025, 8), Month(2025, 9), Month(2025, 10), Month(2025, 11)
TZ = dt.timezone(dt.timedelta(hours=7))


def workspace(root: Path) -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cashless.toml").write_text(
        commune_config("Vạn Tường", "Quảng Ngãi").text, encoding="utf-8"
    )
    return load_workspace(root)


def pensioner(row: dict[str, Any], month: Month) -> dict[str, Any]:
    """The row of a social pensioner (Decree 176/2025): 76 years old, 500,000 VND."""
    born = dt.date(month.year - 76, 3, 2)
    return {**row, "dien": "htxh", "he_so": 1.0, "muc_tro_cap": 500_000, "ngay_sinh": born}


def rosters(root: Path, month: Month, rows: list[dict[str, Any]]) -> Path:
    path = root / "rosters" / str(month) / "ds-binh-hoa.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    title = f"Tháng {month.month} năm {month.year}"
    write_roster(path, rows, Layout(commune="Bình Hòa", month_title=title))
    return path


def both_programmes_rows() -> list[dict[str, Any]]:
    """Six people; the first (5a, 750,000 VND) also on the social pension list (500,000)."""
    rows = make_rows(6, seed=11, month=(2025, 8))
    rows[0] = {**rows[0], "dien": "5a", "he_so": 1.5, "muc_tro_cap": 750_000}
    rows[0]["ngay_sinh"] = dt.date(1949, 5, 6)
    rows.append({**pensioner(rows[0], AUG), "stt": 7})
    rows.append({**pensioner(rows[1], AUG), "stt": 8, "so_dinh_danh": "051149000777"})
    return rows


def test_both_programmes_is_an_error_at_both_rows(tmp_path: Path) -> None:
    rows = both_programmes_rows()
    path = rosters(tmp_path, AUG, rows)
    report = validate_file(path, Options(month=AUG))
    both = [p for p in report.problems if p.code == "id-both-programmes"]
    assert len(both) == 2 and {p.row for p in both} == {7, 13}  # data rows 1 and 7
    assert not [p for p in report.problems if p.code == "id-duplicate"]
    assert "hưu trí xã hội" in both[0].message("vi")
    assert "social pension" in both[0].message("en")
    # the plain pensioner (another ID) is no error
    assert not [p for p in report.problems if p.row == 14 and p.severity.name == "ERROR"]


def test_both_programmes_pays_only_the_higher_amount(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    rows = both_programmes_rows()
    rosters(tmp_path, AUG, rows)
    month = collect_month(ws, AUG, workers=1)
    payments = select_payments(AUG, month.units, month.reports, month.matching, {})
    ident = rows[0]["so_dinh_danh"]
    paid = [r for r in [*payments.accounts, *payments.cash] if r.beneficiary_id == ident]
    held = [r for r in payments.check if r.beneficiary_id == ident]
    assert [(r.category, r.amount) for r in paid] == [("5a", 750_000)]
    assert [(r.category, r.amount) for r in held] == [("htxh", 500_000)]
    (reason,) = [n for n in held[0].notes if n.code == "payment-both-programmes"]
    assert "750.000" in reason.message("vi") and "không chi" in reason.message("vi")
    # everybody in exactly one list; the other pensioner is paid
    assert len(payments.accounts) + len(payments.cash) + len(payments.check) == len(rows)
    assert any(r.category == "htxh" for r in [*payments.accounts, *payments.cash])


# ---- the provider's result, arrears, suspension ------------------------------------------------
def people(month: Month) -> list[dict[str, Any]]:
    """The same eight people every month (two of them social pensioners)."""
    rows = make_rows(6, seed=11, month=(month.year, month.month))
    for i, j in ((6, 2), (7, 3)):
        p = pensioner(rows[j], month)
        p["so_dinh_danh"] = f"0511490007{i:02d}"
        p["stt"] = i + 1
        rows.append(p)
    return rows


def month_list(root: Path, month: Month) -> PaymentsResult:
    rosters(root, month, people(month))
    at = dt.datetime(month.year, month.month, 20, 9, 0, tzinfo=TZ)
    return export_payments(load_workspace(root), month, now=lambda: at, workers=1)


def result_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A provider's result: reference, amount paid, result, reason."""
    lines = ["Mã chi trả,Số tiền đã chi,Kết quả,Lý do", *(",".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def report(root: Path, result: PaymentsResult, unpaid: set[str], name: str) -> Path:
    """Everybody of the list paid in full but the people (IDs) in ``unpaid``."""
    rows = []
    for r in result.payments.paid:
        assert r.pay_ref is not None
        if r.beneficiary_id in unpaid:
            rows.append((r.pay_ref, "", "Chưa chi", "Vắng nhà"))
        else:
            rows.append((r.pay_ref, str(r.total), "Đã chi", ""))
    return result_csv(root / name, rows)


def lines_by_id(result: PaymentsResult) -> dict[str | None, PaymentRow]:
    return {r.beneficiary_id: r for r in result.payments.paid}


def test_result_imported_once_and_arrears_carried_into_the_next_list(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    lines = lines_by_id(aug)
    assert all(r.pay_ref and r.pay_ref.startswith("VT-2508-") for r in aug.payments.paid)
    away = next(i for i, r in lines.items() if r.category == "htxh")
    assert away is not None
    path = report(tmp_path, aug, {away}, "ket-qua-t8.csv")

    run = run_cli("import-payments", path, "-w", ws.root, "--format", "json")
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    assert doc["applied"] == len(aug.payments.paid) and doc["unpaid"] == 1
    assert doc["unpaid_amount"] == 500_000
    assert doc["copy"] and Path(doc["copy"]).is_file()
    sidecar = Path(doc["copy"] + ".sha256").read_text()
    assert sidecar.split()[0] == hashlib.sha256(path.read_bytes()).hexdigest() == doc["sha256"]

    # the same file again: nothing changes
    before = tree(ws.root)
    again = run_cli("import-payments", path, "-w", ws.root, "--format", "json")
    assert again.returncode == 0 and json.loads(again.stdout)["applied"] == 0
    assert json.loads(again.stdout)["unchanged"] == len(aug.payments.paid)
    assert tree(ws.root) == before

    # September's list pays September and carries August's 500,000 once
    sep = month_list(ws.root, SEP)
    row = lines_by_id(sep)[away]
    assert (row.amount, row.arrears, row.arrears_months, row.total) == (
        500_000,
        500_000,
        ("2025-08",),
        1_000_000,
    )
    assert sum(r.arrears for r in sep.payments.paid) == 500_000
    totals = sep.to_dict()
    assert totals["arrears_amount"] == 500_000 and totals["arrears"] == 1
    assert totals["total_amount"] + totals["cash_amount"] == sum(r.total for r in sep.payments.paid)
    header, data = _sheet(sep.files, "Tiền mặt" if row.account_number is None else "Qua tài khoản")
    line = next(d for d in data if d[header.index("Mã chi trả")] == row.pay_ref)
    assert line[header.index("Truy lĩnh (đồng)")] == 500_000
    assert line[header.index("Tháng truy lĩnh")] == "08/2025"
    assert line[header.index("Cộng chi (đồng)")] == 1_000_000
    # exported again: the same references, the arrears not added twice
    again_sep = month_list(ws.root, SEP)
    assert {r.pay_ref for r in again_sep.payments.paid} == {r.pay_ref for r in sep.payments.paid}
    assert lines_by_id(again_sep)[away].arrears == 500_000

    # August's result cannot be changed now that September carries it, even with --force
    fixed = result_csv(tmp_path / "sua.csv", [(lines[away].pay_ref or "", "500000", "Đã chi", "")])
    run = run_cli("import-payments", fixed, "-w", ws.root, "--force", "--format", "json")
    assert run.returncode == 1
    assert [p["code"] for p in json.loads(run.stdout)["problems"]] == ["payresult-already-carried"]
    # September paid in full (arrears included): October carries nothing
    import_payments(ws, report(tmp_path, sep, set(), "ket-qua-t9.csv"))
    octo = month_list(ws.root, OCT)
    assert sum(r.arrears for r in octo.payments.paid) == 0


def test_suspended_after_three_months_not_collected(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    away: str | None = None
    owed = 0
    for month in (AUG, SEP, OCT):
        listed = month_list(ws.root, month)
        if away is None:
            away = next(i for i, r in lines_by_id(listed).items() if r.category == "5a")
        row = lines_by_id(listed)[away]
        assert not row.suspended and row.arrears == owed
        owed = row.total
        done = import_payments(ws, report(tmp_path, listed, {away}, f"kq-{month}.csv"))
        assert done.applied
    nov = month_list(ws.root, NOV)
    assert away not in lines_by_id(nov)  # not paid ...
    (held,) = [r for r in nov.payments.check if r.beneficiary_id == away]  # ... but listed
    (why,) = [n for n in held.notes if n.code == "payment-suspended"]
    assert "08/2025, 09/2025, 10/2025" in why.message("vi") and "tạm dừng" in why.message("vi")
    assert f"{owed:,}".replace(",", ".") in why.message("en")
    assert nov.to_dict()["suspended"] == 1
    everybody = len(people(NOV))
    assert len(nov.payments.paid) + len(nov.payments.check) == everybody


@pytest.mark.slow
def test_a_result_file_with_any_error_changes_nothing(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    refs = [r.pay_ref or "" for r in aug.payments.paid]
    total = {r.pay_ref: r.total for r in aug.payments.paid}
    good = (refs[0], str(total[refs[0]]), "Đã chi", "")
    bad_rows = {
        "payresult-ref-unknown": ("VT-2508-ZZZZZZZ", "500000", "Đã chi", ""),
        "payresult-ref-duplicate": good,
        "payresult-amount-above": (refs[1], str(total[refs[1]] + 1), "Đã chi", ""),
        "payresult-amount-invalid": (refs[2], "năm trăm", "Đã chi", ""),
        "payresult-result-invalid": (refs[3], "", "Xong một nửa", ""),
        "payresult-unpaid-with-amount": (refs[4], "1000", "Chưa chi", "Vắng nhà"),
        "payresult-amount-missing": (refs[5], "", "Đã chi", ""),
    }
    before = tree(ws.root)
    for code, bad in bad_rows.items():
        path = result_csv(tmp_path / f"{code}.csv", [good, bad])
        run = run_cli("import-payments", path, "-w", ws.root, "--format", "json")
        assert run.returncode == 1, (code, run.describe())
        doc = json.loads(run.stdout)
        assert doc["applied"] == 0 and code in {p["code"] for p in doc["problems"]}, code
        assert tree(ws.root) == before, code
    doc = json.loads(
        run_cli(
            "import-payments",
            tmp_path / "payresult-ref-unknown.csv",
            "-w",
            ws.root,
            "--format",
            "json",
        ).stdout
    )
    assert doc["unknown_refs"] == ["VT-2508-ZZZZZZZ"]
    # no reference column at all: unusable input, exit 2
    (tmp_path / "x.csv").write_text("Họ tên,Số tiền\nA,1\n", encoding="utf-8")
    assert run_cli("import-payments", tmp_path / "x.csv", "-w", ws.root).returncode == 2
    # a different result for a line already recorded: refused unless --force
    assert import_payments(ws, result_csv(tmp_path / "a.csv", [good])).applied
    other = result_csv(tmp_path / "b.csv", [(refs[0], "", "Chưa chi", "Đã chuyển đi")])
    run = run_cli("import-payments", other, "-w", ws.root, "--format", "json")
    assert run.returncode == 1
    assert json.loads(run.stdout)["problems"][0]["code"] == "payresult-already-recorded"
    forced = run_cli("import-payments", other, "-w", ws.root, "--force", "--format", "json")
    assert forced.returncode == 0 and json.loads(forced.stdout)["forced"] == 1


def _sheet(files: list[Path], name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    book = next(f for f in files if f.suffix == ".xlsx")
    rows = list(openpyxl.load_workbook(book)[name].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "STT")  # under the letterhead, titles
    return [str(v) for v in rows[top]], [r for r in rows[top + 1 :] if isinstance(r[0], int)]


def test_same_person_in_two_old_communes_lists_holds_those_two_rows(tmp_path: Path) -> None:
    """A merged commune: each row is held under its own list (not the first list's row of the
    same number, which would hold the wrong person and pay the pair twice)."""
    ws = workspace(tmp_path)
    month = tmp_path / "rosters" / str(AUG)
    month.mkdir(parents=True)
    a = make_rows(5, seed=1, month=(2025, 8))
    b = make_rows(5, seed=2, month=(2025, 8))
    b[3] = {**a[1], "stt": 4}  # listed by both old communes
    title = "Tháng 8 năm 2025"
    write_roster(month / "a.xlsx", a, Layout(commune="Bình Hòa", month_title=title))
    write_roster(month / "b.xlsx", b, Layout(commune="Bình Hải", month_title=title))
    rosters_ = collect_month(ws, AUG, workers=1)
    payments = select_payments(AUG, rosters_.units, rosters_.reports, rosters_.matching, {})
    held = {(r.source.name, r.beneficiary_id) for r in payments.check}
    assert held == {("a.xlsx", a[1]["so_dinh_danh"]), ("b.xlsx", a[1]["so_dinh_danh"])}
    assert len(payments.paid) == 10 - 2


def test_a_schema_2_ledger_is_migrated_and_an_older_copy_refused(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    from cashless_cli.ledger.guard import open_ledger
    from cashless_cli.ledger.store import SCHEMA_VERSION, LedgerError

    ws = workspace(tmp_path / "ws")
    state = ws.state_dir
    open_ledger(state, ws.root, create=True).close()  # type: ignore[union-attr]
    path = state / "ledger.sqlite"
    with sqlite3.connect(path) as conn:  # as the last version left it
        conn.execute("DROP TABLE payment_results")
        conn.execute("DROP TABLE payment_lines")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    aug = month_list(ws.root, AUG)  # opens, migrates, records the lines
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        lines = conn.execute("SELECT COUNT(*) FROM payment_lines").fetchone()
    assert version == (str(SCHEMA_VERSION),) == ("4",) and lines == (len(aug.payments.paid),)
    old = tmp_path / "old.sqlite"
    shutil.copy(path, old)
    assert import_payments(ws, report(tmp_path, aug, set(), "kq.csv")).applied
    shutil.copy(old, path)  # the ledger put back from a copy taken before the results
    with pytest.raises(LedgerError) as refused:
        open_ledger(state, ws.root)
    assert refused.value.code == "ledger-older"
    assert "payment results" in refused.value.message("en")
    assert "kết quả chi trả" in refused.value.message("vi")


def test_arrears_of_someone_off_the_next_roster_are_listed_to_check(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    gone = next(r for r in aug.payments.paid if r.category == "htxh")
    import_payments(ws, report(tmp_path, aug, {gone.beneficiary_id or ""}, "kq.csv"))
    rows = [r for r in people(SEP) if r["so_dinh_danh"] != gone.beneficiary_id]
    rosters(ws.root, SEP, rows)
    at = dt.datetime(2025, 9, 20, 9, 0, tzinfo=TZ)
    sep = export_payments(load_workspace(ws.root), SEP, now=lambda: at, workers=1)
    (owed,) = [r for r in sep.payments.check if r.beneficiary_id == gone.beneficiary_id]
    assert owed.arrears == 500_000 and owed.arrears_months == ("2025-08",)
    assert [n.code for n in owed.notes] == ["payment-arrears-not-listed"]
    assert "08/2025" in owed.notes[0].message("vi")
    assert sep.payments.arrears_amount == 0  # owed, not paid from this list


def test_the_2025_sample_commune_is_three_old_lists_and_one_both_programmes_pair() -> None:
    root = Path(__file__).resolve().parents[1] / "samples" / "commune-2025"
    ws = load_workspace(root)
    month = collect_month(ws, AUG, workers=1)
    assert [len(p) for p in month.matching.merged.values()] == [3]
    olds = {month.matching.old_unit[p].name for p in month.reports}
    assert olds == {"Bình Hòa", "Bình Phước", "Bình Hải"}
    codes = [
        p.code for r in month.reports.values() for p in r.problems if p.severity.name == "ERROR"
    ]
    assert codes == ["id-both-programmes", "id-both-programmes"]
    sep = collect_month(ws, SEP, workers=1)
    assert [p.name for p in sep.reports] == ["DS Van Tuong T9-2025.xlsx"]
    assert sum(len(r.records) for r in sep.reports.values()) == 100


def test_one_id_on_two_paid_rows_still_gets_two_lines(tmp_path: Path) -> None:
    from cashless_cli.payments.cycle import assign_refs, lines_of

    ws = workspace(tmp_path)
    rows = make_rows(4, seed=5, month=(2025, 8))
    rows[3] = {**rows[3], "so_dinh_danh": rows[0]["so_dinh_danh"]}  # two people, one ID
    rosters(tmp_path, AUG, rows)
    month = collect_month(ws, AUG, workers=1)
    payments = select_payments(AUG, month.units, month.reports, month.matching, {}, {})
    assert len(payments.paid) == 4  # no holds given: both rows paid
    codes = iter(f"VT-2508-{i:07d}" for i in range(100))
    assign_refs(payments, {}, set(), lambda: next(codes))
    lines = lines_of(payments, "t")
    assert len({(x.person, x.programme) for x in lines}) == len({x.ref for x in lines}) == 4


# ---- payfix: 0 paid, the Post Office's reply, the owed sentence, warnings at their cells ------
def test_an_amount_of_0_with_a_reason_is_not_paid(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    first, second, third, *rest = aug.payments.paid
    rows = [
        (first.pay_ref or "", "0", "", "Chưa chi"),  # 0 and a reason, no result
        (second.pay_ref or "", "0", "Chưa chi", "Vắng nhà"),
        (third.pay_ref or "", "0", "Đã chi", "Vắng nhà"),  # "paid" 0: not paid either
        *((r.pay_ref or "", str(r.total), "Đã chi", "") for r in rest),
    ]
    negative = result_csv(tmp_path / "am.csv", [(third.pay_ref or "", "-1", "", "Vắng nhà")])
    run = run_cli("import-payments", negative, "-w", ws.root, "--format", "json")
    assert run.returncode == 1  # a negative amount is still refused
    assert [p["code"] for p in json.loads(run.stdout)["problems"]] == ["payresult-amount-invalid"]
    path = result_csv(tmp_path / "kq.csv", rows)
    run = run_cli("import-payments", path, "-w", ws.root, "--format", "json")
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    assert (doc["unpaid"], doc["paid"], doc["pending"]) == (3, len(rest), 0)
    assert doc["unpaid_amount"] == first.total + second.total + third.total
    assert not [p for p in doc["problems"] if p["severity"] == "error"]
    # the next month carries both amounts
    sep = lines_by_id(month_list(ws.root, SEP))
    assert sep[first.beneficiary_id].arrears == first.total
    assert sep[second.beneficiary_id].arrears == second.total


def test_owed_is_said_only_when_something_is_owed(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    everybody = report(tmp_path, aug, set(), "all.csv")
    run = run_cli("import-payments", everybody, "-w", ws.root, "--lang", "vi")
    assert run.returncode == 0, run.describe()
    assert "Đã ghi" in run.stdout and "Chưa chi đủ" not in run.stdout
    assert "truy lĩnh" not in run.stdout
    sep = month_list(ws.root, SEP)
    away = next(iter(lines_by_id(sep)))
    run = run_cli("import-payments", report(tmp_path, sep, {away}, "t9.csv"), "-w", ws.root)
    assert run.returncode == 0, run.describe()
    owed = f"{lines_by_id(sep)[away].total:,}".replace(",", ".")
    assert f"Not paid in full: {owed} VND" in " ".join(run.stdout.split())


def test_warnings_name_their_cell(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    refs = [r.pay_ref or "" for r in aug.payments.paid]
    # no "Lý do" column at all: the warning points at the row's result cell
    lines = ["Mã chi trả,Kết quả", f"{refs[0]},Chưa chi"]
    path = tmp_path / "kq.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_cli("import-payments", path, "-w", ws.root, "--format", "json")
    assert run.returncode == 0, run.describe()
    (warning,) = json.loads(run.stdout)["problems"]
    assert (warning["code"], warning["cell"], warning["row"]) == (
        "payresult-reason-missing",
        "B2",
        2,
    )
    text = run_cli("import-payments", path, "-w", ws.root, "--lang", "vi")  # again: unchanged
    assert text.returncode == 0 and "  B2 Dòng ghi chưa chi" in text.stdout
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "Kết quả"
    sheet.append(["Mã chi trả", "Số tiền đã chi"])
    sheet.append([refs[1], 0])
    book = tmp_path / "kq.xlsx"
    wb.save(book)
    run = run_cli("import-payments", book, "-w", ws.root, "--lang", "vi")
    assert run.returncode == 0, run.describe()
    assert "Kết quả!B2 Dòng ghi chưa chi" in " ".join(run.stdout.split())


@pytest.mark.slow
def test_the_post_office_reply_is_refused_with_one_message(tmp_path: Path) -> None:
    from cashless_cli.handoff.export import export_postoffice
    from cashless_cli.ledger.store import Ledger

    root = tmp_path / "ws"
    shutil.copytree(Path(__file__).resolve().parents[1] / "samples" / "workspace", root)
    at = dt.datetime(2023, 6, 28, 9, 0, tzinfo=TZ)
    batch = export_postoffice(load_workspace(root), None, now=lambda: at).batch
    assert batch is not None
    with Ledger.open(root / ".cashless" / "ledger.sqlite") as ledger:
        handed = ledger.handovers(batch)
    reply = tmp_path / "tra-loi.csv"
    rows = [f"{h.ref},Đã mở,0{i}5100{i:07d}" for i, h in enumerate(handed)]
    reply.write_text("\n".join(["Mã tham chiếu,Kết quả,STK", *rows]) + "\n", encoding="utf-8")
    before = tree(root)
    for lang, words in (("vi", "Bưu điện"), ("en", "Post Office")):
        run = run_cli("import-payments", reply, "-w", root, "--lang", lang)
        assert run.returncode == 2, run.describe()
        said = " ".join((run.stdout + run.stderr).split())
        assert words in said and "cashless import-postoffice" in said, said
        assert "BS-" not in said  # one message, not a list of unknown codes
    run = run_cli("import-payments", reply, "-w", root, "--format", "json")
    assert run.returncode == 2
    assert tree(root) == before  # nothing recorded, no copy kept
    # the same reply in a workspace that never handed it over: its columns say what it is
    other = workspace(tmp_path / "other")
    month_list(other.root, AUG)
    run = run_cli("import-payments", reply, "-w", other.root, "--format", "json")
    assert run.returncode == 2 and "import-postoffice" in run.stderr + run.stdout, run.describe()
    # a payment result with an unknown code is still an error listed at its row (exit 1)
    unknown = result_csv(tmp_path / "kq.csv", [("VT-2508-ZZZZZZZ", "500000", "Đã chi", "")])
    run = run_cli("import-payments", unknown, "-w", root, "--format", "json")
    assert run.returncode == 1 and json.loads(run.stdout)["unknown_refs"] == ["VT-2508-ZZZZZZZ"]


@pytest.mark.slow
def test_the_demos_provider_result_is_read_back_whole(tmp_path: Path) -> None:
    """make demo's 2025 month: the sample provider reads the exported list (under its
    letterhead) and writes a result that import-payments records whole, unpaid people owed."""
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "generate_2025", root / "samples" / "generate_2025.py"
    )
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules["generate_2025"] = generator  # its dataclasses look their module up
    spec.loader.exec_module(generator)
    ws_root = tmp_path / "ws"
    shutil.copytree(root / "samples" / "commune-2025", ws_root)
    listed = export_payments(load_workspace(ws_root), AUG, workers=1)
    result_file = generator.provider(ws_root, str(AUG))
    imported = import_payments(load_workspace(ws_root), result_file)
    assert not imported.errors, imported.errors
    assert len(imported.changes) == len(listed.payments.paid) > 0
    assert imported.of("unpaid"), "the sample leaves somebody unpaid, to show arrears"
