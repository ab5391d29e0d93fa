"""Header reading: words and diacritics, one to three header rows, merges, numbering rows,
sub-columns read under their group, columns whose values contradict their header, and the
user's mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cashless_cli.problems import ReadError
from cashless_cli.read.header import (
    BIRTH_FEMALE,
    BIRTH_MALE,
    SEX_FEMALE,
    SEX_MALE,
    find_header,
    match_header,
)
from cashless_cli.read.mapping import (
    ColumnMapping,
    MappingError,
    mapping_from_options,
    mapping_from_table,
)
from cashless_cli.read.rows import RowKind, classify_rows
from cashless_cli.read.workbook import Sheet
from cashless_cli.validation import Options, validate_file
from cashless_cli.workspace.config import workspace_mapping

TODAY = dt.date(2023, 7, 15)

# ---- words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("So CCCD", "so_dinh_danh"),
        ("Số\nCCCD", "so_dinh_danh"),
        ("  SỐ   CCCD ", "so_dinh_danh"),
        ("Ngay cap", "ngay_cap"),
        ("Ngày cấp", "ngay_cap"),
        ("Mức trợ cấp (đồng) tháng 6", "muc_tro_cap"),
        ("Số tiền (đ)", "muc_tro_cap"),
        ("Người được uỷ quyền", "ten_nguoi_nhan"),  # old tone placement: uỷ = ủy
        ("Tên chủ hộ\n(cá nhân)", "ho_ten"),
        ("Số chứng minh nhân dân", "so_dinh_danh"),
        ("Số CMND", "so_dinh_danh"),
        ("Tiền trợ cấp tháng này", "muc_tro_cap"),
        ("Nơi đăng ký thường trú", "thon"),
        ("Phân loại", "dien"),
        ("Tình trãng đăng ký", "trang_thai"),  # a slip of tone in a word nothing else folds to
    ],
)
def test_a_header_is_matched_on_its_words(text: str, key: str) -> None:
    assert match_header(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "Ngày cập nhật",  # folds to "ngay cap nhat": not the issue date
        "Ngày cập",  # the same letters as "Ngày cấp", another word
        "Số tiền truy lĩnh",  # arrears, not the monthly amount
        "Tổng số tiền",
        "Hệ số điều chỉnh",  # more words that change the meaning: no prefix match
        "Mã số thuế",
        "Sổ CCCD",  # "sổ" (book) is not "số" (number)
    ],
)
def test_words_that_fold_alike_or_say_more_are_not_taken(text: str) -> None:
    assert match_header(text) is None


@pytest.mark.parametrize(
    ("text", "info"),
    [
        ("Ký nhận", "ky_nhan"),
        ("Người nhận ký", "ky_nhan"),
        ("Số tiền truy lĩnh", "truy_linh"),
        ("Tổng số tiền", "tong_tien"),
        ("Ngày cập nhật", "ngay_cap_nhat"),
        ("Số quyết định hưởng", "so_quyet_dinh"),
        ("Nơi đăng ký khai sinh", None),  # the "ký" of "đăng ký" is no signature
        ("Số sổ hộ khẩu", None),
        ("Kỳ trước", None),  # "kỳ" (period) is not "ký" (sign)
    ],
)
def test_known_columns_outside_the_roster_are_information(text: str, info: str | None) -> None:
    rows = [*TITLES, [*ONE_ROW, text], person(1), person(2), person(3)]
    header = find_header(Sheet("DS", rows), today=TODAY)
    assert header is not None and header.info.get(9) == info
    assert 9 in header.extra
    assert len(header.columns) == len(ONE_ROW)  # never taken for a roster column


# ---- header shapes --------------------------------------------------------------------------

TITLES: list[list[Any]] = [
    ["UBND XÃ BÌNH HÒA"],
    ["DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI"],
    ["Tháng 6 năm 2023"],
    [],
]
ONE_ROW = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn", "Diện đối tượng",
           "Mức trợ cấp (đồng)", "Tình trạng đăng ký"]  # fmt: skip


def person(i: int) -> list[Any]:
    sex = "Nam" if i % 2 else "Nữ"
    digit = "0" if sex == "Nam" else "1"
    return [float(i), f"Nguyễn Văn Tâm {i}", "05/06/1940", sex, f"051{digit}40{i:06d}", "Thôn 1",
            "5c", 360000.0, "Chưa đăng ký"]  # fmt: skip


@pytest.mark.parametrize(
    "numbering",
    [
        [f"({i})" for i in range(1, 10)],
        [float(i) for i in range(1, 10)],
        ["A", "B", *map(str, range(1, 8))],
        ["1", "2", "3", "4", "5", "6", "7", "8", "9=7x8"],
        ["Cột 1", "Cột 2", "Cột 3", "Cột 4", "Cột 5", "Cột 6", "Cột 7", "Cột 8", "Cột 9"],
    ],
)
def test_the_numbering_row_under_a_header_is_not_data(numbering: list[Any]) -> None:
    sheet = Sheet("DS", [*TITLES, ONE_ROW, numbering, person(1), person(2), person(3)])
    header = find_header(sheet, today=TODAY)
    assert header is not None and (header.row, header.depth) == (4, 1)
    kinds = classify_rows(sheet, header)
    assert kinds[0] == (5, RowKind.NUMBERING)
    assert [k for _, k in kinds[1:]] == [RowKind.DATA] * 3


def test_a_one_row_header_keeps_its_first_data_row_even_with_a_blank_header_cell() -> None:
    rows = [*TITLES, [*ONE_ROW, ""], [*person(1), "Đăng ký mới"], person(2), person(3)]
    header = find_header(Sheet("DS", rows), today=TODAY)
    assert header is not None and header.depth == 1 and header.data_start == 5


def merged(*ranges: tuple[int, int, int, int]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [((r0, c0), (r1, c1)) for r0, c0, r1, c1 in ranges]


def test_payment_list_two_rows_arrears_and_signature_under_their_groups() -> None:
    # The LIFESOFT monthly payment list: "Chưa trả tháng trước" over "Số tháng | Số tiền" and
    # "Người nhận" over "Ký | Họ tên"; the other header cells merged down over both rows.
    top = ["STT", "Họ tên", "Năm sinh", "Số quyết định hưởng", "Tiền trợ cấp tháng này",
           "Chưa trả tháng trước", "", "Tổng số tiền trợ cấp", "Người nhận", ""]  # fmt: skip
    sub = ["", "", "", "", "", "Số tháng", "Số tiền", "", "Ký", "Họ tên"]
    rows = [
        *TITLES,
        top,
        sub,
        [1.0, "Lê Thị Hoa", "1940", "101/QĐ-UBND", "360000", "0", "0", "750,000", "", ""],
    ]
    merges = merged((4, 0, 5, 0), (4, 1, 5, 1), (4, 2, 5, 2), (4, 3, 5, 3), (4, 4, 5, 4),
                    (4, 5, 4, 6), (4, 7, 5, 7), (4, 8, 4, 9))  # fmt: skip
    header = find_header(Sheet("DS", rows, merges), today=TODAY)
    assert header is not None and (header.row, header.depth) == (4, 2)
    assert header.columns["muc_tro_cap"] == 4
    assert header.columns["ho_ten"] == 1
    assert header.columns["ten_nguoi_nhan"] == 9
    assert "nguoi_nhan" not in header.columns  # "Người nhận › Ký" is a signature
    assert header.info == {3: "so_quyet_dinh", 5: "truy_linh", 6: "truy_linh", 7: "tong_tien",
                           8: "ky_nhan"}  # fmt: skip
    assert header.notes[6].reason == "group"
    assert not header.duplicates


def test_the_same_layout_without_merge_information_reads_the_same() -> None:
    # .ods and some exports do not carry merges: the group's label carries on to the right.
    top = ["STT", "Họ tên", "Năm sinh", "Tiền trợ cấp tháng này", "Chưa trả tháng trước", "",
           "Người nhận", ""]  # fmt: skip
    sub = ["", "", "", "", "Số tháng", "Số tiền", "Ký", "Họ tên"]
    rows = [*TITLES, top, sub, [1.0, "Lê Thị Hoa", "1940", "360000", "0", "0", "", ""]]
    header = find_header(Sheet("DS", rows), today=TODAY)
    assert header is not None and header.depth == 2
    assert header.columns["muc_tro_cap"] == 3
    assert header.info[5] == "truy_linh" and header.info[6] == "ky_nhan"
    assert header.columns["ten_nguoi_nhan"] == 7


def three_row_sheet(numbering: bool = True) -> Sheet:
    # A group title over the columns, "Năm sinh" over "Nam | Nữ" under that group, the other
    # cells merged down over the three rows, and the A B 1 2 3 numbering row.
    r0 = ["STT", "Họ và tên", "Thông tin đối tượng", "", "", "", "Mức trợ cấp (đồng)",
          "Tình trạng đăng ký"]  # fmt: skip
    r1 = ["", "", "Năm sinh", "", "Thôn", "Diện đối tượng", "", ""]
    r2 = ["", "", "Nam", "Nữ", "", "", "", ""]
    rows: list[list[Any]] = [*TITLES, r0, r1, r2]
    if numbering:
        rows.append(["A", "B", "1", "2", "3", "4", "5", "6"])
    rows += [
        [1.0, "Nguyễn Văn Sơn", 1940.0, "", "Thôn 2", "5c", 360000.0, "Chưa đăng ký"],
        [2.0, "Trần Thị Mai", "", 1938.0, "Thôn 3", "5c", 360000.0, "Chưa đăng ký"],
    ]
    merges = merged((4, 0, 6, 0), (4, 1, 6, 1), (4, 2, 4, 5), (5, 2, 5, 3), (5, 4, 6, 4),
                    (5, 5, 6, 5), (4, 6, 6, 6), (4, 7, 6, 7))  # fmt: skip
    return Sheet("DS", rows, merges)


def test_three_header_rows_with_birth_year_under_nam_and_nu() -> None:
    sheet = three_row_sheet()
    header = find_header(sheet, today=TODAY)
    assert header is not None and (header.row, header.depth) == (4, 3)
    assert header.columns[BIRTH_MALE] == 2 and header.columns[BIRTH_FEMALE] == 3
    assert header.columns["thon"] == 4 and header.columns["dien"] == 5
    assert header.columns["muc_tro_cap"] == 6 and header.columns["ho_ten"] == 1
    assert header.missing_required == []
    kinds = classify_rows(sheet, header)
    assert [k for _, k in kinds] == [RowKind.NUMBERING, RowKind.DATA, RowKind.DATA]


def test_sex_written_as_a_mark_under_nam_or_nu(tmp_path: Path) -> None:
    head = ["STT", "Họ và tên", "Nam", "Nữ", "Ngày sinh", "Số CMND", "Thôn", "Diện đối tượng",
            "Mức trợ cấp (đồng)", "Tình trạng đăng ký"]  # fmt: skip
    rows = [
        [1, "Nguyễn Văn Sơn", "X", None, "05/06/1940", "051040000123", "Thôn 2", "5c", 360000,
         "Chưa đăng ký"],
        [2, "Trần Thị Mai", None, "x", "07/08/1938", "051138000456", "Thôn 3", "5c", 360000,
         "Chưa đăng ký"],
    ]  # fmt: skip
    path = write_book(tmp_path / "x.xlsx", [*TITLES, head, *rows])
    report = validate_file(path, Options(month=None, today=TODAY))
    assert report.error is None
    assert {SEX_MALE, SEX_FEMALE} <= set(report.column_cells)
    assert [r.data.gioi_tinh for r in report.records] == ["Nam", "Nữ"]
    assert report.rows_with_errors == 0, [p.code for p in report.issues]


# ---- values that contradict the header ------------------------------------------------------


def with_status_column(header_text: str, values: list[str]) -> Sheet:
    head = [*ONE_ROW[:-1], header_text]
    return Sheet("DS", [*TITLES, head, *([*person(i)[:-1], v] for i, v in enumerate(values, 1))])


def test_a_record_status_is_not_a_registration_status() -> None:
    values = ["Đang hoạt động", "Chờ xử lý", "Đang hoạt động", "Tạm dừng", "Từ chối"]
    header = find_header(with_status_column("Trạng thái", values), today=TODAY)
    assert header is not None
    assert "trang_thai" not in header.columns
    assert header.notes[8].reason == "demoted" and header.notes[8].detail["share"] == "4/5"
    assert 8 in header.extra
    [finding] = header.findings  # said once for the file, not on every row
    assert finding.code == "column-demoted" and finding.cell == "I5"


def test_a_status_column_that_holds_statuses_is_kept() -> None:
    values = ["Chưa đăng ký", "Đã đăng ký", "Từ chối", "Đã đăng ký"]
    header = find_header(with_status_column("Trạng thái", values), today=TODAY)
    assert header is not None and header.columns["trang_thai"] == 8 and not header.findings


def test_a_receiver_header_holding_statuses_is_read_as_the_status() -> None:
    values = ["Nhận tiền mặt", "Đã đăng ký", "Nhận tiền mặt", "Chưa đăng ký"]
    sheet = with_status_column("Hình thức nhận", values)  # an alias of the receiver column
    header = find_header(sheet, today=TODAY)
    assert header is not None
    assert header.columns.get("trang_thai") == 8 and "nguoi_nhan" not in header.columns
    assert header.notes[8].reason == "values" and header.notes[8].detail["was"] == "nguoi_nhan"


def test_the_templates_own_header_is_never_demoted() -> None:
    # Under "Tình trạng đăng ký" a wrong word is the commune's mistake, shown at its cell.
    values = ["Đang hoạt động", "Chờ xử lý", "Đang hoạt động", "Tạm dừng"]
    header = find_header(with_status_column("Tình trạng đăng ký", values), today=TODAY)
    assert header is not None and header.columns["trang_thai"] == 8 and not header.findings


def test_a_few_bad_values_do_not_demote_a_column() -> None:
    values = ["Chưa đăng ký", "Đã đăng ký", "Đang hoạt động", "Chưa đăng ký", "Đã đăng ký"]
    header = find_header(with_status_column("Trạng thái", values), today=TODAY)
    assert header is not None and header.columns["trang_thai"] == 8


# ---- the user's mapping ---------------------------------------------------------------------


def test_a_mapping_names_an_unrecognised_column() -> None:
    head = [*ONE_ROW]
    head[1] = "Người hưởng"  # nobody's alias
    sheet = Sheet("DS", [*TITLES, head, person(1), person(2), person(3)])
    plain = find_header(sheet, today=TODAY)
    assert plain is not None and "ho_ten" not in plain.columns
    mapping = mapping_from_options(["Người hưởng=ho_ten", "Số CCCD=-"])
    header = find_header(sheet, mapping, today=TODAY)
    assert header is not None and header.columns["ho_ten"] == 1
    assert header.notes[1].reason == "mapping"
    assert "so_dinh_danh" not in header.columns and header.ignored == {4: "Số CCCD"}
    assert 4 not in header.extra


def test_a_mapping_gives_a_key_away_from_the_column_that_had_it() -> None:
    sheet = Sheet("DS", [*TITLES, [*ONE_ROW, "Thôn mới"], person(1), person(2), person(3)])
    header = find_header(sheet, mapping_from_options(["Thôn mới=thon"]), today=TODAY)
    assert header is not None and header.columns["thon"] == 9 and not header.duplicates


def test_value_words_of_the_mapping_apply(tmp_path: Path) -> None:
    head = [*ONE_ROW]
    rows = [[*person(i)[:-1], "Đồng ý"] for i in (1, 2, 3)]
    path = write_book(tmp_path / "v.xlsx", [*TITLES, head, *rows])
    plain = validate_file(path, Options(today=TODAY))
    assert [p.code for p in plain.issues].count("status-invalid") == 3
    mapping = mapping_from_table(
        {"values": {"trang_thai": {"Đồng ý": "Đã đăng ký"}}}, "cashless.toml"
    )
    report = validate_file(path, Options(today=TODAY, mapping=mapping))
    assert [r.data.trang_thai for r in report.records] == ["Đã đăng ký"] * 3


def test_a_wrong_key_is_refused_naming_the_header_and_the_known_keys() -> None:
    with pytest.raises(MappingError) as caught:
        mapping_from_options(["Tên chủ hộ=hoten"])
    message = caught.value.message("en")
    assert "'Tên chủ hộ'" in message and "'hoten'" in message
    assert "ho_ten" in message and "so_dinh_danh" in message and "truy_linh" in message
    assert "Tên chủ hộ" in caught.value.message("vi") and "khóa" in caught.value.message("vi")


@pytest.mark.parametrize(
    ("table", "code"),
    [
        ({"values": {"ho_ten": {"Ông": "Nam"}}}, "mapping-values-not-vocabulary"),
        ({"values": {"trang_thai": {"Đồng ý": "Đã đăng kí rồi"}}}, "mapping-value-unknown"),
        ({"columns": {"Họ tên": "name"}}, "mapping-key-unknown"),
        ({"ignore": "Ghi chú"}, "mapping-malformed"),
    ],
)
def test_a_wrong_mapping_table_is_refused(table: dict[str, Any], code: str) -> None:
    with pytest.raises(MappingError) as caught:
        mapping_from_table(table, "cashless.toml")
    assert caught.value.code == code


def test_a_strict_mapping_refuses_a_header_the_file_lacks() -> None:
    sheet = Sheet("DS", [*TITLES, ONE_ROW, person(1), person(2), person(3)])
    header = find_header(sheet, mapping_from_options(["Ho ten chu ho=ho_ten"], strict=True))
    assert header is not None
    with pytest.raises(ReadError) as caught:
        header.check("x.xlsx")
    assert caught.value.code == "mapping-header-unknown"
    assert "Ho ten chu ho" in caught.value.message("en")
    loose = find_header(sheet, mapping_from_options(["Ho ten chu ho=ho_ten"]))
    assert loose is not None and [p.code for p in loose.findings] == ["mapping-header-unused"]
    loose.check("x.xlsx")  # not strict: said, not refused


def test_a_communes_mapping_applies_to_its_own_files() -> None:
    data = {
        "mapping": {"columns": {"Người hưởng": "ho_ten"}},
        "communes": [
            {"name": "Bình Hòa", "mapping": {"columns": {"Xóm/Bản": "thon"}}},
            {"name": "Bình Minh"},
        ],
    }
    mapping = workspace_mapping(data, Path("cashless.toml"))
    hoa = mapping.for_file(Path("DS Binh Hoa T6.xlsx"), None)
    assert dict(hoa.columns) == {"Người hưởng": "ho_ten", "Xóm/Bản": "thon"}
    minh = mapping.for_file(Path("Binh Minh.xlsx"), None)
    assert dict(minh.columns) == {"Người hưởng": "ho_ten"}
    assert dict(mapping.for_file(None, "Bình Hòa").columns)["Xóm/Bản"] == "thon"
    data["communes"].append({"name": "Bình Hòa Tây", "mapping": {"columns": {"Ấp": "thon"}}})
    tay = workspace_mapping(data, Path("cashless.toml")).for_file(Path("binh hoa tay.xlsx"), None)
    assert dict(tay.columns) == {"Người hưởng": "ho_ten", "Ấp": "thon"}
    assert not ColumnMapping()


def write_book(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value not in (None, ""):
                ws.cell(r, c, value)
    for area in merges:
        ws.merge_cells(area)
    wb.save(path)
    return path


def test_three_row_header_end_to_end(tmp_path: Path) -> None:
    sheet = three_row_sheet()
    areas = tuple(
        f"{chr(65 + c0)}{r0 + 1}:{chr(65 + c1)}{r1 + 1}" for (r0, c0), (r1, c1) in sheet.merged
    )
    path = write_book(tmp_path / "ba-dong.xlsx", sheet.rows, areas)
    report = validate_file(path, Options(today=TODAY))
    assert report.error is None and report.header_depth == 3
    assert [r.data.gioi_tinh for r in report.records] == ["Nam", "Nữ"]
    assert all(r.data.ngay_sinh is not None for r in report.records)
    assert report.skipped == {"numbering": 1}
    assert report.rows_with_errors == 0, [p.code for p in report.issues]


def test_a_category_marked_under_its_wording(tmp_path: Path) -> None:
    # The social-pension list: an "x" under the column headed by the person's category.
    head = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn",
            "Đối tượng đủ 75 tuổi trở lên", "Người từ đủ 80 tuổi trở lên", "Mức trợ cấp (đồng)",
            "Tình trạng đăng ký"]  # fmt: skip
    rows = [
        [1, "Nguyễn Văn Sơn", "05/06/1940", "Nam", "051040000123", "Thôn 2", None, "x", 360000,
         "Chưa đăng ký"],
        [2, "Trần Thị Mai", "07/08/1938", "Nữ", "051138000456", "Thôn 3", None, "X", 360000,
         "Chưa đăng ký"],
        [3, "Lê Văn Tâm", "01/02/1939", "Nam", "051039000789", "Thôn 1", None, "x", 360000,
         "Chưa đăng ký"],
    ]  # fmt: skip
    path = write_book(tmp_path / "marks.xlsx", [*TITLES, head, *rows])
    report = validate_file(path, Options(today=TODAY))
    assert report.error is None and "dien" not in report.column_cells
    assert [r.data.dien for r in report.records] == ["5c"] * 3
    assert report.rows_with_errors == 0, [p.code for p in report.issues]


def test_a_category_header_whose_values_are_not_marks_is_not_a_mark_column() -> None:
    head = [*ONE_ROW, "Người từ đủ 80 tuổi trở lên"]
    rows = [[*person(i), f"ghi chú {i}"] for i in (1, 2, 3)]
    header = find_header(Sheet("DS", [*TITLES, head, *rows]), today=TODAY)
    assert header is not None and header.category_marks == {} and 9 in header.extra


def test_years_under_nam_and_nu_without_a_group_are_the_birth_layout() -> None:
    head = ["STT", "Họ và tên", "Nam", "Nữ", "Thôn", "Diện đối tượng", "Mức trợ cấp (đồng)",
            "Tình trạng đăng ký"]  # fmt: skip
    rows = [
        [1.0, "Nguyễn Văn Sơn", 1940.0, "", "Thôn 2", "5c", 360000.0, "Chưa đăng ký"],
        [2.0, "Trần Thị Mai", "", 1938.0, "Thôn 3", "5c", 360000.0, "Chưa đăng ký"],
        [3.0, "Lê Văn Tâm", 1939.0, "", "Thôn 1", "5c", 360000.0, "Chưa đăng ký"],
        [4.0, "Lê Thị Lan", "", 1937.0, "Thôn 1", "5c", 360000.0, "Chưa đăng ký"],
        [5.0, "Hồ Văn Hùng", 1936.0, "", "Thôn 4", "5c", 360000.0, "Chưa đăng ký"],
        [6.0, "Đỗ Thị Cúc", "", 1935.0, "Thôn 4", "5c", 360000.0, "Chưa đăng ký"],
    ]
    header = find_header(Sheet("DS", [*TITLES, head, *rows]), today=TODAY)
    assert header is not None
    assert header.columns.get(BIRTH_MALE) == 2 and header.columns.get(BIRTH_FEMALE) == 3
    assert header.missing_required == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("payment_list", {"F": "muc_tro_cap", "H": "i:truy_linh", "J": "i:ky_nhan",
                          "K": "ten_nguoi_nhan", "I": "i:tong_tien"}),
        ("three_row_header", {"C": BIRTH_MALE, "D": BIRTH_FEMALE, "F": "dien",
                              "H": "muc_tro_cap"}),
        ("sex_marks", {"C": SEX_MALE, "D": SEX_FEMALE, "F": "so_dinh_danh"}),
        ("pension_list", {"D": SEX_MALE, "J": "_dien_9", "K": "_dien_10", "H": "thon"}),
        ("account_payroll", {"K": "trang_thai", "L": "i:ky_nhan", "H": "muc_tro_cap"}),
        ("citizen_list", {"B": "ho_ten", "S": "i:chu_ho", "T": "i:chu_ho", "Q": "thon",
                          "AF": "dien"}),
        ("beneficiary_report", {"G": "dien", "H": "demoted"}),  # a record status
    ],
)  # fmt: skip
def test_real_layouts_columns(name: str, expected: dict[str, str], tmp_path: Path) -> None:
    from cashless_cli.read.columns import describe_columns
    from cashless_cli.read.workbook import column_letter
    from real_layouts import LAYOUTS

    path = tmp_path / f"{name}.xlsx"
    LAYOUTS[name].write(path)
    view = describe_columns(path)
    got = {
        column_letter(n.col): n.key or (f"i:{n.info}" if n.info else n.reason) for n in view.notes
    }
    assert {k: got.get(k) for k in expected} == expected
