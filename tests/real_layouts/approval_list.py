"""S2 — approval list of the LIFESOFT BTXH software ("Hồ sơ được duyệt hưởng trợ cấp xã hội").

Source: ``lifephongphanmem/btxh`` ``resources/views/reports/bcth/hscqdbtxh.blade.php`` (the
application list ``hsxhbtxh.blade.php`` has the same columns); SOURCES.md, S2. One header row;
"Tên chủ hộ (cá nhân)" is the beneficiary; "Đối tượng" the vendor catalogue string
``tenloai-noidung-chitiet`` (W2); "Hệ số" a varchar; "Số tiền" PHP ``number_format``. The
coefficients are Decree 20/2021's (the catalogue's own are Decree 136/2013's). No sex, ID,
status, receiver or account column.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashless_cli.normalise.dates import LooseDate, age_at
from real_layouts._common import Generated, Sheet, coefficient_text, people, vn_thousands
from real_layouts._titles import signatures, state_title
from real_layouts._wordings import vendor

NAME = "approval_list"
SOURCE = "lifephongphanmem/btxh resources/views/reports/bcth/hscqdbtxh.blade.php"
MONTH = (2023, 8)


def write(path: Path, *, n: int = 24, seed: int = 2, mistakes: bool = False) -> Generated:
    sheet = Sheet("Sheet1")
    top = state_title(
        sheet, "xã Bình Hòa", "HỒ SƠ ĐƯỢC DUYỆT HƯỞNG TRỢ CẤP XÃ HỘI", "Tháng 08 Năm 2023", 7
    )
    names = [
        "STT",
        "Tên chủ hộ\n(cá nhân)",
        "Ngày sinh",
        "Địa chỉ",
        "Đối tượng",
        "Hệ số",
        "Số tiền",
    ]
    sheet.header(top, [(0, c, t, 1, 1) for c, t in enumerate(names, start=1)])
    first = top + 1
    out = Generated(path, sheet.ws.title, (top,), first, n)
    month_start = dt.date(*MONTH, 1)
    crowd = people(n, seed, MONTH, codes=("5a", "5c", "6a", "6b", "1", "4", "8"), year_only_share=0)
    for i, p in enumerate(crowd):
        r = first + i
        age = age_at(LooseDate(p.year, p.birth.month, p.birth.day), month_start)
        sheet.put(r, 1, i + 1)
        out.cells[(i, "ho_ten")] = sheet.put(r, 2, p.name)
        out.cells[(i, "ngay_sinh")] = sheet.put(r, 3, p.birth.strftime("%d/%m/%Y"))
        sheet.put(r, 4, f"{p.village}, xã Bình Hòa")
        out.cells[(i, "dien")] = sheet.put(r, 5, vendor(p, age))
        out.cells[(i, "he_so")] = sheet.put(r, 6, coefficient_text(p.coefficient))
        out.cells[(i, "muc_tro_cap")] = sheet.put(r, 7, vn_thousands(p.amount))
    if mistakes:
        plant: list[tuple[int, int, object, str]] = [
            (1, 3, "31/02/1950", "date-invalid"),
            (3, 6, 1e20, "coefficient-out-of-range"),
            (5, 7, "54O,000", "amount-invalid"),
            (
                7,
                5,
                "Hộ gia đình đang trực tiếp nuôi dưỡng, chăm sóc người khuyết tật đặc biệt nặng",
                "category-unknown",
            ),
        ]
        for i, col, value, code in plant:
            out.planted.append((sheet.put(first + i, col, value), code))
    signatures(sheet, first + n + 1, 2, 6, "CHỦ TỊCH UBND XÃ")
    sheet.save(path)
    return out
