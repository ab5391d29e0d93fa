"""inspect_file refuses hostile files before python-calamine sees them, and accepts real ones.

The stray-cell, wide-sheet and bomb files are never handed to python-calamine here: it aborts the
process or inflates them into gigabytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import python_calamine

import hostile
from cashless_cli.problems import Entry, ReadError
from cashless_cli.read.guards import Limits, inspect_file
from cashless_cli.read.guards.ods import OdsScanner
from cashless_cli.read.guards.xmlscan import RefScanner, Scanner, SheetScanner, TooBig, Unsafe

Builder = Callable[[Path], Path]


def _refusal(path: Path, limits: Limits | None = None) -> ReadError:
    with pytest.raises(ReadError) as caught:
        inspect_file(path, limits or Limits())
    # The message renders in both languages with every parameter its template uses.
    for lang in ("vi", "en"):
        assert "?" not in caught.value.message(lang).replace("?)", ")")
    return caught.value


REFUSED: list[tuple[Builder, str]] = [
    (hostile.empty_file, "file-empty"),
    (hostile.truncated_xlsx, "file-truncated"),
    (hostile.corrupt_member_xlsx, "file-truncated"),
    (hostile.random_bytes, "file-not-workbook"),
    (hostile.zip_not_workbook, "file-not-workbook"),
    (hostile.csv_as_xlsx, "file-disguised"),
    (hostile.html_as_xls, "file-disguised"),
    (hostile.spreadsheetml_as_xls, "file-disguised"),
    (hostile.encrypted_xlsx, "file-encrypted"),
    (hostile.bomb_xlsx, "file-too-large"),
    (lambda d: hostile.bomb_xlsx(d, honest_sizes=False), "file-too-large"),
    (hostile.entity_bomb_xlsx, "xml-unsafe"),
    (hostile.stray_cell_xlsx, "sheet-too-large"),
    (lambda d: hostile.stray_cell_xlsx(d, dimension="A1:G2"), "sheet-too-large"),
    (lambda d: hostile.stray_cell_xlsx(d, ref="A1048576", dimension="A1:G2"), "sheet-too-large"),
    (lambda d: hostile.stray_cell_xlsx(d, ref="AAA3", dimension="A1:G3"), "sheet-too-large"),
    # python-calamine reads a sheet wherever the workbook's relationships put it.
    (
        lambda d: hostile.relocated_sheet_xlsx(hostile.stray_cell_xlsx(d), "xl/data/s.xml"),
        "sheet-too-large",
    ),
    (
        lambda d: hostile.relocated_sheet_xlsx(hostile.stray_cell_xlsx(d), "xl/worksheets/s"),
        "sheet-too-large",
    ),
    (hostile.wide_xlsx, "sheet-too-large"),
    (hostile.wide_ods, "sheet-too-large"),
    (hostile.repeated_content_ods, "sheet-too-large"),
    (lambda d: hostile.repeated_content_ods(d, rows=1, columns=20_000), "sheet-too-large"),
]


@pytest.mark.parametrize(("build", "code"), REFUSED)
def test_hostile_files_are_refused(tmp_path: Path, build: Builder, code: str) -> None:
    path = build(tmp_path)
    before = path.read_bytes()
    assert _refusal(path).code == code
    assert path.read_bytes() == before  # never modified


def test_disguised_files_say_what_they_are(tmp_path: Path) -> None:
    csv = _refusal(hostile.csv_as_xlsx(tmp_path))
    assert csv.params == {"suffix": ".xlsx", "kind": Entry("kind-csv")}
    assert csv.message("en") == "The file is named .xlsx but is really CSV text."
    assert csv.message("vi") == "Tệp có đuôi .xlsx nhưng thực chất là văn bản CSV."
    html = _refusal(hostile.html_as_xls(tmp_path))
    assert html.params["kind"] == Entry("kind-html")
    assert html.message("en").endswith("is really an HTML web page.")
    assert html.message("vi").endswith("thực chất là một trang web HTML.")
    xml = _refusal(hostile.spreadsheetml_as_xls(tmp_path))
    assert xml.params["kind"] == Entry("kind-spreadsheetml")
    assert xml.message("vi").endswith("là tệp XML của Excel 2003 (SpreadsheetML).")
    legacy_csv = _refusal(hostile.csv_as_xlsx(tmp_path, "cp.xls", encoding="cp1258"))
    assert legacy_csv.params["kind"] == Entry("kind-csv")
    tabbed = tmp_path / "unicode.xls"  # Excel's "Unicode text": UTF-16, tab-separated
    tabbed.write_bytes("STT\tHọ và tên\r\n1\tNguyễn Văn An\r\n".encode("utf-16"))
    assert _refusal(tabbed).params["kind"] == Entry("kind-csv")
    honest = _refusal(hostile.csv_as_xlsx(tmp_path, "danh-sach.csv"))
    assert honest.code == "file-not-workbook"  # named .csv: not "in disguise"
    page = tmp_path / "export.html"
    page.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    assert _refusal(page).message("en") == (
        "This is not an Excel or OpenDocument workbook (HTML web page)."
    )
    assert (
        _refusal(page).message("vi")
        == "Tệp này không phải bảng tính Excel hoặc ODS (trang web HTML)."
    )


@pytest.mark.parametrize(
    ("head", "en", "vi"),
    [
        (b"%PDF-1.7\n", "(a PDF document)", "(một tệp PDF)"),
        (b"PK\x05\x06" + bytes(18), "(an empty zip archive)", "(một tệp nén zip rỗng)"),
        (
            bytes(range(256)) * 4,
            "(unrecognised binary content)",
            "(nội dung nhị phân không nhận dạng được)",
        ),
    ],
)
def test_what_a_refused_file_is_reads_in_both_languages(
    tmp_path: Path, head: bytes, en: str, vi: str
) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(head)
    refused = _refusal(path)
    assert refused.code == "file-not-workbook"
    assert refused.message("en").endswith(en + ".")
    assert refused.message("vi").endswith(vi + ".")


def test_missing_path_and_directory(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "absent.xlsx").code == "file-not-found"
    assert _refusal(tmp_path).code == "file-not-found"


def test_sheet_too_large_names_the_sheet_and_the_cell(tmp_path: Path) -> None:
    error = _refusal(hostile.stray_cell_xlsx(tmp_path, dimension="A1:G2"))
    assert error.params == {
        "sheet": "Danh sách",
        "rows": "1,048,576",
        "columns": "16,384",
        "last_cell": "XFD1048576",
    }
    ods = _refusal(hostile.wide_ods(tmp_path))
    assert ods.params["sheet"] == "Rộng"
    assert ods.params["columns"] == "60,000"


def test_bombs_are_measured_not_trusted(tmp_path: Path) -> None:
    # Declared sizes honest: refused from the central directory, nothing inflated.
    assert "GB" in _refusal(hostile.bomb_xlsx(tmp_path)).params["size"]
    # Declared sizes lying: the stream is measured; the budget stops it too.
    small = hostile.bomb_xlsx(tmp_path, inflated=3 * hostile.MiB, honest_sizes=False)
    with zipfile.ZipFile(small) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size == 1234
    assert _refusal(small, Limits(max_uncompressed_bytes=hostile.MiB)).code == "file-too-large"


def test_limits_are_configurable(tmp_path: Path) -> None:
    path = hostile.stray_cell_xlsx(tmp_path, ref="E101", dimension="A1:G2")
    assert inspect_file(path) == "xlsx"
    assert inspect_file(path, Limits(max_rows=101)) == "xlsx"
    assert _refusal(path, Limits(max_rows=100)).params["last_cell"] == "E101"
    assert _refusal(path, Limits(max_columns=4)).params["last_cell"] == "E1"  # the header
    assert inspect_file(path, Limits(max_columns=7)) == "xlsx"


def test_far_empty_cells_and_lying_dimension_are_harmless(tmp_path: Path) -> None:
    # Measured: python-calamine reads these fine (formatting reaching far, or a bogus <dimension>).
    rows = hostile._xlsx_row(1, hostile.HEADER)
    rows += '<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1"/></row>'
    styled = hostile._write_xlsx(tmp_path / "styled.xlsx", hostile._xlsx_sheet(rows, "A1:G1"))
    dimension = hostile.lying_dimension_xlsx(tmp_path)
    for path in (styled, dimension):
        assert inspect_file(path) == "xlsx"
        assert (
            len(
                python_calamine.CalamineWorkbook.from_path(str(path))
                .get_sheet_by_index(0)
                .to_python()
            )
            <= 2
        )
    assert _refusal(dimension, Limits(check_dimension=True)).code == "sheet-too-large"


@pytest.mark.parametrize("split", range(-14, 3))
def test_references_spanning_chunks_are_found(split: int) -> None:
    xml = hostile._xlsx_sheet(
        hostile._xlsx_row(1, hostile.HEADER) + '<row r="9"><c r="XFD1048576"><v>1</v></c></row>',
        "A1:G1",
    ).encode()
    cut = xml.index(b"XFD1048576") + split
    scanner = SheetScanner(RefScanner(Limits()), "xl/worksheets/sheet1.xml")
    with pytest.raises(Exception, match="XFD1048576"):
        scanner.feed(xml[:cut])
        scanner.feed(xml[cut:])
        scanner.close()


@pytest.mark.parametrize("piece", [5, 17, 4096])
def test_ods_rows_are_followed_across_chunks(tmp_path: Path, piece: int) -> None:
    def feed(path: Path) -> None:
        with zipfile.ZipFile(path) as zf:
            content = zf.read("content.xml")
        scanner = OdsScanner(Limits())
        for at in range(0, len(content), piece):
            scanner.feed(content[at : at + piece])
        scanner.close()

    feed(hostile.normal_ods(tmp_path))  # LibreOffice's empty repeats: fine
    with pytest.raises(TooBig) as caught:
        feed(hostile.repeated_content_ods(tmp_path, rows=3, columns=800))
    assert (caught.value.sheet, caught.value.last_cell) == ("Lặp", "ADT1")


def test_text_that_looks_like_a_reference_is_not_one(tmp_path: Path) -> None:
    rows = hostile._xlsx_row(1, ['ghi chú: r="XFD1048576"', 'r="ZZZ9"'])
    path = hostile._write_xlsx(tmp_path / "text.xlsx", hostile._xlsx_sheet(rows, "A1:B1"))
    assert inspect_file(path) == "xlsx"


ACCEPTED: list[tuple[Builder, str, int]] = [
    (hostile.normal_xlsx, "xlsx", 3),
    (hostile.normal_xls, "xls", 3),
    (hostile.normal_ods, "ods", 3),  # LibreOffice-style empty repeats to XFD1048576
    (hostile.header_only_xlsx, "xlsx", 1),
    (hostile.long_cell_xlsx, "xlsx", 2),
    (hostile.legacy_fonts_xlsx, "xlsx", 4),
    (lambda d: hostile.normal_xlsx(d, "macro.xlsm"), "xlsm", 3),
]


@pytest.mark.parametrize(("build", "kind", "rows"), ACCEPTED)
def test_real_workbooks_are_accepted_and_readable(
    tmp_path: Path, build: Builder, kind: str, rows: int
) -> None:
    path = build(tmp_path)
    assert inspect_file(path) == kind
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    values = sheet.to_python()
    assert len(values) == rows
    assert "STT" in values[0]


def test_long_cell_survives(tmp_path: Path) -> None:
    path = hostile.long_cell_xlsx(tmp_path)
    inspect_file(path)
    values = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    assert len(values.to_python()[1][1]) == 40_000


def test_xlsm_from_content_type(tmp_path: Path) -> None:
    source = hostile.normal_xlsx(tmp_path)
    target = tmp_path / "renamed.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
                )
            zout.writestr(info, data)
    assert inspect_file(target) == "xlsm"


def test_well_formedness_is_checked_apart_and_by_the_reader(tmp_path: Path) -> None:
    """inspect_file(well_formed=False) lets a broken sheet through to the reader, whose
    background check then refuses it; the full guard refuses it at once."""
    from cashless_cli.read.guards import check_well_formed, inspect_data, read_file
    from cashless_cli.read.workbook import Workbook

    good = hostile.normal_xlsx(tmp_path)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</row>", b"</roww>", 1)
            dst.writestr(info, data)
    assert inspect_file(broken, well_formed=False) == "xlsx"
    with pytest.raises(ReadError) as full:
        inspect_file(broken)
    assert full.value.code == "file-truncated"
    data = read_file(broken)
    with pytest.raises(ReadError) as apart:
        check_well_formed(data, broken, inspect_data(data, broken, well_formed=False))
    assert apart.value.params == full.value.params  # one check, run inline or apart
    assert "sheet1.xml is not well-formed XML (line 1)" in apart.value.message("en")
    assert "sheet1.xml sai cấu trúc XML (dòng 1)" in apart.value.message("vi")
    book = Workbook(broken)
    with pytest.raises(ReadError) as lazy:
        book.sheet(book.sheet_names[0])
    assert lazy.value.code == "file-truncated"
    good_data = read_file(good)
    check_well_formed(good_data, good, inspect_data(good_data, good))  # no exception


def test_declarations_cut_into_tiny_chunks_are_found() -> None:
    """The tail carries over short chunks, so "<!DOCTYPE" is found even cut in three."""

    pieces = [b'<?xml version="1.0"?><!DO', b"CT", b"YPE x []><x/>"]
    for scanner in (Scanner(), SheetScanner(RefScanner(Limits()), "xl/worksheets/s.xml")):
        with pytest.raises(Unsafe):
            for piece in pieces:
                scanner.feed(piece)
    xml = hostile._xlsx_sheet(
        hostile._xlsx_row(1, hostile.HEADER) + '<row r="9"><c r="XFD1048576"><v>1</v></c></row>',
        "A1:G1",
    ).encode()
    scanner = SheetScanner(RefScanner(Limits()), "xl/worksheets/sheet1.xml")
    with pytest.raises(TooBig, match="XFD1048576"):
        for at in range(0, len(xml), 5):
            scanner.feed(xml[at : at + 5])


def test_bang_and_f_in_the_text_do_not_hide_anything(tmp_path: Path) -> None:
    """The quick "!" and "f" tests fall back to the full searches where those bytes abound."""
    text = "Chú ý! fff of off: <f>" * 2000
    rows = hostile._xlsx_row(1, hostile.HEADER) + hostile._xlsx_row(2, [text])
    sheet = hostile._xlsx_sheet(rows, "A1:G2")
    ok = hostile._write_xlsx(tmp_path / "ok.xlsx", sheet)
    assert inspect_file(ok) == "xlsx"
    late = sheet.replace("</sheetData>", "</sheetData><!DOCTYPE x>")
    assert _refusal(hostile._write_xlsx(tmp_path / "late.xlsx", late)).code == "xml-unsafe"


def test_inspect_workbook_notes_formulas_per_worksheet(tmp_path: Path) -> None:
    from cashless_cli.read.guards import inspect_workbook

    rows = hostile._xlsx_row(1, hostile.HEADER) + '<row r="2"><c r="G2"><f>F2*2</f></c></row>'
    path = hostile._write_xlsx(tmp_path / "f.xlsx", hostile._xlsx_sheet(rows, "A1:G2"))
    found = inspect_workbook(path)
    assert found.kind == "xlsx"
    assert dict(found.formulas_without_value) == {"xl/worksheets/sheet1.xml": {(1, 6)}}
    assert b"Danh s" in found.workbook_xml
    assert b"worksheets/sheet1.xml" in found.workbook_rels
    assert inspect_workbook(hostile.normal_ods(tmp_path)).formulas_without_value == {}


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda d: hostile.bomb_xlsx(d, honest_sizes=False), "file-too-large"),
        (hostile.corrupt_member_xlsx, "file-truncated"),
        (hostile.truncated_xlsx, "file-truncated"),
        (hostile.entity_bomb_xlsx, "xml-unsafe"),
        (hostile.stray_cell_xlsx, "sheet-too-large"),
    ],
)
def test_a_refusal_leaves_no_thread_behind(tmp_path: Path, build: Builder, code: str) -> None:
    """The pass runs in the caller's thread: nothing is left running after a refusal."""
    import threading

    path = build(tmp_path)
    before = threading.active_count()
    assert _refusal(path).code == code
    assert threading.active_count() == before


def test_every_phrase_a_guard_words_is_in_the_catalogue_in_both_languages() -> None:
    """The kinds and damages a refusal names are catalogue entries, each used by some guard,
    and each reads in both languages with every parameter filled."""
    import re

    import cashless_cli
    from cashless_cli.problems import CATALOGUE

    source = Path(cashless_cli.__file__).parent
    used: set[str] = set()
    for module in source.rglob("*.py"):
        if module.name != "problems.py":
            used |= set(re.findall(r"\"((?:kind|damage)-[a-z0-9-]+)\"", module.read_text()))
    declared = {code for code in CATALOGUE if code.startswith(("kind-", "damage-"))}
    assert used == declared
    params = {"member": "xl/worksheets/sheet1.xml", "line": 3, "text": "bad zip"}
    for code in declared:
        for bare in (False, True):
            phrase = Entry(code, params, bare=bare)
            for lang in ("vi", "en"):
                words = ReadError("file-truncated", "x.xlsx", detail=phrase).message(lang)
                assert "{" not in words and "?" not in words, (code, lang, words)
        assert Entry(code, params).render("vi") != Entry(code, params).render("en") or code in (
            "damage-reader",  # the reader's own (English) words, as it gave them
        ), code
