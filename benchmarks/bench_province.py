"""How long `cashless summarize` takes for a province month after 2025 (issue 14): 100 commune
rosters of 1,500 rows each (150,000 beneficiaries, a large province), next to the summed bare
python-calamine reads of the same files.

    python benchmarks/bench_province.py [--communes 100] [--rows 1500] [--keep DIR]

The rosters and the two measures are those of ``bench_summarize.py`` (synthetic people from
tests/factory.py); validation runs in a process pool (one worker per core), the bare reads one
after the other in one process, each file loaded whole and the times summed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_summarize import bare_read, build, summarize


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--rows", type=int, default=1500)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cashless-province-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        paths = build(root, args.communes, args.rows)
        built = time.perf_counter() - started
        print(f"province month: {len(paths)} communes x {args.rows:,} rows, built in {built:.1f} s")
        print(f"({os.cpu_count()} cores)")
        read_s, cells = bare_read(paths)
        sum_s, total = summarize(root)
        print(f"{'':44}{'seconds':>10}")
        print(f"{'summed bare python-calamine reads':44}{read_s:>10.1f}   {cells:,} cells")
        print(f"{'cashless summarize (validate + rate table)':44}{sum_s:>10.1f}   {total:,} rows")
        print(f"ratio summarize / bare reads: {sum_s / read_s:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
