"""``cashless explain CODE --lang vi`` has no English and no raw placeholders (issue 15): every
code's explanation, its example message and hint included, reads as Vietnamese; a system's
reason ("Permission denied", "file is not a database") is worded in Vietnamese too."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.problems import CATALOGUE

runner = CliRunner()

#: Words of English a Vietnamese text never needs (not "in", "to", "no", "byte": Vietnamese).
ENGLISH = re.compile(
    r"\b(the|is|are|not|and|or|of|on|at|for|with|from|file|files|folder|directory|denied|"
    r"permission|empty|database|bytes|error|errors|cannot|could|such|found|failed|expected|"
    r"after|before|key|table|device|space|left|read|write|only|unknown|invalid|missing|line|"
    r"column|value|please|check|row|sheet|cell|opened)\b",
    re.IGNORECASE,
)

#: What operating systems and libraries say, word for word.
SYSTEM = re.compile(
    r"Permission denied|No such file|No space left|not a database|Is a directory|Not a directory|"
    r"Read-only file system|Errno|Traceback|database is locked|WinError|Access is denied",
    re.IGNORECASE,
)

#: Left out of the scan, and why.
NOT_WORDS = (
    r"--[a-z][a-z-]*",  # options: --annotate-dir
    r"\bcashless(?: [a-z][a-z-]*)?",  # the command and its subcommands
    r"\S*[/\\]\S*",  # paths
    r"\S+\.(?:xlsx|xls|xlsm|ods|csv|toml|sqlite|json|parquet)\b",  # file names
    r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b",  # codes and column keys: id-invalid, ho_ten
    r"\b[A-Z][A-Z0-9_]{2,}\b",  # environment variables, formats: CASHLESS_LANG, YYYY-MM
    r"\{ from = [^}]*\}",  # TOML syntax quoted in a message
)

#: Codes whose Vietnamese text quotes English on purpose.
QUOTED_ENGLISH = {
    # the spreadsheet reader's own words about the damage, quoted as they are ("bằng tiếng Anh")
    "damage-reader": r".*",
    # the answers a reply may hold: "Opened", "Failed" are accepted as they are written
    "reply-result-invalid": r"\b(?:Opened|Failed)\b",
    # README's sections, named as the (English) README names them
    "mapping-malformed": r"\(column mapping\)",
    "config-invalid-value": r"'The workspace'",
}


def _explained(code: str) -> str:
    result = runner.invoke(app, ["explain", code, "--lang", "vi"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, (code, result.output)
    return result.output


def _english(code: str, out: str) -> list[str]:
    body = out.split("\n", 1)[1]  # the first line starts with the code itself
    if code in QUOTED_ENGLISH:
        body = re.sub(QUOTED_ENGLISH[code], " ", body)
    for pattern in NOT_WORDS:
        body = re.sub(pattern, " ", body)
    return ENGLISH.findall(body)


def test_the_scan_finds_english_and_system_messages() -> None:
    """The checks below can fail: an OS message, an English sentence, a raw placeholder."""
    out = "x (Lỗi) — y\nThông báo: Không ghi được ty-le.xlsx: Permission denied.\n"
    assert SYSTEM.search(out) and _english("x", out) == ["Permission", "denied"]
    assert _english("x", "x\nThe roster cannot be read.") == ["The", "cannot", "read"]
    assert _english("x", "x\nGhi --annotate-dir vào ds/ho_ten, xem cashless validate.") == []
    assert re.search(r"\{\w+\}", "Không ghi được {path}")


@pytest.mark.slow
def test_explain_in_vietnamese_has_no_english_for_any_code() -> None:
    found: dict[str, list[str]] = {}
    for code in CATALOGUE:
        out = _explained(code)
        if code not in QUOTED_ENGLISH:
            assert not SYSTEM.search(out), (code, out)
        assert not re.search(r"\{\w*\}", out), (code, out)  # a raw placeholder
        words = _english(code, out)
        if words:
            found[code] = words
    assert not found, found


def test_the_examples_of_system_reasons_are_vietnamese() -> None:
    """The codes whose examples quoted an OS's or SQLite's English reason."""
    for code, reason in (
        ("output-not-written", "không có quyền truy cập"),
        ("annotate-dir-not-created", "không có quyền truy cập"),
        ("annotate-write-failed", "không có quyền truy cập"),
        ("annotate-reopen-failed", "Tệp rỗng (0 byte)"),
        ("ledger-unreadable", "tệp không phải là cơ sở dữ liệu SQLite"),
        ("workspace-os-error", "ổ đĩa đã đầy"),
    ):
        out = " ".join(_explained(code).split())
        assert reason in out, (code, out)
        assert not SYSTEM.search(out), (code, out)
    en = runner.invoke(app, ["explain", "output-not-written", "--lang", "en"]).output
    assert "access is denied" in en  # the English explanation keeps its English reason
