"""How long `cashless validate --annotate` takes on a 10,000-row roster (a figure, not a test).

    python benchmarks/bench_annotate.py [--rows 10000] [--problems 500] [--keep DIR]

Builds a synthetic roster with tests/factory.py (valid rows, then ``--problems`` planted errors
and warnings), then times, best of three, in this process:

* ``validate_file`` alone,
* ``annotate_copy`` alone (load with openpyxl, mark, result sheet, save),
* the whole command ``cashless validate ROSTER --annotate OUT`` in a fresh process, with its
  CPU seconds and peak memory,
* the floor (issue 17: the command should cost at most 1.2x it): openpyxl's load and save of
  the same file, in a fresh process, with its CPU seconds and peak memory.

The peak is measured inside the fresh process (its VmHWM): the one ``wait4`` reports also
counts the forked copy of this benchmark's process before it ran the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from fresh import bytecode_ready, settled  # noqa: E402

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
        settled()
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
    bytecode_ready()  # as an installed copy runs: from its cached bytecode

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
        cmd = ["validate", str(roster), "--annotate", str(out), "--max-issues", "0", "--lang", "vi"]
        floor = [str(roster), str(folder / "resaved.xlsx")]
        peaks: dict[str, float] = {}
        cpu: dict[str, float] = {}

        def run(name: str, argv: list[str], ok: tuple[int, ...]) -> None:
            seconds, mb = child(name, argv, env, ok, folder / "rusage.json")
            peaks[name] = max(peaks.get(name, 0.0), mb)
            cpu[name] = min(cpu.get(name, seconds), seconds)

        t_command = best(lambda: run("command", cmd, (0, 1)))
        t_floor = best(lambda: run("floor", floor, (0,)))
        size = roster.stat().st_size
        print(f"roster: {report.rows} rows, {len(report.issues)} problems, {size:,} B")
        print(f"validate_file:                   {t_validate:6.2f} s")
        print(f"annotate_copy:                   {t_annotate:6.2f} s")
        print(
            f"cashless validate --annotate:    {t_command:6.2f} s  CPU {cpu['command']:.2f} s"
            f"  peak {peaks['command']:.0f} MB  (fresh process, best of 3)"
        )
        print(
            f"floor: openpyxl load + save:     {t_floor:6.2f} s  CPU {cpu['floor']:.2f} s"
            f"  peak {peaks['floor']:.0f} MB  -> {t_command / t_floor:.2f}x the floor"
            f" ({cpu['command'] / cpu['floor']:.2f}x in CPU; aim: <= 1.2x)"
        )
        print(f"annotated copy: {out.stat().st_size:,} B")


#: The floor: what any marked copy must do at least, openpyxl loading the roster and saving it.
_LOAD_AND_SAVE = "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])"

#: Runs the command (``command``) or the floor in this fresh process, then writes its exit
#: code, CPU seconds and peak memory as JSON to the file argv[1]. The peak is the process's
#: own (Linux: VmHWM; ru_maxrss elsewhere, which may count the benchmark's forked copy).
_MEASURED = """
import json, resource, runpy, sys
out, what = sys.argv.pop(1), sys.argv.pop(1)
code = 0
try:
    if what == "command":
        runpy.run_module("cashless_cli", run_name="__main__", alter_sys=True)
    else:
        exec(FLOOR)
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
me = resource.getrusage(resource.RUSAGE_SELF)
mb = me.ru_maxrss / 1024
try:
    with open("/proc/self/status") as status:
        mb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
except (OSError, StopIteration):
    pass
with open(out, "w") as f:
    json.dump({"code": code, "cpu": me.ru_utime + me.ru_stime, "mb": mb}, f)
""".replace("FLOOR", repr(_LOAD_AND_SAVE))


def child(
    what: str, argv: list[str], env: dict[str, str], ok: tuple[int, ...], out: Path
) -> tuple[float, float]:
    """Run the command or the floor in a fresh process: its CPU seconds and peak memory (MB);
    an exit code outside ``ok`` stops the benchmark."""
    cmd = [sys.executable, "-c", _MEASURED, str(out), what, *argv]
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    figures = json.loads(out.read_text())
    if done.returncode not in ok or figures["code"] not in ok:
        raise SystemExit(f"{what} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return figures["cpu"], figures["mb"]


if __name__ == "__main__":
    main()
