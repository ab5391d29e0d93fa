"""R1 — payment list paid to accounts ("Danh sách chi trả trợ cấp xã hội qua tài khoản").

Reconstructed (SOURCES.md, R1) from roster.md and the payment fields of
``phamthihongngoc/CDS-trocapxahoi`` ``db/migrate_add_payment_fields.js`` (payment_method,
bank_account_number, bank_name): account number and bank, the payment method ("Chuyển khoản",
"Nhận tiền mặt", "Từ chối nhận qua TK") in place of a registration status, short category forms
("NCT", "NKT nặng", "NKT ĐBN", "Hưu trí xã hội") decided by the amount, a numbering row
(1) (2) …, a "Cộng" row and a signature column "Ký nhận". Report month 08/2025.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts._common import Generated, Sheet, people
from real_layouts._titles import signatures, state_title
from real_layouts._wordings import SHORT

NAME = "account_payroll"
SOURCE = "reconstructed; fields of phamthihongngoc/CDS-trocapxahoi db/migrate_add_payment_fields.js"
MONTH = (2025, 8)
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn", "Diện hưởng",
           "Số tiền (đồng)", "Số tài khoản", "Ngân hàng", "Hình thức nhận", "Ký nhận"]  # fmt: skip
_METHODS = ["Chuyển khoản", "Chuyển khoản", "Nhận tiền mặt", "Chuyển khoản", "Từ chối nhận qua TK"]


def write(path: Path, *, n: int = 30, seed: int = 8, mistakes: bool = False) -> Generated:
    sheet = Sheet("Chi tra qua TK")
    top = state_title(
        sheet,
        "xã Bình Sơn",
        "DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI QUA TÀI KHOẢN",
        "Tháng 8 năm 2025",
        len(HEADERS),
    )
    sheet.header(top, [(0, c, t, 1, 1) for c, t in enumerate(HEADERS, start=1)])
    for c in range(1, len(HEADERS) + 1):
        sheet.put(top + 1, c, f"({c})")
    first = top + 2
    out = Generated(path, sheet.ws.title, (top,), first, n)
    crowd = people(n, seed, MONTH, codes=("5a", "5c", "htxh", "6a", "6b", "1"), year_only_share=0)
    for i, p in enumerate(crowd):
        r = first + i
        method = _METHODS[i % len(_METHODS)]
        values = [i + 1, p.name, p.birth, p.sex, p.ident, p.village, SHORT[p.code], p.amount,
                  p.account if method == "Chuyển khoản" else None,
                  p.bank if method == "Chuyển khoản" else None, method, None]  # fmt: skip
        keys = ["stt", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "thon", "dien",
                "muc_tro_cap", "so_tai_khoan", "noi_mo_tai_khoan", "trang_thai", "ky"]  # fmt: skip
        for c, (value, key) in enumerate(zip(values, keys, strict=True), start=1):
            out.cells[(i, key)] = sheet.put(r, c, value)
    if mistakes:
        plant: list[tuple[int, int, object, str]] = [
            (0, 9, "12AB34", "account-invalid"),
            (1, 11, "Gửi tiết kiệm", "status-invalid"),
            (3, 8, 1e20, "amount-out-of-range"),
        ]
        for i, col, value, code in plant:
            out.planted.append((sheet.put(first + i, col, value), code))
        # the sex written against the ID's sex digit (reported at the ID)
        p = crowd[5]
        sheet.put(first + 5, 4, "Nữ" if p.sex == "Nam" else "Nam")
        out.planted.append((out.cells[(5, "so_dinh_danh")], "id-sex-mismatch"))
    total = first + n
    sheet.put(total, 2, "Cộng")
    sheet.put(total, 8, sum(p.amount for p in crowd))
    signatures(sheet, total + 2, 2, 10, "CHỦ TỊCH UBND XÃ")
    sheet.save(path)
    return out
