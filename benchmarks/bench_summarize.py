"""How long `cashless summarize` takes for a province (after 2025): 300 commune rosters of 1,000
rows each, next to a bare python-calamine read of the same files.

    python benchmarks/bench_summarize.py [--communes 300] [--rows 1000] [--keep DIR]

Validation runs in a process pool (one worker per core, see dataset/month.py); the bare read is
sequential, in one process, and does nothing but load every sheet. The command runs in a fresh
process (``cashless summarize``: the dataset, the rate table and the history written), best of
``--runs``, with its CPU seconds and peak memory, the parent's and its workers' apart (the
workers' peak is the largest worker's).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from factory import HEADERS, KEYS, make_rows

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fresh import bytecode_ready, settled

VILLAGES = ("An", "Phú", "Tân", "Hòa", "Thanh", "Đông", "Tây", "Trung", "Mỹ", "Phước", "Long")
SECOND = ("Lộc", "Hòa", "Thạnh", "Bình", "Hiệp", "Thuận", "Yên", "Lợi", "Điền", "Sơn", "Hải")


def commune_names(n: int) -> list[str]:
    """``n`` distinct made-up commune names ("An Lộc", "An Lộc 2", …)."""
    rng = random.Random(5)
    names: list[str] = []
    seen: dict[str, int] = {}
    while len(names) < n:
        base = f"{rng.choice(VILLAGES)} {rng.choice(SECOND)}"
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base} {seen[base]}")
    return names


def write_roster(path: Path, commune: str, rows: list[dict[str, object]]) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Danh sách")
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write(0, 0, f"UBND XÃ {commune.upper()}")
    ws.write(1, 0, "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐĂNG KÝ NHẬN TRỢ CẤP QUA TÀI KHOẢN")
    ws.write(2, 0, "Tháng 9 năm 2025")
    for c, key in enumerate(KEYS):
        ws.write_string(4, c, HEADERS[key])
    for r, row in enumerate(rows, start=5):
        for c, key in enumerate(KEYS):
            value = row.get(key)
            if value is None:
                continue
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, float(value))  # type: ignore[arg-type]
    wb.close()


def build(root: Path, communes: int, rows: int) -> list[Path]:
    names = commune_names(communes)
    lines = ["[province]", 'name = "Tỉnh Mẫu"', ""]
    for i, name in enumerate(names, start=1):
        lines += ["[[communes]]", f'code = "{i:05d}"', f'name = "{name}"', 'kind = "xã"', ""]
    (root / "cashless.toml").write_text("\n".join(lines), encoding="utf-8")
    folder = root / "rosters" / "2025-09"
    folder.mkdir(parents=True)
    paths = []
    for i, name in enumerate(names):
        path = folder / f"roster-{i:03d}.xlsx"
        write_roster(path, name, make_rows(rows, seed=i, month=(2025, 9)))
        paths.append(path)
    return paths


def bare_read(paths: list[Path]) -> tuple[float, int]:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    cells = 0
    for path in paths:
        book = CalamineWorkbook.from_path(str(path))
        data = book.get_sheet_by_index(0).to_python()
        cells += sum(len(r) for r in data)
    return time.perf_counter() - started, cells


#: ``cashless summarize`` as a user runs it, then its own and its workers' CPU and peak memory
#: (the workers have ended by then: RUSAGE_CHILDREN holds them), as JSON in the file argv[1].
_COMMAND = """
import json, resource, sys
out = sys.argv.pop(1)
from cashless_cli.cli.app import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
import multiprocessing
for worker in multiprocessing.active_children():  # ending while the command went on
    worker.join()
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
mb = me.ru_maxrss / 1024  # Linux: VmHWM, this process's own (not the benchmark's forked copy)
try:
    with open("/proc/self/status") as status:
        mb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
except (OSError, StopIteration):
    pass
figures = {"code": code, "cpu": me.ru_utime + me.ru_stime, "mb": mb}
figures |= {"workers_cpu": kids.ru_utime + kids.ru_stime, "workers_mb": kids.ru_maxrss / 1024}
with open(out, "w") as f:
    json.dump(figures, f)
"""


def summarize(root: Path) -> dict[str, float]:
    """One run of the command in a fresh process: wall seconds, CPU and peak memory."""
    out = root / "rusage.json"
    cmd = [sys.executable, "-c", _COMMAND, str(out), "summarize", "-w", str(root)]
    cmd += ["--month", "2025-09", "--lang", "en"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    settled()
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    figures: dict[str, float] = json.loads(out.read_text())
    if done.returncode != 0 or figures["code"] not in (0, None):
        raise SystemExit(f"summarize exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return {"wall": elapsed, **figures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=300)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument(
        "--keep", type=Path, help="build the workspace here and keep it (reused when built)"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of the command (best kept)")
    args = parser.parse_args()
    bytecode_ready()  # as an installed copy runs: from its cached bytecode
    with tempfile.TemporaryDirectory(prefix="cashless-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        folder = root / "rosters" / "2025-09"
        if (root / "cashless.toml").exists() and folder.is_dir():  # a kept workspace
            paths = sorted(folder.glob("roster-*.xlsx"))
        else:
            paths = build(root, args.communes, args.rows)
        print(
            f"{len(paths)} rosters x {args.rows} rows in {time.perf_counter() - t0:.1f} s "
            f"({os.cpu_count()} cores)"
        )
        read_s, cells = bare_read(paths)
        print(f"bare python-calamine read (1 process): {read_s:6.1f} s  ({cells:,} cells)")
        runs = [summarize(root) for _ in range(max(1, args.runs))]
        run = min(runs, key=lambda r: r["wall"])
        print(
            f"cashless summarize (fresh process):    {run['wall']:6.1f} s  (best of {len(runs)}; "
            f"CPU {run['cpu']:.1f} s + workers {run['workers_cpu']:.1f} s; "
            f"peak {run['mb']:.0f} MB, largest worker {run['workers_mb']:.0f} MB)"
        )
        print(f"ratio summarize / bare read: {run['wall'] / read_s:.2f}x  (aim: <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
