"""``cashless validate --annotate``: the roster sent back with its mistakes marked."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine as pc
import typer
import xlsxwriter
import xlwt
from typer.testing import CliRunner

from cashless_cli.cli.validate import validate as validate_command
from cashless_cli.problems import Severity
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import COLUMNS
from cashless_cli.validation import Options, validate_file
from cashless_cli.write.annotate import (
    AUTHOR,
    ERROR_RGB,
    RESULT_SHEET,
    WARNING_RGB,
    AnnotateError,
    annotate_copy,
)
from cashless_cli.write.template import ROSTER_SHEET, TemplateSpec, write_template
from factory import KEYS, Layout, make_rows, write_roster
from libreoffice import convert_many, count_colour, page_pixels, pdf_pages
from test_template import fill

TODAY = dt.date(2026, 11, 25)
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "workspace" / "rosters" / "2023-06"
TRICKY = ["=1+2", "@SUM(1,2)", "+1", "#N/A", '=HYPERLINK("http://x","y")']

runner = CliRunner()
app = typer.Typer()
app.command()(validate_command)
app.command()(lambda: None)  # a second command keeps the command name in the arguments


def fill_rgb(cell: Any) -> str | None:
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    return str(fill.fgColor.rgb)


def sheet_values(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's values as python-calamine (our reader) sees them."""
    book = pc.CalamineWorkbook.from_path(str(path))
    return {
        name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for name in book.sheet_names
    }


def same_values(original: Path, annotated: Path, extra_column: bool = True) -> None:
    """The annotated copy holds the original's sheets, in order, with the same values."""
    before, after = sheet_values(original), sheet_values(annotated)
    assert list(after)[1:] == list(before)
    for name, rows in before.items():
        width = max((len(r) for r in rows), default=0)
        other = after[name]
        assert len(other) >= len(rows)
        for i, row in enumerate(rows):
            padded = list(row) + [""] * (width - len(row))
            got = list(other[i][:width]) + [""] * (width - len(other[i][:width]))
            assert got == padded, (name, i + 1)


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, dict[str, str], set[int]]:
    """A template filled with 300 valid rows, then problems planted at known cells.

    Returns the roster, {cell: "error"|"warning"} planted, and the planted rows.
    """
    template = write_template(TemplateSpec("Bình Hòa", Month(2023, 6)), tmp_path / "mau.xlsx")
    rows = make_rows(300, seed=7)
    plants: list[tuple[int, str, Any, str]] = []
    registered = [i for i, r in enumerate(rows) if r["trang_thai"] == "Đã đăng ký"]
    i0, i1, i2, i3, i4 = registered[3], registered[10], registered[20], registered[40], 250
    ident = rows[i0]["so_dinh_danh"]
    plants.append((i0, "so_dinh_danh", ident[:3] + str(int(ident[3]) ^ 1) + ident[4:], "error"))
    plants.append((i1, "dien_thoai", "0123456789", "error"))
    plants.append((i2, "muc_tro_cap", 123_000, "warning"))
    plants.append((i3, "ngay_dang_ky", dt.date(2023, 7, 15), "error"))
    plants.append((i4, "trang_thai", "Không rõ", "error"))
    plants.append((i1, "ho_ten", None, "error"))  # a second problem on the same row
    for i, key, value, _ in plants:
        rows[i][key] = value
    for i, text in enumerate(TRICKY):  # text that looks like a formula, in clean rows
        rows[100 + i]["ghi_chu"] = text
    out = tmp_path / "roster.xlsx"
    cells = fill(template, rows, out)
    expected = {cells[(i, key)]: severity for i, key, _, severity in plants}
    planted_rows = {int(re.sub(r"\D", "", cells[(i, key)])) for i, key, _, _ in plants}
    return out, expected, planted_rows


def test_marks_exactly_the_planted_cells(
    planted: tuple[Path, dict[str, str], set[int]], tmp_path: Path
) -> None:
    roster, expected, planted_rows = planted
    report = validate_file(roster, Options(today=TODAY))
    assert {p.cell: str(p.severity) for p in report.issues} == expected
    before = hashlib.sha256(roster.read_bytes()).hexdigest()

    out = tmp_path / "marked.xlsx"
    done = annotate_copy(report, out, "vi")
    assert hashlib.sha256(roster.read_bytes()).hexdigest() == before  # original untouched
    assert (done.marked_cells, done.marked_rows, done.rebuilt) == (6, 5, False)

    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == RESULT_SHEET["vi"] and wb.active.title == RESULT_SHEET["vi"]
    ws = wb[ROSTER_SHEET]
    n = len(COLUMNS)
    marked: dict[str, str] = {}
    commented: set[str] = set()
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=n):
        for cell in row:
            rgb = fill_rgb(cell)
            if rgb in (ERROR_RGB, WARNING_RGB):
                marked[cell.coordinate] = "error" if rgb == ERROR_RGB else "warning"
            if cell.comment is not None:
                commented.add(cell.coordinate)
    assert marked == expected
    assert commented == set(expected)
    for address in expected:
        comment = ws[address].comment
        assert comment.author == AUTHOR
        assert "Cách sửa:" in comment.text
        problems = [p for p in report.issues if p.cell == address]
        for p in problems:
            assert p.message("vi") in comment.text and p.hint("vi") in comment.text

    # the mark column: right after the last column, on exactly the planted rows
    mark_col = n + 1
    assert ws.cell(report.header_row, mark_col).value == "Kết quả kiểm tra"
    marks = {
        r: ws.cell(r, mark_col).value
        for r in range(report.header_row + 1, ws.max_row + 1)
        if ws.cell(r, mark_col).value
    }
    assert set(marks) == planted_rows
    assert all(v.startswith("✗ ") for v in marks.values())
    assert any(v == "✗ 2 lỗi" for v in marks.values())  # the row with two errors

    # the result sheet: every problem, a hyperlink to its cell, counts
    result = wb[RESULT_SHEET["vi"]]
    listed = {}
    for row in result.iter_rows():
        if row[0].hyperlink is not None:
            assert row[0].hyperlink.location == f"'{ROSTER_SHEET}'!{row[0].value}"
            listed[row[0].value] = row[5].value
    assert set(listed) == set(expected)
    assert listed[next(iter(expected))] == "id-sex-mismatch"
    facts = {r[0]: r[2] for r in result.iter_rows(values_only=True) if r[0]}
    assert facts["Số đối tượng"] == 300
    assert facts["Số lỗi"] == report.count(Severity.ERROR) == 5
    assert facts["Số cảnh báo"] == 1

    same_values(roster, out)


def test_text_that_looks_like_a_formula_stays_text(
    planted: tuple[Path, dict[str, str], set[int]], tmp_path: Path
) -> None:
    roster, _, _ = planted
    out = tmp_path / "marked.xlsx"
    annotate_copy(validate_file(roster, Options(today=TODAY)), out, "vi")
    ws = openpyxl.load_workbook(out)[ROSTER_SHEET]
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value in TRICKY:
                found[cell.value] = cell.data_type
    assert found == dict.fromkeys(TRICKY, "s")
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and 't="e"' not in xml, name


def test_commune_text_cell_starting_with_equals_survives_load_and_save(tmp_path: Path) -> None:
    """A commune's file (written by Excel-like tools as shared strings) with formula-like text."""
    src = tmp_path / "xw.xlsx"
    rows = make_rows(8, seed=2)
    book = xlsxwriter.Workbook(str(src))
    ws = book.add_worksheet("DS")
    for c, key in enumerate(KEYS):
        ws.write_string(0, c, {k: c_.header for k, c_ in ((c_.key, c_) for c_ in COLUMNS)}[key])
    for r, row in enumerate(rows, start=1):
        for c, key in enumerate(KEYS):
            value = row.get(key)
            if isinstance(value, str):
                ws.write_string(r, c, value)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day))
            elif value is not None:
                ws.write_number(r, c, value)
    note = KEYS.index("ghi_chu")
    for r, text in enumerate(TRICKY, start=1):
        ws.write_string(r, note, text)
    # a formula with its cached result, as Excel saves it: STT = previous + 1
    ws.write_formula(len(rows), 0, f"=A{len(rows) - 1}+1", None, len(rows))
    book.close()
    report = validate_file(src, Options(today=TODAY, month=Month(2023, 6)))
    assert report.error is None
    out = tmp_path / "out.xlsx"
    annotate_copy(report, out, "en")
    wb = openpyxl.load_workbook(out)
    cells = {
        ws_c.value: ws_c.data_type for ws_c in wb["DS"][openpyxl.utils.get_column_letter(note + 1)]
    }
    for text in TRICKY:
        assert cells[text] == "s"
    formula = wb["DS"].cell(len(rows) + 1, 1)
    assert formula.data_type == "f" and formula.value == f"=A{len(rows) - 1}+1"
    # the cached result is kept, so a reader that does not calculate sees the same value
    same_values(src, out)
    assert sheet_values(out)["DS"][len(rows)][0] == float(len(rows))


def test_english_comments_and_result_sheet(
    planted: tuple[Path, dict[str, str], set[int]], tmp_path: Path
) -> None:
    roster, expected, _ = planted
    report = validate_file(roster, Options(today=TODAY))
    out = tmp_path / "en.xlsx"
    annotate_copy(report, out, "en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == RESULT_SHEET["en"]
    address = next(iter(expected))
    comment = wb[ROSTER_SHEET][address].comment.text
    assert "How to fix:" in comment and "Cách sửa" not in comment
    assert report.issues[0].message("en") in comment or any(
        p.message("en") in comment for p in report.issues if p.cell == address
    )


def test_problem_without_a_cell_is_listed_only(tmp_path: Path) -> None:
    layout = Layout(keys=[k for k in KEYS if k != "thon"])
    w = write_roster(tmp_path / "binh_hoa T6.xlsx", make_rows(10), layout)
    report = validate_file(w.path, Options(today=TODAY))
    missing = [p for p in report.issues if p.code == "column-absent"]  # said once, no cell
    assert missing and all(p.cell is None for p in missing)
    out = tmp_path / "out.xlsx"
    done = annotate_copy(report, out, "vi")
    assert done.marked_cells == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["Danh sách"]
    assert not any(fill_rgb(c) in (ERROR_RGB, WARNING_RGB) for row in ws.iter_rows() for c in row)
    codes = [r[5] for r in wb[RESULT_SHEET["vi"]].iter_rows(values_only=True)]
    assert "column-absent" in codes


def test_keeps_formatting_merges_widths_and_other_sheets(tmp_path: Path) -> None:
    rows = make_rows(12, seed=3)
    rows[5]["dien_thoai"] = "0123456789"
    w = write_roster(tmp_path / "binh_hoa T6.xlsx", rows)
    wb = openpyxl.load_workbook(w.path)
    ws = wb["Danh sách"]
    ws.merge_cells("A1:F1")
    ws.column_dimensions["B"].width = 31
    ws["A1"].font = openpyxl.styles.Font(name="Times New Roman", bold=True, size=13)
    other = wb.create_sheet("Tổng hợp")
    other["A1"] = "Ghi chú của xã"
    wb.save(w.path)
    report = validate_file(w.path, Options(today=TODAY))
    out = tmp_path / "out.xlsx"
    annotate_copy(report, out, "vi")
    wb2 = openpyxl.load_workbook(out)
    ws2 = wb2["Danh sách"]
    assert "A1:F1" in {str(r) for r in ws2.merged_cells.ranges}
    assert ws2.column_dimensions["B"].width == 31
    assert ws2["A1"].font.name == "Times New Roman" and ws2["A1"].font.b
    assert wb2["Tổng hợp"]["A1"].value == "Ghi chú của xã"
    assert fill_rgb(ws2[w.cell(5, "dien_thoai")]) == ERROR_RGB
    same_values(w.path, out)
    # annotating the annotated copy again replaces the result sheet, reuses the mark column
    again = tmp_path / "again.xlsx"
    annotate_copy(validate_file(out, Options(today=TODAY)), again, "vi")
    wb3 = openpyxl.load_workbook(again)
    assert wb3.sheetnames.count(RESULT_SHEET["vi"]) == 1
    header = [c.value for c in wb3["Danh sách"][w.header_row]]
    assert header.count("Kết quả kiểm tra") == 1


def test_xls_input_is_rebuilt_as_xlsx_and_says_so(tmp_path: Path) -> None:
    rows = make_rows(10, seed=4)
    rows[6]["trang_thai"] = "Không rõ"
    rows[7]["ghi_chu"] = "=1+2"
    src = tmp_path / "binh_hoa T6.xls"
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("DS")
    ws.write(0, 0, "UBND XÃ BÌNH HÒA")
    ws.write(1, 0, "Tháng 6 năm 2023")
    for c, key in enumerate(KEYS):
        ws.write(3, c, {c_.key: c_.header for c_ in COLUMNS}[key])
    for r, row in enumerate(rows, start=4):
        for c, key in enumerate(KEYS):
            value = row.get(key)
            if isinstance(value, dt.date):
                value = value.strftime("%d/%m/%Y")
            if value is not None:
                ws.write(r, c, value)
    bad_row = 4 + 6  # 0-based sheet row of rows[6]
    book.save(str(src))
    report = validate_file(src, Options(today=TODAY))
    assert report.kind == "xls"
    target = f"{openpyxl.utils.get_column_letter(KEYS.index('trang_thai') + 1)}{bad_row + 1}"
    assert [p.cell for p in report.issues] == [target]
    with pytest.raises(AnnotateError, match=r"\.xlsx"):
        annotate_copy(report, tmp_path / "out.xls", "vi")
    out = tmp_path / "out.xlsx"
    done = annotate_copy(report, out, "vi")
    assert done.rebuilt
    wb = openpyxl.load_workbook(out)
    assert fill_rgb(wb["DS"][target]) == ERROR_RGB
    text = " ".join(
        str(v) for r in wb[RESULT_SHEET["vi"]].iter_rows(values_only=True) for v in r if v
    )
    assert "dựng lại thành .xlsx" in text
    note = wb["DS"].cell(bad_row + 2, KEYS.index("ghi_chu") + 1)
    assert (note.value, note.data_type) == ("=1+2", "s")
    same_values(src, out)


def test_cli_annotate_keeps_exit_codes_and_refuses_misuse(
    planted: tuple[Path, dict[str, str], set[int]], tmp_path: Path
) -> None:
    roster, _, _ = planted
    out = tmp_path / "cli.xlsx"
    result = runner.invoke(app, ["validate", str(roster), "--annotate", str(out), "--lang", "vi"])
    assert result.exit_code == 1, result.output  # errors found, as without --annotate
    assert out.is_file() and "Bản đánh dấu" in result.output
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    clean = write_roster(tmp_path / "clean T6.xlsx", make_rows(5)).path
    result = runner.invoke(app, ["validate", str(clean), "--annotate", str(tmp_path / "c.xlsx")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["validate", str(clean), "--format", "json", "--annotate", str(tmp_path / "j.xlsx")]
    )
    assert result.exit_code == 0 and (tmp_path / "j.xlsx").is_file()

    before = hashlib.sha256(roster.read_bytes()).hexdigest()
    result = runner.invoke(app, ["validate", str(roster), "--annotate", str(roster)])
    assert result.exit_code == 2
    assert hashlib.sha256(roster.read_bytes()).hexdigest() == before

    result = runner.invoke(
        app, ["validate", str(roster), str(clean), "--annotate", str(tmp_path / "x.xlsx")]
    )
    assert result.exit_code == 2 and "--annotate-dir" in result.output
    assert not (tmp_path / "x.xlsx").exists()

    result = runner.invoke(app, ["validate", str(roster), "--annotate", str(tmp_path / "x.ods")])
    assert result.exit_code == 2


def test_cli_annotate_dir_writes_one_copy_per_roster(tmp_path: Path) -> None:
    folder = tmp_path / "rosters"
    folder.mkdir()
    rows = make_rows(6)
    rows[2]["dien_thoai"] = "0123456789"
    write_roster(folder / "binh_hoa T6.xlsx", rows)
    write_roster(folder / "binh_my T6.xlsx", make_rows(6, seed=9), Layout(commune="Bình Mỹ"))
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    out_dir = tmp_path / "marked"
    result = runner.invoke(app, ["validate", str(folder), "--annotate-dir", str(out_dir)])
    assert result.exit_code == 2  # a file could not be read: unchanged
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "binh_hoa T6.kiem-tra.xlsx",
        "binh_my T6.kiem-tra.xlsx",
    ]
    # the copies must not land where the next run would read them as rosters
    result = runner.invoke(app, ["validate", str(folder), "--annotate-dir", str(folder / "x")])
    assert result.exit_code == 2 and not (folder / "x").exists()


def _sample_rosters(tmp_path: Path) -> tuple[list[Path], bool]:
    if SAMPLES.is_dir() and any(SAMPLES.iterdir()):
        return sorted(p for p in SAMPLES.iterdir() if p.is_file()), True
    rows = make_rows(40)
    rows[3]["so_dinh_danh"] = rows[3]["so_dinh_danh"][:3] + "9" + rows[3]["so_dinh_danh"][4:]
    rows[6]["muc_tro_cap"] = 1000
    return [write_roster(tmp_path / "binh_hoa T6.xlsx", rows).path], False


@pytest.mark.libreoffice
@pytest.mark.slow
def test_annotated_sample_rosters_open_in_libreoffice_and_show_the_marks(tmp_path: Path) -> None:
    inputs, _ = _sample_rosters(tmp_path)
    outs = []
    for i, path in enumerate(inputs):
        report = validate_file(path)
        if report.error is not None:
            continue
        out = tmp_path / "marked" / f"{i:02d}.xlsx"
        out.parent.mkdir(exist_ok=True)
        annotate_copy(report, out, "vi")
        outs.append((out, report))
    assert outs
    pdfs = convert_many([o for o, _ in outs], tmp_path / "pdf")
    red = (0xFF, 0x80, 0x80)
    for pdf, (_, report) in zip(pdfs, outs, strict=True):
        assert pdf.read_bytes().startswith(b"%PDF")
        if report.count(Severity.ERROR):
            _, _, first = page_pixels(pdf, 1)
            assert count_colour(first, red) > 20, pdf.name  # the result list's marks
            pages = pdf_pages(pdf)
            assert any(
                count_colour(page_pixels(pdf, p)[2], red) > 20 for p in range(2, pages + 1)
            ), f"{pdf.name}: no red cell on the roster's pages"


def test_cli_language_defaults_to_cashless_lang(tmp_path: Path) -> None:
    rows = make_rows(6)
    rows[2]["dien_thoai"] = "0123456789"
    w = write_roster(tmp_path / "binh_hoa T6.xlsx", rows)
    out = tmp_path / "en.xlsx"
    result = runner.invoke(
        app, ["validate", str(w.path), "--annotate", str(out)], env={"CASHLESS_LANG": "en"}
    )
    assert result.exit_code == 1, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == RESULT_SHEET["en"]
    assert "How to fix:" in wb["Danh sách"][w.cell(2, "dien_thoai")].comment.text
