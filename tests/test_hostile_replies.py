"""A reply full of reference codes nobody handed over: the text answer stays readable (a capped
list, how many more, where to see all) and the JSON lists every one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli_helpers import REPO, run_cli

UNKNOWN = 5_000


def _reply(path: Path) -> Path:
    lines = ["Mã tham chiếu,Kết quả,Số tài khoản,Ngày mở"]
    lines += [f"BS-2306-X{i:06d},Đã mở,12345678901{i % 10},05/06/2023" for i in range(UNKNOWN)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_many_unknown_references_keep_the_text_readable(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(REPO / "samples" / "workspace", root)
    assert run_cli("export-postoffice", "-w", root, "--month", "2023-06").returncode == 0
    reply = _reply(tmp_path / "reply.csv")
    run = run_cli("import-postoffice", reply, "-w", root, timeout=120)
    assert run.returncode == 1, run.describe()
    assert len(run.stdout) < 20_000, f"{len(run.stdout)} characters of text output"
    flat = " ".join(run.output.split())
    assert f"{UNKNOWN - 20} more (--format json lists every one)" in flat, run.describe()
    assert "BS-2306-X000000" in flat and f"BS-2306-X{UNKNOWN - 1:06d}" not in flat
    doc = json.loads(run_cli("import-postoffice", reply, "-w", root, "--format", "json").stdout)
    assert len(doc["unknown_refs"]) == UNKNOWN
    assert len(set(doc["unknown_refs"])) == UNKNOWN
