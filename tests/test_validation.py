"""The whole read → header → normalise → validate path on workbooks built here."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest

from cashless_cli.schema.month import Month
from cashless_cli.validation import Options, validate_file
from factory import Layout, make_rows, write_roster

TODAY = dt.date(2026, 11, 25)


def codes_at(report, cell: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.code for p in report.issues if p.cell == cell}


def test_clean_roster_has_no_issue_and_counts_every_row(tmp_path: Path) -> None:
    rows = make_rows(60)
    w = write_roster(tmp_path / "binh_hoa T6.xlsx", rows)
    report = validate_file(w.path, Options(today=TODAY))
    assert report.error is None
    assert report.issues == []
    assert report.rows == 60 and report.valid_rows == 60
    assert report.header_row == w.header_row
    assert report.commune == "Bình Hòa"
    assert report.month == Month(2023, 6)
    assert report.skipped == {"numbering": 1, "total": 1, "signature": 3}


def test_input_file_is_never_modified(tmp_path: Path) -> None:
    w = write_roster(tmp_path / "r.xlsx", make_rows(10))
    before = hashlib.sha256(w.path.read_bytes()).hexdigest()
    validate_file(w.path, Options(today=TODAY))
    assert hashlib.sha256(w.path.read_bytes()).hexdigest() == before


def _flip_sex_digit(row: dict[str, object]) -> str:
    ident = str(row["so_dinh_danh"])
    return ident[:3] + str(int(ident[3]) ^ 1) + ident[4:]


def _shift_birth_year(row: dict[str, object]) -> str:
    ident = str(row["so_dinh_danh"])
    return ident[:4] + f"{(int(ident[4:6]) + 7) % 100:02d}" + ident[6:]


def _proxy_without_name(row: dict[str, object]) -> str:
    row["ten_nguoi_nhan"] = None
    return "Người được ủy quyền"


def _unknown_province(row: dict[str, object]) -> str:
    return "999" + str(row["so_dinh_danh"])[3:]


# (column written, value or how to derive it from the row, expected code, column reported)
PLANTED: list[tuple[str, object, str, str | None]] = [
    ("so_dinh_danh", _flip_sex_digit, "id-sex-mismatch", None),
    ("so_dinh_danh", _shift_birth_year, "id-birth-year-mismatch", None),
    ("so_dinh_danh", _unknown_province, "id-province-unknown", None),
    ("so_dinh_danh", "05119012345", "id-invalid", None),
    ("so_dinh_danh", "123456789", "id-old-cmnd", None),
    ("so_dinh_danh", 1.2345678901234567e17, "number-precision-lost", None),
    ("dien_thoai", "0123456789", "phone-invalid", None),
    ("dien_thoai", "01621234567", "phone-old-prefix", None),
    ("dien_thoai", None, "recommended-when-registered", None),  # a warning: Dispatch 5234
    ("ngay_dang_ky", None, "required-when-registered", None),
    ("ngay_sinh", "31/02/1950", "date-invalid", None),
    ("ngay_dang_ky", dt.date(2030, 1, 1), "date-in-future", None),
    ("ngay_dang_ky", dt.date(2023, 7, 15), "registration-after-month", None),
    ("gioi_tinh", "X", "sex-invalid", None),
    ("dien", "9", "category-unknown", None),
    ("dien", "7", "category-age-mismatch", None),
    ("he_so", 3.0, "coefficient-mismatch", None),
    ("muc_tro_cap", 123_000, "amount-mismatch", None),
    ("muc_tro_cap", "năm trăm nghìn", "amount-invalid", None),
    ("trang_thai", "Không rõ", "status-invalid", None),
    ("trang_thai", "Đã có tài khoản", "required-when-account", "so_tai_khoan"),
    ("nguoi_nhan", "Hàng xóm", "receiver-invalid", None),
    ("nguoi_nhan", _proxy_without_name, "required-when-proxy", "ten_nguoi_nhan"),
    ("ho_ten", None, "required-missing", None),
    ("thon", "x" * 300, "text-too-long", None),
]


@pytest.mark.parametrize(("key", "value", "code", "reported"), PLANTED, ids=[p[2] for p in PLANTED])
def test_planted_problem_is_reported_at_its_cell(
    tmp_path: Path, key: str, value: object, code: str, reported: str | None
) -> None:
    rows = make_rows(12, seed=3)
    index = 5  # a registered (Đã đăng ký) row: status cycles by index % 4
    assert rows[index]["trang_thai"] == "Đã đăng ký"
    rows[index][key] = value(rows[index]) if callable(value) else value
    w = write_roster(tmp_path / "r.xlsx", rows)
    report = validate_file(w.path, Options(today=TODAY))
    cell = w.cell(index, reported or key)
    assert code in codes_at(report, cell), report.issues
    planted_row = int("".join(ch for ch in cell if ch.isdigit()))
    assert [p for p in report.issues if p.row != planted_row] == []
    assert report.rows_with_errors == (
        1 if any(p.severity == "error" for p in report.issues) else 0
    )


def test_registered_row_without_phone_and_guardian_without_id(tmp_path: Path) -> None:
    rows = make_rows(20, seed=5)
    reg = next(i for i, r in enumerate(rows) if r["trang_thai"] == "Đã đăng ký")
    rows[reg]["dien_thoai"] = None
    guard = next(i for i, r in enumerate(rows) if r.get("nguoi_nhan") == "Người giám hộ")
    rows[guard]["so_dinh_danh_nguoi_nhan"] = None
    w = write_roster(tmp_path / "r.xlsx", rows)
    report = validate_file(w.path, Options(today=TODAY))
    # no phone is a warning (not among what Dispatch 5234 needs for cashless payment)
    assert "recommended-when-registered" in codes_at(report, w.cell(reg, "dien_thoai"))
    assert "required-when-proxy" in codes_at(report, w.cell(guard, "so_dinh_danh_nguoi_nhan"))
    assert report.rows_with_errors == 1
    assert report.records[reg].errors == 0 and report.records[reg].warnings == 1


def test_ids_stored_as_numbers_get_their_zero_back_with_a_warning(tmp_path: Path) -> None:
    rows = make_rows(8, seed=7)
    w = write_roster(tmp_path / "r.xlsx", rows, Layout(ids_as_numbers=True))
    report = validate_file(w.path, Options(today=TODAY))
    assert report.rows_with_errors == 0
    restored = [p for p in report.issues if p.code == "leading-zero-restored"]
    assert {p.cell for p in restored} >= {w.cell(i, "so_dinh_danh") for i in range(8)}
    assert [r.data.so_dinh_danh for r in report.records] == [r["so_dinh_danh"] for r in rows]


def test_duplicate_id_in_file_points_at_second_row(tmp_path: Path) -> None:
    rows = make_rows(10, seed=9)
    rows[7]["so_dinh_danh"] = rows[2]["so_dinh_danh"]
    rows[7]["gioi_tinh"] = rows[2]["gioi_tinh"]
    rows[7]["ngay_sinh"] = rows[2]["ngay_sinh"]
    w = write_roster(tmp_path / "r.xlsx", rows)
    report = validate_file(w.path, Options(today=TODAY))
    dup = [p for p in report.issues if p.code == "id-duplicate"]
    assert [p.cell for p in dup] == [w.cell(7, "so_dinh_danh")]
    assert dup[0].params["other"] == w.cell(2, "so_dinh_danh")


def test_text_dates_and_header_variants(tmp_path: Path) -> None:
    rows = make_rows(15, seed=11)
    layout = Layout(
        text_dates=True,
        headers={
            "ho_ten": "Ho va ten",
            "so_dinh_danh": "Số\nCCCD",
            "thon": "THÔN",
            "dien_thoai": "SĐT",
        },
    )
    w = write_roster(tmp_path / "r.xlsx", rows, layout)
    report = validate_file(w.path, Options(today=TODAY))
    assert report.issues == []
    assert report.rows == 15


def test_extra_column_is_information(tmp_path: Path) -> None:
    rows = make_rows(5)
    for r in rows:
        r["dan_toc"] = "Kinh"
    layout = Layout(keys=[*Layout().keys, "dan_toc"])
    from factory import HEADERS

    HEADERS["dan_toc"] = "Dân tộc"
    try:
        w = write_roster(tmp_path / "r.xlsx", rows, layout)
    finally:
        del HEADERS["dan_toc"]
    report = validate_file(w.path, Options(today=TODAY))
    assert report.issues == []
    assert [p.header for p in report.info if p.code == "extra-column"] == ["Dân tộc"]


def test_two_row_header_birth_date_under_nam_nu(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "UBND XÃ BÌNH AN"
    ws["A2"] = "Tháng 06/2023"
    heads = ["STT", "Họ và tên", "Ngày sinh", None, "Thôn", "Diện", "Mức trợ cấp", "Tình trạng"]
    for c, h in enumerate(heads, start=1):
        if h:
            ws.cell(4, c, h)
    ws.merge_cells("C4:D4")
    for c in (1, 2, 5, 6, 7, 8):
        ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    ws["C5"], ws["D5"] = "Nam", "Nữ"
    ws.append(
        [1, "Trần Văn Một", dt.date(1950, 3, 1), None, "Thôn 1", "5a", 540000, "Chưa đăng ký"]
    )
    ws.append([2, "Lê Thị Hai", None, "1955", "Thôn 2", "5a", 540000, "Chưa đăng ký"])
    ws.append([3, "Võ Thị Ba", None, None, "Thôn 2", "5a", 540000, "Chưa đăng ký"])
    path = tmp_path / "binh an.xlsx"
    wb.save(path)
    report = validate_file(path, Options(today=TODAY))
    assert report.header_row == 4
    assert report.commune == "Bình An"
    assert report.month == Month(2023, 6)
    assert [r.data.gioi_tinh for r in report.records] == ["Nam", "Nữ", None]
    assert str(report.records[1].data.ngay_sinh) == "1955"
    # the third row has no birth date in either column: reported at the Nam column
    assert [(p.code, p.cell) for p in report.issues] == [("required-missing", "C8")]


def test_command_line_month_wins_over_the_file(tmp_path: Path) -> None:
    rows = make_rows(8, seed=2, month=(2024, 8))
    w = write_roster(tmp_path / "r.xlsx", rows, Layout(month_title="Tháng 6 năm 2023"))
    as_written = validate_file(w.path, Options(today=TODAY))
    assert {p.code for p in as_written.issues} >= {"amount-mismatch"}  # 360,000 base in 2023
    overridden = validate_file(w.path, Options(today=TODAY, month=Month(2024, 8)))
    assert overridden.month == Month(2024, 8)
    assert overridden.issues == []


def test_formula_without_cached_value_is_said_not_called_empty(tmp_path: Path) -> None:
    rows = make_rows(6, seed=12)
    w = write_roster(tmp_path / "r.xlsx", rows)
    wb = openpyxl.load_workbook(w.path)
    ws = wb.active
    assert ws is not None
    target = w.cell(2, "muc_tro_cap")
    ws[target] = "=H9*360000"  # openpyxl saves formulas without a computed value
    wb.save(w.path)
    report = validate_file(w.path, Options(today=TODAY))
    assert [(p.code, p.cell) for p in report.issues] == [("formula-no-value", target)]


def test_roster_on_a_hidden_sheet_is_read_and_said(tmp_path: Path) -> None:
    w = write_roster(tmp_path / "r.xlsx", make_rows(4, seed=13))
    wb = openpyxl.load_workbook(w.path)
    wb.create_sheet("Ghi chú")["A1"] = "trang phụ"
    wb["Danh sách"].sheet_state = "hidden"
    wb.active = 1
    wb.save(w.path)
    report = validate_file(w.path, Options(today=TODAY))
    assert report.rows == 4 and report.issues == []
    assert [p.code for p in report.info if p.code == "sheet-hidden"] == ["sheet-hidden"]


@pytest.mark.parametrize(
    ("encoding", "font"),
    [("tcvn3", ".VnTime"), ("vni", "VNI-Times"), ("tcvn3", None), ("vni", None)],
)
def test_legacy_text_is_converted_and_said(tmp_path: Path, encoding: str, font: str | None) -> None:
    """Names and villages typed in TCVN3 or VNI: the cell font tells, or the letters do."""
    from openpyxl.styles import Font

    from cashless_cli.normalise.legacy import encode_tcvn3, encode_vni

    encode = encode_tcvn3 if encoding == "tcvn3" else encode_vni
    rows = make_rows(6, seed=14)
    names = [
        "Nguyễn Văn Hùng",
        "Trần Thị Lựu",
        "Lê Văn Được",
        "Phạm Thị Ngọc",
        "Võ Văn Bảy",
        "Đặng Thị Hường",
    ]
    w = write_roster(tmp_path / "r.xlsx", rows)
    wb = openpyxl.load_workbook(w.path)
    ws = wb.active
    assert ws is not None
    for i, name in enumerate(names):
        cell = ws[w.cell(i, "ho_ten")]
        cell.value = encode(name)
        if font:
            cell.font = Font(name=font)
    wb.save(w.path)
    report = validate_file(w.path, Options(today=TODAY))
    assert [r.data.ho_ten for r in report.records] == names
    converted = [p for p in report.info if p.code == "legacy-text-converted"]
    assert {p.cell for p in converted} == {w.cell(i, "ho_ten") for i in range(6)}
    assert report.issues == []


@pytest.mark.parametrize("drop", [(), ("dien_thoai", "so_tai_khoan", "trang_thai")])
def test_the_months_fields_read_without_rows_equal_the_rows(
    tmp_path: Path, drop: tuple[str, ...]
) -> None:
    """The month's frame reads fields straight from the parsed columns: the same values as the
    row models, for clean and mistaken cells and for columns the list does not have."""
    from cashless_cli.schema.row import RosterRow

    rows = make_rows(40)
    rows[3]["ngay_sinh"] = "31/02/1950"  # impossible date
    rows[5]["so_dinh_danh"] = "12345"  # short ID
    rows[7]["dien_thoai"] = "0912"  # short phone
    keys = [k for k in make_rows(1)[0] if k not in drop]
    written = write_roster(tmp_path / "r.xlsx", rows, Layout(keys=keys))
    report = validate_file(written.path)
    assert report.error is None and report.rows == 40
    fields = report.field_values(RosterRow.model_fields)
    for key in RosterRow.model_fields:
        assert fields[key] == [getattr(r.data, key) for r in report.records], key
