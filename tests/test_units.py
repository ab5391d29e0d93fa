"""Units that change over time: old communes (before July 2025) matched to the new ones, never a
guess; several old communes' lists for one new commune merged; commune and province workspaces."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cashless_cli.dataset.month import collect_month
from cashless_cli.schema.month import Month
from cashless_cli.summary.run import check_matching, run_summary
from cashless_cli.validation import Options, validate_file
from cashless_cli.workspace.config import (
    Area,
    Workspace,
    WorkspaceError,
    load_workspace,
    render_config,
)
from cashless_cli.workspace.matching import match_files
from cashless_cli.workspace.units import commune_config, old_units_of, province_units, units_for
from cli_helpers import run_cli
from factory import KEYS, Layout, make_rows, write_roster

AUG_2025 = Month(2025, 8)
AUG = Layout(month_title="Tháng 8 năm 2025")


def _ws(root: Path, text: str) -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cashless.toml").write_text(text, encoding="utf-8")
    return load_workspace(root)


def _roster(path: Path, commune: str, n: int, seed: int, title: bool = True) -> None:
    layout = Layout(commune=commune, title=title, month_title=AUG.month_title)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_roster(path, make_rows(n, seed=seed, month=(2025, 8)), layout)


def test_binh_son_22_old_communes_went_to_5_new_ones() -> None:
    _, new = province_units("Quảng Ngãi")
    names = {u.code: u.name for u in new}
    binh_son = [o for o in old_units_of("Quảng Ngãi") if o.district == "Bình Sơn"]
    assert len(binh_son) == 22
    heirs = {o.name: [names[c] for c in o.into] for o in binh_son}
    assert {n for h in heirs.values() for n in h} == {
        "Bình Sơn",
        "Vạn Tường",
        "Bình Minh",
        "Bình Chương",
        "Đông Sơn",
    }
    assert heirs["Bình Hòa"] == ["Vạn Tường"]
    assert heirs["Châu Ổ"] == ["Bình Sơn"]  # the old district town
    assert heirs["Bình Thạnh"] == ["Bình Sơn"] and heirs["Bình Thanh"] == ["Đông Sơn"]


def test_old_names_matched_to_their_new_commune_never_guessed() -> None:
    _, units = province_units("Quảng Ngãi")
    olds = old_units_of("Quảng Ngãi")
    files = [Path(n) for n in ("a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "DS Bình Thanh T8.xlsx")]
    said: dict[Path, str | None] = {
        files[0]: "Bình Hòa",  # UBND XÃ BÌNH HÒA: now Vạn Tường
        files[1]: "Trần Hưng Đạo",  # a ward of old Quảng Ngãi city and one of Kon Tum city
        files[2]: "Trà Bùi",  # split between Cà Đam and Tây Trà Bồng
        files[3]: "Hồ Gươm",  # nowhere here
        files[4]: None,
    }
    m = match_files(files, said, units, olds)
    names = {u.code: u.name for u in units}
    assert {names[c]: p.name for c, p in m.by_unit.items()} == {
        "Vạn Tường": "a.xlsx",
        "Đông Sơn": "DS Bình Thanh T8.xlsx",  # Bình Thanh (not Bình Thạnh) by its diacritics
    }
    assert m.old_unit[files[0]].name == "Bình Hòa"
    assert sorted(u.name for u in m.ambiguous[files[1]]) == ["Cẩm Thành", "Đăk BLa"]
    assert sorted(u.name for u in m.ambiguous[files[2]]) == ["Cà Đam", "Tây Trà Bồng"]
    assert m.unmatched == [files[3]]
    assert not m.ok


def test_ambiguous_old_name_refused_naming_the_new_communes(tmp_path: Path) -> None:
    ws = _ws(tmp_path, units_for(None, "Quảng Ngãi").text)
    assert ws.area.kind == "province" and len(ws.area.old_units) > 200
    _roster(tmp_path / "rosters" / str(AUG_2025) / "x.xlsx", "Trần Hưng Đạo", 4, 1)
    rosters = collect_month(ws, AUG_2025, workers=1)
    with pytest.raises(WorkspaceError) as info:
        check_matching(rosters, tmp_path)
    for lang in ("en", "vi"):
        assert "Cẩm Thành" in info.value.message(lang) and "Đăk BLa" in info.value.message(lang)
    assert "could be any of" in info.value.message("en")
    assert "có thể là của" in info.value.message("vi")


def test_commune_workspace_merges_its_old_communes_lists(tmp_path: Path) -> None:
    ws = _ws(tmp_path, commune_config("Vạn Tường", "Quảng Ngãi").text)
    assert ws.area.kind == "commune" and ws.area.level == "commune"
    assert [u.name for u in ws.area.communes] == ["Vạn Tường"]
    assert len(ws.area.old_units) == 6
    month = tmp_path / "rosters" / str(AUG_2025)
    _roster(month / "ds.xlsx", "Bình Hòa", 5, 1)  # by its title row
    _roster(month / "binh_phuoc T8.xlsx", "x", 3, 2, title=False)  # by its file name
    rosters = collect_month(ws, AUG_2025, workers=1)
    check_matching(rosters, tmp_path)
    assert rosters.matching.merged == {"21061": [month / "binh_phuoc T8.xlsx", month / "ds.xlsx"]}
    run = run_summary(ws, AUG_2025)
    assert run.summary.total.total == 5 + 3
    assert [c.unit.name for c in run.summary.reported] == ["Vạn Tường"]
    frame = pd.read_parquet(run.dataset)
    assert frame["don_vi_cu"].value_counts().to_dict() == {"Bình Hòa": 5, "Bình Phước": 3}
    assert set(frame["commune"]) == {"Vạn Tường"}


def test_two_lists_of_the_same_old_commune_are_still_a_conflict(tmp_path: Path) -> None:
    ws = _ws(tmp_path, commune_config("Vạn Tường", "Quảng Ngãi").text)
    month = tmp_path / "rosters" / str(AUG_2025)
    _roster(month / "a.xlsx", "Bình Hòa", 4, 1)
    _roster(month / "b.xlsx", "Bình Hòa", 4, 2)
    rosters = collect_month(ws, AUG_2025, workers=1)
    assert rosters.matching.conflicts == {"21061": [month / "a.xlsx", month / "b.xlsx"]}
    with pytest.raises(WorkspaceError, match="2 files for Bình Hòa"):  # the old commune
        check_matching(rosters, tmp_path)


def test_a_name_that_matches_nothing_is_the_usual_clear_error(tmp_path: Path) -> None:
    ws = _ws(tmp_path, commune_config("Vạn Tường", "Quảng Ngãi").text)
    _roster(tmp_path / "rosters" / str(AUG_2025) / "x.xlsx", "Tịnh Khê", 4, 1)
    with pytest.raises(WorkspaceError, match="matches no commune of the workspace"):
        run_summary(ws, AUG_2025)


def test_a_province_month_before_the_merger_is_reported_by_its_old_communes(
    tmp_path: Path,
) -> None:
    ws = _ws(tmp_path, units_for(None, "Quảng Ngãi").text)
    folder = tmp_path / "rosters" / "2024-06"
    folder.mkdir(parents=True)
    rows = make_rows(4, seed=1, month=(2024, 6))
    write_roster(folder / "x.xlsx", rows, Layout(commune="Bình Hòa", month_title="Tháng 6/2024"))
    write_roster(
        folder / "y.xlsx",
        make_rows(3, 2, (2024, 6)),
        Layout(commune="Bình Phước", month_title="Tháng 6/2024"),
    )
    run = run_summary(ws, Month(2024, 6))
    reported = {c.unit.code: c.unit.name for c in run.summary.reported}
    assert reported == {"21079": "Bình Hòa", "21073": "Bình Phước"}  # not merged: as it was
    assert run.summary.total.total == 7


def test_init_commune_cli_and_old_files_without_kind(tmp_path: Path) -> None:
    run = run_cli("init", tmp_path / "w", "--commune", "Vạn Tường", "--province", "Quảng Ngãi")
    assert run.returncode == 0, run.stderr
    assert "6 old communes" in run.stdout and "Bình Hòa" in run.stdout
    assert load_workspace(tmp_path / "w").area.kind == "commune"
    bad = run_cli("init", tmp_path / "v", "--commune", "Vạn Tường")
    assert bad.returncode == 2 and "--province" in bad.stdout + bad.stderr
    assert not (tmp_path / "v" / "cashless.toml").exists()
    _, units = province_units("Quảng Ngãi")
    old_style = _ws(tmp_path / "o", render_config(Area("Quảng Ngãi", "province", None, units)))
    assert old_style.area.kind is None and old_style.area.old_units == ()


def test_old_place_names_in_addresses_are_never_flagged(tmp_path: Path) -> None:
    """ID cards keep the names of before July 2025: an address under an old name is right."""
    rows = make_rows(4, seed=3, month=(2025, 8))
    for row in rows:
        row["noi_cap"] = "Công an tỉnh Kon Tum"  # a province merged into Quảng Ngãi
        # the permanent address (Nơi thường trú is a heading of the thon column)
        row["thon"] = "Thôn 2, xã Bình Hòa, huyện Bình Sơn, tỉnh Quảng Ngãi"
    headers = {"noi_cap": "Nơi cấp"}
    layout = Layout(
        commune="Bình Hòa",
        month_title=AUG.month_title,
        keys=[*KEYS, *headers],
        headers=headers,
    )
    write_roster(tmp_path / "x.xlsx", rows, layout)
    report = validate_file(tmp_path / "x.xlsx", Options(month=AUG_2025))
    assert report.error is None and report.rows == 4
    assert report.rows_with_errors == 0
    flagged = [
        p
        for p in report.issues  # errors and warnings (an unknown column is only noted)
        if p.column in {*headers, "thon"}
        or (p.header or "") in headers.values()
        or p.code.startswith("unit")
    ]
    assert flagged == []


def test_payments_of_a_merged_commune_take_every_old_communes_rows(tmp_path: Path) -> None:
    from cashless_cli.payments.select import select_payments

    ws = _ws(tmp_path, commune_config("Vạn Tường", "Quảng Ngãi").text)
    month = tmp_path / "rosters" / str(AUG_2025)
    _roster(month / "a.xlsx", "Bình Hòa", 5, 1)
    _roster(month / "b.xlsx", "Bình Hải", 4, 2)
    rosters = collect_month(ws, AUG_2025, workers=1)
    payments = select_payments(AUG_2025, rosters.units, rosters.reports, rosters.matching, {})
    (commune,) = payments.communes
    assert commune.problem is None
    assert len(commune.accounts) + len(commune.cash) + len(commune.check) == 5 + 4


@pytest.mark.parametrize(
    ("title", "commune"),
    [
        ("UBND XÃ BÌNH HÒA", "Bình Hòa"),
        ("ỦY BAN NHÂN DÂN PHƯỜNG TRƯƠNG QUANG TRỌNG", "Trương Quang Trọng"),
        ("UBND ĐẶC KHU LÝ SƠN", "Lý Sơn"),  # the island units of July 2025
        ("UBND THỊ TRẤN CHÂU Ổ", "Châu Ổ"),
        ("DANH SÁCH CHI TRẢ", None),
    ],
)
def test_a_roster_title_names_its_commune_of_any_kind(title: str, commune: str | None) -> None:
    from cashless_cli.read.metadata import commune_from_text

    assert commune_from_text(title) == commune
