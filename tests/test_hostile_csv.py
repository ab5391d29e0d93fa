"""Every CSV the tool writes opens in a spreadsheet as data, whichever list separator it splits
on (``,`` or ``;`` as a Vietnamese Excel may): no cell starts with = + - @ (or a tab/CR before
one). Through the real CLI: the handoff CSV, the payments CSV and ``.cashless/history.csv``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cashless_cli.fs.csvsafe import csv_line, inert
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

#: Texts a commune (or an attacker) may type; each hides a formula behind a separator.
HOSTILE = [
    '=HYPERLINK("http://x.example","y")',
    "An;=1+2",
    "Bình, +cmd|' /C calc'!A0",
    " @SUM(1)",
    "Lê; =1",
    "Mai\t;=1",
    "Hoa;-2+3",
    'Cúc"; =1',
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _cells(text: str) -> list[str]:
    """Every cell a spreadsheet would make of ``text``, splitting on ``,`` and on ``;``."""
    cells: list[str] = []
    for delimiter in (",", ";"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += row
    return cells


def _assert_inert(text: str, where: Path) -> None:
    for cell in _cells(text):
        assert not cell.lstrip(" ").startswith(TRIGGERS), f"{where}: cell {cell!r} runs as code"


def test_a_line_reads_back_as_its_fields_and_never_splits_on_the_other_separator() -> None:
    line = csv_line(HOSTILE)
    assert next(csv.reader(io.StringIO(line, newline=""))) == [inert(t) for t in HOSTILE]
    # split on ";" by a spreadsheet: still one cell per field (all are quoted or plain)
    assert len(next(csv.reader(io.StringIO(line, newline=""), delimiter=";"))) <= len(HOSTILE)
    _assert_inert(line, Path("line"))
    plain = ["Nguyễn Văn An", "0912345678", 540000]
    assert csv_line(plain) == "Nguyễn Văn An,0912345678,540000\r\n"


def _workspace(root: Path) -> Path:
    rows = make_rows(30, seed=13)
    listed = [r for r in rows if r["trang_thai"] in ("Đã đăng ký", "Đã có tài khoản")]
    for r, text in zip(listed, HOSTILE * 3, strict=False):
        r["ho_ten"] = text
        r["thon"] = text
    root.mkdir(parents=True)
    (root / "cashless.toml").write_text(
        '[district]\nname = "Bình Sơn"\nprovince = "Quảng Ngãi"\n\n'
        '[[communes]]\ncode = "21079"\nname = "=HYPERLINK(1);@x, -1"\n',
        encoding="utf-8",
    )
    folder = root / "rosters" / "2023-06"
    folder.mkdir(parents=True)
    write_roster(folder / "binh_hoa T6.xlsx", rows, Layout(commune="=HYPERLINK(1);@x, -1"))
    return root


@pytest.mark.slow
def test_every_csv_written_is_formula_safe_with_either_separator(tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws")
    for command in ("summarize", "export-postoffice", "export-payments"):
        run = run_cli(command, "--workspace", root, "--month", "2023-06", timeout=120)
        assert run.returncode in (0, 1), run.describe()
    written = sorted(root.rglob("*.csv"))
    names = {p.name for p in written}
    assert "history.csv" in names, names
    assert any(n.endswith("_buu-dien.csv") for n in names), names
    assert any(n.endswith("_tai-khoan.csv") for n in names), names
    seen = ""
    for path in written:
        text = path.read_bytes().decode("utf-8-sig")
        _assert_inert(text, path)
        seen += text
    # the text itself arrived (trimmed, made inert), not dropped
    for hostile in (t for t in HOSTILE if "\t" not in t):
        assert inert(hostile.strip()) in seen.replace('""', '"'), hostile
