"""``--annotate`` refuses a workbook whose merged cells would make openpyxl take gigabytes or
minutes (one ``A1:XFD1048576`` merge, 50,000 nested merges, too many merges), naming the file,
the sheet and the range, with exit 2 and no copy written; validation without ``--annotate``
still reads the same files. Each file goes through the real CLI in a child process with a
timeout and a 2 GiB address-space cap."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
import xlwt

from cashless_cli.read.guards.merges import MergeLimits, merge_verdict
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

SHEET = "Danh sách"


def _with_merges(directory: Path, name: str, merges: str) -> Path:
    """A 10-row roster whose sheet XML carries ``merges`` (the <mergeCells> element as text)."""
    source = write_roster(directory / f"src-{name}", make_rows(10, seed=51), Layout()).path
    path = directory / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<mergeCells.*?</mergeCells>", b"", data)
                data = data.replace(b"</sheetData>", b"</sheetData>" + merges.encode(), 1)
            dst.writestr(item.filename, data)
    source.unlink()
    return path


def _cells(refs: list[str]) -> str:
    return (
        f'<mergeCells count="{len(refs)}">'
        + "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
        + "</mergeCells>"
    )


def whole_sheet(directory: Path) -> Path:
    return _with_merges(directory, "whole-sheet.xlsx", _cells(["A1:XFD1048576"]))


def nested(directory: Path) -> Path:
    """50,000 nested merges down column Z (Z1:Z2, Z1:Z3, …)."""
    return _with_merges(directory, "nested.xlsx", _cells([f"Z1:Z{n}" for n in range(2, 50_002)]))


def many(directory: Path) -> Path:
    """12,000 disjoint two-cell merges beside the data: few cells, but too many ranges."""
    refs = [f"AA{2 * n + 1}:AA{2 * n + 2}" for n in range(12_000)]
    return _with_merges(directory, "many.xlsx", _cells(refs))


def disguised(directory: Path) -> Path:
    """The whole-sheet merge written with a namespace prefix, and spaces."""
    merges = (
        '<x:mergeCells xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        '   count = "1" ><x:mergeCell    ref = "A1:XFD1048576"   /></x:mergeCells>'
    )
    return _with_merges(directory, "disguised.xlsx", merges)


def big_xls(directory: Path) -> Path:
    """An .xls (rebuilt for annotating) with one merge over 65,536 rows × 40 columns."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DS")
    rows = make_rows(6, seed=52)
    keys = ["ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "thon", "dien", "muc_tro_cap"]
    headers = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn", "Diện", "Mức trợ cấp"]
    for c, header in enumerate(headers):
        sheet.write(0, c, header)
    for r, row in enumerate(rows, start=1):
        for c, key in enumerate(keys):
            value = row[key]
            sheet.write(r, c, value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value)
    sheet.write_merge(10, 65535, 10, 49, "")
    path = directory / "big-merge.xls"
    book.save(str(path))
    return path


#: (builder, sheet, range named, why in English)
HOSTILE = [
    (whole_sheet, SHEET, "A1:XFD1048576", "one merged range covers 17,179,869,184 cells"),
    (nested, SHEET, "Z1:Z", "in all"),
    (many, SHEET, "AA20001:AA20002", "more than 10,000 merged ranges"),
    (disguised, SHEET, "A1:XFD1048576", "one merged range covers"),
    (big_xls, "DS", "K11:AX65536", "one merged range covers 2,621,040 cells"),
]


def test_the_rule_stops_at_the_first_broken_limit() -> None:
    limits = MergeLimits(max_cells_one=100, max_cells_total=150, max_ranges=3)
    assert merge_verdict([(0, 0, 9, 9)], limits) is None  # 100 cells: at the limit
    assert merge_verdict([(0, 0, 9, 10)], limits) == ("one", "A1:K10", 110, 100)
    assert merge_verdict([(0, 0, 9, 9), (0, 1, 9, 5)], limits) is None  # 150 in all: at the limit
    assert merge_verdict([(0, 0, 9, 9), (20, 0, 25, 9)], limits) == ("total", "A21:J26", 160, 150)
    assert merge_verdict([(i, 0, i, 0) for i in range(4)], limits) == ("count", "A4:A4", 4, 3)

    def endless():  # type: ignore[no-untyped-def]
        i = 0
        while True:
            yield (i, 0, i, 1)
            i += 1

    assert merge_verdict(endless(), limits) is not None  # stops without reading everything


@pytest.mark.parametrize("case", HOSTILE, ids=lambda c: c[0].__name__)
def test_annotate_refuses_and_validation_still_reads(tmp_path: Path, case: tuple) -> None:  # type: ignore[type-arg]
    build, sheet, ref, why = case
    path = build(tmp_path)
    out = tmp_path / "annotated.xlsx"
    run = run_cli("validate", path, "--annotate", out, timeout=60)
    assert run.returncode == 2, run.describe()
    assert not run.timed_out and "Traceback" not in run.output, run.describe()
    text = " ".join(run.output.split())
    assert path.name in text and f"'{sheet}'" in text and ref in text and why in text, text
    assert not out.exists()
    run = run_cli("validate", path, "--format", "json", timeout=60)
    assert run.returncode in (0, 1), run.describe()
    report = json.loads(run.stdout)["files"][0]
    assert (report["rows"] >= 6 and "error" not in report) or report.get("error") is None, report


def test_a_roster_with_ordinary_merges_is_annotated(tmp_path: Path) -> None:
    refs = [f"AA{2 * n + 1}:AB{2 * n + 2}" for n in range(500)]  # beside the data
    path = _with_merges(tmp_path, "ordinary.xlsx", _cells(refs))
    out = tmp_path / "annotated.xlsx"
    run = run_cli("validate", path, "--annotate", out, timeout=60)
    assert run.returncode in (0, 1), run.describe()
    assert out.exists()
