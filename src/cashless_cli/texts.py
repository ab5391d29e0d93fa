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

from typing import Literal, NamedTuple


class Wording(NamedTuple):
    key: str
    en: str
    vi: str


# fmt: off
_TEXTS: tuple[Wording, ...] = (
    # ---- why a row is skipped (the reason of row-skipped) ------------------------------------
    Wording("row-kind.blank", "blank row", "dòng trống"),
    Wording("row-kind.numbering", "column numbering row", "dòng đánh số thứ tự cột"),
    Wording("row-kind.total", "totals row", "dòng tổng cộng"),
    Wording("row-kind.signature", "signature block", "phần ký tên"),
    # ---- pieces of findings ------------------------------------------------------------------
    Wording("handoff.on-day", ", {day}", ", ngày {day}"),
    # ---- rosters that fit no commune, or several --------------------------------------------
    Wording("matching.files-for",
            "{n} files for {name}: {files}", "{n} tệp cho xã {name}: {files}"),
    Wording("matching.could-be",
            '"{file}" could be any of: {names}', '"{file}" có thể là của: {names}'),
    Wording("matching.no-commune", '"{file}" matches no commune of the workspace',
            '"{file}" không khớp với xã nào trong cashless.toml'),
    # ---- cashless init -----------------------------------------------------------------------
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
    # ---- terminal ----------------------------------------------------------------------------
    Wording("terminal.sheet", "sheet", "trang"),
    Wording("terminal.header", "header row", "dòng tiêu đề"),
    Wording("terminal.rows", "rows read", "dòng đọc được"),
    Wording("terminal.valid", "valid", "hợp lệ"),
    Wording("terminal.with_errors", "with errors", "có lỗi"),
    Wording("terminal.errors", "errors", "lỗi"),
    Wording("terminal.warnings", "warnings", "cảnh báo"),
    Wording("terminal.skipped", "skipped", "bỏ qua"),
    Wording("terminal.commune", "commune", "xã"),
    Wording("terminal.month", "month", "tháng"),
    Wording("terminal.unknown", "unknown", "không rõ"),
    Wording("terminal.more",
            "… and {n} more not shown (--max-issues)",
            "… và {n} vấn đề khác không hiển thị (--max-issues)"),
    Wording("terminal.group_more",
            "and {n} more cells with this problem",
            "và {n} ô khác có vấn đề này"),
    Wording("terminal.cannot", "cannot be read", "không đọc được"),
    Wording("terminal.total",
            "{files} files: {rows} rows, {valid} valid, {bad} with errors, {warn} warnings; "
            "{unreadable} unreadable",
            "{files} tệp: {rows} dòng, {valid} hợp lệ, {bad} có lỗi, {warn} cảnh báo; "
            "{unreadable} tệp không đọc được"),
    Wording("terminal.info",
            "{n} notes (converted text, extra columns, skipped rows): --format json lists them",
            "{n} ghi chú (chuyển mã chữ, cột ngoài mẫu, dòng bỏ qua): xem bằng --format json"),
    Wording("terminal.cell", "Cell", "Ô"),
    Wording("terminal.value", "Value", "Giá trị"),
    Wording("terminal.message", "Message", "Nội dung"),
    Wording("terminal.blank", "blank", "trống"),
    Wording("terminal.numbering", "numbering", "đánh số cột"),
    Wording("terminal.total_row", "totals", "tổng cộng"),
    Wording("terminal.signature", "signature", "ký tên"),
    # ---- export-payments -----------------------------------------------------------------------
    Wording("export-payments.head",
            "Payments {month}: {accounts} through accounts, {amount} đồng; {cash} still in cash, "
            "{cash_amount} đồng; {check} to check.",
            "Chi trả tháng {month}: {accounts} người qua tài khoản, {amount} đồng; {cash} người "
            "tiền mặt, {cash_amount} đồng; {check} dòng cần kiểm tra."),
    Wording("export-payments.commune", "Commune", "Xã"),
    Wording("export-payments.accounts", "Accounts", "Qua TK"),
    Wording("export-payments.amount", "Amount", "Số tiền"),
    Wording("export-payments.cash", "Cash", "Tiền mặt"),
    Wording("export-payments.check", "Check", "Kiểm tra"),
    Wording("export-payments.note", "Note", "Ghi chú"),
    Wording("export-payments.total", "Total", "Tổng cộng"),
    Wording("export-payments.mismatch",
            "Account numbers that differ (the Post Office's is used; fix the roster):",
            "Số tài khoản khác nhau (dùng số của Bưu điện; xã cần sửa danh sách):"),
    Wording("export-payments.check_title",
            "Not paid from this list — to check:",
            "Chưa chi trả theo danh sách này — cần kiểm tra:"),
    Wording("export-payments.files", "Files:", "Tệp:"),
    Wording("export-payments.more",
            "  … {n} more: see the sheet 'Cần kiểm tra' of the workbook.",
            "  … còn {n} dòng: xem trang 'Cần kiểm tra' trong tệp Excel."),
    Wording("export-payments.enc",
            "The workbook is encrypted; the CSV is not: keep it inside the office.",
            "Tệp Excel đã đặt mật khẩu; tệp CSV thì không: chỉ dùng nội bộ."),
    # ---- export-postoffice ---------------------------------------------------------------------
    Wording("export-postoffice.nothing",
            "Nothing new to hand over for {month}: no batch written.",
            "Không có ai mới để chuyển Bưu điện tháng {month}: không lập đợt mới."),
    Wording("export-postoffice.batch",
            "Batch {batch} ({month}): {rows} handed over, {amount} đồng a month in total; {held} "
            "held back; {already} handed over before.",
            "Đợt {batch} (tháng {month}): chuyển {rows} người, tổng trợ cấp {amount} đồng/tháng; "
            "giữ lại {held} dòng; {already} người đã chuyển ở đợt trước."),
    Wording("export-postoffice.resend", "Resent from batch {old}.", "Gửi lại từ đợt {old}."),
    Wording("export-postoffice.commune", "Commune", "Xã"),
    Wording("export-postoffice.rows", "Handed over", "Chuyển"),
    Wording("export-postoffice.held", "Held back", "Giữ lại"),
    Wording("export-postoffice.already", "Before", "Đã chuyển"),
    Wording("export-postoffice.note", "Note", "Ghi chú"),
    Wording("export-postoffice.held_title",
            "Held back — to be fixed by the commune first:",
            "Dòng giữ lại — xã cần sửa trước khi chuyển:"),
    Wording("export-postoffice.files", "Files:", "Tệp:"),
    Wording("export-postoffice.enc",
            "The workbook is encrypted; the CSV and the held-back list are not: keep them inside "
            "the office.",
            "Tệp Excel đã đặt mật khẩu; tệp CSV và danh sách giữ lại thì không: chỉ dùng nội bộ."),
    Wording("export-postoffice.recovered",
            "Cleaned up after an interrupted export: {n} leftover file(s).",
            "Đã dọn {n} tệp còn sót lại của lần xuất bị gián đoạn."),
    Wording("export-postoffice.stray", "Not used", "Không dùng"),
    # ---- import-postoffice ---------------------------------------------------------------------
    Wording("import-postoffice.where",
            "{file} — sheet '{sheet}', header row {row}",
            "{file} — trang '{sheet}', dòng tiêu đề {row}"),
    Wording("import-postoffice.where_csv",
            "{file} — CSV ({encoding}, '{delimiter}'), header row {row}",
            "{file} — CSV ({encoding}, '{delimiter}'), dòng tiêu đề {row}"),
    Wording("import-postoffice.applied",
            "Recorded {n} answer(s): {opened} account(s) opened, {failed} not opened; {unchanged} "
            "unchanged; {pending} row(s) not answered yet.",
            "Đã ghi {n} kết quả: {opened} tài khoản đã mở, {failed} không mở được; {unchanged} "
            "không đổi; {pending} dòng Bưu điện chưa trả lời."),
    Wording("import-postoffice.forced",
            "{n} earlier answer(s) replaced (--force).",
            "Đã thay {n} kết quả cũ (--force)."),
    Wording("import-postoffice.nothing",
            "This file changes nothing: {unchanged} answer(s) already recorded, {pending} row(s) "
            "not answered yet.",
            "Tệp này không thay đổi gì: {unchanged} kết quả đã có trong sổ theo dõi, {pending} "
            "dòng chưa trả lời."),
    Wording("import-postoffice.errors",
            "{n} error(s): nothing was recorded (a reply is applied whole or not at all).",
            "{n} lỗi: chưa ghi gì (tệp trả lời chỉ được ghi khi không còn lỗi nào)."),
    Wording("import-postoffice.would",
            "Without the errors it would record {n} answer(s): {opened} opened, {failed} not "
            "opened ({unchanged} unchanged).",
            "Nếu hết lỗi sẽ ghi {n} kết quả: {opened} đã mở, {failed} không mở được ({unchanged} "
            "không đổi)."),
    Wording("import-postoffice.unknown",
            "Unknown reference codes (not handed over from this workspace): {refs}",
            "Mã tham chiếu không có trong sổ theo dõi: {refs}"),
    Wording("import-postoffice.kept", "Copy kept: {path}", "Đã lưu bản sao: {path}"),
    Wording("import-postoffice.warnings", "Warnings:", "Cảnh báo:"),
    Wording("import-postoffice.more",
            "  … {n} more (--format json lists every one).",
            "  … còn {n} lỗi nữa (--format json liệt kê đủ)."),
    # ---- severities (a cell comment, the result sheet, explain) ------------------------------
    Wording("severity.error", "Error", "Lỗi"),
    Wording("severity.warning", "Warning", "Cảnh báo"),
    Wording("severity.info", "Info", "Thông tin"),
    Wording("severity.fatal", "Unreadable", "Không đọc được"),
    # ---- cashless explain --------------------------------------------------------------------
    Wording("explain.message", "Message", "Thông báo"),
    Wording("explain.hint", "Fix", "Cách sửa"),
    Wording("explain.example", "Example", "Ví dụ"),
    Wording("explain.list-hint", "cashless explain (lists every code)",
            "cashless explain (liệt kê mọi mã)"),
    # ---- the command line itself -------------------------------------------------------------
    Wording("cli.error", "Error", "Lỗi"),
)
# fmt: on

TEXTS: dict[str, Wording] = {t.key: t for t in _TEXTS}


def words(prefix: str, lang: Literal["vi", "en"]) -> dict[str, str]:
    """Every text under ``prefix.`` in ``lang``, keyed by the rest of its key (templates unfilled:
    the caller fills them with ``str.format``). Light enough for a command module's top level."""
    start = prefix + "."
    return {
        key[len(start) :]: (entry.vi if lang == "vi" else entry.en)
        for key, entry in TEXTS.items()
        if key.startswith(start)
    }
