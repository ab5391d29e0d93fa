"""The base of every error a user can act on: worded in both languages, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix (a workspace, an output path, an option); exit code 2."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi

    def message(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en
