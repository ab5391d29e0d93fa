from cashless_cli.checks.identity import check_id_against_person

# Synthetic IDs; 051 is Quảng Ngãi, 003 is no province code.


def test_consistent_id_gives_nothing() -> None:
    assert check_id_against_person("051150001234", "Nữ", 1950) == []
    assert check_id_against_person("051205001234", "Nam", 2005) == []


def test_unknown_province() -> None:
    assert check_id_against_person("003150001234", "Nữ", 1950) == [
        ("id-province-unknown", {"prefix": "003"})
    ]


def test_sex_mismatch() -> None:
    assert check_id_against_person("051050001234", "Nữ", 1950) == [
        ("id-sex-mismatch", {"digit": "0", "id_sex": "Nam", "sex": "Nữ"})
    ]
    assert check_id_against_person("051150001234", "nam", 1950) == [
        ("id-sex-mismatch", {"digit": "1", "id_sex": "Nữ", "sex": "Nam"})
    ]


def test_birth_year_mismatch_including_century() -> None:
    assert check_id_against_person("051050001234", "Nam", 1951) == [
        ("id-birth-year-mismatch", {"id_year": 1950, "year": 1951})
    ]
    # digit 4 = 2: born in the 2000s, not 1905
    assert check_id_against_person("051205001234", "Nam", 1905) == [
        ("id-birth-year-mismatch", {"id_year": 2005, "year": 1905})
    ]


def test_all_three_at_once() -> None:
    codes = [code for code, _ in check_id_against_person("999050001234", "Nữ", 1960)]
    assert codes == ["id-province-unknown", "id-sex-mismatch", "id-birth-year-mismatch"]


def test_missing_row_values_skip_comparisons() -> None:
    assert check_id_against_person("051050001234", None, None) == []
    assert check_id_against_person("003050001234", None, None) == [
        ("id-province-unknown", {"prefix": "003"})
    ]


def test_unrecognised_sex_is_not_compared() -> None:
    assert check_id_against_person("051050001234", "x", 1950) == []


def test_only_12_digit_ids() -> None:
    assert check_id_against_person("212345678", "Nữ", 1950) == []
    assert check_id_against_person("", "Nữ", 1950) == []
