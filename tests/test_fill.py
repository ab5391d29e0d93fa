"""Filling a catalogue template: each field worded in the reader's language, a missing one "?"
(never a KeyError in the middle of a report), whatever the template's shape."""

from __future__ import annotations

from cashless_cli.problems import Phrase, Problem, _fill


def test_fields_are_worded_and_a_missing_one_is_a_question_mark() -> None:
    params = {"n": 2, "month": "2025-08", "file": "ds.xlsx", "unused": Phrase("no.such.key")}
    assert _fill("{n} {n:file|files} ({file}), tháng {month}", params, "vi") == (
        "2 files (ds.xlsx), tháng 8/2025"
    )
    assert _fill("rosters/{month:iso}/ {missing}", params, "vi") == "rosters/2025-08/ ?"


def test_a_template_with_more_than_names_still_fills() -> None:
    # a nested spec: every parameter is worded, as before
    assert _fill("{a:>{w}}|", {"a": "x", "w": 3}, "en") == "  x|"


def test_a_findings_json_says_the_same_as_its_message_and_hint() -> None:
    p = Problem("id-invalid", sheet="DS", cell="E7", row=7, column="so_dinh_danh", value="0511")
    d = p.to_dict("vi")
    assert d["message"] == p.message("vi") and d["hint"] == p.hint("vi")
    assert d["severity"] == str(p.severity) and d["value"] == "0511"
