"""Atomic writes: complete or absent, owner-only for personal data, no temp file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cashless_cli.errors import OutputError
from cashless_cli.fs.atomic import (
    TEMP_PATTERN,
    atomic_write,
    move_into_place,
    remove_stale_temps,
    temp_path_for,
    write_bytes,
    write_text,
    write_together,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def test_write_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    write_text(target, "mới\r\n")
    assert target.read_bytes() == "mới\r\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failure_keeps_the_old_content_and_removes_the_temp(tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"complete old file")
    with pytest.raises(RuntimeError), atomic_write(target) as stream:
        stream.write(b"half of the new")
        raise RuntimeError("killed mid-write")
    assert target.read_bytes() == b"complete old file"
    assert [p.name for p in tmp_path.iterdir()] == ["list.xlsx"]


def test_failure_on_a_new_file_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError), atomic_write(tmp_path / "new.json") as stream:
        stream.write(b"{")
        raise ValueError
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_private_files_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        write_bytes(tmp_path / "private.xlsx", b"ids")
        write_bytes(tmp_path / "public.txt", b"counts", private=False)
    finally:
        os.umask(old)
    assert (tmp_path / "private.xlsx").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "public.txt").stat().st_mode & 0o777 == 0o644


@posix_only
def test_replacing_a_world_readable_file_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_bytes(b"x")
    target.chmod(0o644)
    write_bytes(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o600


def test_temp_names_are_hidden_beside_the_target_and_recognised(tmp_path: Path) -> None:
    temp = temp_path_for(tmp_path / "BS-2023-06-01_buu-dien.xlsx")
    assert temp.parent == tmp_path and temp.name.startswith(".") and temp.suffix == ".tmp"
    assert TEMP_PATTERN.match(temp.name)
    temp.write_bytes(b"left by a killed writer")
    (tmp_path / "keep.xlsx").write_bytes(b"")
    (tmp_path / ".hidden-but-ours-not.tmp").write_bytes(b"")
    assert remove_stale_temps(tmp_path) == [temp]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden-but-ours-not.tmp", "keep.xlsx"]


def test_move_into_place_renames(tmp_path: Path) -> None:
    (tmp_path / "stage").mkdir()
    write_bytes(tmp_path / "stage" / "f.json", b"{}")
    move_into_place(tmp_path / "stage" / "f.json", tmp_path / "f.json")
    assert (tmp_path / "f.json").read_bytes() == b"{}"
    assert list((tmp_path / "stage").iterdir()) == []


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in ``folder`` (hidden ones too): its content and inode."""
    return {
        p.name: (p.read_bytes() if p.is_file() else b"<folder>", p.stat().st_ino)
        for p in sorted(folder.iterdir())
    }


def test_write_together_replaces_the_whole_set(tmp_path: Path) -> None:
    (tmp_path / "list.xlsx").write_bytes(b"old list")
    write_together(
        [(tmp_path / "list.xlsx", b"new list", True), (tmp_path / "m.json", b"{}", False)]
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "list.xlsx": b"new list",
        "m.json": b"{}",
    }


def test_write_together_changes_nothing_when_one_file_cannot_be_written(tmp_path: Path) -> None:
    # The second target is a folder: the first file keeps its old content (the very same file),
    # nothing new appears and nothing is left behind.
    (tmp_path / "list.xlsx").write_bytes(b"old list")
    (tmp_path / "list.csv").mkdir()
    before = _state(tmp_path)
    with pytest.raises(OutputError) as caught:
        write_together(
            [
                (tmp_path / "list.xlsx", b"new list", True),
                (tmp_path / "list.csv", b"new csv", True),
                (tmp_path / "manifest.json", b"{}", True),
            ]
        )
    assert "list.csv" in caught.value.message("en")
    assert _state(tmp_path) == before
    assert list((tmp_path / "list.csv").iterdir()) == []


def test_write_together_puts_everything_back_when_a_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on Windows when the CSV is open in Excel: moving it is refused, after the workbook was
    # already moved aside. Both old files must be back in place, unchanged.
    for name in ("list.xlsx", "list.csv", "manifest.json"):
        (tmp_path / name).write_bytes(f"old {name}".encode())
    before = _state(tmp_path)
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(src).name == "list.csv":
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OutputError):
        write_together(
            [(tmp_path / n, b"new", True) for n in ("list.xlsx", "list.csv", "manifest.json")]
        )
    monkeypatch.undo()
    assert _state(tmp_path) == before
