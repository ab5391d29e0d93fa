"""The IDs of a whole column are checked against their rows in bulk; each row must get what
:func:`check_id_against_person` says of its own ID, sex and birth year, and nothing else."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cashless_cli.checks.identity import check_id_against_person
from cashless_cli.checks.rows import Rules, check_columns
from cashless_cli.normalise.dates import LooseDate

ids = st.one_of(
    st.none(),
    st.sampled_from(["051050123456", "051150123456", "001190000001", "999050123456"]),
    st.text(alphabet="0123456789", min_size=9, max_size=13),
    st.text(alphabet="01235x٣", min_size=12, max_size=12),  # a letter, an Arabic-Indic digit
)
births = st.one_of(st.none(), st.builds(LooseDate, st.integers(1900, 2025)))
people = st.lists(
    st.tuples(ids, st.sampled_from(["Nam", "Nữ", None, "?"]), births), min_size=1, max_size=12
)


def expected(rows: list[tuple[Any, Any, Any]]) -> dict[int, list[tuple[str, dict[str, Any]]]]:
    out = {}
    for i, (ident, sex, birth) in enumerate(rows):
        if ident is not None and len(ident) == 12:
            found = check_id_against_person(ident, sex, birth.year if birth else None)
            if found:
                out[i] = found
    return out


@settings(max_examples=300, deadline=None)
@given(people)
def test_each_row_gets_what_its_own_id_says(rows: list[tuple[Any, Any, Any]]) -> None:
    values = {
        "so_dinh_danh": [r[0] for r in rows],
        "gioi_tinh": [r[1] for r in rows],
        "ngay_sinh": [r[2] for r in rows],
    }
    found = check_columns(values, len(rows), Rules())
    got = {i: [(p.code, p.params) for p in problems] for i, problems in found.items()}
    assert got == expected(rows)
    for i, problems in found.items():
        assert all(p.field == "so_dinh_danh" and p.value == rows[i][0] for p in problems)


def test_a_column_of_clean_ids_that_agree_has_no_problem() -> None:
    rows = [(f"0511{50 + i % 10:02d}{i:06d}", "Nữ", LooseDate(1950 + i % 10)) for i in range(500)]
    rows.append(("051050123456", "Nữ", LooseDate(1950)))  # the sex digit says Nam
    values = {
        "so_dinh_danh": [r[0] for r in rows],
        "gioi_tinh": [r[1] for r in rows],
        "ngay_sinh": [r[2] for r in rows],
    }
    found = check_columns(values, len(rows), Rules())
    assert list(found) == [500]
    assert [p.code for p in found[500]] == ["id-sex-mismatch"]
