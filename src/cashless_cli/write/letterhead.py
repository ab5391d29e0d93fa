"""The letterhead and the signatures of the documents an office signs (Decree 30/2020 layout):
the rate table, the Post Office's list, the payment list.

Top left the issuing body ("UBND HUYỆN BÌNH SƠN", "UBND TỈNH …", "UBND THÀNH PHỐ …" for a
centrally-run city, "UBND XÃ / PHƯỜNG / ĐẶC KHU …" for a commune) and its office; top right the
national title and motto, and under them the place and date. At the end, "Người lập biểu" on the
left and the head of the unit on the right (the Phòng's head for a district, the Sở's director
for a province, the chair for a commune), with room to sign. ``[report]`` in cashless.toml may
say otherwise (issuer, office, place, signer_title, signer, attached_to).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from cashless_cli.problems import text as tr
from cashless_cli.schema.domain import (
    CENTRAL_CITIES,
    COMMUNE_SIGNER_TITLE,
    DISTRICT_OFFICE,
    DISTRICT_SIGNER_TITLE,
    NATIONAL_MOTTO,
    NATIONAL_TITLE,
    PROVINCE_OFFICE,
    PROVINCE_SIGNER_TITLE,
)
from cashless_cli.workspace.config import Area
from cashless_cli.write import fit, vnformat
from cashless_cli.write.cells import put

FONT = "Times New Roman"
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
SIGN_ROOM = 4  # empty rows to sign in


@dataclass(frozen=True, slots=True)
class Letterhead:
    """Who issues a document; read from ``[report]`` in cashless.toml, else from the area."""

    issuer: str  # "UBND HUYỆN BÌNH SƠN"
    office: str  # "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" ("" for a commune)
    place: str  # "Bình Sơn" (for "Bình Sơn, ngày … tháng … năm …")
    signer_title: str  # "TRƯỞNG PHÒNG"
    signer: str = ""
    area_word: str = "huyện"  # "huyện", "tỉnh", "thành phố" or the commune's kind: "Toàn huyện"
    attached_to: str = ""  # "UBND huyện Bình Sơn", in "(Kèm theo văn bản số … của …)"


def unit_word(area: Area) -> str:
    """The kind of the area as its letterhead names it: huyện, tỉnh, thành phố, xã, phường…"""
    if area.level == "district":
        return "huyện"
    if area.level == "commune":
        return area.communes[0].kind if area.communes else "xã"
    return "thành phố" if area.name in CENTRAL_CITIES else "tỉnh"


def default_letterhead(area: Area) -> Letterhead:
    word = unit_word(area)
    if area.level == "district":
        office, signer = DISTRICT_OFFICE, DISTRICT_SIGNER_TITLE
    elif area.level == "commune":
        office, signer = "", COMMUNE_SIGNER_TITLE
    else:
        office, signer = PROVINCE_OFFICE, PROVINCE_SIGNER_TITLE
    return Letterhead(
        issuer=f"UBND {word.upper()} {area.name.upper()}",
        office=office,
        place=area.name,
        signer_title=signer,
        area_word=word,
        attached_to=f"UBND {word} {area.name}",
    )


def letterhead_for(area: Area, config: dict[str, object] | None = None) -> Letterhead:
    default = default_letterhead(area)
    report = (config or {}).get("report")
    if not isinstance(report, dict):
        return default
    return Letterhead(
        issuer=str(report.get("issuer") or default.issuer),
        office=str(report.get("office") or default.office),
        place=str(report.get("place") or default.place),
        signer_title=str(report.get("signer_title") or default.signer_title),
        signer=str(report.get("signer") or ""),
        area_word=default.area_word,
        attached_to=str(report.get("attached_to") or default.attached_to),
    )


def font(size: float = 12, bold: bool = False, italic: bool = False, **kw: object) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic, **kw)


def merged(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    value: object,
    cell_font: Font,
    align: Alignment = CENTER,
    height: float | None = None,
) -> None:
    """``value`` in the cells ``first``..``last`` of ``row``, merged."""
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = put(ws.cell(row, first), value)
    cell.font = cell_font
    cell.alignment = align
    if height is not None:
        ws.row_dimensions[row].height = height


def fitted_row(
    ws: Worksheet,
    row: int,
    cells: Sequence[tuple[int, int, str, Font]],
    widths: Sequence[float],
) -> None:
    """Merged, centred, wrapped cells on ``row`` (first, last, text, font); the row as tall as
    the tallest of them needs. ``widths[i]`` is the width of column ``i + 1``."""
    tallest = 0.0
    for first, last, text, cell_font in cells:
        merged(ws, row, first, last, text, cell_font)
        width = sum(widths[first - 1 : last])
        size = float(cell_font.sz or 12)
        tallest = max(tallest, fit.height(fit.lines(text, width, size, bool(cell_font.b)), size))
    ws.row_dimensions[row].height = tallest


def split(widths: Sequence[float], share: float = 0.4) -> int:
    """The last column of the left block: about ``share`` of the width."""
    total, run = sum(widths), 0.0
    for i, w in enumerate(widths, start=1):
        run += w
        if run >= share * total:
            return max(1, min(i, len(widths) - 1))
    return max(1, len(widths) - 1)


def heading(
    ws: Worksheet,
    head: Letterhead,
    widths: Sequence[float],
    date: dt.date | str | None = None,
    left_last: int | None = None,
) -> int:
    """Rows 1-3: issuer and office | national title, motto, place and date. The next free row
    (an empty one is left under the heading)."""
    n = len(widths)
    k = left_last or split(widths)
    title_width = fit.width_for(NATIONAL_TITLE, 12, bold=True)
    while left_last is None and k > 1 and sum(widths[k:]) < title_width:
        k -= 1  # the national title on one line, as the decree has it
    fitted_row(ws, 1, [(1, k, head.issuer, font(12)), (k + 1, n, NATIONAL_TITLE, font(12, True))],
               widths)  # fmt: skip
    second = [(k + 1, n, NATIONAL_MOTTO, font(13, True, underline="single"))]
    if head.office:
        second.insert(0, (1, k, head.office, font(12, True, underline="single")))
    fitted_row(ws, 2, second, widths)
    fitted_row(ws, 3, [(k + 1, n, vnformat.place_date(head.place, date), font(12, italic=True))],
               widths)  # fmt: skip
    return 5


def signatures(
    ws: Worksheet, row: int, head: Letterhead, widths: Sequence[float], left_last: int | None = None
) -> int:
    """ "Người lập biểu" | the head of the unit, from ``row``; the last row written."""
    n = len(widths)
    k = left_last or split(widths)
    right = max(k + 1, n - (k - 1)) if n > 2 else n
    fitted_row(ws, row, [(1, k, tr("doc.prepared-by", "vi"), font(12, True)),
                         (right, n, head.signer_title, font(12, True))], widths)  # fmt: skip
    fitted_row(ws, row + 1, [(1, k, tr("doc.sign-name", "vi"), font(11, italic=True)),
                             (right, n, tr("doc.sign-seal", "vi"), font(11, italic=True))],
               widths)  # fmt: skip
    last = row + 2 + SIGN_ROOM
    if head.signer:
        fitted_row(ws, last, [(right, n, head.signer, font(12, True))], widths)
    return last
