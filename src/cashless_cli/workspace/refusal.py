"""A refusal to use a workspace file, worded by its catalogue entry (message, then hint)."""

from __future__ import annotations

from cashless_cli.errors import WorkspaceError
from cashless_cli.problems import CATALOGUE


def workspace_refusal(code: str, **params: object) -> WorkspaceError:
    """A :class:`WorkspaceError` worded by the catalogue entry ``code``: its message, then its
    hint (what to do), in both languages."""
    entry = CATALOGUE[code]
    return WorkspaceError(
        f"{entry.message('en', params)} {entry.hint('en', params)}",
        f"{entry.message('vi', params)} {entry.hint('vi', params)}",
    )
