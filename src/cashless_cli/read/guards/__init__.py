"""Look at a roster file before python-calamine does, and refuse the ones that would hurt.

python-calamine 0.9.1 aborts the whole process on a sheet with one stray cell at XFD1048576, and
inflates a decompression bomb fully into memory. So the file is read once (:func:`read_file`,
its size checked first), and those bytes are what the guards check and what the reader parses:
a file replaced on disk meanwhile (a sync client, a re-upload) cannot slip past them.
:func:`inspect_data` then:

* sniffs the bytes (not the name; :mod:`.sniff`): zip (xlsx, xlsm, ods), OLE2 (xls, or an
  encrypted package; :mod:`.biff`), HTML, SpreadsheetML 2003 XML and CSV text under an Excel name;
* for zip workbooks (:mod:`.package`), decompresses every XML part itself, in bounded chunks
  (:mod:`.zipread`), and in that single pass looks for DTD declarations, references beyond the
  row/column limits and formula cells saved without a value (:mod:`.xmlscan`), and for ods follows
  the repeated rows and columns (:mod:`.ods`).

Every refusal is a :class:`~cashless_cli.problems.ReadError` whose code, and whose ``detail`` or
``kind`` phrase, are in :mod:`cashless_cli.problems`. The input is never modified.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from cashless_cli.problems import ReadError
from cashless_cli.read.guards import package
from cashless_cli.read.guards.base import (
    DEFAULT_LIMITS,
    FileKind,
    Inspection,
    Limits,
    damaged,
    too_large,
)
from cashless_cli.read.guards.biff import inspect_ole
from cashless_cli.read.guards.sniff import HEAD, container, refuse_non_workbook

__all__ = [
    "FileKind",
    "Inspection",
    "Limits",
    "check_well_formed",
    "inspect_data",
    "inspect_file",
    "inspect_workbook",
    "read_file",
]


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the file at ``path``, read once, or :class:`ReadError`: not found, empty, or
    larger than ``limits.max_uncompressed_bytes`` (told by the open file's size before reading,
    and by what the read returns, should the file grow meanwhile)."""
    where = str(path)
    cap = limits.max_uncompressed_bytes
    try:
        if not path.is_file():  # a folder, or a pipe that would block the read
            raise ReadError("file-not-found", where)
        with path.open("rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReadError("file-not-found", where)
            if info.st_size > cap:
                raise too_large(where, info.st_size, limits)
            data = f.read(cap + 1)
    except OSError as exc:  # unreadable, a vanished file
        raise ReadError("file-not-found", where) from exc
    if not data:
        raise ReadError("file-empty", where)
    if len(data) > cap:
        raise too_large(where, len(data), limits)
    return data


def inspect_data(
    data: bytes, path: Path, limits: Limits = DEFAULT_LIMITS, *, well_formed: bool = True
) -> Inspection:
    """What the workbook in ``data`` (read from ``path``, which names it in messages and whose
    suffix tells a disguised file) is, or :class:`ReadError`.

    ``well_formed=False`` leaves out the XML well-formedness check (:func:`check_well_formed`),
    for a caller that runs it beside the reader: unlike the other checks, it does not protect
    the reader, only the values it returns."""
    where = str(path)
    head = data[:HEAD]
    found = container(head, where)
    if found == "zip":
        try:
            return package.inspect_zip(io.BytesIO(data), where, path.suffix, limits, well_formed)
        except (ValueError, EOFError) as exc:  # an offset or a size out of the file's bounds
            raise damaged(where, "damage-zip") from exc
    if found == "ole":
        return Inspection(inspect_ole(io.BytesIO(data), where, limits))
    refuse_non_workbook(head, path)


def inspect_workbook(
    path: Path, limits: Limits = DEFAULT_LIMITS, *, well_formed: bool = True
) -> Inspection:
    """:func:`inspect_data` of the file at ``path``."""
    return inspect_data(read_file(path, limits), path, limits, well_formed=well_formed)


def inspect_file(
    path: Path, limits: Limits = DEFAULT_LIMITS, *, well_formed: bool = True
) -> FileKind:
    """The real kind of the workbook at ``path``, or :class:`ReadError`."""
    return inspect_workbook(path, limits, well_formed=well_formed).kind


def check_well_formed(
    data: bytes, path: Path, inspection: Inspection, limits: Limits = DEFAULT_LIMITS
) -> None:
    """Raise :class:`ReadError` if a part holding cell values is not well-formed XML.

    python-calamine reads a broken sheet silently, dropping the values it cannot parse. Run on
    bytes :func:`inspect_data` has passed with ``well_formed=False`` (which bounded the sizes),
    possibly in a thread beside the reader."""
    if inspection.cell_parts:
        package.check_well_formed(io.BytesIO(data), str(path), inspection.cell_parts, limits)
