"""What the guards share: the kinds of workbook, the limits, what a pass found, and how a
refusal names a size."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from cashless_cli.problems import Entry, ReadError

FileKind = Literal["xlsx", "xlsm", "xls", "ods"]

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What a roster may cost to open. The defaults leave a wide margin over real rosters."""

    #: Sum of the uncompressed sizes of the archive's parts (declared, and measured for XML);
    #: also the largest file read at all.
    max_uncompressed_bytes: int = 512 * MiB
    #: A part that inflates more than this many times its compressed size is a bomb...
    max_compression_ratio: float = 200.0
    #: ... once it has produced at least this many bytes (small parts compress very well).
    ratio_min_bytes: int = 32 * MiB
    #: Last row number a sheet may use (7-digit rows are refused by default).
    max_rows: int = 999_999
    #: Last column number a sheet may use (702 = ZZ).
    max_columns: int = 702
    #: Also refuse a sheet whose ``<dimension ref>`` goes beyond the limits. Off by default:
    #: python-calamine 0.9.1 ignores the element (measured), and Excel writes A1:XFD1048576
    #: when mere formatting reaches that far, so it would refuse files that read fine.
    check_dimension: bool = False


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Inspection:
    """What :func:`~cashless_cli.read.guards.inspect_data` found: the kind, and what its pass
    noted on the way."""

    kind: FileKind
    #: xlsx/xlsm: worksheet part (``xl/worksheets/sheet1.xml``) → 0-based (row, col) of its
    #: formula cells saved without a cached value. Every worksheet part has an entry.
    formulas_without_value: Mapping[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    #: xlsx/xlsm: the bytes of ``xl/workbook.xml`` and ``xl/_rels/workbook.xml.rels`` as the
    #: pass read them (b"" if absent or too large), to map sheet names to parts.
    workbook_xml: bytes = b""
    workbook_rels: bytes = b""
    #: xlsx/xlsm/ods: the parts that hold cell values (worksheets, shared strings, content.xml),
    #: whose well-formedness :func:`~cashless_cli.read.guards.check_well_formed` checks.
    cell_parts: frozenset[str] = frozenset()


def human(size: int) -> str:
    if size >= 1024 * MiB:
        return f"{size / (1024 * MiB):.1f} GB"
    if size >= MiB:
        return f"{size / MiB:.0f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def too_large(where: str, size: int, limits: Limits) -> ReadError:
    """The refusal of a file or an archive of ``size`` bytes, over the limit."""
    return ReadError(
        "file-too-large", where, size=human(size), limit=human(limits.max_uncompressed_bytes)
    )


def damaged(where: str, code: str, **params: object) -> ReadError:
    """``file-truncated``, its detail the catalogue phrase ``code``."""
    return ReadError("file-truncated", where, detail=Entry(code, params))


def not_workbook(where: str, code: str, *, bare: bool = False) -> ReadError:
    """``file-not-workbook``, what the file is instead the catalogue phrase ``code``."""
    return ReadError("file-not-workbook", where, detail=Entry(code, bare=bare))
