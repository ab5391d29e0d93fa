"""Run a command in a fresh process: its wall seconds, peak memory and exit code (the figures
the benchmarks print beside their floors)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping, Sequence


def run_fresh(
    cmd: Sequence[str], env: Mapping[str, str] | None = None, ok: tuple[int, ...] = (0, 1)
) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB, the process itself: not its own children) and exit code
    of ``cmd``; an exit code outside ``ok`` stops the benchmark with the command's stderr."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        env=dict(env) if env is not None else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, code
