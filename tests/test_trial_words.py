"""Wording a user trial found wrong (TRIAL3 items 7, 8, 9, 12, 14, 15): the unit's own kind in
subtitles and counts, months as an office writes them, titles instead of codes, amounts
formatted alike within a message."""

from __future__ import annotations

import pytest

from cashless_cli.handoff.document import BatchInfo
from cashless_cli.payments.document import PaymentsInfo
from cashless_cli.schema.domain import Unit
from cashless_cli.workspace.config import Area
from cashless_cli.write.letterhead import letterhead_for

WARD = Unit("26734", "Tịnh Khê", "phường")
COMMUNE = Unit("21079", "Vạn Tường", "xã")
ISLAND = Unit("31390", "Lý Sơn", "đặc khu")


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        (Area("Vạn Tường", "commune", "Quảng Ngãi", (COMMUNE,)), "Xã Vạn Tường, tỉnh Quảng Ngãi"),
        (Area("Tịnh Khê", "commune", "Quảng Ngãi", (WARD,)), "Phường Tịnh Khê, tỉnh Quảng Ngãi"),
        (Area("Lý Sơn", "commune", "Quảng Ngãi", (ISLAND,)), "Đặc khu Lý Sơn, tỉnh Quảng Ngãi"),
        (Area("Bình Sơn", "district", "Quảng Ngãi", (COMMUNE,)), "Huyện Bình Sơn, tỉnh Quảng Ngãi"),
        (Area("Quảng Ngãi", "province", None, (COMMUNE,)), "Tỉnh Quảng Ngãi"),
        (Area("Hà Nội", "province", None, (COMMUNE,)), "Thành phố Hà Nội"),
    ],
)  # fmt: skip
def test_list_subtitles_name_the_units_own_kind(area: Area, expected: str) -> None:
    head = letterhead_for(area)
    pay = PaymentsInfo("2025-08", "", area.name, area.level, area.province, head)
    where = (area.name, area.level, area.province)
    batch = BatchInfo("VT-2025-08-01", "2025-08", "", *where, None, head)
    assert pay.area_vi == expected
    assert batch.subtitle.startswith(expected + " — tháng 8/2025")
    bare = PaymentsInfo("2025-08", "", area.name, area.level, area.province)
    assert bare.area_vi == expected.replace("Phường", "Xã").replace("Đặc khu Lý", "Xã Lý")
