"""Domain tables shipped as package data: categories and coefficients, ID province codes, phone
prefixes, the communes of Bình Sơn, and the base levels of the social allowance."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from cashless_cli.texts import TEXTS


def _rows(name: str) -> list[dict[str, str]]:
    text = files("cashless_cli.schema").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@dataclass(frozen=True, slots=True)
class CategoryBand:
    """One coefficient of a category, for ages (whole years) in [min_age, max_age)."""

    code: str
    group: str
    condition: str
    coefficient: float
    min_age: int | None
    max_age: int | None


# Age bands (whole years at the report month) read from the ``condition`` column of categories.csv.
# None means open-ended. Categories 2, 4, 5b, 5c, 5d, 7, 8 have one coefficient; their own age
# limits (where the decree sets one) are in CATEGORY_AGE.
_BANDS: dict[tuple[str, str], tuple[int | None, int | None]] = {
    ("1", "dưới 4 tuổi"): (None, 4),
    ("1", "từ đủ 4 tuổi"): (4, 16),
    ("3", "dưới 4 tuổi"): (None, 4),
    ("3", "từ đủ 4 đến dưới 16 tuổi"): (4, 16),
    ("5a", "từ 60 đến dưới 80 tuổi"): (60, 80),
    ("5a", "từ đủ 80 tuổi"): (80, None),
    ("6a", "từ 16 đến dưới 60 tuổi"): (16, 60),
    ("6b", "từ 16 đến dưới 60 tuổi"): (16, 60),
}

#: Who each category is for, as an age range [min, max) in whole years, and its wording.
CATEGORY_AGE: dict[str, tuple[int | None, int | None, str, str]] = {
    "1": (None, 16, "children under 16", "trẻ em dưới 16 tuổi"),
    "2": (16, 23, "people aged 16 to 22", "người từ 16 đến 22 tuổi"),
    "3": (None, 16, "children under 16", "trẻ em dưới 16 tuổi"),
    "5a": (60, None, "people aged 60 and over", "người từ 60 tuổi trở lên"),
    "5b": (75, 80, "people aged 75 to 79", "người từ 75 đến dưới 80 tuổi"),
    "5c": (80, None, "people aged 80 and over", "người từ đủ 80 tuổi"),
    "5d": (60, None, "people aged 60 and over", "người từ 60 tuổi trở lên"),
    "7": (None, 3, "children under 3", "trẻ em dưới 3 tuổi"),
    "htxh": (70, None, "people aged 70 and over", "người từ đủ 70 tuổi trở lên"),
}


#: The category code of the social pension (trợ cấp hưu trí xã hội, Decree 176/2025/NĐ-CP, from
#: 1 July 2025): a programme of its own beside the monthly social allowance. A person listed for
#: both in one month is paid only the higher amount.
SOCIAL_PENSION = "htxh"


def programme_of(category: str | None) -> str:
    """``"pension"`` for the social pension, ``"allowance"`` for every other category."""
    return "pension" if category == SOCIAL_PENSION else "allowance"


def category_shown(category: str | None) -> str:
    """A category as a list shows it: the decree's categories by their codes (1, 5a…), as the
    roster and its guide sheet write them; the social pension by its name, not "htxh"."""
    if category == SOCIAL_PENSION:
        return TEXTS["category.htxh"].vi
    return category or ""


@cache
def categories() -> dict[str, list[CategoryBand]]:
    out: dict[str, list[CategoryBand]] = {}
    for r in _rows("categories.csv"):
        code = r["code"].strip()
        lo, hi = _BANDS.get((code, r["condition"].strip()), (None, None))
        if code in ("6a", "6b") and r["condition"].startswith("trẻ em"):
            lo, hi = None, None  # children and the elderly: the complement of 16-59
        out.setdefault(code, []).append(
            CategoryBand(code, r["group"], r["condition"], float(r["coefficient"]), lo, hi)
        )
    return out


def coefficient_for(code: str, age: int | None) -> float | None:
    """The coefficient of ``code`` for a person of ``age`` (None: unknown age → only if unique)."""
    bands = categories().get(code)
    if not bands:
        return None
    if len(bands) == 1:
        return bands[0].coefficient
    if age is None:
        return None
    for band in bands:
        if band.min_age is None and band.max_age is None:
            continue
        if (band.min_age is None or age >= band.min_age) and (
            band.max_age is None or age < band.max_age
        ):
            return band.coefficient
    # 6a/6b outside 16-59: the "children or elderly" band
    for band in bands:
        if band.min_age is None and band.max_age is None:
            return band.coefficient
    return None


@cache
def province_codes() -> dict[str, str]:
    return {r["code"]: r["province"] for r in _rows("cccd-province-codes.csv")}


@dataclass(frozen=True, slots=True)
class PhonePrefixes:
    mobile: dict[str, str]  # 3-digit prefix → carrier
    old11: dict[str, str]  # 4-digit old prefix → new 3-digit prefix
    landline: dict[str, str]  # area code → place


@cache
def phone_prefixes() -> PhonePrefixes:
    mobile: dict[str, str] = {}
    old: dict[str, str] = {}
    land: dict[str, str] = {}
    for r in _rows("phone-prefixes.csv"):
        if r["kind"] == "mobile":
            mobile[r["prefix"]] = r["carrier"]
        elif r["kind"] == "old11":
            old[r["prefix"]] = r["new_prefix"]
        elif r["kind"] == "landline":
            land[r["prefix"]] = r["carrier"]
    return PhonePrefixes(mobile, old, land)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    kind: str


@cache
def binh_son_communes() -> tuple[Unit, ...]:
    return tuple(Unit(r["code"], r["name"], r["kind"]) for r in _rows("communes-binh-son-2023.csv"))


#: Base level of the social allowance (mức chuẩn trợ giúp xã hội): (in force from, VND/month).
DEFAULT_BASE_LEVELS: tuple[tuple[dt.date, int], ...] = (
    (dt.date(2021, 7, 1), 360_000),  # Decree 20/2021/NĐ-CP
    (dt.date(2024, 7, 1), 500_000),  # Decree 76/2024/NĐ-CP
)


def base_level(
    month: dt.date, levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS
) -> int | None:
    """The base level in force on the first day of ``month`` (None before the first level)."""
    current: int | None = None
    for start, amount in sorted(levels):
        if month >= start:
            current = amount
    return current


#: The office that reports, and the title of who signs, for a district (before July 2025) and a
#: province (after): the rate table's letterhead and signature unless cashless.toml says otherwise.
DISTRICT_OFFICE = "PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
DISTRICT_SIGNER_TITLE = "TRƯỞNG PHÒNG"
PROVINCE_OFFICE = "SỞ Y TẾ"
PROVINCE_SIGNER_TITLE = "GIÁM ĐỐC"
#: A commune's (xã, phường, đặc khu) lists are signed by the chair of its People's Committee.
COMMUNE_SIGNER_TITLE = "CHỦ TỊCH"
#: The centrally-run cities (after July 2025): their letterhead says "UBND THÀNH PHỐ …".
CENTRAL_CITIES: frozenset[str] = frozenset(
    {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
)

#: The words of a unit's name: a people's committee heading a roster ("UBND XÃ BÌNH HÒA"), the
#: kinds of commune before and after July 2025, the prefixes of a province's official name.
COMMITTEE_WORDS: tuple[str, ...] = ("UBND", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UB")
COMMUNE_KINDS: tuple[str, ...] = ("XÃ", "THỊ TRẤN", "PHƯỜNG", "ĐẶC KHU")
PROVINCE_PREFIXES: tuple[str, ...] = ("Thành phố ", "Tỉnh ")
DISTRICT_COMMITTEE = "UBND HUYỆN"
EXAMPLE_COMMUNE = "Bình Hòa"  # the commune the examples of cashless.toml name


def province_short(name: str) -> str:
    """ "Tỉnh Quảng Ngãi" → "Quảng Ngãi"; "Thành phố Huế" → "Huế"."""
    for prefix in PROVINCE_PREFIXES:
        name = name.removeprefix(prefix)
    return name


#: The national heading of an official document (quốc hiệu and tiêu ngữ).
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


# ---- the Post Office's reply (import-postoffice) --------------------------------------------
#: Column key → header wordings (Vietnamese and English). Matching ignores case, diacritics,
#: spaces and punctuation; a header that starts with a long alias also matches.
REPLY_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": (
        "Mã tham chiếu",
        "Số tham chiếu",
        "Mã TC",
        "Mã tham chiếu cashless",
        "Reference",
        "Reference code",
        "Ref",
    ),
    "account": (
        "Số tài khoản",
        "STK",
        "Số TK",
        "Số tài khoản đã mở",
        "Account",
        "Account number",
        "Account no",
    ),
    "provider": (
        "Nơi mở",
        "Nơi mở tài khoản",
        "Nơi mở TK",
        "Ngân hàng",
        "Ngân hàng/Bưu điện",
        "Đơn vị mở tài khoản",
        "Provider",
        "Bank",
    ),
    "opened_on": (
        "Ngày mở",
        "Ngày mở tài khoản",
        "Ngày mở TK",
        "Opened on",
        "Opening date",
        "Date opened",
    ),
    "result": (
        "Kết quả",
        "Tình trạng",
        "Trạng thái",
        "Kết quả mở tài khoản",
        "Tình trạng mở tài khoản",
        "Result",
        "Status",
    ),
    "reason": (
        "Lý do",
        "Lý do không mở được",
        "Nguyên nhân",
        "Reason",
        "Failure reason",
    ),
}
#: Results of a reply that mean the account was opened, or could not be (matched folded).
REPLY_OPENED: tuple[str, ...] = (
    "Đã mở",
    "Đã mở tài khoản",
    "Đã mở TK",
    "Mở được",
    "Mở thành công",
    "Thành công",
    "Đã có tài khoản",
    "Hoàn thành",
    "OK",
    "Opened",
    "Open",
    "Success",
    "Successful",
    "Done",
)
REPLY_FAILED: tuple[str, ...] = (
    "Không mở được",
    "Không mở được tài khoản",
    "Chưa mở được",
    "Không thành công",
    "Thất bại",
    "Không mở",
    "Lỗi",
    "Failed",
    "Fail",
    "Not opened",
    "Unsuccessful",
)
#: Results that are themselves the reason of a failure.
REPLY_FAILED_BECAUSE: tuple[str, ...] = ("Từ chối", "Đã chết", "Đã mất", "Refused", "Deceased")


# ---- the provider's payment result (import-payments) -----------------------------------------
#: Column key → header wordings (matched like the reply's). The reference is the "Mã chi trả"
#: export-payments gave each line.
RESULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": (
        "Mã chi trả",
        "Mã tham chiếu",
        "Số tham chiếu",
        "Payment reference",
        "Reference",
        "Reference code",
        "Ref",
    ),
    "amount_paid": (
        "Số tiền đã chi",
        "Số tiền đã chi trả",
        "Số tiền đã trả",
        "Số tiền thực nhận",
        "Đã chi (đồng)",
        "Thực chi",
        "Amount paid",
        "Paid amount",
        "Paid",
    ),
    "result": (
        "Kết quả",
        "Kết quả chi trả",
        "Tình trạng",
        "Trạng thái",
        "Result",
        "Status",
    ),
    "reason": (
        "Lý do",
        "Lý do chưa chi",
        "Lý do không chi được",
        "Lý do chưa nhận",
        "Nguyên nhân",
        "Reason",
    ),
    "paid_on": ("Ngày chi", "Ngày chi trả", "Ngày nhận", "Paid on", "Date paid"),
}
#: Results that mean the line was paid, or was not (matched folded).
RESULT_PAID: tuple[str, ...] = (
    "Đã chi",
    "Đã chi trả",
    "Đã nhận",
    "Đã trả",
    "Thành công",
    "Hoàn thành",
    "OK",
    "Paid",
    "Done",
)
RESULT_UNPAID: tuple[str, ...] = (
    "Chưa chi",
    "Chưa chi trả",
    "Chưa nhận",
    "Không nhận",
    "Không chi được",
    "Không thành công",
    "Thất bại",
    "Not paid",
    "Unpaid",
    "Failed",
)
