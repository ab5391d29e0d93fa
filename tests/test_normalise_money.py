import datetime as dt
import json

import pytest

from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.money import (
    normalise_amount,
    normalise_arrears,
    normalise_coefficient,
)
from cashless_cli.problems import Problem


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


@pytest.mark.parametrize("raw", [1e20, 1e20 + 0.5, 10**12, "1.000.000.000.000", -(10**12)])
def test_amounts_beyond_any_allowance_are_out_of_range(raw: object) -> None:
    with pytest.raises(Invalid) as info:
        normalise_amount(raw)  # type: ignore[arg-type]
    assert (info.value.code, info.value.params) == ("amount-out-of-range", {"max": "1.000.000.000"})
    assert normalise_amount(1_000_000_000).value == 1_000_000_000  # the bound itself is a value


@pytest.mark.parametrize("raw", [float("inf"), float("-inf"), float("nan"), "inf", "NaN"])
def test_infinite_and_nan_amounts_are_invalid(raw: object) -> None:
    with pytest.raises(Invalid) as info:
        normalise_amount(raw)  # type: ignore[arg-type]
    assert info.value.code == "amount-invalid"


@pytest.mark.parametrize(("raw", "expected"), [(0, 0), (0.0, 0), ("0", 0), ("540,000", 540_000)])
def test_zero_arrears_are_no_error(raw: object, expected: int) -> None:
    assert normalise_arrears(raw).value == expected  # type: ignore[arg-type]
    if expected == 0:  # while a monthly amount of 0 is one
        with pytest.raises(Invalid):
            normalise_amount(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [-1, "-540000", "abc", 1e20])
def test_arrears_refuse_what_amounts_refuse(raw: object) -> None:
    with pytest.raises(Invalid):
        normalise_arrears(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [1e20, 10.5, 11, "12,5"])
def test_coefficients_beyond_any_are_out_of_range(raw: object) -> None:
    with pytest.raises(Invalid) as info:
        normalise_coefficient(raw)  # type: ignore[arg-type]
    assert (info.value.code, info.value.params) == ("coefficient-out-of-range", {"max": "10"})
    assert normalise_coefficient(3.5).value == 3.5  # an old catalogue's 3.5 still reads


@pytest.mark.parametrize("raw", [float("inf"), float("nan"), "1E+20", "inf"])
def test_infinite_nan_and_scientific_coefficients_are_invalid(raw: object) -> None:
    with pytest.raises(Invalid) as info:
        normalise_coefficient(raw)  # type: ignore[arg-type]
    assert info.value.code == "value-invalid"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 1e20])
def test_json_never_holds_nan_or_infinity(value: float) -> None:
    problem = Problem("amount-out-of-range", sheet="S", cell="A1", row=1, value=value)
    text = json.dumps(problem.to_dict("en"), allow_nan=False)  # raises on NaN / Infinity
    assert json.loads(text)["value"] in ("nan", "inf", "-inf", 1e20)
