"""Every document the samples produce prints cleanly on A4 (see :mod:`render_check`).

The documents are written once per session from a copy of the sample workspace (template and
annotated copy in Vietnamese and English, rate table, handoff and held-back lists, payment list,
duplicates review) and converted to PDF in one LibreOffice run, together with two deliberately
broken workbooks that prove the check can fail.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from cashless_cli.write.vnformat import money_number_format
from cli_helpers import run_cli
from libreoffice import convert_many, soffice
from render_check import check_document, page_texts

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "workspace"
MONTH = "2023-06"

pytestmark = [pytest.mark.libreoffice]  # part of make test (issue 15); skips without soffice


def _tools_missing() -> str | None:
    if soffice() is None:
        return "LibreOffice (soffice) is not installed: the documents cannot be rendered"
    for tool in ("pdftotext", "pdfinfo", "fc-match"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (poppler-utils / fontconfig): cannot read the PDFs"
    return None


@dataclass(frozen=True, slots=True)
class Rendered:
    documents: dict[str, tuple[Path, Path]]  # name -> (xlsx, pdf)


def _write_documents(root: Path) -> dict[str, Path]:
    ws = root / "ws"
    shutil.copytree(SAMPLE, ws)
    out = root / "docs"
    out.mkdir()
    june = ws / "rosters" / MONTH
    steps: list[tuple[str, ...]] = []
    for lang in ("vi", "en"):
        steps.append(
            (
                "template",
                "--commune",
                "Bình Hòa",
                "--month",
                "2023-07",
                "--workspace",
                str(ws),
                "-o",
                str(out / f"template-{lang}.xlsx"),
                "--lang",
                lang,
            )
        )
    steps.append(
        (
            "validate",
            str(june / "Binh Long T6-2023.xlsx"),
            "-w",
            str(ws),
            "--lang",
            "vi",
            "--annotate",
            str(out / "annotated-vi.xlsx"),
        )
    )
    steps.append(
        (
            "validate",
            str(june / "chau_o_2023_06.xlsx"),
            "-w",
            str(ws),
            "--lang",
            "en",
            "--annotate",
            str(out / "annotated-en.xlsx"),
        )
    )
    steps.append(("summarize", "-w", str(ws), "--month", MONTH))
    steps.append(("export-postoffice", "-w", str(ws), "--month", MONTH))
    steps.append(("export-payments", "-w", str(ws), "--month", MONTH))
    steps.append(("duplicates", "-w", str(ws), "--month", MONTH, "-o", str(out / "dups.xlsx")))
    for args in steps:
        run = run_cli(*args, timeout=240)
        assert run.returncode in (0, 1), run.describe()
    docs = {p.stem: p for p in sorted(out.glob("*.xlsx"))}
    for folder in ("reports", "handoff", "payments"):
        for path in sorted((ws / folder / MONTH).glob("*.xlsx")):
            docs[path.stem] = path
    return docs


def _broken(root: Path) -> dict[str, Path]:
    """A workbook with a cut label, and one whose number prints as ###."""
    root.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "Tổng số tiền chi trả qua tài khoản (đồng)"
    ws["B1"] = 4_045_230_000
    ws["B1"].number_format = "#,##0"
    ws.column_dimensions["B"].width = 16
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    cut = root / "cut-label.xlsx"
    wb.save(cut)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "Lập lúc"
    ws["B1"] = 4_045_230_000
    ws["B1"].number_format = "#,##0"
    ws.column_dimensions["B"].width = 6
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    hashes = root / "hashes.xlsx"
    wb.save(hashes)
    return {"cut-label": cut, "hashes": hashes, "money": _money(root)}


#: Amounts and what a Vietnamese office reads, on a computer of any locale.
MONEY = {
    0: "0",
    500: "500",
    1000: "1.000",
    1005: "1.005",
    540_000: "540.000",
    1_000_000: "1.000.000",
    1_234_567: "1.234.567",
    999_999_999: "999.999.999",
    12_345_678_901: "12.345.678.901",
    4_045_230_000_000: "4.045.230.000.000",
}


def _money(root: Path) -> Path:
    """One amount a line, each in the number format the documents give it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row, value in enumerate(MONEY, start=1):
        ws.cell(row=row, column=1, value=f"<{row}>")
        cell = ws.cell(row=row, column=2, value=value)
        cell.number_format = money_number_format(value)
    ws.column_dimensions["B"].width = 30
    path = root / "money.xlsx"
    wb.save(path)
    return path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    missing = _tools_missing()
    if missing:
        pytest.skip(missing)
    root = tmp_path_factory.mktemp("render")
    docs = _write_documents(root) | _broken(root / "broken")
    pdfs = convert_many(list(docs.values()), root / "pdf", timeout=400)
    pairs = zip(docs.items(), pdfs, strict=True)
    return Rendered({name: (xlsx, pdf) for (name, xlsx), pdf in pairs})


DOCUMENTS = [
    "template-vi",
    "template-en",
    "annotated-vi",
    "annotated-en",
    f"bang-tong-hop-{MONTH}",
    "BS-2023-06-01_buu-dien",
    "BS-2023-06-01_can-bo-sung",
    f"chi-tra-{MONTH}",
    "dups",
]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_prints_cleanly(rendered: Rendered, name: str) -> None:
    assert name in rendered.documents, f"{name} was not written: {sorted(rendered.documents)}"
    xlsx, pdf = rendered.documents[name]
    findings = check_document(xlsx, pdf)
    assert not findings, f"{name}: {len(findings)} problems when printed:\n" + "\n".join(
        findings[:40]
    )


def test_the_check_finds_a_cut_label(rendered: Rendered) -> None:
    findings = check_document(*rendered.documents["cut-label"])
    assert any("Sheet!A1" in f and "is cut" in f for f in findings), findings


def test_the_check_finds_hashes_in_the_pdf(rendered: Rendered) -> None:
    findings = check_document(*rendered.documents["hashes"])
    assert any("### printed" in f for f in findings), findings  # read back from the PDF
    assert any("Sheet!B1" in f and "###" in f for f in findings), findings  # and foreseen


def test_amounts_print_with_the_vietnamese_thousands_separator(rendered: Rendered) -> None:
    """The cells stay numbers (the paying unit sums them) and print "540.000" whatever the
    locale LibreOffice runs in (here: the machine's, not Vietnamese)."""
    xlsx, pdf = rendered.documents["money"]
    printed = dict(re.findall(r"<(\d+)>\s+(\S+)", "\n".join(page_texts(pdf))))
    for row, (value, expected) in enumerate(MONEY.items(), start=1):
        assert printed.get(str(row)) == expected, (value, printed.get(str(row)))
    cell = openpyxl.load_workbook(xlsx).active["B5"]  # type: ignore[index]
    assert cell.value == 540_000 and cell.data_type == "n"


def test_the_lists_print_amounts_with_dots(rendered: Rendered) -> None:
    """The payment list's and the Post Office list's amounts as an office writes them."""
    for name in (f"chi-tra-{MONTH}", "BS-2023-06-01_buu-dien"):
        text = "\n".join(page_texts(rendered.documents[name][1]))
        assert re.search(r"\b\d{1,3}\.\d{3}\.\d{3}\b", text), name  # a total: 1.234.567
        assert re.search(r"\b\d{3}\.000\b", text), name  # an allowance: 540.000
        assert not re.search(r"\b\d{1,3},\d{3}\b", text), name  # never 540,000


def test_the_rate_table_prints_rates_with_a_decimal_comma(rendered: Rendered) -> None:
    """Rates as a Vietnamese office writes them, "13,37" (the dot separates thousands), in the
    table and on the charts; the cells stay numbers."""
    name = next(n for n in rendered.documents if n.startswith("bang-tong-hop"))
    text = "\n".join(page_texts(rendered.documents[name][1]))
    assert re.search(r"\b\d{1,2},\d{2}\b", text), text  # a rate: 13,37
    assert not re.search(r"\b\d{1,2}\.\d{2}\b(?!\.)", text.replace("/", " ")), text


def test_the_rate_table_signs_on_the_page_of_its_total(rendered: Rendered) -> None:
    """A table just over a page is printed on one, a little smaller: the signatures never stand
    alone under the repeated header (the trial's page 2 of 22 communes)."""
    name = next(n for n in rendered.documents if n.startswith("bang-tong-hop"))
    pages = page_texts(rendered.documents[name][1])
    signed = [p for p in pages if "NGƯỜI LẬP BIỂU" in p]
    assert len(signed) == 1 and "Tổng cộng" in signed[0], signed


def test_signatures_never_stand_on_a_page_without_lines(rendered: Rendered) -> None:
    """The total and the signatures come on the last commune's page, not alone on a page of
    their own; the payment list's summary (facts and table) prints on its first page."""
    for name in (f"chi-tra-{MONTH}", "BS-2023-06-01_buu-dien"):
        pages = page_texts(rendered.documents[name][1])
        for i, text in enumerate(pages, start=1):
            if "NGƯỜI LẬP BIỂU" in text:  # a line: its number, then the commune's code
                assert re.search(r"^\s*\d+\s+\S*\d{4,}", text, re.MULTILINE), (name, i, text)
        first = pages[0]
        assert "NGƯỜI LẬP BIỂU" in first and "Tổng cộng" in first, (name, first)


def test_every_document_the_samples_produce_is_checked(rendered: Rendered) -> None:
    written = set(rendered.documents) - {"cut-label", "hashes", "money"}
    assert written == set(DOCUMENTS)
