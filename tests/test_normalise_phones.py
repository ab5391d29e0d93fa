import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashless_cli.normalise.base import Fix, Invalid
from cashless_cli.normalise.phones import normalise_phone
from cashless_cli.schema.domain import phone_prefixes

# All numbers are synthetic.


def _code(raw: object) -> str:
    with pytest.raises(Invalid) as info:
        normalise_phone(raw)  # type: ignore[arg-type]
    return info.value.code


@pytest.mark.parametrize(
    "raw",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "(091) 2345678",
        "'0912345678",
        "+84912345678",
        "+84 (0) 912 345 678",
        "84912345678",
        "0084912345678",
        84912345678.0,
    ],
)
def test_mobile_forms(raw: object) -> None:
    result = normalise_phone(raw)  # type: ignore[arg-type]
    assert result.value == "0912345678"
    assert result.fixes == ()


def test_blank_phone() -> None:
    assert normalise_phone("").value is None
    assert normalise_phone(None).value is None


def test_number_cell_lost_its_zero() -> None:
    result = normalise_phone(912345678.0)
    assert result.value == "0912345678"
    assert result.fixes == (Fix("leading-zero-restored", {"fixed": "0912345678"}),)
    assert normalise_phone(912345678).value == "0912345678"


@pytest.mark.parametrize(
    ("raw", "new"),
    [("01621234567", "0321234567"), ("0120 123 4567", "0701234567"), ("01991234567", "0591234567")],
)
def test_old_eleven_digit_prefix(raw: str, new: str) -> None:
    result = normalise_phone(raw)
    assert result.value == new
    assert result.fixes == (Fix("phone-old-prefix", {"fixed": new}),)


def test_old_prefix_number_cell_missing_zero() -> None:
    result = normalise_phone(1621234567.0)
    assert result.value == "0321234567"
    assert result.fixes == (
        Fix("leading-zero-restored", {"fixed": "01621234567"}),
        Fix("phone-old-prefix", {"fixed": "0321234567"}),
    )


def test_landline() -> None:
    result = normalise_phone("0255 3823 456")
    assert result.value == "02553823456"
    assert result.fixes == (Fix("phone-landline"),)
    assert normalise_phone("024 3812 3456").fixes == (Fix("phone-landline"),)


@pytest.mark.parametrize(
    "raw",
    [
        "0111234567",  # 10 digits, no such mobile prefix
        "0912345",
        "09123456789",  # 11 digits, not an old prefix
        "091234567a",
        "+1 202 555 0100",
        "0912345678 / 0987654321",
        "không có",
        1234567.0,
        912345678.5,
        True,
        dt.date(2020, 1, 1),
    ],
)
def test_invalid_phones(raw: object) -> None:
    assert _code(raw) == "phone-invalid"


def test_ten_digit_number_with_unknown_prefix() -> None:
    # a 10-digit number typed with a prefix that is no mobile prefix
    assert _code("0101234567") == "phone-invalid"


def _mobile_prefixes() -> list[str]:
    return sorted(phone_prefixes().mobile)


@given(st.sampled_from(_mobile_prefixes()), st.from_regex(r"\A[0-9]{7}\Z"))
def test_any_current_mobile_round_trips(prefix: str, rest: str) -> None:
    number = prefix + rest
    assert normalise_phone(number).value == number
    assert normalise_phone(f"+84 {number[1:4]} {number[4:]}").value == number
    as_cell = normalise_phone(float(number))
    assert as_cell.value == number
    assert as_cell.fixes == (Fix("leading-zero-restored", {"fixed": number}),)


@given(st.sampled_from(sorted(phone_prefixes().old11.items())), st.from_regex(r"\A[0-9]{7}\Z"))
def test_any_old_mobile_maps_to_new(old_new: tuple[str, str], rest: str) -> None:
    old, new = old_new
    result = normalise_phone(old + rest)
    assert result.value == new + rest
    assert new in phone_prefixes().mobile
