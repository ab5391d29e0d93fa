import datetime as dt

import pytest

from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.money import normalise_amount, normalise_coefficient


@pytest.mark.parametrize(
    "raw",
    [
        1080000.0,
        1080000,
        "1080000",
        "1.080.000",
        "1,080,000",
        "1 080 000",
        "1\u00a0080\u00a0000",
        "1080000đ",
        "1.080.000 đồng",
        "1.080.000 Đồng",
        "1,080,000 VND",
        "1.080.000,00",
        "1080000.00",
        "'1080000",
    ],
)
def test_amounts(raw: object) -> None:
    result = normalise_amount(raw)  # type: ignore[arg-type]
    assert result.value == 1_080_000
    assert result.fixes == ()


def test_blank_amount() -> None:
    assert normalise_amount("").value is None


@pytest.mark.parametrize(
    "raw",
    [0, 0.0, -540000.0, "-540000", 540000.5, "540.000,5", "1,5", "12.34.56", "năm trăm", True,
     dt.date(2024, 1, 1), float("inf")],
)  # fmt: skip
def test_invalid_amounts(raw: object) -> None:
    with pytest.raises(Invalid) as info:
        normalise_amount(raw)  # type: ignore[arg-type]
    assert info.value.code == "amount-invalid"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(1.5, 1.5), (3, 3.0), ("1,5", 1.5), ("1.5", 1.5), (" 2 ", 2.0), ("'2,5", 2.5)],
)
def test_coefficients(raw: object, expected: float) -> None:
    assert normalise_coefficient(raw).value == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["1,5,0", "abc", "-1", 0.0, -1.5, True, "1.5x", float("nan")])
def test_invalid_coefficients(raw: object) -> None:
    with pytest.raises(Invalid) as info:
        normalise_coefficient(raw)  # type: ignore[arg-type]
    assert info.value.code == "value-invalid"


def test_blank_coefficient() -> None:
    assert normalise_coefficient("  ").value is None
