"""Run ``cashless`` (or a Python worker) in a child process with a timeout and a memory cap.

The child is ``sys.executable -m cashless_cli ...`` with the repository's ``src/`` put first on
``PYTHONPATH``, so the same call works whether or not the package is installed in the venv.
The address-space limit (``RLIMIT_AS``) is set in the child only, so a bomb that python-calamine
would inflate fails there (a ``MemoryError`` or an abort, which the tests see as a negative return
code) instead of taking the test run down with it.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
TESTS = REPO / "tests"

GiB = 1024 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
DEFAULT_MEMORY = 2 * GiB


@dataclass(frozen=True, slots=True)
class Run:
    """What a child process did."""

    args: tuple[str, ...]
    returncode: int  # negative: killed by that signal (e.g. -6 for a Rust abort)
    stdout: str
    stderr: str
    elapsed: float  # seconds
    timed_out: bool = False

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        """For assertion messages."""
        return (
            f"args={list(self.args)} rc={self.returncode} timed_out={self.timed_out} "
            f"elapsed={self.elapsed:.1f}s\n--- stdout ---\n{self.stdout[-3000:]}\n"
            f"--- stderr ---\n{self.stderr[-3000:]}"
        )


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a child: ``src/`` and ``tests/`` first on PYTHONPATH, English
    messages, a wide terminal (so rich never wraps inside a number), no debug re-raise."""
    env = dict(os.environ)
    paths = [str(SRC), str(TESTS)]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["CASHLESS_LANG"] = "en"
    env["COLUMNS"] = "250"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("CASHLESS_DEBUG", None)
    env.pop("CASHLESS_HANDOFF_PASSWORD", None)
    if extra:
        env.update(extra)
    return env


def _limiter(memory: int | None) -> Callable[[], None]:
    def limit() -> None:  # runs in the child, between fork and exec
        os.setsid()  # its own process group, so a timeout kills its children too
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core dump on an abort

    return limit


def run_process(
    argv: Sequence[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int | None = DEFAULT_MEMORY,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
) -> Run:
    """Run ``argv``; never raises for what the child does (timeouts included)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=child_env(env),
        preexec_fn=_limiter(memory),
    )
    timed_out = False
    try:
        out, err = proc.communicate(
            input=(stdin or "").encode("utf-8"),
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    elapsed = time.monotonic() - started
    return Run(
        tuple(argv),
        proc.returncode,
        out.decode("utf-8", errors="replace"),
        err.decode("utf-8", errors="replace"),
        elapsed,
        timed_out,
    )


def run_cli(
    *args: str | Path,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int | None = DEFAULT_MEMORY,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Run:
    """``cashless ARGS...`` as ``python -m cashless_cli ARGS...``."""
    argv = [sys.executable, "-m", "cashless_cli", *(str(a) for a in args)]
    return run_process(argv, timeout=timeout, memory=memory, cwd=cwd, env=env)


def run_python(
    *args: str | Path,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int | None = DEFAULT_MEMORY,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Run:
    """``python ARGS...`` (a worker script or ``-c CODE``) with the same environment."""
    argv = [sys.executable, *(str(a) for a in args)]
    return run_process(argv, timeout=timeout, memory=memory, cwd=cwd, env=env)


def available_commands() -> set[str]:
    """The subcommands this build of ``cashless`` has (parsed from ``--help``)."""
    run = run_cli("--help", timeout=60)
    found: set[str] = set()
    in_commands = False
    for line in run.stdout.splitlines():
        if "Commands" in line:
            in_commands = True
            continue
        if in_commands:
            words = line.strip("│ \t").split()
            if words and words[0][0].isalpha() and words[0][0].islower():
                found.add(words[0])
    return found
