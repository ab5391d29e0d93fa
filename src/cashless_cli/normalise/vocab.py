"""Closed vocabularies of the roster: sex, registration status, receiver, category.

Each parser accepts the canonical wording, its usual variants (case, diacritics and spacing
ignored) and short codes, and returns the canonical wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from cashless_cli.normalise.base import CellValue, Invalid, Normalised
from cashless_cli.normalise.categories import CATEGORY_CODES, category_candidates
from cashless_cli.normalise.text import clean_text, fold


class Sex(StrEnum):
    MALE = "Nam"
    FEMALE = "Nữ"


class Status(StrEnum):
    NOT_REGISTERED = "Chưa đăng ký"
    REGISTERED = "Đã đăng ký"
    HAS_ACCOUNT = "Đã có tài khoản"
    REFUSED = "Từ chối"

    @property
    def counts_as_registered(self) -> bool:
        return self in (Status.REGISTERED, Status.HAS_ACCOUNT)


class Receiver(StrEnum):
    SELF = "Bản thân"
    GUARDIAN = "Người giám hộ"
    AUTHORISED = "Người được ủy quyền"


_SEX = {
    "nam": Sex.MALE,
    "m": Sex.MALE,
    "male": Sex.MALE,
    "nu": Sex.FEMALE,
    "f": Sex.FEMALE,
    "female": Sex.FEMALE,
    # how people address the elderly on lists: "Ông Nguyễn Văn An", "Bà Lê Thị Cúc"
    "ong": Sex.MALE,
    "cuong": Sex.MALE,
    "namgioi": Sex.MALE,
    "ba": Sex.FEMALE,
    "cuba": Sex.FEMALE,
    "nugioi": Sex.FEMALE,
}

_STATUS = {
    "chuadangky": Status.NOT_REGISTERED,
    "chuadk": Status.NOT_REGISTERED,
    "chua": Status.NOT_REGISTERED,
    "khong": Status.NOT_REGISTERED,
    "dadangky": Status.REGISTERED,
    "dadk": Status.REGISTERED,
    "dangky": Status.REGISTERED,
    "dacotaikhoan": Status.HAS_ACCOUNT,
    "cotaikhoan": Status.HAS_ACCOUNT,
    "dacotk": Status.HAS_ACCOUNT,
    "cotk": Status.HAS_ACCOUNT,
    "damotaikhoan": Status.HAS_ACCOUNT,
    "tuchoi": Status.REFUSED,
    "tuchoinhanquataikhoan": Status.REFUSED,
    "nhantienmat": Status.REFUSED,
    # as payment lists and offices write them (tests/real_layouts/SOURCES.md)
    "chuamotk": Status.NOT_REGISTERED,
    "chuamotaikhoan": Status.NOT_REGISTERED,
    "dadangkynhanquatk": Status.REGISTERED,
    "dadangkynhanquataikhoan": Status.REGISTERED,
    "dangkynhanquatk": Status.REGISTERED,
    "dangkynhanquataikhoan": Status.REGISTERED,
    "damotk": Status.HAS_ACCOUNT,
    "dacotaikhoannganhang": Status.HAS_ACCOUNT,
    "chuyenkhoan": Status.HAS_ACCOUNT,
    "nhanchuyenkhoan": Status.HAS_ACCOUNT,
    "quataikhoan": Status.HAS_ACCOUNT,
    "quatk": Status.HAS_ACCOUNT,
    "nhanquataikhoan": Status.HAS_ACCOUNT,
    "nhanquatk": Status.HAS_ACCOUNT,
    "tuchoinhanquatk": Status.REFUSED,
    "tuchoidangky": Status.REFUSED,
    "tienmat": Status.REFUSED,
    "nhanbangtienmat": Status.REFUSED,
    "muonnhantienmat": Status.REFUSED,
}

_RECEIVER = {
    "banthan": Receiver.SELF,
    "doituong": Receiver.SELF,
    "chinhchu": Receiver.SELF,
    "nguoigiamho": Receiver.GUARDIAN,
    "giamho": Receiver.GUARDIAN,
    "nguoiduocuyquyen": Receiver.AUTHORISED,
    "nguoiduocuyquen": Receiver.AUTHORISED,
    "uyquyen": Receiver.AUTHORISED,
    "nguoinhanthay": Receiver.AUTHORISED,
    "banthandoituong": Receiver.SELF,
    "tunhan": Receiver.SELF,
    "doituongtunhan": Receiver.SELF,
    "nguoinuoiduong": Receiver.GUARDIAN,
    "nguoiuyquyen": Receiver.AUTHORISED,
    "duocuyquyen": Receiver.AUTHORISED,
    "nguoinhanho": Receiver.AUTHORISED,
    "nhanho": Receiver.AUTHORISED,
    # the household head collecting for a member: someone other than the beneficiary, so the
    # name and ID of the receiver are asked for as for any authorised person
    "chuho": Receiver.AUTHORISED,
}

#: Separates the codes of a wording that can mean several categories ("5a/5c"); the row's
#: coefficient and age decide between them (:func:`cashless_cli.checks.rows.resolve_category`).
CATEGORY_SEPARATOR = "/"


def _lookup(raw: CellValue, table: Mapping[str, str], code: str) -> Normalised[str | None]:
    text = clean_text(raw)
    if text is None:
        return Normalised(None)
    key = fold(text)
    if key in table:
        return Normalised(table[key])
    raise Invalid(code)


def parse_sex(raw: CellValue) -> Normalised[str | None]:
    return _lookup(raw, _SEX, "sex-invalid")


def parse_status(raw: CellValue) -> Normalised[str | None]:
    return _lookup(raw, _STATUS, "status-invalid")


def parse_receiver(raw: CellValue) -> Normalised[str | None]:
    return _lookup(raw, _RECEIVER, "receiver-invalid")


def parse_category(raw: CellValue) -> Normalised[str | None]:
    """The category (Decree 20/2021 Điều 5 code ``5a``, ``6b`` …, or ``htxh`` for the social
    pension of Decree 176/2025) a cell means, from its code or its wording, read by meaning
    (:func:`~cashless_cli.normalise.categories.category_candidates`). A wording that fits
    several categories gives them joined by :data:`CATEGORY_SEPARATOR` ("5a/5c"); one that
    fits none → ``category-unknown``."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = clean_text(raw)
    if text is None:
        return Normalised(None)
    codes = category_candidates(text)
    if not codes:
        raise Invalid("category-unknown")
    return Normalised(CATEGORY_SEPARATOR.join(codes))


_MARKS = frozenset({"x", "v", "co", "yes"})
_MARK_SIGNS = frozenset("✓✔☑☒✗✘")


def parse_mark(raw: CellValue) -> Normalised[bool | None]:
    """A tick in a column that is a yes/no question ("x" under "Nam", "Nữ", "Đăng ký", "Đối tượng
    đủ 75 tuổi trở lên"): "x", "X", "v", "✓", "có" → True; blank → None (not ticked); anything
    else → ``value-invalid``."""
    text = clean_text(raw)
    if text is None:
        return Normalised(None)
    if fold(text) in _MARKS or (len(text) == 1 and text in _MARK_SIGNS):
        return Normalised(True)
    raise Invalid("value-invalid")


def category_codes(value: str) -> tuple[str, ...]:
    """The codes a parsed category holds: one, or the candidates of an ambiguous wording."""
    return tuple(value.split(CATEGORY_SEPARATOR))


__all__ = [
    "CATEGORY_CODES",
    "CATEGORY_SEPARATOR",
    "Receiver",
    "Sex",
    "Status",
    "category_codes",
    "parse_category",
    "parse_mark",
    "parse_receiver",
    "parse_sex",
    "parse_status",
]
