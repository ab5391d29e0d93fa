"""One of cashless's own lists put among the rosters (the trial dropped the payment list into
rosters/) is said to be that list, never read as a commune's roster nor called a roster that
lacks its ID column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from cashless_cli.cli.app import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
runner = CliRunner()


def _codes(path: Path) -> list[str]:
    result = runner.invoke(app, ["validate", str(path), "--format", "json", "--lang", "vi"])
    assert result.exit_code == 2, result.output
    return [f["error"]["code"] for f in json.loads(result.stdout)["files"]]


def test_the_handoff_list_among_the_rosters_is_named_for_what_it_is(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", ws)
    assert runner.invoke(app, ["export-postoffice", "-w", str(ws)]).exit_code == 0
    (handoff,) = (ws / "handoff").rglob("*_buu-dien.xlsx")
    dropped = ws / "rosters" / "2023-06" / handoff.name
    shutil.copy(handoff, dropped)
    assert _codes(dropped) == ["roster-is-own-list"]
    said = runner.invoke(app, ["validate", str(dropped), "--lang", "vi"]).output
    assert "danh sách mở tài khoản gửi đơn vị chi trả do cashless lập" in said
    assert "Số CCCD" not in said  # not "a roster without its ID column"
    summary = runner.invoke(app, ["summarize", "-w", str(ws), "--month", "2023-06", "--lang", "vi"])
    assert summary.exit_code == 2  # the month is not counted with the list among the rosters
    assert handoff.name in summary.output and "do cashless lập" in summary.output
    (held,) = (ws / "handoff").rglob("*_can-bo-sung.xlsx")  # the rows held back, by commune
    assert _codes(held) == ["roster-is-own-list"]
    said = runner.invoke(app, ["validate", str(held), "--lang", "vi"]).output
    assert "danh sách chưa chuyển Bưu điện (cần bổ sung, sửa) do cashless lập" in said


def _list(path: Path, *rows: list[object]) -> Path:
    """A one-sheet workbook of ``rows`` (a header, then lines)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_payment_list_in_english_is_named_too(tmp_path: Path) -> None:
    path = _list(
        tmp_path / "payments-2025-09.xlsx",
        ["No.", "Commune", "Payment reference", "Name", "Amount (VND)"],
        [1, "Vạn Tường", "VT-2509-K7Q2M9D", "Nguyễn Văn An", 500000],
    )
    assert _codes(path) == ["roster-is-own-list"]
    said = runner.invoke(app, ["validate", str(path), "--lang", "en"]).output
    assert "is the payment list written by cashless" in said


def test_a_roster_without_ids_is_still_told_its_missing_column(tmp_path: Path) -> None:
    path = _list(
        tmp_path / "ds.xlsx",
        ["STT", "Họ và tên", "Thôn", "Diện đối tượng", "Mức trợ cấp"],
        [1, "Nguyễn Văn An", "Thôn 1", "1", 500000],
    )
    assert _codes(path) == ["identity-columns-missing"]
