"""S6 — sex written as an "X" under "Nam" or "Nữ" (an HR / social-insurance report layout).

Source: ``zkulz37/hello-world`` ``STDGW/reports/ch/di/rpt_01_TBH_Truoc_SBG.aspx`` (SOURCES.md,
S6): ``decode(sex,'M','X')`` as "Nam", ``decode(sex,'F','X')`` as "Nữ"; the birth date
``dd/mm/yyyy``, or the bare year when only four characters are known; ID, place and date of issue,
residence. Adapted to the allowance with "Diện hưởng" and "Mức hưởng".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from real_layouts._common import Generated, Sheet, people
from real_layouts._titles import state_title
from real_layouts._wordings import DECREE

NAME = "sex_marks"
SOURCE = "zkulz37/hello-world STDGW/reports/ch/di/rpt_01_TBH_Truoc_SBG.aspx"
MONTH = (2023, 8)


def write(path: Path, *, n: int = 24, seed: int = 5, mistakes: bool = False) -> Generated:
    sheet = Sheet("TBH")
    top = state_title(
        sheet, "xã Bình Hòa", "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI", "Tháng 8/2023", 11
    )
    names = ["STT", "Họ và tên", "Nam", "Nữ", "Ngày sinh", "Số CMND/CCCD", "Nơi cấp", "Ngày cấp",
             "Nơi cư trú", "Diện hưởng", "Mức hưởng"]  # fmt: skip
    sheet.header(top, [(0, c, t, 1, 1) for c, t in enumerate(names, start=1)])
    first = top + 1
    out = Generated(path, sheet.ws.title, (top,), first, n)
    for i, p in enumerate(people(n, seed, MONTH, codes=("5a", "5c", "6a", "6b", "8"))):
        r = first + i
        sheet.put(r, 1, i + 1)
        out.cells[(i, "ho_ten")] = sheet.put(r, 2, p.name)
        out.cells[(i, "gioi_tinh")] = sheet.put(r, 3 if p.sex == "Nam" else 4, "X")
        out.cells[(i, "ngay_sinh")] = sheet.put(r, 5, p.birth_text)
        out.cells[(i, "so_dinh_danh")] = sheet.put(r, 6, p.ident)
        sheet.put(r, 7, "Cục Cảnh sát QLHC về TTXH")
        out.cells[(i, "ngay_cap")] = sheet.put(r, 8, dt.date(2021, 4, 1 + i % 28))
        sheet.put(r, 9, f"{p.village}, xã Bình Hòa")
        out.cells[(i, "dien")] = sheet.put(r, 10, DECREE[p.code])
        out.cells[(i, "muc_tro_cap")] = sheet.put(r, 11, p.amount)
    if mistakes:
        plant: list[tuple[int, int, object, str]] = [
            (1, 8, "01/01/2030", "date-in-future"),
            (3, 6, "12345", "id-invalid"),
            (5, 11, "abc", "amount-invalid"),
        ]
        for i, col, value, code in plant:
            out.planted.append((sheet.put(first + i, col, value), code))
    sheet.save(path)
    return out
