"""Run a command in a fresh process: its wall seconds, peak memory and exit code (the figures
the benchmarks print beside their floors)."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path


def settled() -> None:
    """Write the files the benchmark made to disk before anything is timed (``os.sync``).

    The commands ``fsync`` what they write (fs/atomic.py); right after a benchmark built its
    rosters, the first such ``fsync`` also waited for the whole build to reach the disk (a
    first summarize of 100 communes took 14 s, then 3 s): a cost no office pays for rosters
    copied in days before.
    """
    if hasattr(os, "sync"):
        os.sync()


def bytecode_ready() -> None:
    """Compile cashless's modules to bytecode once, before anything is timed.

    A user's installed copy runs from its cached bytecode (``pip install`` compiles it; a first
    run writes it). Where ``PYTHONDONTWRITEBYTECODE`` is set, as on this machine, or the package
    folder has stale caches, every fresh process, and every validation worker it spawns, would
    compile some 70 modules again (about 0.3 CPU s each): a cost no user pays. ``compileall``
    writes the caches whatever that variable says; reading them is never turned off.
    """
    import cashless_cli

    compileall.compile_dir(Path(cashless_cli.__file__).parent, quiet=1)


#: Runs the command and reports its peak memory. The command is started from this small
#: process, not from the benchmark: a child's ``ru_maxrss`` counts the pages of the process it
#: was forked from, so a benchmark holding a large workspace in memory inflated every figure.
_TRAMPOLINE = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def run_fresh(
    cmd: Sequence[str], env: Mapping[str, str] | None = None, ok: tuple[int, ...] = (0, 1)
) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB, the process itself: not its own children, nor the
    benchmark it was started from) and exit code of ``cmd``; an exit code outside ``ok`` stops
    the benchmark with the command's stderr."""
    settled()
    with tempfile.TemporaryDirectory(prefix="cashless-fresh-") as tmp:
        report = Path(tmp) / "figures"
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _TRAMPOLINE, str(report), *cmd],
            env=dict(env) if env is not None else None,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        elapsed = time.perf_counter() - started
        code_text, maxrss = report.read_text().split()
    code = int(code_text)
    if code not in ok:
        err = proc.stderr.decode(errors="replace")
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
    return elapsed, int(maxrss) / 1024, code
