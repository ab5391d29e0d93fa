"""The province view (issue 14): summarize over a province workspace gives the table by new
commune with who reported on time; a commune's social-pension list sent apart from its
monthly-allowance list is one report with it; every file of a merged commune is named."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from cashless_cli.dataset.deadline import (
    DATE_UNKNOWN,
    LATE,
    NOT_REPORTED,
    ON_TIME,
    SOURCE_FILE_TIME,
    SOURCE_ROSTER,
    DueRule,
    due_rule,
    timeliness,
)
from cashless_cli.dataset.month import collect_month
from cashless_cli.read.metadata import date_from_line
from cashless_cli.schema.month import Month
from cashless_cli.summary.json_document import summary_document
from cashless_cli.summary.ratetable import TABLE_SHEET
from cashless_cli.summary.run import run_summary
from cashless_cli.validation import validate_file
from cashless_cli.workspace.config import (
    Area,
    Workspace,
    WorkspaceError,
    load_workspace,
    render_config,
)
from cashless_cli.workspace.matching import (
    ALLOWANCE_ONLY,
    MIXED,
    PENSION_ONLY,
    match_files,
    programme_of_file,
)
from cashless_cli.workspace.units import units_for
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster

AUG = Month(2025, 8)
ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2025, 9, 1, 8, 0)


# ---- the date of a list, and the due rule --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Bình Hòa, ngày 20 tháng 8 năm 2025", dt.date(2025, 8, 20)),
        ("Vạn Tường, ngày 05 tháng 09 năm 2025", dt.date(2025, 9, 5)),
        ("Bình Sơn, ngày 3/8/2025", dt.date(2025, 8, 3)),
        ("Bình Sơn, ngày    tháng    năm 2025", None),  # left blank, to fill in by hand
        ("Bình Sơn, ngày 31 tháng 2 năm 2025", None),  # no such day
    ],
)
def test_the_date_line_under_the_signatures(line: str, date: dt.date | None) -> None:
    assert date_from_line(line) == date


def test_due_date_same_month_next_month_and_short_months() -> None:
    assert DueRule().due(AUG) == dt.date(2025, 8, 25)
    assert DueRule(5, next_month=True).due(Month(2025, 12)) == dt.date(2026, 1, 5)
    assert DueRule(31).due(Month(2026, 2)) == dt.date(2026, 2, 28)


def test_timeliness_on_time_late_not_reported_unknown() -> None:
    due = dt.date(2025, 8, 25)
    on_due_day = timeliness([(due, SOURCE_ROSTER)], due)
    assert (on_due_day.status, on_due_day.days_late, on_due_day.on_time) == (ON_TIME, 0, True)
    late = timeliness([(dt.date(2025, 8, 28), SOURCE_FILE_TIME)], due)
    assert (late.status, late.days_late, late.on_time, late.source) == (
        LATE,
        3,
        False,
        SOURCE_FILE_TIME,
    )
    assert timeliness([], due).status == NOT_REPORTED
    assert timeliness(None, due).on_time is None
    unknown = timeliness([(dt.date(2025, 8, 1), SOURCE_ROSTER), None], due)
    assert (unknown.status, unknown.date, unknown.on_time) == (DATE_UNKNOWN, None, None)
    # a commune of several files reported with its last one
    both = timeliness([(dt.date(2025, 8, 20), SOURCE_ROSTER), (dt.date(2025, 8, 26), "x")], due)
    assert (both.status, both.date, both.days_late) == (LATE, dt.date(2025, 8, 26), 1)


@pytest.mark.parametrize(
    ("report", "key"),
    [
        ({"due_day": 0}, "due_day"),
        ({"due_day": "25"}, "due_day"),
        ({"due_next_month": 1}, "due_next_month"),
    ],
)
def test_a_wrong_due_rule_is_refused_naming_the_key(report: dict[str, object], key: str) -> None:
    with pytest.raises(WorkspaceError) as info:
        due_rule({"report": report}, Path("ws"))
    assert info.value.code == "config-invalid-value"
    assert f"report.{key}" in info.value.message("vi")
    assert due_rule({"report": {"issuer": "X"}}, Path("ws")) == DueRule()
    assert due_rule({"report": {"due_day": 5, "due_next_month": True}}, Path("ws")) == DueRule(
        5, True, True
    )


# ---- which files are one commune's report --------------------------------------------------


def test_programme_of_a_file() -> None:
    assert programme_of_file(["htxh", "htxh"]) == PENSION_ONLY
    assert programme_of_file(["5a", "1", None]) == ALLOWANCE_ONLY
    assert programme_of_file(["5a", "htxh"]) == MIXED
    assert programme_of_file([]) == MIXED


def test_allowance_and_pension_files_of_one_commune_are_merged_same_programme_conflicts() -> None:
    area = units_for(None, "Quảng Ngãi").area
    assert area is not None
    a, p, a2, mixed = (Path(n) for n in ("a.xlsx", "p.xlsx", "a2.xlsx", "m.xlsx"))
    said: dict[Path, str | None] = {a: "Bình Sơn", p: "Bình Sơn", a2: "Bình Sơn", mixed: "Bình Sơn"}
    programmes = {a: ALLOWANCE_ONLY, p: PENSION_ONLY, a2: ALLOWANCE_ONLY, mixed: MIXED}
    code = next(u.code for u in area.communes if u.name == "Bình Sơn")

    def match(*files: Path) -> tuple[list[Path] | None, list[Path] | None]:
        m = match_files(list(files), said, area.communes, area.old_units, programmes)
        return m.merged.get(code), m.conflicts.get(code)

    assert match(a, p) == ([a, p], None)
    assert match(a, a2) == (None, [a, a2])  # two allowance lists: which one? never a guess
    assert match(mixed, p) == (None, [mixed, p])  # the pensioners may be in both
    assert match(a, p, a2) == (None, [a, p, a2])
    # an old commune's allowance and pension lists beside another old commune's list
    vt = next(u.code for u in area.communes if u.name == "Vạn Tường")
    old = {a: "Bình Hòa", p: "Bình Hòa", a2: "Bình Phước"}
    m = match_files([a, p, a2], dict(old), area.communes, area.old_units, programmes)
    assert m.merged.get(vt) == [a, p, a2] and m.ok
    m = match_files([a, a2], {a: "Bình Hòa", a2: "Bình Hòa"}, area.communes, area.old_units)
    assert m.conflicts.get(vt) == [a, a2]


# ---- a province workspace end to end -------------------------------------------------------


def _province(root: Path, due: str = "\n[report]\ndue_day = 25\n") -> Workspace:
    full = units_for(None, "Quảng Ngãi").area
    assert full is not None
    keep = ("Bình Sơn", "Vạn Tường", "Bình Minh", "Bình Chương", "Trà Bồng")
    communes = tuple(u for u in full.communes if u.name in keep)
    codes = {u.code for u in communes}
    olds = tuple(o for o in full.old_units if set(o.into) <= codes)
    root.mkdir(parents=True, exist_ok=True)
    text = render_config(replace(full, communes=communes, old_units=olds)) + due
    (root / "cashless.toml").write_text(text, encoding="utf-8")
    return load_workspace(root)


def _list(
    root: Path, name: str, commune: str, n: int, seed: int, dated: str | None, pension: bool = False
) -> Path:
    path = root / "rosters" / str(AUG) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = make_rows(n, seed=seed, month=(2025, 8))
    if pension:
        for row in rows:
            row.update(dien="htxh", he_so=1, muc_tro_cap=500_000)
            row["ngay_sinh"] = dt.date(1945, 3, 3)
    write_roster(path, rows, Layout(commune=commune, month_title="Tháng 8 năm 2025"))
    if dated:
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        assert ws is not None
        ws.cell(ws.max_row + 2, 8, dated)
        wb.save(path)
    return path


def _files(root: Path) -> dict[str, Path]:
    return {
        "hoa": _list(
            root, "DS Binh Hoa.xlsx", "Bình Hòa", 5, 1, "Bình Hòa, ngày 18 tháng 8 năm 2025"
        ),
        "phuoc": _list(
            root, "DS Binh Phuoc.xlsx", "Bình Phước", 4, 2, "Bình Phước, ngày 21 tháng 8 năm 2025"
        ),
        "son": _list(root, "Binh Son.xlsx", "Bình Sơn", 6, 3, "Bình Sơn, ngày 28 tháng 8 năm 2025"),
        "minh": _list(root, "Binh Minh tro cap.xlsx", "Bình Minh", 5, 4, None),
        "minh_htxh": _list(
            root, "Binh Minh HTXH.xlsx", "Bình Minh", 3, 5, "ngày 24 tháng 8 năm 2025", pension=True
        ),
        "chuong": _list(root, "Binh Chuong.xlsx", "Bình Chương", 4, 6, None),
    }


def _by_name(doc: dict[str, object]) -> dict[str, dict[str, object]]:
    return {c["name"]: c for c in doc["communes"]}  # type: ignore[attr-defined,index]


def test_province_table_says_who_reported_on_time(tmp_path: Path) -> None:
    ws = _province(tmp_path)
    files = _files(tmp_path)
    arrived = dt.datetime(2025, 8, 22, 10, 0).timestamp()
    os.utime(files["minh"], (arrived, arrived))  # no date line: the day the file came
    os.utime(files["chuong"], (arrived + 6 * 86400,) * 2)  # 28 August
    assert validate_file(files["son"]).signed_on == dt.date(2025, 8, 28)
    run = run_summary(ws, AUG, now=NOW)
    doc = summary_document(run.summary)
    c = _by_name(doc)
    assert c["Vạn Tường"]["report_date"] == {
        "status": ON_TIME,
        "date": "2025-08-21",  # the later of its two old communes' lists
        "source": SOURCE_ROSTER,
        "on_time": True,
        "days_late": 0,
        "due": "2025-08-25",
    }
    assert c["Vạn Tường"]["files"] == ["DS Binh Hoa.xlsx", "DS Binh Phuoc.xlsx"]
    assert c["Vạn Tường"]["file"] == "DS Binh Hoa.xlsx"  # the key kept as it was
    assert c["Vạn Tường"]["total"] == 9
    son = c["Bình Sơn"]["report_date"]
    assert (son["status"], son["days_late"], son["on_time"]) == (LATE, 3, False)  # type: ignore[index]
    # Bình Minh: the allowance list (file time 22/8) and the pension list (24/8), one report
    minh = c["Bình Minh"]
    assert minh["reported"] is True and minh["total"] == 8
    assert sorted(minh["files"]) == ["Binh Minh HTXH.xlsx", "Binh Minh tro cap.xlsx"]  # type: ignore[arg-type]
    assert minh["report_date"]["date"] == "2025-08-24"  # type: ignore[index]
    chuong = c["Bình Chương"]["report_date"]
    assert (chuong["status"], chuong["source"], chuong["days_late"]) == (  # type: ignore[index]
        LATE,
        SOURCE_FILE_TIME,
        3,
    )
    assert c["Trà Bồng"]["report_date"]["status"] == NOT_REPORTED  # type: ignore[index]
    assert c["Trà Bồng"]["reported"] is False and c["Trà Bồng"]["files"] == []
    assert doc["reporting"] == {
        "due": "2025-08-25",
        "due_day": 25,
        "due_next_month": False,
        "configured": True,
        "on_time": 2,
        "late": 2,
        "not_reported": 1,
        "date_unknown": 0,
    }
    frame = run.summary.frame
    assert set(frame[frame["commune"] == "Vạn Tường"]["don_vi_cu"]) == {"Bình Hòa", "Bình Phước"}
    # the rate table: a column for it, the late days and the file-time mark
    sheet = openpyxl.load_workbook(run.workbook)[TABLE_SHEET]
    cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert "Thời hạn báo cáo" in cells
    assert "Muộn 3 ngày" in cells and "Muộn 3 ngày†" in cells and "Chưa báo cáo" in cells
    assert any("Hạn gửi danh sách: ngày 25/08/2025" in v for v in cells)


def test_a_district_without_a_due_rule_keeps_its_table(tmp_path: Path) -> None:
    ws = load_workspace(shutil.copytree(ROOT / "samples" / "workspace", tmp_path / "ws"))
    shutil.rmtree(ws.root / "rosters" / "2023-05")  # one month is enough here
    run = run_summary(ws, Month(2023, 6), now=NOW)
    assert not run.summary.shows_timeliness
    sheet = openpyxl.load_workbook(run.workbook)[TABLE_SHEET]
    cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert "Thời hạn báo cáo" not in cells
    doc = summary_document(run.summary)
    assert doc["reporting"]["configured"] is False  # type: ignore[index]


def test_same_programme_twice_is_still_a_conflict_exit_2(tmp_path: Path) -> None:
    _province(tmp_path)
    _list(tmp_path, "Binh Son a.xlsx", "Bình Sơn", 3, 1, None)
    _list(tmp_path, "Binh Son b.xlsx", "Bình Sơn", 3, 2, None)
    run = run_cli("summarize", "-w", tmp_path, "--month", "2025-08", "--lang", "vi")
    assert run.returncode == 2, run.describe()
    assert "Binh Son a.xlsx" in run.stderr and "Binh Son b.xlsx" in run.stderr
    assert not (tmp_path / "reports").exists()


def test_an_unknown_date_and_a_wrong_rule(tmp_path: Path) -> None:
    ws = _province(tmp_path)
    path = _list(tmp_path, "Binh Son.xlsx", "Bình Sơn", 3, 1, None)
    rosters = collect_month(ws, AUG, workers=1)
    from cashless_cli.dataset.figures import summarize_month

    summary = summarize_month(rosters, ws.area, due=DueRule(), arrived={})  # no file time known
    son = next(c for c in summary.communes if c.unit.name == "Bình Sơn")
    assert son.timeliness is not None and son.timeliness.status == DATE_UNKNOWN
    assert path.exists()
    (tmp_path / "cashless.toml").write_text(
        (tmp_path / "cashless.toml")
        .read_text(encoding="utf-8")
        .replace("due_day = 25", "due_day = 40"),
        encoding="utf-8",
    )
    run = run_cli("summarize", "-w", tmp_path, "--month", "2025-08")
    assert run.returncode == 2 and "report.due_day" in run.stderr, run.describe()
    assert not (tmp_path / "reports").exists()


def test_the_sample_province_summarizes_with_exit_0(tmp_path: Path) -> None:
    root = shutil.copytree(ROOT / "samples" / "province-2025", tmp_path / "qn")
    came = dt.datetime(2025, 8, 23, 9, 0).timestamp()
    os.utime(root / "rosters" / "2025-08" / "Dong Son T8.xlsx", (came, came))
    run = run_cli("summarize", "-w", root, "--month", "2025-08", "--format", "json")
    assert run.returncode == 0, run.describe()
    doc = json.loads(run.stdout)
    c = _by_name(doc)
    assert doc["level"] == "province" and len(c) == 6
    assert c["Trà Bồng"]["report_date"]["status"] == NOT_REPORTED
    assert c["Bình Sơn"]["report_date"]["days_late"] == 3
    assert len(c["Vạn Tường"]["files"]) == 2 and len(c["Bình Minh"]["files"]) == 2
    assert c["Đông Sơn"]["report_date"]["source"] == SOURCE_FILE_TIME
    text = run_cli("summarize", "-w", root, "--month", "2025-08", "--lang", "vi")
    assert (
        text.returncode == 0
        and "Báo cáo muộn: Bình Sơn (ngày 28/08/2025, muộn 3 ngày)" in text.stdout
    )


# ---- a rate over part of the list ----------------------------------------------------------


def test_a_rate_over_few_known_rows_is_marked_with_its_base() -> None:
    import pandas as pd
    from rich.console import Console

    from cashless_cli.dataset.figures import CommuneFigures, Counts, MonthSummary
    from cashless_cli.report.terminal_summary import render_summary

    area = _province_area()
    few = Counts(total=10, registered=3, with_account=3, unknown=7)
    assert few.rate == 100 and few.partly_known
    assert not Counts(total=20, registered=3, unknown=1).partly_known  # a twentieth: plain
    assert not Counts(total=10, unknown=10).partly_known  # no rate at all: "không rõ"
    most = Counts(total=20, registered=3, unknown=1)
    communes = [
        CommuneFigures(area.communes[0], True, counts=few),
        CommuneFigures(area.communes[1], True, counts=most),
    ]
    summary = MonthSummary(AUG, area, communes, few + most, [], pd.DataFrame())
    doc = summary_document(summary)
    assert doc["communes"][0]["rate"] == 100.0  # the documented definition is kept
    assert doc["communes"][0]["rate_basis"] == {"known": 3, "total": 10, "partial": True}
    assert doc["communes"][1]["rate_basis"]["partial"] is False
    console = Console(record=True, width=160)
    render_summary(console, summary, [], [], "vi", False)
    out = console.export_text()
    assert "100.00‡" in out
    assert (
        f"tỷ lệ chỉ tính trên số người rõ tình trạng đăng ký: {area.communes[0].name} (3/10 người)"
        in out
    )
    assert area.communes[1].name + " (" not in out.split("‡ tỷ lệ")[1]


def _province_area() -> Area:
    full = units_for(None, "Quảng Ngãi").area
    assert full is not None
    return replace(full, communes=full.communes[:2], old_units=())
