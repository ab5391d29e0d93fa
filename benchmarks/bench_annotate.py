"""How long `cashless validate --annotate` takes on a 10,000-row roster (a figure, not a test).

    python benchmarks/bench_annotate.py [--rows 10000] [--problems 500] [--keep DIR]

Builds a synthetic roster with tests/factory.py (valid rows, then ``--problems`` planted errors
and warnings), then times, best of three, in this process:

* ``validate_file`` alone,
* ``annotate_copy`` alone (load with openpyxl, mark, result sheet, save),
* the whole command ``cashless validate ROSTER --annotate OUT`` in a fresh process, with its
  peak memory,
* the floor (issue 17: the command should cost at most 1.2x it): openpyxl's load and save of
  the same file, in a fresh process, with its peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from fresh import run_fresh  # noqa: E402

from cashless_cli.gcpause import tune_for_bulk  # noqa: E402
from cashless_cli.validation import Options, validate_file  # noqa: E402
from cashless_cli.write.annotate import annotate_copy  # noqa: E402
from factory import make_rows, write_roster  # noqa: E402


def build(folder: Path, rows: int, problems: int) -> Path:
    data = make_rows(rows, seed=11)
    step = max(1, rows // max(problems, 1))
    for n, i in enumerate(range(0, rows, step)):
        if n >= problems:
            break
        if n % 3 == 0:
            data[i]["dien_thoai"] = "0123456789"  # error
        elif n % 3 == 1:
            data[i]["muc_tro_cap"] = 123_000  # warning
        else:
            data[i]["trang_thai"] = "Không rõ"  # error
    return write_roster(folder / "binh_hoa T6.xlsx", data).path


def best(fn: object, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    tune_for_bulk()  # as the cashless command does at its start
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--problems", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep the roster and its copy in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        roster = build(folder, args.rows, args.problems)
        out = folder / "binh_hoa T6.kiem-tra.xlsx"
        options = Options(today=dt.date(2026, 11, 25))
        report = validate_file(roster, options)
        t_validate = best(lambda: validate_file(roster, options))
        t_annotate = best(lambda: annotate_copy(report, out, "vi"))
        env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT / 'tests'}"}
        cmd = [sys.executable, "-m", "cashless_cli", "validate", str(roster), "--annotate"]
        cmd += [str(out), "--max-issues", "0", "--lang", "vi"]

        peaks: dict[str, float] = {}

        def command() -> None:
            peaks["command"] = max(peaks.get("command", 0.0), child(cmd, env, (0, 1)))

        floor = [sys.executable, "-c", _LOAD_AND_SAVE, str(roster), str(folder / "resaved.xlsx")]

        def load_and_save() -> None:
            peaks["floor"] = max(peaks.get("floor", 0.0), child(floor, env, (0,)))

        t_command = best(command)
        t_floor = best(load_and_save)
        size = roster.stat().st_size
        print(f"roster: {report.rows} rows, {len(report.issues)} problems, {size:,} B")
        print(f"validate_file:                   {t_validate:6.2f} s")
        print(f"annotate_copy:                   {t_annotate:6.2f} s")
        print(
            f"cashless validate --annotate:    {t_command:6.2f} s  peak {peaks['command']:.0f} MB"
            "  (fresh process, best of 3)"
        )
        print(
            f"floor: openpyxl load + save:     {t_floor:6.2f} s  peak {peaks['floor']:.0f} MB"
            f"  -> {t_command / t_floor:.2f}x the floor (aim: <= 1.2x)"
        )
        print(f"annotated copy: {out.stat().st_size:,} B")


#: The floor: what any marked copy must do at least, openpyxl loading the roster and saving it.
_LOAD_AND_SAVE = "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])"


def child(cmd: list[str], env: dict[str, str], ok: tuple[int, ...]) -> float:
    """Run ``cmd``; its peak memory in MB (an exit code outside ``ok`` stops the benchmark)."""
    return run_fresh(cmd, env, ok)[1]


if __name__ == "__main__":
    main()
