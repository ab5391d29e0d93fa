"""Category wordings as offices and vendors write them (sources in SOURCES.md, W1 and W2)."""

from __future__ import annotations

from real_layouts._common import Person

#: Decree 20/2021/NĐ-CP Điều 5, as the clause reads (W1), by our category code.
DECREE = {
    "1": "Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng: mồ côi cả cha và mẹ",
    "2": "Người thuộc diện quy định tại khoản 1 Điều này đang hưởng trợ cấp xã hội hàng tháng mà đủ"
    " 16 tuổi nhưng đang học văn hóa, học nghề, trung học chuyên nghiệp, cao đẳng, đại học văn"
    " bằng thứ nhất",
    "3": "Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo.",
    "4": "Người thuộc diện hộ nghèo, hộ cận nghèo chưa có chồng hoặc chưa có vợ; đã có chồng hoặc"
    " vợ nhưng đã chết hoặc mất tích theo quy định của pháp luật và đang nuôi con dưới 16 tuổi"
    " (người đơn thân nghèo đang nuôi con)",
    "5a": "Người cao tuổi thuộc diện hộ nghèo, không có người có nghĩa vụ và quyền phụng dưỡng",
    "5b": "Người cao tuổi từ đủ 75 tuổi đến 80 tuổi thuộc diện hộ nghèo, hộ cận nghèo đang sống tại"
    " địa bàn các xã, thôn vùng đồng bào dân tộc thiểu số và miền núi đặc biệt khó khăn",
    "5c": "Người từ đủ 80 tuổi trở lên không thuộc diện quy định tại điểm a khoản này mà không có"
    " lương hưu, trợ cấp bảo hiểm xã hội hàng tháng, trợ cấp xã hội hàng tháng",
    "5d": "Người cao tuổi thuộc diện hộ nghèo, không có người có nghĩa vụ và quyền phụng dưỡng,"
    " không có điều kiện sống ở cộng đồng, đủ điều kiện tiếp nhận vào cơ sở trợ giúp xã hội"
    " nhưng có người nhận nuôi dưỡng, chăm sóc tại cộng đồng",
    "6a": "Người khuyết tật đặc biệt nặng theo quy định pháp luật về người khuyết tật",
    "6b": "Người khuyết tật nặng theo quy định pháp luật về người khuyết tật",
    "7": "Trẻ em dưới 3 tuổi thuộc diện hộ nghèo, hộ cận nghèo đang sống tại địa bàn các xã, thôn"
    " vùng đồng bào dân tộc thiểu số và miền núi đặc biệt khó khăn",
    "8": "Người nhiễm HIV/AIDS thuộc diện hộ nghèo không có nguồn thu nhập ổn định hàng tháng như"
    " tiền lương, tiền công, lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp xã hội hàng tháng",
    "htxh": "Người từ đủ 75 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng"
    " (trợ cấp hưu trí xã hội, Nghị định 176/2025/NĐ-CP)",
}

#: Short forms offices write (field practice; some vague on purpose: the coefficient decides).
SHORT = {
    "1": "Trẻ mồ côi",
    "2": "Người từ 16 đến 22 tuổi đang đi học",
    "3": "Trẻ em nhiễm HIV hộ nghèo",
    "4": "Đơn thân nghèo nuôi con",
    "5a": "NCT",
    "5b": "NCT 75-80 tuổi vùng DTTS",
    "5c": "Người cao tuổi từ đủ 80 tuổi trở lên",
    "5d": "NCT được nhận chăm sóc tại cộng đồng",
    "6a": "NKT ĐBN",
    "6b": "NKT nặng",
    "7": "Trẻ dưới 3 tuổi hộ nghèo vùng DTTS",
    "8": "Người nhiễm HIV/AIDS hộ nghèo",
    "htxh": "Hưu trí xã hội",
}

#: The categories the vendor catalogue has a string for.
VENDOR_CODES = frozenset({"1", "4", "5a", "5c", "6a", "6b", "8"})

_TENLOAI = "Đối tượng BTXH tại cộng đồng do xã, phường quản lý"


def vendor(p: Person, age: int) -> str:
    """The LIFESOFT BTXH catalogue string ``tenloai-noidung-chitiet`` (W2) for a person."""
    elderly = " là người cao tuổi" if age >= 60 else (" là trẻ em" if age < 16 else "")
    parts = {
        "1": ("Trẻ mồ côi hoặc nhiễm HIV/AIDS", "từ 18 tháng tuổi trở lên"),
        "4": ("Người đơn thân nuôi con nhỏ", "từ 18 tháng tuổi trở lên"),
        "5a": (
            "Người cao tuổi",
            "từ đủ 80 tuổi trở lên hộ nghèo không có người chăm sóc, phụng dưỡng nhưng đang"
            " hưởng chế độ BTXH hàng tháng"
            if age >= 80
            else "từ 60 - 80 tuổi thuộc hộ nghèo không có người chăm sóc, phụng dưỡng nhưng đang"
            " hưởng chế độ BTXH hàng tháng",
        ),
        "5c": (
            "Người cao tuổi",
            "từ đủ 80 tuổi trở lên có người chăm sóc, phụng dưỡng mà không có lương, trợ cấp bảo"
            " hiểm xã hội hàng tháng, trợ cấp xã hội hàng tháng.",
        ),
        "6a": ("Người khuyết tật sống tại hộ gia đình", "Người khuyết tật đặc biệt nặng" + elderly),
        "6b": ("Người khuyết tật sống tại hộ gia đình", "Người khuyết tật nặng" + elderly),
        "8": ("Người nhiễm HIV ko có khả năng lao động, thuộc hộ gia đình nghèo", ""),
    }
    noidung, chitiet = parts[p.code]
    return f"{_TENLOAI}-{noidung}-{chitiet}"
