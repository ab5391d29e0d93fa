"""A large zip part is inflated a chunk ahead in a thread: the guards must see the same chunks in
the same order, and the same refusal, as when they inflate it themselves."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from cashless_cli.problems import ReadError
from cashless_cli.read.guards.zipread import ahead


def numbered(n: int, fail_at: int | None = None) -> Iterator[bytes]:
    for i in range(n):
        if i == fail_at:
            raise ReadError("file-truncated", "x.xlsx")
        yield b"%d" % i


def test_the_same_chunks_in_the_same_order() -> None:
    assert list(ahead(numbered(50))) == list(numbered(50))
    assert list(ahead(numbered(0))) == []


def test_a_refusal_comes_after_the_chunks_before_it() -> None:
    got: list[bytes] = []
    with pytest.raises(ReadError) as caught:
        got.extend(ahead(numbered(10, fail_at=7)))
    assert caught.value.code == "file-truncated"
    assert got == [b"0", b"1", b"2", b"3", b"4", b"5", b"6"]


def test_a_consumer_that_stops_early_leaves_no_thread_behind() -> None:
    before = {t.name for t in threading.enumerate()}
    with pytest.raises(ValueError, match="scanner"):
        for chunk in ahead(numbered(1000)):
            if chunk == b"3":
                raise ValueError("scanner")
    assert "cashless-inflate" not in {t.name for t in threading.enumerate()} - before
