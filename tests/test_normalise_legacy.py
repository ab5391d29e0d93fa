import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashless_cli.normalise.legacy import (
    convert_legacy,
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    encode_tcvn3,
    encode_vni,
    font_encoding,
    font_is_all_caps,
)

_TONED = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
LOWER = "".join(_TONED.values()) + "đ"
ALPHABET = LOWER + LOWER.upper()
# capitals TCVN3 (ABC) has codes for; other accented capitals decode as lowercase
TCVN3_CAPITALS = "ĂÂĐÊÔƠƯ"


def test_alphabet_has_the_134_accented_letters() -> None:
    assert len({c for c in ALPHABET if not c.isascii()}) == 134


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", "tcvn3"),
        (".VnTimeH", "tcvn3"),
        (".VnArial", "tcvn3"),
        ("VNI-Times", "vni"),
        ("VNI-Helve", "vni"),
        ("Times New Roman", None),
        ("Arial", None),
        (None, None),
        ("", None),
    ],
)
def test_font_encoding(font: str | None, expected: str | None) -> None:
    assert font_encoding(font) == expected


def test_font_is_all_caps() -> None:
    assert font_is_all_caps(".VnTimeH")
    assert font_is_all_caps(".VnArialH")
    assert not font_is_all_caps(".VnTime")
    assert not font_is_all_caps("VNI-Helve")


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        # examples published with public converters
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),
        ("B¸t X¸t", "Bát Xát"),
        ("NguyÔn V¨n §øc", "Nguyễn Văn Đức"),
        ("Hµ Néi", "Hà Nội"),
        ("Qu¶ng Ng·i", "Quảng Ngãi"),
        ("§· cã tµi kho¶n", "Đã có tài khoản"),
        ("Ch\u00ada ®¨ng ký", "Chưa đăng ký"),
        ("¡ ¢ § £ ¤ ¥ ¦", "Ă Â Đ Ê Ô Ơ Ư"),
    ],
)
def test_decode_tcvn3_examples(legacy: str, unicode: str) -> None:
    assert decode_tcvn3(legacy) == unicode


def test_decode_tcvn3_all_caps_font() -> None:
    # in .VnTimeH the lowercase codes are drawn as capitals
    assert decode_tcvn3("HuyÖn b×nh s¬n", all_caps=True) == "HUYỆN BÌNH SƠN"


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Nguyeãn Vaên Ñöùc", "Nguyễn Văn Đức"),
        ("Möôøng Khöông", "Mường Khương"),
        ("Traàn Thò Hoøa", "Trần Thị Hòa"),
        ("HUYEÄN BÌNH SÔN", "HUYỆN BÌNH SƠN"),
        ("Quaûng Ngaõi", "Quảng Ngãi"),
        ("Thuôû", "Thuở"),
        ("Nguyeãn Thò Kieàu", "Nguyễn Thị Kiều"),
        ("AÙ", "Á"),
        ("Aù", "Á"),  # capital base, lowercase mark: the base decides
    ],
)
def test_decode_vni_examples(legacy: str, unicode: str) -> None:
    assert decode_vni(legacy) == unicode


def test_encoders_examples() -> None:
    assert encode_tcvn3("Trần Thị Hòa") == "TrÇn ThÞ Hßa"
    assert encode_tcvn3("Người") == "Ng\u00adêi"
    assert encode_vni("Trần Thị Hòa") == "Traàn Thò Hoøa"
    assert encode_vni("Đức") == "Ñöùc"
    # a capital with a tone has no TCVN3 code of its own: written with the lowercase code
    assert encode_tcvn3("Ấp") == "Êp"
    assert decode_tcvn3(encode_tcvn3("Ấp")) == "ấp"


@given(st.text(alphabet=ALPHABET + " abcdghnqtxyABCGHNTY", max_size=40))
def test_vni_round_trip(s: str) -> None:
    assert decode_vni(encode_vni(s)) == s


@given(st.text(alphabet=LOWER + TCVN3_CAPITALS + " abcdghnqtxyABCGHNTY", max_size=40))
def test_tcvn3_round_trip_on_representable_letters(s: str) -> None:
    assert decode_tcvn3(encode_tcvn3(s)) == s


@given(st.text(alphabet=ALPHABET + " ", max_size=40))
def test_tcvn3_round_trip_full_alphabet_up_to_case(s: str) -> None:
    back = decode_tcvn3(encode_tcvn3(s))
    assert back.lower() == s.lower()
    assert all(
        b == c or c not in TCVN3_CAPITALS + "ABCDEGHIKLMNOPQRSTUVXY"
        for b, c in zip(back, s, strict=True)
    )


def test_round_trip_accepts_nfd_input() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")
    assert decode_vni(encode_vni(nfd)) == "Nguyễn Thị Hồng"
    assert decode_tcvn3(encode_tcvn3(nfd)) == "Nguyễn Thị Hồng"


# ---- detection -------------------------------------------------------------------------------
_INITIALS = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
]  # fmt: skip
_OPEN = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
    "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oay", "uôi", "ươi", "ươu", "uya",
]  # fmt: skip
_CLOSABLE = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "iê", "yê", "oa", "oă", "oe", "uâ", "uê", "uô", "uy", "ươ", "uyê",
]  # fmt: skip
_FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]


@st.composite
def syllables(draw: st.DrawFn) -> str:
    initial = draw(st.sampled_from(_INITIALS))
    if draw(st.booleans()):
        rhyme = draw(st.sampled_from(_OPEN))
    else:
        rhyme = draw(st.sampled_from(_CLOSABLE)) + draw(st.sampled_from(_FINALS))
    tone = draw(st.integers(0, 5))
    vowels = [i for i, c in enumerate(rhyme) if c in "aăâeêioôơuưy"]
    at = draw(st.sampled_from(vowels))
    rhyme = rhyme[:at] + _TONED[rhyme[at]][tone] + rhyme[at + 1 :]
    word = initial + rhyme
    style = draw(st.sampled_from(["lower", "title", "upper"]))
    return word.upper() if style == "upper" else word.title() if style == "title" else word


vietnamese_text = st.lists(syllables(), min_size=1, max_size=6).map(" ".join)


@given(vietnamese_text)
def test_detect_never_fires_on_unicode_vietnamese(s: str) -> None:
    assert detect_legacy(s) is None
    assert detect_legacy(unicodedata.normalize("NFD", s)) is None
    assert convert_legacy(s, None) == (s, None)


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_detect_never_fires_on_ascii(s: str) -> None:
    assert detect_legacy(s) is None


@given(
    st.text(alphabet=ALPHABET + " 0123456789", max_size=30).filter(
        lambda s: any(c in s for c in "ăđĩũơưĂĐĨŨƠƯ") or any(ord(c) > 0x1E00 for c in s)
    )
)
def test_detect_never_fires_on_text_with_vietnamese_only_letters(s: str) -> None:
    assert detect_legacy(s) is None


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "Hà",
        "Tô Thị Ê",
        "Lý Sơn",
        "Hoà Bình",
        "Bùi Thị Út",
        "Đã có tài khoản",
        "STT",
        "Total 1,080,000",
        "café au lait",
        "0912345678",
        "12/05/1950",
    ],
)
def test_detect_ignores_unicode_and_english(text: str) -> None:
    assert detect_legacy(text) is None


@pytest.mark.parametrize(
    "word",
    [
        "Nguyễn Văn Đức",
        "Mường Khương",
        "Trần Thị Hòa",
        "Bản thân",
        "Người giám hộ",
        "Chưa đăng ký",
        "Từ chối",
        "Trương Thị Quỳnh",
        "DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI",
    ],
)
def test_detect_finds_both_encodings(word: str) -> None:
    assert detect_legacy(encode_tcvn3(word)) == "tcvn3"
    assert detect_legacy(encode_vni(word)) == "vni"


def test_convert_legacy_with_hint_and_detection() -> None:
    assert convert_legacy("NguyÔn V¨n An", "tcvn3") == ("Nguyễn Văn An", "tcvn3")
    assert convert_legacy("Nguyeãn Vaên An", None) == ("Nguyễn Văn An", "vni")
    assert convert_legacy("NguyÔn V¨n An", None) == ("Nguyễn Văn An", "tcvn3")
    # the font says TCVN3 but the text has nothing to convert
    assert convert_legacy("Nguyen Van An", "tcvn3") == ("Nguyen Van An", None)
    assert convert_legacy("Nguyễn Văn An", None) == ("Nguyễn Văn An", None)


def test_convert_legacy_leaves_unicode_alone_despite_the_font() -> None:
    # Unicode typed into a .VnTime cell: "ễ" exists in no legacy font
    assert convert_legacy("Nguyễn Thị Hòa", "tcvn3") == ("Nguyễn Thị Hòa", None)
    assert convert_legacy("Nguyễn Thị Hòa", "vni") == ("Nguyễn Thị Hòa", None)
    nfd = unicodedata.normalize("NFD", "Hòa")
    assert convert_legacy(nfd, "tcvn3") == ("Hòa", None)
