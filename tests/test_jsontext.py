"""The JSON of ``--format json`` is written by a faster path that must give, character for
character, what ``json.dumps(doc, ensure_ascii=False, indent=2, default=str)`` gives."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cashless_cli.report.jsontext import dumps


def reference(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str)


plain = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),  # line breaks, quotes, brackets, "},\n  {" inside strings
    st.sampled_from(["},\n    {", "]\n", "Nguyễn Thị Ánh", "\u2028", "\x00"]),
    st.dates(),  # through default=str
    st.builds(Path, st.sampled_from(["a/b.xlsx", "Xã Bình Hòa/danh sách.xlsx"])),
)
keys = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
docs = st.recursive(
    plain,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.lists(inner, max_size=5).map(tuple),
        st.dictionaries(keys, inner, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=500, deadline=None)
@given(docs)
def test_the_same_text_as_json_dumps(doc: Any) -> None:
    assert dumps(doc) == reference(doc)


def test_a_list_of_findings_and_a_list_of_lists() -> None:
    finding = {"code": "id-duplicate", "cell": "E7", "row": 7, "value": 1.5, "ok": True,
               "hint": "Sửa lại {x}", "none": None, "when": dt.date(2023, 6, 1)}  # fmt: skip
    doc = {
        "files": [
            {
                "issues": [finding, dict(finding, code="x"), {"a": []}],
                "info": [[1, 2], ["a", None], {"k": "v"}],
                "nested": [{"a": {"b": [1, [2, {}]]}}, [], {}],
                "floats": [math.nan, -math.inf, 1e300, -0.0],
                "skipped_rows": {},
            }
        ]
    }
    assert dumps(doc) == reference(doc)
