"""What a cell of each kind becomes: one :class:`CellKind` per kind of column, holding its parser
(the normaliser), an optional shortcut for the common clean cell, an optional shortcut for a whole
clean column, and the fixed width of its clean values. The row model's parser, the column-by-column
bulk path and the checks across fields all take these from here.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from typing import Any, Literal

from cashless_cli.normalise import ids, money, phones, vocab
from cashless_cli.normalise.base import CellValue, Fix, Normalised
from cashless_cli.normalise.characters import NAME_CODE, maybe_suspect, suspect_params
from cashless_cli.normalise.characters import suspects_in_name as _suspects_in_name
from cashless_cli.normalise.dates import normalise_date
from cashless_cli.normalise.text import clean_text
from cashless_cli.schema.domain import phone_prefixes

Kind = Literal[
    "text",
    "name",
    "int",
    "id",
    "phone",
    "birthdate",
    "date",
    "amount",
    "coefficient",
    "account",
    "sex",
    "status",
    "receiver",
    "category",
]

Parser = Callable[[CellValue, dt.date], Normalised[Any]]

#: What a shortcut returns when the cell needs the full parser.
SLOW: Any = object()


@dataclass(frozen=True, slots=True)
class CellKind:
    """How the cells of one kind of column are read. Every shortcut gives exactly what
    :attr:`parse` gives (a test holds them together), or declines."""

    name: Kind
    #: The full parser: a raw cell and today → the clean value, its repairs, or ``Invalid``.
    parse: Parser
    #: For a common clean cell, given the column's longest text: its value when :attr:`parse`
    #: would return it unchanged with no problem, else :data:`SLOW`.
    fast: Callable[[Any, int], Any] | None = None
    #: Clean values are strings of exactly this many ASCII digits (IDs, phones).
    width: int | None = None
    #: ... whose first three digits are one of these (phones: the current mobile prefixes).
    starts: Callable[[], Container[str]] | None = None
    #: The values of a whole column whose every cell is clean, in a few passes; else None.
    whole: Callable[[list[CellValue]], list[Any] | None] | None = None

    @property
    def has_shortcut(self) -> bool:
        return self.fast is not None or self.width is not None

    def is_clean(self, raw: object) -> bool:
        """Whether ``raw`` is a clean value of this fixed-width kind, as :attr:`parse` keeps it."""
        return (
            self.width is not None
            and type(raw) is str
            and len(raw) == self.width
            and raw.isdigit()
            and raw.isascii()
            and (self.starts is None or raw[:3] in self.starts())
        )

    def shortcut(self, raw: object, max_length: int) -> Any:
        """The value of a clean cell without the full parser, or :data:`SLOW`."""
        if self.fast is not None:
            return self.fast(raw, max_length)
        return raw if self.is_clean(raw) else SLOW

    def clean_column(self, cells: list[CellValue]) -> list[Any] | None:
        """The values of a column whose every cell takes the shortcut, blanks left as they are
        (fixed-width kinds), found in a few passes over the whole column instead of one call per
        cell; None when any cell might not."""
        if self.whole is not None:
            return self.whole(cells)
        if self.width is not None:
            return _fixed_width_column(self, self.width, cells)
        return None


def clean_mask(kind: CellKind, cells: list[CellValue]) -> list[bool] | None:
    """Per cell of a column of text, whether :meth:`CellKind.is_clean` holds for it (a fixed-width
    kind), told in a few passes over the whole column; None when not every cell is text."""
    width = kind.width
    if width is None or not cells or set(map(type, cells)) != {str}:
        return None
    texts: list[str] = cells  # type: ignore[assignment]
    mask = list(map(operator.eq, map(len, texts), repeat(width)))
    if all(mask):
        at: Sequence[int] = range(len(texts))
        chosen = texts
    else:
        at = list(compress(count(), mask))
        chosen = list(compress(texts, mask))
    text = "".join(chosen)  # every one ``width`` long: the digit at k of each is a stride
    fine: Iterable[bool] | None = None
    if not (text.isascii() and text.isdigit()):
        fine = list(map(operator.and_, map(str.isdigit, chosen), map(str.isascii, chosen)))
    if kind.starts is not None:
        allowed = {tuple(start) for start in _starts(kind) if len(start) == 3}
        starts = map(allowed.__contains__, zip(*(text[k::width] for k in range(3)), strict=True))
        fine = starts if fine is None else map(operator.and_, fine, starts)
    if fine is not None:
        for j in compress(count(), map(operator.not_, fine)):
            mask[at[j]] = False
    return mask


def _starts(kind: CellKind) -> Iterable[str]:
    assert kind.starts is not None
    starts = kind.starts()
    assert isinstance(starts, Iterable)
    return starts


def _fixed_width_column(kind: CellKind, width: int, cells: list[CellValue]) -> list[Any] | None:
    """Blanks and strings of exactly ``width`` ASCII digits (with an allowed start): joined with
    newlines, the text must have its newlines at every width + 1 and nowhere else, and only
    ASCII digits between them."""
    if not cells or set(map(type, cells)) != {str}:
        return None
    filled: list[str] = [c for c in cells if c]  # type: ignore[misc]
    if not filled:
        return None
    joined = "\n".join(filled)
    step = width + 1
    breaks = "\n" * (len(filled) - 1)
    if (
        len(joined) != step * len(filled) - 1
        or joined.count("\n") != len(breaks)  # no line break inside a cell
        or joined[width::step] != breaks  # every cell exactly ``width`` long
    ):
        return None
    digits = joined.replace("\n", "")
    if not (digits.isascii() and digits.isdigit()):
        return None
    if kind.starts is not None:
        allowed = kind.starts()
        starts = set(zip(joined[0::step], joined[1::step], joined[2::step], strict=True))
        if not all("".join(start) in allowed for start in starts):
            return None
    return list(cells)


def _whole_numbers(cells: list[CellValue]) -> list[Any] | None:
    """Running numbers: floats that are whole numbers."""
    if cells and set(map(type, cells)) == {float} and all(map(float.is_integer, cells)):  # type: ignore[arg-type]
        return list(map(int, cells))  # type: ignore[arg-type]
    return None


def _int(raw: CellValue, today: dt.date) -> Normalised[Any]:
    if isinstance(raw, float) and raw.is_integer():
        return Normalised(int(raw))
    text = clean_text(raw)
    if text is None:
        return Normalised(None)
    if text.isascii() and text.isdigit():  # "²" and other digits int() refuses stay text
        return Normalised(int(text))
    return Normalised(text)  # a running number may be anything; never an error


def _text(raw: CellValue, today: dt.date) -> Normalised[Any]:
    return Normalised(clean_text(raw))


def _fast_text(raw: Any, max_length: int) -> Any:
    if type(raw) is str:
        text = clean_text(raw)
        if text is not None and len(text) <= max_length:
            return text
    return SLOW


def _name(raw: CellValue, today: dt.date) -> Normalised[Any]:
    """A person's name: clean text, and a warning naming any invisible or look-alike character
    it holds (the paying unit would not find the person under it)."""
    text = clean_text(raw)
    if isinstance(raw, str) and maybe_suspect(raw):
        found = _suspects_in_name(raw)
        if found:
            return Normalised(text, (Fix(NAME_CODE, suspect_params(found)),))
    return Normalised(text)


def _fast_name(raw: Any, max_length: int) -> Any:
    if type(raw) is str and maybe_suspect(raw):
        return SLOW
    return _fast_text(raw, max_length)


def _fast_int(raw: Any, max_length: int) -> Any:
    return int(raw) if type(raw) is float and raw.is_integer() else SLOW


def _fast_account(raw: Any, max_length: int) -> Any:
    if type(raw) is str and 6 <= len(raw) <= 19 and raw.isdigit() and raw.isascii():
        return raw
    return SLOW


def _mobile() -> Container[str]:
    return phone_prefixes().mobile


_ALL = (
    CellKind("text", _text, fast=_fast_text),
    CellKind("name", _name, fast=_fast_name),
    CellKind("int", _int, fast=_fast_int, whole=_whole_numbers),
    CellKind("id", lambda raw, today: ids.normalise_id(raw), width=12),
    CellKind("phone", lambda raw, today: phones.normalise_phone(raw), width=10, starts=_mobile),
    CellKind("birthdate", lambda raw, today: normalise_date(raw, today=today, year_only=True)),
    CellKind("date", lambda raw, today: normalise_date(raw, today=today)),
    CellKind("amount", lambda raw, today: money.normalise_amount(raw)),
    CellKind("coefficient", lambda raw, today: money.normalise_coefficient(raw)),
    CellKind("account", lambda raw, today: ids.normalise_account(raw), fast=_fast_account),
    CellKind("sex", lambda raw, today: vocab.parse_sex(raw)),
    CellKind("status", lambda raw, today: vocab.parse_status(raw)),
    CellKind("receiver", lambda raw, today: vocab.parse_receiver(raw)),
    CellKind("category", lambda raw, today: vocab.parse_category(raw)),
)

#: Every kind of cell, by name.
KINDS: dict[Kind, CellKind] = {kind.name: kind for kind in _ALL}

__all__ = ["KINDS", "SLOW", "CellKind", "Kind", "Parser", "clean_mask"]
