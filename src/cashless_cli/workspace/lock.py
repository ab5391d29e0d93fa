"""One writer at a time per workspace: commands that write outputs or the ledger hold this lock.

A second command waits up to ``timeout`` seconds, then refuses with a clear message. The lock is
an OS file lock, released by the OS when the process dies, on a descriptor that the worker
processes (spawned, not forked) never inherit: a killed command never leaves the workspace locked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from cashless_cli.workspace.config import WorkspaceError
from cashless_cli.write.atomic import ensure_folder

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def workspace_lock(state_dir: Path, timeout: float = 10.0) -> Iterator[None]:
    ensure_folder(state_dir)
    path = state_dir / "lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    # flock on a descriptor Python opens non-inheritable: worker processes are
                    # spawned (fork + exec), so they never hold it; a second lock in the same
                    # process conflicts too (a POSIX record lock would silently nest)
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except (BlockingIOError, PermissionError):
                    if time.monotonic() >= deadline:
                        raise WorkspaceError(
                            "Another cashless command is writing in this workspace; "
                            "try again when it has finished.",
                            "Một lệnh cashless khác đang ghi trong thư mục làm việc này; "
                            "hãy chạy lại khi lệnh đó xong.",
                        ) from None
                    time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing releases the lock
