"""The loop closed: once the Post Office's reply is imported, summarize counts the accounts it
opened and validate tells the commune to update the rows that still say "Đã đăng ký"."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.ledger.store import Ledger
from cashless_cli.replies.reconcile import import_reply
from cashless_cli.workspace.config import load_workspace
from test_import_postoffice import HANDED_ON, SAMPLES, write_reply

runner = CliRunner()


@pytest.fixture(scope="module")
def replied(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    """The samples with the June batch handed over and 5 accounts reported opened."""
    root = tmp_path_factory.mktemp("loop") / "ws"
    shutil.copytree(SAMPLES / "workspace", root)
    before = json.loads(
        runner.invoke(app, ["summarize", "-w", str(root), "--format", "json"]).stdout
    )
    result = export_postoffice(load_workspace(root), None, now=lambda: HANDED_ON)
    with Ledger.open(root / ".cashless" / "ledger.sqlite") as ledger:
        handed = ledger.handovers(result.batch)
    opened = handed[:5]
    # opened in June: counted in June (an account counts from the month it was opened)
    answers = [
        {"ref": h.ref, "account": f"9{i}0000{i:06d}", "date": dt.date(2023, 6, 29)}
        for i, h in enumerate(opened)
    ]
    reply = write_reply(root / "reply.xlsx", answers)
    outcome = import_reply(load_workspace(root), reply)
    assert outcome.errors == []
    communes = [h.commune for h in opened]
    ids = [h.beneficiary_id for h in opened]
    (root / "before.json").write_text(json.dumps(before), encoding="utf-8")
    return root, communes, ids


def test_summarize_counts_the_accounts_the_post_office_opened(
    replied: tuple[Path, list[str], list[str]],
) -> None:
    root, communes, _ids = replied
    before = json.loads((root / "before.json").read_text(encoding="utf-8"))
    after = json.loads(
        runner.invoke(app, ["summarize", "-w", str(root), "--format", "json"]).stdout
    )
    assert after["district"]["with_account"] == before["district"]["with_account"] + 5
    assert after["district"]["registered"] == before["district"]["registered"]
    assert after["district"]["total"] == before["district"]["total"]
    old = {c["name"]: c for c in before["communes"]}
    for c in after["communes"]:
        gained = communes.count(c["name"])
        assert c["with_account"] == old[c["name"]]["with_account"] + gained, c["name"]


def test_validate_warns_at_the_stale_status_cell(
    replied: tuple[Path, list[str], list[str]],
) -> None:
    root, _communes, ids = replied
    rosters = root / "rosters" / "2023-06"
    result = runner.invoke(
        app, ["validate", str(rosters), "-w", str(root), "--format", "json", "--lang", "en"]
    )
    doc = json.loads(result.stdout)
    stale = [
        (f["path"], i)
        for f in doc["files"]
        for i in f["issues"]
        if i["code"] == "account-opened-elsewhere"
    ]
    assert len(stale) == 5
    assert all(i["column"] == "trang_thai" and i["value"] == "Đã đăng ký" for _, i in stale)
    # without the workspace, the roster alone says nothing of the Post Office
    alone = json.loads(runner.invoke(app, ["validate", str(rosters), "--format", "json"]).stdout)
    assert not any(
        i["code"] == "account-opened-elsewhere" for f in alone["files"] for i in f["issues"]
    )
    assert len(ids) == 5
