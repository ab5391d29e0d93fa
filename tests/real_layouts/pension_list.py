"""S7 — the social-pension list of a commune ("Danh sách đến tuổi hưởng hưu trí xã hội hàng năm").

Source: ``Umnuar/QLCS`` ``QLCS-Client/src/utils/excelExporter.ts`` (export and template of the
HTXH list; its importer ``src/workers/importHtxhWorker.ts`` reads the Sở/Phòng LĐTBXH sample
files with the same headers; SOURCES.md, S7). Title in row 1 merged over the table, an empty row,
a two-row header: every column merged over rows 3-4 except "Đang hưởng chế độ chính sách" over
"Bảo trợ | Hưu trí | Hưu, Tuất Bảo hiểm | Người có công". The year of birth as text in "Năm sinh",
the sex as an "x" under "Nam" or "Nữ", the category as an "x" under "Đối tượng đủ 75 tuổi trở lên"
or "Đối tượng từ 70-74 tuổi thuộc hộ nghèo, cận nghèo" (Decree 176/2025), "Đã nhận quà" a gift
record. No amount, status or account column. Report month 08/2025.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts._common import Generated, Sheet, people

NAME = "pension_list"
SOURCE = "Umnuar/QLCS QLCS-Client/src/utils/excelExporter.ts (DS HTXH)"
MONTH = (2025, 8)
_TOP = ["TT", "Họ và tên", "Năm sinh", "Nam", "Nữ", "Số CCCD", "Dân tộc", "Cư trú",
        "Nơi ở hiện nay", "Đối tượng đủ 75 tuổi trở lên",
        "Đối tượng từ 70-74 tuổi thuộc hộ nghèo, cận nghèo", "Đang hưởng chế độ chính sách",
        "", "", "", "Ghi chú", "Đã nhận quà"]  # fmt: skip
_SUB = {12: "Bảo trợ", 13: "Hưu trí", 14: "Hưu, Tuất Bảo hiểm", 15: "Người có công"}


def write(path: Path, *, n: int = 24, seed: int = 10, mistakes: bool = False) -> Generated:
    sheet = Sheet("DS HTXH")
    sheet.put(1, 1, "DANH SÁCH ĐẾN TUỔI HƯỞNG HƯU TRÍ XÃ HỘI HÀNG NĂM")
    sheet.merge(1, 1, 1, len(_TOP))
    for c, text in enumerate(_TOP, start=1):
        if text:
            sheet.put(3, c, text)
        if c not in (12, 13, 14, 15):
            sheet.merge(3, c, 2, 1)
    sheet.merge(3, 12, 1, 4)
    for c, text in _SUB.items():
        sheet.put(4, c, text)
    first = 5
    out = Generated(path, sheet.ws.title, (3, 4), first, n)
    for i, p in enumerate(people(n, seed, MONTH, codes=("htxh",), year_only_share=1.0)):
        r = first + i
        sheet.put(r, 1, str(i + 1))
        out.cells[(i, "ho_ten")] = sheet.put(r, 2, p.name)
        out.cells[(i, "ngay_sinh")] = sheet.put(r, 3, str(p.year))
        out.cells[(i, "gioi_tinh")] = sheet.put(r, 4 if p.sex == "Nam" else 5, "x")
        out.cells[(i, "so_dinh_danh")] = sheet.put(r, 6, p.ident)
        sheet.put(r, 7, "Kinh" if i % 3 else "Xơ Đăng")
        out.cells[(i, "thon")] = sheet.put(r, 8, f"{p.village}, xã Đăk Hà")
        sheet.put(r, 9, f"{p.village}, xã Đăk Hà")
        out.cells[(i, "dien")] = sheet.put(r, 10, "x")
        sheet.put(r, 17, "Đã nhận" if i % 4 == 0 else "Chưa nhận")
    if mistakes:
        plant: list[tuple[int, int, object, str]] = [
            (1, 3, "2030", "date-in-future"),
            (3, 6, "12345", "id-invalid"),
            (5, 3, "1850", "date-invalid"),
        ]
        for i, col, value, code in plant:
            out.planted.append((sheet.put(first + i, col, value), code))
    sheet.save(path)
    return out
