"""The base of every error a user can act on: a catalogue code and its parameters, never a
traceback. The words come from the catalogue (:mod:`cashless_cli.problems`) when the error is
shown, in the user's language."""

from __future__ import annotations

import errno
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
        # a system error given as a parameter is worded by its errno, in the reader's language
        self.params = {k: os_reason(v) if _is_system_error(v) else v for k, v in params.items()}
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
    def from_os_error(cls, path: object, exc: BaseException) -> OutputError:
        """``exc``: the OSError (or sqlite3 error) that refused the write."""
        return cls("output-not-written", path=path, error=os_reason(exc))


class WorkspaceError(UserError):
    """A workspace that cannot be used; the message says what to do, in both languages."""


#: Why the system refused, by errno: a text of the catalogue (``os-why.…``), in both languages.
_WHY_BY_ERRNO: dict[int, str] = {
    code: key
    for name, key in (
        ("EACCES", "os-why.access"),
        ("EPERM", "os-why.access"),
        ("ENOSPC", "os-why.disk-full"),
        ("EDQUOT", "os-why.quota"),
        ("EROFS", "os-why.read-only"),
        ("ENOENT", "os-why.not-found"),
        ("EISDIR", "os-why.is-folder"),
        ("ENOTDIR", "os-why.not-folder"),
        ("ENAMETOOLONG", "os-why.name-too-long"),
        ("EBUSY", "os-why.busy"),
        ("ETXTBSY", "os-why.busy"),
    )
    if (code := getattr(errno, name, None)) is not None  # EDQUOT, ETXTBSY: not everywhere
}

#: Windows' own codes, which say more than the errno they map to (both EACCES): 32 the sharing
#: violation and 33 the lock violation, a file another program (Excel) holds open.
_WHY_BY_WINERROR: dict[int, str] = {32: "os-why.open-elsewhere", 33: "os-why.open-elsewhere"}

#: SQLite's messages (a ledger), which carry no errno.
_WHY_BY_SQLITE: dict[str, str] = {
    "file is not a database": "os-why.not-a-database",
    "database disk image is malformed": "os-why.database-malformed",
    "database is locked": "os-why.database-locked",
    "attempt to write a readonly database": "os-why.read-only",
    "database or disk is full": "os-why.disk-full",
    "disk i/o error": "os-why.io",
    "unable to open database file": "os-why.database-unopenable",
}


def _is_system_error(value: object) -> bool:
    return isinstance(value, OSError) or type(value).__module__ == "sqlite3"


def os_reason(exc: BaseException) -> Any:
    """Why the system refused ``exc``'s read or write, worded in the reader's language when the
    message is (a catalogue phrase by Windows error, errno or SQLite message); an error not
    known here keeps the system's own text. The one place a system's reason becomes words."""
    from cashless_cli.problems import Phrase

    key = None
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int):
        key = _WHY_BY_WINERROR.get(winerror)
    number = getattr(exc, "errno", None)
    if key is None and isinstance(exc, OSError) and isinstance(number, int):
        key = _WHY_BY_ERRNO.get(number)
    strerror = exc.strerror if isinstance(exc, OSError) else None
    text = strerror or str(exc)
    if key is None:
        key = _WHY_BY_SQLITE.get(text.strip().lower())
    if key is not None:
        return Phrase(key)
    return text or type(exc).__name__
