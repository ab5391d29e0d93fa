"""Pure cell normalisers: each takes a raw cell value and returns the clean value and what it
repaired (:class:`Fix`), or raises :class:`Invalid`. No I/O here."""

from cashless_cli.normalise.base import Fix, Invalid, Normalised

__all__ = ["Fix", "Invalid", "Normalised"]
