"""Why the system refused a file is said in the user's language (the trial: "Không ghi được
reports/2023-06/ty-le.xlsx: Permission denied."): by errno, Windows' sharing violation (a file
open in Excel) and SQLite's messages, in Vietnamese and in English; an error not known keeps the
system's own text."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.cli.common import os_refusal, said
from cashless_cli.errors import OutputError, UserError, os_reason
from cashless_cli.problems import plain_params

runner = CliRunner()
TARGET = "reports/2023-06/ty-le.xlsx"

#: errno -> (Vietnamese, English): what the user reads instead of the system's English.
WORDED = {
    errno.EACCES: ("không có quyền truy cập", "access is denied"),
    errno.EPERM: ("không có quyền truy cập", "access is denied"),
    errno.ENOSPC: ("ổ đĩa đã đầy", "the disk is full"),
    errno.EROFS: ("ổ đĩa hoặc thư mục chỉ cho phép đọc", "the disk or folder is read-only"),
    errno.ENOENT: ("không tìm thấy tệp hoặc thư mục", "no such file or folder"),
    errno.EISDIR: ("đây là một thư mục, không phải tệp", "it is a folder, not a file"),
    errno.ENOTDIR: ("một phần của đường dẫn là tệp", "a part of the path is a file"),
    errno.ENAMETOOLONG: ("tên tệp hoặc đường dẫn quá dài", "the file name or path is too long"),
    errno.EBUSY: (
        "tệp đang được chương trình khác sử dụng",
        "the file is in use by another program",
    ),
    errno.ETXTBSY: (
        "tệp đang được chương trình khác sử dụng",
        "the file is in use by another program",
    ),
}


def _os_error(number: int) -> OSError:
    return OSError(number, os.strerror(number), TARGET)


@pytest.mark.parametrize("number", sorted(WORDED), ids=errno.errorcode.get)
def test_an_output_refused_by_the_system_is_said_in_each_language(number: int) -> None:
    vi, en = WORDED[number]
    refused = OutputError.from_os_error(TARGET, _os_error(number))
    assert refused.message("vi").startswith(f"Không ghi được {TARGET}: {vi}")
    assert os.strerror(number) not in refused.message("vi")
    assert f"Cannot write {TARGET}: {en}" in refused.message("en")


def test_a_file_open_in_excel_on_windows_says_so() -> None:
    # Windows: PermissionError(EACCES) whose winerror 32 is the sharing violation
    exc = PermissionError(
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
        TARGET,
    )
    exc.winerror = 32  # type: ignore[attr-defined]  # what Windows sets; absent elsewhere
    refused = OutputError.from_os_error(TARGET, exc)
    assert refused.message("vi").startswith(
        f"Không ghi được {TARGET}: tệp đang mở trong Excel hoặc chương trình khác: hãy đóng tệp "
        "rồi chạy lại"
    )
    assert "open in Excel or another program" in refused.message("en")
    assert "being used by another process" not in refused.message("vi")


def test_an_errno_not_known_keeps_the_systems_text() -> None:
    exc = OSError(errno.EIO, "Input/output error", TARGET)
    assert (
        OutputError.from_os_error(TARGET, exc)
        .message("vi")
        .startswith(f"Không ghi được {TARGET}: Input/output error.")
    )
    assert os_reason(OSError("something odd")) == "something odd"


def test_sqlite_not_a_database_is_worded() -> None:
    refused = UserError("ledger-unreadable", error=sqlite3.DatabaseError("file is not a database"))
    assert refused.message("vi") == (
        "Không mở được sổ theo dõi: tệp không phải là cơ sở dữ liệu SQLite"
    )
    assert "not an SQLite database" in refused.message("en")
    locked = OutputError.from_os_error("x.sqlite", sqlite3.OperationalError("database is locked"))
    assert "đang được chương trình khác sử dụng" in locked.message("vi")


def test_a_system_error_given_as_a_parameter_is_worded_also_in_json() -> None:
    refused = UserError("annotate-write-failed", out="a.kiem-tra.xlsx", error=_os_error(28))
    assert plain_params(refused.params, "vi")["error"] == "ổ đĩa đã đầy"
    assert plain_params(refused.params, "en")["error"] == "the disk is full"


def test_the_last_line_of_defence_words_the_reason_too() -> None:
    words = said(_os_error(errno.EROFS), "vi")
    assert words is not None
    assert words[0] == f"{TARGET}: ổ đĩa hoặc thư mục chỉ cho phép đọc."
    assert "Read-only" not in os_refusal(_os_error(errno.EROFS)).message("vi")


def test_template_to_a_name_too_long_is_refused_in_vietnamese(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 300 + ".xlsx")
    result = runner.invoke(
        app,
        ["template", "--commune", "Bình Hòa", "--month", "2023-06", "-o", str(target)],
        env={"CASHLESS_LANG": "vi", "COLUMNS": "1000"},
    )
    assert result.exit_code == 2, result.output
    assert "tên tệp hoặc đường dẫn quá dài" in result.output
    assert "File name too long" not in result.output and "Errno" not in result.output


def test_a_ledger_that_is_not_a_database_is_said_in_vietnamese(tmp_path: Path) -> None:
    ws = tmp_path / "bs"
    created = runner.invoke(app, ["init", str(ws), "--district", "Bình Sơn"])
    assert created.exit_code == 0, created.output
    state = ws / ".cashless"
    state.mkdir()
    # the SQLite header, then nothing SQLite can read
    (state / "ledger.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    result = runner.invoke(app, ["ledger", "-w", str(ws)], env={"CASHLESS_LANG": "vi"})
    assert result.exit_code == 2, result.output
    assert "tệp không phải là cơ sở dữ liệu SQLite" in result.output
    assert "file is not a database" not in result.output
