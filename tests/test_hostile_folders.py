"""A month folder that cannot be read is said to be unreadable (exit 2, the folder named), never
"no rosters"; a read-only workspace makes every writing command refuse (exit 2, the path and
what to do) and leaves every file as it was. Through the real CLI in a child process.

The tests run as root here, where ``chmod 000`` stops nobody; so the child simulates what the
system would answer: ``os.scandir`` of the folder raises ``PermissionError`` (EACCES), and for a
read-only workspace every write, folder creation, rename and removal under it raises EROFS
(buffered files go through ``os.open`` with the pure-Python io; SQLite opens read-only, as it
does on a read-only file system).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from cashless_cli.read.listing import roster_files
from cli_helpers import Run, run_python
from test_hostile_workspace import _assert_refused, _snapshot
from test_import_postoffice import good_answers, write_reply
from test_import_postoffice import prepared as prepared  # the fixture ws builds on
from test_import_postoffice import ws as ws  # the prepared samples, copied for each test

MONTH = "2023-06"

#: The child: ``SIMULATE ROOT MODE cashless-args...``; MODE is ``readonly`` or
#: ``unreadable:FOLDER``.
SIMULATE = """
import errno, os, sqlite3, sys
root, mode = os.path.realpath(sys.argv[1]), sys.argv[2]
def ours(path):
    try:
        return os.path.realpath(os.fsdecode(path)).startswith(root)
    except TypeError:
        return False
def refuse(path):
    raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
real = {n: getattr(os, n) for n in ("open", "mkdir", "replace", "rename", "unlink", "remove",
        "rmdir", "scandir", "chmod", "utime", "link", "symlink")}
readonly = mode == "readonly"
def opened(path, flags, *a, **k):
    if readonly and flags & WRITE and ours(path):
        refuse(path)
    return real["open"](path, flags, *a, **k)
def one_path(name):
    def f(path, *a, **k):
        if readonly and ours(path):
            refuse(path)
        return real[name](path, *a, **k)
    return f
def two_paths(name):
    def f(src, dst, *a, **k):
        if readonly and (ours(src) or ours(dst)):
            refuse(dst)
        return real[name](src, dst, *a, **k)
    return f
def scandir(path="."):
    if mode.startswith("unreadable:") and (
        os.path.realpath(os.fsdecode(path)) == os.path.realpath(mode.split(":", 1)[1])
    ):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
    return real["scandir"](path)
os.open, os.scandir = opened, scandir
for n in ("mkdir", "unlink", "remove", "rmdir", "chmod", "utime"):
    setattr(os, n, one_path(n))
for n in ("replace", "rename", "link", "symlink"):
    setattr(os, n, two_paths(n))
real_connect = sqlite3.connect
def connect(database, *a, **k):
    if readonly and ours(database):
        if not os.path.exists(database):
            raise sqlite3.OperationalError("unable to open database file")
        k.pop("uri", None)
        return real_connect("file:" + os.fsdecode(database) + "?mode=ro", *a, uri=True, **k)
    return real_connect(database, *a, **k)
sqlite3.connect = connect
import builtins, io, _pyio
io.open = builtins.open = _pyio.open
sys.argv = ["cashless", *sys.argv[3:]]
from cashless_cli.cli.app import main
main()
"""


def _simulated(root: Path, mode: str, *args: str | Path) -> Run:
    return run_python("-c", SIMULATE, root, mode, *args, timeout=120)


def _refused(run: Run, *named: str) -> str:
    """The run refused as the workspace suite wants it (exit 2, named, nothing changed); its
    output on one line."""
    _assert_refused(run, *named)
    return " ".join(run.output.split())


# ---------------------------------------------------------------------------------------------
# An unreadable month folder


def test_listing_raises_for_a_folder_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    month = tmp_path / "rosters" / MONTH
    (month / "old").mkdir(parents=True)
    (month / "a.xlsx").write_bytes(b"x")
    (month / "old" / "b.ods").write_bytes(b"x")
    (month / "~$a.xlsx").write_bytes(b"x")
    assert roster_files(month) == [month / "a.xlsx", month / "old" / "b.ods"]
    real = os.scandir

    def refusing(path: str | os.PathLike[str]) -> object:
        if Path(path) == month / "old":  # a subfolder too: never skipped silently
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refusing)
    with pytest.raises(PermissionError) as caught:
        roster_files(month)
    assert caught.value.filename == str(month / "old")


#: Every command that reads a month's rosters.
READERS = [
    ("summarize", "--workspace", "{ws}", "--month", MONTH),
    ("export-postoffice", "--workspace", "{ws}", "--month", MONTH),
    ("export-payments", "--workspace", "{ws}", "--month", MONTH),
    ("duplicates", "--workspace", "{ws}", "--month", MONTH),
    ("validate", "{ws}/rosters/" + MONTH),
]


@pytest.mark.slow
@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_an_unreadable_month_folder_is_named_never_no_rosters(
    ws: Path, command: tuple[str, ...]
) -> None:
    folder = ws / "rosters" / MONTH
    before = _snapshot(ws)
    args = [a.format(ws=ws) for a in command]
    flat = _refused(_simulated(ws, f"unreadable:{folder}", *args), str(folder))
    assert "access is denied" in flat and "ask for access" in flat, flat
    assert "no roster" not in flat.lower(), flat
    assert _snapshot(ws) == before


# ---------------------------------------------------------------------------------------------
# A read-only workspace


def _reply(ws: Path, outside: Path) -> Path:
    answers, _ = good_answers(ws)
    return write_reply(outside / "reply.xlsx", answers)


#: Every command that writes into the workspace: (arguments, the path it must name).
WRITERS = [
    (("summarize", "--workspace", "{ws}", "--month", MONTH), ".cashless/lock"),
    (("export-postoffice", "--workspace", "{ws}", "--month", MONTH), ".cashless/lock"),
    (("export-payments", "--workspace", "{ws}", "--month", MONTH), ".cashless/lock"),
    (("import-postoffice", "{reply}", "--workspace", "{ws}"), ".cashless/lock"),
    (("duplicates", "--workspace", "{ws}", "--month", MONTH, "--output", "{ws}/d.xlsx"), "d.xlsx"),
    (("validate", "{ws}/rosters/" + MONTH, "--annotate-dir", "{ws}/marked"), "marked"),
    (("template", "--commune", "Bình Hòa", "--month", "2023-07", "-o", "{ws}/t.xlsx"), "t.xlsx"),
    (("init", "{ws}/new", "--district", "Bình Sơn", "--province", "Quảng Ngãi"), "new"),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", WRITERS, ids=lambda c: c[0][0])
def test_a_read_only_workspace_is_refused_by_every_writing_command(
    ws: Path, tmp_path: Path, case: tuple[tuple[str, ...], str]
) -> None:
    command, named = case
    reply = _reply(ws, tmp_path) if command[0] == "import-postoffice" else None
    before = _snapshot(ws)
    args = [a.format(ws=ws, reply=reply) for a in command]
    run = _simulated(ws, "readonly", *args)
    flat = " ".join(run.output.split())
    if command[0] == "validate":  # the check itself is reported; the copies cannot be written
        assert run.returncode == 2 and "Traceback" not in run.output, run.describe()
        assert str(ws / "marked") in flat and "is read-only" in flat, run.describe()
    else:
        _assert_refused(run, named)
        assert "is read-only" in flat, flat
    assert _snapshot(ws) == before
