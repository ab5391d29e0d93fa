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


class OutputError(UserError):
    """An output that cannot be written: a folder that is a file, a read-only place, a file
    another program holds open. Names the path and says what to do."""

    @classmethod
    def from_os_error(cls, path: object, exc: OSError) -> OutputError:
        reason = exc.strerror or type(exc).__name__
        return cls(
            f"Cannot write {path}: {reason}. Close the file if it is open in another program "
            "(Excel), check that the folder exists and can be written, then run the command "
            "again; nothing was changed.",
            f"Không ghi được {path}: {reason}. Hãy đóng tệp nếu đang mở bằng chương trình khác "
            "(Excel), kiểm tra thư mục có tồn tại và được phép ghi, rồi chạy lại lệnh; chưa có "
            "gì bị thay đổi.",
        )


class WorkspaceError(UserError):
    """A workspace that cannot be used; the message says what to do, in both languages."""
