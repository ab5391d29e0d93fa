"""S5 — a list with a three-row header: "NĂM SINH" over "NAM | NỮ", a numbering row A B 1 2 3…

Source: ``Aluzzard/s_phanmem_qlgdnn``
``app/Http/Controllers/Modules/AIPrintDocuments/Type1Controller.php`` (SOURCES.md, S5): STT and
HỌ VÀ TÊN span three rows, "NĂM SINH" spans two columns with "NAM" and "NỮ" below spanning two
rows, a group title over sub-groups over columns, then a numbering row "A B 1 2 3 …"; the birth
year is written under the person's sex, the other cell left empty. The group here is the
allowance ("TRỢ CẤP HẰNG THÁNG" › "Mức hưởng" › "Hệ số | Số tiền") instead of the source's
vocational-training groups.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts._common import Generated, Sheet, people
from real_layouts._titles import state_title
from real_layouts._wordings import SHORT

NAME = "three_row_header"
SOURCE = (
    "Aluzzard/s_phanmem_qlgdnn app/Http/Controllers/Modules/AIPrintDocuments/Type1Controller.php"
)
MONTH = (2023, 8)


def write(path: Path, *, n: int = 24, seed: int = 4, mistakes: bool = False) -> Generated:
    sheet = Sheet("Danh sách")
    top = state_title(
        sheet,
        "xã Bình Hòa",
        "DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP XÃ HỘI HẰNG THÁNG",
        "Tháng 8 năm 2023",
        10,
    )
    sheet.header(
        top,
        [
            (0, 1, "STT", 3, 1),
            (0, 2, "HỌ VÀ TÊN", 3, 1),
            (0, 3, "NĂM SINH", 1, 2),
            (1, 3, "NAM", 2, 1),
            (1, 4, "NỮ", 2, 1),
            (0, 5, "SỐ CCCD", 3, 1),
            (0, 6, "TRỢ CẤP HẰNG THÁNG", 1, 3),
            (1, 6, "Diện đối tượng", 2, 1),
            (1, 7, "Mức hưởng", 1, 2),
            (2, 7, "Hệ số", 1, 1),
            (2, 8, "Số tiền", 1, 1),
            (0, 9, "ĐỊA CHỈ", 3, 1),
            (0, 10, "GHI CHÚ", 3, 1),
        ],
    )
    for c, mark in enumerate(["A", "B", *[str(k) for k in range(1, 9)]], start=1):
        sheet.put(top + 3, c, mark)
    first = top + 4
    out = Generated(path, sheet.ws.title, (top, top + 1, top + 2), first, n)
    codes = ("5a", "5c", "6a", "6b", "1", "4", "8")
    for i, p in enumerate(people(n, seed, MONTH, codes=codes, year_only_share=1.0)):
        r = first + i
        sheet.put(r, 1, i + 1)
        out.cells[(i, "ho_ten")] = sheet.put(r, 2, p.name)
        col = 3 if p.sex == "Nam" else 4
        out.cells[(i, "ngay_sinh")] = sheet.put(r, col, p.year)
        out.cells[(i, "so_dinh_danh")] = sheet.put(r, 5, p.ident)
        out.cells[(i, "dien")] = sheet.put(r, 6, SHORT[p.code])
        out.cells[(i, "he_so")] = sheet.put(r, 7, p.coefficient)
        out.cells[(i, "muc_tro_cap")] = sheet.put(r, 8, p.amount)
        sheet.put(r, 9, f"{p.village}, xã Bình Hòa")
    if mistakes:
        # each into the column of the person's sex, as the layout writes it
        for i, value, code in [(1, 2030, "date-out-of-range"), (3, 1850, "date-out-of-range")]:
            cell = out.cells[(i, "ngay_sinh")]
            col = 3 if cell.startswith("C") else 4
            out.planted.append((sheet.put(first + i, col, value), code))
        out.planted.append((sheet.put(first + 5, 8, 0), "amount-invalid"))
    sheet.put(first + n, 2, "Cộng")
    sheet.put(first + n + 2, 2, "Người lập bảng")
    sheet.put(first + n + 2, 8, "CHỦ TỊCH")
    sheet.save(path)
    return out
