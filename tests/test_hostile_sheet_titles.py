"""Sheet titles we derive from data stay within Excel's rules (31 UTF-16 units, none of
``[]:*?/\\``, no apostrophe at either end, not "History", unique ignoring case): the one helper
(``write/sheet_title``), as properties; and the workbooks written with hostile commune and sheet
names open in openpyxl with valid titles, through the real CLI."""

from __future__ import annotations

import json
import shutil
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hostile
from cashless_cli.write.sheet_title import MAX_UNITS, is_valid_title, sheet_title, utf16_units
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

#: Names a workspace may give a commune (each still matched to its own roster).
HOSTILE_NAMES = [
    "Xã Bình Hòa: thôn [1]/[2]*?\\",
    "'Bình Sơn'",
    "Tân 'An'",
    "History",
    "Xã Trường Thạnh Đông Trường Thạnh A",  # over 31, and the same 31 as the next one
    "Xã Trường Thạnh Đông Trường Thạnh B",
    "Hoa " + "😀" * 20,  # astral: 44 UTF-16 units in 24 characters
    "a" * 30 + "😀",  # the emoji would straddle the limit
]


@given(st.lists(st.text(max_size=60), min_size=1, max_size=12))
def test_every_title_is_valid_and_unique(names: list[str]) -> None:
    used: set[str] = set()
    titles = []
    for name in names:
        before = set(used)
        title = sheet_title(name, used)
        assert is_valid_title(title, before), (name, title)
        assert title in used
        titles.append(title)
    assert len({t.casefold() for t in titles}) == len(titles)


@given(st.text(alphabet=st.characters(min_codepoint=0x10000, max_codepoint=0x1F64F), max_size=40))
def test_astral_characters_are_counted_twice_and_never_split(name: str) -> None:
    title = sheet_title(name, set())
    assert utf16_units(title) <= MAX_UNITS
    # titles are NFC: U+1D15E (a half note) is one of the characters NFC decomposes
    assert title == "Trang" or unicodedata.normalize("NFC", name).startswith(title)


def _kept(title: str) -> bool:
    """A title the helper has no reason to touch: valid, NFC, no white space at either end."""
    return (
        is_valid_title(title)
        and title == unicodedata.normalize("NFC", title)
        and title == title.strip()
    )


@given(st.text(min_size=1, max_size=31).filter(_kept))
def test_a_valid_title_is_kept_as_it_is(name: str) -> None:
    assert sheet_title(name, set()) == name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Xã Bình Hòa: thôn [1]/[2]*?\\", "Xã Bình Hòa thôn 12"),
        ("'Bình Sơn'", "Bình Sơn"),
        ("History", "History 2"),
        ("a" * 30 + "😀", "a" * 30),
        ("😀" * 20, "😀" * 15),
        ("[]:*?/\\", "Trang"),
    ],
)
def test_examples(name: str, expected: str) -> None:
    assert sheet_title(name, set()) == expected


def test_clashes_ignore_case_and_stay_within_the_limit() -> None:
    used: set[str] = set()
    assert sheet_title("Bình Hòa", used) == "Bình Hòa"
    assert sheet_title("BÌNH HÒA", used) == "BÌNH HÒA 2"
    long = "x" * 40
    first, second = sheet_title(long, used), sheet_title(long, used)
    assert (first, second) == ("x" * 31, "x" * 29 + " 2")


def _workspace(root: Path) -> Path:
    root.mkdir(parents=True)
    lines = ['[district]\nname = "Bình Sơn"\nprovince = "Quảng Ngãi"\n']
    folder = root / "rosters" / "2023-06"
    folder.mkdir(parents=True)
    for k, name in enumerate(HOSTILE_NAMES):
        code = f"210{k:02d}"
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'[[communes]]\ncode = "{code}"\nname = "{escaped}"\n')
        rows = make_rows(8, seed=40 + k)
        registered = [r for r in rows if r["trang_thai"] == "Đã đăng ký"]
        registered[0]["dien_thoai"] = "0123"  # invalid: every commune has a row held back
        write_roster(folder / f"xa-{code}.xlsx", rows, Layout(commune=name))
    (root / "cashless.toml").write_text("\n".join(lines), encoding="utf-8")
    return root


def _assert_titles_valid(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    titles = wb.sheetnames
    for i, title in enumerate(titles):
        assert is_valid_title(title, titles[:i]), (path.name, title)
    return titles


@pytest.mark.slow
def test_workbooks_with_hostile_commune_names_open_with_valid_titles(tmp_path: Path) -> None:
    root = _workspace(tmp_path / "ws")
    run = run_cli("export-postoffice", "--workspace", root, "--month", "2023-06", "--format",
                  "json", timeout=120)  # fmt: skip
    assert run.returncode in (0, 1), run.describe()
    result = json.loads(run.stdout)
    held = [c for c in result["communes"] if c["held_back"]]
    assert len(held) == len(HOSTILE_NAMES), result["communes"]
    written = list((root / "handoff" / "2023-06").glob("*.xlsx"))
    assert written
    for path in written:
        titles = _assert_titles_valid(path)
        if path.name.endswith("_can-bo-sung.xlsx"):
            assert len(titles) == 1 + len(HOSTILE_NAMES), titles  # one sheet per commune
    for command in ("export-payments", "summarize"):
        run = run_cli(command, "--workspace", root, "--month", "2023-06", timeout=120)
        assert run.returncode in (0, 1), run.describe()
    for path in root.rglob("*.xlsx"):
        if "rosters" not in path.parts:
            _assert_titles_valid(path)


def test_an_ods_sheet_title_excel_refuses_is_annotated_under_a_valid_one(tmp_path: Path) -> None:
    ods = hostile.normal_ods(tmp_path)
    name = "'Danh sách đối tượng: tháng 6/2023 [bản chính]'"
    patched = tmp_path / "long-title.ods"
    shutil.copy(ods, patched)
    with zipfile.ZipFile(ods) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "content.xml":
                data = data.replace(
                    b'table:name="Danh s\xc3\xa1ch"',
                    b'table:name="' + name.replace("'", "&apos;").encode() + b'"',
                )
                assert name.encode()[1:10] in data
            dst.writestr(item, data)
    out = tmp_path / "annotated.xlsx"
    run = run_cli("validate", patched, "--annotate", out, timeout=60)
    assert run.returncode in (0, 1), run.describe()
    assert "Traceback" not in run.output and "Unexpected error" not in run.output
    titles = _assert_titles_valid(out)
    assert sheet_title(name, set()) in titles, titles
