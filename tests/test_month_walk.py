"""The walk over a month, commune by commune: each commune's roster or its status (no roster,
several rosters, an unreadable one), worded once from the catalogue for every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from cashless_cli.dataset.figures import summarize_month
from cashless_cli.dataset.month import (
    CONFLICT,
    MISSING,
    UNREADABLE,
    CommuneRoster,
    collect_month,
    walk_communes,
)
from cashless_cli.handoff.select import select_rows
from cashless_cli.payments.select import select_payments
from cashless_cli.problems import CATALOGUE
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Area, load_workspace, render_config
from factory import Layout, make_rows, write_roster

UNITS = (
    Unit("21079", "Bình Hòa", "xã"),
    Unit("21085", "Bình Minh", "xã"),
    Unit("21088", "Bình Chương", "xã"),
    Unit("21094", "Bình Nguyên", "xã"),
)
JUNE = Month(2023, 6)


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[CommuneRoster]]:
    root = tmp_path_factory.mktemp("ws")
    (root / "cashless.toml").write_text(
        render_config(Area("Bình Sơn", "district", "Quảng Ngãi", UNITS)), encoding="utf-8"
    )
    june = root / "rosters" / "2023-06"
    june.mkdir(parents=True)
    write_roster(june / "binh_hoa T6.xlsx", make_rows(6), Layout(title=False))
    write_roster(june / "binh_minh a.xlsx", make_rows(5, seed=2), Layout(title=False))
    write_roster(june / "binh_minh b.xlsx", make_rows(5, seed=3), Layout(title=False))
    (june / "binh_chuong T6.xlsx").write_bytes(b"PK\x03\x04 broken")  # Bình Nguyên: nothing
    ws = load_workspace(root)
    rosters = collect_month(ws, JUNE, workers=1)
    return root, list(walk_communes(UNITS, rosters.reports, rosters.matching))


def test_every_commune_once_in_order_with_its_roster_or_status(
    month: tuple[Path, list[CommuneRoster]],
) -> None:
    root, communes = month
    june = root / "rosters" / "2023-06"
    assert [c.unit for c in communes] == list(UNITS)
    hoa, minh, chuong, nguyen = communes
    assert hoa.status is None and hoa.readable is not None and hoa.path == june / "binh_hoa T6.xlsx"
    assert len(hoa.readable.records) == 6
    assert minh.status is not None and minh.status.code == CONFLICT and minh.readable is None
    assert minh.path is None
    assert chuong.status is not None and chuong.status.code == UNREADABLE
    assert chuong.readable is None and chuong.report is not None  # the report keeps its error
    assert chuong.path == june / "binh_chuong T6.xlsx"
    assert nguyen.status is not None and nguyen.status.code == MISSING
    assert nguyen.path is None and nguyen.report is None


def test_statuses_are_worded_by_the_catalogue_in_both_languages(
    month: tuple[Path, list[CommuneRoster]],
) -> None:
    _, (_, minh, chuong, nguyen) = month
    for code in (MISSING, CONFLICT, UNREADABLE):
        assert code in CATALOGUE
    assert nguyen.status is not None and chuong.status is not None and minh.status is not None
    assert nguyen.status.message("en") == "no roster this month"
    assert nguyen.status.message("vi") == "chưa có danh sách tháng này"
    assert minh.status.message("en") == (
        "several rosters claim this commune (binh_minh a.xlsx, binh_minh b.xlsx)"
    )
    assert minh.status.message("vi") == (
        "có nhiều tệp cùng là của xã này (binh_minh a.xlsx, binh_minh b.xlsx)"
    )
    assert chuong.report is not None and chuong.report.error is not None
    for lang in ("en", "vi"):
        why = chuong.report.error.message(lang)
        assert chuong.status.message(lang) == f"binh_chuong T6.xlsx: {why}"


def test_handoff_payments_and_summary_agree_on_the_walk(
    month: tuple[Path, list[CommuneRoster]],
) -> None:
    root, communes = month
    rosters = collect_month(load_workspace(root), JUNE, workers=1)
    selection = select_rows(JUNE, UNITS, rosters.reports, rosters.matching)
    payments = select_payments(JUNE, UNITS, rosters.reports, rosters.matching, {})
    summary = summarize_month(rosters, Area("Bình Sơn", "district", "Quảng Ngãi", UNITS))
    reported = {c.unit.code for c in summary.communes if c.reported}
    for walked, handed, paid in zip(communes, selection.communes, payments.communes, strict=True):
        assert walked.unit == handed.unit == paid.unit
        assert (walked.unit.code in reported) is (walked.status is None)
        if walked.status is None:
            assert handed.problem("en") is None and paid.problem is None
            continue
        for lang in ("en", "vi"):
            said = walked.status.message(lang)
            assert (handed.problem(lang) or "").startswith(said)
            assert paid.problem is not None
            # the payment list goes on after the reason ("…(broken zip archive): not in this
            # list"), so the reason's full stop is dropped there, never its words
            assert getattr(paid.problem, lang).startswith(said.rstrip("."))
        assert handed.unreadable is (walked.status.code == UNREADABLE)
