import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cashless_cli.normalise.text import (
    clean_text,
    fold,
    render_cell,
    strip_apostrophe,
    strip_diacritics,
)


def test_clean_text_collapses_white_space_and_trims() -> None:
    assert clean_text("  Nguyễn\u00a0Văn\n\tAn  ") == "Nguyễn Văn An"
    assert clean_text("Số\r\nCCCD") == "Số CCCD"


def test_clean_text_blank_is_none() -> None:
    assert clean_text("") is None
    assert clean_text("   \n") is None
    assert clean_text(None) is None
    assert clean_text("\u200b") is None


def test_clean_text_composes_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Trần Thị Hòa")
    assert nfd != "Trần Thị Hòa"
    assert clean_text(nfd) == "Trần Thị Hòa"


def test_clean_text_keeps_soft_hyphen_of_tcvn3() -> None:
    # U+00AD is the letter "ư" in TCVN3 text: it must survive until legacy decoding
    assert clean_text("Tr\u00ad¬ng") == "Tr\u00ad¬ng"


def test_clean_text_renders_numbers_and_dates() -> None:
    assert clean_text(12.0) == "12"
    assert clean_text(7) == "7"
    assert clean_text(1.5) == "1.5"
    assert clean_text(dt.date(1950, 6, 5)) == "05/06/1950"
    assert clean_text(dt.datetime(1950, 6, 5)) == "05/06/1950"
    assert clean_text(dt.datetime(2023, 6, 5, 8, 30)) == "05/06/2023 08:30:00"
    assert clean_text(True) == "TRUE"
    assert render_cell(None) == ""


def test_fold_examples() -> None:
    assert fold("Số\nCCCD") == fold("so cccd") == "socccd"
    assert fold("SỐ  CCCD/Định danh") == "socccddinhdanh"
    assert fold("Đặng Thị Ðào") == "dangthidao"  # Đ (U+0110) and Ð (U+00D0) both → d
    assert fold("Mức trợ cấp (đồng)") == "muctrocapdong"
    assert fold("(1)") == "1"
    assert fold("—") == ""


def test_strip_helpers() -> None:
    assert strip_diacritics("Nguyễn Văn Đức, 80 tuổi") == "Nguyen Van Duc, 80 tuoi"
    assert strip_apostrophe("'079123456789") == "079123456789"
    assert strip_apostrophe(" ’0912 ") == "0912"


_VIET = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
_VIET_TEXT = st.text(alphabet=_VIET + _VIET.upper() + " \n\t\u00a0-/0123456789bcgz", max_size=40)


@given(_VIET_TEXT)
def test_fold_is_nfc_nfd_invariant_and_idempotent(s: str) -> None:
    key = fold(s)
    assert key == fold(unicodedata.normalize("NFD", s)) == fold(unicodedata.normalize("NFC", s))
    assert fold(key) == key
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789" for c in key)


@given(st.text(max_size=30))
def test_fold_any_text_nfc_nfd_invariant(s: str) -> None:
    assert fold(unicodedata.normalize("NFD", s)) == fold(unicodedata.normalize("NFC", s))


@given(_VIET_TEXT)
def test_fold_ignores_case_and_accents(s: str) -> None:
    assert fold(s.upper()) == fold(s.lower()) == fold(strip_diacritics(s))


@given(st.text(max_size=40))
def test_clean_text_idempotent(s: str) -> None:
    once = clean_text(s)
    if once is None:
        return
    assert clean_text(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert "\n" not in once


@given(_VIET_TEXT)
def test_clean_text_nfc_nfd_invariant(s: str) -> None:
    assert clean_text(unicodedata.normalize("NFD", s)) == clean_text(s)
