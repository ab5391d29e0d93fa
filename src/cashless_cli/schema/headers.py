"""Header words that are not roster columns: the information columns real lists carry (arrears,
signatures, decision numbers …), the group titles of the birth date, and the words that may
follow an alias without changing what a column is. Column definitions, like ``schema/row.py``."""

from __future__ import annotations

#: Known columns that are not roster fields: kept as information, under these keys.
INFO_KEYS: dict[str, tuple[str, ...]] = {
    "truy_linh": (
        "Truy lĩnh",
        "Số tiền truy lĩnh",
        "Tiền truy lĩnh",
        "Truy trả",
        "Chưa trả tháng trước",
        "Chưa nhận tháng trước",
        "Chưa lĩnh tháng trước",
        "Kỳ trước chưa nhận",
        "Truy thu",
    ),
    "ky_nhan": (
        "Ký nhận",
        "Ký",
        "Ký tên",
        "Chữ ký",
        "Điểm chỉ",
        "Ký hoặc điểm chỉ",
        "Người nhận ký",
    ),
    "tong_tien": ("Tổng số tiền", "Tổng cộng", "Tổng", "Thành tiền", "Tổng số"),
    "dan_toc": ("Dân tộc",),
    "so_quyet_dinh": ("Số quyết định", "Quyết định", "Số QĐ", "QĐ"),
    "ngay_huong": (
        "Ngày hưởng",
        "Thời điểm hưởng",
        "Hưởng từ ngày",
        "Thời gian hưởng",
        "Ngày bắt đầu hưởng",
    ),
    "ngay_cap_nhat": ("Ngày cập nhật",),
    "trang_thai_ho_so": (
        "Trạng thái hồ sơ",
        "Tình trạng hồ sơ",
        "Trạng thái hưởng",
        "Tình trạng hưởng",
    ),
    "loai_tro_cap": ("Phân loại trợ cấp", "Loại trợ cấp", "Loại hình trợ cấp"),
    "ly_do": ("Lý do", "Lý do cắt giảm", "Lý do thay đổi"),
    "so_so_linh": ("Số sổ lĩnh tiền", "Sổ lĩnh tiền"),
    "so_thang": ("Số tháng",),
    "cho_o": ("Chỗ ở hiện nay", "Nơi ở hiện nay", "Chỗ ở hiện tại"),
    "chu_ho": (
        "Họ, chữ đệm và tên chủ hộ",
        "Số định danh cá nhân của chủ hộ",
        "Số định danh của chủ hộ",
        "Số CCCD của chủ hộ",
    ),
    "quan_he_chu_ho": ("Mối quan hệ với chủ hộ", "Quan hệ với chủ hộ"),
    "che_do_dang_huong": ("Đang hưởng chế độ chính sách", "Đang hưởng chế độ"),
    "nhan_qua": ("Đã nhận quà", "Nhận quà"),
    "dieu_chinh": ("Điều chỉnh sang chế độ", "Đang hưởng trợ cấp"),
}

#: Group titles over the two-column birth date (Nam | Nữ).
BIRTH_TOPS = ("Ngày sinh", "Năm sinh", "Ngày tháng năm sinh", "Ngày tháng sinh", "NS")

#: Words that may follow an alias without changing what the column is.
HARMLESS = (
    "đồng",
    "đ",
    "vnđ",
    "tháng",
    "năm",
    "này",
    "nếu",
    "có",
    "hiện",
    "nay",
    "hằng",
    "hàng",
    "dd",
    "mm",
    "yyyy",
    "yy",
)

#: Header words that fold alike but mean something else, beside those of the aliases.
TRAPS = (
    "cấp cập",
    "số sổ",
    "ký kỳ",
    "nam năm",
    "nhận nhân",
    "dân dẫn",
    "tiền tiến",
    "đồng động",
    "tổng tống",
    "hộ họ hồ",
    "bản bán",
    "tên tiến",
)
