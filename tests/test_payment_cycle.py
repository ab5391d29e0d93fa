"""The payment cycle of a commune (issue 14): the social pension beside the monthly social
allowance, paid only once at the higher amount; the provider's result (import-payments); unpaid
amounts carried over (truy lĩnh); suspension after three months not collected. Synthetic data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cashless_cli.dataset.month import collect_month
from cashless_cli.payments.select import select_payments
from cashless_cli.schema.month import Month
from cashless_cli.validation import Options, validate_file
from cashless_cli.workspace.config import Workspace, load_workspace
from cashless_cli.workspace.units import commune_config
from factory import Layout, make_rows, write_roster

AUG = Month(2025, 8)


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
    assert "750,000" in reason.message("vi") and "không chi" in reason.message("vi")
    # everybody in exactly one list; the other pensioner is paid
    assert len(payments.accounts) + len(payments.cash) + len(payments.check) == len(rows)
    assert any(r.category == "htxh" for r in [*payments.accounts, *payments.cash])
