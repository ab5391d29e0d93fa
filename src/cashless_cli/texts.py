"""The catalogue's texts: every label, title and sentence of a document or a terminal screen
that is not a finding, in Vietnamese and English.

Findings (problems, held-back reasons, payment notes, errors) are in :mod:`cashless_cli.problems`
with a code each; the texts here are the words around them (a sheet's title, a column of the
Post Office's list, a line of a summary). Keys are dotted, ``where.what``; values are
``str.format`` templates filled when the text is rendered (:func:`cashless_cli.problems.text`).
Column headers of the roster stay with the columns (``schema/row.py``) and domain words with the
domain (``schema/domain.py``, ``normalise/vocab.py``).
"""

from __future__ import annotations

from typing import NamedTuple


class Wording(NamedTuple):
    key: str
    en: str
    vi: str


# fmt: off
_TEXTS: tuple[Wording, ...] = (
    # ---- why a row is skipped (the reason of row-skipped) -------------------------------------
    Wording("row-kind.blank", "blank row", "dòng trống"),
    Wording("row-kind.numbering", "column numbering row", "dòng đánh số thứ tự cột"),
    Wording("row-kind.total", "totals row", "dòng tổng cộng"),
    Wording("row-kind.signature", "signature block", "phần ký tên"),
    # ---- pieces of findings -------------------------------------------------------------------
    Wording("handoff.on-day", ", {day}", ", ngày {day}"),
    # ---- rosters that fit no commune, or several --------------------------------------------
    Wording("matching.files-for",
            "{n} files for {name}: {files}", "{n} tệp cho xã {name}: {files}"),
    Wording("matching.could-be",
            '"{file}" could be any of: {names}', '"{file}" có thể là của: {names}'),
    Wording("matching.no-commune", '"{file}" matches no commune of the workspace',
            '"{file}" không khớp với xã nào trong cashless.toml'),
    # ---- severities (a cell comment, the result sheet, explain) ---------------------------------
    Wording("severity.error", "Error", "Lỗi"),
    Wording("severity.warning", "Warning", "Cảnh báo"),
    Wording("severity.info", "Info", "Thông tin"),
    Wording("severity.fatal", "Unreadable", "Không đọc được"),
    # ---- cashless explain ---------------------------------------------------------------------
    Wording("explain.message", "Message", "Thông báo"),
    Wording("explain.hint", "Fix", "Cách sửa"),
    Wording("explain.example", "Example", "Ví dụ"),
    Wording("explain.list-hint", "cashless explain (lists every code)",
            "cashless explain (liệt kê mọi mã)"),
    # ---- the command line itself --------------------------------------------------------------
    Wording("cli.error", "Error", "Lỗi"),
)
# fmt: on

TEXTS: dict[str, Wording] = {t.key: t for t in _TEXTS}
