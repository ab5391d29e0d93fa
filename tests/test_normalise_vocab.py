"""Vocabularies by meaning: categories in the decree's, the offices' and the vendors' words
(sources: tests/real_layouts/SOURCES.md, W1 and W2), statuses, receivers and sexes."""

from __future__ import annotations

import pytest

from cashless_cli.checks.rows import Rules, check_columns, resolve_category
from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.dates import LooseDate
from cashless_cli.normalise.vocab import (
    CATEGORY_CODES,
    Receiver,
    Sex,
    Status,
    category_codes,
    parse_category,
    parse_mark,
    parse_receiver,
    parse_sex,
    parse_status,
)
from cashless_cli.schema.month import Month
from real_layouts._wordings import DECREE, SHORT


def _category(text: object) -> str | None:
    return parse_category(text).value  # type: ignore[arg-type]


@pytest.mark.parametrize("code", sorted(DECREE))
def test_the_decrees_own_wording(code: str) -> None:
    assert _category(DECREE[code]) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Điều 5 clauses and points, verbatim (W1)
        ("Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng thuộc một trong các trường hợp sau đây:",
         "1"),
        ("Mồ côi cả cha và mẹ", "1"),
        ("Bị bỏ rơi chưa có người nhận làm con nuôi", "1"),
        ("Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo.", "3"),
        ("Người từ đủ 80 tuổi trở lên không thuộc diện quy định tại điểm a khoản này mà không có "
         "lương hưu, trợ cấp bảo hiểm xã hội hàng tháng, trợ cấp xã hội hàng tháng;", "5c"),
        ("Người khuyết tật đặc biệt nặng", "6a"),
        ("NGƯỜI KHUYẾT TẬT NẶNG", "6b"),
        # short forms
        ("Người cao tuổi từ đủ 80 tuổi trở lên", "5c"),
        ("NCT 80+", "5c"),
        ("NKT nặng", "6b"),
        ("NKT ĐBN", "6a"),
        ("nkt dac biet nang", "6a"),
        ("Đơn thân nghèo nuôi con", "4"),
        ("Người nhiễm HIV/AIDS hộ nghèo", "8"),
        ("Trẻ mồ côi", "1"),
        # codes, clauses and points
        ("5c", "5c"), ("Diện 6b", "6b"), ("K5C", "5c"), ("khoản 5 điểm c", "5c"),
        ("Điểm a khoản 5", "5a"), (7, "7"), (8.0, "8"), ("Diện 5 c", "5c"),
        ("Điều 5 khoản 3", "3"), ("điểm c khoản 5 Điều 5 Nghị định 20/2021/NĐ-CP", "5c"),
        # the social pension of Decree 176/2025
        ("Trợ cấp hưu trí xã hội", "htxh"), ("HTXH", "htxh"),
        ("Người từ đủ 75 tuổi trở lên không có lương hưu, trợ cấp BHXH hằng tháng", "htxh"),
        ("Người từ đủ 70 tuổi đến dưới 75 tuổi thuộc hộ nghèo, hộ cận nghèo", "htxh"),
    ],
)  # fmt: skip
def test_wordings_by_meaning(text: object, code: str) -> None:
    assert _category(text) == code


_TENLOAI = "Đối tượng BTXH tại cộng đồng do xã, phường quản lý"


@pytest.mark.parametrize(
    ("noidung_chitiet", "code"),
    [
        ("Người cao tuổi-từ đủ 80 tuổi trở lên có người chăm sóc, phụng dưỡng mà không có lương, "
         "trợ cấp bảo hiểm xã hội hàng tháng, trợ cấp xã hội hàng tháng.", "5c"),
        ("Người cao tuổi-từ 60 - 80 tuổi thuộc hộ nghèo không có người chăm sóc, phụng dưỡng nhưng "
         "đang hưởng chế độ BTXH hàng tháng", "5a"),
        ("Người khuyết tật sống tại hộ gia đình-Người khuyết tật nặng là người cao tuổi", "6b"),
        ("Người khuyết tật sống tại hộ gia đình-Người khuyết tật đặc biệt nặng là trẻ em", "6a"),
        ("Người đơn thân nuôi con nhỏ-từ 18 tháng tuổi trở lên", "4"),
        ("Người nhiễm HIV ko có khả năng lao động, thuộc hộ gia đình nghèo-", "8"),
    ],
)  # fmt: skip
def test_vendor_catalogue_strings(noidung_chitiet: str, code: str) -> None:
    assert _category(f"{_TENLOAI}-{noidung_chitiet}") == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("NCT", ("5a", "5c")),
        ("Người già", ("5a", "5c")),
        ("Người cao tuổi", ("5a", "5c")),
        ("Khuyết tật", ("6a", "6b")),
        ("Người khuyết tật nặng, người khuyết tật đặc biệt nặng theo quy định", ("6a", "6b")),
        ("Khoản 6", ("6a", "6b")),
        (6, ("6a", "6b")),
        ("5", ("5a", "5b", "5c", "5d")),
        ("Trẻ mồ côi hoặc nhiễm HIV/AIDS-dưới 18 tháng tuổi", ("1", "3")),
        ("HIV/AIDS", ("3", "8")),
    ],
)  # fmt: skip
def test_vague_wordings_give_every_category_they_fit(text: str, codes: tuple[str, ...]) -> None:
    value = _category(text)
    assert value is not None
    assert category_codes(value) == codes


@pytest.mark.parametrize(
    "text",
    [
        "Thu nhập thấp",
        "Người đi đường",
        "Hộ gia đình đang trực tiếp nuôi dưỡng, chăm sóc người khuyết tật đặc biệt nặng",
        "Người khuyết tật nhẹ",
        "9",
    ],
)
def test_wordings_that_name_no_category(text: str) -> None:
    with pytest.raises(Invalid) as info:
        parse_category(text)
    assert info.value.code == "category-unknown"


def test_every_short_form_is_understood() -> None:
    for code, text in SHORT.items():
        assert code in category_codes(_category(text) or ""), text
    assert set(SHORT) <= set(CATEGORY_CODES)


@pytest.mark.parametrize(
    ("codes", "age", "he_so", "muc", "chosen"),
    [
        (("5a", "5c"), 70, 1.5, None, "5a"),  # 5c is for 80 and over
        (("5a", "5c"), 85, 1.0, None, "5c"),  # 5a pays 2.0 from 80
        (("5a", "5c"), 85, 2.0, None, "5a"),
        (("5a", "5c"), 85, None, 360_000, "5c"),  # no coefficient: the amount over the base
        (("6a", "6b"), 30, 2.0, None, "6a"),
        (("6a", "6b"), 70, 2.0, None, "6b"),  # 6a pays 2.5 to the elderly
        (("1", "3"), 8, 1.5, None, "1"),
        (("5a", "5c"), None, None, 540_000, "5a"),  # no birth date: 5a pays 1.5 at some age
        (("6a", "6b"), None, 2.0, None, None),  # 6a at 16-59 and 6b for the elderly both pay 2.0
        (("5a", "5c"), 85, None, None, None),  # nothing to decide by
        (("5a", "5c"), 85, 1.7, None, None),  # fits neither
    ],
)
def test_age_and_coefficient_decide(
    codes: tuple[str, ...],
    age: int | None,
    he_so: float | None,
    muc: int | None,
    chosen: str | None,
) -> None:
    assert resolve_category(codes, age, he_so, muc, 360_000) == chosen


def test_an_undecided_wording_is_one_warning_naming_the_categories() -> None:
    rules = Rules(month=Month(2023, 6))
    values = {
        "dien": ["5a/5c", "5a/5c"],
        "ngay_sinh": [LooseDate(1940), LooseDate(1940)],
        "he_so": [None, 1.0],
    }
    found = check_columns(values, 2, rules)
    assert [(p.field, p.code, p.params) for p in found[0]] == [
        ("dien", "category-ambiguous", {"candidates": "5a, 5c"})
    ]
    assert 1 not in found  # coefficient 1.0 at 83: category 5c, nothing to say


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Từ chối nhận qua TK", Status.REFUSED),
        ("Nhận tiền mặt", Status.REFUSED),
        ("Tiền mặt", Status.REFUSED),
        ("Đã mở TK", Status.HAS_ACCOUNT),
        ("Đã có tài khoản", Status.HAS_ACCOUNT),
        ("Chuyển khoản", Status.HAS_ACCOUNT),
        ("Đã ĐK", Status.REGISTERED),
        ("Đăng ký nhận qua TK", Status.REGISTERED),
        ("Chưa đăng ký", Status.NOT_REGISTERED),
        ("Chưa mở TK", Status.NOT_REGISTERED),
    ],
)
def test_statuses_as_people_write_them(text: str, status: Status) -> None:
    assert parse_status(text).value == status


@pytest.mark.parametrize("text", ["Đang hoạt động", "Đang hưởng", "Chờ duyệt", "Đang suy nghĩ"])
def test_record_statuses_are_no_registration_status(text: str) -> None:
    with pytest.raises(Invalid) as info:
        parse_status(text)
    assert info.value.code == "status-invalid"


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("Bản thân", Receiver.SELF),
        ("Tự nhận", Receiver.SELF),
        ("Chủ hộ", Receiver.AUTHORISED),
        ("Người được uỷ quyền", Receiver.AUTHORISED),
        ("Người nhận hộ", Receiver.AUTHORISED),
        ("Người nuôi dưỡng", Receiver.GUARDIAN),
        ("Người giám hộ", Receiver.GUARDIAN),
    ],
)
def test_receivers_as_people_write_them(text: str, receiver: Receiver) -> None:
    assert parse_receiver(text).value == receiver


@pytest.mark.parametrize(
    ("text", "sex"),
    [("Ông", Sex.MALE), ("Bà", Sex.FEMALE), ("Cụ bà", Sex.FEMALE), ("nam giới", Sex.MALE),
     ("NỮ", Sex.FEMALE)],
)  # fmt: skip
def test_sexes_as_people_write_them(text: str, sex: Sex) -> None:
    assert parse_sex(text).value == sex


def test_a_mark_is_no_sex() -> None:
    with pytest.raises(Invalid):
        parse_sex("x")  # an "x" means something only under a Nam or Nữ column


@pytest.mark.parametrize("raw", ["x", "X", " x ", "✓", "v", "Có"])
def test_ticks(raw: str) -> None:
    assert parse_mark(raw).value is True


def test_no_tick_and_what_is_no_tick() -> None:
    assert parse_mark("").value is None
    assert parse_mark(None).value is None
    for raw in ("1940", "Nam", "xx"):
        with pytest.raises(Invalid):
            parse_mark(raw)
