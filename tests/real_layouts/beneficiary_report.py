"""S4 — beneficiary report exported with Apache POI ("Báo cáo danh sách đối tượng hưởng trợ cấp").

Source: public Java code ``com.trocap.export.ExcelExportService.exportBeneficiaries`` (index id
54204047642; SOURCES.md, S4). Title in row 1 and export line in row 2 (merged over the table),
an empty row 3, one header row 4, a blank row and "TỔNG CỘNG:" after the data. "Phân loại" holds
the vendor's coarse groups ("Người già", "Khuyết tật", "Trẻ em", "Đơn thân", "HIV/AIDS"), decided
by the amount; "Trạng thái" is the record status ("Đang hoạt động"), not a registration status.
No birth date, sex, registration status or account.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts._common import Generated, Sheet, people

NAME = "beneficiary_report"
SOURCE = "com.trocap.export.ExcelExportService.exportBeneficiaries (index id 54204047642)"
MONTH = (2023, 8)
_GROUP = {"5a": "Người già", "5c": "Người già", "6a": "Khuyết tật", "6b": "Khuyết tật",
          "1": "Trẻ em", "4": "Đơn thân", "8": "HIV/AIDS"}  # fmt: skip
_MONEY = '#,##0 "₫"'


def write(path: Path, *, n: int = 24, seed: int = 3, mistakes: bool = False) -> Generated:
    sheet = Sheet("Đối tượng hưởng trợ cấp")
    crowd = people(n, seed, MONTH, codes=tuple(_GROUP))
    sheet.put(1, 1, "BÁO CÁO DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP")
    sheet.merge(1, 1, 1, 9)
    sheet.put(2, 1, f"Ngày xuất: 15/08/2023  |  Tổng: {n} đối tượng")
    sheet.merge(2, 1, 1, 9)
    names = ["STT", "Mã hồ sơ", "Họ và tên", "SĐT", "Địa chỉ", "CCCD", "Phân loại", "Trạng thái",
             "Mức trợ cấp"]  # fmt: skip
    sheet.header(4, [(0, c, t, 1, 1) for c, t in enumerate(names, start=1)])
    sheet.ws.auto_filter.ref = "A4:I4"
    sheet.ws.freeze_panes = "A5"
    first = 5
    out = Generated(path, sheet.ws.title, (4,), first, n)
    for i, p in enumerate(crowd):
        r = first + i
        sheet.put(r, 1, i + 1)
        sheet.put(r, 2, f"HS{2023000 + i}")
        out.cells[(i, "ho_ten")] = sheet.put(r, 3, p.name)
        out.cells[(i, "dien_thoai")] = sheet.put(r, 4, p.phone)
        sheet.put(r, 5, f"{p.village}, xã Bình Hòa")
        out.cells[(i, "so_dinh_danh")] = sheet.put(r, 6, p.ident)
        out.cells[(i, "dien")] = sheet.put(r, 7, _GROUP[p.code])
        sheet.put(r, 8, "Đang hoạt động" if i % 7 else "Đã duyệt")
        out.cells[(i, "muc_tro_cap")] = sheet.put(r, 9, p.amount, _MONEY)
    if mistakes:
        plant: list[tuple[int, int, object, str]] = [
            (1, 6, "0511930001234", "id-invalid"),
            (3, 9, 1e20, "amount-out-of-range"),
            (5, 4, "01234", "phone-invalid"),
            (7, 7, "Thu nhập thấp", "category-unknown"),
        ]
        for i, col, value, code in plant:
            out.planted.append(
                (sheet.put(first + i, col, value, _MONEY if col == 9 else None), code)
            )
    total = first + n + 1
    sheet.put(total, 8, "TỔNG CỘNG:")
    sheet.put(total, 9, sum(p.amount for p in crowd), _MONEY)
    sheet.save(path)
    return out
