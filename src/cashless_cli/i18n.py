"""Which language messages are shown in.

--lang, else CASHLESS_LANG, else the locale, else English.
"""

from __future__ import annotations

import locale
import os
from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


def _pick(value: str | None) -> Lang | None:
    if not value:
        return None
    code = value.strip().lower().replace("-", "_")[:2]
    if code == "vi":
        return "vi"
    if code == "en":
        return "en"
    return None


def resolve_lang(option: str | None = None, environ: dict[str, str] | None = None) -> Lang:
    env = os.environ if environ is None else environ
    for candidate in (option, env.get("CASHLESS_LANG")):
        picked = _pick(candidate)
        if picked:
            return picked
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        picked = _pick(env.get(var))
        if picked:
            return picked
    if environ is None:
        try:
            picked = _pick(locale.getlocale()[0])
        except ValueError:
            picked = None
        if picked:
            return picked
    return "en"
