"""The row model: its column catalogue, and the bulk path that must equal the model's own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cashless_cli.schema.cells import SLOW
from cashless_cli.schema.row import (
    COLUMN_BY_KEY,
    COLUMNS,
    RosterRow,
    parse_cell,
    parse_columns,
    parse_row,
    parse_table,
)
from cashless_cli.schema.row import (
    _clean_column as clean_column,
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
        if not column.cell.has_shortcut:
            continue
        value = column.cell.shortcut(raw, column.max_length)
        if value is not SLOW:
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
        assert column.cell.shortcut(raw, column.max_length) == clean


def test_a_column_mixing_numbers_and_booleans_keeps_them_apart() -> None:
    # 1.0 == True in Python; in a roster TRUE in an ID cell is not the number 1
    table = parse_table({"so_dinh_danh": [1.0, True, 1.0]}, TODAY)
    codes = [[p.code for p in table.problems_of(i)] for i in range(3)]
    one = parse_row({"so_dinh_danh": 1.0}, TODAY)[1]
    true = parse_row({"so_dinh_danh": True}, TODAY)[1]
    assert one != true
    assert codes == [[p.code for p in one], [p.code for p in true], [p.code for p in one]]
    assert [p.params for p in table.problems_of(0)] == [p.params for p in one]


# Whole columns of clean IDs, phones or running numbers take one more shortcut (a few passes
# over the column). Odd cells anywhere must send the column back to the cell-by-cell path.
CLEAN = {
    "so_dinh_danh": ["051190123456", "079301234567", ""],
    "dien_thoai": ["0912345678", "0388765432", ""],
    "stt": [1.0, 250.0, 3.0],
}
ODD_CELLS: list[object] = [
    "05119012345",  # 11 digits: a lost leading zero
    "0511901234567",
    "051190123456\n",
    "0511\n90123456",
    "0511\n9012345",  # 12 characters, one of them a line break
    "091\n234567",
    "\u0665" + "51190123456",  # an Arabic-Indic digit
    "\u0665" + "912345678",
    " 0912345678",
    "0112345678",  # not a mobile prefix
    "09123456781",
    "\n",
    2.5,
    float("inf"),
    True,
]
ODD = st.one_of(st.sampled_from(ODD_CELLS), fast_cell).map(lambda c: [c])
# ... or two whose lengths make up for each other (11 + 13 digits; 9 + 11)
PAIRS: list[list[object]] = [
    ["05119012345", "0511901234567"],
    ["091234567", "09123456789"],
    ["0511901234567", ""],
]
ODD_PAIRS = st.sampled_from(PAIRS)


@pytest.mark.parametrize("key", sorted(CLEAN))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_whole_column_shortcut_equals_cell_by_cell(key: str, data: st.DataObject) -> None:
    cells: list[object] = data.draw(st.lists(st.sampled_from(CLEAN[key]), min_size=1, max_size=20))
    for extra in data.draw(st.just([]) | ODD | ODD_PAIRS):
        cells.insert(data.draw(st.integers(0, len(cells))), extra)
    column = COLUMN_BY_KEY[key]
    table = parse_table({key: cells}, TODAY)  # type: ignore[dict-item]
    for i, raw in enumerate(cells):
        value, problems = parse_cell(column, raw, TODAY)  # type: ignore[arg-type]
        assert table.values[key][i] == value, (key, raw)
        assert list(table.problems_of(i)) == problems, (key, raw)


@pytest.mark.parametrize("key", sorted(CLEAN))
def test_every_odd_cell_sends_the_column_cell_by_cell(key: str) -> None:
    column = COLUMN_BY_KEY[key]
    for odd in [[c] for c in ODD_CELLS] + PAIRS:
        cells = [*CLEAN[key][:2], *odd, CLEAN[key][0]]
        table = parse_table({key: cells}, TODAY)  # type: ignore[dict-item]
        for i, raw in enumerate(cells):
            value, problems = parse_cell(column, raw, TODAY)  # type: ignore[arg-type]
            assert (table.values[key][i], list(table.problems_of(i))) == (value, problems), raw


def test_whole_column_shortcut_is_taken_for_clean_columns() -> None:
    ids = ["051190123456", "", "079301234567"]
    assert clean_column(COLUMN_BY_KEY["so_dinh_danh"], ids, TODAY) == [ids[0], None, ids[2]]  # type: ignore[arg-type]
    phones = ["0912345678", "0388765432"]
    assert clean_column(COLUMN_BY_KEY["dien_thoai"], phones, TODAY) == phones  # type: ignore[arg-type]
    assert clean_column(COLUMN_BY_KEY["stt"], [1.0, 2.0], TODAY) == [1, 2]  # type: ignore[arg-type]
    assert clean_column(COLUMN_BY_KEY["dien_thoai"], ["0112345678"], TODAY) is None  # type: ignore[arg-type]
