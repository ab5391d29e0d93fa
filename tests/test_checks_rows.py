"""The row rules run column by column over a whole roster; each row must get exactly what it
gets when checked alone, in the same order, and nothing from its neighbours."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cashless_cli.checks.rows import Rules, check_columns, check_row
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import parse_row, parse_table

TODAY = dt.date(2026, 11, 25)

raw_row = st.fixed_dictionaries(
    {
        "ngay_sinh": st.sampled_from(["", "05/06/1950", "1948", "12/2010", "01/01/2001", "x"]),
        "gioi_tinh": st.sampled_from(["", "Nam", "Nữ", "?"]),
        "so_dinh_danh": st.sampled_from(
            ["", "051050123456", "051150123456", "051048123456", "999050123456", "051250123456"]
        ),
        "dien": st.sampled_from(["", "1", "2", "4", "5a", "5b", "5c", "9"]),
        "he_so": st.sampled_from(["", 1.0, 1.5, 2.5, 3.0]),
        "muc_tro_cap": st.sampled_from(["", 360000.0, 540000.0, 750000.0, 900000.0]),
        "nguoi_nhan": st.sampled_from(["", "Bản thân", "Người giám hộ", "Người được ủy quyền"]),
        "ten_nguoi_nhan": st.sampled_from(["", "Trần Văn Hùng"]),
        "so_dinh_danh_nguoi_nhan": st.sampled_from(["", "051075123456", "051175123456"]),
        "ngay_sinh_nguoi_nhan": st.sampled_from(["", "02/03/1975", "1980"]),
        "trang_thai": st.sampled_from(["", "Chưa đăng ký", "Đã đăng ký", "Đã có tài khoản"]),
        "ngay_dang_ky": st.sampled_from(["", "01/06/2023", "15/07/2023", "2023"]),
        "so_tai_khoan": st.sampled_from(["", "123456789012", "12"]),
        "dien_thoai": st.sampled_from(["", "0912345678", "12"]),
    }
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(raw_row, min_size=1, max_size=8),
    st.sampled_from([None, Month(2023, 6), Month(2024, 8)]),
)
def test_column_checks_equal_row_checks(rows: list[dict[str, object]], month: object) -> None:
    rules = Rules(month)  # type: ignore[arg-type]
    columns = {k: [r[k] for r in rows] for k in rows[0]}
    table = parse_table(columns, TODAY)  # type: ignore[arg-type]
    failed = {i: {p.field for p in found} for i, found in table.problems.items()}
    together = check_columns(table.values, table.size, rules, failed)
    for i, raw in enumerate(rows):
        row, problems = parse_row(raw, TODAY)  # type: ignore[arg-type]
        alone = check_row(row, rules, {p.field for p in problems})
        assert together.get(i, []) == alone


def test_rows_are_not_mixed_up() -> None:
    # the same ID with two different birth years: only the second row is wrong about its year
    rows = {
        "so_dinh_danh": ["051050123456", "051050123456", ""],
        "ngay_sinh": ["05/06/1950", "05/06/1951", "05/06/1951"],
        "gioi_tinh": ["Nam", "Nam", "Nữ"],
    }
    table = parse_table(rows, TODAY)  # type: ignore[arg-type]
    found = check_columns(table.values, table.size, Rules(Month(2023, 6)))
    assert list(found) == [1]
    assert [p.code for p in found[1]] == ["id-birth-year-mismatch"]
    assert found[1][0].params == {"id_year": 1950, "year": 1951}


def test_a_refused_value_is_not_also_missing() -> None:
    rows = {"trang_thai": ["Đã đăng ký"], "dien_thoai": ["12"], "nguoi_nhan": ["Bản thân"]}
    table = parse_table(rows, TODAY)  # type: ignore[arg-type]
    plain = check_columns(table.values, 1, Rules(Month(2023, 6)))
    assert "dien_thoai" in {p.field for p in plain[0]}
    failed = check_columns(table.values, 1, Rules(Month(2023, 6)), {0: {"dien_thoai"}})
    assert "dien_thoai" not in {p.field for p in failed.get(0, [])}
