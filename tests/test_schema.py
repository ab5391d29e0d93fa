"""The row model: its column catalogue, and the bulk path that must equal the model's own."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cashless_cli.schema.row import COLUMNS, RosterRow, parse_columns, parse_row

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
