"""The row model: its column catalogue, and the bulk path that must equal the model's own."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cashless_cli.schema.row import (
    _SLOW,
    COLUMNS,
    FAST_PARSERS,
    RosterRow,
    parse_cell,
    parse_columns,
    parse_row,
    parse_table,
)

TODAY = dt.date(2026, 11, 25)

cell = st.one_of(
    st.just(""),
    st.text(max_size=12),
    st.sampled_from(
        ["Nam", "Nữ", "5a", "Đã đăng ký", "Bản thân", "05/06/1950", "0912345678", "051190123456"]
    ),
    st.integers(min_value=-10, max_value=10**13).map(float),
    st.dates(min_value=dt.date(1880, 1, 1), max_value=dt.date(2030, 1, 1)),
    st.booleans(),
)
keys = [c.key for c in COLUMNS]


def test_catalogue_is_read_off_the_model() -> None:
    assert [c.key for c in COLUMNS] == list(RosterRow.model_fields)
    assert all(c.header for c in COLUMNS)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({k: cell for k in keys}), min_size=1, max_size=6))
def test_bulk_parsing_equals_the_model(rows: list[dict[str, object]]) -> None:
    columns = {k: [r[k] for r in rows] for k in keys}
    bulk = parse_columns(columns, TODAY)  # type: ignore[arg-type]
    for raw, (row, problems) in zip(rows, bulk, strict=True):
        one_row, one_problems = parse_row(raw, TODAY)  # type: ignore[arg-type]
        assert row == one_row
        assert problems == one_problems


digits = st.text(alphabet="0123456789", min_size=0, max_size=20)
fast_cell = st.one_of(
    digits,
    digits.map(lambda d: "0" + d[:9]),  # phone-shaped
    digits.map(lambda d: d[:12].rjust(12, "0")),  # ID-shaped
    st.text(alphabet="0123456789٣ +.-'\u00a0", max_size=14),  # digits with noise
    st.sampled_from([6, 9, 10, 12, 19]).flatmap(  # the right length, a non-ASCII digit inside
        lambda n: st.text(alphabet="0123456789٣", min_size=n, max_size=n)
    ),
    st.text(max_size=20),
    st.text(alphabet="aăâbđeêoơôuư \t\n\u00a0\u200b\u0301\u0300", max_size=16),  # spaces, NFD
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**16), max_value=10**16).map(float),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(fast_cell)
def test_every_shortcut_gives_what_the_full_parser_gives(raw: object) -> None:
    for column in COLUMNS:
        fast = FAST_PARSERS.get(column.kind)
        if fast is None:
            continue
        value = fast(raw, column)
        if value is not _SLOW:
            assert parse_cell(column, raw, TODAY) == (value, []), (column.key, raw)  # type: ignore[arg-type]


def test_shortcuts_are_taken_for_clean_cells() -> None:
    # the shortcut is the point: a clean name, ID, phone, account and running number take it
    by_key = {c.key: c for c in COLUMNS}
    cases = {
        "ho_ten": ("Nguyễn Thị Lan", "Nguyễn Thị Lan"),
        "so_dinh_danh": ("051190123456", "051190123456"),
        "dien_thoai": ("0912345678", "0912345678"),
        "so_tai_khoan": ("123456789", "123456789"),
        "stt": (7.0, 7),
    }
    for key, (raw, clean) in cases.items():
        column = by_key[key]
        assert FAST_PARSERS[column.kind](raw, column) == clean


def test_a_column_mixing_numbers_and_booleans_keeps_them_apart() -> None:
    # 1.0 == True in Python; in a roster TRUE in an ID cell is not the number 1
    table = parse_table({"so_dinh_danh": [1.0, True, 1.0]}, TODAY)
    codes = [[p.code for p in table.problems_of(i)] for i in range(3)]
    one = parse_row({"so_dinh_danh": 1.0}, TODAY)[1]
    true = parse_row({"so_dinh_danh": True}, TODAY)[1]
    assert one != true
    assert codes == [[p.code for p in one], [p.code for p in true], [p.code for p in one]]
    assert [p.params for p in table.problems_of(0)] == [p.params for p in one]
