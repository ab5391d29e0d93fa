"""Every word a user reads comes from the catalogue, and the catalogue explains every code.

The source is read with ``ast``: a Vietnamese sentence in a string literal outside the catalogue
(``problems.py``, ``texts.py``), the column definitions and the domain data is a message that
``cashless explain`` cannot show and a translator cannot find; a code passed to a finding that the
catalogue lacks is a message that cannot be rendered.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.problems import CATALOGUE, Joined, Phrase, Text
from cashless_cli.texts import TEXTS

SRC = Path(__file__).resolve().parents[1] / "src" / "cashless_cli"
runner = CliRunner()

#: Where Vietnamese sentences belong: the catalogue, the column definitions, the domain data.
ALLOWED = {
    "problems.py",
    "texts.py",
    "schema/row.py",
    "schema/domain.py",
    "schema/headers.py",
    "normalise/vocab.py",
    "normalise/legacy.py",
}
ALLOWED_DIRS = ("schema/data/",)
#: Owned by helper "guards" (its refusals become codes there); no Vietnamese prose today.
NOT_SCANNED = ("read/guards",)

#: Vietnamese sentences still worded in place, per module, not yet moved to the catalogue. The
#: number may only go down: a new sentence anywhere fails this test.
NOT_YET_MOVED: dict[str, int] = {}

_VI_LETTERS = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
#: Calls whose first argument (or ``code=``) is a catalogue code.
_FINDINGS = {"Problem", "ReadError", "Reason", "Invalid", "Fix", "problem_type", "bad", "cls"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def vietnamese_sentences(source: str, min_words: int = 3) -> list[tuple[int, str]]:
    """String constants (not docstrings) with Vietnamese letters and ``min_words`` words."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and _VI_LETTERS.search(node.value)
        and len(node.value.split()) >= min_words
    ]


def _modules() -> dict[str, str]:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel in ALLOWED or rel.startswith(ALLOWED_DIRS) or rel.startswith(NOT_SCANNED):
            continue
        found[rel] = path.read_text(encoding="utf-8")
    return found


def test_the_scanner_finds_a_planted_sentence_and_spares_docstrings() -> None:
    planted = (
        '"""Mô tả của mô-đun bằng tiếng Việt."""\n'
        "def f() -> str:\n"
        '    """Hàm này trả về một câu."""\n'
        '    label = "Họ"  # one word: a label, not a sentence\n'
        '    return "Không ghi được tệp kết quả."\n'
    )
    assert vietnamese_sentences(planted) == [(5, "Không ghi được tệp kết quả.")]
    assert vietnamese_sentences('x = "Cannot write the file."') == []


def test_no_vietnamese_sentence_outside_the_catalogue() -> None:
    over = {}
    for rel, source in _modules().items():
        found = vietnamese_sentences(source)
        if len(found) > NOT_YET_MOVED.get(rel, 0):
            over[rel] = found
    assert not over, f"Vietnamese sentences outside the catalogue (move them to texts.py): {over}"


def test_a_new_sentence_in_a_module_fails() -> None:
    rel, source = next(iter(_modules().items()))
    planted = source + '\n\nMESSAGE = "Đã chuyển danh sách cho Bưu điện."\n'
    assert len(vietnamese_sentences(planted)) > NOT_YET_MOVED.get(rel, 0)


def _codes_in_source() -> dict[str, str]:
    """Every code literal passed to a finding, an error or a reason in ``src``: code → module."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name not in _FINDINGS and not name.endswith("Error"):
                continue
            args = list(node.args[:1]) + [k.value for k in node.keywords if k.arg == "code"]
            for arg in args:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and _CODE.match(arg.value)
                ):
                    found[arg.value] = path.relative_to(SRC).as_posix()
    return found


def test_every_code_the_source_emits_is_in_the_catalogue() -> None:
    codes = _codes_in_source()
    assert len(codes) > 60  # the collector does find them (guards, checks, handoff, workspace)
    assert {"handoff-no-phone", "workspace-no-config", "output-not-written"} <= codes.keys()
    missing = {code: where for code, where in codes.items() if code not in CATALOGUE}
    assert not missing


def test_every_entry_is_worded_in_both_languages() -> None:
    for code, item in CATALOGUE.items():
        assert _CODE.match(code), code
        for field in ("title_en", "title_vi", "message_en", "message_vi", "description"):
            assert getattr(item, field).strip(), (code, field)
        assert item.describe("vi") != item.description, f"{code} has no Vietnamese description"
        assert bool(item.hint_en) == bool(item.hint_vi), code
        assert _VI_LETTERS.search(item.title_vi + item.message_vi), code


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_placeholder_has_an_example() -> None:
    for code, item in CATALOGUE.items():
        for template in (item.message_en, item.message_vi, item.hint_en, item.hint_vi):
            assert _placeholders(template) <= set(item.example) | {"value", "header"}, code
        for value in item.example.values():
            if isinstance(value, Phrase):
                assert value.key in TEXTS, code
            if isinstance(value, Joined):
                assert all(p.key in TEXTS for p in value.items if isinstance(p, Phrase)), code


#: Texts whose two languages take different parameters (the month written each language's way).
_WORDED_APART = {"cli-template.template-written"}


def test_the_texts_are_worded_in_both_languages() -> None:
    for key, item in TEXTS.items():
        assert item.en.strip() and item.vi.strip(), key
        # a language may word a month its own way ({wanted} vs {month}/{year}), but a text never
        # names more than a handful of parameters, and both templates parse
        assert len(_placeholders(item.en) | _placeholders(item.vi)) <= 8, key
        if _placeholders(item.en) != _placeholders(item.vi):
            assert key in _WORDED_APART, key


def test_explain_lists_every_code_in_each_language() -> None:
    for lang in ("en", "vi"):
        result = runner.invoke(app, ["explain", "--lang", lang])
        assert result.exit_code == 0
        listed = {line.split()[0] for line in result.output.splitlines() if line.strip()}
        assert listed == set(CATALOGUE)
    vi = runner.invoke(app, ["explain", "--lang", "vi"]).output
    assert CATALOGUE["handoff-no-phone"].title_vi in vi
    assert " error " not in vi and " fatal " not in vi


_ENGLISH_LABELS = re.compile(r"\b(Message|Fix|Example|Hint|error|warning|fatal|info)\b")


@pytest.mark.slow
def test_explain_each_code_in_vietnamese_is_filled_and_vietnamese() -> None:
    for code, item in CATALOGUE.items():
        result = runner.invoke(app, ["explain", code, "--lang", "vi"])
        assert result.exit_code == 0, code
        out = result.output
        assert "{" not in out.replace("{{", "").replace("{ from", ""), (code, out)
        assert "?" not in item.message("vi", item.example), code
        assert not _ENGLISH_LABELS.search(out.replace(code, "")), (code, out)
        assert "Thông báo:" in out and item.title_vi in " ".join(out.split())


def test_explain_in_english_fills_the_example() -> None:
    result = runner.invoke(app, ["explain", "handoff-postoffice-failed", "--lang", "en"])
    assert result.exit_code == 0
    out = " ".join(result.output.split())
    assert "reference BS-2023-06-0001, batch 2023-06-01, 05/07/2023): Sai tên." in out
    assert "{" not in out


def test_explain_an_unknown_code_shows_it_literally() -> None:
    for code in ("[/]", "[bold]x", "no-such-code"):
        result = runner.invoke(app, ["explain", code, "--lang", "en"])
        assert result.exit_code == 2
        assert f"There is no code '{code}'." in result.output
    vi = runner.invoke(app, ["explain", "[/]", "--lang", "vi"])
    assert vi.exit_code == 2 and "Không có mã '[/]'." in vi.output


def test_a_phrase_parameter_is_worded_in_the_readers_language() -> None:
    item = CATALOGUE["row-skipped"]
    assert item.message("vi", {"row": 4, "reason": Phrase("row-kind.total")}) == (
        "Dòng 4 được bỏ qua: dòng tổng cộng."
    )
    assert item.message("en", {"row": 4, "reason": Text("totals row", "dòng tổng cộng")}) == (
        "Row 4 was skipped: totals row."
    )
