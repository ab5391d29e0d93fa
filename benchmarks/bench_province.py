"""How long a province month's commands take after 2025 (issues 14 and 17): 100 commune rosters
of 1,500 rows each (150,000 beneficiaries, a large province), each command beside the summed bare
python-calamine reads of the same files (the floor: every command must at least read them).

    python benchmarks/bench_province.py [--communes 100] [--rows 1500] [--keep DIR]

The rosters are those of ``bench_summarize.py`` (synthetic people from tests/factory.py). Each
command runs as an officer runs it, ``cashless …`` in a fresh process, one after the other on the
same workspace (the month's cycle): summarize, export-postoffice, import-postoffice (a reply
opening an account for every line handed over), export-payments, import-payments (a result
paying every line in full). Beside the cycle, on a copy of the workspace, import-postoffice of
a reply in which every second line quotes a code nobody handed over (its cost must grow with
the lines, not with the square of the unknown codes; it exits 1: the unknown codes are listed).
Wall seconds and the peak memory of the command's own process (its validation workers not
counted) are printed beside the floor. Validation runs in a process pool
(one worker per core); the bare reads are sequential, in one process; on two cores the floor of
a command that reads every roster is about half the summed reads.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_summarize import bare_read, build
from fresh import bytecode_ready, run_fresh

MONTH = "2025-09"
CASHLESS = Path(sys.executable).with_name("cashless")


def run(*args: str) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB) and exit code of ``cashless ARGS`` in a fresh process."""
    return run_fresh([str(CASHLESS), *args, "--format", "json"])


def ledger_refs(root: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(root / ".cashless" / "ledger.sqlite") as conn:
        return list(conn.execute(sql))


def post_office_reply(root: Path, unknown_every: int = 0) -> Path:
    """An account opened for every line handed over this month; with ``unknown_every`` = k,
    every k-th line quotes instead a code nobody handed over (of the right shape)."""
    path = root / ("tra-loi-buu-dien.csv" if not unknown_every else "tra-loi-ma-la.csv")
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Mã tham chiếu", "Kết quả", "STK", "Ngày mở tài khoản", "Nơi mở"])
        refs = ledger_refs(root, "SELECT ref FROM handovers ORDER BY ref")
        handed = {ref for (ref,) in refs}
        for i, (ref,) in enumerate(refs):
            if unknown_every and i % unknown_every == 0 and f"{ref[:-7]}{i:07d}" not in handed:
                ref = f"{ref[:-7]}{i:07d}"  # the same area and month, a code never drawn
            out.writerow([ref, "Đã mở", f"{8800000000 + i:010d}", "05/09/2025", "Bưu điện"])
    return path


def payment_result(root: Path) -> Path:
    """Every line of the month's payment list paid in full."""
    path = root / "ket-qua-chi-tra.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Mã chi trả", "Số tiền đã chi", "Kết quả", "Lý do"])
        sql = f"SELECT ref, amount + arrears FROM payment_lines WHERE month = '{MONTH}'"
        for ref, amount in ledger_refs(root, sql):
            out.writerow([ref, amount, "Đã chi", ""])
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--rows", type=int, default=1500)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    bytecode_ready()  # as an installed copy runs: from its cached bytecode
    with tempfile.TemporaryDirectory(prefix="cashless-province-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        paths = build(root, args.communes, args.rows)
        built = time.perf_counter() - started
        print(f"province month: {len(paths)} communes x {args.rows:,} rows, built in {built:.1f} s")
        print(f"({os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f})")
        read_s, cells = bare_read(paths)
        ws = ("-w", str(root))
        steps: list[tuple[str, tuple[str, ...]]] = [
            ("summarize", ("summarize", *ws, "--month", MONTH)),
            ("export-postoffice", ("export-postoffice", *ws, "--month", MONTH)),
            ("import-postoffice (50% unknown)", ()),
            ("import-postoffice", ()),
            ("export-payments", ("export-payments", *ws, "--month", MONTH)),
            ("import-payments", ()),
        ]
        print(f"{'':42}{'seconds':>9}{'x floor':>9}{'peak MB':>9}")
        print(f"{'floor: summed bare reads':42}{read_s:>9.1f}{1:>9.1f}{'':>9}   {cells:,} cells")
        for name, argv in steps:
            if name == "import-postoffice (50% unknown)":  # on a copy: the cycle goes on
                other = Path(tempfile.mkdtemp(prefix="cashless-unknown-"))
                shutil.copytree(root, other, dirs_exist_ok=True)
                reply = post_office_reply(other, unknown_every=2)
                argv = ("import-postoffice", str(reply), "-w", str(other))
            if name == "import-postoffice":
                argv = ("import-postoffice", str(post_office_reply(root)), *ws)
            elif name == "import-payments":
                argv = ("import-payments", str(payment_result(root)), *ws)
            seconds, peak, code = run(*argv)
            ratio = seconds / read_s
            print(f"{'cashless ' + name:42}{seconds:>9.1f}{ratio:>9.1f}{peak:>9.0f}   exit {code}")
            if name == "import-postoffice (50% unknown)":
                shutil.rmtree(other)
        print(f"(load average after: {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
