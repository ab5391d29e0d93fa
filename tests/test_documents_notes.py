"""A payment list's notes, as the office reads them (issue 15): the amount check writes its
coefficient like its amounts ("500.000 × 1,5"), and the problems a note quotes are named by
their Vietnamese titles, not their codes. Synthetic data only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashless_cli.payments.document import account_values
from cashless_cli.payments.select import PaymentRow
from cashless_cli.problems import CATALOGUE, Problem
from cashless_cli.validation import Options, validate_file
from cashless_cli.write import vnformat
from factory import make_rows, write_roster


def _row(**fields: object) -> PaymentRow:
    base: dict[str, object] = {
        "commune_code": "21061", "commune": "Vạn Tường", "source": Path("ds.xlsx"),
        "sheet": None, "source_row": 8, "beneficiary_name": "Lê Thị Hoa",
        "beneficiary_id": "051190000001", "category": "5a", "status": "Đã có tài khoản",
        "receiver": "Bản thân", "receiver_name": "Lê Thị Hoa", "amount": 540_000,
    }  # fmt: skip
    return PaymentRow(**{**base, **fields})  # type: ignore[arg-type]


def test_the_amount_check_writes_its_coefficient_the_vietnamese_way() -> None:
    check = Problem(
        "amount-mismatch",
        value=540_000,
        params={"expected": "750.000", "base": "500.000", "coefficient": "1.5"},
    )
    values = account_values(1, _row(amount_check=check))
    assert "540.000 đồng khác với 750.000 đồng (500.000 × 1,5)." in values
    assert vnformat.decimal(2.0) == "2" and vnformat.decimal(0.75) == "0,75"


def test_a_note_names_the_rows_errors_by_their_titles() -> None:
    note = Problem("payment-row-errors", params={"codes": "id-both-programmes, phone-invalid"})
    text = account_values(1, _row(notes=(note,)))[-1]
    titles = [CATALOGUE[c].title_vi for c in ("id-both-programmes", "phone-invalid")]
    assert text == f"dòng có lỗi trong danh sách xã ({', '.join(titles)}): xem cashless validate"
    assert "id-both-programmes" in note.message("en")  # the terminal keeps the codes


def test_validation_words_the_coefficient_of_an_amount_check_per_language(tmp_path: Path) -> None:
    rows = make_rows(12, seed=3)
    rows[5]["he_so"] = 1.5
    rows[5]["muc_tro_cap"] = 123_000
    w = write_roster(tmp_path / "r.xlsx", rows)
    report = validate_file(w.path, Options(today=dt.date(2026, 11, 25)))
    check = next(p for p in report.issues if p.code == "amount-mismatch")
    assert "(360.000 × 1,5)" in check.message("vi"), check.message("vi")
    assert "(360.000 × 1.5)" in check.message("en"), check.message("en")
