"""W2 — the LIFESOFT BTXH beneficiary table ``dsdoituongtx`` as a list.

Source: ``lifephongphanmem/btxh`` ``database/btxh_local.sql`` (tables ``dsdoituongtx``,
``pltrocaptx``, ``dmtrocaptx``; SOURCES.md, W2). The columns are the table's (mahoso, hoten,
ngaysinh, gioitinh, dantoc, diachi, socmnd, qdhuong, trangthaihuong, pltrocap, noidung/chitiet,
heso, sotientc, ngayhuong); their printed headers are reconstructed. "Trạng thái hưởng" holds
"Đang hưởng" (a record status); "Hệ số" and "Số tiền trợ cấp" are varchars.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashless_cli.normalise.dates import LooseDate, age_at
from real_layouts._common import Generated, Sheet, coefficient_text, people
from real_layouts._wordings import vendor

NAME = "vendor_roster"
SOURCE = "lifephongphanmem/btxh database/btxh_local.sql (dsdoituongtx); headers reconstructed"
MONTH = (2023, 8)
HEADERS = ["STT", "Mã hồ sơ", "Họ tên", "Ngày sinh", "Giới tính", "Dân tộc", "Địa chỉ", "Số CMND",
           "Số QĐ hưởng", "Trạng thái hưởng", "Phân loại trợ cấp", "Đối tượng hưởng", "Hệ số",
           "Số tiền trợ cấp", "Ngày hưởng"]  # fmt: skip


def write(path: Path, *, n: int = 24, seed: int = 7, mistakes: bool = False) -> Generated:
    sheet = Sheet("dsdoituongtx")
    sheet.put(1, 1, "DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP THƯỜNG XUYÊN")
    sheet.merge(1, 1, 1, len(HEADERS))
    sheet.put(2, 1, "Phường Mai Dịch - Tháng 08/2023")
    sheet.merge(2, 1, 1, len(HEADERS))
    sheet.header(4, [(0, c, t, 1, 1) for c, t in enumerate(HEADERS, start=1)])
    first = 5
    out = Generated(path, sheet.ws.title, (4,), first, n)
    month_start = dt.date(*MONTH, 1)
    for i, p in enumerate(
        people(n, seed, MONTH, codes=("5a", "5c", "6a", "6b", "4", "8"), year_only_share=0)
    ):
        r = first + i
        age = age_at(LooseDate(p.year, p.birth.month, p.birth.day), month_start)
        tenloai, noidung, chitiet = vendor(p, age).split("-", 2)
        values = [i + 1, f"LIFEQCGPMDTX{i + 2}", p.name, p.birth, p.sex, "Kinh",
                  f"{p.village} - Phường Mai Dịch", p.ident, f"{9126 + i}/QĐ-UBND", "Đang hưởng",
                  tenloai, f"{noidung} - {chitiet}".rstrip(" -"), coefficient_text(p.coefficient),
                  str(p.amount), dt.date(2021, 7, 1).strftime("%d/%m/%Y")]  # fmt: skip
        for c, value in enumerate(values, start=1):
            cell = sheet.put(r, c, value)
            key = {3: "ho_ten", 4: "ngay_sinh", 5: "gioi_tinh", 8: "so_dinh_danh", 12: "dien",
                   13: "he_so", 14: "muc_tro_cap"}.get(c)  # fmt: skip
            if key:
                out.cells[(i, key)] = cell
    if mistakes:
        plant: list[tuple[int, int, object, str]] = [
            (1, 13, "abc", "value-invalid"),
            (3, 14, "-540000", "amount-invalid"),
            (5, 4, dt.date(2030, 1, 1), "date-in-future"),
            (7, 5, "Không rõ", "sex-invalid"),
        ]
        for i, col, value, code in plant:
            out.planted.append((sheet.put(first + i, col, value), code))
    sheet.save(path)
    return out
