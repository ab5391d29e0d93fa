"""Closed vocabularies of the roster: sex, registration status, receiver, category.

Each parser accepts the canonical wording, its usual variants (case, diacritics and spacing
ignored) and short codes, and returns the canonical wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from cashless_cli.normalise.base import CellValue, Invalid, Normalised
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
}

CATEGORY_CODES = ("1", "2", "3", "4", "5a", "5b", "5c", "5d", "6a", "6b", "7", "8")

# Usual wordings of the categories (folded), beside their codes.
_CATEGORY_WORDS = {
    "treemmocoi": "1",
    "treemkhongcononguonnuoiduong": "1",
    "treemkhongconguonnuoiduong": "1",
    "nguoitu16den22tuoidangdihoc": "2",
    "treemnhiemhiv": "3",
    "nguoidonthannghedangnuoicon": "4",
    "nguoidonthanngheodangnuoicon": "4",
    "donthannuoicon": "4",
    "nguoicaotuoi": "5a",
    "nguoicaotuoikhongcongphungduong": "5a",
    "nguoicaotuoihongheokhongconguoiphungduong": "5a",
    "nguoitu80tuoi": "5c",
    "nguoitu80tuoitrolen": "5c",
    "nguoicaotuoitu80tuoitrolen": "5c",
    "nguoikhuyettatdacbietnang": "6a",
    "khuyettatdacbietnang": "6a",
    "nguoikhuyettatnang": "6b",
    "khuyettatnang": "6b",
    "nguoinhiemhiv": "8",
}


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
    """A category code of Decree 20/2021 Article 5 (``5a``, ``6b`` …) from its code or wording."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = clean_text(raw)
    if text is None:
        return Normalised(None)
    key = fold(text)
    for prefix in ("dien", "khoan", "k"):
        if key.startswith(prefix) and key[len(prefix) :] in CATEGORY_CODES:
            key = key[len(prefix) :]
    if key in CATEGORY_CODES:
        return Normalised(key)
    if key in _CATEGORY_WORDS:
        return Normalised(_CATEGORY_WORDS[key])
    raise Invalid("category-unknown")
