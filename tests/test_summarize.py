"""`cashless summarize`: the district's monthly rate table, on a copy of the sample workspace."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow.parquet as pq
import pytest

from cashless_cli.dataset.figures import rate_of
from cashless_cli.validation import validate_file
from cli_helpers import Run, run_cli
from factory import Layout, make_rows, write_roster
from libreoffice import convert, pdf_pages

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "workspace"
EXPECTED = json.loads((REPO / "samples" / "expected.json").read_text(encoding="utf-8"))
JUNE = SAMPLE / "rosters" / "2023-06"
DISPATCH = {
    "Bình Hòa": 13.37,
    "Bình Minh": 11.03,
    "Bình Chánh": 8.49,
    "Bình Thạnh": 5.98,
    "Bình An": 5.15,
}
TIMEOUT = 120.0


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A private copy of the sample workspace (never write into samples/)."""
    target = tmp_path / "ws"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".cashless", "reports"))
    return target


def summarize(ws: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    return run_cli("summarize", "--workspace", ws, *args, timeout=TIMEOUT, env=env)


def summarize_json(ws: Path, *args: str, exit_code: int = 0) -> dict[str, Any]:
    run = summarize(ws, "--format", "json", *args)
    assert run.returncode == exit_code, run.describe()
    doc: dict[str, Any] = json.loads(run.stdout)  # stdout holds the JSON and nothing else
    return doc


def by_name(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in doc["communes"]}


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def test_rate_is_rounded_half_up_from_integers() -> None:
    assert rate_of(48, 359) == Decimal("13.37")
    assert rate_of(1, 800) == Decimal("0.13")  # 0.125: a float round() gives 0.12
    assert rate_of(1, 8) == Decimal("12.50")
    assert rate_of(2, 3) == Decimal("66.67")
    assert rate_of(0, 10) == Decimal("0.00")
    assert rate_of(5, 5) == Decimal("100.00")
    assert rate_of(1, 0) is None


def test_june_reproduces_the_dispatch(ws: Path) -> None:
    doc = summarize_json(ws, "--month", "2023-06")
    assert doc["month"] == "2023-06"
    communes = by_name(doc)
    assert len(communes) == 22
    assert all(c["reported"] for c in communes.values()), "nothing may be missing"
    for name, rate in DISPATCH.items():
        assert communes[name]["rate"] == rate, name
    others = [c for n, c in communes.items() if n not in DISPATCH]
    assert len(others) == 17 and all(c["rate"] < 5 for c in others)
    # every commune's figures are the generator's, sorted by rate, highest first
    files = EXPECTED["months"]["2023-06"]["files"]
    for filename, want in files.items():
        got = communes[want["commune"]]
        assert got["file"] == filename
        assert (got["total"], got["registered"], got["with_account"], got["refused"]) == (
            want["rows"],
            want["registered"],
            want["with_account"],
            want["refused"],
        )
        assert got["rate"] == EXPECTED["rates"]["2023-06"][want["commune"]]
    rates = [c["rate"] for c in doc["communes"]]
    assert rates == sorted(rates, reverse=True)
    # rows with errors are counted and said: the planted errors
    for want in files.values():
        planted_errors = {p["cell"] for p in want["planted"] if p["severity"] == "error"}
        rows = {re.sub(r"[A-Z]+", "", cell) for cell in planted_errors}
        assert communes[want["commune"]]["errors"] == len(rows), want["commune"]


def test_totals_equal_the_rows_of_the_rosters(ws: Path) -> None:
    doc = summarize_json(ws, "--month", "2023-06")
    rows_by_file = {p.name: validate_file(p).rows for p in (ws / "rosters" / "2023-06").iterdir()}
    assert sum(c["total"] for c in doc["communes"]) == doc["district"]["total"]
    assert doc["district"]["total"] == sum(rows_by_file.values()) == 7779
    for c in doc["communes"]:
        assert c["total"] == rows_by_file[c["file"]]
    assert doc["district"]["registered"] == sum(c["registered"] for c in doc["communes"])
    assert doc["district"]["rate"] == float(rate_of(doc["district"]["registered"], 7779) or 0)
    frame = pq.read_table(ws / "reports" / "2023-06" / "dataset-2023-06.parquet").to_pandas()
    assert len(frame) == 7779
    assert frame.groupby("commune")["so_dinh_danh"].size().to_dict() == {
        c["name"]: c["total"] for c in doc["communes"]
    }
    # personal numbers are strings with their leading zeros
    schema = pq.read_schema(ws / "reports" / "2023-06" / "dataset-2023-06.parquet")
    for column in ("so_dinh_danh", "dien_thoai", "so_tai_khoan", "so_dinh_danh_nguoi_nhan"):
        assert str(schema.field(column).type) in ("string", "large_string"), column
    ids = frame["so_dinh_danh"].dropna()
    cccd = ids[ids.str.len() == 12]
    assert len(cccd) > 5000 and cccd.str.startswith("0").all()  # CCCDs start with 0


def test_cross_commune_duplicate_is_reported_everywhere(ws: Path) -> None:
    doc = summarize_json(ws, "--month", "2023-06")
    want = EXPECTED["cross_commune_duplicates"][0]
    dups = doc["cross_commune_duplicates"]
    assert [d["id"] for d in dups] == [want["id"]]
    assert sorted([p["file"], p["cell"]] for p in dups[0]["places"]) == sorted(want["files"])
    text = summarize(ws, "--month", "2023-06")
    assert text.returncode == 0, text.describe()
    for filename, cell in want["files"]:
        assert filename in text.stdout and cell in text.stdout
    assert want["id"] not in text.stdout  # masked on the terminal by default
    wb = openpyxl.load_workbook(ws / "reports" / "2023-06" / "bang-tong-hop-2023-06.xlsx")
    notes = " ".join(str(c.value) for row in wb.worksheets[0].iter_rows() for c in row if c.value)
    for filename, cell in want["files"]:
        assert f"tệp {filename}, ô {cell}" in notes


def test_missing_roster_is_not_reported_and_the_command_succeeds(ws: Path) -> None:
    (ws / "rosters" / "2023-06" / "binh_hoa T6.xlsx").unlink()
    run = summarize(ws, "--month", "2023-06", "--format", "json")
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    hoa = by_name(doc)["Bình Hòa"]
    assert hoa["reported"] is False and hoa["rate"] is None and hoa["total"] is None
    assert doc["communes"][-1]["name"] == "Bình Hòa"  # not reported: at the end
    assert doc["district"]["reported"] == 21
    assert doc["district"]["total"] == 7779 - 359
    assert by_name(doc)["Bình Minh"]["rate"] == 11.03
    text = summarize(ws, "--month", "2023-06")
    assert "not reported" in text.stdout and "Bình Hòa" in text.stdout
    wb = openpyxl.load_workbook(ws / "reports" / "2023-06" / "bang-tong-hop-2023-06.xlsx")
    rows = [[c.value for c in row] for row in wb.worksheets[0].iter_rows()]
    hoa_row = next(r for r in rows if r[1] == "Bình Hòa")
    assert hoa_row[2] is None and hoa_row[8] == "Chưa báo cáo"


def test_unreadable_roster_is_marked_with_its_reason(ws: Path) -> None:
    (ws / "rosters" / "2023-06" / "binh_hoa T6.xlsx").write_bytes(b"this is not a workbook")
    doc = summarize_json(ws, "--month", "2023-06", exit_code=1)  # written, but look at Bình Hòa
    hoa = by_name(doc)["Bình Hòa"]
    assert hoa["reported"] is False and hoa["file"] == "binh_hoa T6.xlsx"
    assert hoa["unreadable"]["code"] and hoa["unreadable"]["message"]
    wb = openpyxl.load_workbook(ws / "reports" / "2023-06" / "bang-tong-hop-2023-06.xlsx")
    rows = [[c.value for c in row] for row in wb.worksheets[0].iter_rows()]
    hoa_row = next(r for r in rows if r[1] == "Bình Hòa")
    assert str(hoa_row[8]).startswith("Không đọc được danh sách")


# ---------------------------------------------------------------------------------------------
# Matching and exit codes
# ---------------------------------------------------------------------------------------------


def test_two_files_for_one_commune_is_an_error_naming_both(ws: Path) -> None:
    june = ws / "rosters" / "2023-06"
    # an edited version (a byte-identical copy is the same list: used once, see test_trial_money)
    wb = openpyxl.load_workbook(june / "binh_hoa T6.xlsx")
    sheet = wb.worksheets[0]
    sheet.cell(sheet.max_row + 2, 1, "Người lập biểu")
    wb.save(june / "binh hoa T6 (ban sua).xlsx")
    run = summarize(ws, "--month", "2023-06")
    assert run.returncode == 2, run.describe()
    assert "binh_hoa T6.xlsx" in run.stderr and "binh hoa T6 (ban sua).xlsx" in run.stderr
    assert "Bình Hòa" in run.stderr
    assert not (ws / "reports").exists()  # nothing written


def test_a_file_matching_no_commune_is_an_error(ws: Path) -> None:
    write_roster(
        ws / "rosters" / "2023-06" / "danh sach moi.xlsx",
        make_rows(5),
        Layout(commune="Tịnh Khê"),
    )
    run = summarize(ws, "--month", "2023-06")
    assert run.returncode == 2, run.describe()
    assert "danh sach moi.xlsx" in run.stderr and "matches no commune" in run.stderr


def test_no_rosters_for_the_month_and_bad_month(ws: Path) -> None:
    run = summarize(ws, "--month", "2023-07")
    assert run.returncode == 2 and "No rosters for 2023-07" in run.stderr
    assert summarize(ws, "--month", "June").returncode == 2
    assert run_cli("summarize", "--workspace", ws / "nowhere").returncode == 2


def test_month_forms_and_default_latest(ws: Path) -> None:
    latest = summarize_json(ws)
    assert latest["month"] == "2023-06"
    assert summarize_json(ws, "--month", "06/2023")["month"] == "2023-06"


# ---------------------------------------------------------------------------------------------
# History and change
# ---------------------------------------------------------------------------------------------


def read_history(ws: Path) -> list[dict[str, str]]:
    with (ws / ".cashless" / "history.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_change_against_previous_month_and_history_replaced_not_duplicated(ws: Path) -> None:
    may = summarize_json(ws, "--month", "2023-05")
    assert may["previous_month"] is None
    assert all(c["change"] is None for c in may["communes"])
    june = summarize_json(ws, "--month", "2023-06")
    assert june["previous_month"] == "2023-05"
    rates = EXPECTED["rates"]
    for c in june["communes"]:
        want = Decimal(str(rates["2023-06"][c["name"]])) - Decimal(str(rates["2023-05"][c["name"]]))
        assert Decimal(str(c["change"])) == want, c["name"]
    summarize_json(ws, "--month", "2023-06")
    lines = read_history(ws)
    assert sum(1 for x in lines if x["month"] == "2023-06") == 22
    assert sum(1 for x in lines if x["month"] == "2023-05") == 22
    hoa = next(x for x in lines if x["month"] == "2023-06" and x["name"] == "Bình Hòa")
    assert (hoa["total"], hoa["registered"]) == ("359", "48")


def test_earlier_month_without_history_is_computed_for_the_change(ws: Path) -> None:
    doc = summarize_json(ws, "--month", "2023-06")  # May never summarized before
    assert doc["previous_month"] == "2023-05"
    assert by_name(doc)["Bình Hòa"]["change"] == 1.95  # 13.37 - 11.42
    assert {x["month"] for x in read_history(ws)} == {"2023-05", "2023-06"}


# ---------------------------------------------------------------------------------------------
# Files: the same twice, inputs untouched, the workbook itself
# ---------------------------------------------------------------------------------------------


def _sheet_without_stamp(data: bytes) -> dict[str, bytes]:
    """The members of an xlsx, with the "generated at" cell's value blanked."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            body = z.read(name)
            if name == "xl/worksheets/sheet1.xml":
                body = re.sub(rb'(<c r="D\d+" s="\d+"[^>]*><v>)[0-9.]+(</v>)', rb"\1\2", body)
                # the stamp as an office writes it (text, "05/07/2023 05:00"), never ###
                stamp = rb'(<c r="D\d+"[^>]*><is><t>)\d\d/\d\d/\d{4} \d\d:\d\d(</t>)'
                body = re.sub(stamp, rb"\1\2", body)
            out[name] = body
    return out


def test_twice_gives_the_same_files_and_inputs_are_untouched(ws: Path) -> None:
    before = hashes(ws / "rosters")
    first = summarize(ws, "--month", "2023-06", env={"SOURCE_DATE_EPOCH": "1688533200"})
    assert first.returncode == 0, first.describe()
    out = ws / "reports" / "2023-06"
    one = {p.name: p.read_bytes() for p in out.iterdir()}
    history_one = (ws / ".cashless" / "history.csv").read_bytes()
    second = summarize(ws, "--month", "2023-06")  # the clock this time
    assert second.returncode == 0, second.describe()
    two = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(one) == ["bang-tong-hop-2023-06.xlsx", "dataset-2023-06.parquet"]
    assert one["dataset-2023-06.parquet"] == two["dataset-2023-06.parquet"]
    assert (ws / ".cashless" / "history.csv").read_bytes() == history_one
    xa, xb = one["bang-tong-hop-2023-06.xlsx"], two["bang-tong-hop-2023-06.xlsx"]
    assert xa != xb  # the "generated at" cell differs ...
    assert _sheet_without_stamp(xa) == _sheet_without_stamp(xb)  # ... and nothing else
    third = summarize(ws, "--month", "2023-06", env={"SOURCE_DATE_EPOCH": "1688533200"})
    assert third.returncode == 0
    assert (out / "bang-tong-hop-2023-06.xlsx").read_bytes() == xa  # byte for byte
    assert hashes(ws / "rosters") == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left
    assert (out / "dataset-2023-06.parquet").stat().st_mode & 0o077 == 0  # personal data


def test_workbook_is_an_official_annex(ws: Path) -> None:
    assert summarize(ws, "--month", "2023-06").returncode == 0
    wb = openpyxl.load_workbook(ws / "reports" / "2023-06" / "bang-tong-hop-2023-06.xlsx")
    ws1 = wb.worksheets[0]
    texts = [str(c.value) for row in ws1.iter_rows() for c in row if c.value is not None]
    for want in (
        "UBND HUYỆN BÌNH SƠN",
        "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tháng 6 năm 2023",
        "NGƯỜI LẬP BIỂU",
    ):
        assert want in texts, want
    rows = [[c.value for c in row] for row in ws1.iter_rows()]
    first = next(i for i, r in enumerate(rows) if r[0] == 1)
    assert rows[first][1:8] == ["Bình Hòa", 359, 48, 24, 7, 13.37, 1.95]
    assert "1 dòng lỗi" in rows[first][8]
    total = next(r for r in rows if str(r[0]).startswith("Tổng cộng"))
    assert total[2] == 7779 and total[6] == 4.47
    assert int(ws1.page_setup.paperSize) == 9  # A4
    assert ws1.sheet_properties.pageSetUpPr.fitToPage and ws1.page_setup.fitToWidth == 1
    fonts = {c.font.name for row in ws1.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    assert ws1.cell(first + 1, 7).number_format == "[$-42A]0.00"  # Vietnamese: "13,37"
    charts = wb.worksheets[1]._charts
    assert [type(c).__name__ for c in charts] == ["BarChart", "LineChart"]
    # each month a dot: a workspace's first month is one point, which a bare line never draws
    assert charts[1].series[0].marker.symbol == "circle"
    assert wb.properties.created.year == 2023 and wb.properties.creator == "cashless"


@pytest.mark.libreoffice
def test_rate_table_opens_in_libreoffice(ws: Path, tmp_path: Path) -> None:
    assert summarize(ws, "--month", "2023-06").returncode == 0
    pdf = convert(ws / "reports" / "2023-06" / "bang-tong-hop-2023-06.xlsx", tmp_path / "pdf")
    assert pdf_pages(pdf) == 2  # the table and its signatures on one page, the charts (the
    # months behind the line chart are a hidden sheet: not printed)


@pytest.mark.parametrize(
    ("sample", "month", "word"),
    [
        ("workspace", "2023-06", "Xã, thị trấn"),
        ("commune-2025", "2025-08", "Xã, phường, đặc khu"),  # since July 2025: no more thị trấn
    ],
)
def test_the_rate_tables_unit_column_is_named_for_its_time(
    tmp_path: Path, sample: str, month: str, word: str
) -> None:
    import subprocess
    import sys

    import openpyxl

    ws = tmp_path / "ws"
    shutil.copytree(Path(__file__).resolve().parents[1] / "samples" / sample, ws)
    run = subprocess.run(
        [sys.executable, "-m", "cashless_cli", "summarize", "-w", str(ws), "--month", month],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    sheet = openpyxl.load_workbook(
        ws / "reports" / month / f"bang-tong-hop-{month}.xlsx"
    ).worksheets[0]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "STT")
    assert header[1] == word
