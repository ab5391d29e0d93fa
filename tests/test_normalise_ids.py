import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashless_cli.normalise.base import Fix, Invalid
from cashless_cli.normalise.ids import IdFacts, id_facts, normalise_account, normalise_id

# All IDs below are synthetic.


def _invalid(fn: object, raw: object) -> Invalid:
    with pytest.raises(Invalid) as info:
        fn(raw)  # type: ignore[operator]
    return info.value


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_blank_id_is_none(raw: object) -> None:
    assert normalise_id(raw).value is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw",
    ["051190001234", " 051 190 001 234 ", "051.190.001.234", "051-190-001-234", "'051190001234"],
)
def test_id_text_forms(raw: str) -> None:
    result = normalise_id(raw)
    assert result.value == "051190001234"
    assert result.fixes == ()


def test_id_number_twelve_digits() -> None:
    assert normalise_id(351190001234.0).value == "351190001234"
    assert normalise_id(351190001234).value == "351190001234"


def test_id_number_lost_leading_zero() -> None:
    result = normalise_id(51190001234.0)
    assert result.value == "051190001234"
    assert result.fixes == (Fix("leading-zero-restored", {"fixed": "051190001234"}),)


def test_old_cmnd() -> None:
    result = normalise_id("212345678")
    assert result.value == "212345678"
    assert result.fixes == (Fix("id-old-cmnd"),)


def test_old_cmnd_number_lost_zero() -> None:
    result = normalise_id(12345678.0)
    assert result.value == "012345678"
    assert result.fixes == (
        Fix("leading-zero-restored", {"fixed": "012345678"}),
        Fix("id-old-cmnd"),
    )


def test_id_eleven_digit_text_is_invalid() -> None:
    # text keeps its zeros: 11 digits typed is a typing error, not Excel's doing
    err = _invalid(normalise_id, "51190001234")
    assert (err.code, err.params) == ("id-invalid", {"digits": 11})


@pytest.mark.parametrize(
    ("raw", "digits"),
    [("05119000123", 11), ("0511900012345", 13), ("12345", 5), ("CCCD 0511", 4), ("abc", 0)],
)
def test_id_invalid_text(raw: str, digits: int) -> None:
    err = _invalid(normalise_id, raw)
    assert err.code == "id-invalid"
    assert err.params == {"digits": digits}


@pytest.mark.parametrize(
    ("raw", "digits"), [(1234567.0, 7), (1234567890.0, 10), (12.5, 3), (-51190001234.0, 11)]
)
def test_id_invalid_numbers(raw: float, digits: int) -> None:
    err = _invalid(normalise_id, raw)
    assert err.code == "id-invalid"
    assert err.params == {"digits": digits}


@pytest.mark.parametrize("raw", [True, dt.date(2020, 1, 1), dt.time(8, 0)])
def test_id_wrong_type(raw: object) -> None:
    assert _invalid(normalise_id, raw).code == "id-invalid"


@pytest.mark.parametrize("raw", [1.2345678901234567e15, 5119000123400000.0, 10**16, "7.91234E+11"])
def test_id_precision_lost(raw: object) -> None:
    assert _invalid(normalise_id, raw).code == "number-precision-lost"


@given(st.from_regex(r"\A[0-9]{12}\Z"))
def test_any_12_digit_text_comes_back(id12: str) -> None:
    assert normalise_id(id12) == normalise_id("'" + id12) == normalise_id(f" {id12} ")
    assert normalise_id(id12).value == id12
    assert normalise_id(id12).fixes == ()


@given(st.from_regex(r"\A[1-9][0-9]{11}\Z"))
def test_any_12_digit_float_without_zero_comes_back(id12: str) -> None:
    result = normalise_id(float(id12))
    assert result.value == id12
    assert result.fixes == ()


@given(st.from_regex(r"\A0[1-9][0-9]{10}\Z"))
def test_id_starting_with_zero_given_as_number_gets_it_back(id12: str) -> None:
    result = normalise_id(float(id12))
    assert result.value == id12
    assert result.fixes == (Fix("leading-zero-restored", {"fixed": id12}),)


# ---- accounts ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("123456", "123456"),
        ("'0123456789012345678", "0123456789012345678"),
        ("1234 5678 9012", "123456789012"),
        ("1234-5678.9012", "123456789012"),
        (123456789012.0, "123456789012"),
        (123456, "123456"),
    ],
)
def test_account_ok(raw: object, expected: str) -> None:
    result = normalise_account(raw)  # type: ignore[arg-type]
    assert result.value == expected
    assert result.fixes == ()


@pytest.mark.parametrize("raw", ["12345", "01234567890123456789", "12AB5678", 12345.0, 1.5, True])
def test_account_invalid(raw: object) -> None:
    assert _invalid(normalise_account, raw).code == "account-invalid"


def test_account_number_cell_too_long() -> None:
    assert _invalid(normalise_account, 1234567890123456.0).code == "number-precision-lost"


def test_account_blank() -> None:
    assert normalise_account("").value is None


# ---- what the ID says ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("id12", "facts"),
    [
        ("051050001234", IdFacts("051", "Nam", 1950, "0")),
        ("051150001234", IdFacts("051", "Nữ", 1950, "1")),
        ("001205001234", IdFacts("001", "Nam", 2005, "2")),
        ("001399001234", IdFacts("001", "Nữ", 2099, "3")),
        ("079401001234", IdFacts("079", "Nam", 2101, "4")),
        ("079500001234", IdFacts("079", "Nữ", 2100, "5")),
        ("079612001234", IdFacts("079", "Nam", 2212, "6")),
        ("079712001234", IdFacts("079", "Nữ", 2212, "7")),
        ("079812001234", IdFacts("079", "Nam", 2312, "8")),
        ("079999001234", IdFacts("079", "Nữ", 2399, "9")),
    ],
)
def test_id_facts(id12: str, facts: IdFacts) -> None:
    assert id_facts(id12) == facts


@pytest.mark.parametrize("bad", ["05105000123", "0510500012345", "05105000123x"])
def test_id_facts_rejects_non_12_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        id_facts(bad)
