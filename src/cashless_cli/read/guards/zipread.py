"""Zip members decompressed by the guards themselves, in bounded chunks, from the raw deflate
stream: declared sizes are not trusted, every chunk is charged to a budget shared by the whole
archive, and a part that inflates too many times its compressed size is a bomb."""

from __future__ import annotations

import queue
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from cashless_cli.problems import ReadError
from cashless_cli.read.guards.base import Limits, damaged, human
from cashless_cli.read.guards.sniff import ZIP_MAGIC

CHUNK = 1024 * 1024  # decompressed bytes handed to the scanners at a time
_RAW_CHUNK = 256 * 1024  # compressed bytes read from the file at a time


class Budget:
    """The total number of decompressed bytes allowed, shared by all parts."""

    def __init__(self, limits: Limits, where: str) -> None:
        self.limits = limits
        self.where = where
        self.left = limits.max_uncompressed_bytes

    def spend(self, produced: int, member_total: int, consumed: int) -> None:
        self.left -= produced
        limit = self.limits.max_uncompressed_bytes
        if self.left < 0:
            raise ReadError(
                "file-too-large", self.where, size=f"over {human(limit)}", limit=human(limit)
            )
        if (
            member_total >= self.limits.ratio_min_bytes
            and member_total > self.limits.max_compression_ratio * max(consumed, 1)
        ):
            ratio = member_total // max(consumed, 1)
            raise ReadError(
                "file-too-large",
                self.where,
                size=f"over {human(member_total)} ({ratio}:1 compression)",
                limit=f"{human(limit)}, {self.limits.max_compression_ratio:g}:1",
            )


def _data_offset(f: BinaryIO, info: zipfile.ZipInfo, where: str) -> int:
    if info.header_offset < 0:  # a damaged central directory
        raise damaged(where, "damage-member-header", member=info.filename)
    f.seek(info.header_offset)
    header = f.read(30)
    if len(header) < 30 or header[:4] != ZIP_MAGIC:
        raise damaged(where, "damage-member-header", member=info.filename)
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    return int(info.header_offset + 30 + name_len + extra_len)


def stream_member(
    f: BinaryIO, info: zipfile.ZipInfo, where: str, budget: Budget | None, cap: int = 0
) -> Iterator[bytes]:
    """Decompress one member from its raw bytes, in chunks of at most :data:`CHUNK` bytes.

    The deflate stream itself decides how much comes out (the declared size is not trusted);
    every chunk is charged to ``budget``; the CRC and the size are checked at the end. With
    ``cap``, stop quietly after that many bytes (for small parts read whole).
    """
    member = info.filename
    method = info.compress_type
    if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise damaged(where, "damage-member-compression", member=member)
    f.seek(_data_offset(f, info, where))
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if method == zipfile.ZIP_DEFLATED else None
    produced = 0
    consumed = 0
    crc = 0
    try:
        while True:
            if inflater is not None and inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                if left <= 0:
                    break
                data = f.read(min(left, _RAW_CHUNK))
                if not data:
                    raise damaged(where, "damage-member-cut", member=member)
                left -= len(data)
                consumed += len(data)
            if inflater is not None:
                out = inflater.decompress(data, CHUNK)
                if inflater.eof and not inflater.unconsumed_tail:
                    left = 0
            else:
                out = data
            if not out:
                continue
            produced += len(out)
            if budget is not None:
                budget.spend(len(out), produced, consumed)
            crc = zlib.crc32(out, crc)
            yield out
            if cap and produced >= cap:
                return
    except zlib.error as exc:
        raise damaged(where, "damage-member-corrupt", member=member) from exc
    if inflater is not None and not inflater.eof:
        raise damaged(where, "damage-member-cut", member=member)
    if crc != info.CRC or produced != info.file_size:
        raise damaged(where, "damage-member-checksum", member=member)


def read_member(f: BinaryIO, info: zipfile.ZipInfo, where: str, cap: int) -> bytes:
    """A small member whole, at most ``cap`` bytes of it."""
    return b"".join(stream_member(f, info, where, None, cap))[:cap]


def ahead(chunks: Iterator[bytes], depth: int = 2) -> Iterator[bytes]:
    """``chunks``, produced up to ``depth`` chunks ahead by a thread of their own; what the
    producer raises is raised here, in order, after the chunks before it. Stopping early (an
    exception in the consumer) lets the producer finish its current chunk and end."""
    out: queue.Queue[tuple[bytes | None, BaseException | None]] = queue.Queue(depth)
    stop = threading.Event()

    def put(item: tuple[bytes | None, BaseException | None]) -> bool:
        """Hand ``item`` over, unless the consumer has stopped (then False)."""
        while not stop.is_set():
            try:
                out.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for chunk in chunks:
                if not put((chunk, None)):
                    return
            put((None, None))
        except BaseException as exc:  # handed to the consumer, which raises it
            put((None, exc))

    worker = threading.Thread(target=produce, name="cashless-inflate", daemon=True)
    worker.start()
    try:
        while True:
            chunk, error = out.get()
            if error is not None:
                raise error
            if chunk is None:
                return
            yield chunk
    finally:
        stop.set()
        worker.join()
