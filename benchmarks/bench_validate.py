"""How long `cashless validate` takes on a 100,000-row roster, next to a bare python-calamine read.

Aim (issue 17): no more than 1.5x the bare read, peak memory under 300 MB, and a roster with many
problems not much dearer than a clean one (the command's JSON output included).

    python benchmarks/bench_validate.py [--rows 100000] [--errors 0.05] [--many 0.3] [--keep DIR]

Three rosters: a clean one, one where a share of rows (``--errors``) has a genuine mistake, and one
with many (``--many``), since a problem costs more than a clean row (it is located, worded and
reported). Each figure is the best of three runs in a fresh process, printed beside its floor;
peak memory is the child's max RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter
from fresh import bytecode_ready, run_fresh

HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số CCCD/Định danh",
    "Thôn/Tổ dân phố",
    "Diện đối tượng",
    "Hệ số",
    "Mức trợ cấp (đồng)",
    "Người nhận",
    "Họ tên người nhận",
    "Số CCCD người nhận",
    "Quan hệ với đối tượng",
    "Số điện thoại",
    "Tình trạng đăng ký",
    "Ngày đăng ký",
    "Số tài khoản",
    "Nơi mở tài khoản",
    "Ghi chú",
    "Dân tộc",
]


def write_roster(path: Path, rows: int, seed: int = 7, errors: float = 0.0) -> None:
    """A synthetic roster (made-up names and numbers) with title rows, header on row 5.

    ``errors``: the share of rows given one genuine mistake each (an ID that contradicts the
    sex, a short phone number, a wrong amount, a registration without its date, a missing name),
    as real communes send them; every such row is then reported with its problem.
    """
    rng = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Danh sách")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write(0, 0, "UBND XÃ BÌNH HÒA")
    ws.write(1, 0, "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐĂNG KÝ NHẬN TRỢ CẤP QUA TÀI KHOẢN")
    ws.write(2, 0, "Tháng 6 năm 2023")
    for c, h in enumerate(HEADERS):
        ws.write(4, c, h)
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng"]
    given = ["An", "Bình", "Cúc", "Dũng", "Hoa", "Lan", "Mai", "Nam"]
    for i in range(rows):
        r = 5 + i
        female = rng.random() < 0.5
        year = 2023 - rng.randint(62, 78)
        status = ("Chưa đăng ký", "Đã đăng ký", "Đã có tài khoản", "Từ chối")[i % 4]
        ident = f"051{1 if female else 0}{year % 100:02d}{i:06d}"
        # One genuine mistake in this row, or none (-1).
        mistake = rng.randrange(5) if rng.random() < errors else -1
        ws.write_number(r, 0, i + 1)
        middle = "Thị" if female else "Văn"
        if mistake != 0:  # 0: the name is missing
            ws.write_string(r, 1, f"{rng.choice(families)} {middle} {rng.choice(given)}")
        ws.write_datetime(r, 2, dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28)), date_fmt)
        # 1: the sex contradicts the ID's sex digit
        ws.write_string(r, 3, "Nữ" if female != (mistake == 1) else "Nam")
        ws.write_string(r, 4, ident)
        ws.write_string(r, 5, f"Thôn {rng.randint(1, 9)}")
        ws.write_string(r, 6, "5a")
        ws.write_number(r, 7, 1.5)
        ws.write_number(r, 8, 500000 if mistake == 2 else 540000)  # 2: the wrong amount
        if mistake == 3:  # registered, without the receiver, phone or date
            status = "Đã đăng ký"
        elif status in ("Đã đăng ký", "Đã có tài khoản"):
            ws.write_string(r, 9, "Bản thân")
            digits = 5 if mistake == 4 else 7  # 4: a phone number too short
            ws.write_string(r, 13, f"091{rng.randrange(10**digits):0{digits}d}")
            ws.write_datetime(r, 15, dt.datetime(2023, 6, rng.randint(1, 28)), date_fmt)
        ws.write_string(r, 14, status)
        if status == "Đã có tài khoản":
            ws.write_string(r, 16, f"{rng.randrange(10**12):012d}")
            ws.write_string(r, 17, "Bưu điện")
        ws.write_string(r, 19, "Kinh")
    wb.close()


CALAMINE = """
import sys, python_calamine as pc
wb = pc.CalamineWorkbook.from_path(sys.argv[1])
rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
print(len(rows))
"""

VALIDATE = """
import sys
from pathlib import Path
from cashless_cli.validation import validate_file
try:
    from cashless_cli.gcpause import tune_for_bulk
    tune_for_bulk()  # as the cashless command does at its start (the process is ours)
except ImportError:  # an older checkout (--against): it paused the collector itself
    pass
report = validate_file(Path(sys.argv[1]))
print(report.rows, report.rows_with_errors, len(report.problems))
"""


def run(code: str, path: Path, src: Path | None = None) -> tuple[float, float, str, float]:
    """(seconds, peak MB, stdout, CPU seconds) of ``code`` in a fresh interpreter (importing
    cashless from ``src``, another checkout's ``src`` folder, when given)."""
    wrapper = (
        "import resource, time, runpy, sys\n"
        "t = time.perf_counter()\n"
        "c = time.process_time()\n"
        f"exec(compile({code!r}, 'bench', 'exec'))\n"
        "el = time.perf_counter() - t\n"
        "cpu = time.process_time() - c\n"
        "mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(f'@@ {el:.3f} {mb:.0f} {cpu:.3f}')\n"
    )
    env = None
    if src is not None:
        env = dict(os.environ, PYTHONPATH=f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    out = subprocess.run(
        [sys.executable, "-c", wrapper, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    lines = out.strip().splitlines()
    _, seconds, mb, cpu = lines[-1].split()
    return float(seconds), float(mb), "\n".join(lines[:-1]), float(cpu)


def best(
    code: str, path: Path, repeat: int = 3, src: Path | None = None
) -> tuple[float, float, str]:
    runs = [run(code, path, src) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[0][2]


def against(path: Path, src: Path, repeat: int = 3) -> None:
    """validate_file of this checkout and of another (``src``), runs interleaved so that a busy
    machine weighs on both alike."""
    ours: list[tuple[float, float, str, float]] = []
    theirs: list[tuple[float, float, str, float]] = []
    for _ in range(repeat):
        ours.append(run(VALIDATE, path))
        theirs.append(run(VALIDATE, path, src))
    # CPU seconds too: on a shared machine they move much less than the wall clock
    print(f"{'validate_file(), interleaved':40}{'seconds':>10}{'CPU s':>10}{'peak MB':>10}")
    for label, runs in (("this checkout", ours), (f"{src}", theirs)):
        secs, cpu, mb = min(r[0] for r in runs), min(r[3] for r in runs), max(r[1] for r in runs)
        print(f"{label[-40:]:40}{secs:>10.2f}{cpu:>10.2f}{mb:>10.0f}")
    ratio = min(r[0] for r in ours) / min(r[0] for r in theirs)
    cpu_ratio = min(r[3] for r in ours) / min(r[3] for r in theirs)
    print(f"ratio this checkout / the other: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--errors",
        type=float,
        default=0.05,
        help="share of rows with a mistake in the second roster (default 0.05)",
    )
    parser.add_argument(
        "--many",
        type=float,
        default=0.3,
        help="share of rows with a mistake in the third roster (default 0.3)",
    )
    parser.add_argument("--keep", type=Path, default=None, help="keep the rosters in this folder")
    parser.add_argument(
        "--against",
        type=Path,
        default=None,
        help="another checkout's src folder: time its validate_file beside this one's",
    )
    args = parser.parse_args()
    bytecode_ready()  # as an installed copy runs: from its cached bytecode
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cashless-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    for errors in dict.fromkeys((0.0, args.errors, args.many)):
        path = folder / f"roster-{args.rows}-errors-{errors:g}.xlsx"
        t = time.perf_counter()
        write_roster(path, args.rows, errors=errors)
        size = path.stat().st_size / 1e6
        print(f"\nwrote {path} ({size:.1f} MB) in {time.perf_counter() - t:.1f} s")
        measure(path)
        if args.against is not None:
            against(path, args.against)
    print("\naim: <= 1.5x the bare read; peak memory <= 300 MB")


def measure(path: Path) -> None:
    bare_s, bare_mb, _ = best(CALAMINE, path)
    val_s, val_mb, summary = best(VALIDATE, path)
    bare_cmd = [sys.executable, "-c", CALAMINE, str(path)]
    cli_cmd = [sys.executable, "-m", "cashless_cli", "validate", str(path), "--format", "json"]
    bare_wall, bare_peak = best_wall(bare_cmd)
    cli_wall, cli_peak = best_wall(cli_cmd)
    print(f"rows, rows with errors, problems: {summary}")
    print(f"{'':40}{'seconds':>10}{'peak MB':>10}")
    print(f"{'python-calamine to_python()':40}{bare_s:>10.2f}{bare_mb:>10.0f}")
    print(f"{'validate_file() (imports included)':40}{val_s:>10.2f}{val_mb:>10.0f}")
    print(f"{'python -c <bare read> (whole process)':40}{bare_wall:>10.2f}{bare_peak:>10.0f}")
    print(f"{'cashless validate --format json':40}{cli_wall:>10.2f}{cli_peak:>10.0f}")
    print(f"ratio validate_file / bare read:        {val_s / bare_s:.2f}x")
    print(f"ratio cashless validate / bare process: {cli_wall / bare_wall:.2f}x")


def best_wall(cmd: list[str], repeat: int = 3) -> tuple[float, float]:
    """Best wall time of a whole command, interpreter start-up included, and its peak MB."""
    runs = [run_fresh(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


if __name__ == "__main__":
    main()
