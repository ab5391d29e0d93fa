"""Which category of the monthly social allowance a wording means, read by its meaning.

Offices write the category as our code ("5c"), as the decree's clause ("Người từ đủ 80 tuổi trở
lên … không có lương hưu …", Decree 20/2021/NĐ-CP Điều 5), as a short form ("NCT", "NKT nặng",
"NKT ĐBN") or as a vendor's catalogue string ("Đối tượng BTXH tại cộng đồng …-Người cao tuổi-từ
đủ 80 tuổi trở lên …"). None of these are matched as whole phrases: the wording is reduced to
words without diacritics and read for what it says — who (child, elderly, disabled, single
parent, HIV), how old, how severe, poor or not, cared for or not. A wording that says too little
("Người cao tuổi", "Khuyết tật") gives every category it can mean; the row's coefficient and age
decide between them later (:mod:`cashless_cli.checks.rows`). Pure: text in, codes out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cashless_cli.normalise.text import strip_diacritics

__all__ = ["CATEGORY_CODES", "category_candidates"]

CATEGORY_CODES = ("1", "2", "3", "4", "5a", "5b", "5c", "5d", "6a", "6b", "7", "8", "htxh")

_CODE = re.compile(r"(?:dien|khoan|k|ma)?\s*(1|2|3|4|5\s?[a-d]|6\s?[ab]|7|8|htxh)")
_CLAUSE = re.compile(
    r"(?:dieu 5 )?(?:diem ([a-d]) )?khoan ([1-8])(?: dieu 5)?(?: diem ([a-d]))?(?: dieu 5)?"
    r"(?: (?:nghi dinh|nd) 20 2021(?: nd cp)?)?"
)
_CLAUSE_PARTS = {"5": ("5a", "5b", "5c", "5d"), "6": ("6a", "6b")}
_NOT_WORD = re.compile(r"[^a-z0-9+]+")


def _words(text: str) -> str:
    """ " word word … " : no diacritics, lower case, letters, digits and "+" only."""
    return f" {_NOT_WORD.sub(' ', strip_diacritics(text).lower()).strip()} "


@lru_cache(maxsize=4096)
def category_candidates(text: str) -> tuple[str, ...]:
    """The category codes ``text`` can mean, in code order; () when it names none."""
    s = _words(text)
    bare = s.strip()
    if bare in _CLAUSE_PARTS:
        return _CLAUSE_PARTS[bare]  # "5", "6": the clause, its points decided by the coefficient
    if m := _CODE.fullmatch(bare):
        return (m.group(1).replace(" ", ""),)
    if m := _CLAUSE.fullmatch(bare):
        clause, point = m.group(2), m.group(1) or m.group(3)
        if point and clause == "5":
            return (f"5{point}",)
        return _CLAUSE_PARTS.get(clause, (clause,))
    return _by_meaning(s)


def _has(s: str, *phrases: str) -> bool:
    return any(f" {p} " in s for p in phrases)


def _by_meaning(s: str) -> tuple[str, ...]:
    if _has(s, "huu tri xa hoi", "htxh", "176 2025 nd cp"):
        return ("htxh",)
    if _has(s, "truc tiep nuoi duong", "nhan nuoi cham soc", "ho gia dinh co nguoi khuyet tat"):
        return ()  # an allowance for the carer or the family, not one of Điều 5's categories
    if _has(s, "khuyet tat", "nkt", "tan tat"):
        return _disabled(s)
    if _has(s, "hiv", "aids", "hiv aids"):
        return _hiv(s)
    if _has(s, "don than", "chua co chong", "chua co vo"):
        return ("4",)
    if _has(s, "nguoi cao tuoi", "nct", "nguoi gia", "cao tuoi", "80", "80+", "75", "70", "60"):
        return _elderly(s)
    if _has(s, "tre em", "tre", "mo coi", "bo roi", "nguon nuoi duong", "dang hoc", "di hoc"):
        return _child(s)
    return ()


def _disabled(s: str) -> tuple[str, ...]:
    severe = _has(s, "dac biet nang", "dbn", "dbnang", "muc do dac biet nang")
    rest = s.replace(" dac biet nang ", " ").replace(" kha nang ", " ")
    heavy = _has(rest, "nang", "muc do nang")
    if severe and heavy:
        return ("6a", "6b")  # the decree's clause 6 names both
    if severe:
        return ("6a",)
    if heavy:
        return ("6b",)
    if _has(s, "nhe"):
        return ()  # mild disability is no category
    return ("6a", "6b")


def _hiv(s: str) -> tuple[str, ...]:
    child = _has(s, "tre em", "tre", "chau", "duoi 16 tuoi")
    if child and _has(s, "mo coi", "bo roi"):
        return ("1", "3")  # "Trẻ mồ côi hoặc nhiễm HIV/AIDS"
    if child:
        return ("3",)
    if _has(s, "nguoi", "nguoi nhiem", "nguoi bi nhiem"):
        return ("8",)
    return ("3", "8")


def _elderly(s: str) -> tuple[str, ...]:
    if _has(s, "nhan nuoi duong", "tiep nhan vao co so", "cham soc tai cong dong", "nhan cham soc"):
        return ("5d",)
    poor = _has(s, "ho ngheo", "can ngheo", "ngheo")
    minority = _has(s, "dan toc thieu so", "dtts", "mien nui", "dac biet kho khan")
    alone = _has(s, "khong co nguoi", "co don", "khong nguoi phung duong", "khong ai phung duong")
    over80 = _has(s, "80", "80+", "tren 80")
    if _has(s, "75") and (minority or (over80 and poor and not alone)):
        return ("5b",)
    if _has(s, "70") and poor:
        return ("htxh",)
    if poor and alone:
        return ("5a",)
    if over80:
        return ("5c",)
    if _has(s, "75"):
        return ("htxh",)
    if poor:
        return ("5a",)
    return ("5a", "5c")  # "Người cao tuổi", "NCT": the coefficient says which


def _child(s: str) -> tuple[str, ...]:
    if _has(s, "duoi 3 tuoi", "duoi 36 thang"):
        return ("7",)
    if _has(s, "dang hoc", "di hoc", "hoc nghe", "hoc van hoa", "22 tuoi", "16 den 22"):
        return ("2",)
    if _has(s, "mo coi", "bo roi", "nguon nuoi duong", "mat tich", "chap hanh an", "nuoi duong"):
        return ("1",)
    return ("1", "7")
