"""Workbook → sheets of raw cells, through python-calamine, after the file guards.

Cells keep their absolute position: ``rows[r][c]`` is the cell at 0-based row ``r`` and column
``c`` of the sheet (A1 is ``rows[0][0]``), so any problem can be pointed at its A1 address.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as pc

from cashless_cli.normalise.base import CellValue
from cashless_cli.problems import ReadError
from cashless_cli.read.a1 import a1, column_letter
from cashless_cli.read.guards import (
    FileKind,
    Inspection,
    check_well_formed,
    inspect_data,
    read_file,
)
from cashless_cli.read.guards.base import damaged
from cashless_cli.read.parts import sheet_parts

__all__ = ["META_SHEET", "Merged", "Sheet", "Workbook", "a1", "column_letter", "read_meta_sheet"]

#: One background thread checks XML well-formedness beside the reader (see Workbook).
_CHECKS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cashless-xml")

#: Sheets our own template writes for its metadata; never a roster.
META_SHEET = "_cashless"

Merged = tuple[tuple[int, int], tuple[int, int]]


@dataclass(slots=True)
class Sheet:
    name: str
    rows: list[list[CellValue]]
    merged: list[Merged] = field(default_factory=list)
    visible: bool = True

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, r: int, c: int) -> CellValue:
        if r < len(self.rows) and c < len(self.rows[r]):
            return self.rows[r][c]
        return ""


class Workbook:
    """An open workbook: its kind, sheet names, and sheets loaded on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: The file's bytes, read once: what the guards check is what python-calamine parses,
        #: even if the file is replaced meanwhile (a sync client, a re-upload).
        self.data: bytes = read_file(path)
        # The guards that protect the reader run first; the check that the cells' XML is
        # well-formed runs in a thread while python-calamine loads (it releases the GIL).
        self._inspection: Inspection = inspect_data(self.data, path, well_formed=False)
        self.kind: FileKind = self._inspection.kind
        self._parts: dict[str, str] | None = None  # sheet name → worksheet part, when needed
        self._xml_check: Future[None] = _CHECKS.submit(
            check_well_formed, self.data, path, self._inspection
        )
        try:
            self._book = _calamine_call(
                path, lambda: pc.CalamineWorkbook.from_filelike(io.BytesIO(self.data))
            )
        except ReadError:
            self._xml_check.result()  # a broken part explains a failure best
            raise
        self.sheet_names: list[str] = list(self._book.sheet_names)
        self._visible = {
            m.name: str(m.visible).endswith("Visible") for m in self._book.sheets_metadata
        }

    def sheet(self, name: str) -> Sheet:
        raw = _calamine_call(self.path, lambda: self._book.get_sheet_by_name(name))
        rows: list[list[CellValue]] = _calamine_call(
            self.path, lambda: raw.to_python(skip_empty_area=False)
        )
        self._xml_check.result()  # raises ReadError if the cells' XML was not well-formed
        merged: list[Merged] = []
        try:
            merged = list(raw.merged_cell_ranges or [])
        except Exception:  # merges are a layout hint only; older formats may not carry them
            merged = []
        return Sheet(name, rows, merged, self._visible.get(name, True))

    def formulas_without_value(self, sheet_name: str) -> set[tuple[int, int]]:
        """0-based (row, col) of the formula cells of a sheet saved without a cached value.

        Noted by the guards in their pass over the file (not read again); empty for .xls/.ods
        and an unknown sheet.
        """
        if self.kind not in ("xlsx", "xlsm"):
            return set()
        if self._parts is None:
            self._parts = sheet_parts(self._inspection.workbook_xml, self._inspection.workbook_rels)
        member = self._parts.get(sheet_name)
        if member is None:
            return set()
        return set(self._inspection.formulas_without_value.get(member, ()))

    def sheets(self) -> Iterator[Sheet]:
        for name in self.sheet_names:
            if name != META_SHEET:
                yield self.sheet(name)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a reader never matters to the user
            self._book.close()


def _calamine_call(path: Path, fn: Any) -> Any:
    """Run a python-calamine call, turning its exceptions into a :class:`ReadError`."""
    try:
        return fn()
    except pc.PasswordError as exc:
        raise ReadError("file-encrypted", str(path)) from exc
    except pc.XmlError as exc:
        text = str(exc)
        if "entit" in text.lower() or "doctype" in text.lower():
            raise ReadError("xml-unsafe", str(path)) from exc
        raise _damaged(path, text) from exc
    except (pc.ZipError, pc.CalamineError, pc.WorksheetNotFound) as exc:
        raise _damaged(path, str(exc)) from exc
    except (OSError, ValueError, TypeError, RuntimeError, OverflowError) as exc:
        raise _damaged(path, str(exc)) from exc
    except BaseException as exc:
        # python-calamine's Rust code can panic on damaged files; pyo3 raises that as
        # PanicException, which derives from BaseException. It means a damaged file.
        if type(exc).__name__ != "PanicException":
            raise
        raise damaged(str(path), "damage-reader-gave-up") from exc


def _damaged(path: Path, text: str) -> ReadError:
    """``file-truncated`` in python-calamine's own words, shortened."""
    text = " ".join(text.split())
    short = text if len(text) <= 120 else text[:117] + "..."
    return damaged(str(path), "damage-reader", text=short)


def read_meta_sheet(book: Workbook) -> dict[str, str]:
    """The key/value metadata our template stores in its hidden sheet, if present."""
    if META_SHEET not in book.sheet_names:
        return {}
    sheet = book.sheet(META_SHEET)
    out: dict[str, str] = {}
    for row in sheet.rows:
        if len(row) >= 2 and isinstance(row[0], str) and row[0].strip():
            value = row[1]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            out[row[0].strip()] = str(value).strip()
    return out
