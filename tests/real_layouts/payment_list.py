"""S1 — monthly payment list of the LIFESOFT BTXH software.

Source: ``lifephongphanmem/btxh`` ``resources/views/reports/bcth/dscttcht.blade.php`` (report
"DANH SÁCH CHI TRẢ TRỢ CẤP HÀNG THÁNG"; see tests/real_layouts/SOURCES.md, S1). Two header rows:
"Chưa trả tháng trước" over "Số tháng | Số tiền" (arrears) and "Người nhận" over "Ký | Họ tên"
(signature and the name of whoever collected). The year of birth is the vendor's varchar
``namsinh``; the month's amount its raw varchar ``sotientc`` ("360000"); arrears and total go
through PHP ``number_format`` ("540,000"). No sex, ID, village, category or status column.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts._common import Generated, Sheet, people, vn_thousands
from real_layouts._titles import signatures, state_title

NAME = "payment_list"
SOURCE = "lifephongphanmem/btxh resources/views/reports/bcth/dscttcht.blade.php"
MONTH = (2023, 8)


def write(path: Path, *, n: int = 24, seed: int = 1, mistakes: bool = False) -> Generated:
    sheet = Sheet("DS chi tra")
    top = state_title(
        sheet, "xã Bình Hòa", "DANH SÁCH CHI TRẢ TRỢ CẤP HÀNG THÁNG", "Tháng 08 Năm 2023", 11
    )
    sheet.header(
        top,
        [
            (0, 1, "STT", 2, 1),
            (0, 2, "Họ tên", 2, 1),
            (0, 3, "Năm sinh", 2, 1),
            (0, 4, "Số quyết định hưởng", 2, 1),
            (0, 5, "Số sổ lĩnh tiền", 2, 1),
            (0, 6, "Tiền trợ cấp tháng này", 2, 1),
            (0, 7, "Chưa trả tháng trước", 1, 2),
            (1, 7, "Số tháng", 1, 1),
            (1, 8, "Số tiền", 1, 1),
            (0, 9, "Tổng số tiền trợ cấp", 2, 1),
            (0, 10, "Người nhận", 1, 2),
            (1, 10, "Ký", 1, 1),
            (1, 11, "Họ tên", 1, 1),
        ],
    )
    first = top + 2
    out = Generated(path, sheet.ws.title, (top, top + 1), first, n)
    for i, p in enumerate(people(n, seed, MONTH, year_only_share=1.0)):
        r = first + i
        months_owed = 1 if i % 5 == 2 else 0  # most people collected last month: 0 owed
        owed = p.amount * months_owed
        sheet.put(r, 1, i + 1)
        out.cells[(i, "ho_ten")] = sheet.put(r, 2, p.name)
        out.cells[(i, "ngay_sinh")] = sheet.put(r, 3, str(p.year))
        sheet.put(r, 4, f"{100 + i}/QĐ-UBND")
        out.cells[(i, "muc_tro_cap")] = sheet.put(r, 6, str(p.amount))
        out.cells[(i, "so_thang_chua_tra")] = sheet.put(r, 7, str(months_owed))
        out.cells[(i, "so_tien_chua_tra")] = sheet.put(r, 8, vn_thousands(owed))
        sheet.put(r, 9, vn_thousands(p.amount + owed))
    if mistakes:
        plant = [
            (1, 3, "2030", "date-in-future"),
            (3, 3, "1850", "date-invalid"),
            (5, 6, "36O000", "amount-invalid"),
            (7, 3, "1895", "age-over-120"),
        ]
        for i, col, value, code in plant:
            out.planted.append((sheet.put(first + i, col, value), code))
    signatures(sheet, first + n + 1, 2, 9, "CHỦ TỊCH UBND XÃ")
    sheet.save(path)
    return out
