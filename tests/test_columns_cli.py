"""`cashless columns` and `--map` as an officer uses them: see what the reader understood of a
roster's columns, and correct it in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from factory import Layout, make_rows, write_roster

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    """A roster whose name column has a header nobody's alias is, and an arrears column."""
    rows = make_rows(8, seed=3)
    for row in rows:
        row["ghi_chu"] = "0"
    layout = Layout(headers={"ho_ten": "Người hưởng", "ghi_chu": "Truy lĩnh"})
    return write_roster(tmp_path / "binh_hoa T6.xlsx", rows, layout).path


def columns_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["columns", *args, "--format", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    doc: dict[str, object] = json.loads(result.stdout)
    return doc


def test_columns_shows_each_column_its_meaning_and_why(odd: Path) -> None:
    doc = columns_json(str(odd), "--lang", "en")
    assert doc["sheet"] == "Danh sách" and doc["header_rows"] == [5, 5] and doc["data_row"] == 7
    by_header = {c["header"]: c for c in doc["columns"]}  # type: ignore[attr-defined]
    assert by_header["STT"]["key"] == "stt" and by_header["STT"]["reason"] == "exact"
    assert by_header["Truy lĩnh"]["info"] == "truy_linh" and by_header["Truy lĩnh"]["key"] is None
    name = by_header["Người hưởng"]
    assert name["reason"] == "unknown" and name["fix"] == '--map "Người hưởng=KEY"'
    assert doc["unrecognised"] == ["Người hưởng"]
    assert doc["missing_required"] == ["ho_ten"]
    assert "ho_ten" in doc["known_keys"]  # type: ignore[operator]


def test_the_fix_line_fixes_it(odd: Path) -> None:
    doc = columns_json(str(odd), "--map", "Người hưởng=ho_ten")
    [name] = [c for c in doc["columns"] if c["header"] == "Người hưởng"]  # type: ignore[attr-defined]
    assert name["key"] == "ho_ten" and name["reason"] == "mapping"
    assert doc["missing_required"] == [] and doc["unrecognised"] == []
    before = runner.invoke(app, ["validate", str(odd), "--format", "json"], env=ENV)
    after = runner.invoke(
        app, ["validate", str(odd), "--format", "json", "--map", "Người hưởng=ho_ten"], env=ENV
    )
    # without its name column the list cannot be read at all (exit 2); mapped, it is clean
    assert before.exit_code == 2 and after.exit_code == 0, after.output
    assert json.loads(after.stdout)["files"][0]["rows_with_errors"] == 0


def test_text_output_prints_the_map_line(odd: Path) -> None:
    result = runner.invoke(app, ["columns", str(odd), "--lang", "vi"], env=ENV)
    assert result.exit_code == 0, result.output
    assert '--map "Người hưởng=KHÓA"' in result.output
    assert "thông tin: truy_linh" in result.output
    assert "Thiếu cột bắt buộc: ho_ten ('Họ và tên')" in result.output


@pytest.mark.parametrize("command", ["columns", "validate"])
def test_a_wrong_key_is_refused_naming_the_header_and_the_known_keys(
    odd: Path, command: str
) -> None:
    result = runner.invoke(app, [command, str(odd), "--map", "Người hưởng=hoten", "--lang", "en"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "'Người hưởng'" in said and "'hoten'" in said and "ho_ten, ngay_sinh" in said
    assert "Traceback" not in said


def test_columns_refuses_a_mapped_header_the_file_lacks(odd: Path) -> None:
    result = runner.invoke(app, ["columns", str(odd), "--map", "Ho ten chu ho=ho_ten"], env=ENV)
    assert result.exit_code == 2
    said = " ".join(result.output.split())  # the message wraps at the terminal's width
    assert "'Ho ten chu ho'" in said and "'Người hưởng'" in said


def test_columns_reads_the_workspace_mapping(odd: Path, tmp_path: Path) -> None:
    (tmp_path / "cashless.toml").write_text(
        '[district]\nname = "Bình Sơn"\n\n[[communes]]\ncode = "1"\nname = "Bình Hòa"\n\n'
        '[mapping.columns]\n"Người hưởng" = "ho_ten"\n',
        encoding="utf-8",
    )
    doc = columns_json(str(odd), "-w", str(tmp_path))
    [name] = [c for c in doc["columns"] if c["header"] == "Người hưởng"]  # type: ignore[attr-defined]
    assert name["key"] == "ho_ten" and str(tmp_path / "cashless.toml") in name["because"]


def test_a_wrong_workspace_mapping_is_refused(odd: Path, tmp_path: Path) -> None:
    (tmp_path / "cashless.toml").write_text(
        '[district]\nname = "Bình Sơn"\n\n[[communes]]\ncode = "1"\nname = "Bình Hòa"\n\n'
        '[mapping.values.ho_ten]\n"Ông" = "Nam"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["columns", str(odd), "-w", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "'ho_ten'" in said and "trang_thai" in said


def test_an_unknown_sheet_is_refused_with_the_sheets_named(odd: Path) -> None:
    result = runner.invoke(app, ["columns", str(odd), "--sheet", "Sheet9", "--lang", "en"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "'Sheet9'" in said and "Danh sách" in said


def small_workspace(root: Path, mapping: str) -> Path:
    (root / "rosters" / "2023-06").mkdir(parents=True)
    (root / "cashless.toml").write_text(
        '[district]\nname = "Bình Sơn"\n\n[[communes]]\ncode = "1"\nname = "Bình Hòa"\n' + mapping,
        encoding="utf-8",
    )
    rows = make_rows(10, seed=5)
    layout = Layout(headers={"ho_ten": "Người hưởng"})
    write_roster(root / "rosters" / "2023-06" / "binh_hoa T6.xlsx", rows, layout)
    return root


def test_summarize_applies_the_communes_mapping_and_map(tmp_path: Path) -> None:
    mapped = small_workspace(
        tmp_path / "a", '\n[communes.mapping.columns]\n"Người hưởng" = "ho_ten"\n'
    )
    result = runner.invoke(app, ["summarize", "-w", str(mapped), "--format", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    [commune] = json.loads(result.stdout)["communes"]
    assert commune["total"] == 10 and commune["errors"] == 0
    plain = small_workspace(tmp_path / "b", "")
    args = ["summarize", "-w", str(plain), "--format", "json"]
    before = runner.invoke(app, args, env=ENV)
    assert before.exit_code == 2  # no name column: the only roster cannot be read
    after = runner.invoke(app, [*args, "--map", "Người hưởng=ho_ten"], env=ENV)
    assert json.loads(after.stdout)["communes"][0]["errors"] == 0
    wrong = runner.invoke(app, [*args, "--map", "Người hưởng=name"], env=ENV)
    assert wrong.exit_code == 2 and "'name'" in " ".join(wrong.output.split())


def test_a_file_whose_header_nobody_recognises_is_shown_to_be_mapped(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "english.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["BENEFICIARY LIST"])
    ws.append(["No", "Name", "Born", "Sex", "Village", "Category", "Amount", "Status"])
    for i in range(3):
        ws.append(
            [i + 1, f"Nguyễn Văn An {i}", 1940, "Nam", "Thôn 1", "5c", 360000, "Chưa đăng ký"]
        )
    wb.save(path)
    shown = runner.invoke(app, ["columns", str(path), "--format", "json"], env=ENV)
    assert shown.exit_code == 1  # no header: the likeliest row is shown, to be mapped
    doc = json.loads(shown.stdout)
    assert doc["header_found"] is False and doc["header_rows"] == [2, 2]
    assert [c["fix"] for c in doc["columns"]][1] == '--map "Name=KEY"'
    maps = [
        "Name=ho_ten", "Born=ngay_sinh", "Sex=gioi_tinh", "Village=thon", "Category=dien",
        "Amount=muc_tro_cap", "Status=trang_thai",
    ]  # fmt: skip
    args = [item for m in maps for item in ("--map", m)]
    assert runner.invoke(app, ["columns", str(path), *args], env=ENV).exit_code == 0
    checked = runner.invoke(app, ["validate", str(path), *args, "--month", "2023-06"], env=ENV)
    assert checked.exit_code == 0, checked.output
    assert runner.invoke(app, ["validate", str(path), "--month", "2023-06"]).exit_code == 2
