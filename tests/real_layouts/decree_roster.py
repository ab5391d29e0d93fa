"""R2 — a roster in our own columns written in the decree's and the offices' words.

Reconstructed (SOURCES.md, R2): the category in Decree 20/2021/NĐ-CP Điều 5's own wording (W1)
and the social pension of Decree 176/2025/NĐ-CP; sexes "Ông"/"Bà"; statuses "Đã mở TK",
"Nhận tiền mặt", "Từ chối nhận qua TK", "Đã ĐK", "Chưa đăng ký"; receivers "Bản thân" and
"Chủ hộ" (a household head collecting for the beneficiary: name, ID and relation given);
coefficients with a decimal comma ("1,5") as the decree writes them. Report month 08/2025.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashless_cli.normalise.dates import LooseDate, age_at
from real_layouts._common import Generated, Person, Sheet, make_id, people
from real_layouts._titles import state_title
from real_layouts._wordings import DECREE, SHORT, VENDOR_CODES, vendor

NAME = "decree_roster"
SOURCE = "Decree 20/2021/NĐ-CP Điều 5 (diepxuan/diepxuan.github.io Pháp điển); reconstructed"
MONTH = (2025, 8)
CODES = ("5a", "5c", "htxh", "6a", "6b", "1", "4", "8", "5b", "2", "3", "5d")
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn/Tổ dân phố",
           "Diện đối tượng", "Hệ số", "Mức trợ cấp (đồng)", "Người nhận", "Họ tên người nhận",
           "Số CCCD người nhận", "Quan hệ với đối tượng", "Số điện thoại", "Tình trạng đăng ký",
           "Ngày đăng ký", "Số tài khoản", "Nơi mở tài khoản"]  # fmt: skip
_COL = {h: c for c, h in enumerate(HEADERS, start=1)}


def write(
    path: Path, *, n: int = 36, seed: int = 6, mistakes: bool = False, mixed: bool = False
) -> Generated:
    """``mixed``: the category in turn in the decree's wording, a short form, the vendor's
    catalogue string (where it has one) and our code, as a district's merged lists mix them."""
    sheet = Sheet("Danh sách")
    top = state_title(
        sheet,
        "xã Bình Sơn",
        "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐĂNG KÝ NHẬN TRỢ CẤP QUA TÀI KHOẢN",
        "Tháng 8 năm 2025",
        len(HEADERS),
    )
    sheet.header(top, [(0, c, t, 1, 1) for c, t in enumerate(HEADERS, start=1)])
    for c in range(1, len(HEADERS) + 1):
        sheet.put(top + 1, c, f"({c})")
    first = top + 2
    out = Generated(path, sheet.ws.title, (top,), first, n)
    crowd = people(n, seed, MONTH, codes=CODES)
    first_of_month = dt.date(*MONTH, 1)
    statuses = ["Đã mở TK", "Nhận tiền mặt", "Đã ĐK", "Từ chối nhận qua TK", "Chưa đăng ký"]
    for i, p in enumerate(crowd):
        r = first + i

        def put(header: str, value: object, key: str, r: int = r, i: int = i) -> None:
            out.cells[(i, key)] = sheet.put(r, _COL[header], value)

        put("STT", i + 1, "stt")
        put("Họ và tên", p.name, "ho_ten")
        put("Ngày sinh", p.year if p.year_only else p.birth, "ngay_sinh")
        put(
            "Giới tính",
            ("Ông" if p.sex == "Nam" else "Bà") if p.year < 1966 else p.sex,
            "gioi_tinh",
        )
        put("Số CCCD", p.ident, "so_dinh_danh")
        put("Thôn/Tổ dân phố", p.village, "thon")
        put("Diện đối tượng", _wording(p, i, first_of_month) if mixed else DECREE[p.code], "dien")
        put("Hệ số", f"{p.coefficient:g}".replace(".", ","), "he_so")
        put("Mức trợ cấp (đồng)", p.amount, "muc_tro_cap")
        status = statuses[i % len(statuses)]
        put("Tình trạng đăng ký", status, "trang_thai")
        if status in ("Đã mở TK", "Đã ĐK"):
            child = p.code in ("1", "2", "3")
            put("Người nhận", "Chủ hộ" if child else "Bản thân", "nguoi_nhan")
            if child:
                put("Họ tên người nhận", f"Nguyễn Văn Hộ {i}", "ten_nguoi_nhan")
                put("Số CCCD người nhận", make_id_for(i), "so_dinh_danh_nguoi_nhan")
                put("Quan hệ với đối tượng", "Ông nội", "quan_he")
            put("Số điện thoại", p.phone, "dien_thoai")
            put("Ngày đăng ký", dt.date(2025, 7, 1 + i % 28), "ngay_dang_ky")
            if status == "Đã mở TK":
                put("Số tài khoản", p.account, "so_tai_khoan")
                put("Nơi mở tài khoản", p.bank, "noi_mo_tai_khoan")
    if mistakes:
        plant: list[tuple[int, str, object, str]] = [
            (1, "Diện đối tượng", "Người đi đường", "category-unknown"),
            (3, "Tình trạng đăng ký", "Đang suy nghĩ", "status-invalid"),
            (5, "Hệ số", 1e20, "coefficient-out-of-range"),
            (7, "Mức trợ cấp (đồng)", 1e20, "amount-out-of-range"),
            (9, "Ngày sinh", 1850, "date-out-of-range"),
        ]
        for i, header, value, code in plant:
            # "General", not the date format the cell had: a typed number, shown as typed
            out.planted.append((sheet.put(first + i, _COL[header], value, "General"), code))
        # a woman written "Ông": the ID's sex digit says otherwise (reported at the ID)
        woman = next(k for k, p in enumerate(crowd) if p.sex == "Nữ" and p.year < 1966 and k > 10)
        sheet.put(first + woman, _COL["Giới tính"], "Ông")
        out.planted.append((out.cells[(woman, "so_dinh_danh")], "id-sex-mismatch"))
    sheet.put(first + n + 1, 2, "Người lập biểu")
    sheet.put(first + n + 1, 12, "TM. ỦY BAN NHÂN DÂN")
    sheet.save(path)
    return out


def _wording(p: Person, i: int, first_of_month: dt.date) -> str:
    kind = i % 4
    if kind == 1:
        return SHORT[p.code]
    if kind == 2 and p.code in VENDOR_CODES:
        birth = LooseDate(p.year) if p.year_only else LooseDate(p.year, p.birth.month, p.birth.day)
        return vendor(p, age_at(birth, first_of_month))
    if kind == 3:
        return p.code
    return DECREE[p.code]


def make_id_for(i: int) -> str:
    """A receiver's ID (a man born 1975), distinct per row."""
    import random

    return make_id(random.Random(1000 + i), "Nam", 1975)
