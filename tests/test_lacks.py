"""What a list lacks is said once, not on every row: a payment list without a status column, a
list with only the name and the birth date, the registration status inferred from the account
number, the payment method or an "x" under "Đăng ký" — or unknown, and counted as such.

Every person here is synthetic (tests/factory.py).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from cashless_cli.checks.status import UNKNOWN_STATUS, StatusSource
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.payments.export import export_payments
from cashless_cli.schema.month import Month
from cashless_cli.validation import FileReport, Options, validate_file
from cashless_cli.workspace.config import load_workspace
from cli_helpers import run_cli
from factory import HEADERS, Layout, make_rows, write_roster

TODAY = dt.date(2026, 11, 25)
JUNE = Month(2023, 6)
HAS_ACCOUNT, REGISTERED, NOT_REGISTERED = "Đã có tài khoản", "Đã đăng ký", "Chưa đăng ký"

#: Headers of a monthly payment list (as offices export them): no status, sex, village or category.
PAYMENT_LIST = {
    "stt": "STT",
    "ho_ten": "Họ và tên",
    "ngay_sinh": "Ngày sinh",
    "so_dinh_danh": "Số CCCD",
    "so_tai_khoan": "Số tài khoản",
    "muc_tro_cap": "Số tiền",
}


def write_list(
    path: Path,
    rows: list[dict[str, Any]],
    columns: dict[str, str],
    extra: dict[str, list[Any]] | None = None,
    commune: str = "Bình Hòa",
) -> Path:
    """A list with a title, one header row and the given columns (key → header), then the
    ``extra`` columns (header → one value per row) that are not roster columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS"
    ws.cell(1, 1, f"UBND XÃ {commune.upper()}")
    ws.cell(2, 1, "DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG")
    ws.cell(3, 1, "Tháng 6 năm 2023")
    headers = [*columns.values(), *(extra or {})]
    for c, text in enumerate(headers, start=1):
        ws.cell(5, c, text)
    for i, row in enumerate(rows):
        values = [row.get(key) for key in columns]
        values += [cells[i] for cells in (extra or {}).values()]
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(6 + i, c, value)
            if isinstance(value, str):
                cell.data_type = "s"
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    wb.save(path)
    return path


def codes(report: FileReport) -> list[str]:
    return [p.code for p in report.problems]


def statuses(report: FileReport) -> list[str | None]:
    return [r.data.trang_thai for r in report.records]


def with_accounts(n: int, every: int = 2) -> list[dict[str, Any]]:
    """``n`` people, every ``every``-th with an account number."""
    rows = make_rows(n, seed=11)
    for i, row in enumerate(rows):
        row["so_tai_khoan"] = f"{100000000000 + i * 7919:012d}" if i % every == 0 else None
    return rows


# ---- validate -------------------------------------------------------------------------------
def test_payment_list_without_status_column_reads_with_no_row_error(tmp_path: Path) -> None:
    rows = with_accounts(12)
    report = validate_file(write_list(tmp_path / "chi tra.xlsx", rows, PAYMENT_LIST))
    assert report.error is None
    assert report.rows == 12 and report.rows_with_errors == 0
    # each column it lacks said once, with no cell, and never an error
    absent = [p for p in report.problems if p.code == "column-absent"]
    assert sorted(p.column for p in absent) == ["dien", "gioi_tinh", "thon"]  # type: ignore[type-var]
    assert all(p.cell is None and p.severity == "warning" for p in absent)
    assert codes(report).count("status-column-absent") == 1
    assert "required-missing" not in codes(report)
    # the status follows from the account numbers; without one it is unknown, not "Chưa đăng ký"
    for row, record in zip(rows, report.records, strict=True):
        if row["so_tai_khoan"]:
            assert (record.data.trang_thai, record.status_from) == (HAS_ACCOUNT, "account")
        else:
            assert (record.data.trang_thai, record.status_from) == (UNKNOWN_STATUS, "unknown")
    how = next(p for p in report.problems if p.code == "status-column-absent")
    assert how.message("en") == (
        "No registration-status column; registration: from the account numbers (6 rows), "
        "unknown (6 rows)."
    )
    assert how.message("vi") == (
        "Danh sách không có cột tình trạng đăng ký; tình trạng đăng ký: theo số tài khoản "
        "(6 dòng), không rõ (6 dòng)."
    )
    assert {p.code for p in report.not_checkable} == {"column-absent", "status-column-absent"}


def test_absent_column_says_which_checks_were_skipped(tmp_path: Path) -> None:
    rows = with_accounts(6)
    report = validate_file(write_list(tmp_path / "chi tra.xlsx", rows, PAYMENT_LIST))
    dien = next(p for p in report.problems if p.code == "column-absent" and p.column == "dien")
    assert dien.message("en") == (
        "The list has no column 'Diện đối tượng': not checked: Required value missing; "
        "Age does not fit the category; Coefficient differs from the category's."
    )
    assert dien.message("vi") == (
        "Danh sách không có cột 'Diện đối tượng': không kiểm tra được: Thiếu thông tin bắt buộc; "
        "Tuổi không phù hợp với diện; Hệ số không đúng với diện."
    )


def test_list_with_only_name_and_birth_date_is_read(tmp_path: Path) -> None:
    rows = make_rows(5, seed=2)
    path = write_list(tmp_path / "ds.xlsx", rows, {"ho_ten": "Họ và tên", "ngay_sinh": "Ngày sinh"})
    report = validate_file(path)
    assert report.error is None and report.rows == 5 and report.rows_with_errors == 0
    assert statuses(report) == [UNKNOWN_STATUS] * 5
    assert [r.data.ho_ten for r in report.records] == [r["ho_ten"] for r in rows]


def test_list_without_a_way_to_tell_people_apart_is_refused(tmp_path: Path) -> None:
    rows = make_rows(5, seed=2)
    columns = {"ho_ten": "Họ và tên", "thon": "Thôn", "muc_tro_cap": "Số tiền"}
    path = write_list(tmp_path / "ds.xlsx", rows, columns)
    report = validate_file(path)
    assert report.error is not None and report.error.code == "identity-columns-missing"
    assert "Ngày sinh" in report.error.message("en") and "'DS'" in report.error.message("en")
    run = run_cli("validate", path)
    assert run.returncode == 2, run.describe()
    assert "Traceback" not in run.output


def test_status_from_the_payment_method(tmp_path: Path) -> None:
    rows = make_rows(4, seed=3)
    method = ["Tiền mặt", "Chuyển khoản", "Nhận qua tài khoản", "Khác"]
    for row in rows:
        row.pop("so_tai_khoan", None)  # the method alone tells
    path = write_list(tmp_path / "ds.xlsx", rows, PAYMENT_LIST, {"Hình thức chi trả": method})
    report = validate_file(path)
    got = [(r.data.trang_thai, r.status_from) for r in report.records]
    assert got[0] == (NOT_REGISTERED, StatusSource.PAYMENT_METHOD)
    assert got[1] == (HAS_ACCOUNT, StatusSource.PAYMENT_METHOD)
    assert got[2] == (HAS_ACCOUNT, StatusSource.PAYMENT_METHOD)
    assert got[3] == (UNKNOWN_STATUS, StatusSource.UNKNOWN)
    assert report.rows_with_errors == 0


def test_status_from_an_x_under_dang_ky(tmp_path: Path) -> None:
    rows = make_rows(4, seed=4)
    columns = {"ho_ten": "Họ và tên", "so_dinh_danh": "Số CCCD", "dien_thoai": "SĐT"}
    path = write_list(tmp_path / "ds.xlsx", rows, columns, {"Đăng ký": ["x", None, "X", "?"]})
    report = validate_file(path)
    assert statuses(report) == [REGISTERED, NOT_REGISTERED, REGISTERED, UNKNOWN_STATUS]
    assert [r.status_from for r in report.records][:3] == [StatusSource.MARK] * 3


def test_an_account_number_wins_over_a_mark(tmp_path: Path) -> None:
    rows = make_rows(2, seed=5)
    rows[0]["so_tai_khoan"], rows[1]["so_tai_khoan"] = "123456789012", None
    columns = {"ho_ten": "Họ và tên", "ngay_sinh": "Ngày sinh", "so_tai_khoan": "Số TK"}
    path = write_list(tmp_path / "ds.xlsx", rows, columns, {"Đăng ký": ["x", "x"]})
    assert statuses(validate_file(path)) == [HAS_ACCOUNT, REGISTERED]


def test_a_blank_status_cell_is_an_error_and_its_status_is_inferred(tmp_path: Path) -> None:
    rows = make_rows(8, seed=6)
    with_account = next(i for i, r in enumerate(rows) if r["trang_thai"] == HAS_ACCOUNT)
    not_registered = next(i for i, r in enumerate(rows) if r["trang_thai"] == NOT_REGISTERED)
    rows[with_account]["trang_thai"] = None
    rows[not_registered]["trang_thai"] = "Đang chờ xét"  # a wording nobody knows
    w = write_roster(tmp_path / "r.xlsx", rows)
    report = validate_file(w.path, Options(today=TODAY))
    at = {(p.cell, p.code) for p in report.issues}
    assert (w.cell(with_account, "trang_thai"), "required-missing") in at
    assert (w.cell(not_registered, "trang_thai"), "status-invalid") in at
    assert report.records[with_account].data.trang_thai == HAS_ACCOUNT
    assert report.records[with_account].status_from == StatusSource.ACCOUNT
    assert report.records[not_registered].data.trang_thai == UNKNOWN_STATUS
    assert codes(report).count("status-partly-inferred") == 1
    assert "status-column-absent" not in codes(report)


def test_a_full_roster_infers_nothing(tmp_path: Path) -> None:
    w = write_roster(tmp_path / "r.xlsx", make_rows(12, seed=7))
    report = validate_file(w.path, Options(today=TODAY))
    assert report.issues == [] and report.not_checkable == []
    assert {r.status_from for r in report.records} == {StatusSource.COLUMN}


def test_registered_person_without_phone_is_a_warning(tmp_path: Path) -> None:
    rows = make_rows(12, seed=8)
    reg = next(i for i, r in enumerate(rows) if r["trang_thai"] == REGISTERED)
    rows[reg]["dien_thoai"] = None
    w = write_roster(tmp_path / "r.xlsx", rows)
    report = validate_file(w.path, Options(today=TODAY))
    found = [p for p in report.issues if p.cell == w.cell(reg, "dien_thoai")]
    assert [(p.code, p.severity) for p in found] == [("recommended-when-registered", "warning")]
    assert report.rows_with_errors == 0 and report.records[reg].warnings == 1


def test_roster_without_phone_column_says_it_once(tmp_path: Path) -> None:
    rows = make_rows(12, seed=9)
    layout = Layout(keys=[k for k in HEADERS if k not in ("dien_thoai", "ngay_dang_ky")])
    w = write_roster(tmp_path / "r.xlsx", rows, layout)
    report = validate_file(w.path, Options(today=TODAY))
    absent = {p.column: p for p in report.issues if p.code == "column-absent"}
    assert set(absent) == {"dien_thoai", "ngay_dang_ky"}
    assert report.rows_with_errors == 0
    assert (
        absent["ngay_dang_ky"]
        .message("en")
        .endswith("not checked: Required once registered; Registered after the report month.")
    )
    assert absent["dien_thoai"].message("en").endswith("not checked: Phone number missing.")


# ---- summarize, handoff, payments over a month that mixes kinds of lists --------------------
COMMUNES = (
    ("21079", "Bình Hòa"),
    ("21085", "Bình Minh"),
    ("21052", "Bình Chánh"),
    ("21046", "Bình Thạnh"),
)


def mixed_month(root: Path) -> dict[str, Any]:
    """A workspace whose June holds a full roster, a payment list without a status column, a
    roster with a status wording nobody knows, and a list of names and birth dates only."""
    toml = '[district]\nname = "Bình Sơn"\nprovince = "Quảng Ngãi"\n'
    for code, name in COMMUNES:
        toml += f'\n[[communes]]\ncode = "{code}"\nname = "{name}"\n'
    root.mkdir(parents=True)
    (root / "cashless.toml").write_text(toml, encoding="utf-8")
    folder = root / "rosters" / "2023-06"
    folder.mkdir(parents=True)
    full = make_rows(16, seed=21)
    write_roster(folder / "binh_hoa T6.xlsx", full, Layout(commune="Bình Hòa"))
    payment = with_accounts(10, every=2)  # 5 with an account, 5 unknown
    write_list(folder / "binh_minh chi tra T6.xlsx", payment, PAYMENT_LIST, commune="Bình Minh")
    wording = make_rows(12, seed=23)
    odd = [i for i, r in enumerate(wording) if r["trang_thai"] == NOT_REGISTERED]
    for i in odd:
        wording[i]["trang_thai"] = "Đang chờ xét"
    write_roster(folder / "binh_chanh T6.xlsx", wording, Layout(commune="Bình Chánh"))
    names = make_rows(7, seed=24)
    columns = {"ho_ten": "Họ và tên", "ngay_sinh": "Ngày sinh", "thon": "Thôn"}
    write_list(folder / "binh_thanh T6.xlsx", names, columns, commune="Bình Thạnh")
    return {"full": full, "payment": payment, "wording": wording, "odd": odd, "names": names}


def test_summarize_a_month_of_mixed_lists(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    made = mixed_month(ws)
    run = run_cli("summarize", "--workspace", ws, "--format", "json", timeout=120.0)
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    c = {x["name"]: x for x in doc["communes"]}
    # every person counted once
    sizes = {"Bình Hòa": 16, "Bình Minh": 10, "Bình Chánh": 12, "Bình Thạnh": 7}
    assert {n: c[n]["total"] for n in sizes} == sizes
    assert doc["district"]["total"] == sum(sizes.values())
    # the full roster: as ever
    full = made["full"]
    registered = sum(1 for r in full if r["trang_thai"] in (REGISTERED, HAS_ACCOUNT))
    assert (c["Bình Hòa"]["registered"], c["Bình Hòa"]["unknown"]) == (registered, 0)
    assert c["Bình Hòa"]["rate"] == round(100 * registered / 16, 2)
    assert c["Bình Hòa"]["not_checkable"] == []
    # the payment list: accounts known, the rest unknown (not "not registered"), rate over known
    minh = c["Bình Minh"]
    assert (minh["registered"], minh["with_account"], minh["unknown"]) == (5, 5, 5)
    assert minh["rate"] == 100.0
    assert {x["code"] for x in minh["not_checkable"]} == {"column-absent", "status-column-absent"}
    assert all(x["message"] and x["message_vi"] for x in minh["not_checkable"])
    # unknown wordings: errors at their cells, statuses unknown, not counted as not registered
    chanh = c["Bình Chánh"]
    assert chanh["unknown"] == len(made["odd"]) and chanh["errors"] == len(made["odd"])
    known = 12 - len(made["odd"])
    assert chanh["rate"] == round(100 * chanh["registered"] / known, 2)
    # names and birth dates only: every status unknown, no rate
    thanh = c["Bình Thạnh"]
    assert (thanh["unknown"], thanh["rate"], thanh["status_unknown"]) == (7, None, True)
    assert thanh["reported"] is True
    assert doc["district"]["unknown"] == 5 + len(made["odd"]) + 7
    known_total = sum(sizes.values()) - doc["district"]["unknown"]
    district_registered = sum(c[n]["registered"] for n in sizes)
    assert doc["district"]["registered"] == district_registered
    assert doc["district"]["rate"] == round(100 * district_registered / known_total, 2)

    text = run_cli("summarize", "--workspace", ws, "--lang", "en", timeout=120.0)
    assert text.returncode == 0, text.describe()
    lines = text.stdout.splitlines()
    assert any("Unknown" in line and "Rate %" in line for line in lines)
    thanh_line = next(line for line in lines if "Bình Thạnh" in line and "unknown" in line)
    assert "0.00" not in thanh_line
    assert "2 rosters could not be fully checked:" in text.stdout
    minh_at = lines.index("  Bình Minh (binh_minh chi tra T6.xlsx):")
    thanh_at = lines.index("  Bình Thạnh (binh_thanh T6.xlsx):")
    minh_why = [line.strip() for line in lines[minh_at + 1 : thanh_at]]
    assert any(
        w.startswith("No registration-status column; registration: from the account")
        for w in minh_why
    )
    assert any(w.startswith("The list has no column 'Thôn/Tổ dân phố'") for w in minh_why)
    # the rate table says it too
    table = openpyxl.load_workbook(ws / "reports" / "2023-06" / "bang-tong-hop-2023-06.xlsx")
    cells = " ".join(
        str(v) for row in table.worksheets[0].iter_rows(values_only=True) for v in row if v
    )
    assert "Tỷ lệ: không rõ" in cells and "chưa kiểm tra đầy đủ được" in cells


def test_unknown_statuses_are_never_handed_over_nor_dropped_from_payments(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    made = mixed_month(ws)
    workspace = load_workspace(ws)
    handoff = export_postoffice(workspace, JUNE, workers=1)
    handed = {r.beneficiary_id for r in handoff.rows}
    unknown_ids = {r["so_dinh_danh"] for r in made["payment"] if not r["so_tai_khoan"]}
    unknown_ids |= {made["wording"][i]["so_dinh_danh"] for i in made["odd"]}
    assert handed and not handed & unknown_ids
    payments = export_payments(load_workspace(ws), JUNE, workers=1).payments
    rows = [*payments.accounts, *payments.cash, *payments.check]
    assert len(rows) == 16 + 10 + 12 + 7  # nobody silently dropped
    minh = {r.beneficiary_id: r for r in rows if r.commune == "Bình Minh"}
    for person in made["payment"]:
        paid = minh[person["so_dinh_danh"]]
        if person["so_tai_khoan"]:
            assert paid.account_number == person["so_tai_khoan"]
        else:
            assert paid in payments.cash and "paid in cash" in paid.note("en")


def test_validate_json_names_what_could_not_be_checked(tmp_path: Path) -> None:
    path = write_list(tmp_path / "chi tra.xlsx", with_accounts(8), PAYMENT_LIST)
    run = run_cli("validate", path, "--format", "json")
    assert run.returncode == 0, run.describe()  # warnings only: the rows are fine
    (doc,) = json.loads(run.stdout)["files"]
    assert doc["status_from"] == {"account": 4, "unknown": 4}
    assert [p["code"] for p in doc["not_checkable"]] == [
        "column-absent",
        "column-absent",
        "column-absent",
        "status-column-absent",
    ]
    assert doc["rows_with_errors"] == 0 and doc["valid_rows"] == 8


def test_a_real_list_without_status_column_says_what_it_lacks_once(tmp_path: Path) -> None:
    from real_layouts import LAYOUTS  # a commune list of x marks (see SOURCES.md)

    module = LAYOUTS["sex_marks"]
    written = module.write(tmp_path / "sex_marks.xlsx")
    year, month = module.MONTH
    report = validate_file(tmp_path / "sex_marks.xlsx", Options(month=Month(year, month)))
    assert report.error is None and report.rows == written.rows
    assert report.rows_with_errors == 0
    absent = [p.column for p in report.problems if p.code == "column-absent"]
    assert absent and len(absent) == len(set(absent))  # once per column
    assert codes(report).count("status-column-absent") == 1
    assert set(statuses(report)) == {UNKNOWN_STATUS}


def test_history_keeps_the_unknown_count_and_reads_older_files(tmp_path: Path) -> None:
    from cashless_cli.dataset.figures import Counts
    from cashless_cli.dataset.history import MonthFigures, history_text, load_history

    figures = MonthFigures(JUNE, {"21079": Counts(10, 4, 2, 1, 5), "21085": None}, {})
    path = tmp_path / "history.csv"
    path.write_text(history_text({JUNE: figures}), encoding="utf-8")
    back = load_history(path)[JUNE]
    assert back.communes["21079"] == Counts(10, 4, 2, 1, 5)
    assert back.rate == figures.rate == Decimal("80.00")  # 4 of the 5 whose status is known
    # a history written before the unknown column: every status known
    old = "month,code,name,reported,total,registered,with_account,refused,rows_with_errors\n"
    path.write_text(old + "2023-06,21079,Bình Hòa,1,10,4,2,1,0\n", encoding="utf-8")
    assert load_history(path)[JUNE].communes["21079"] == Counts(10, 4, 2, 1, 0)
