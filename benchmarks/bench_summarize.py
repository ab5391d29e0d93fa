"""How long `cashless summarize` takes for a province (after 2025): 300 commune rosters of 1,000
rows each, next to a bare python-calamine read of the same files.

    python benchmarks/bench_summarize.py [--communes 300] [--rows 1000] [--keep DIR]

Validation runs in a process pool (one worker per core, see dataset/month.py); the bare read is
sequential, in one process, and does nothing but load every sheet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from factory import HEADERS, KEYS, make_rows

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


def summarize(root: Path) -> tuple[float, int]:
    from cashless_cli.schema.month import Month
    from cashless_cli.summary.run import run_summary
    from cashless_cli.workspace.config import load_workspace

    started = time.perf_counter()
    run = run_summary(load_workspace(root), Month(2025, 9))
    elapsed = time.perf_counter() - started
    assert not run.summary.not_reported, [c.unit.name for c in run.summary.not_reported]
    return elapsed, run.summary.total.total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=300)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cashless-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        paths = build(root, args.communes, args.rows)
        print(
            f"built {len(paths)} rosters x {args.rows} rows in {time.perf_counter() - t0:.1f} s "
            f"({os.cpu_count()} cores)"
        )
        read_s, cells = bare_read(paths)
        print(f"bare python-calamine read (1 process): {read_s:6.1f} s  ({cells:,} cells)")
        sum_s, total = summarize(root)
        print(f"cashless summarize (validate + table): {sum_s:6.1f} s  ({total:,} rows)")
        print(f"ratio summarize / bare read: {sum_s / read_s:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
