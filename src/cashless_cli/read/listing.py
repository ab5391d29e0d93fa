"""The roster files of a folder — or the folder's refusal, never "no rosters".

``Path.rglob`` skips a folder it may not read (``PermissionError`` is swallowed), so a month
folder with the wrong permissions looked empty: "no rosters for the month". Here every folder
is opened with ``os.scandir``, and an error opening or reading one is raised as the
:class:`OSError` it is, naming that folder (the commands turn it into ``workspace-os-error``:
the path, and what to do).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROSTER_SUFFIXES", "is_roster_name", "roster_files"]

ROSTER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: Lists saved in a form the reader refuses (a CSV export, Excel's binary .xlsb, WPS's
#: .et, Numbers): listed all the same, so that each is named unreadable with what to do
#: ("save it as .xlsx") — never skipped as if the folder did not hold the commune's list.
DATA_SUFFIXES = (".csv", ".xlsb", ".et", ".ett", ".numbers")


def is_roster_name(name: str) -> bool:
    """A list's name (a workbook, or data we must name if we cannot read it) that is not a
    temporary or hidden file (``~$…``, ``.~lock…``)."""
    lower = name.lower()
    listed = lower.endswith(ROSTER_SUFFIXES) or lower.endswith(DATA_SUFFIXES)
    return listed and not name.startswith(("~$", ".~lock", "."))


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(folder)
        raise


def roster_files(folder: Path) -> list[Path]:
    """The workbooks under ``folder`` and its subfolders (symlinked folders not followed), in
    the order ``sorted(folder.rglob("*"))`` gives. Raises :class:`OSError` naming the first
    folder that cannot be read."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        for entry in _entries(current):
            path = current / entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif is_roster_name(entry.name) and entry.is_file():
                found.append(path)
    return sorted(found)
