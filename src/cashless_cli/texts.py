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
    # ---- cashless init ------------------------------------------------------------------------
    Wording("init.source-province",
            "{n} communes of {name} from {source}", "{n} xã, phường của {name} theo {source}"),
    Wording("init.source-bundled",
            "{n} communes of {name} from the list bundled with cashless",
            "{n} xã, thị trấn của huyện {name} theo danh sách có sẵn trong cashless"),
    Wording("init.source-no-list",
            "no official list of the communes of {name} district: vietnam-provinces only has the "
            "structure after July 2025, without districts. List them in cashless.toml",
            "chưa có danh sách chính thức các xã của huyện {name}: gói vietnam-provinces chỉ có "
            "đơn vị hành chính sau 7/2025, không còn cấp huyện. Hãy liệt kê các xã trong "
            "cashless.toml"),
    Wording("init.source-template",
            "a template: write the area and its communes in cashless.toml (or run init with "
            "--district or --province)",
            "tệp mẫu: ghi tên đơn vị và các xã trong cashless.toml (hoặc chạy init với --district "
            "hay --province)"),
    Wording("init.created", "Created {config}: {source}.", "Đã tạo {config}: {source}."),
    Wording("init.fill-in",
            "Open cashless.toml and list the area's communes before running summarize.",
            "Hãy mở cashless.toml và ghi tên đơn vị cùng các xã trước khi chạy summarize."),
    Wording("init.next",
            "Put the communes' rosters in {dir}/rosters/YYYY-MM/, then run: cashless summarize "
            "--workspace {dir}",
            "Chép danh sách của các xã vào {dir}/rosters/YYYY-MM/ rồi chạy: cashless summarize "
            "--workspace {dir}"),
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
