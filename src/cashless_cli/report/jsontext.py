"""JSON text as ``json.dumps(doc, ensure_ascii=False, indent=2, default=str)`` writes it, character
for character, at the speed of the C encoder.

With ``indent``, :mod:`json` falls back to its pure-Python encoder: writing the 40,000 findings of a
large roster cost more than finding them. The C encoder takes no indent, but any separators: a
container of plain values (a finding) is written by it with ",\\n" and the indent of its items as
the separator, and only its brackets are then moved onto their own lines. A list of such
containers is written in one call, whose separators between containers are told from those
inside them by the bracket before them (a string's own line breaks are escaped: a raw line break
is always a separator). Other containers, few, are walked here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from itertools import chain
from typing import Any

_INDENT = 2


def dumps(doc: Any) -> str:
    """``json.dumps(doc, ensure_ascii=False, indent=2, default=str)``."""
    return "".join(pieces(doc))


def pieces(doc: Any) -> list[str]:
    """:func:`dumps` in pieces, to be written one after the other (a large document is not
    copied once more into one string)."""
    out: list[str] = []
    _write(doc, 0, out)
    return out


@cache
def _encoder(separator: str) -> json.JSONEncoder:
    return json.JSONEncoder(ensure_ascii=False, separators=(separator, ": "), default=str)


def _pad(level: int) -> str:
    return "\n" + " " * (_INDENT * level)


def _flat(value: Any) -> bool:
    """A non-empty container of plain values (no container among them)."""
    if isinstance(value, dict):
        return bool(value) and _plain(value.values())
    return isinstance(value, list | tuple) and bool(value) and _plain(value)


def _all_flat(items: list[Any] | tuple[Any, ...]) -> bool:
    """Non-empty containers of plain values, all dicts or all lists (told at C speed)."""
    kinds = set(map(type, items))
    if kinds == {dict}:
        values: Iterable[Any] = chain.from_iterable(map(dict.values, items))
    elif kinds and kinds <= {list, tuple}:
        values = chain.from_iterable(items)
    else:
        return False
    return all(items) and _plain(values)


def _plain(values: Iterable[Any]) -> bool:
    return not any(issubclass(t, dict | list | tuple) for t in set(map(type, values)))


def _write(value: Any, level: int, out: list[str]) -> None:
    inner, outer = _pad(level + 1), _pad(level)
    if _flat(value):
        text = _encoder("," + inner).encode(value)
        out.append(text[0] + inner + text[1:-1] + outer + text[-1])
    elif isinstance(value, list | tuple) and value and _all_flat(value):
        # one call for the whole list, its items' separators two levels in; then the separators
        # between items (a bracket closes before them, one opens after) are put one level in
        deeper = _pad(level + 2)
        text = _encoder("," + deeper).encode(value)
        for close in "}]":
            for open_ in "{[":
                separator = close + "," + deeper + open_
                if separator in text:  # a large text is copied once per kind of separator found
                    text = text.replace(separator, inner + close + "," + inner + open_ + deeper)
        out += ("[", inner, text[1], deeper, text[2:-2], inner, text[-2], outer, "]")
    elif isinstance(value, dict) and value:
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            name = _encoder(", ").encode({key: None})[1:-7]  # the key as JSON writes it
            out.append(("," if i else "") + inner + name + ": ")
            _write(item, level + 1, out)
        out.append(outer + "}")
    elif isinstance(value, list | tuple) and value:
        out.append("[")
        for i, item in enumerate(value):
            out.append(("," if i else "") + inner)
            _write(item, level + 1, out)
        out.append(outer + "]")
    else:
        out.append(_encoder(", ").encode(value))
