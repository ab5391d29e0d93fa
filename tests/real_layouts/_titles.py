"""The title block Vietnamese office lists print above the table."""

from __future__ import annotations

from real_layouts._common import Sheet


def state_title(sheet: Sheet, commune: str, title: str, period: str, width: int) -> int:
    """Unit name left, the national motto right, the list's title and period centred below.
    Returns the first free row (one blank row left before the header)."""
    left = max(2, width // 3)
    sheet.put(1, 1, f"UBND {commune.upper()}")
    sheet.merge(1, 1, 1, left)
    sheet.put(2, 1, "--------")
    sheet.merge(2, 1, 1, left)
    sheet.put(1, left + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    sheet.merge(1, left + 1, 1, width - left)
    sheet.put(2, left + 1, "Độc lập - Tự do - Hạnh phúc")
    sheet.merge(2, left + 1, 1, width - left)
    sheet.put(4, 1, title)
    sheet.merge(4, 1, 1, width)
    sheet.put(5, 1, period)
    sheet.merge(5, 1, 1, width)
    return 7


def signatures(sheet: Sheet, row: int, left_col: int, right_col: int, right_title: str) -> None:
    """The signature block below the table (S1, S2: LIFESOFT BTXH report footer)."""
    sheet.put(row, right_col, "Ngày... tháng.... năm 20..")
    sheet.put(row + 1, left_col, "NGƯỜI LẬP BIỂU")
    sheet.put(row + 1, right_col, right_title)
    sheet.put(row + 2, left_col, "(Ký, ghi rõ họ tên, chức vụ)")
    sheet.put(row + 2, right_col, "(Ký, ghi rõ họ tên, đóng dấu")
    sheet.put(row + 6, left_col, "Lê Văn Lập")
    sheet.put(row + 6, right_col, "Trần Văn Ký")
