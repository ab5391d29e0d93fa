"""R3 — a 40-column citizen list (dân cư) with the allowance among its columns.

Reconstructed (SOURCES.md, R3): citizen-data headers seen in public code ("Số định danh cá nhân",
"Nơi đăng ký thường trú", "Chỗ ở hiện nay", "Họ, chữ đệm và tên chủ hộ", "Số định danh cá nhân
của chủ hộ", "Mối quan hệ với chủ hộ", "Nơi cấp CCCD") around "Phân loại" and "Mức trợ cấp".
Traps for the reader: "Ngày cấp" beside "Ngày cập nhật", the household head's ID beside the
person's, and a record "Trạng thái" holding "Đang hoạt động". Report month 08/2025.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from real_layouts._common import Generated, Sheet, people
from real_layouts._wordings import SHORT

NAME = "citizen_list"
SOURCE = "reconstructed; citizen-data headers seen in public code (SOURCES.md R3)"
MONTH = (2025, 8)
HEADERS = [
    "STT", "Họ và tên", "Tên gọi khác", "Ngày, tháng, năm sinh", "Giới tính", "Nhóm máu",
    "Dân tộc", "Tôn giáo", "Quốc tịch", "Tình trạng hôn nhân", "Số định danh cá nhân", "Ngày cấp",
    "Nơi cấp CCCD", "Số CMND cũ", "Nơi đăng ký khai sinh", "Quê quán", "Nơi đăng ký thường trú",
    "Chỗ ở hiện nay", "Họ, chữ đệm và tên chủ hộ", "Số định danh cá nhân của chủ hộ",
    "Mối quan hệ với chủ hộ", "Số sổ hộ khẩu", "Trình độ học vấn", "Nghề nghiệp", "Nơi làm việc",
    "Số điện thoại", "Email", "Số thẻ BHYT", "Nơi đăng ký KCB ban đầu", "Hộ nghèo/cận nghèo",
    "Thuộc diện chính sách", "Phân loại", "Mức trợ cấp", "Số tài khoản", "Ngân hàng",
    "Ngày bắt đầu hưởng", "Trạng thái", "Người cập nhật", "Ngày cập nhật", "Ghi chú",
]  # fmt: skip
_COL = {h: c for c, h in enumerate(HEADERS, start=1)}


def write(path: Path, *, n: int = 24, seed: int = 9, mistakes: bool = False) -> Generated:
    assert len(HEADERS) == 40
    sheet = Sheet("DanCu")
    sheet.header(1, [(0, c, t, 1, 1) for c, t in enumerate(HEADERS, start=1)])
    first = 2
    out = Generated(path, sheet.ws.title, (1,), first, n)
    crowd = people(n, seed, MONTH, codes=("5c", "htxh", "6b", "6a", "4"), year_only_share=0)
    for i, p in enumerate(crowd):
        r = first + i
        values = {
            "STT": i + 1, "Họ và tên": p.name,
            "Ngày, tháng, năm sinh": p.birth.strftime("%d/%m/%Y"),
            "Giới tính": p.sex, "Dân tộc": "Kinh", "Tôn giáo": "Không", "Quốc tịch": "Việt Nam",
            "Tình trạng hôn nhân": "Đã kết hôn", "Số định danh cá nhân": p.ident,
            "Ngày cấp": dt.date(2021, 5, 1 + i % 28), "Nơi cấp CCCD": "Cục Cảnh sát QLHC về TTXH",
            "Nơi đăng ký khai sinh": "xã Bình Sơn", "Quê quán": "Quảng Ngãi",
            "Nơi đăng ký thường trú": f"{p.village}, xã Bình Sơn", "Chỗ ở hiện nay": p.village,
            "Họ, chữ đệm và tên chủ hộ": p.name, "Số định danh cá nhân của chủ hộ": p.ident,
            "Mối quan hệ với chủ hộ": "Chủ hộ", "Số sổ hộ khẩu": f"{180000 + i}",
            "Trình độ học vấn": "9/12", "Nghề nghiệp": "Làm nông", "Số điện thoại": p.phone,
            "Hộ nghèo/cận nghèo": "Không", "Thuộc diện chính sách": "Bảo trợ xã hội",
            "Phân loại": SHORT[p.code], "Mức trợ cấp": p.amount,
            "Ngày bắt đầu hưởng": dt.date(2025, 7, 1), "Trạng thái": "Đang hoạt động",
            "Người cập nhật": "canbo.ldtbxh", "Ngày cập nhật": dt.datetime(2025, 8, 3, 9, 15),
        }  # fmt: skip
        keys = {"Họ và tên": "ho_ten", "Ngày, tháng, năm sinh": "ngay_sinh", "Giới tính":
                "gioi_tinh", "Số định danh cá nhân": "so_dinh_danh", "Ngày cấp": "ngay_cap",
                "Phân loại": "dien", "Mức trợ cấp": "muc_tro_cap"}  # fmt: skip
        for header, value in values.items():
            cell = sheet.put(r, _COL[header], value)
            if header in keys:
                out.cells[(i, keys[header])] = cell
    if mistakes:
        plant: list[tuple[int, str, object, str]] = [
            (1, "Ngày, tháng, năm sinh", "1/13/1950", "date-invalid"),
            (3, "Mức trợ cấp", 1e20, "amount-out-of-range"),
            (5, "Số định danh cá nhân", "5119300012", "id-invalid"),
        ]
        for i, header, value, code in plant:
            out.planted.append((sheet.put(first + i, _COL[header], value), code))
    sheet.save(path)
    return out
