"""Write a file so that it is either complete or absent: never half-written.

Every writer of an output uses this module:

- the bytes go to a temporary file in the *same folder* (``.NAME.RANDOM.tmp``), so the final
  :func:`os.replace` is a rename on one file system, which POSIX and Windows make atomic;
- the temporary file is flushed and ``fsync``-ed before the rename, and the folder is
  ``fsync``-ed after it (where the OS allows), so a power cut cannot leave a renamed but empty
  file behind;
- files that hold personal data (the default, ``private=True``) are created with mode ``0o600``
  (owner read/write only) where the OS has POSIX permissions;
- if anything fails before the rename, the temporary file is removed and the destination is
  untouched (an old version stays as it was).

Files that belong together (a table and its dataset, a payment list and its manifest) go
through :func:`write_together`: if one of them cannot be replaced, none is.

Leftover temporary files (a process killed mid-write) match :data:`TEMP_PATTERN`;
:func:`remove_stale_temps` cleans them from a folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from cashless_cli.errors import OutputError

PRIVATE_MODE = 0o600
PUBLIC_MODE = 0o644
TEMP_PATTERN = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name beside ``path`` (hidden, random, ``.tmp``)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be
    opened, e.g. on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _open_new(path: Path, private: bool) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_MODE if private else PUBLIC_MODE)
    if private:
        with contextlib.suppress(OSError):  # a umask cannot widen it, but be explicit
            os.chmod(path, PRIVATE_MODE)
    return fd


@contextlib.contextmanager
def atomic_write(path: Path, *, private: bool = True) -> Iterator[IO[bytes]]:
    """Open a binary stream whose content replaces ``path`` only when the block ends cleanly.

    >>> with atomic_write(Path("out.csv")) as f:   # doctest: +SKIP
    ...     f.write(b"...")
    """
    path = Path(path)
    temp = temp_path_for(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = _open_new(temp, private)
    except OSError as exc:
        raise OutputError.from_os_error(path, exc) from exc
    done = False
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise OutputError.from_os_error(path, exc) from exc
        done = True
        fsync_dir(path.parent)
    finally:
        if not done:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def write_bytes(path: Path, data: bytes, *, private: bool = True) -> None:
    """Replace ``path`` with ``data``, atomically."""
    with atomic_write(path, private=private) as stream:
        stream.write(data)


def write_text(path: Path, text: str, *, encoding: str = "utf-8", private: bool = True) -> None:
    """Replace ``path`` with ``text``, atomically (no newline translation: write what you mean)."""
    write_bytes(path, text.encode(encoding), private=private)


def write_together(files: Sequence[tuple[Path, bytes, bool]]) -> None:
    """Replace several files as one set: ``files`` are (path, data, private).

    The new contents are written to temporary files first; then the old files are moved aside,
    the new ones moved in, and the old ones deleted. If a file cannot be written or replaced
    (a read-only place; on Windows, a file open in Excel), everything is put back as it was and
    :class:`OutputError` names that file: the set is never left half old, half new (the promise
    of the error's "nothing was changed"). A process killed between the renames can leave some
    files missing, never a mix; the files moved aside match :data:`TEMP_PATTERN` and the next
    run's :func:`remove_stale_temps` clears them.
    """
    staged: list[tuple[Path, Path]] = []  # (temporary file with the new content, target)
    aside: list[tuple[Path, Path]] = []  # (old file moved aside, its place)
    placed: list[Path] = []
    try:
        for path, data, private in files:
            temp = temp_path_for(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = _open_new(temp, private)
                staged.append((temp, path))
                with os.fdopen(fd, "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
            except OSError as exc:
                raise OutputError.from_os_error(path, exc) from exc
        for _, path in staged:
            if path.is_dir():  # not ours to move aside
                error = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
                raise OutputError.from_os_error(path, error)
            if path.exists():
                old = temp_path_for(path)
                try:
                    os.replace(path, old)
                except OSError as exc:
                    raise OutputError.from_os_error(path, exc) from exc
                aside.append((old, path))
        for temp, path in staged:
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise OutputError.from_os_error(path, exc) from exc
            placed.append(path)
    except BaseException:
        for path in placed:  # undo, newest first: the new files out, the old ones back
            with contextlib.suppress(OSError):
                path.unlink()
        for old, path in reversed(aside):
            with contextlib.suppress(OSError):
                os.replace(old, path)
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
    for old, _ in aside:
        with contextlib.suppress(OSError):
            old.unlink()
    for folder in {path.parent for _, path in staged}:
        fsync_dir(folder)


def ensure_folder(folder: Path, mode: int = 0o777) -> Path:
    """Create ``folder`` (and its parents) if needed; a place that cannot hold it (a file in
    the way, a read-only parent) is an :class:`OutputError` naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=mode)
    except OSError as exc:
        raise OutputError.from_os_error(folder, exc) from exc
    return folder


def move_into_place(source: Path, target: Path) -> None:
    """Rename a finished file from a staging folder to its final name (same file system) and
    make the rename durable."""
    try:
        os.replace(source, target)
    except OSError as exc:
        raise OutputError.from_os_error(target, exc) from exc
    fsync_dir(target.parent)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files left by a killed writer in ``folder``; return what was removed."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for child in folder.iterdir():
        if child.is_file() and TEMP_PATTERN.match(child.name):
            with contextlib.suppress(FileNotFoundError):
                child.unlink()
                removed.append(child)
    return removed


__all__ = [
    "PRIVATE_MODE",
    "TEMP_PATTERN",
    "atomic_write",
    "fsync_dir",
    "move_into_place",
    "remove_stale_temps",
    "temp_path_for",
    "write_bytes",
    "write_text",
    "write_together",
]
