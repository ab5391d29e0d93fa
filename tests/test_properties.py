"""Nothing lost: over random roster layouts, every data row is counted exactly once and every
ID, phone, account and name comes back as it was written; the input file is never modified.

Layouts vary the header position (row 1 to 12), title rows, the numbering row, blank rows between
beneficiaries, totals and signature rows, IDs and phones stored as numbers, dates as dates, text,
Excel serials or bare years, the column order, header spellings (aliases, line breaks, no
diacritics) and names typed in TCVN3 under a ``.VnTime`` font.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from cashless_cli.normalise.legacy import encode_tcvn3
from cashless_cli.validation import Options, validate_file
from factory import HEADERS, KEYS, Layout, make_rows, write_roster

TODAY = dt.date(2026, 11, 25)
EPOCH = dt.date(1899, 12, 30)

#: Other ways communes write a header (aliases, line breaks, no diacritics, capitals).
HEADER_VARIANTS: dict[str, list[str]] = {
    "ho_ten": ["Họ tên", "Ho va ten", "HỌ VÀ TÊN", "Họ và\ntên"],
    "ngay_sinh": ["Ngày tháng năm sinh", "Ngay sinh", "Năm sinh"],
    "gioi_tinh": ["Nam/Nữ", "Gioi tinh"],
    "so_dinh_danh": ["Số CCCD", "Số\nCCCD", "So CCCD", "Số định danh cá nhân"],
    "thon": ["Thôn", "THÔN", "Thon/To dan pho"],
    "dien_thoai": ["SĐT", "Số điện thoại", "So dien thoai"],
    "so_tai_khoan": ["So tai khoan"],
}


@st.composite
def layouts(draw: st.DrawFn) -> dict[str, Any]:
    title = draw(st.booleans())
    keys = list(KEYS)
    order = draw(st.permutations(keys[1:]))  # STT stays first, as every commune writes it
    headers = {
        key: draw(st.sampled_from([HEADERS[key], *variants]))
        for key, variants in HEADER_VARIANTS.items()
    }
    return {
        "n": draw(st.integers(1, 25)),
        "seed": draw(st.integers(0, 10_000)),
        "layout": Layout(
            title=title,
            blank_before_header=draw(st.integers(0, 8)),  # header row 4..12 with titles, else 1
            numbering=draw(st.booleans()),
            total=draw(st.booleans()),
            signature=draw(st.booleans()),
            ids_as_numbers=draw(st.booleans()),
            text_dates=draw(st.booleans()),
            keys=["stt", *order],
            headers=headers,
        ),
        "blank_rows": draw(st.lists(st.integers(0, 24), max_size=4, unique=True)),
        "serial_dates": draw(st.booleans()),
        "tcvn3": draw(st.booleans()),
    }


def _write(path: Path, spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = make_rows(spec["n"], seed=spec["seed"])
    layout: Layout = spec["layout"]
    written = write_roster(path, rows, layout)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    rng = random.Random(spec["seed"])
    for i in range(len(rows)):
        if spec["serial_dates"] and rng.random() < 0.5:
            ref = written.cell(i, "ngay_sinh")
            value = ws[ref].value
            if isinstance(value, dt.datetime):
                ws[ref].value = (value.date() - EPOCH).days
                ws[ref].number_format = "General"
        if spec["tcvn3"]:
            ref = written.cell(i, "ho_ten")
            ws[ref].value = encode_tcvn3(rows[i]["ho_ten"])
            ws[ref].font = Font(name=".VnTime")
    # blank rows between beneficiaries (from the bottom, so earlier positions stay put)
    for index in sorted((b for b in spec["blank_rows"] if 0 < b < len(rows)), reverse=True):
        ws.insert_rows(written.first_data_row + index)
    wb.save(path)
    return rows


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=layouts())
def test_every_row_is_counted_once_and_no_digit_is_lost(
    spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("prop") / "binh_hoa T6.xlsx"
    rows = _write(path, spec)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    report = validate_file(path, Options(today=TODAY))

    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # read-only
    assert report.error is None, report.error.message("en")
    assert report.rows == len(rows), [(p.code, p.cell) for p in report.problems][:20]
    assert report.rows == report.valid_rows + report.rows_with_errors
    assert len({r.row for r in report.records}) == len(rows)  # each sheet row once
    data = [r.data for r in report.records]
    assert [d.so_dinh_danh for d in data] == [r["so_dinh_danh"] for r in rows]
    assert [d.dien_thoai for d in data] == [r.get("dien_thoai") for r in rows]
    assert [d.so_tai_khoan for d in data] == [r.get("so_tai_khoan") for r in rows]
    assert [unicodedata.normalize("NFC", d.ho_ten or "") for d in data] == [
        unicodedata.normalize("NFC", r["ho_ten"]) for r in rows
    ]
    # the rows are valid by construction: nothing may be reported as an error
    errors = [(p.code, p.cell, p.value) for p in report.issues if p.severity == "error"]
    assert errors == []
