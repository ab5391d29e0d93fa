"""The roster row: the single definition of the schema.

Each field of :class:`RosterRow` carries a :class:`Column` in its annotation: the header the
template writes, the other headers seen in the wild, when the value is required and how a raw
cell becomes a clean value. The column catalogue (:data:`COLUMNS`) used by header detection, the
template and the writers is read off the model, so there is one place to change a column.

Validation never stops at the first bad cell: each field's parser runs on its own, a value it
refuses becomes ``None`` and a field problem in the validation context, and a repair it makes is
recorded there too. Rules across fields live in :mod:`cashless_cli.checks`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from dataclasses import dataclass
from enum import StrEnum
from itertools import compress, count
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from cashless_cli.normalise.base import CellValue, Fix, Invalid
from cashless_cli.normalise.dates import LooseDate
from cashless_cli.schema.cells import KINDS, SLOW, CellKind, Kind, clean_mask


class Need(StrEnum):
    """When a column must be filled."""

    NO = "no"
    ALWAYS = "always"
    REGISTERED = "registered"  # status Đã đăng ký or Đã có tài khoản
    #: worth having once registered, never required (a warning): Dispatch 5234 lists name, birth
    #: date, ID, residence and account as what cashless payment needs, not the phone
    REGISTERED_ADVISED = "registered-advised"
    ACCOUNT = "account"  # status Đã có tài khoản
    PROXY = "proxy"  # the receiver is a guardian or an authorised person


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    aliases: tuple[str, ...] = ()
    need: Need = Need.NO
    kind: Kind = "text"
    width: float = 14
    help_vi: str = ""
    key: str = ""  # the field name (the model's columns are built with it: :data:`COLUMNS`)
    max_length: int = 255  # longer text is refused: no real name or village is that long

    @property
    def cell(self) -> CellKind:
        """How this column's cells are read (parser, shortcuts, width)."""
        return KINDS[self.kind]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A problem with one field of one row, before it is given a sheet location."""

    field: str
    code: str
    value: Any
    params: dict[str, Any]


N = Need


class RosterRow(BaseModel):
    """One beneficiary of the monthly social allowance, as a commune lists them."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True, defer_build=True)

    stt: Annotated[
        Any,
        Column(
            "STT",
            ("TT", "Số TT", "Số thứ tự"),
            kind="int",
            width=6,
            help_vi="Số thứ tự: 1, 2, 3, …",
        ),
    ] = None
    ma_doi_tuong: Annotated[
        str | None,
        Column(
            "Mã đối tượng",
            ("Mã ĐT", "Mã hồ sơ", "Mã số đối tượng", "Mã số", "Mã đối tượng hưởng", "Mã số hồ sơ"),
            width=12,
            help_vi="Mã hồ sơ của đối tượng do xã quản lý (nếu có).",
        ),
    ] = None
    ho_ten: Annotated[
        str | None,
        Column(
            "Họ và tên",
            (
                "Họ tên",
                "Họ và tên đối tượng",
                "Tên đối tượng",
                "Họ tên đối tượng",
                "Tên chủ hộ (cá nhân)",
                "Họ tên chủ hộ (cá nhân)",
                "Tên chủ hộ",
                "Họ và tên chủ hộ",
                "Họ tên chủ hộ",
                "Họ, chữ đệm và tên",
                "Họ và tên người hưởng",
                "Họ tên người hưởng",
                "Họ và tên người được hưởng",
                "Họ và tên người cao tuổi",
            ),
            N.ALWAYS,
            kind="name",
            width=24,
            help_vi="Họ và tên đầy đủ của đối tượng, có dấu.",
        ),
    ] = None
    ngay_sinh: Annotated[
        LooseDate | None,
        Column(
            "Ngày sinh",
            ("Ngày tháng năm sinh", "Năm sinh", "NS", "Ngày, tháng, năm sinh", "Sinh ngày"),
            N.ALWAYS,
            "birthdate",
            12,
            "Ngày/tháng/năm sinh (ví dụ 05/06/1950); nếu chỉ biết năm sinh thì ghi năm (1950).",
        ),
    ] = None
    gioi_tinh: Annotated[
        str | None,
        Column(
            "Giới tính",
            ("Nam/Nữ", "Giới", "Giới tính (Nam/Nữ)", "Nam, Nữ"),
            N.ALWAYS,
            "sex",
            9,
            "Nam hoặc Nữ.",
        ),
    ] = None
    so_dinh_danh: Annotated[
        str | None,
        Column(
            "Số CCCD/Định danh",
            (
                "Số CCCD",
                "CCCD",
                "Số định danh cá nhân",
                "CMND/CCCD",
                "Số căn cước",
                "Số định danh",
                "Số CMND/CCCD",
                "Số CCCD/CMND",
                "Số CMND",
                "CMND",
                "Số chứng minh nhân dân",
                "Số chứng minh thư",
                "Căn cước công dân",
                "Số căn cước công dân",
                "Số CMND/Căn cước",
                "Mã định danh",
                "Số định danh cá nhân/CCCD",
                "CCCD/CMND",
                "Số CCCD/CMND/Định danh",
            ),
            N.REGISTERED,
            "id",
            15,
            "Số định danh cá nhân 12 chữ số (số CCCD) của đối tượng.",
        ),
    ] = None
    ngay_cap: Annotated[
        LooseDate | None,
        Column(
            "Ngày cấp",
            ("Ngày cấp CCCD", "Ngày cấp CMND", "Ngày cấp CMND/CCCD", "Ngày cấp CCCD/CMND"),
            kind="date",
            width=12,
            help_vi="Ngày cấp CCCD, ghi ngày/tháng/năm (ví dụ 15/08/2021).",
        ),
    ] = None
    noi_cap: Annotated[
        str | None,
        Column(
            "Nơi cấp",
            ("Nơi cấp CCCD", "Nơi cấp CMND", "Nơi cấp CMND/CCCD", "Nơi cấp CCCD/CMND"),
            width=16,
            help_vi="Nơi cấp CCCD, ví dụ: Cục Cảnh sát QLHC về TTXH.",
        ),
    ] = None
    thon: Annotated[
        str | None,
        Column(
            "Thôn/Tổ dân phố",
            (
                "Thôn",
                "Xóm",
                "Tổ dân phố",
                "Địa chỉ",
                "Nơi cư trú",
                "Cư trú",
                "Thôn/Xóm",
                "Thôn, tổ",
                "Thôn/Xóm/Tổ dân phố",
                "Thôn, xóm",
                "Thôn/Ấp",
                "Ấp",
                "Bản",
                "Thôn/Bản",
                "Thôn, bản",
                "Thôn/Bản/Tổ dân phố",
                "Khu phố",
                "Nơi đăng ký thường trú",
                "Nơi thường trú",
                "Địa chỉ thường trú",
                "Hộ khẩu thường trú",
                "Địa chỉ cư trú",
            ),
            N.ALWAYS,
            width=16,
            help_vi="Thôn hoặc tổ dân phố nơi đối tượng cư trú.",
        ),
    ] = None
    dien: Annotated[
        str | None,
        Column(
            "Diện đối tượng",
            (
                "Đối tượng",
                "Loại đối tượng",
                "Nhóm đối tượng",
                "Diện hưởng",
                "Diện",
                "Phân loại",
                "Phân loại đối tượng",
                "Diện hưởng trợ cấp",
                "Đối tượng hưởng",
                "Diện đối tượng hưởng",
                "Loại đối tượng hưởng",
            ),
            N.ALWAYS,
            "category",
            10,
            "Mã diện theo Điều 5 Nghị định 20/2021/NĐ-CP: "
            "1, 2, 3, 4, 5a, 5b, 5c, 5d, 6a, 6b, 7, 8.",
        ),
    ] = None
    he_so: Annotated[
        float | None,
        Column(
            "Hệ số",
            ("Hệ số trợ cấp", "Hệ số hưởng"),
            kind="coefficient",
            width=7,
            help_vi="Hệ số trợ cấp theo Nghị định 20/2021/NĐ-CP (ví dụ 1,5).",
        ),
    ] = None
    muc_tro_cap: Annotated[
        int | None,
        Column(
            "Mức trợ cấp (đồng)",
            (
                "Mức trợ cấp",
                "Số tiền",
                "Mức hưởng",
                "Số tiền hưởng",
                "Mức trợ cấp hằng tháng",
                "Tiền trợ cấp",
                "Số tiền trợ cấp",
                "Số tiền được hưởng",
                "Mức hưởng trợ cấp",
                "Mức trợ cấp xã hội",
                "Trợ cấp hằng tháng",
                "Số tiền tháng này",
                "Tiền trợ cấp tháng này",
            ),
            N.ALWAYS,
            "amount",
            13,
            "Số tiền trợ cấp hằng tháng (đồng) = mức chuẩn × hệ số.",
        ),
    ] = None
    nguoi_nhan: Annotated[
        str | None,
        Column(
            "Người nhận",
            ("Người nhận trợ cấp", "Hình thức nhận", "Người nhận tiền"),
            N.REGISTERED,
            "receiver",
            14,
            "Bản thân, Người giám hộ hoặc Người được ủy quyền.",
        ),
    ] = None
    ten_nguoi_nhan: Annotated[
        str | None,
        Column(
            "Họ tên người nhận",
            (
                "Người giám hộ",
                "Người được ủy quyền",
                "Tên người nhận",
                "Họ và tên người nhận",
                "Người nhận Họ tên",
                "Người nhận Họ và tên",
            ),
            N.PROXY,
            kind="name",
            width=22,
            help_vi="Họ tên người giám hộ hoặc người được ủy quyền (bỏ trống nếu là bản thân).",
        ),
    ] = None
    so_dinh_danh_nguoi_nhan: Annotated[
        str | None,
        Column(
            "Số CCCD người nhận",
            ("CCCD người nhận", "Số định danh người nhận", "Người nhận Số CCCD", "Người nhận CCCD"),
            N.PROXY,
            "id",
            15,
            "Số định danh 12 chữ số của người nhận thay.",
        ),
    ] = None
    ngay_sinh_nguoi_nhan: Annotated[
        LooseDate | None,
        Column(
            "Ngày sinh người nhận",
            ("Người nhận Ngày sinh",),
            kind="birthdate",
            width=12,
            help_vi="Ngày sinh của người nhận thay (nếu có).",
        ),
    ] = None
    quan_he: Annotated[
        str | None,
        Column(
            "Quan hệ với đối tượng",
            ("Quan hệ", "Quan hệ với người hưởng", "Người nhận Quan hệ"),
            width=12,
            help_vi="Quan hệ của người nhận thay với đối tượng: con, vợ, chồng, cháu…",
        ),
    ] = None
    dien_thoai: Annotated[
        str | None,
        Column(
            "Số điện thoại",
            ("SĐT", "Điện thoại", "Số ĐT", "ĐT", "Số điện thoại liên hệ", "Điện thoại liên hệ"),
            N.REGISTERED_ADVISED,
            "phone",
            13,
            "Số di động 10 chữ số của đối tượng hoặc người nhận.",
        ),
    ] = None
    trang_thai: Annotated[
        str | None,
        Column(
            "Tình trạng đăng ký",
            (
                "Trạng thái",
                "Đăng ký TK",
                "Tình trạng",
                "Đăng ký tài khoản",
                "Đăng ký nhận qua tài khoản",
                "Tình trạng đăng ký nhận qua tài khoản",
            ),
            N.ALWAYS,
            "status",
            15,
            "Chưa đăng ký, Đã đăng ký, Đã có tài khoản hoặc Từ chối.",
        ),
    ] = None
    ngay_dang_ky: Annotated[
        LooseDate | None,
        Column(
            "Ngày đăng ký",
            ("Ngày ĐK",),
            N.REGISTERED,
            "date",
            12,
            help_vi="Ngày đối tượng đăng ký nhận trợ cấp qua tài khoản; không sau tháng báo cáo.",
        ),
    ] = None
    so_tai_khoan: Annotated[
        str | None,
        Column(
            "Số tài khoản",
            ("STK", "Số TK", "Số tài khoản ngân hàng", "Tài khoản", "Số tài khoản nhận trợ cấp"),
            N.ACCOUNT,
            "account",
            18,
            help_vi="Số tài khoản nhận trợ cấp (6 đến 19 chữ số), ghi đủ, không có dấu cách.",
        ),
    ] = None
    noi_mo_tai_khoan: Annotated[
        str | None,
        Column(
            "Nơi mở tài khoản",
            (
                "Ngân hàng",
                "Ngân hàng/Bưu điện",
                "Nơi mở TK",
                "Tên ngân hàng",
                "Ngân hàng mở tài khoản",
            ),
            N.ACCOUNT,
            width=14,
            help_vi="Bưu điện, hoặc tên ngân hàng.",
        ),
    ] = None
    ghi_chu: Annotated[
        str | None, Column("Ghi chú", width=16, max_length=1000, help_vi="Ghi chú thêm (nếu có).")
    ] = None

    @field_validator("*", mode="before")
    @classmethod
    def _parse(cls, raw: CellValue, info: ValidationInfo) -> Any:
        name = info.field_name
        assert name is not None
        ctx = info.context
        assert isinstance(ctx, ValidationContext)
        value, problems = parse_cell(COLUMN_BY_KEY[name], raw, ctx.today)
        ctx.problems.extend(problems)
        return value


def _clip(raw: CellValue) -> CellValue:
    """A long value as shown in a report: its start, not all 40,000 characters."""
    return raw[:60] + "…" if isinstance(raw, str) and len(raw) > 60 else raw


def parse_cell(column: Column, raw: CellValue, today: dt.date) -> tuple[Any, list[FieldProblem]]:
    """One cell through its column's parser: the clean value (None if refused or empty) and the
    problems found (a refusal, repairs, a required value missing)."""
    try:
        result = column.cell.parse(raw, today)
    except Invalid as exc:
        return None, [FieldProblem(column.key, exc.code, raw, exc.params)]
    value = result.value
    if isinstance(value, str) and len(value) > column.max_length:
        params = {"length": f"{len(value):,}", "limit": column.max_length}
        return None, [FieldProblem(column.key, "text-too-long", _clip(raw), params)]
    problems = [FieldProblem(column.key, fix.code, raw, fix.params) for fix in result.fixes]
    if result.value is None and column.need is Need.ALWAYS:
        problems.append(FieldProblem(column.key, "required-missing", raw, {}))
    return result.value, problems


@dataclass(slots=True)
class ValidationContext:
    """What the field parsers need (today) and where they put what they found."""

    today: dt.date
    problems: list[FieldProblem]


def _columns() -> tuple[Column, ...]:
    """The model's columns, each built with its field name as key."""
    return tuple(
        dataclasses.replace(next(m for m in info.metadata if isinstance(m, Column)), key=key)
        for key, info in RosterRow.model_fields.items()
    )


#: Every roster column, in template order.
COLUMNS: tuple[Column, ...] = _columns()
COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
REQUIRED_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.need is Need.ALWAYS)


def parse_row(raw: dict[str, CellValue], today: dt.date) -> tuple[RosterRow, list[FieldProblem]]:
    """Validate one row of raw cells (keyed by column key) through the model. Never raises for
    bad values.

    Required fields absent from ``raw`` altogether (the column is missing from the sheet) are not
    reported here: the file reports the missing column once.
    """
    ctx = ValidationContext(today, [])
    row = RosterRow.model_validate(raw, context=ctx)
    return row, ctx.problems


#: A cell that is not there at all (its column is absent): no value and no problem, as when
#: a key is left out of :func:`parse_row`'s input.
ABSENT: Any = type("Absent", (), {"__repr__": lambda self: "ABSENT"})()

_DEFAULTS: dict[str, Any] = {k: f.default for k, f in RosterRow.model_fields.items()}
#: The row every built row is a copy of (with no field set).
_EMPTY_ROW = RosterRow.model_construct()


def _clean_column(column: Column, cells: list[CellValue], today: dt.date) -> list[Any] | None:
    """The values of a column whose every cell takes its kind's shortcut (or is blank), found in
    a few passes over the whole column (:meth:`CellKind.clean_column`); None when any cell might
    not (then each distinct cell is parsed)."""
    kind = column.cell
    clean = kind.clean_column(cells)
    if clean is None or kind.width is None or all(cells):
        return clean
    blank, problems = parse_cell(column, "", today)
    if problems:
        return None
    return [cell if cell else blank for cell in clean]


_NUMERIC_TYPES = frozenset({bool, int, float})
_NO_PROBLEMS: list[FieldProblem] = []


@dataclass(slots=True)
class ParsedTable:
    """Rows parsed column by column: the clean values of each column, and the problems of the
    rows that have any. Rows are built as :class:`RosterRow` only when asked for."""

    values: dict[str, list[Any]]
    problems: dict[int, list[FieldProblem]]
    size: int

    def row(self, index: int) -> RosterRow:
        """The row's values as a :class:`RosterRow`, through pydantic's public API: a copy of
        the empty row with the values set (already parsed, so not validated again)."""
        return _EMPTY_ROW.model_copy(
            update={key: column[index] for key, column in self.values.items()}
        )

    def problems_of(self, index: int) -> list[FieldProblem]:
        return self.problems.get(index, _NO_PROBLEMS)

    def field_of(self, key: str, indices: list[int]) -> list[Any]:
        """One field's values at ``indices``, as :meth:`row` would give them (the field's
        default where the list has no such column), without building the rows."""
        column = self.values.get(key)
        if column is None:
            return [getattr(_EMPTY_ROW, key)] * len(indices)
        return list(map(column.__getitem__, indices))


def _parse_column(
    column: Column, cells: list[CellValue], today: dt.date
) -> tuple[list[Any], list[tuple[int, list[FieldProblem]]]]:
    """One column: its clean values, and (row index, problems) where a cell had any.

    Each distinct value is parsed once. Values are told apart by value, and also by type where
    the column mixes numbers and booleans (``1.0 == 1 == True`` in Python, not in a roster).
    """
    mask = clean_mask(column.cell, cells) if column.cell.fast is None else None
    if mask is not None:  # text of a fixed width (IDs, phones): parse only the unclean cells
        return _parse_unclean(column, cells, mask, today)
    clean = _clean_column(column, cells, today)
    if clean is not None:
        return clean, []
    keys: list[Any] = cells
    try:
        distinct = dict.fromkeys(keys)
        # equal numbers of different types collapse into one key: only where numbers are there
        if not _NUMERIC_TYPES.isdisjoint(map(type, distinct)) and (
            len(_NUMERIC_TYPES.intersection(map(type, cells))) > 1
        ):
            keys = list(zip(map(type, cells), cells, strict=True))
            distinct = dict.fromkeys(keys)
    except TypeError:  # an unhashable value (never from a workbook): parse cell by cell
        keys = list(range(len(cells)))
        distinct = dict.fromkeys(keys)
    default = _DEFAULTS[column.key]
    kind = column.cell
    # the kind's shortcut, called directly (one call per distinct cell, as in CellKind.shortcut)
    fast, max_length = kind.fast, column.max_length
    # CellKind.is_clean, inlined: 150,000 method calls on a large roster's ID and phone columns
    width = kind.width if fast is None else None
    starts = kind.starts() if width is not None and kind.starts is not None else None
    troubled: dict[Any, list[FieldProblem]] = {}
    for key in distinct:
        if keys is cells:
            raw = key
        elif isinstance(key, tuple):
            raw = key[1]
        else:
            raw = cells[key]
        if raw is ABSENT:
            distinct[key] = default
            continue
        if fast is not None:
            value = fast(raw, max_length)
            if value is not SLOW:
                distinct[key] = value
                continue
        elif (
            width is not None
            and type(raw) is str
            and len(raw) == width
            and raw.isdigit()
            and raw.isascii()
            and (starts is None or raw[:3] in starts)
        ):
            distinct[key] = raw
            continue
        value, problems = parse_cell(column, raw, today)
        distinct[key] = value
        if problems:
            troubled[key] = problems
    values = list(map(distinct.__getitem__, keys))
    located: list[tuple[int, list[FieldProblem]]] = []
    if troubled:
        located = [(i, troubled[k]) for i, k in enumerate(keys) if k in troubled]
    return values, located


def _parse_unclean(
    column: Column, cells: list[CellValue], clean: list[bool], today: dt.date
) -> tuple[list[Any], list[tuple[int, list[FieldProblem]]]]:
    """:func:`_parse_column` of a column of text whose clean cells are known (``clean``): a clean
    cell is its own value, a blank one the blank's, the others are parsed, each distinct one
    once."""
    if all(clean):
        return list(cells), []
    blank, blank_problems = parse_cell(column, "", today)
    values: list[Any] = [cell if cell else blank for cell in cells]
    parsed: dict[Any, tuple[Any, list[FieldProblem]]] = {}
    located: list[tuple[int, list[FieldProblem]]] = []
    if blank_problems:
        located = [(i, blank_problems) for i in compress(count(), map(operator.not_, cells))]
    odd = map(operator.and_, map(operator.not_, clean), map(bool, cells))
    for i in compress(count(), odd):
        raw = cells[i]
        found = parsed.get(raw)
        if found is None:
            found = parsed[raw] = parse_cell(column, raw, today)
        values[i] = found[0]
        if found[1]:
            located.append((i, found[1]))
    if blank_problems:
        located.sort(key=operator.itemgetter(0))
    return values, located


def parse_table(columns: dict[str, list[CellValue]], today: dt.date) -> ParsedTable:
    """Validate many rows at once, column by column: for each row, the same values and problems
    as :func:`parse_row` (a test holds the two together), many times faster on a large roster:
    a value repeated down a column is parsed once, and a clean name, ID or phone takes a
    shortcut. A cell given as :data:`ABSENT` is left at the field's default, with no problem.
    """
    size = len(next(iter(columns.values()))) if columns else 0
    values: dict[str, list[Any]] = {}
    problems: dict[int, list[FieldProblem]] = {}
    for key, cells in columns.items():
        values[key], located = _parse_column(COLUMN_BY_KEY[key], cells, today)
        for index, found in located:
            mine = problems.get(index)
            if mine is None:
                problems[index] = list(found)
            else:
                mine.extend(found)
    return ParsedTable(values, problems, size)


def parse_columns(
    columns: dict[str, list[CellValue]], today: dt.date
) -> list[tuple[RosterRow, list[FieldProblem]]]:
    """:func:`parse_table`, as one (row, problems) pair per row."""
    table = parse_table(columns, today)
    return [(table.row(i), list(table.problems_of(i))) for i in range(table.size)]


__all__ = [
    "ABSENT",
    "COLUMNS",
    "COLUMN_BY_KEY",
    "REQUIRED_KEYS",
    "Column",
    "FieldProblem",
    "Fix",
    "Kind",
    "Need",
    "ParsedTable",
    "RosterRow",
    "parse_cell",
    "parse_columns",
    "parse_row",
    "parse_table",
]
