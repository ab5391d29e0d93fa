"""Names and numbers carrying invisible or look-alike characters are flagged at their cell, with
a message naming the character, and never reach the paying unit's lists: through the real CLI
(validate, export-postoffice, export-payments) and on the pure check.

Every planted character class: zero-width (U+200B, U+2060, U+FEFF), bidi controls (U+202E,
U+2066, U+200F), private use (U+E000), a control character, Cyrillic and Greek letters among
Latin ones, Ð for Đ, full-width, Arabic-Indic and other non-ASCII digits. Vietnamese letters,
precomposed or with combining diacritics, are never flagged.
"""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashless_cli.normalise.characters import (
    SuspectKind,
    suspects_in_name,
    suspects_in_number,
)
from cashless_cli.problems import problem_type
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

MONTH = "2023-06"
COMMUNE = "Bình Hòa"

#: (label, text to plant in a name, the character, its kind, 1-based position in the cell)
NAMES: list[tuple[str, str, str, SuspectKind, int]] = [
    ("zero-width space", "Nguyễn Văn\u200b An", "\u200b", SuspectKind.INVISIBLE, 11),
    ("word joiner", "Trần\u2060 Thị Lan", "\u2060", SuspectKind.INVISIBLE, 5),
    ("byte order mark", "\ufeffLê Văn Nam", "\ufeff", SuspectKind.INVISIBLE, 1),
    ("right-to-left override", "Phạm \u202eThị Mai", "\u202e", SuspectKind.BIDI, 6),
    ("left-to-right isolate", "Võ Văn\u2066 Sơn", "\u2066", SuspectKind.BIDI, 7),
    ("private use", "Đỗ Thị \ue000Hoa", "\ue000", SuspectKind.PRIVATE_USE, 8),
    ("Cyrillic a", "Bùi Vаn Tâm", "\u0430", SuspectKind.LOOKALIKE, 6),
    ("Greek omicron", "Hο Thị Yến", "\u03bf", SuspectKind.LOOKALIKE, 2),
    ("eth for Đ", "Ðặng Văn Dũng", "Ð", SuspectKind.LOOKALIKE, 1),
]
#: A control character reaches a cell only through the xlsx escape _xHHHH_ (the reader
#: decodes it): planted apart, checked the same way.
CONTROL_NAME = ("bell", "Huỳnh Thị_x0007_ Cúc", "\x07", SuspectKind.CONTROL, 10)

#: (label, the digits of an ID with one character replaced, the character, kind, position)
IDS: list[tuple[str, str, str, SuspectKind, int]] = [
    ("full-width digit", "０51190000001", "\uff10", SuspectKind.DIGIT, 1),
    ("Arabic-Indic digit", "05119000000١", "\u0661", SuspectKind.DIGIT, 12),
    ("extended Arabic-Indic digit", "051۱90000001", "\u06f1", SuspectKind.DIGIT, 4),
    ("Devanagari digit", "0511९0000001", "\u096f", SuspectKind.DIGIT, 5),
    ("zero-width space", "0511\u200b90000001", "\u200b", SuspectKind.INVISIBLE, 5),
    ("right-to-left mark", "\u200f051190000001", "\u200f", SuspectKind.BIDI, 1),
]
#: Account numbers of rows that have an account (the payment list's own number).
ACCOUNTS: list[tuple[str, str, str, SuspectKind, int]] = [
    ("full-width digits", "１２３４５６７８９０", "\uff11", SuspectKind.DIGIT, 1),
    ("zero-width joiner", "1234\u200d567890", "\u200d", SuspectKind.INVISIBLE, 5),
    ("Cyrillic o for 0", "12345678\u043e0", "\u043e", SuspectKind.LOOKALIKE, 9),
]
PHONE = ("zero-width space", "0912\u200b345678", "\u200b", SuspectKind.INVISIBLE, 5)


# ---------------------------------------------------------------------------------------------
# The pure check


@pytest.mark.parametrize("case", [*NAMES, CONTROL_NAME], ids=lambda c: c[0])
def test_each_class_in_a_name_is_found_with_its_position(case: tuple[Any, ...]) -> None:
    _, text, char, kind, position = case
    text = text.replace("_x0007_", "\x07")
    found = suspects_in_name(text)
    assert [(s.char, s.kind, s.position) for s in found] == [(char, kind, position)]
    assert found[0].label == f"U+{ord(char):04X} ({found[0].name})"


@pytest.mark.parametrize("case", [*IDS, *ACCOUNTS, PHONE], ids=lambda c: c[0])
def test_each_class_in_a_number_is_found_with_its_position(case: tuple[Any, ...]) -> None:
    _, text, char, kind, position = case
    found = suspects_in_number(text)
    assert (found[0].char, found[0].kind, found[0].position) == (char, kind, position)
    assert all(s.kind is kind for s in found)


def test_the_name_of_a_character_is_its_unicode_name() -> None:
    (s,) = suspects_in_name("An\u200bBình")
    assert s.label == "U+200B (ZERO WIDTH SPACE)"
    (s,) = suspects_in_name("An\U000f0000")
    assert s.label == "U+F0000 (PRIVATE USE)" and s.kind is SuspectKind.PRIVATE_USE


VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
_LETTERS = VIETNAMESE + VIETNAMESE.upper()


@given(
    st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=8), min_size=1, max_size=5),
    st.sampled_from(["NFC", "NFD"]),
)
def test_vietnamese_names_precomposed_or_combining_are_never_flagged(
    words: list[str], form: str
) -> None:
    name = unicodedata.normalize(form, " ".join(words))  # type: ignore[arg-type]
    assert suspects_in_name(name) == []


def test_a_cyrillic_or_greek_word_alone_is_not_a_lookalike_but_mixed_in_latin_it_is() -> None:
    assert suspects_in_name("Иван Петров") == []
    assert suspects_in_name("Σωκράτης") == []
    assert [s.char for s in suspects_in_name("Иван Nguyễn")] == list("Иван")


# ---------------------------------------------------------------------------------------------
# Through the CLI


def _workspace(root: Path) -> tuple[Path, dict[int, tuple[str, str, Any]]]:
    """A month of one commune whose planted rows carry every class; planted: row index →
    (key, planted text, case)."""
    rows = make_rows(80, seed=31)
    registered = [i for i, r in enumerate(rows) if r["trang_thai"] == "Đã đăng ký"]
    with_account = [i for i, r in enumerate(rows) if r["trang_thai"] == "Đã có tài khoản"]
    planted: dict[int, tuple[str, str, Any]] = {}
    cases = [("ho_ten", c) for c in (*NAMES, CONTROL_NAME)] + [("so_dinh_danh", c) for c in IDS]
    cases.append(("dien_thoai", PHONE))
    for index, (key, case) in zip(registered, cases, strict=False):
        planted[index] = (key, case[1], case)
    for index, case in zip(with_account, ACCOUNTS, strict=False):
        planted[index] = ("so_tai_khoan", case[1], case)
    assert len(planted) == len(cases) + len(ACCOUNTS)
    for index, (key, text, _) in planted.items():
        rows[index][key] = text
    root.mkdir(parents=True)
    (root / "cashless.toml").write_text(
        '[district]\nname = "Bình Sơn"\nprovince = "Quảng Ngãi"\n\n'
        f'[[communes]]\ncode = "21079"\nname = "{COMMUNE}"\n',
        encoding="utf-8",
    )
    folder = root / "rosters" / MONTH
    folder.mkdir(parents=True)
    written = write_roster(folder / "binh-hoa T6.xlsx", rows, Layout(commune=COMMUNE))
    cells = {i: written.cell(i, key) for i, (key, _, _) in planted.items()}
    return root, {i: (cells[i], *planted[i][1:]) for i in planted}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, Any]]:
    return _workspace(tmp_path_factory.mktemp("chars") / "ws")


def _json(command: str, root: Path, *extra: str) -> dict[str, Any]:
    run = run_cli(command, "--workspace", root, "--month", MONTH, "--format", "json", *extra)
    assert run.returncode in (0, 1), run.describe()
    assert "Traceback" not in run.output and "Unexpected error" not in run.output
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def test_every_planted_character_is_flagged_at_its_cell_naming_it(
    workspace: tuple[Path, dict[int, Any]],
) -> None:
    root, planted = workspace
    roster = next((root / "rosters" / MONTH).iterdir())
    for lang in ("en", "vi"):
        run = run_cli("validate", roster, "--format", "json", "--lang", lang, "--show-ids")
        assert run.returncode == 1, run.describe()
        problems = json.loads(run.stdout)["files"][0]["issues"]
        by_cell = {p["cell"]: p for p in problems if p["code"].endswith("-hidden-character")}
        assert set(by_cell) == {cell for cell, _, _ in planted.values()}, by_cell.keys()
        for cell, _, (_, _, char, _, position) in planted.values():
            p = by_cell[cell]
            name = unicodedata.name(char, "PRIVATE USE" if char == "\ue000" else "CONTROL")
            assert f"U+{ord(char):04X} ({name})" in p["message"], p["message"]
            where = "ở vị trí" if lang == "vi" else "at position"
            assert f"{where} {position} " in p["message"], p["message"]
            expected = "warning" if p["column"] in ("ho_ten",) else "error"
            assert p["severity"] == expected, p
    vi = json.loads(
        run_cli("validate", roster, "--format", "json", "--lang", "vi", "--show-ids").stdout
    )["files"][0]["issues"]
    zwsp = next(p for p in vi if p["code"] == "name-hidden-character" and "U+200B" in p["message"])
    assert "ký tự vô hình U+200B (ZERO WIDTH SPACE) ở vị trí 11" in zwsp["message"]


def test_the_post_office_file_holds_none_of_them_and_the_counts_add_up(
    workspace: tuple[Path, dict[int, Any]], tmp_path: Path
) -> None:
    root, planted = workspace
    ws = tmp_path / "ws"
    shutil.copytree(root, ws)
    result = _json("export-postoffice", ws)
    folder = ws / "handoff" / MONTH
    (handed_csv,) = folder.glob("*_buu-dien.csv")
    handed = list(csv.DictReader(handed_csv.open(encoding="utf-8-sig")))
    texts = {text.replace("_x0007_", "\x07") for _, text, _ in planted.values()}
    for line in handed:
        assert not texts & set(line.values()), line
    registered = sum(1 for r in make_rows(80, seed=31) if r["trang_thai"] == "Đã đăng ký")
    assert result["rows"] == len(handed)
    assert result["rows"] + result["held_back"] + result["already_handed_over"] == registered
    (held_book,) = folder.glob("*_can-bo-sung.xlsx")
    wb = openpyxl.load_workbook(held_book)
    held = {
        (row[4], row[6])
        for row in wb[COMMUNE].iter_rows(min_row=4, values_only=True)
        if row[0] is not None
    }
    for cell, _, case in planted.values():
        if case[1] in {c[1] for c in ACCOUNTS}:
            continue  # rows with an account are not handed over at all
        code = "name-hidden-character" if case in (*NAMES, CONTROL_NAME) else None
        code = code or "number-hidden-character"
        # the held-back list names each problem by its title (the code stays in the JSON)
        assert (cell, problem_type(code).title("vi")) in held, (cell, held)
    assert result["held_back"] >= len(planted) - len(ACCOUNTS)


def test_the_payment_list_puts_every_one_in_to_check(
    workspace: tuple[Path, dict[int, Any]], tmp_path: Path
) -> None:
    root, planted = workspace
    ws = tmp_path / "ws"
    shutil.copytree(root, ws)
    result = _json("export-payments", ws)
    assert result["to_check"] == len(planted), result
    assert result["accounts"] + result["cash"] + result["to_check"] == 80
    (accounts_csv,) = (ws / "payments" / MONTH).glob("*_tai-khoan.csv")
    listed = accounts_csv.read_text(encoding="utf-8-sig")
    for _, text, _ in planted.values():
        assert text.replace("_x0007_", "\x07") not in listed
