"""The same ID in the monthly social allowance and the social pension (id-both-programmes):
``cashless duplicates`` says which row the payment list pays and which it does not, as
``export-payments`` does — never "held back" for both rows. Synthetic data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cashless_cli.dataset.month import collect_month
from cashless_cli.duplicates.holds import holds_of_month
from cashless_cli.payments.select import select_payments
from cli_helpers import run_cli
from test_payment_cycle import AUG, both_programmes_rows, rosters, workspace


def test_duplicates_and_the_payment_list_agree_on_the_row_paid(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    rows = both_programmes_rows()  # row 1: 5a, 750,000; row 7: the same ID, htxh, 500,000
    rosters(tmp_path, AUG, rows)
    ident = rows[0]["so_dinh_danh"]

    run = run_cli("duplicates", "-w", tmp_path, "--month", "2025-08", "--format", "json")
    assert run.returncode == 1, run.describe()  # a row to remove from the lower list
    doc = json.loads(run.stdout)
    assert doc["high"] == 0  # not a pair to decide
    assert not [c for c in doc["candidates"] if "same-id" in c["kinds"]]
    (pair,) = doc["both_programmes"]
    assert (pair["paid"]["id"], pair["paid"]["category"], pair["paid"]["amount"]) == (
        ident,
        "5a",
        750_000,
    )
    assert (pair["not_paid"]["category"], pair["not_paid"]["amount"]) == ("htxh", 500_000)

    month = collect_month(ws, AUG, workers=1)
    held = holds_of_month("2025-08", month.units, month.reports, month.matching)
    payments = select_payments(AUG, month.units, month.reports, month.matching, {}, held)
    paid = [r for r in payments.paid if r.beneficiary_id == ident]
    check = [r for r in payments.check if r.beneficiary_id == ident]
    assert [r.source_row for r in paid] == [pair["paid"]["row"]]
    assert [r.source_row for r in check] == [pair["not_paid"]["row"]]
    assert check[0].notes[0].code == "payment-both-programmes"
    # the paid row is held by nothing; the other by the both-programmes reason only
    places = {place[2]: [h.catalogue_code for h in hs] for place, hs in held.items()}
    assert pair["paid"]["row"] not in places
    assert places[pair["not_paid"]["row"]] == ["duplicate-both-programmes"]

    for lang, paid_word, not_paid_word in (
        ("en", "paid:", "not paid:"),
        ("vi", "được chi:", "không chi:"),
    ):
        text = run_cli("duplicates", "-w", tmp_path, "--month", "2025-08", "--lang", lang)
        lines = text.stdout.splitlines()
        said = next(line for line in lines if line.strip().startswith(paid_word))
        assert f"!{pair['paid']['row']} " in said and "750.000" in said
        said = next(line for line in lines if line.strip().startswith(not_paid_word))
        assert f"!{pair['not_paid']['row']} " in said and "500.000" in said


def test_a_tie_pays_the_monthly_allowance_in_both_places(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    rows = both_programmes_rows()
    rows[0] = {**rows[0], "dien": "5c", "he_so": 1.0, "muc_tro_cap": 500_000}  # 500,000 each
    rows[0]["ngay_sinh"] = rows[6]["ngay_sinh"] = dt.date(1940, 5, 6)  # 80+: 5c
    rosters(tmp_path, AUG, rows)
    doc = json.loads(
        run_cli("duplicates", "-w", tmp_path, "--month", "2025-08", "--format", "json").stdout
    )
    (pair,) = doc["both_programmes"]
    assert (pair["paid"]["category"], pair["not_paid"]["category"]) == ("5c", "htxh")
    month = collect_month(ws, AUG, workers=1)
    payments = select_payments(AUG, month.units, month.reports, month.matching, {})
    ident = rows[0]["so_dinh_danh"]
    assert [r.category for r in payments.paid if r.beneficiary_id == ident] == ["5c"]
    assert [r.source_row for r in payments.check if r.beneficiary_id == ident] == [
        pair["not_paid"]["row"]
    ]
