"""The blank roster a commune fills in: ``cashless template``.

One sheet "Danh sách" in the standard layout (the official title block, the template headers of
:data:`~cashless_cli.schema.row.COLUMNS` in order, frozen header, widths, text-formatted ID /
phone / account columns, dropdown lists, date formats, A4 landscape print setup with the header
repeated on every page), one sheet "Hướng dẫn" explaining every column and status in plain
Vietnamese, and the hidden key/value sheet ``_cashless`` (commune, month, template_version) that
``validate`` reads back without guessing.

Every value goes into a cell through :func:`cashless_cli.write.cells.put`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from cashless_cli.errors import UserError
from cashless_cli.fs.atomic import write_bytes
from cashless_cli.normalise.text import strip_diacritics
from cashless_cli.normalise.vocab import CATEGORY_CODES, Receiver, Sex, Status
from cashless_cli.problems import text as tr
from cashless_cli.read.workbook import META_SHEET
from cashless_cli.schema.domain import NATIONAL_MOTTO, NATIONAL_TITLE, Unit, categories
from cashless_cli.schema.month import Month
from cashless_cli.schema.row import COLUMNS, Column, Need
from cashless_cli.workspace.config import WorkspaceError, find_config, load_workspace
from cashless_cli.workspace.matching import units_named
from cashless_cli.write import fit
from cashless_cli.write.cells import DATE_FORMAT, put

TEMPLATE_VERSION = "1"
ROSTER_SHEET = tr("tmpl-doc.danh-sach", "vi")
GUIDE_SHEET = tr("tmpl-doc.huong-dan", "vi")
LIST_TITLE = tr("tmpl-doc.danh-sach-doi-tuong-bao", "vi")
HEADER_ROW = 6  # 1-based
FIRST_DATA_ROW = HEADER_ROW + 1
LAST_ROW = 1_048_576  # dropdowns cover the whole column below the header
TEXT_FORMAT = "@"

#: Columns kept as text so that Excel keeps leading zeros and every digit. Birth dates are text
#: too: a year alone (1950) is a valid birth date, and in a date-formatted cell Excel would show
#: it as 04/05/1905 and store that day.
TEXT_KINDS = frozenset({"id", "phone", "account", "birthdate"})
TEXT_KEYS = frozenset({"ma_doi_tuong"})

NEED_VI = {
    Need.ALWAYS: tr("tmpl-doc.bat-buoc", "vi"),
    Need.REGISTERED: tr("tmpl-doc.bat-buoc-khi-da-dang", "vi"),
    Need.REGISTERED_ADVISED: tr("tmpl-doc.nen-co-khi-da-dang", "vi"),
    Need.ACCOUNT: tr("tmpl-doc.bat-buoc-khi-da-co", "vi"),
    Need.PROXY: tr("tmpl-doc.bat-buoc-khi-nguoi-nhan", "vi"),
    Need.NO: tr("tmpl-doc.khong-bat-buoc", "vi"),
}

STATUS_HELP = {
    Status.NOT_REGISTERED: tr("tmpl-doc.doi-tuong-chua-dang-ky", "vi"),
    Status.REGISTERED: tr("tmpl-doc.doi-tuong-da-dang-ky", "vi"),
    Status.HAS_ACCOUNT: tr("tmpl-doc.doi-tuong-da-co-tai", "vi"),
    Status.REFUSED: tr("tmpl-doc.doi-tuong-muon-tiep-tuc", "vi"),
}

RECEIVER_HELP = {
    Receiver.SELF: tr("tmpl-doc.doi-tuong-tu-nhan-tien", "vi"),
    Receiver.GUARDIAN: tr("tmpl-doc.nguoi-giam-ho-nhan-thay", "vi"),
    Receiver.AUTHORISED: tr("tmpl-doc.nguoi-duoc-uy-quyen-nhan", "vi"),
}

GENERAL_NOTES = (
    tr("tmpl-doc.moi-doi-tuong-ghi-mot", "vi"),
    tr("tmpl-doc.khong-sua-khong-xoa-khong", "vi"),
    tr("tmpl-doc.cac-cot-so-cccd-so", "vi"),
    tr("tmpl-doc.ngay-ghi-theo-dang-ngay", "vi"),
    tr("tmpl-doc.cac-cot-gioi-tinh-dien", "vi"),
    tr("tmpl-doc.ky-ten-dong-dau-o", "vi"),
)

DROPDOWNS: dict[str, tuple[str, ...]] = {
    "gioi_tinh": tuple(s.value for s in Sex),
    "dien": CATEGORY_CODES,
    "nguoi_nhan": tuple(r.value for r in Receiver),
    "trang_thai": tuple(s.value for s in Status),
}

_THIN = Side(style="thin", color="FF808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
GUIDE_WIDTHS = (8, 26, 30, 70)  # the guide sheet's columns A-D
_HEADER_FILL = PatternFill("solid", fgColor="FFDDEBF7")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


class TemplateError(UserError):
    """A template that cannot be written; the message says why, in both languages."""


@dataclass(frozen=True, slots=True)
class TemplateSpec:
    commune: str
    month: Month
    kind: str = "xã"  # "xã", "phường" or "thị trấn": the unit's title is "UBND XÃ …"


def default_name(commune: str, month: Month) -> str:
    """``mau-danh-sach-binh-hoa-2023-06.xlsx``: ASCII, safe in any mail system or zip."""
    plain = strip_diacritics(commune).replace("đ", "d").replace("Đ", "D").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "xa"
    return f"mau-danh-sach-{slug}-{month}.xlsx"


def check_commune(name: str, units: Sequence[Unit] | None, month: Month) -> TemplateSpec:
    """The :class:`TemplateSpec` for ``name``: checked against the workspace's units if any."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TemplateError("template-commune-empty")
    if units is None:
        return TemplateSpec(cleaned, month)
    found = units_named(cleaned, units)
    if len(found) == 1:
        return TemplateSpec(found[0].name, month, found[0].kind or "xã")
    known = ", ".join(u.name for u in units)
    if not found:
        raise TemplateError("template-commune-unknown", name=cleaned, known=known)
    names = ", ".join(u.name for u in found)
    raise TemplateError("template-commune-ambiguous", name=cleaned, names=names)


def workspace_units(folder: Path) -> list[Unit] | None:
    """The communes of the workspace in ``folder``; None when there is no ``cashless.toml``."""
    if find_config(folder) is None:
        return None
    try:
        workspace = load_workspace(folder)
    except WorkspaceError as exc:
        raise TemplateError(exc.code, **exc.params) from exc
    return list(workspace.area.communes) or None


def build_template(spec: TemplateSpec) -> Any:
    """The template as an openpyxl ``Workbook`` (not saved)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = ROSTER_SHEET
    _roster_sheet(ws, spec)
    _guide_sheet(wb.create_sheet(GUIDE_SHEET))
    _meta_sheet(wb.create_sheet(META_SHEET), spec)
    wb.properties.title = LIST_TITLE.capitalize()
    wb.properties.subject = f"{spec.commune} {spec.month}"
    wb.properties.creator = "cashless"
    return wb


def write_template(spec: TemplateSpec, path: Path, force: bool = False) -> Path:
    """Write the template to ``path`` (atomically). Refuses to overwrite unless ``force``."""
    if path.suffix.lower() != ".xlsx":
        raise TemplateError("template-not-xlsx", name=path.name)
    if path.exists() and not force:
        raise TemplateError("template-exists", path=path)
    if not path.parent.is_dir():
        raise TemplateError("output-folder-missing", folder=path.parent)
    buffer = io.BytesIO()
    build_template(spec).save(buffer)
    write_bytes(path, buffer.getvalue(), private=False)  # no personal data in a blank template
    return path


def write_template_for(
    commune: str,
    month: Month,
    output: Path | None = None,
    workspace: Path | None = None,
    force: bool = False,
) -> tuple[TemplateSpec, Path]:
    """``cashless template``: the template for ``commune`` (one of ``workspace``'s communes when
    given) written to ``output`` (a file, or a folder for the default name; default: the
    default name in the current folder). Returns what was written and where."""
    units = workspace_units(workspace) if workspace is not None else None
    spec = check_commune(commune, units, month)
    path = output if output is not None else Path(default_name(spec.commune, month))
    if path.is_dir():
        path = path / default_name(spec.commune, month)
    return spec, write_template(spec, path, force=force)


def column_help(column: Column) -> str:
    text = column.help_vi
    if column.kind in ("id", "phone", "account"):
        text += tr("tmpl-doc.cot-da-dinh-dang-van", "vi")
    return text.strip()


def _roster_sheet(ws: Any, spec: TemplateSpec) -> None:
    n = len(COLUMNS)
    left_span = min(4, n)
    right_start = max(left_span + 1, n - 7)

    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = put(ws.cell(HEADER_ROW, index), column.header)
        cell.font = Font(bold=True)
        cell.alignment = _CENTER
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        dim = ws.column_dimensions[letter]
        dim.width = column.width + 2
        if column.kind in TEXT_KINDS or column.key in TEXT_KEYS:
            dim.number_format = TEXT_FORMAT
        elif column.kind == "date":
            dim.number_format = DATE_FORMAT
    ws.row_dimensions[HEADER_ROW].height = 48

    unit = f"UBND {spec.kind.upper()} {spec.commune.upper()}"
    _title(ws, 1, 1, left_span, unit, bold=True)
    _title(ws, 1, right_start, n, NATIONAL_TITLE, bold=True)
    _title(ws, 2, right_start, n, NATIONAL_MOTTO, bold=True, underline=True)
    _title(ws, 3, 1, n, LIST_TITLE, bold=True, size=14)
    _title(
        ws,
        4,
        1,
        n,
        tr("tmpl-doc.thang-nam", "vi", month=spec.month.month, year=spec.month.year),
        italic=True,
        size=12,
    )

    for key, choices in DROPDOWNS.items():
        index = next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)
        column = COLUMNS[index - 1]
        letter = get_column_letter(index)
        strict = key != "dien"  # a category may also be written in words
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=bool(column.help_vi),
            errorStyle="stop" if strict else "warning",
            errorTitle=column.header[:32],
            error=_limit(tr("tmpl-doc.chon-mot-gia-tri-trong", "vi", p=", ".join(choices)), 255),
            promptTitle=column.header[:32],
            prompt=_limit(column_help(column), 255),
        )
        dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_ROW}")
        ws.add_data_validation(dv)

    # Keep STT, code and name in view while scrolling right, and the header while scrolling down.
    ws.freeze_panes = f"D{FIRST_DATA_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.75  # room for the page number
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P / &N"


def _title(
    ws: Any,
    row: int,
    first: int,
    last: int,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: int = 11,
) -> None:
    cell = put(ws.cell(row, first), text)
    cell.font = Font(bold=bold, italic=italic, size=size, underline="single" if underline else None)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    width = sum(
        ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(first, last + 1)
    )
    need = fit.height(_lines(text, width, size, bold), size)
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, need)


def _lines(text: str, width: float, size: float = 11, bold: bool = False) -> int:
    """Lines of ``text`` in a column of ``width``, in the template's font (Calibri, printed as
    Carlito: a little wider than Times New Roman, whose metrics :mod:`fit` holds)."""
    return fit.lines(text, width / 1.1, size, bold)


def _limit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _guide_sheet(ws: Any) -> None:
    for c, width in enumerate(GUIDE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    r = 1
    put(ws.cell(r, 1), tr("tmpl-doc.huong-dan-ghi-danh-sach", "vi")).font = Font(bold=True, size=14)
    ws.row_dimensions[r].height = fit.height(1, 14)
    r += 2
    put(ws.cell(r, 1), tr("tmpl-doc.luu-y-chung", "vi")).font = Font(bold=True, size=12)
    r += 1
    for i, note in enumerate(GENERAL_NOTES, start=1):
        put(ws.cell(r, 1), f"{i}.").alignment = _WRAP
        put(ws.cell(r, 2), note).alignment = _WRAP
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
        ws.row_dimensions[r].height = fit.height(_lines(note, sum(GUIDE_WIDTHS[1:])))
        r += 1

    columns = [
        (get_column_letter(index), column.header, NEED_VI[column.need], column_help(column))
        for index, column in enumerate(COLUMNS, start=1)
    ]
    head = ("Cột", tr("tmpl-doc.ten-cot", "vi"), tr("tmpl-doc.bat-buoc", "vi"))
    r = _section(
        ws,
        r,
        tr("tmpl-doc.cac-cot-cua-danh-sach", "vi"),
        (*head, tr("tmpl-doc.cach-ghi", "vi")),
        columns,
    )
    means = ("", tr("tmpl-doc.ghi-trong-cot", "vi"), "", tr("tmpl-doc.nghia-la", "vi"))
    statuses = [("", status.value, "", text) for status, text in STATUS_HELP.items()]
    r = _section(ws, r, tr("tmpl-doc.tinh-trang-dang-ky", "vi"), means, statuses)
    receivers = [("", receiver.value, "", text) for receiver, text in RECEIVER_HELP.items()]
    r = _section(ws, r, tr("tmpl-doc.nguoi-nhan", "vi"), means, receivers)
    bands = [
        (code, f"{band.coefficient:g}".replace(".", ","), band.condition, band.group)
        for code, code_bands in categories().items()
        for band in code_bands
    ]
    heading = tr("tmpl-doc.dien-doi-tuong-dieu-5", "vi")
    words = (
        tr("tmpl-doc.he-so", "vi"),
        tr("tmpl-doc.dieu-kien", "vi"),
        tr("tmpl-doc.doi-tuong", "vi"),
    )
    _section(ws, r, heading, ("Mã", *words), bands)
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"  # the guide's title on every page
    ws.page_margins.bottom = 0.75
    ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "Trang &P / &N"


def _section(
    ws: Any, r: int, heading: str, head: Sequence[str], rows: Sequence[Sequence[str]]
) -> int:
    """A heading a row below ``r``, then a table: its head and rows. The row after it. Each
    section after the first starts a page, so that no heading is left alone at a page's foot."""
    if r > 3 + len(GENERAL_NOTES):
        ws.row_breaks.append(Break(id=r))
    r += 1
    put(ws.cell(r, 1), heading).font = Font(bold=True, size=12)
    ws.row_dimensions[r].height = fit.height(1, 12)
    r += 1
    r = _table_head(ws, r, head)
    for values in rows:
        r = _table_row(ws, r, values)
    return r


def _table_head(ws: Any, r: int, values: Sequence[str]) -> int:
    for c, value in enumerate(values, start=1):
        cell = put(ws.cell(r, c), value or None)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _CENTER
    tallest = max(_lines(v, w, bold=True) for v, w in zip(values, GUIDE_WIDTHS, strict=False))
    ws.row_dimensions[r].height = fit.height(tallest)
    return r + 1


def _table_row(ws: Any, r: int, values: Sequence[str]) -> int:
    for c, value in enumerate(values, start=1):
        cell = put(ws.cell(r, c), value or None)
        cell.border = _BORDER
        cell.alignment = _WRAP
    tallest = max(_lines(v, w) for v, w in zip(values, GUIDE_WIDTHS, strict=False))
    ws.row_dimensions[r].height = fit.height(tallest)
    return r + 1


def _meta_sheet(ws: Any, spec: TemplateSpec) -> None:
    """Key/value rows that ``read_meta_sheet`` reads back: all text, never a number or date."""
    for r, (key, value) in enumerate(
        (
            ("commune", spec.commune),
            ("month", str(spec.month)),
            ("template_version", TEMPLATE_VERSION),
            ("unit_kind", spec.kind),
        ),
        start=1,
    ):
        put(ws.cell(r, 1), key)
        put(ws.cell(r, 2), value)
    ws.sheet_state = "hidden"
