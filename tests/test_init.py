"""`cashless init`: a workspace with the area's official units, offline."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.schema.domain import binh_son_communes
from cashless_cli.workspace.config import WorkspaceError, load_workspace
from cashless_cli.workspace.units import units_for

runner = CliRunner()


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """init must never need the network: any connection attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("init tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_district_before_2025_uses_the_bundled_list(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["init", str(tmp_path / "bs"), "--district", "Bình Sơn", "--province", "Quảng Ngãi"]
    )
    assert result.exit_code == 0, result.output
    ws = load_workspace(tmp_path / "bs")
    assert ws.area.level == "district" and ws.area.name == "Bình Sơn"
    assert ws.area.province == "Quảng Ngãi"
    assert ws.area.communes == binh_son_communes()
    assert len(ws.area.communes) == 22
    assert (tmp_path / "bs" / "rosters").is_dir() and (tmp_path / "bs" / "reports").is_dir()
    # the same with the words people type: "huyện binh son", no province
    again = units_for("huyện binh son", None)
    assert again.complete and again.area is not None and again.area.communes == ws.area.communes


def test_province_after_2025_comes_from_vietnam_provinces(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "qn"), "--province", "quang ngai"])
    assert result.exit_code == 0, result.output
    assert "vietnam-provinces" in result.output
    ws = load_workspace(tmp_path / "qn")
    assert ws.area.level == "province" and ws.area.name == "Quảng Ngãi"
    names = {u.name for u in ws.area.communes}
    assert len(ws.area.communes) > 90
    assert all(len(u.code) == 5 and u.code.isdigit() for u in ws.area.communes)
    assert not any(n.startswith(("Xã ", "Phường ")) for n in names)
    assert {u.kind for u in ws.area.communes} <= {"xã", "phường", "đặc khu"}
    hanoi = units_for(None, "Thành phố Hà Nội")
    assert hanoi.area is not None and hanoi.area.name == "Hà Nội"
    tuyen_quang = units_for(None, "Tuyên Quang")
    assert tuyen_quang.area is not None
    assert "Hà Giang 1" in {u.name for u in tuyen_quang.area.communes}


def test_unknown_district_gets_a_template_to_fill(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["init", str(tmp_path / "x"), "--district", "Sơn Tịnh", "--province", "Quảng Ngãi"]
    )
    assert result.exit_code == 0, result.output
    assert "vietnam-provinces only has the structure after July 2025" in " ".join(
        result.output.split()
    )
    text = (tmp_path / "x" / "cashless.toml").read_text(encoding="utf-8")
    assert 'name = "Sơn Tịnh"' in text and "# [[communes]]" in text
    with pytest.raises(WorkspaceError, match="no \\[\\[communes\\]\\] listed"):
        load_workspace(tmp_path / "x")


def test_no_area_gives_a_template(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t" / "cashless.toml").is_file()


def test_refuses_to_overwrite_and_unknown_province(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path), "--province", "Quảng Ngãi"]).exit_code == 0
    before = (tmp_path / "cashless.toml").read_bytes()
    again = runner.invoke(app, ["init", str(tmp_path), "--district", "Bình Sơn"])
    assert again.exit_code == 2
    assert (tmp_path / "cashless.toml").read_bytes() == before
    forced = runner.invoke(app, ["init", str(tmp_path), "--district", "Bình Sơn", "--force"])
    assert forced.exit_code == 0
    assert load_workspace(tmp_path).area.level == "district"
    bad = runner.invoke(app, ["init", str(tmp_path / "n"), "--province", "Atlantis"])
    assert bad.exit_code == 2
    assert not (tmp_path / "n" / "cashless.toml").exists()
