"""How long the duplicate check takes on a province month of 150,000 rows, next to a bare
python-calamine read of the same rows.

    python benchmarks/bench_duplicates.py [--rows 150000] [--communes 150] [--keep DIR]

The rows are synthetic people with realistic Vietnamese names (tests/people_factory.py: weighted
family, middle and given names, so natural near-collisions occur), with about 30 planted pairs
of each kind. They are written to one .xlsx; the bare read loads it with python-calamine and
does nothing else. The check is what ``cashless duplicates`` adds on top of validation: building
the rows it compares (:class:`Person`) from the rows read, then blocking and scoring
(:func:`find_candidates`). Best of two runs each.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import xlsxwriter

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from cashless_cli.duplicates.match import find_candidates  # noqa: E402
from cashless_cli.duplicates.people import (  # noqa: E402
    ROSTER_FIELDS,
    RowRef,
    person_from_fields,
)
from cashless_cli.normalise.dates import LooseDate  # noqa: E402
from people_factory import People  # noqa: E402

COLUMNS = ("commune", *ROSTER_FIELDS)


def _plant(rows: list[list[dict[str, Any]]], rng: random.Random, n: int) -> None:
    """Copies of real rows in another commune: same ID, an ID typo, the name without marks."""
    for k in range(n):
        src_c = rng.randrange(len(rows))
        src = rng.choice(rows[src_c])
        if not src.get("so_dinh_danh"):
            continue
        copy = dict(src)
        pid = copy["so_dinh_danh"]
        if k % 3 == 1:
            i = rng.randrange(6, 12)
            copy["so_dinh_danh"] = pid[:i] + str((int(pid[i]) + 1) % 10) + pid[i + 1 :]
        elif k % 3 == 2:
            copy["so_dinh_danh"] = None
        rows[(src_c + 1) % len(rows)].append(copy)


def _write(path: Path, communes: list[list[dict[str, Any]]]) -> int:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Danh sách")
    for c, name in enumerate(COLUMNS):
        sheet.write_string(0, c, name)
    r = 1
    for i, rows in enumerate(communes):
        for row in rows:
            values = [f"{i:05d}", *(row.get(k) for k in COLUMNS[1:])]
            for c, v in enumerate(values):
                if isinstance(v, LooseDate):
                    v = v.iso()
                if v is not None:
                    sheet.write_string(r, c, str(v))
            r += 1
    book.close()
    return r - 1


def _bare_read(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    rows: list[list[Any]] = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return rows


def _check(rows: list[list[Any]]) -> int:
    people = []
    for n, values in enumerate(rows[1:], start=2):
        row = {k: (v if v != "" else None) for k, v in zip(COLUMNS, values, strict=False)}
        ref = RowRef("2026-06", str(row["commune"]), f"xa-{row['commune']}.xlsx", n)
        people.append(person_from_fields(ref, str(row["commune"]), row))
    return len(find_candidates(people))


def _best(fn: Any, *args: Any) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(2):
        start = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def _peak_mb(fn: Any, *args: Any) -> float:
    """This process's peak memory (MB) while ``fn(*args)`` runs: Linux's VmHWM, reset first
    (``/proc/self/clear_refs``), so the rows built before are counted only as far as they are
    still held; elsewhere the process's peak so far."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    fn(*args)
    try:
        status = Path("/proc/self/status").read_text().splitlines()
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=150_000)
    ap.add_argument("--communes", type=int, default=150)
    ap.add_argument("--keep", type=Path, help="keep the generated workbook in this folder")
    args = ap.parse_args()
    gen = People(seed=2026)
    communes = gen.month(args.communes, args.rows // args.communes)
    _plant(communes, random.Random(7), 90)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-dups-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "province-month.xlsx"
    n = _write(path, communes)
    read_s, rows = _best(_bare_read, path)
    check_s, found = _best(_check, rows)
    read_mb = _peak_mb(_bare_read, path)
    check_mb = _peak_mb(_check, rows)
    print(f"{dt.date.today()}: {n} rows, {args.communes} communes, {found} candidate pairs")
    print(f"bare python-calamine read   {read_s:6.2f} s  peak {read_mb:5.0f} MB")
    print(
        f"duplicate check             {check_s:6.2f} s  peak {check_mb:5.0f} MB"
        f"  ({check_s / read_s:.2f}x the read)"
    )


if __name__ == "__main__":
    main()
