"""The base of every error a user can act on: a catalogue code and its parameters, never a
traceback. The words come from the catalogue (:mod:`cashless_cli.problems`) when the error is
shown, in the user's language."""

from __future__ import annotations

from typing import Any

from cashless_cli.i18n import Lang


class UserError(Exception):
    """Something the user can fix (a workspace, an output path, an option); exit code 2.

    ``UserError("workspace-no-config", name=..., root=...)``: ``code`` names a catalogue entry,
    ``params`` fill its templates. The message shown is the entry's message followed by its hint
    (on a line of its own after a message of several lines).
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across worker processes
        return (_rebuild, (type(self), self.code, dict(self.params)))

    def message(self, lang: Lang | str) -> str:
        from cashless_cli.problems import CATALOGUE

        entry = CATALOGUE[self.code]
        language: Lang = "vi" if lang == "vi" else "en"
        text = entry.message(language, self.params)
        hint = entry.hint(language, self.params)
        if not hint:
            return text
        return f"{text}\n{hint}" if "\n" in text else f"{text} {hint}"

    @property
    def en(self) -> str:
        return self.message("en")

    @property
    def vi(self) -> str:
        return self.message("vi")


def _rebuild(cls: type[UserError], code: str, params: dict[str, Any]) -> UserError:
    return cls(code, **params)


class OutputError(UserError):
    """An output that cannot be written: a folder that is a file, a read-only place, a file
    another program holds open. Names the path and says what to do."""

    @classmethod
    def from_os_error(cls, path: object, exc: OSError) -> OutputError:
        return cls("output-not-written", path=path, error=exc.strerror or type(exc).__name__)


class WorkspaceError(UserError):
    """A workspace that cannot be used; the message says what to do, in both languages."""
