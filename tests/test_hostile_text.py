"""Nothing a file holds reaches the terminal as code: control characters (ESC, OSC, bidi
overrides) are shown visibly, rich markup is shown literally, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

#: What a hostile cell, file or sheet name may carry: an OSC title, a colour and a screen clear,
#: a bidi override, and rich markup that would close, link or hide text.
HOSTILE = "\x1b]0;pwned\x07\x1b[31m\x1b[2J\u202eabc[/][link=http://x.example]y[/link][conceal]z"
RAW = ("\x1b", "\x07", "\u202e")
#: The same in a cell: XML cannot carry C0 controls, but the xlsx escape ``_xHHHH_`` can, and the
#: reader decodes it.
IN_CELL = HOSTILE.replace("\x1b", "_x001B_").replace("\x07", "_x0007_")


def _assert_shown_literally(output: str) -> None:
    for char in RAW:
        assert char not in output, f"{char!r} reached the terminal raw:\n{output!r}"
    assert "␛]0;pwned␇" in output, output
    assert "\\u202e" in output, output
    assert "[/][link=http://x.example]y[/link][conceal]z" in output, output
    assert "Unexpected error" not in output and "Traceback" not in output, output


def test_explain_shows_a_code_with_markup_literally() -> None:
    run = run_cli("explain", "[/]")
    assert run.returncode == 2, run.describe()
    assert "'[/]'" in run.output and "Unexpected error" not in run.output, run.describe()
    run = run_cli("explain", HOSTILE)
    assert run.returncode == 2, run.describe()
    _assert_shown_literally(run.output)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_validate_shows_cell_text_and_names_literally(tmp_path: Path, lang: str) -> None:
    rows = make_rows(4, seed=3)
    rows[1]["ho_ten"] = "Nguyễn Văn An" + IN_CELL
    rows[2]["thon"] = IN_CELL
    rows[3]["dien_thoai"] = "09" + IN_CELL  # an invalid phone: its value is shown in the table
    path = write_roster(tmp_path / "ds [bold]x.xlsx", rows, Layout(sheet_name="DS\u202eabc")).path
    run = run_cli("validate", path, "--lang", lang, "--max-issues", "500", "--show-ids")
    assert run.returncode in (0, 1), run.describe()
    _assert_shown_literally(run.output)
    assert "ds [bold]x.xlsx" in run.output and "DS\\u202eabc" in run.output, run.describe()


def test_a_missing_file_named_with_controls_is_named_visibly(tmp_path: Path) -> None:
    name = HOSTILE.replace("/", "") + ".xlsx"  # a file name holds no slash
    run = run_cli("validate", tmp_path / name)
    assert run.returncode == 2, run.describe()
    for char in RAW:
        assert char not in run.output, run.describe()
    assert "␛]0;pwned␇" in run.output and "[link=http:x.example]" in run.output, run.describe()
