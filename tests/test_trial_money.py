"""Defects of the third user trial (TRIAL3 items 1, 3, 4, 17) where money was silently not paid
or an amount changed under a paid code. Synthetic data: the new commune Vạn Tường built from
its old communes' lists (Bình Hải, Bình Phước, Bình Hòa)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cashless_cli.dataset.month import collect_month, walk_communes
from cashless_cli.errors import WorkspaceError
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.payments.export import PaymentsResult, export_payments
from cashless_cli.payments.results import import_payments
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Workspace, load_workspace
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster
from test_money import tree
from test_payment_cycle import AUG, OCT, SEP, lines_by_id, month_list, report, workspace

TIMEOUT = 120.0
OLD = {"Bình Hải": 11, "Bình Phước": 12, "Bình Hòa": 13}  # old commune → seed of its rows


def old_list(
    root: Path, old: str, name: str, month: Month = AUG, said: Month | None = None, n: int = 5
) -> tuple[Path, list[dict[str, Any]]]:
    """The list of old commune ``old`` for ``month`` (titled with ``said``, default ``month``)."""
    said = said or month
    rows = make_rows(n, seed=OLD[old] * 100 + said.month, month=(said.year, said.month))
    for i, row in enumerate(rows):  # IDs distinct across the lists
        row["so_dinh_danh"] = row["so_dinh_danh"][:-3] + f"{OLD[old]}{i}"[-3:].rjust(3, "0")
    path = root / "rosters" / str(month) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    title = f"Tháng {said.month} năm {said.year}"
    write_roster(path, rows, Layout(commune=old, month_title=title))
    return path, rows


def three_lists(root: Path) -> dict[str, Path]:
    return {old: old_list(root, old, f"ds {old}.xlsx")[0] for old in OLD}


def paid_ids(result: PaymentsResult) -> set[str | None]:
    p = result.payments
    return {r.beneficiary_id for r in (*p.accounts, *p.cash, *p.check)}


def ids_of(path: Path) -> set[str | None]:
    from cashless_cli.validation import Options, validate_file

    return {r.data.so_dinh_danh for r in validate_file(path, Options()).records}


def export_json(ws: Workspace, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_cli("export-payments", "-w", ws.root, "--format", "json", *args, timeout=TIMEOUT)
    assert run.returncode in (0, 1), run.describe()
    return run.returncode, json.loads(run.stdout)


# ---- 1. one unusable list of a merged commune: the other lists are paid ---------------------
def test_a_wrong_month_list_holds_only_its_people(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    hai = files["Bình Hải"]
    _, rows = old_list(ws.root, "Bình Hải", hai.name, said=Month(2025, 7))  # titled July
    result = export_payments(ws, AUG, workers=1)
    others = ids_of(files["Bình Phước"]) | ids_of(files["Bình Hòa"])
    assert paid_ids(result) == others and len(others) == 10
    (unlisted,) = result.payments.unlisted
    assert unlisted.path == hai and unlisted.rows == len(rows) == 5
    vi = unlisted.problem().message("vi")
    assert hai.name in vi and "7/2025" in vi and "5 người" in vi
    code, doc = export_json(ws, "--month", "2025-08")
    assert code == 1 and doc["not_listed"] == 5
    assert [Path(u["file"]).name for u in doc["unlisted_files"]] == [hai.name]
    # the rate table is not published for half a commune: the commune stays unusable there
    month = collect_month(ws, AUG, workers=1)
    (whole,) = walk_communes(month.units, month.reports, month.matching)
    assert whole.readable is None and whole.status is not None
    assert hai.name in whole.status.message("vi")


def test_a_damaged_list_holds_only_its_file(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    files["Bình Phước"].write_bytes(b"PK\x03\x04 not a workbook")
    result = export_payments(ws, AUG, workers=1)
    assert paid_ids(result) == ids_of(files["Bình Hải"]) | ids_of(files["Bình Hòa"])
    (unlisted,) = result.payments.unlisted
    assert unlisted.path == files["Bình Phước"] and unlisted.rows is None
    run = run_cli("export-payments", "-w", ws.root, "--lang", "vi", timeout=TIMEOUT)
    assert run.returncode == 1 and files["Bình Phước"].name in run.stdout, run.describe()


def test_handoff_hands_over_the_usable_lists_and_names_the_other(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    hai = files["Bình Hải"]
    old_list(ws.root, "Bình Hải", hai.name, said=Month(2025, 7))
    result = export_postoffice(ws, AUG, workers=1)
    sel = result.selection
    assert sel.held_files == [hai]
    assert any(path == hai and "7/2025" in vi for path, _en, vi in sel.stray_files)
    seen = {r.source for r in sel.rows} | {h.source for h in sel.held}
    assert hai not in seen and seen <= {files["Bình Phước"], files["Bình Hòa"]} and seen
    again = tmp_path / "again"
    shutil.copytree(ws.root, again, ignore=shutil.ignore_patterns(".cashless", "handoff"))
    run = run_cli("export-postoffice", "-w", again, "--month", "2025-08", timeout=TIMEOUT)
    assert run.returncode == 1 and hai.name in run.stdout, run.describe()


# ---- 3. copies and rosters of another month take no part in matching --------------------------
def test_a_byte_identical_copy_is_the_same_list(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    before = paid_ids(export_payments(ws, AUG, workers=1))
    hoa = files["Bình Hòa"]
    copy = hoa.with_name(f"{hoa.stem} - Copy.xlsx")
    shutil.copy(hoa, copy)
    result = export_payments(ws, AUG, workers=1)
    assert paid_ids(result) == before and len(before) == 15  # nobody twice, nobody out
    assert result.payments.unlisted == []
    (found,) = result.payments.set_aside
    assert found.code == "roster-copy-ignored" and found.params["original"] == hoa.name
    code, doc = export_json(ws)
    assert code == 0  # a warning
    assert [(f["file"], f["code"]) for f in doc["set_aside_files"]] == [
        (copy.name, "roster-copy-ignored")
    ]


def test_next_months_roster_in_the_folder_is_named_not_a_conflict(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    stray, _ = old_list(ws.root, "Bình Hòa", "DS Binh Hoa T9.xlsx", said=SEP, n=7)
    result = export_payments(ws, AUG, workers=1)
    assert paid_ids(result) == set().union(*(ids_of(p) for p in files.values()))
    assert result.payments.unlisted == [] and result.payments.not_listed == 0  # not this month's
    (found,) = result.payments.set_aside
    assert found.code == "roster-other-month-set-aside" and found.params["file"] == stray.name
    assert "9/2025" in found.message("vi") and "không được tính" in found.message("vi")
    code, doc = export_json(ws)
    assert code == 1 and doc["not_listed"] == 0
    assert doc["accounts"] + doc["cash"] + doc["to_check"] == 15


def test_a_clash_names_its_files_and_only_that_old_commune_is_held(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    second, _ = old_list(ws.root, "Bình Hòa", "ds Bình Hòa lần 2.xlsx", n=6)
    result = export_payments(ws, AUG, workers=1)
    assert paid_ids(result) == ids_of(files["Bình Hải"]) | ids_of(files["Bình Phước"])
    held = {u.path: u.problem().message("vi") for u in result.payments.unlisted}
    assert set(held) == {files["Bình Hòa"], second}
    assert second.name in held[files["Bình Hòa"]] and files["Bình Hòa"].name in held[second]
    for message in held.values():
        assert "Bình Hòa" in message and files["Bình Hải"].name not in message
        assert "có nhiều tệp cùng là của xã này" not in message
    run = run_cli("summarize", "-w", ws.root, "--month", "2025-08", "--lang", "vi")
    assert run.returncode == 2, run.describe()
    assert "2 tệp cho xã Bình Hòa" in run.stderr and files["Bình Hải"].name not in run.stderr
    assert "Mỗi xã chỉ để một tệp trong thư mục của tháng;" not in run.stderr


# ---- 4. a month with recorded results: the paid lines do not change ---------------------------
def _raise_amount(root: Path, month: Month, ident: str, amount: int) -> None:
    from test_payment_cycle import people, rosters

    rows = people(month)
    for row in rows:
        if row["so_dinh_danh"] == ident:
            row["muc_tro_cap"] = amount
    rosters(root, month, rows)


def test_re_export_refuses_to_change_an_amount_already_paid(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    import_payments(ws, report(tmp_path, aug, set(), "kq-t8.csv"))
    row = next(r for r in aug.payments.paid if r.amount == 750_000)
    assert row.beneficiary_id is not None
    _raise_amount(ws.root, AUG, row.beneficiary_id, 1_125_000)
    before = tree(ws.root)
    with pytest.raises(WorkspaceError) as caught:
        export_payments(load_workspace(ws.root), AUG, workers=1)
    assert caught.value.code == "payments-paid-changed"
    vi = caught.value.message("vi")
    assert "8/2025" in vi and str(row.pay_ref) in vi and "750.000 → 1.125.000" in vi
    run = run_cli("export-payments", "-w", ws.root, "--month", "2025-08", "--lang", "vi")
    assert run.returncode == 2 and "1.125.000" in run.stderr, run.describe()
    assert tree(ws.root) == before  # nothing written, the paid list kept
    # the roster put back as paid: the same list again
    _raise_amount(ws.root, AUG, row.beneficiary_id, 750_000)
    again = export_payments(load_workspace(ws.root), AUG, workers=1)
    assert {r.pay_ref: r.total for r in again.payments.paid} == {
        r.pay_ref: r.total for r in aug.payments.paid
    }


def test_results_imported_after_the_next_list_say_to_export_it_again(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    sep = month_list(ws.root, SEP)
    away = next(r.beneficiary_id for r in aug.payments.paid if r.amount == 750_000)
    assert away is not None
    run = run_cli("import-payments", report(tmp_path, aug, {away}, "kq-t8.csv"), "-w", ws.root)
    assert run.returncode == 0, run.describe()
    assert "export-payments --month 2025-09" in run.stdout and "750.000" in run.stdout
    assert lines_by_id(sep)[away].arrears == 0
    assert lines_by_id(month_list(ws.root, SEP))[away].arrears == 750_000  # exported again


def test_late_results_never_rewrite_a_paid_later_line(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    sep = month_list(ws.root, SEP)
    import_payments(ws, report(tmp_path, sep, set(), "kq-t9.csv"))  # September paid first
    away = next(r.beneficiary_id for r in aug.payments.paid if r.amount == 750_000)
    assert away is not None
    late = import_payments(ws, report(tmp_path, aug, {away}, "kq-t8.csv"))
    assert not [p for p in late.problems if p.code == "payments-later-list-stale"]
    again = month_list(ws.root, SEP)  # September's paid lines stay as they were paid
    assert {r.pay_ref: r.total for r in again.payments.paid} == {
        r.pay_ref: r.total for r in sep.payments.paid
    }
    octo = month_list(ws.root, OCT)  # the arrears go to the next list, once
    row = lines_by_id(octo)[away]
    assert (row.arrears, row.arrears_months) == (750_000, ("2025-08",))


# ---- 1. an earlier good list is never overwritten by an empty one ------------------------------
def test_an_empty_list_never_replaces_a_list_that_paid_people(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    path = ws.root / "rosters" / "2025-08" / "ds-binh-hoa.xlsx"
    from test_payment_cycle import people, rosters

    rows = people(AUG)
    rosters(ws.root, AUG, rows)
    write_roster(path, rows, Layout(commune="Bình Hòa", month_title="Tháng 7 năm 2025"))
    before = tree(ws.root)
    result = export_payments(load_workspace(ws.root), AUG, workers=1)
    (kept,) = result.payments.dropped
    assert kept.code == "payments-kept-previous" and kept.params["n"] == len(aug.payments.paid)
    assert result.files == [] and tree(ws.root) == before  # the earlier list and lines kept
    run = run_cli("export-payments", "-w", ws.root, "--month", "2025-08", "--lang", "vi")
    assert run.returncode == 1 and "vẫn giữ danh sách đó" in run.stdout, run.describe()


def test_people_left_out_of_a_re_export_are_named(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    aug = month_list(ws.root, AUG)
    from test_payment_cycle import people, rosters

    rows = people(AUG)
    gone = rows.pop(0)
    rosters(ws.root, AUG, rows)
    code, doc = export_json(ws, "--month", "2025-08")
    assert code == 1 and [d["code"] for d in doc["dropped"]] == ["payments-dropped"]
    assert gone["ho_ten"] in doc["dropped"][0]["problem"]
    assert doc["accounts"] + doc["cash"] + doc["to_check"] == len(aug.payments.paid) - 1
    code, doc = export_json(ws, "--month", "2025-08")  # said once: the list is the new one now
    assert code == 0 and doc["dropped"] == []


# ---- 17. nobody handed over while rows are held back: the message counts them -----------------
def test_nothing_to_hand_over_counts_the_rows_held_back(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    rows = make_rows(8, seed=5, month=(2025, 8))
    registered = [r for r in rows if r["trang_thai"] == "Đã đăng ký"]
    for row in registered:
        row.pop("ngay_dang_ky", None)  # registered without a date: held back
    path = ws.root / "rosters" / "2025-08" / "ds-binh-hoa.xlsx"
    path.parent.mkdir(parents=True)
    write_roster(path, rows, Layout(commune="Bình Hòa", month_title="Tháng 8 năm 2025"))
    result = export_postoffice(ws, AUG, workers=1)
    assert result.batch is None and len(result.selection.held) == len(registered) > 0
    again = tmp_path / "again"
    shutil.copytree(ws.root, again, ignore=shutil.ignore_patterns(".cashless", "handoff"))
    run = run_cli("export-postoffice", "-w", again, "--month", "2025-08", "--lang", "vi")
    first = run.stdout.splitlines()[0]
    assert "Không có ai mới" not in first, run.describe()
    assert f"{len(registered)} dòng bị giữ lại" in first, run.describe()


def test_summarize_names_the_files_it_sets_aside(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws")
    files = three_lists(ws.root)
    hoa = files["Bình Hòa"]
    shutil.copy(hoa, hoa.with_name(f"{hoa.stem} - Copy.xlsx"))
    stray, _ = old_list(ws.root, "Bình Hòa", "DS Binh Hoa T9.xlsx", said=SEP, n=7)
    run = run_cli("summarize", "-w", ws.root, "--month", "2025-08", "--format", "json")
    assert run.returncode == 1, run.describe()  # written; the stray needs moving
    doc = json.loads(run.stdout)
    assert sorted(f["code"] for f in doc["set_aside_files"]) == [
        "roster-copy-ignored",
        "roster-other-month-set-aside",
    ]
    (vt,) = doc["communes"]
    assert vt["total"] == 15  # the three lists once, not the copy, not September's 7
    assert stray.name in run.stderr and "- Copy.xlsx" in run.stderr
