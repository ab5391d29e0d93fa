"""The commented ``[report]`` block that ``cashless init`` writes says what the documents use
when it is absent: uncommenting it changes nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.workspace.config import Area, load_workspace

runner = CliRunner()


def defaults(area: Area, config: dict[str, Any] | None = None) -> dict[str, str]:
    """The letterhead the documents print for ``area`` (with ``config``'s [report], if any)."""
    from cashless_cli.write.letterhead import letterhead_for

    head = letterhead_for(area, config)
    return {k: getattr(head, k) for k in ("issuer", "office", "signer_title", "signer")}


def uncommented(config_text: str) -> dict[str, Any]:
    """The commented ``[report]`` table of ``config_text``, uncommented and parsed."""
    lines = config_text.splitlines()
    start = lines.index("# [report]")
    block = []
    for line in lines[start:]:
        if not line.startswith("# "):
            break
        block.append(line[2:])
    return tomllib.loads("\n".join(block))


@pytest.mark.parametrize(
    "args",
    [
        ["--district", "Bình Sơn", "--province", "Quảng Ngãi"],
        ["--province", "Quảng Ngãi"],
        ["--province", "Huế"],  # a centrally-run city: UBND THÀNH PHỐ HUẾ
        ["--commune", "Vạn Tường", "--province", "Quảng Ngãi"],  # signed by the commune's chair
    ],
    ids=["district", "province", "city", "commune"],
)
def test_the_report_block_agrees_with_the_defaults(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), *args])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "ws" / "cashless.toml").read_text(encoding="utf-8")
    block = uncommented(text)
    area = load_workspace(tmp_path / "ws").area
    assert set(block["report"]) == {"issuer", "office", "signer_title", "signer"}
    assert block["report"] == defaults(area), "init's [report] block is not the default"
    assert defaults(area, block) == defaults(area)  # uncommenting it changes nothing


def test_a_changed_block_is_noticed(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "ws"), "--province", "Quảng Ngãi"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "ws" / "cashless.toml").read_text(encoding="utf-8")
    wrong = text.replace('# signer_title = "GIÁM ĐỐC"', '# signer_title = "TRƯỞNG PHÒNG"')
    area = load_workspace(tmp_path / "ws").area
    assert uncommented(wrong)["report"] != defaults(area)
