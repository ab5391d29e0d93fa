"""A column mapping the user can fix: which header is which column, which to ignore, and which
words mean which status, receiver, sex or category.

It comes from ``cashless.toml`` (``[mapping]`` for the whole workspace, ``[communes.mapping]``
for one commune) and from ``--map "HEADER=key"`` on the command line; the reader applies it.
Everything here is pure: the workspace parses the TOML into plain tables, this module checks
them and refuses a wrong mapping with a catalogue message naming the header and the known keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cashless_cli.errors import UserError
from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.text import clean_text, fold
from cashless_cli.schema.cells import KINDS
from cashless_cli.schema.headers import INFO_KEYS
from cashless_cli.schema.row import COLUMN_BY_KEY

#: Info keys a group title gives to every column under it ("Chưa trả tháng trước › Số tiền").
DOMINANT_INFO = frozenset({"truy_linh", "ky_nhan"})

#: Roster keys whose values are words of a closed vocabulary (a value mapping may apply).
VOCABULARY_KEYS = tuple(
    c.key for c in COLUMN_BY_KEY.values() if c.kind in ("status", "receiver", "sex", "category")
)

IGNORE = "-"
_TODAY = dt.date(2000, 1, 1)  # the vocabulary parsers do not look at the date


def known_keys() -> list[str]:
    """Every key a mapping may name: the roster's columns, then the information columns."""
    return [*COLUMN_BY_KEY, *INFO_KEYS]


class MappingError(UserError):
    """A mapping that cannot be applied (exit code 2): a catalogue code and its parameters."""


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """What the user said about a file's columns. ``columns``: header as written → key (or
    :data:`IGNORE`); ``values``: key → {word as written → canonical word}; ``strict``: a header
    named here that the file does not have is refused (else reported once)."""

    columns: tuple[tuple[str, str], ...] = ()
    values: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    strict: bool = False
    source: str = "cashless.toml"
    communes: tuple[tuple[str, ColumnMapping], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.columns or self.values or self.communes)

    def value_table(self) -> dict[str, dict[str, str]]:
        """key → {folded word → canonical word}."""
        return {key: {fold(w): c for w, c in pairs} for key, pairs in self.values}

    def merged(self, other: ColumnMapping) -> ColumnMapping:
        """This mapping with ``other``'s entries on top (``other`` wins for the same header)."""
        mine = {fold(h): (h, k) for h, k in self.columns}
        mine.update({fold(h): (h, k) for h, k in other.columns})
        values = dict(self.values)
        for key, pairs in other.values:
            values[key] = tuple({**dict(values.get(key, ())), **dict(pairs)}.items())
        return ColumnMapping(
            tuple(mine.values()),
            tuple(values.items()),
            self.strict or other.strict,
            other.source if other.columns or other.values else self.source,
            self.communes,
        )

    def for_file(self, path: Path | None, commune: str | None) -> ColumnMapping:
        """The mapping for one file: the workspace's, with the commune's on top. The commune
        is the one given, else the commune with the longest name the file name contains (none
        when two such names are as long)."""
        if not self.communes:
            return self
        base = replace(self, communes=())
        if commune is not None:
            wanted = fold(commune)
            for name, mapping in self.communes:
                if fold(name) == wanted:
                    return base.merged(mapping)
            return base
        if path is None:
            return base
        stem = fold(path.stem)
        found = [(len(fold(n)), m) for n, m in self.communes if fold(n) and fold(n) in stem]
        longest = max((size for size, _ in found), default=0)
        best = [m for size, m in found if size == longest]  # "Bình Hòa Tây" over "Bình Hòa"
        return base.merged(best[0]) if len(best) == 1 else base


def _check_key(header: str, key: str) -> str:
    key = key.strip()
    if key == IGNORE or key in COLUMN_BY_KEY or key in INFO_KEYS:
        return key
    raise MappingError("mapping-key-unknown", header=header, key=key, known=", ".join(known_keys()))


def _check_values(key: str, pairs: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    if key not in VOCABULARY_KEYS:
        raise MappingError(
            "mapping-values-not-vocabulary",
            header=key,
            key=key,
            known=", ".join(VOCABULARY_KEYS),
        )
    parser = KINDS[COLUMN_BY_KEY[key].kind].parse
    out = []
    for word, target in pairs.items():
        text = clean_text(target) if isinstance(target, str) else None
        try:
            parsed = parser(text, _TODAY).value if text else None
        except Invalid:
            parsed = None
        if parsed is None:
            raise MappingError(
                "mapping-value-unknown", header=key, key=key, value=str(word), target=str(target)
            )
        out.append((str(word), str(text)))
    return tuple(out)


def mapping_from_table(
    table: Mapping[str, Any], source: str, communes: Iterable[tuple[str, Mapping[str, Any]]] = ()
) -> ColumnMapping:
    """A mapping from the ``[mapping]`` table of ``cashless.toml`` (``columns``, ``ignore``,
    ``values``, ``strict``) and the communes' own ``mapping`` tables."""
    columns: list[tuple[str, str]] = []
    raw_columns = table.get("columns", {})
    if not isinstance(raw_columns, Mapping):
        raise MappingError("mapping-malformed", header="columns", source=source)
    for header, key in raw_columns.items():
        if not isinstance(key, str):
            raise MappingError(
                "mapping-key-unknown", header=header, key=str(key), known=", ".join(known_keys())
            )
        columns.append((str(header), _check_key(str(header), key)))
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list):
        raise MappingError("mapping-malformed", header="ignore", source=source)
    columns += [(str(header), IGNORE) for header in ignore]
    values: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    raw_values = table.get("values", {})
    if not isinstance(raw_values, Mapping):
        raise MappingError("mapping-malformed", header="values", source=source)
    for key, pairs in raw_values.items():
        if not isinstance(pairs, Mapping):
            raise MappingError("mapping-malformed", header=f"values.{key}", source=source)
        values.append((str(key), _check_values(str(key), pairs)))
    per_commune = tuple(
        (name, mapping_from_table(sub, f"{source} ({name})")) for name, sub in communes
    )
    return ColumnMapping(
        tuple(columns), tuple(values), bool(table.get("strict", False)), source, per_commune
    )


def mapping_from_options(items: Iterable[str], strict: bool = False) -> ColumnMapping:
    """``--map "HEADER=key"`` (repeatable; ``HEADER=-`` ignores the column)."""
    columns = []
    for item in items:
        header, sep, key = item.rpartition("=")
        header = header.strip()
        if not sep or not header:
            raise MappingError(
                "mapping-option-malformed", header=item, known=", ".join(known_keys())
            )
        columns.append((header, _check_key(header, key)))
    return ColumnMapping(tuple(columns), strict=strict, source="--map")


__all__ = [
    "DOMINANT_INFO",
    "IGNORE",
    "INFO_KEYS",
    "VOCABULARY_KEYS",
    "ColumnMapping",
    "MappingError",
    "known_keys",
    "mapping_from_options",
    "mapping_from_table",
]
