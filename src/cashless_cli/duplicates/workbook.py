"""The review workbook of ``cashless duplicates -o``: one block per pair, the two rows side by
side (one above the other), the fields that differ highlighted, the score, and the officer's
decision with dropdowns. Print-ready (A4 landscape, fit to width, header repeated, Times New
Roman); every value goes through :func:`cashless_cli.write.cells.put`.

A hidden sheet ``_cashless`` lists each pair's code and the keys of its two rows, so that
``cashless duplicates --import`` records each decision against the pair it was shown for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import openpyxl
from openpyxl.styles import Alignment, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from cashless_cli.duplicates.match import HIGH, Candidate
from cashless_cli.duplicates.people import Person
from cashless_cli.problems import text
from cashless_cli.schema.row import COLUMN_BY_KEY
from cashless_cli.texts import words
from cashless_cli.write import fit, vnformat
from cashless_cli.write.cells import put
from cashless_cli.write.layout import BODY, BOLD, BORDER, header, print_ready, title

__all__ = [
    "DECISION_DIFFERENT",
    "DECISION_SAME",
    "HEADER_ROW",
    "KEEP_CHOICES",
    "META_KIND",
    "REVIEW_COLUMNS",
    "REVIEW_SHEET",
    "ReviewInfo",
    "build_review_workbook",
]

#: The workbook is worded in Vietnamese (the officers' language); its words are catalogue texts.
_W = words("dups-doc", "vi")
REVIEW_SHEET = _W["sheet"]
META_KIND = "duplicates-review"
DECISION_SAME = _W["same"]
DECISION_DIFFERENT = _W["different"]
KEEP_CHOICES = (_W["keep.1"], _W["keep.2"])
HEADER_ROW = 4


def _roster(key: str) -> str:
    return COLUMN_BY_KEY[key].header


# (header, width, field compared or None)
REVIEW_COLUMNS: tuple[tuple[str, float, str | None], ...] = (
    (_W["col.pair"], 19, None),
    (_W["col.line"], 7, None),
    (_W["col.commune"], 12, None),
    (_W["col.where"], 24, None),
    (_roster("ho_ten"), 20, "ho_ten"),
    (_roster("ngay_sinh"), 11, "ngay_sinh"),
    (_roster("gioi_tinh"), 7, "gioi_tinh"),
    (_roster("so_dinh_danh"), 15, "so_dinh_danh"),
    (_roster("thon"), 13, "thon"),
    (_roster("dien_thoai"), 12, "dien_thoai"),
    (_roster("so_tai_khoan"), 15, "so_tai_khoan"),
    (_W["col.receiver"], 20, "ten_nguoi_nhan"),
    (_W["col.decision"], 14, None),
    (_W["col.keep"], 9, None),
)
#: Row heights (points, before fitting to the page width) a printed page holds, kept low so that
#: a pair's block is never split across two pages.
PAGE_BUDGET = 540.0
DECISION_COL = 13
KEEP_COL = 14
_DIFFER = PatternFill("solid", start_color="FFD966", end_color="FFD966")
_HIGH = PatternFill("solid", start_color="F4CCCC", end_color="F4CCCC")
_NOTE = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")
_KIND_VI = words("dups-doc.kind", "vi")
_FIELD_VI = words("dups-field", "vi")


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    month: str  # YYYY-MM
    area: str
    created_at: str


def _receiver(p: Person) -> str:
    if not p.by_other:
        return p.receiver or ""
    return f"{p.receiver_name or ''} {p.receiver_id or ''}".strip()


def _lines(text: object, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` wide (Times New Roman 11)."""
    if text is None or text == "":
        return 1
    return fit.lines(str(text), width, 11)


def _values(c: Candidate, line: int, p: Person) -> list[object]:
    level = _W["high"] if c.level == HIGH else _W["warning"]
    head = f"{c.code}\n{level} · {c.score}" if line == 1 else ""
    latest = max(c.a.ref.month, c.b.ref.month)
    return [
        head,
        KEEP_CHOICES[line - 1],
        p.commune if p.ref.month == c.b.ref.month or line == 2 else f"{p.commune} ({p.ref.month})",
        text("dups-doc.where", "vi", file=p.ref.file, row=p.ref.row)
        + ("" if p.ref.month == latest else text("dups-doc.of-month", "vi", month=p.ref.month)),
        p.name,
        p.birth_text,
        p.sex,
        p.pid,
        p.village,
        p.phone,
        p.account,
        _receiver(p),
        None,
        None,
    ]


def build_review_workbook(info: ReviewInfo, candidates: Sequence[Candidate]) -> Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = REVIEW_SHEET
    n = len(REVIEW_COLUMNS)
    title(ws, 1, _W["title"], n)
    month_vi = vnformat.month(info.month)
    subtitle = text("dups-doc.subtitle", "vi", area=info.area, month=month_vi, n=len(candidates))
    title(ws, 2, subtitle, n, BOLD)
    header(ws, HEADER_ROW, [h for h, _, _ in REVIEW_COLUMNS], [w for _, w, _ in REVIEW_COLUMNS])
    decision = DataValidation(
        type="list", formula1=f'"{DECISION_SAME},{DECISION_DIFFERENT}"', allow_blank=True
    )
    keep = DataValidation(type="list", formula1=f'"{",".join(KEEP_CHOICES)}"', allow_blank=True)
    decision.error = keep.error = _W["choose"]
    decision.showErrorMessage = keep.showErrorMessage = True
    ws.add_data_validation(decision)
    ws.add_data_validation(keep)
    meta = wb.create_sheet("_cashless")
    put(meta.cell(1, 1), "kind")
    put(meta.cell(1, 2), META_KIND)
    put(meta.cell(2, 1), "month")
    put(meta.cell(2, 2), info.month)
    put(meta.cell(3, 1), "created_at")
    put(meta.cell(3, 2), info.created_at)
    row = HEADER_ROW + 1
    used = 80.0  # the titles and the header row on the first page
    for k, c in enumerate(candidates, start=1):
        block_start = row
        put(meta.cell(3 + k, 1), "pair")
        for col, value in enumerate((c.code, c.a.key, c.b.key, row), start=2):
            put(meta.cell(3 + k, col), value)
        differ = set(c.differ)
        for line, p in ((1, c.a), (2, c.b)):
            values = _values(c, line, p)
            lines = max(_lines(v, REVIEW_COLUMNS[i][1]) for i, v in enumerate(values) if i > 0)
            ws.row_dimensions[row].height = fit.height(max(lines, 2 if line == 1 else 1))
            for col, value in enumerate(values, start=1):
                cell = put(ws.cell(row, col), value, "@" if col not in (DECISION_COL,) else None)
                cell.font = BOLD if col == 1 else BODY
                cell.border = BORDER
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                field = REVIEW_COLUMNS[col - 1][2]
                if field in differ or (
                    field == "ten_nguoi_nhan" and "so_dinh_danh_nguoi_nhan" in differ
                ):
                    cell.fill = _DIFFER
                if col == 1 and c.level == HIGH:
                    cell.fill = _HIGH
            row += 1
        kinds = ", ".join(_KIND_VI[k_] for k_ in c.kinds)
        agree = ", ".join(_FIELD_VI[f] for f in c.agree) or "—"
        diff = ", ".join(_FIELD_VI[f] for f in c.differ) or "—"
        note = text("dups-doc.note", "vi", kinds=kinds, agree=agree, differ=diff)
        put(ws.cell(row, 2), note)
        for col in range(1, n + 1):
            cell = ws.cell(row, col)
            cell.font = BODY
            cell.border = BORDER
            cell.fill = _NOTE
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=n - 2)
        note_width = sum(w for _, w, _ in REVIEW_COLUMNS[1 : n - 2])
        ws.row_dimensions[row].height = fit.height(_lines(note, note_width))
        top = row - 2
        ws.merge_cells(start_row=top, start_column=1, end_row=row, end_column=1)
        for col, dv in ((DECISION_COL, decision), (KEEP_COL, keep)):
            ws.merge_cells(start_row=top, start_column=col, end_row=row, end_column=col)
            dv.add(ws.cell(top, col))
            ws.cell(top, col).alignment = Alignment(vertical="center", wrap_text=True)
        height = sum(ws.row_dimensions[r].height or 15 for r in range(block_start, row + 1))
        if used + height > PAGE_BUDGET and block_start > HEADER_ROW + 1:
            ws.row_breaks.append(Break(id=block_start - 1))  # this block starts a new page
            used = 40.0  # the repeated header row
        used += height
        row += 1
    meta.sheet_state = "hidden"
    print_ready(ws, HEADER_ROW, n)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    return wb
