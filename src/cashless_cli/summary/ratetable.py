"""The district's monthly rate table (``bang-tong-hop-YYYY-MM.xlsx``): an annex to an official
dispatch, print-ready on A4, one page wide, in Times New Roman.

Sheet 1 is the table (issuing body and national motto, title, one line per commune sorted by rate,
the district total, notes, signatures); sheet 2 holds native charts (the rates of the month, and
the area's rate over every month summarized so far); sheet 3 the month-by-month figures the line
chart draws. Every value goes through :func:`cashless_cli.write.cells.put`.

The workbook is deterministic: its properties come from the data (the report month), not from the
clock; the one cell that carries the time it was made is :data:`GENERATED_AT_CELL`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from copy import copy
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import Marker
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Border, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from cashless_cli.dataset.deadline import SOURCE_FILE_TIME
from cashless_cli.dataset.figures import CommuneFigures, MonthSummary
from cashless_cli.dataset.history import MonthFigures
from cashless_cli.fs.deterministic import stable_zip
from cashless_cli.mask import mask
from cashless_cli.problems import text as tr
from cashless_cli.schema.month import Month
from cashless_cli.write import fit, vnformat
from cashless_cli.write.cells import put
from cashless_cli.write.layout import unit_header
from cashless_cli.write.letterhead import (
    Letterhead,
    font,
    heading,
    letterhead_for,
    merged,
    signatures,
)

FONT = "Times New Roman"
TABLE_SHEET = tr("rate-doc.bang-tong-hop", "vi")
CHART_SHEET = tr("rate-doc.bieu-do", "vi")
MONTHS_SHEET = tr("rate-doc.theo-thang", "vi")
HEADER_ROW = 9
FIRST_ROW = HEADER_ROW + 2  # after the column numbering row
RATE_FORMAT = vnformat.decimal_number_format("0.00")  # "13,37"
CHANGE_FORMAT = vnformat.decimal_number_format("+0.00;-0.00;0.00")
COUNT = "count"  # a count of people: grouped by thousands with "." (vnformat)

COLUMNS: tuple[tuple[str, float], ...] = (
    ("STT", 5),
    (tr("rate-doc.xa-thi-tran", "vi"), 17),
    (tr("rate-doc.so-doi-tuong-trong-danh", "vi"), 11),
    (tr("rate-doc.da-dang-ky-nhan-qua", "vi"), 11),
    (tr("rate-doc.trong-do-da-co-tai", "vi"), 11),
    (tr("rate-doc.tu-choi-nhan-tien-mat", "vi"), 10),
    (tr("rate-doc.ty-le-dang-ky", "vi"), 11),
    (tr("rate-doc.tang-giam-so-voi-thang", "vi"), 11),
    (tr("rate-doc.ghi-chu", "vi"), 22),
)
NUMBERING = ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(4)/(3)", "(8)", "(9)")
LAST_COL = len(COLUMNS)
#: The province view's column (who reported on time), before the notes.
TIMELINESS_COLUMN = (tr("deadline.doc-column", "vi"), 12)


def _columns(summary: MonthSummary) -> tuple[list[tuple[str, float]], list[str]]:
    """The table's columns and their numbering: with the reporting column when shown."""
    cols, numbering = list(COLUMNS), list(NUMBERING)
    if summary.shows_timeliness:
        cols.insert(len(cols) - 1, TIMELINESS_COLUMN)
        numbering = [*numbering[:-1], f"({len(cols) - 1})", f"({len(cols)})"]
    return cols, numbering


def _timeliness_cell(c: CommuneFigures) -> str | None:
    t = c.timeliness
    if t is None:
        return None
    word = tr(f"deadline.{t.status}", "vi", n=t.days_late or 0)
    return word + ("†" if t.source == SOURCE_FILE_TIME else "")


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)
_RIGHT = Alignment(horizontal="right", vertical="center", indent=1)


_font = font
_merged = merged


def _num(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _note(c: CommuneFigures) -> str:
    parts = []
    if c.unreadable is not None:
        file = c.file.name if c.file else "?"
        parts.append(tr("rate-doc.khong-doc-duoc-danh-sach", "vi", file=file, p=c.unreadable[2]))
    elif not c.reported:
        parts.append(tr("rate-doc.chua-bao-cao", "vi"))
    if c.rows_with_errors:
        parts.append(
            tr("rate-doc.danh-sach-co-dong-loi", "vi", rows_with_errors=c.rows_with_errors)
        )
    if c.status_unknown:
        parts.append(tr("rate-doc.rate-unknown", "vi"))
    elif c.counts is not None and c.counts.unknown:
        parts.append(tr("rate-doc.n-unknown", "vi", n=c.counts.unknown))
        if c.partly_known:  # the rate stands on part of the list: say on how many
            known, total = c.counts.known, c.counts.total
            parts.append(tr("deadline.partly-doc", "vi", known=known, total=total))
    return "; ".join(parts)


def _notes(summary: MonthSummary, head: Letterhead) -> list[str]:
    lines = [tr("rate-doc.ty-le-dang-ky-da", "vi")]
    missing = [c.unit.name for c in summary.not_reported]
    if missing:
        lines.append(
            tr("rate-doc.chua-bao-cao-hoac-khong", "vi", n_missing=len(missing))
            + ", ".join(missing)
            + "."
        )
    with_errors = [c for c in summary.reported if c.rows_with_errors]
    if with_errors:
        lines.append(
            tr("rate-doc.danh-sach-co-dong-loi-2", "vi")
            + ", ".join(
                tr("rate-doc.dong", "vi", name=c.unit.name, rows_with_errors=c.rows_with_errors)
                for c in with_errors
            )
            + "."
        )
    if summary.total.unknown:
        lines.append(tr("rate-doc.unknown-note", "vi", n=summary.total.unknown))
    for c in summary.not_fully_checked:
        why = "; ".join(p.message("vi", masked=True) for p in c.not_checkable)
        file = c.file.name if c.file else ""
        lines.append(tr("rate-doc.not-fully-checked", "vi", name=c.unit.name, file=file, why=why))
    if summary.shows_timeliness:
        lines.extend(_deadline_notes(summary))
    for dup in summary.duplicates:
        where = "; ".join(
            tr("rate-doc.tep-o", "vi", name=p.name, file=p.file, cell=p.cell) for p in dup.places
        )
        lines.append(tr("rate-doc.so-dinh-danh-co-trong", "vi", p=mask(dup.id), where=where))
    if summary.previous_month is not None:
        lines.append(
            tr(
                "rate-doc.cot-8-so-voi-thang",
                "vi",
                month=summary.previous_month.month,
                year=summary.previous_month.year,
            )
        )
    del head
    return lines


def _deadline_notes(summary: MonthSummary) -> list[str]:
    """When the lists were due, and whose date is the file's (no date line under the rows)."""
    due = summary.due.due(summary.month)
    lines = [tr("deadline.doc-due", "vi", due=f"{due:%d/%m/%Y}")]
    by_file = [
        c.unit.name
        for c in summary.communes
        if c.timeliness is not None and c.timeliness.source == SOURCE_FILE_TIME
    ]
    if by_file:
        lines.append(tr("deadline.doc-file-time", "vi", names=", ".join(by_file)))
    return lines


def _table_sheet(ws: Worksheet, summary: MonthSummary, head: Letterhead, now: dt.datetime) -> int:
    columns, numbering = _columns(summary)
    last_col = len(columns)
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = width
    # Letterhead: issuing body on the left, national motto on the right; the date left blank
    # (the table is an annex: it takes the date of the dispatch it goes with).
    heading(ws, head, [w for _, w in columns], None, left_last=3)
    month = summary.month
    _merged(
        ws,
        5,
        1,
        last_col,
        tr("rate-doc.bang-tong-hop-ty-le-2", "vi"),
        _font(13, bold=True),
        height=36,
    )
    _merged(
        ws,
        6,
        1,
        last_col,
        tr("rate-doc.thang-nam", "vi", month=month.month, year=month.year),
        _font(13, bold=True),
    )
    _merged(
        ws,
        7,
        1,
        last_col,
        tr("rate-doc.kem-theo-van-ban-so", "vi", attached_to=head.attached_to),
        _font(12, italic=True),
    )
    for i, (title, _) in enumerate(columns, start=1):
        if i == 2:  # from July 2025: communes, wards, special zones
            title = unit_header(month, title)
        cell = put(ws.cell(HEADER_ROW, i), title)
        cell.font = _font(11, bold=True)
        cell.alignment = _CENTER
        cell.border = _BOX
        num = put(ws.cell(HEADER_ROW + 1, i), numbering[i - 1])
        num.font = _font(10, italic=True)
        num.alignment = _CENTER
        num.border = _BOX
    ws.row_dimensions[HEADER_ROW].height = 64

    row = FIRST_ROW
    styles: dict[tuple[int, int, bool, str], StyleArray] = {}
    for stt, c in enumerate(summary.communes, start=1):
        counts = c.counts
        values: Sequence[object] = (
            stt,
            c.unit.name,
            counts.total if counts else None,
            counts.registered if counts else None,
            counts.with_account if counts else None,
            counts.refused if counts else None,
            _num(c.rate),
            _num(c.change),
            *([_timeliness_cell(c)] if summary.shows_timeliness else []),
            _note(c),
        )
        _table_row(ws, row, values, bold=False, widths=[w for _, w in columns], styles=styles)
        row += 1
    total = summary.total
    _table_row(
        ws,
        row,
        (
            None,
            None,
            total.total,
            total.registered,
            total.with_account,
            total.refused,
            _num(total.rate),
            None,
            *([None] if summary.shows_timeliness else []),
            None,
        ),
        bold=True,
        widths=[w for _, w in columns],
    )
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    put(
        ws.cell(row, 1),
        tr(
            "rate-doc.tong-cong-xa",
            "vi",
            n_reported=len(summary.reported),
            n_communes=len(summary.communes),
        ),
    )
    ws.cell(row, 1).alignment = _CENTER
    ws.cell(row, 1).font = _font(12, bold=True)
    total_row = row
    row += 2
    put(ws.cell(row, 1), tr("rate-doc.ghi-chu-2", "vi")).font = _font(11, bold=True, italic=True)
    row += 1
    for line in _notes(summary, head):
        _merged(ws, row, 1, last_col, f"- {line}", _font(11, italic=True), _LEFT)
        note_width = sum(w for _, w in columns)
        ws.row_dimensions[row].height = fit.height(
            fit.lines(f"- {line}", note_width, 11, indent=1), 11
        )
        row += 1
    # The one cell that changes between two runs on the same data.
    _merged(
        ws, row, 1, 3, tr("rate-doc.lap-bang-cashless-luc", "vi"), _font(10, italic=True), _LEFT
    )
    stamp = put(ws.cell(row, 4), vnformat.when(now))  # text: never ### in a narrow column
    stamp.font = _font(10, italic=True)
    stamp.alignment = Alignment(horizontal="left")
    generated_row = row
    row += 2
    row = signatures(ws, row, head, [w for _, w in columns], left_last=3)
    last_row = row

    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if _nearly_one_page(ws, columns, last_row) else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = 0.79  # 20 mm
    ws.page_margins.right = 0.59  # 15 mm
    ws.page_margins.top = 0.79
    ws.page_margins.bottom = 0.79
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = f"{FONT},Italic"
    ws.freeze_panes = ws.cell(FIRST_ROW, 1)
    del total_row
    return generated_row


#: A4 portrait inside the table's margins (20 mm left, 15 mm right, 20 mm top and bottom), pt.
_PAGE_WIDTH_PT = (8.27 - 0.79 - 0.59) * 72
_PAGE_HEIGHT_PT = (11.69 - 0.79 - 0.79) * 72
#: A table this much longer than a page is printed on one, a little smaller, rather than leave
#: the signatures alone on a second page under the repeated header.
_SHRINK_AT_MOST = 1.25


def _nearly_one_page(ws: Worksheet, columns: Sequence[tuple[str, float]], last_row: int) -> bool:
    """Whether the table, once scaled to the page's width, is longer than one page by no more
    than :data:`_SHRINK_AT_MOST` (row heights as written; 15 pt where none is set)."""
    width_pt = sum(w for _, w in columns) * fit.PT_PER_WIDTH
    scale = min(1.0, _PAGE_WIDTH_PT / width_pt) if width_pt else 1.0
    height_pt = sum(ws.row_dimensions[r].height or 15 for r in range(1, last_row + 1)) * scale
    return _PAGE_HEIGHT_PT < height_pt <= _PAGE_HEIGHT_PT * _SHRINK_AT_MOST


def _table_row(
    ws: Worksheet,
    row: int,
    values: Sequence[object],
    bold: bool,
    widths: Sequence[float],
    styles: dict[tuple[int, int, bool, str], StyleArray] | None = None,
) -> None:
    """One line of the table. ``styles``: the style of each column already set on an earlier
    line (kept by the caller across lines), copied rather than set again: setting a font,
    border and alignment cell by cell hashes each style object anew (a province's 300 lines
    spent more there than in the rest of the table)."""
    formats = (None, None, COUNT, COUNT, COUNT, COUNT, RATE_FORMAT, CHANGE_FORMAT)
    last = len(values)
    known = styles if styles is not None else {}
    for i, value in enumerate(values, start=1):
        fmt = formats[i - 1] if i <= len(formats) else None
        if fmt == COUNT:
            fmt = vnformat.money_number_format(value) if isinstance(value, int) else None
        cell = put(ws.cell(row, i), value, fmt)
        key = (i, last, bold, cell.number_format)
        style = known.get(key)
        if style is not None:
            cell._style = copy(style)
            continue
        cell.font = _font(12, bold=bold)
        cell.border = _BOX
        if i == 1 or (i > len(formats) and i < last):  # the reporting column: centred
            cell.alignment = _CENTER
        elif i in (2, last):
            cell.alignment = _LEFT
        else:
            cell.alignment = _RIGHT
        known[key] = copy(cell._style)
    note = str(values[-1] or "")
    lines = [fit.lines(note, widths[-1], 12, bold, indent=1)] if note else []
    if last > len(formats) + 1 and values[-2]:  # the reporting column may wrap too
        lines.append(fit.lines(str(values[-2]), widths[-2], 12, bold))
    n_lines = max([1, *lines])
    ws.row_dimensions[row].height = max(18.0, fit.height(n_lines, 12))


def _months_sheet(
    ws: Worksheet, summary: MonthSummary, history: dict[Month, MonthFigures], head: Letterhead
) -> int:
    """Month × (area, each commune) rates; returns the number of months."""
    units = summary.area.communes
    put(ws.cell(1, 1), "Tháng").font = _font(11, bold=True)
    put(ws.cell(1, 2), f"Toàn {head.area_word}").font = _font(11, bold=True)
    for j, unit in enumerate(units, start=3):
        put(ws.cell(1, j), unit.name).font = _font(11, bold=True)
        ws.column_dimensions[ws.cell(1, j).column_letter].width = 12
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 12
    for i, figures in enumerate(history.values(), start=2):
        put(ws.cell(i, 1), f"{figures.month.month}/{figures.month.year}").font = _font(11)
        put(ws.cell(i, 2), _num(figures.rate), RATE_FORMAT).font = _font(11)
        for j, unit in enumerate(units, start=3):
            counts = figures.communes.get(unit.code)
            rate = counts.rate if counts else None
            put(ws.cell(i, j), _num(rate), RATE_FORMAT).font = _font(11)
    ws.freeze_panes = "B2"
    _fit(ws, "landscape")
    return len(history)


def _fit(ws: Worksheet, orientation: str, tall: int = 0) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = tall
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _charts(
    ws: Worksheet,
    table: Worksheet,
    months: Worksheet,
    summary: MonthSummary,
    n_months: int,
    head: Letterhead,
) -> None:
    month = summary.month
    put(
        ws.cell(1, 1),
        tr("rate-doc.ty-le-dang-ky-nhan", "vi", month=month.month, year=month.year),
    ).font = _font(13, bold=True)
    n = len(summary.communes)
    bar = BarChart()
    bar.type = "bar"
    bar.style = 10
    bar.title = tr("rate-doc.ty-le-dang-ky-theo", "vi", month=month.month, year=month.year)
    bar.y_axis.title = "%"
    bar.y_axis.numFmt = "0"
    bar.y_axis.majorGridlines = None
    bar.x_axis.scaling.orientation = "maxMin"  # highest rate on top, as in the table
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar.legend = None
    bar.gapWidth = 40
    data = Reference(table, min_col=7, min_row=FIRST_ROW, max_row=FIRST_ROW + n - 1)
    cats = Reference(table, min_col=2, min_row=FIRST_ROW, max_row=FIRST_ROW + n - 1)
    bar.add_data(data, titles_from_data=False)
    bar.set_categories(cats)
    bar.series[0].tx = SeriesLabel(v=tr("rate-doc.ty-le-dang-ky", "vi"))
    bar.y_axis.crosses = "max"  # the value axis below the bars (categories run top-down)
    bar.dataLabels = _value_labels()
    bar.width = 17
    bar.height = max(9.0, 0.55 * n + 2)
    ws.add_chart(bar, "A3")

    line = LineChart()
    line.title = tr("rate-doc.ty-le-dang-ky-toan", "vi", area_word=head.area_word)
    line.style = 12
    line.y_axis.title = "%"
    line.y_axis.numFmt = RATE_FORMAT
    line.x_axis.title = "Tháng"
    line.x_axis.delete = False
    line.y_axis.delete = False
    line.legend = None
    line.y_axis.scaling.min = 0
    values = Reference(months, min_col=2, min_row=1, max_row=1 + n_months)
    labels = Reference(months, min_col=1, min_row=2, max_row=1 + n_months)
    line.add_data(values, titles_from_data=True)
    line.set_categories(labels)
    # a dot on each month: the first month of a workspace is one point, which a bare line
    # does not draw (the trial saw an empty chart with only its label)
    line.series[0].marker = Marker(symbol="circle", size=7)
    line.dataLabels = _value_labels()
    line.width = 17
    line.height = 8
    anchor_row = 3 + int(bar.height / 0.5) + 2
    ws.add_chart(line, f"A{anchor_row}")
    ws.print_area = f"A1:J{anchor_row + int(line.height / 0.5) + 1}"
    _fit(ws, "portrait", tall=1)


def _value_labels() -> DataLabelList:
    labels = DataLabelList()
    labels.showVal = True
    labels.showSerName = False
    labels.showCatName = False
    labels.showLegendKey = False
    labels.showPercent = False
    labels.numFmt = RATE_FORMAT  # "13,37", as the table prints it
    return labels


def rate_table_bytes(
    summary: MonthSummary,
    history: dict[Month, MonthFigures],
    now: dt.datetime,
    config: dict[str, object] | None = None,
) -> bytes:
    """The workbook, as bytes (written by the caller, atomically)."""
    head = letterhead_for(summary.area, config)
    wb = Workbook()
    table = wb.active
    assert table is not None
    table.title = TABLE_SHEET
    _table_sheet(table, summary, head, now)
    charts = wb.create_sheet(CHART_SHEET)
    months = wb.create_sheet(MONTHS_SHEET)
    months.sheet_state = "hidden"  # the line chart's figures: not a page of the annex
    n_months = _months_sheet(months, summary, history, head)
    _charts(charts, table, months, summary, n_months, head)
    fixed = dt.datetime(summary.month.year, summary.month.month, 1)
    props = wb.properties
    props.creator = "cashless"
    props.lastModifiedBy = "cashless"
    props.created = fixed
    props.modified = fixed
    props.title = tr("rate-doc.bang-tong-hop-ty-le", "vi", month=summary.month)
    props.subject = f"{head.issuer} - {summary.month}"
    buffer = io.BytesIO()
    wb.save(buffer)  # stamps the clock on docProps/core.xml: put the fixed properties back
    props.modified = fixed
    core = tostring(props.to_tree())
    return stable_zip(buffer.getvalue(), {"docProps/core.xml": core})


def generated_at_cell(data: bytes) -> str | None:
    """Where the "generated at" stamp is in a rate table (for tests and comparisons)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb[TABLE_SHEET]
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == tr("rate-doc.lap-bang-cashless-luc", "vi"):
            return f"D{row[0].row}"
    return None
