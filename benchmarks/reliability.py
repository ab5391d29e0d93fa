"""How well does ``cashless`` hold up against hostile and broken files? A script, not a test.

Runs the hostile corpus of ``tests/test_hostile_cli.py`` through ``cashless validate --format
json`` (one child process per file, 30 s timeout, 2 GiB address-space cap), then N random
mutations of small valid workbooks (``tests/test_fuzz.py``) through ``validate_file`` in worker
processes, and prints the figures:

    python benchmarks/reliability.py [--mutations N] [--seed S] [--keep DIR]

A *failure* is a traceback, a killed process, a timeout, a wrong exit code or not exactly one
JSON document (corpus), or an exception or a dead worker (mutations). ``--keep DIR`` copies the
files that failed there, for a bug report.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

import hostile  # noqa: E402
from cli_helpers import run_cli  # noqa: E402
from factory import Layout, make_rows, write_roster  # noqa: E402
from test_fuzz import _XML_BITS as XML_BITS  # noqa: E402
from test_fuzz import Mutation, Target, materialise, run_worker  # noqa: E402
from test_hostile_cli import CORPUS  # noqa: E402


def corpus(work: Path, keep: Path | None) -> tuple[int, list[str]]:
    failures: list[str] = []
    for case in CORPUS:
        folder = work / "corpus" / case.name
        folder.mkdir(parents=True)
        path = case.build(folder)
        run = run_cli("validate", path, "--format", "json", timeout=30)
        problem = ""
        if run.timed_out:
            problem = "timeout"
        elif run.returncode < 0:
            problem = f"killed by signal {-run.returncode}"
        elif "Traceback" in run.output or "Unexpected error" in run.output:
            problem = "traceback / unexpected error"
        else:
            try:
                entry = json.loads(run.stdout)["files"][0]
            except (ValueError, KeyError, IndexError):
                problem = "not one JSON document"
            else:
                want_exit = 2 if case.error else case.exit
                got = (entry.get("error") or {}).get("code")
                if run.returncode != want_exit or got != case.error:
                    problem = f"exit {run.returncode} / {got}, expected {want_exit} / {case.error}"
        status = "ok" if not problem else f"FAIL: {problem}"
        print(f"  {case.name:<28} {run.elapsed:5.1f} s  {status}")
        if problem:
            failures.append(f"{case.name}: {problem}")
            if keep is not None:
                shutil.copy(path, keep / path.name)
    return len(CORPUS), failures


def mutations(work: Path, count: int, seed: int, keep: Path | None) -> dict[str, object]:
    folder = work / "bases"
    folder.mkdir()
    xlsx = write_roster(folder / "base.xlsx", make_rows(4, seed=41), Layout(signature=False)).path
    bases = {
        "xlsx": xlsx.read_bytes(),
        "xls": hostile.normal_xls(folder).read_bytes(),
        "ods": hostile.normal_ods(folder).read_bytes(),
    }
    rng = random.Random(seed)
    totals: Counter[str] = Counter()
    exceptions: list[dict[str, str]] = []
    crashes: list[dict[str, str]] = []
    batch_size = 100
    for start in range(0, count, batch_size):
        batch = work / f"batch-{start:06d}"
        batch.mkdir()
        for i in range(start, min(start + batch_size, count)):
            target = _draw(rng)
            materialise(target, bases, batch / f"m{i:06d}.{target.base}")
        result = run_worker(batch, timeout=300)
        for key in ("files", "read", "refused"):
            totals[key] += int(result[key])  # type: ignore[call-overload]
        exceptions += result["exceptions"]  # type: ignore[arg-type]
        crashes += result["crashes"]  # type: ignore[arg-type]
        if keep is not None:
            for failed in [*result["exceptions"], *result["crashes"]]:  # type: ignore[misc]
                name = Path(failed["file"]).name
                shutil.copy(batch / name, keep / name)
        shutil.rmtree(batch)
    return {"totals": totals, "exceptions": exceptions, "crashes": crashes}


def _draw(rng: random.Random) -> Target:
    """One random target, like the fuzz strategy draws them (seeded, no hypothesis engine)."""
    steps = []
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(XML_BITS) if rng.random() < 0.5 else rng.randbytes(rng.randint(1, 16))
        op = rng.choice(["flip", "insert", "delete", "overwrite"])
        steps.append(Mutation(op, rng.random(), data, rng.randint(1, 64)))
    return Target(rng.choice(["xlsx", "xls", "ods"]), rng.random() < 0.5, tuple(steps))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--keep", type=Path, default=None, help="copy failing files here")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cashless-reliability-") as tmp:
        work = Path(tmp)
        print("Hostile corpus, `cashless validate FILE --format json`:")
        tried, corpus_failures = corpus(work, args.keep)
        print(f"Mutations ({args.mutations}, seed {args.seed}), validate_file in workers:")
        fuzz = mutations(work, args.mutations, args.seed, args.keep)
    totals = fuzz["totals"]
    exceptions = fuzz["exceptions"]
    crashes = fuzz["crashes"]
    assert isinstance(totals, Counter) and isinstance(exceptions, list)
    assert isinstance(crashes, list)
    kinds = Counter(_kind(e["trace"]) for e in [*exceptions, *crashes])
    print()
    print(f"hostile files tried:     {tried}")
    print(f"  failures:              {len(corpus_failures)}")
    for failure in corpus_failures:
        print(f"    - {failure}")
    print(f"mutations run:           {totals['files']}")
    print(f"  read:                  {totals['read']}")
    print(f"  refused (read error):  {totals['refused']}")
    print(f"  exceptions:            {len(exceptions)}")
    print(f"  crashed the process:   {len(crashes)}")
    for kind, n in kinds.most_common():
        print(f"    {n:5d} × {kind}")
    print(f"time:                    {time.monotonic() - started:.0f} s")
    return 1 if corpus_failures or exceptions or crashes else 0


def _kind(trace: str) -> str:
    lines = [line.strip() for line in trace.strip().splitlines() if line.strip()]
    for line in lines:
        if line.startswith("memory allocation of"):
            return "abort: " + line
    return lines[-1][:120] if lines else "?"


if __name__ == "__main__":
    sys.exit(main())
