"""Small pieces the terminal renderers share: money as Vietnamese write it, a plain table."""

from __future__ import annotations

from rich.table import Table


def money(n: int) -> str:
    """1.234.567: dots between the thousands."""
    return f"{n:,}".replace(",", ".")


def plain_table() -> Table:
    """A table without borders, its header in bold, flush with the left margin."""
    return Table(show_header=True, header_style="bold", box=None, pad_edge=False)
