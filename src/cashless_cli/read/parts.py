"""Which zip member of an xlsx/xlsm holds which sheet.

A sheet's XML is wherever the workbook's relationships point (``xl/worksheets/sheet1.xml`` as
Excel writes it, but ``xl/data/s.xml`` or a name without ``.xml`` are read all the same), so the
guards, the formula scan and the legacy-font scan all resolve sheet names here.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheet_parts(workbook_xml: bytes, workbook_rels: bytes) -> dict[str, str]:
    """Sheet name → zip member of its XML, from ``xl/workbook.xml`` and its relationships.

    A target is relative to ``xl/`` unless it starts with "/"; the first relationship of an id
    and the first sheet of a name win. {} if either part is missing or cannot be parsed.
    """
    import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped]

    if not workbook_xml or not workbook_rels:
        return {}
    try:
        book: Any = SafeET.fromstring(workbook_xml)
        rels: Any = SafeET.fromstring(workbook_rels)
    except Exception:  # damaged or unsafe XML (the guards refuse the latter): no hints
        return {}
    targets: dict[str, str] = {}
    for rel in rels:
        rel_id = rel.get("Id")
        if rel_id is not None and rel_id not in targets:
            target = str(rel.get("Target", ""))
            full = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel_id] = str(PurePosixPath(full))
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        name = sheet.get("name")
        if name is None or name in parts:
            continue
        r_id = sheet.get(_NS_R_ID)
        if r_id is not None and r_id in targets:
            parts[name] = targets[r_id]
        else:
            parts[name] = ""  # named, but with no part
    return {name: member for name, member in parts.items() if member}


def sheet_of(parts: dict[str, str], member: str) -> str:
    """The name of the sheet stored at ``member`` (the member itself if no sheet is)."""
    return next((name for name, part in parts.items() if part == member), member)
