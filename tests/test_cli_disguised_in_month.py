"""A Word document renamed .xlsx in a month's folder is said to be no workbook, not to "match no
commune" (the trial): its title, which would name the commune, cannot be read. summarize
refuses the month naming the file and what it is; export-postoffice lists it as not used, why."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

MONTH = "2023-06"
TIMEOUT = 120.0


def _word_document(path: Path) -> None:
    """A .docx (what Word saves), under a workbook's name."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A district workspace with one commune's roster and a Word document beside it."""
    root = tmp_path / "bs"
    created = run_cli("init", root, "--district", "Bình Sơn", "--province", "Quảng Ngãi")
    assert created.returncode == 0, created.describe()
    folder = root / "rosters" / MONTH
    folder.mkdir(parents=True)
    write_roster(folder / "Binh Hoa T6.xlsx", make_rows(6), Layout(commune="Bình Hòa"))
    _word_document(folder / "ke-hoach-thang-6.xlsx")
    return root


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_summarize_says_the_file_is_no_workbook(ws: Path) -> None:
    run = run_cli("summarize", "-w", ws, "--month", MONTH, "--lang", "vi", timeout=TIMEOUT)
    said = _flat(run.output)
    assert run.returncode == 2, run.describe()
    assert "ke-hoach-thang-6.xlsx: Tệp này không phải bảng tính Excel hoặc ODS" in said, said
    assert "văn bản Word" in said, said
    assert "không khớp với xã nào" not in said and "chưa ghi tệp nào" in said, said
    # the folder to move it out of is named as it is on disk (not "rosters/6/2023/")
    assert "ra khỏi thư mục rosters/2023-06/" in said, said
    assert not (ws / "reports" / MONTH).exists() or not any((ws / "reports" / MONTH).iterdir())
    run = run_cli("summarize", "-w", ws, "--month", MONTH, "--lang", "en", timeout=TIMEOUT)
    said = _flat(run.output)
    assert run.returncode == 2 and "a Word document" in said, run.describe()
    assert "matches no commune" not in said, said


def test_export_postoffice_lists_the_file_as_no_workbook(ws: Path) -> None:
    run = run_cli("export-postoffice", "-w", ws, "--month", MONTH, "--lang", "vi", timeout=TIMEOUT)
    said = _flat(run.output)
    assert run.returncode in (0, 1), run.describe()
    assert "ke-hoach-thang-6.xlsx" in said, said
    assert "không phải bảng tính Excel hoặc ODS (một văn bản Word (.docx))" in said, said
    assert "không khớp với xã nào" not in said, said


def test_export_payments_counts_the_file_as_unreadable(ws: Path) -> None:
    run = run_cli(
        "export-payments", "-w", ws, "--month", MONTH, "--format", "json", timeout=TIMEOUT
    )
    assert run.returncode in (0, 1), run.describe()
    assert "ke-hoach-thang-6.xlsx" in run.stdout, run.describe()
    doc = json.dumps(json.loads(run.stdout), ensure_ascii=False)
    assert "commune-unreadable" in doc and "roster-no-commune" not in doc, doc
