"""A copy of an imported file kept in the workspace, with its SHA-256 beside it, written before
what the file says is recorded — and removed again when recording fails, so a copy is kept
exactly for the files whose content the ledger holds."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cashless_cli.fs.atomic import ensure_folder, fsync_dir, remove_stale_temps, write_bytes
from cashless_cli.problems import Problem, Severity

__all__ = ["KeptImport", "keep_and_record"]


@dataclass(slots=True)
class KeptImport:
    """What importing a file did (a Post Office reply, a paying unit's result): its findings,
    the references it did not know, whether it was recorded, and the copy kept of it."""

    file: Path
    problems: list[Problem] = field(default_factory=list)
    unknown_refs: list[str] = field(default_factory=list)
    unchanged: int = 0
    pending: int = 0
    applied: bool = False
    copy: Path | None = None
    sha256: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


_SAFE_NAME = re.compile(r"[^\w.\-]+")


def keep_and_record(
    folder: Path,
    root: Path,
    source: Path,
    data: bytes,
    sha256: str,
    now: dt.datetime,
    record: Callable[[str], None],
) -> Path:
    """Write ``data`` (owner-only) as ``folder/<time>_<sha>_<name>`` and its ``.sha256`` beside
    it, then call ``record`` with the copy's path relative to ``root``; if that raises, both
    files are removed and the error propagates. Returns the copy."""
    ensure_folder(folder, mode=0o700)
    remove_stale_temps(folder)
    safe = _SAFE_NAME.sub("_", source.name).strip("._") or "file"
    name = f"{now.strftime('%Y%m%dT%H%M%S')}_{sha256[:12]}_{safe}"
    copy = folder / name
    sidecar = folder / f"{name}.sha256"
    written: list[Path] = []
    try:
        write_bytes(copy, data, private=True)
        written.append(copy)
        write_bytes(sidecar, f"{sha256}  {name}\n".encode(), private=True)
        written.append(sidecar)
        record(str(copy.relative_to(root)))
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        fsync_dir(folder)
        raise
    return copy
