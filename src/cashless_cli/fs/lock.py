"""One writer at a time per workspace: commands that write outputs or the ledger hold this lock.

A second command waits up to ``timeout`` seconds, then refuses with a clear message. The lock is
an OS file lock, released by the OS when the process dies, on a descriptor that the worker
processes (spawned, not forked) never inherit: a killed command never leaves the workspace locked.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from cashless_cli.errors import WorkspaceError
from cashless_cli.fs.atomic import ensure_folder

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        """Lock the first byte of the lock file (Windows): released when the process ends."""
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock on a descriptor Python opens non-inheritable: worker processes are spawned
        # (fork + exec), so they never hold it; a second lock in the same process conflicts too
        # (a POSIX record lock would silently nest)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fd: int) -> None:
        pass  # closing the descriptor releases the lock


@contextlib.contextmanager
def workspace_lock(state_dir: Path, timeout: float = 10.0) -> Iterator[None]:
    ensure_folder(state_dir)
    path = state_dir / "lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    locked = False
    try:
        deadline = time.monotonic() + timeout
        while not (locked := _try_lock(fd)):
            if time.monotonic() >= deadline:
                raise WorkspaceError("workspace-locked")
            time.sleep(0.1)
        yield
    finally:
        if locked:
            _unlock(fd)
        os.close(fd)  # closing releases the lock
