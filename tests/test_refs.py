"""Reference codes: random letters of the Crockford alphabet, every letter possible."""

from __future__ import annotations

import re

from cashless_cli.handoff.refs import CODE_LENGTH, CROCKFORD, random_code


def test_codes_draw_every_letter_of_the_alphabet_and_nothing_else() -> None:
    codes = [random_code("VT", "2025-09") for _ in range(3000)]
    shape = re.compile(rf"^VT-2509-[{CROCKFORD}]{{{CODE_LENGTH}}}$")
    assert all(shape.match(c) for c in codes)
    letters = {ch for c in codes for ch in c.split("-")[2]}
    assert letters == set(CROCKFORD)  # 21,000 draws: a letter never drawn means a biased pick
    assert len(set(codes)) == len(codes)
