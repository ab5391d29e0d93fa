"""``cashless template``: the blank roster, filled by a test, validates clean; its layout."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from cashless_cli.cli.template import template as template_command
from cashless_cli.normalise.vocab import Status
from cashless_cli.read.workbook import META_SHEET
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import COLUMNS
from cashless_cli.validation import Options, validate_file
from cashless_cli.write.cells import put
from cashless_cli.write.template import (
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    LIST_TITLE,
    ROSTER_SHEET,
    TemplateError,
    TemplateSpec,
    check_commune,
    default_name,
    workspace_units,
    write_template,
)
from factory import make_rows
from libreoffice import convert

TODAY = dt.date(2026, 11, 25)
JUNE = Month(2023, 6)
KEYS = [c.key for c in COLUMNS]
runner = CliRunner()
# The command as app.py registers it (kept apart from the other commands being built).
app = typer.Typer()
app.command()(template_command)
app.command()(lambda: None)  # a second command keeps the command name in the arguments

WORKSPACE_TOML = """
[district]
name = "Huyện Thử"

[[communes]]
code = "1"
name = "Bình Hòa"

[[communes]]
code = "2"
name = "Bình Thanh"

[[communes]]
code = "3"
name = "Bình Thạnh"

[[communes]]
code = "4"
name = "Châu Ổ"
kind = "thị trấn"
"""


def fill(template: Path, rows: list[dict[str, Any]], out: Path) -> dict[tuple[int, str], str]:
    """Write ``rows`` into the template's cells (through ``put``); return (index, key) → A1."""
    wb = openpyxl.load_workbook(template)
    ws = wb[ROSTER_SHEET]
    cells: dict[tuple[int, str], str] = {}
    for i, row in enumerate(rows):
        for c, key in enumerate(KEYS, start=1):
            cell = ws.cell(FIRST_DATA_ROW + i, c)
            cells[(i, key)] = cell.coordinate
            if row.get(key) is not None:
                put(cell, row[key])
    wb.save(out)
    return cells


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return write_template(TemplateSpec("Bình Hòa", JUNE), tmp_path / "mau.xlsx")


def test_filled_template_validates_clean_with_commune_and_month_from_the_template(
    template: Path, tmp_path: Path
) -> None:
    out = tmp_path / "roster.xlsx"  # a name that says neither commune nor month
    fill(template, make_rows(300), out)
    report = validate_file(out, Options(today=TODAY))
    assert report.error is None
    assert report.issues == []
    assert report.rows == 300 and report.valid_rows == 300
    assert report.sheet == ROSTER_SHEET and report.header_row == HEADER_ROW
    assert report.commune == "Bình Hòa"
    assert report.month == JUNE
    assert set(report.columns) == set(KEYS)


def test_metadata_sheet_is_what_validate_reads_and_wins_over_the_titles(
    template: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(template)
    meta = wb[META_SHEET]
    assert meta.sheet_state == "hidden"
    pairs = {r[0]: r[1] for r in meta.iter_rows(values_only=True)}
    assert pairs["commune"] == "Bình Hòa"
    assert pairs["month"] == "2023-06"
    assert pairs["template_version"] == "1"
    # The title says May: the metadata (June) is what validate believes.
    wb[ROSTER_SHEET]["A4"].value = "Tháng 5 năm 2023"
    wb.save(tmp_path / "t.xlsx")
    fill(tmp_path / "t.xlsx", make_rows(4), tmp_path / "t.xlsx")
    assert validate_file(tmp_path / "t.xlsx", Options(today=TODAY)).month == JUNE


def test_layout_headers_formats_dropdowns_and_print_setup(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == [ROSTER_SHEET, GUIDE_SHEET, META_SHEET]
    ws = wb[ROSTER_SHEET]
    titles = [ws.cell(r, c).value for r in range(1, HEADER_ROW) for c in range(1, 30)]
    assert "UBND XÃ BÌNH HÒA" in titles
    assert LIST_TITLE in titles
    assert "Tháng 6 năm 2023" in titles
    headers = [ws.cell(HEADER_ROW, c).value for c in range(1, len(COLUMNS) + 2)]
    assert headers == [c.header for c in COLUMNS] + [None]
    assert ws.freeze_panes == f"D{FIRST_DATA_ROW}"

    def letter(key: str) -> str:
        return openpyxl.utils.get_column_letter(KEYS.index(key) + 1)

    for key in ("so_dinh_danh", "so_dinh_danh_nguoi_nhan", "dien_thoai", "so_tai_khoan"):
        assert ws.column_dimensions[letter(key)].number_format == "@", key
    for key in ("ngay_cap", "ngay_dang_ky"):
        assert ws.column_dimensions[letter(key)].number_format == "DD/MM/YYYY", key
    # year-only birth dates must not turn into 1905 dates: the birth columns are text
    assert ws.column_dimensions[letter("ngay_sinh")].number_format == "@"
    for key in KEYS:
        width = ws.column_dimensions[letter(key)].width
        assert width and width >= 6, key

    lists = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        lists[str(dv.sqref).split(":")[0]] = dv.formula1.strip('"').split(",")
    first = FIRST_DATA_ROW
    assert lists[f"{letter('gioi_tinh')}{first}"] == ["Nam", "Nữ"]
    assert lists[f"{letter('trang_thai')}{first}"] == [s.value for s in Status]
    assert lists[f"{letter('nguoi_nhan')}{first}"] == [
        "Bản thân",
        "Người giám hộ",
        "Người được ủy quyền",
    ]
    assert "5a" in lists[f"{letter('dien')}{first}"]
    for dv in ws.data_validations.dataValidation:  # Excel repairs longer texts
        assert len(dv.prompt or "") <= 255 and len(dv.promptTitle or "") <= 32
        assert len(dv.error or "") <= 255 and len(dv.errorTitle or "") <= 32

    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_guide_explains_every_column_and_status_in_vietnamese(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    text = "\n".join(
        str(v) for row in wb[GUIDE_SHEET].iter_rows(values_only=True) for v in row if v
    )
    for column in COLUMNS:
        assert column.header in text, column.key
    for status in Status:
        assert status.value in text
    assert "Bắt buộc khi Đã có tài khoản" in text
    # every column has an explanation (the schema's help_vi, or the template's own)
    rows = list(wb[GUIDE_SHEET].iter_rows(values_only=True))
    by_header = {r[1]: r[3] for r in rows if r[1] in {c.header for c in COLUMNS}}
    assert all(by_header[c.header] for c in COLUMNS)


def test_template_xml_has_only_text_cells_for_text(template: Path) -> None:
    with zipfile.ZipFile(template) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and 't="e"' not in xml, name
                assert "<c " in xml


def test_text_that_looks_like_a_formula_stays_text_in_a_filled_template(
    template: Path, tmp_path: Path
) -> None:
    rows = make_rows(4)
    tricky = ["=1+2", "@SUM(1,2)", "+1", "#N/A"]
    for row, text in zip(rows, tricky, strict=True):
        row["ghi_chu"] = text
    cells = fill(template, rows, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")[ROSTER_SHEET]
    for i, text in enumerate(tricky):
        cell = ws[cells[(i, "ghi_chu")]]
        assert (cell.value, cell.data_type) == (text, "s")


def test_default_name_is_ascii() -> None:
    assert default_name("Bình Hòa", JUNE) == "mau-danh-sach-binh-hoa-2023-06.xlsx"
    assert default_name("Châu Ổ", Month(2024, 1)) == "mau-danh-sach-chau-o-2024-01.xlsx"
    assert default_name("Bình Đông", JUNE) == "mau-danh-sach-binh-dong-2023-06.xlsx"


def test_cli_writes_default_name_and_never_overwrites_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["template", "--commune", "Bình Hòa", "--month", "2023-06", "--lang", "vi"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    out = tmp_path / "mau-danh-sach-binh-hoa-2023-06.xlsx"
    assert out.is_file()
    assert "mau-danh-sach-binh-hoa-2023-06.xlsx" in result.output
    out.write_bytes(b"the commune's own work")
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_bytes() == b"the commune's own work"
    result = runner.invoke(app, [*args, "--force"])
    assert result.exit_code == 0
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_cli_output_option_and_bad_month(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    result = runner.invoke(
        app, ["template", "--commune", "Bình Hòa", "--month", "2023-6", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert validate_file(out).error is not None  # blank: no data yet, but it opens
    result = runner.invoke(app, ["template", "--commune", "A", "--month", "June", "-o", str(out)])
    assert result.exit_code == 2
    result = runner.invoke(
        app, ["template", "--commune", "A", "--month", "2023-06", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0
    assert (tmp_path / "mau-danh-sach-a-2023-06.xlsx").is_file()


def test_commune_must_be_a_unit_of_the_workspace(tmp_path: Path) -> None:
    (tmp_path / "cashless.toml").write_text(WORKSPACE_TOML, encoding="utf-8")
    units = workspace_units(tmp_path)
    assert units is not None
    assert check_commune("binh hoa", units, JUNE).commune == "Bình Hòa"
    assert check_commune("BÌNH  HÒA", units, JUNE).commune == "Bình Hòa"
    spec = check_commune("chau o", units, JUNE)
    assert (spec.commune, spec.kind) == ("Châu Ổ", "thị trấn")
    assert check_commune("Bình Thạnh", units, JUNE).commune == "Bình Thạnh"
    with pytest.raises(TemplateError, match=r"Bình Thạnh, Bình Thanh|Bình Thanh, Bình Thạnh"):
        check_commune("binh thanh", units, JUNE)  # two communes fold to the same letters
    with pytest.raises(TemplateError, match="not a commune"):
        check_commune("Bình Mỹ", units, JUNE)
    assert workspace_units(tmp_path / "nowhere") is None
    assert check_commune("Bình Mỹ", None, JUNE).commune == "Bình Mỹ"


def test_cli_checks_the_workspace_and_titles_a_town_as_thi_tran(tmp_path: Path) -> None:
    (tmp_path / "cashless.toml").write_text(WORKSPACE_TOML, encoding="utf-8")
    base = ["template", "--month", "2023-06", "--workspace", str(tmp_path)]
    result = runner.invoke(app, [*base, "--commune", "Xã Lạ", "-o", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 2
    assert not (tmp_path / "a.xlsx").exists()
    out = tmp_path / "b.xlsx"
    result = runner.invoke(app, [*base, "--commune", "chau o", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)[ROSTER_SHEET]
    assert ws["A1"].value == "UBND THỊ TRẤN CHÂU Ổ"
    meta = {r[0]: r[1] for r in openpyxl.load_workbook(out)[META_SHEET].iter_rows(values_only=True)}
    assert meta["commune"] == "Châu Ổ"


@pytest.mark.libreoffice
def test_template_opens_in_libreoffice(template: Path, tmp_path: Path) -> None:
    pdf = convert(template, tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    filled = tmp_path / "filled.xlsx"
    fill(template, make_rows(50), filled)
    assert convert(filled, tmp_path / "pdf").stat().st_size > 0
