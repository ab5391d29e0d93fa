"""The catalogue of problem codes, and the :class:`Problem` value every check produces.

Every problem the tool can report is declared here once, with a stable code, a severity, a title,
a message template and a hint in Vietnamese and English, and a longer description
(``cashless explain CODE``). Problems stay data (code, location, value, parameters) until they are
rendered: the terminal table, the JSON report and the cell comments are three renderings of the
same list.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple

from cashless_cli.i18n import Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask
from cashless_cli.texts import TEXTS, Count
from cashless_cli.texts import words as words


class Severity(StrEnum):
    ERROR = "error"  # the row cannot be used as it is
    WARNING = "warning"  # the row can be used, but somebody should look
    INFO = "info"  # what the tool did or noticed (conversions, skipped rows, extra columns)
    FATAL = "fatal"  # the file itself cannot be read: exit code 2


@dataclass(frozen=True, slots=True)
class ProblemType:
    code: str
    severity: Severity
    title_en: str
    title_vi: str
    message_en: str
    message_vi: str
    hint_en: str
    hint_vi: str
    description: str
    #: The description in Vietnamese (``cashless explain CODE --lang vi``); empty: the English one.
    description_vi: str = ""
    #: Parameters that fill the templates for ``cashless explain`` (an example, synthetic data).
    example: Mapping[str, Any] = field(default_factory=dict)

    def title(self, lang: Lang) -> str:
        return self.title_vi if lang == "vi" else self.title_en

    def describe(self, lang: Lang) -> str:
        return self.description_vi if lang == "vi" and self.description_vi else self.description

    def message(self, lang: Lang, params: Mapping[str, Any]) -> str:
        return _fill(self.message_vi if lang == "vi" else self.message_en, params, lang)

    def hint(self, lang: Lang, params: Mapping[str, Any]) -> str:
        return _fill(self.hint_vi if lang == "vi" else self.hint_en, params, lang)


class Text(NamedTuple):
    """A parameter worded in both languages (e.g. a category's age condition)."""

    en: str
    vi: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parameter that is itself a catalogue text (:mod:`cashless_cli.texts`), with its own
    parameters: filled in the reader's language when the outer template is."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: Lang) -> str:
        return text(self.key, lang, **self.params)


@dataclass(frozen=True, slots=True)
class Joined:
    """A parameter made of several worded parts (phrases, texts, findings), joined by ``sep``."""

    items: tuple[Any, ...]
    sep: str = ", "

    def render(self, lang: Lang) -> str:
        return self.sep.join(str(_resolve(item, "", lang)) for item in self.items)


def text(key: str, lang: Lang, /, **params: Any) -> str:
    """The catalogue text ``key`` (a label, a title, a sentence of a document) in ``lang``."""
    entry = TEXTS[key]
    template = entry.vi if lang == "vi" else entry.en
    return _fill(template, params, lang) if params else template


class _Default(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True, slots=True)
class Entry:
    """A parameter that is itself a catalogue entry: its code and parameters, worded in the
    message's language when the message is filled (e.g. what a refused file really is). ``bare``
    words it by the entry's title, a phrase without its article ("HTML web page")."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    bare: bool = False

    def render(self, lang: Lang) -> str:
        entry = CATALOGUE[self.code]
        return entry.title(lang) if self.bare else entry.message(lang, self.params)


def plain_params(params: Mapping[str, Any], lang: Lang = "en") -> dict[str, Any]:
    """Parameters as JSON holds them: numbers and strings as they are, worded values (texts,
    phrases, quoted findings) in ``lang``, anything else as its text."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        value = _resolve(value, "", lang)
        out[key] = (
            value if value is None or isinstance(value, bool | int | float | str) else str(value)
        )
    return out


#: The parameters that hold a month (or months): "2025-07" in JSON, "7/2025" in a Vietnamese
#: sentence ("tháng 7/2025"); ``{month:iso}`` keeps the ISO form (a folder's name).
_MONTH_KEYS = frozenset({"month", "said", "batch_month", "later", "months"})
_ISO_MONTHS = re.compile(r"\d{4}-(0[1-9]|1[0-2])(, \d{4}-(0[1-9]|1[0-2]))*")


class MonthText(str):
    """A month parameter as the sentence shows it; its format spec ``iso`` gives "2025-07"."""

    iso: str

    def __new__(cls, iso: str, lang: Lang) -> MonthText:
        shown = iso
        if lang == "vi":
            shown = ", ".join(f"{int(m[5:7])}/{m[:4]}" for m in iso.split(", "))
        made = super().__new__(cls, shown)
        made.iso = iso
        return made

    def __format__(self, spec: str) -> str:
        return self.iso if spec == "iso" else super().__format__(spec)


def _resolve(value: Any, key: str, lang: Lang) -> Any:
    if type(value) is str and key not in _MONTH_KEYS:
        return value  # most parameters: a cell's text, a header, a file's name
    if key in _MONTH_KEYS and not isinstance(value, int) and _ISO_MONTHS.fullmatch(str(value)):
        return MonthText(str(value), lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return Count(value)  # "{n} {n:error|errors}": the word agrees with the number
    if isinstance(value, Text):
        return getattr(value, lang)
    if isinstance(value, Phrase | Entry | Joined):
        return value.render(lang)
    if callable(getattr(value, "message", None)):  # a finding quoted inside another
        return value.message(lang)
    return value


@lru_cache(maxsize=8192)
def _fields(template: str) -> tuple[str, ...] | None:
    """The parameter names ``template`` uses, once per template; None where a field is more
    than a name (an index, an attribute, a nested spec): then every parameter is resolved."""
    names: list[str] = []
    for _text, name, spec, _conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or (spec and "{" in spec):
            return None
        names.append(name)
    return tuple(dict.fromkeys(names))


def _fill(template: str, params: Mapping[str, Any], lang: Lang) -> str:
    """``template`` filled with ``params`` worded in ``lang``; only the parameters it uses are
    worded (a hint uses few of a finding's: 40,000 findings are worded for one JSON report)."""
    names = _fields(template)
    if names is None:
        resolved = {key: _resolve(value, key, lang) for key, value in params.items()}
    else:
        resolved = {key: _resolve(params[key], key, lang) for key in names if key in params}
    return template.format_map(_Default(resolved))


E, W, I, F = Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.FATAL

# fmt: off
_CATALOGUE: tuple[ProblemType, ...] = (
    # ---- the file cannot be read (exit code 2) -------------------------------------------------
    ProblemType("file-not-found", F,
        "File not found", "Không tìm thấy tệp",
        "The file does not exist or cannot be opened.", "Không tìm thấy tệp hoặc không mở được tệp.",
        "Check the path and the file name.", "Kiểm tra lại đường dẫn và tên tệp.",
        "The path given on the command line does not name a readable file."),
    ProblemType("file-empty", F,
        "Empty file", "Tệp rỗng",
        "The file is empty (0 bytes).", "Tệp rỗng (0 byte), không có dữ liệu.",
        "Ask the commune to send the file again.", "Đề nghị xã gửi lại tệp.",
        "A zero-byte file usually means an interrupted copy or download."),
    ProblemType("file-not-workbook", F,
        "Not a workbook", "Không phải tệp Excel",
        "This is not an Excel or OpenDocument workbook ({detail}).",
        "Tệp này không phải bảng tính Excel hoặc ODS ({detail}).",
        "Open it in Excel and save it as .xlsx (Excel Workbook).",
        "Mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx (Excel Workbook).",
        "The bytes of the file are not a zip-based workbook (xlsx, xlsm, ods) nor an Excel 97-2003 "
        "(.xls) file."),
    ProblemType("file-disguised", F,
        "Workbook in disguise", "Tệp mang đuôi Excel nhưng không phải Excel",
        "The file is named {suffix} but is really {kind}.",
        "Tệp có đuôi {suffix} nhưng thực chất là {kind}.",
        "Open it in Excel and use File > Save As > Excel Workbook (.xlsx), then send that file.",
        "Mở tệp bằng Excel, chọn Tệp > Lưu thành > Excel Workbook (.xlsx) rồi gửi lại tệp đó.",
        "Web systems often export HTML tables, CSV or SpreadsheetML XML under an .xls name. "
        "Excel opens them with a warning; our reader does not guess their layout."),
    ProblemType("file-truncated", F,
        "Damaged file", "Tệp bị hỏng",
        "The workbook is damaged or incomplete ({detail}).",
        "Tệp bảng tính bị hỏng hoặc không đầy đủ ({detail}).",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "The zip archive or the workbook inside it is cut short or corrupt."),
    ProblemType("file-encrypted", F,
        "Password-protected file", "Tệp có đặt mật khẩu",
        "The workbook is protected with a password.",
        "Tệp bảng tính đang được đặt mật khẩu mở.",
        "Ask the commune to remove the password (File > Info > Protect Workbook) and send it again.",
        "Đề nghị xã gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.",
        "An encrypted workbook cannot be read without its password."),
    ProblemType("file-too-large", F,
        "File too large to open safely", "Tệp quá lớn, không mở an toàn được",
        "The workbook would take {size} to open (limit {limit}).",
        "Tệp cần tới {size} bộ nhớ để mở (giới hạn {limit}).",
        "A roster of a few thousand rows is a few MB; check that the file is the right one.",
        "Danh sách vài nghìn dòng chỉ vài MB; kiểm tra lại đúng tệp chưa.",
        "Decompression bombs inflate to gigabytes; we measure the archive before reading it."),
    ProblemType("sheet-too-large", F,
        "Sheet area too large", "Vùng dữ liệu của trang tính quá lớn",
        "Sheet '{sheet}' claims {rows} rows × {columns} columns, last cell {last_cell}.",
        "Trang tính '{sheet}' có vùng dữ liệu tới {rows} dòng × {columns} cột (ô cuối {last_cell}).",
        "Delete the stray cells far below or to the right of the table (Ctrl+End shows the last "
        "cell), save, and send again.",
        "Xóa các ô thừa nằm xa bên dưới hoặc bên phải bảng (Ctrl+End để tìm ô cuối), lưu lại rồi "
        "gửi lại.",
        "One stray cell at XFD1048576 makes a reader allocate the whole grid."),
    ProblemType("xml-unsafe", F,
        "Unsafe XML in workbook", "Tệp chứa XML không an toàn",
        "The workbook contains XML entity declarations, which we refuse to expand.",
        "Tệp chứa khai báo thực thể XML, chương trình từ chối xử lý.",
        "Open the file in Excel and save it as a new .xlsx.",
        "Mở tệp bằng Excel và lưu thành tệp .xlsx mới.",
        "Entity declarations are the vehicle of 'billion laughs' attacks; no real roster has them."),
    ProblemType("no-sheet", F,
        "No sheet with data", "Không có trang tính nào có dữ liệu",
        "The workbook has no sheet with data.", "Tệp không có trang tính nào có dữ liệu.",
        "Check that the right file was sent.", "Kiểm tra lại đúng tệp chưa.",
        "Every sheet is empty."),
    ProblemType("no-header", F,
        "Roster header not found", "Không tìm thấy dòng tiêu đề của danh sách",
        "No row looks like the roster header. Expected headers such as {expected}. "
        "Closest: sheet '{sheet}' row {row} ({found}).",
        "Không tìm thấy dòng tiêu đề danh sách. Cần có các cột như {expected}. "
        "Gần nhất: trang '{sheet}' dòng {row} ({found}).",
        "Use the template (cashless template) or rename the columns as in the template.",
        "Dùng mẫu danh sách (lệnh cashless template) hoặc đặt lại tên cột theo mẫu.",
        "The header row is found by matching column titles and their usual variants, ignoring "
        "case, diacritics, spaces and line breaks. At least three required columns must match."),
    ProblemType("no-data", F,
        "No data rows", "Danh sách không có dòng dữ liệu",
        "Sheet '{sheet}' has a header on row {row} but no beneficiary below it.",
        "Trang '{sheet}' có dòng tiêu đề ở dòng {row} nhưng không có đối tượng nào bên dưới.",
        "Fill in the roster, or check that the right file was sent.",
        "Nhập danh sách đối tượng, hoặc kiểm tra lại đúng tệp chưa.",
        "A roster lists every beneficiary of the commune; an empty one is not a report."),

    # ---- structure of the sheet -------------------------------------------------------------
    ProblemType("column-missing", E,
        "Required column missing", "Thiếu cột bắt buộc",
        "The roster has no column '{header}'.", "Danh sách thiếu cột '{header}'.",
        "Add the column '{header}' (see the template) and fill it for every row.",
        "Thêm cột '{header}' (xem mẫu) và nhập đủ cho từng dòng.",
        "A column the roster must always have was not found in the header row; every data row "
        "lacks that value."),
    ProblemType("column-duplicate", W,
        "Column appears twice", "Cột bị lặp",
        "'{header}' appears twice; the first one ({first}) is used.",
        "Cột '{header}' xuất hiện hai lần; chương trình dùng cột đầu tiên ({first}).",
        "Delete or rename the second column.", "Xóa hoặc đổi tên cột thứ hai.",
        "Two header cells map to the same field."),
    ProblemType("month-unknown", W,
        "Report month unknown", "Không xác định được tháng báo cáo",
        "The report month is not written in the file nor in its name; month-dependent checks "
        "(base level, registration date) were skipped.",
        "Không xác định được tháng báo cáo (trong tệp và tên tệp đều không ghi); đã bỏ qua các "
        "kiểm tra theo tháng (mức chuẩn, ngày đăng ký).",
        "Add a title row such as 'Tháng 6 năm 2023', or pass --month 2023-06.",
        "Thêm dòng tiêu đề như 'Tháng 6 năm 2023' hoặc dùng tùy chọn --month 2023-06.",
        "The month is read from a title row, else the template's metadata, else the file name."),
    ProblemType("extra-column", I,
        "Extra column kept", "Cột ngoài mẫu",
        "Column '{header}' is not part of the roster; it is kept as is.",
        "Cột '{header}' không thuộc mẫu danh sách; chương trình giữ nguyên, không kiểm tra.",
        "Nothing to do.", "Không cần xử lý.",
        "Columns the schema does not know are carried along and reported once."),
    ProblemType("legacy-text-converted", I,
        "Legacy text converted", "Đã chuyển mã chữ cũ sang Unicode",
        "Text typed in {encoding} was converted to Unicode: '{converted}'.",
        "Chữ gõ bằng bảng mã {encoding} đã được chuyển sang Unicode: '{converted}'.",
        "Check the converted text; type new rows in Unicode (font Times New Roman).",
        "Kiểm tra lại chữ đã chuyển; các dòng mới nên gõ bằng Unicode (phông Times New Roman).",
        "TCVN3 (.Vn fonts) and VNI (VNI- fonts) store Vietnamese as Latin-1 bytes that read as "
        "garbage in Unicode. The cell's font name, or the letters themselves, tell which."),
    ProblemType("sheet-hidden", I,
        "Roster on a hidden sheet", "Danh sách nằm ở trang tính bị ẩn",
        "The roster was read from sheet '{sheet}', which is hidden in Excel.",
        "Danh sách được đọc từ trang '{sheet}', trang này đang bị ẩn trong Excel.",
        "Check that this hidden sheet is the list the commune meant to send.",
        "Kiểm tra lại trang bị ẩn này có đúng là danh sách xã muốn gửi không.",
        "A roster is normally on a visible sheet; a hidden one may be an old copy."),
    ProblemType("row-skipped", I,
        "Row skipped", "Dòng được bỏ qua",
        "Row {row} was skipped: {reason}.", "Dòng {row} được bỏ qua: {reason}.",
        "Nothing to do, unless this row is a beneficiary.",
        "Không cần xử lý, trừ khi dòng này là một đối tượng.",
        "Blank rows, the numbering row under the header, totals and the signature block are not "
        "beneficiaries."),

    # ---- a field's value ------------------------------------------------------------------------
    ProblemType("required-missing", E,
        "Required value missing", "Thiếu thông tin bắt buộc",
        "'{header}' is empty.", "Chưa nhập '{header}'.",
        "Fill in '{header}'.", "Nhập '{header}'.",
        "Name, birth date, sex, village, category, monthly amount and status are required for "
        "every beneficiary."),
    ProblemType("required-when-registered", E,
        "Required once registered", "Thiếu thông tin khi đã đăng ký",
        "'{header}' is needed because the status is '{status}'.",
        "Cần nhập '{header}' vì tình trạng là '{status}'.",
        "Fill in '{header}', or correct the status.", "Nhập '{header}' hoặc sửa lại tình trạng.",
        "A registration (Đã đăng ký or Đã có tài khoản) needs the beneficiary's ID, the receiver, "
        "a phone number and the registration date."),
    ProblemType("required-when-account", E,
        "Required once the account exists", "Thiếu thông tin tài khoản",
        "'{header}' is needed because the status is 'Đã có tài khoản'.",
        "Cần nhập '{header}' vì tình trạng là 'Đã có tài khoản'.",
        "Fill in the account number and where it was opened.",
        "Nhập số tài khoản và nơi mở tài khoản.",
        "Payment through an account needs its number and its bank or Post Office."),
    ProblemType("required-when-proxy", E,
        "Receiver details missing", "Thiếu thông tin người nhận thay",
        "'{header}' is needed because the receiver is '{receiver}'.",
        "Cần nhập '{header}' vì người nhận là '{receiver}'.",
        "Fill in the guardian's or authorised person's name and ID.",
        "Nhập họ tên và số CCCD của người giám hộ hoặc người được ủy quyền.",
        "When a guardian or an authorised person receives the allowance, the account is theirs: "
        "the Post Office needs their name and ID."),
    ProblemType("id-invalid", E,
        "ID number invalid", "Số định danh không hợp lệ",
        "'{value}' is not a 12-digit personal ID ({digits} digits).",
        "'{value}' không phải số định danh cá nhân 12 chữ số (có {digits} chữ số).",
        "Type the 12 digits of the CCCD exactly as on the card.",
        "Nhập đủ 12 chữ số theo thẻ CCCD.",
        "The personal ID (số định danh cá nhân, on the CCCD card) has 12 digits."),
    ProblemType("id-old-cmnd", W,
        "Old 9-digit ID", "Số CMND 9 số cũ",
        "'{value}' is an old 9-digit CMND number, no longer valid after 31/12/2024.",
        "'{value}' là số CMND 9 số cũ, hết giá trị sử dụng từ 01/01/2025.",
        "Replace it with the 12-digit personal ID.", "Thay bằng số định danh cá nhân 12 số.",
        "9-digit CMND cards stopped being valid after 31 December 2024."),
    ProblemType("leading-zero-restored", W,
        "Leading zero restored", "Đã thêm số 0 bị mất ở đầu",
        "The cell held the number {value}; Excel dropped its leading zero. Read as {fixed}.",
        "Ô đang lưu dạng số {value} nên Excel đã làm mất số 0 ở đầu; chương trình đọc là {fixed}.",
        "Format the column as Text and type the number again with its leading zero.",
        "Định dạng cột là Văn bản (Text) rồi nhập lại số, có số 0 ở đầu.",
        "IDs, phones and accounts typed into number cells lose their leading zeros."),
    ProblemType("number-precision-lost", E,
        "Digits destroyed by Excel", "Excel đã làm hỏng các chữ số",
        "The cell holds the number {value}: Excel keeps only 15 digits, the rest are lost.",
        "Ô lưu dạng số {value}: Excel chỉ giữ 15 chữ số, các số sau đã bị mất.",
        "Format the cell as Text and type the full number again from the source document.",
        "Định dạng ô là Văn bản (Text) và nhập lại đầy đủ số theo giấy tờ gốc.",
        "Numbers longer than 15 digits cannot be stored as numbers in Excel."),
    ProblemType("id-province-unknown", E,
        "ID province code unknown", "Mã tỉnh trong số định danh không đúng",
        "The first three digits {prefix} are not a province code.",
        "Ba số đầu {prefix} không phải mã tỉnh, thành phố nào.",
        "Check the ID against the card.", "Đối chiếu lại số định danh với thẻ CCCD.",
        "Digits 1-3 of the 12-digit ID are the province of birth registration."),
    ProblemType("id-sex-mismatch", E,
        "ID does not match sex", "Số định danh không khớp giới tính",
        "Digit 4 of the ID ({digit}) means {id_sex}, but the row says {sex}.",
        "Chữ số thứ 4 của số định danh ({digit}) là {id_sex}, nhưng dòng này ghi {sex}.",
        "Check the ID and the sex against the card.",
        "Đối chiếu số định danh và giới tính với thẻ CCCD.",
        "Digit 4 encodes sex and century: 0/1 male/female born 1900-1999, 2/3 born 2000-2099."),
    ProblemType("id-birth-year-mismatch", E,
        "ID does not match birth year", "Số định danh không khớp năm sinh",
        "The ID says born in {id_year}, the row says {year}.",
        "Số định danh cho biết năm sinh {id_year}, nhưng dòng này ghi {year}.",
        "Check the ID and the birth date against the card.",
        "Đối chiếu số định danh và ngày sinh với thẻ CCCD.",
        "Digit 4 gives the century and digits 5-6 the last two digits of the birth year."),
    ProblemType("id-duplicate", E,
        "Same person listed twice", "Đối tượng bị trùng",
        "ID {value} also appears at {other}.", "Số định danh {value} trùng với dòng ở {other}.",
        "Keep one row per person; remove or correct the other.",
        "Mỗi người chỉ một dòng; xóa hoặc sửa dòng còn lại.",
        "A beneficiary must appear once in a commune and once in the district."),
    ProblemType("phone-invalid", E,
        "Phone number invalid", "Số điện thoại không đúng",
        "'{value}' is not a Vietnamese phone number.",
        "'{value}' không phải số điện thoại Việt Nam hợp lệ.",
        "Type 10 digits starting with 0, e.g. 0912345678.",
        "Nhập 10 chữ số, bắt đầu bằng số 0, ví dụ 0912345678.",
        "Mobile numbers have 10 digits and a current carrier prefix."),
    ProblemType("phone-old-prefix", W,
        "Old 11-digit phone number", "Số điện thoại 11 số cũ",
        "'{value}' uses an old 11-digit prefix; it is now {fixed}.",
        "'{value}' là số 11 số cũ; số mới là {fixed}.",
        "Replace it with the new 10-digit number.", "Thay bằng số mới 10 chữ số.",
        "In 2018 the 11-digit mobile prefixes moved to 10 digits (e.g. 0162 → 032)."),
    ProblemType("phone-landline", W,
        "Landline number", "Số điện thoại cố định",
        "{value} is a landline; the Post Office needs a mobile number to send codes.",
        "{value} là số máy bàn; Bưu điện cần số di động để nhắn mã xác thực.",
        "Add the mobile number of the beneficiary or the receiver.",
        "Bổ sung số di động của đối tượng hoặc người nhận.",
        "Accounts are opened and confirmed by SMS."),
    ProblemType("date-invalid", E,
        "Date not understood", "Ngày tháng không đúng",
        "'{value}' is not a date (write dd/mm/yyyy).",
        "'{value}' không phải ngày tháng hợp lệ (ghi theo dạng ngày/tháng/năm).",
        "Type the date as dd/mm/yyyy, e.g. 05/06/1950, or just the year for a birth date.",
        "Nhập theo dạng ngày/tháng/năm, ví dụ 05/06/1950; ngày sinh có thể chỉ ghi năm.",
        "Dates are read day first, never month first. A bare year is accepted for birth dates."),
    ProblemType("date-in-future", E,
        "Date in the future", "Ngày ở tương lai",
        "{when} is after today.", "{when} sau ngày hôm nay.",
        "Correct the date.", "Sửa lại ngày.",
        "Birth, issue and registration dates cannot be in the future."),
    ProblemType("registration-after-month", E,
        "Registered after the report month", "Ngày đăng ký sau tháng báo cáo",
        "Registered on {date}, after the report month {month}.",
        "Ngày đăng ký {date} sau tháng báo cáo {month}.",
        "Correct the date, or report this person next month.",
        "Sửa lại ngày, hoặc đưa người này vào báo cáo tháng sau.",
        "A monthly report counts registrations made up to the end of its month."),
    ProblemType("sex-invalid", E,
        "Sex not understood", "Giới tính không đúng",
        "'{value}' is neither Nam nor Nữ.", "'{value}' không phải Nam hoặc Nữ.",
        "Write Nam or Nữ.", "Ghi Nam hoặc Nữ.",
        "Sex is Nam or Nữ (or the date written under the Nam/Nữ column)."),
    ProblemType("birth-date-both-columns", E,
        "Birth date in both Nam and Nữ", "Ngày sinh ghi ở cả cột Nam và Nữ",
        "The birth date is written under both Nam and Nữ.",
        "Ngày sinh được ghi ở cả cột Nam và cột Nữ.",
        "Keep the date only in the column of the person's sex.",
        "Chỉ ghi ngày sinh ở cột đúng giới tính của đối tượng.",
        "In the two-column layout the column that holds the date gives the sex."),
    ProblemType("category-unknown", E,
        "Category not understood", "Diện đối tượng không đúng",
        "'{value}' is not a category of Decree 20/2021/NĐ-CP.",
        "'{value}' không phải diện đối tượng theo Nghị định 20/2021/NĐ-CP.",
        "Write the code (1, 2, 3, 4, 5a-5d, 6a, 6b, 7, 8) as in the template's list.",
        "Ghi mã diện (1, 2, 3, 4, 5a-5d, 6a, 6b, 7, 8) theo danh sách trong mẫu.",
        "Categories follow Decree 20/2021/NĐ-CP, Article 5; 6a/6b split clause 6 by severity."),
    ProblemType("category-age-mismatch", E,
        "Age does not fit the category", "Tuổi không phù hợp với diện",
        "Category {category} is for {condition}, but the person is {age} in {month}.",
        "Diện {category} dành cho {condition}, nhưng đối tượng {age} tuổi vào tháng {month}.",
        "Check the birth date and the category.", "Kiểm tra lại ngày sinh và diện đối tượng.",
        "Each category has an age range (children under 16, elderly from 60, ...)."),
    ProblemType("coefficient-mismatch", W,
        "Coefficient differs from the category's", "Hệ số không đúng với diện",
        "Coefficient {value} differs from {expected} for category {category}.",
        "Hệ số {value} khác với hệ số {expected} của diện {category}.",
        "Check the coefficient against Decree 20/2021/NĐ-CP, Article 6.",
        "Đối chiếu hệ số với Điều 6 Nghị định 20/2021/NĐ-CP.",
        "Coefficients depend on the category and, for some, on age."),
    ProblemType("amount-invalid", E,
        "Amount not understood", "Mức trợ cấp không đúng",
        "'{value}' is not an amount in đồng.", "'{value}' không phải số tiền (đồng).",
        "Type the monthly amount in đồng, digits only, e.g. 540000.",
        "Nhập mức trợ cấp hằng tháng bằng số (đồng), ví dụ 540000.",
        "The monthly amount is a positive whole number of đồng."),
    ProblemType("amount-mismatch", W,
        "Amount differs from base level × coefficient", "Mức trợ cấp khác mức chuẩn × hệ số",
        "{value} đồng differs from {expected} đồng ({base} × {coefficient}).",
        "{value} đồng khác với {expected} đồng ({base} × {coefficient}).",
        "Check the amount, the coefficient and the base level in force.",
        "Kiểm tra lại mức trợ cấp, hệ số và mức chuẩn đang áp dụng.",
        "Monthly allowance = base level (360,000 đồng before 1 July 2024, 500,000 from then) × "
        "coefficient. A province may set a higher base level (cashless.toml)."),
    ProblemType("status-invalid", E,
        "Status not understood", "Tình trạng đăng ký không đúng",
        "'{value}' is not a registration status.", "'{value}' không phải tình trạng đăng ký.",
        "Write one of: Chưa đăng ký, Đã đăng ký, Đã có tài khoản, Từ chối.",
        "Ghi một trong: Chưa đăng ký, Đã đăng ký, Đã có tài khoản, Từ chối.",
        "The status says where the beneficiary stands on cashless payment."),
    ProblemType("receiver-invalid", E,
        "Receiver not understood", "Người nhận không đúng",
        "'{value}' is not a kind of receiver.", "'{value}' không phải loại người nhận.",
        "Write one of: Bản thân, Người giám hộ, Người được ủy quyền.",
        "Ghi một trong: Bản thân, Người giám hộ, Người được ủy quyền.",
        "The receiver is the beneficiary, a guardian or an authorised person."),
    ProblemType("account-invalid", E,
        "Account number invalid", "Số tài khoản không đúng",
        "'{value}' is not an account number (6 to 19 digits).",
        "'{value}' không phải số tài khoản (6 đến 19 chữ số).",
        "Type the account number as text, digits only.", "Nhập số tài khoản dạng văn bản, chỉ gồm chữ số.",
        "Account numbers are kept as text, 6 to 19 digits."),
    ProblemType("value-invalid", E,
        "Value not understood", "Giá trị không đúng",
        "'{value}' is not a valid {header}.", "'{value}' không hợp lệ cho cột '{header}'.",
        "Correct the value.", "Sửa lại giá trị.",
        "A catch-all for values of the wrong type."),
    ProblemType("text-too-long", E,
        "Text too long", "Nội dung quá dài",
        "'{header}' holds {length} characters (at most {limit}).",
        "Ô '{header}' có {length} ký tự (tối đa {limit}).",
        "Check the cell: text pasted by mistake? Keep only the value that belongs there.",
        "Kiểm tra lại ô: có dán nhầm nội dung không? Chỉ giữ giá trị đúng của ô.",
        "No name, village or note is thousands of characters long; such a cell is a paste "
        "error and would reach the Post Office's files."),
    ProblemType("formula-no-value", E,
        "Formula without a value", "Công thức chưa có kết quả",
        "The cell holds a formula whose result was never saved, so its value is unknown.",
        "Ô chứa công thức nhưng kết quả chưa được lưu, nên không biết giá trị.",
        "Open the file in Excel or LibreOffice, let it calculate (F9), save, and send it again; "
        "or type the value itself.",
        "Mở tệp bằng Excel hoặc LibreOffice cho tính lại (F9), lưu rồi gửi lại; hoặc nhập thẳng giá trị.",
        "Tools that do not calculate save formulas without their results; every reader sees an "
        "empty cell there."),
    ProblemType("account-opened-elsewhere", W,
        "Account already opened by the Post Office", "Bưu điện đã mở tài khoản",
        "The Post Office opened account {account} on {date}, but the roster says '{status}'.",
        "Bưu điện đã mở tài khoản {account} ngày {date}, nhưng danh sách vẫn ghi '{status}'.",
        "Update the status to 'Đã có tài khoản' and fill in the account.",
        "Sửa tình trạng thành 'Đã có tài khoản' và nhập số tài khoản.",
        "The Post Office's reply, imported with import-postoffice, is newer than the roster."),
    # ---- the Post Office's reply (import-postoffice) -------------------------------------------
    ProblemType("reply-no-header", F,
        "No reference column in the reply", "Tệp trả lời không có cột mã tham chiếu",
        "No sheet has a header with 'Mã tham chiếu' and an answer column (Số tài khoản, Kết quả, "
        "Lý do...) in its first {rows} rows.",
        "Không trang nào có dòng tiêu đề gồm cột 'Mã tham chiếu' và một cột trả lời (Số tài "
        "khoản, Kết quả, Lý do...) trong {rows} dòng đầu.",
        "Ask the Post Office to answer on the list it received, keeping the 'Mã tham chiếu' column.",
        "Đề nghị Bưu điện trả lời ngay trên danh sách đã nhận, giữ nguyên cột 'Mã tham chiếu'.",
        "Reply rows are matched only by the reference code that export-postoffice gave each row."),
    ProblemType("reply-ref-missing", E,
        "Answer without a reference code", "Dòng trả lời thiếu mã tham chiếu",
        "This row has an answer but no reference code.",
        "Dòng này có kết quả nhưng không có mã tham chiếu.",
        "Copy the row's 'Mã tham chiếu' from the list that was handed over.",
        "Chép lại 'Mã tham chiếu' của dòng này từ danh sách đã chuyển.",
        "Rows are matched only by the reference code; names and IDs are never used to guess."),
    ProblemType("reply-ref-unknown", E,
        "Reference code not handed over", "Mã tham chiếu không có trong sổ theo dõi",
        "Reference {value} was not handed over in any batch of this workspace.",
        "Mã tham chiếu {value} không thuộc đợt nào đã chuyển Bưu điện.",
        "Check the code against the list that was handed over (see: cashless ledger).",
        "Đối chiếu mã với danh sách đã chuyển (xem: cashless ledger).",
        "A reference code belongs to one person of one batch; an unknown code is a typing error or "
        "a list from another district."),
    ProblemType("reply-ref-duplicate", E,
        "Reference code answered twice", "Mã tham chiếu bị lặp",
        "Reference {value} is answered again (first at {first}).",
        "Mã tham chiếu {value} được trả lời lần nữa (lần đầu ở ô {first}).",
        "Keep one answer per reference code.", "Mỗi mã tham chiếu chỉ trả lời một lần.",
        "Two answers for one person cannot both be right; the file is not applied until one is "
        "removed."),
    ProblemType("reply-result-invalid", E,
        "Result not understood", "Kết quả không rõ",
        "'{value}' is not a result: write 'Đã mở' or 'Không mở được'.",
        "'{value}' không phải kết quả: ghi 'Đã mở' hoặc 'Không mở được'.",
        "Write 'Đã mở' (opened) or 'Không mở được' (could not open) with the reason.",
        "Ghi 'Đã mở' hoặc 'Không mở được' kèm lý do.",
        "Accepted results: Đã mở, Thành công, Đã mở tài khoản, Opened (opened); Không mở được, "
        "Thất bại, Không thành công, Failed (failed). A blank result is read from the row: an "
        "account number means opened, a reason means failed."),
    ProblemType("reply-account-missing", E,
        "Opened, but no account number", "Đã mở nhưng thiếu số tài khoản",
        "The row says the account was opened but gives no account number.",
        "Dòng ghi đã mở tài khoản nhưng không có số tài khoản.",
        "Fill in the account number (as text) or change the result.",
        "Nhập số tài khoản (dạng văn bản) hoặc sửa lại kết quả.",
        "Payments through accounts need the account number."),
    ProblemType("reply-account-invalid", E,
        "Account number invalid", "Số tài khoản không đúng",
        "'{value}' is not an account number (6 to 19 digits).",
        "'{value}' không phải số tài khoản (6 đến 19 chữ số).",
        "Type the account number as text, digits only.",
        "Nhập số tài khoản dạng văn bản, chỉ gồm chữ số.",
        "Account numbers are kept as text, 6 to 19 digits."),
    ProblemType("reply-account-corrupted", E,
        "Account number already damaged by Excel", "Số tài khoản đã bị Excel làm sai",
        "The account number is stored as a number of more than 15 digits ({value}): Excel has "
        "already replaced its last digits.",
        "Số tài khoản được lưu dạng số, dài quá 15 chữ số ({value}): Excel đã làm sai các chữ số "
        "cuối.",
        "Format the column as Text, type the account number again, and send the file again.",
        "Định dạng cột là Văn bản (Text), nhập lại số tài khoản rồi gửi lại tệp.",
        "Excel keeps 15 significant digits of a number; longer account numbers must be text."),
    ProblemType("reply-account-number-cell", W,
        "Account number stored as a number", "Số tài khoản lưu dạng số",
        "The account number is stored as a number; a leading zero would have been lost.",
        "Số tài khoản đang lưu dạng số; nếu có số 0 ở đầu thì đã bị mất.",
        "Check the number with the Post Office; keep account numbers as text.",
        "Đối chiếu với Bưu điện; nên lưu số tài khoản dạng văn bản.",
        "A number cell cannot hold leading zeros."),
    ProblemType("reply-failed-with-account", E,
        "Not opened, but an account number", "Không mở được nhưng có số tài khoản",
        "The row says the account could not be opened but gives account number {value}.",
        "Dòng ghi không mở được tài khoản nhưng lại có số tài khoản {value}.",
        "Correct the result or remove the account number.",
        "Sửa lại kết quả hoặc xóa số tài khoản.",
        "An answer must be either an opened account or a failure with its reason."),
    ProblemType("reply-date-missing", E,
        "Opening date missing", "Thiếu ngày mở tài khoản",
        "The row says the account was opened but gives no opening date.",
        "Dòng ghi đã mở tài khoản nhưng không có ngày mở.",
        "Fill in the opening date, dd/mm/yyyy.", "Nhập ngày mở tài khoản, dạng ngày/tháng/năm.",
        "The opening date is checked against the batch and kept in the ledger."),
    ProblemType("reply-date-invalid", E,
        "Opening date not understood", "Ngày mở không đúng",
        "'{value}' is not a date (dd/mm/yyyy).", "'{value}' không phải ngày (ngày/tháng/năm).",
        "Type the date as dd/mm/yyyy, e.g. 05/07/2023.",
        "Nhập ngày dạng ngày/tháng/năm, ví dụ 05/07/2023.",
        "Dates are read day first; a date typed as text is accepted when it is a real date."),
    ProblemType("reply-date-future", E,
        "Opening date in the future", "Ngày mở ở tương lai",
        "The opening date {date} is after today.", "Ngày mở {date} sau ngày hôm nay.",
        "Check the opening date.", "Kiểm tra lại ngày mở tài khoản.",
        "An account cannot have been opened after the day the reply is imported."),
    ProblemType("reply-date-before-batch", E,
        "Opened before it was asked", "Ngày mở trước ngày chuyển danh sách",
        "The opening date {date} is before batch {batch} was handed over ({handed}).",
        "Ngày mở {date} trước ngày chuyển đợt {batch} ({handed}).",
        "Check the date (day and month may be swapped) or the reference code.",
        "Kiểm tra lại ngày (có thể nhầm ngày với tháng) hoặc mã tham chiếu.",
        "The Post Office opens accounts from the list it received, so not before the batch."),
    ProblemType("reply-reason-missing", W,
        "Failure without a reason", "Không mở được nhưng không ghi lý do",
        "The account could not be opened, and no reason is given.",
        "Không mở được tài khoản nhưng không ghi lý do.",
        "Ask the Post Office why, so that the commune knows what to fix.",
        "Hỏi Bưu điện lý do để xã biết cần sửa gì.",
        "The reason goes to the commune in the next handoff's list of rows to fix."),
    ProblemType("reply-already-reconciled", E,
        "Already answered differently", "Đã có kết quả khác",
        "Reference {ref} was already answered ({previous}, imported {received}); this file says "
        "{now}.",
        "Mã {ref} đã có kết quả ({previous}, nhập ngày {received}); tệp này ghi {now}.",
        "If this file is the correction, import it again with --force.",
        "Nếu tệp này là bản sửa, nhập lại với tùy chọn --force.",
        "A reconciled row changes only with --force, so that an old reply cannot overwrite a newer "
        "one by mistake. A failed row handed over again in a later batch takes the new answer "
        "without --force."),
    # ---- guards: what a refused file is, and how it is damaged ({kind} and {detail} of
    # file-disguised, file-not-workbook and file-truncated; the title is the bare phrase) ----
    ProblemType("kind-html", I,
        "HTML web page", "trang web HTML",
        "an HTML web page", "một trang web HTML",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-xml", I,
        "XML document", "tài liệu XML",
        "an XML document", "một tài liệu XML",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-csv", I,
        "CSV text", "văn bản CSV",
        "CSV text", "văn bản CSV",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-text", I,
        "plain text", "văn bản thường",
        "plain text", "văn bản thường",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-spreadsheetml", I,
        "Excel 2003 XML (SpreadsheetML)", "tệp XML của Excel 2003 (SpreadsheetML)",
        "Excel 2003 XML (SpreadsheetML)", "tệp XML của Excel 2003 (SpreadsheetML)",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-pdf", I,
        "PDF document", "tệp PDF",
        "a PDF document", "một tệp PDF",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-png", I,
        "PNG image", "ảnh PNG",
        "a PNG image", "một ảnh PNG",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-jpeg", I,
        "JPEG image", "ảnh JPEG",
        "a JPEG image", "một ảnh JPEG",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-rar", I,
        "RAR archive", "tệp nén RAR",
        "a RAR archive", "một tệp nén RAR",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-7z", I,
        "7-Zip archive", "tệp nén 7-Zip",
        "a 7-Zip archive", "một tệp nén 7-Zip",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-gzip", I,
        "gzip archive", "tệp nén gzip",
        "a gzip archive", "một tệp nén gzip",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-rtf", I,
        "RTF document", "văn bản RTF",
        "an RTF document", "một văn bản RTF",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-empty-zip", I,
        "Empty zip archive", "tệp nén zip rỗng",
        "an empty zip archive", "một tệp nén zip rỗng",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-office-other", I,
        "Office file that is not a workbook", "tệp Office không phải bảng tính",
        "an Office file that is not a workbook", "một tệp Office không phải bảng tính",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-word", I,
        "Word document", "văn bản Word",
        "a Word document", "một văn bản Word",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-powerpoint", I,
        "PowerPoint presentation", "bản trình chiếu PowerPoint",
        "a PowerPoint presentation", "một bản trình chiếu PowerPoint",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-docx", I,
        "Word document (.docx)", "văn bản Word (.docx)",
        "a Word document (.docx)", "một văn bản Word (.docx)",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-pptx", I,
        "PowerPoint presentation (.pptx)", "bản trình chiếu PowerPoint (.pptx)",
        "a PowerPoint presentation (.pptx)", "một bản trình chiếu PowerPoint (.pptx)",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-xlsb", I,
        "Excel binary workbook (.xlsb)", "sổ Excel nhị phân (.xlsb)",
        "an Excel binary workbook (.xlsb)", "một sổ Excel nhị phân (.xlsb), hãy lưu lại thành .xlsx",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-odf-other", I,
        "OpenDocument file that is not a spreadsheet", "tệp OpenDocument không phải bảng tính",
        "an OpenDocument file that is not a spreadsheet", "một tệp OpenDocument không phải bảng tính",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-zip-other", I,
        "Zip archive without a workbook", "tệp nén zip không chứa bảng tính",
        "a zip archive without a workbook inside", "một tệp nén zip không chứa bảng tính",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("kind-binary", I,
        "Unrecognised binary content", "nội dung nhị phân không nhận dạng được",
        "unrecognised binary content", "nội dung nhị phân không nhận dạng được",
        "Send the roster as an Excel workbook (.xlsx).",
        "Gửi danh sách dưới dạng bảng tính Excel (.xlsx).",
        "What the file guards found the file to be, by its bytes; part of file-not-workbook or "
        "file-disguised."),
    ProblemType("damage-zip", I,
        "Broken zip archive", "Tệp nén zip bị hỏng",
        "broken zip archive", "tệp nén zip bị hỏng",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "The zip directory of the package cannot be read. Part of file-truncated."),
    ProblemType("damage-ole2", I,
        "Damaged OLE2 file", "Tệp OLE2 bị hỏng",
        "damaged OLE2 compound file", "tệp OLE2 bị hỏng",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "The compound file that holds an Excel 97-2003 workbook is cut or corrupt. Part of file-truncated."),
    ProblemType("damage-sheet-dimensions", I,
        "Damaged sheet dimensions", "Kích thước trang tính bị hỏng",
        "damaged sheet dimensions", "kích thước trang tính bị hỏng",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "An .xls sheet says its first row or column comes after its last one. Part of file-truncated."),
    ProblemType("damage-member-corrupt", I,
        "Corrupt part", "Phần dữ liệu bị hỏng",
        "corrupt data in {member}", "dữ liệu hỏng trong {member}",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "A part of the zip package does not decompress. Part of file-truncated."),
    ProblemType("damage-member-cut", I,
        "Part cut short", "Phần dữ liệu bị cắt cụt",
        "{member} is cut short", "{member} bị cắt cụt",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "A part of the zip package ends before its compressed data does. Part of file-truncated."),
    ProblemType("damage-member-checksum", I,
        "Bad checksum", "Sai mã kiểm tra",
        "bad checksum for {member}", "sai mã kiểm tra của {member}",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "A part of the zip package decompresses to other bytes, or another size, than it declares. Part of file-truncated."),
    ProblemType("damage-member-header", I,
        "Bad part header", "Sai phần đầu",
        "bad header for {member}", "sai phần đầu của {member}",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "The local header of a part of the zip package is missing or damaged. Part of file-truncated."),
    ProblemType("damage-member-compression", I,
        "Unsupported compression", "Kiểu nén không hỗ trợ",
        "unsupported compression in {member}", "kiểu nén không hỗ trợ trong {member}",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "A part of the zip package is compressed otherwise than stored or deflated. Part of file-truncated."),
    ProblemType("damage-xml", I,
        "XML not well-formed", "Sai cấu trúc XML",
        "{member} is not well-formed XML (line {line})", "{member} sai cấu trúc XML (dòng {line})",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "A part that holds cell values is not well-formed XML; a reader would silently drop values. Part of file-truncated."),
    ProblemType("damage-reader-gave-up", I,
        "Reader gave up", "Trình đọc không đọc nổi tệp",
        "the reader gave up", "trình đọc không đọc nổi tệp",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "The workbook reader stopped on damaged content. Part of file-truncated."),
    ProblemType("damage-reader", I,
        "Reader error", "Lỗi của trình đọc",
        "{text}", "{text}",
        "Ask the commune to send the file again; if Excel can open it, save a new copy.",
        "Đề nghị xã gửi lại tệp; nếu Excel mở được thì lưu thành một bản mới.",
        "The workbook reader's own words about the damage, as it gave them (in English). Part of file-truncated."),
    # ---- catalogue: errors a user can fix (exit code 2), held-back reasons, explain ----------
    ProblemType("output-not-written", F,
        "Output cannot be written", "Không ghi được tệp kết quả",
        "Cannot write {path}: {error}.", "Không ghi được {path}: {error}.",
        "Close the file if it is open in another program (Excel), check that the folder exists "
        "and can be written, then run the command again; nothing was changed.",
        "Hãy đóng tệp nếu đang mở bằng chương trình khác (Excel), kiểm tra thư mục có tồn tại và "
        "được phép ghi, rồi chạy lại lệnh; chưa có gì bị thay đổi.",
        "Outputs are written under a temporary name and then put in place, so a failed write "
        "leaves the old files as they were.",
        "Tệp kết quả được ghi dưới tên tạm rồi mới thay vào chỗ, nên khi ghi lỗi thì các tệp cũ "
        "vẫn giữ nguyên.",
        {"path": "reports/2023-06/ty-le.xlsx", "error": "Permission denied"}),
    ProblemType("output-folder-missing", F,
        "Output folder missing", "Thư mục ghi tệp không tồn tại",
        "The folder {folder} does not exist.", "Thư mục {folder} không tồn tại.",
        "", "",
        "The tool does not create the folder of a file you name; create it or choose another.",
        "Chương trình không tự tạo thư mục của tệp do người dùng đặt tên; hãy tạo thư mục hoặc "
        "chọn thư mục khác.",
        {"folder": "ket-qua"}),
    ProblemType("unknown-code", F,
        "Unknown code", "Mã không có",
        "There is no code '{code}'.", "Không có mã '{code}'.",
        "", "",
        "cashless explain without a code lists every code.",
        "Lệnh cashless explain không kèm mã sẽ liệt kê mọi mã.",
        {"code": "no-such-code"}),
    ProblemType("workspace-no-config", F,
        "Not a workspace", "Không phải thư mục làm việc",
        "{folder} is not a workspace: there is no {name} in it (the folder looked in is the "
        "current one, or the one given with -w).",
        "{folder} không phải thư mục làm việc: trong đó không có tệp {name} (chương trình tìm "
        "trong thư mục hiện tại, hoặc thư mục ghi sau -w).",
        "Name the workspace with -w DIR (e.g. -w binh-son), or make this folder one: "
        "cashless init {root}",
        "Chỉ rõ thư mục làm việc bằng -w THƯ_MỤC (ví dụ -w binh-son), hoặc biến thư mục này "
        "thành thư mục làm việc: cashless init {root}",
        "summarize, export-postoffice, import-postoffice, export-payments and ledger work in a "
        "workspace: a folder with cashless.toml, rosters/ and the tool's own records.",
        "Các lệnh summarize, export-postoffice, import-postoffice, export-payments và ledger làm "
        "việc trong một thư mục làm việc: thư mục có tệp cashless.toml, thư mục rosters/ và sổ "
        "theo dõi của chương trình.",
        {"name": "cashless.toml", "root": ".", "folder": "D:\\LDTBXH\\2025"}),
    ProblemType("workspace-toml-invalid", F,
        "Workspace file not valid", "Tệp cấu hình sai định dạng",
        "{path} is not valid TOML: {error}", "Tệp {path} không đúng định dạng TOML: {error}",
        "", "",
        "cashless.toml is a TOML file; the error gives the line and column to correct.",
        "cashless.toml là tệp TOML; thông báo lỗi cho biết dòng và cột cần sửa.",
        {"path": "cashless.toml", "error": "Expected '=' after a key (at line 3, column 6)"}),
    ProblemType("workspace-area-missing", F,
        "Workspace without an area", "Tệp cấu hình thiếu đơn vị",
        "{path}: a [district] or [province] table with a name is needed.",
        "{path}: cần có bảng [district] hoặc [province] với tên đơn vị.",
        "", "",
        "The workspace reports for one district (before July 2025) or one province (after).",
        "Thư mục làm việc báo cáo cho một huyện (trước 7/2025) hoặc một tỉnh (từ 7/2025).",
        {"path": "cashless.toml"}),
    ProblemType("workspace-area-no-name", F,
        "Area without a name", "Đơn vị chưa có tên",
        "{path}: the area has no name.", "{path}: chưa ghi tên đơn vị (name).",
        "", "",
        "The name of the district or province heads every table the tool writes.",
        "Tên huyện hoặc tỉnh được ghi ở đầu mọi bảng chương trình lập.",
        {"path": "cashless.toml"}),
    ProblemType("workspace-commune-no-name", F,
        "Commune without a name", "Xã chưa có tên",
        "{path}: commune #{index} has no name.",
        "{path}: xã thứ {index} trong [[communes]] chưa có tên (name).",
        "", "",
        "Each [[communes]] entry needs a name: rosters are matched to communes by it.",
        "Mỗi mục [[communes]] cần có tên: danh sách được ghép với xã theo tên này.",
        {"path": "cashless.toml", "index": 3}),
    ProblemType("workspace-commune-code-twice", F,
        "Commune code twice", "Mã xã bị lặp",
        "{path}: commune code {code} appears twice.", "{path}: mã xã {code} bị lặp.",
        "", "",
        "A commune's code identifies it in the ledger and the history; it must be unique.",
        "Mã xã dùng để nhận biết xã trong sổ theo dõi và số liệu các tháng; không được trùng.",
        {"path": "cashless.toml", "code": "20740"}),
    ProblemType("workspace-no-communes", F,
        "No communes listed", "Chưa liệt kê xã nào",
        "{path}: no [[communes]] listed.", "{path}: chưa liệt kê xã nào ([[communes]]).",
        "", "",
        "cashless init lists the communes of a known district or province.",
        "Lệnh cashless init tự liệt kê các xã của huyện hoặc tỉnh có trong danh mục.",
        {"path": "cashless.toml"}),
    ProblemType("workspace-base-levels-invalid", F,
        "Base levels not understood", "Mức chuẩn ghi sai",
        '{path}: [rules] base_levels must be a list of {{ from = "YYYY-MM-DD", amount = N }}.',
        '{path}: [rules] base_levels phải là danh sách {{ from = "YYYY-MM-DD", amount = N }}.',
        "", "",
        "A province may set a higher base level from a date; each entry gives the date and the "
        "amount in đồng.",
        "Tỉnh có thể quy định mức chuẩn cao hơn từ một ngày; mỗi mục ghi ngày áp dụng và số tiền "
        "(đồng).",
        {"path": "cashless.toml"}),
    ProblemType("workspace-no-months", F,
        "No month folders", "Chưa có thư mục tháng",
        "No month folders in {folder} (rosters/YYYY-MM/).",
        "Chưa có thư mục tháng nào trong {folder} (rosters/YYYY-MM/).",
        "", "",
        "The communes' rosters of a month go in rosters/YYYY-MM/ of the workspace.",
        "Danh sách của các xã trong một tháng được chép vào thư mục rosters/YYYY-MM/ của thư mục "
        "làm việc.",
        {"folder": "binh-son/rosters"}),
    ProblemType("workspace-month-missing", F,
        "No rosters for the month", "Chưa có danh sách của tháng",
        "No rosters for {month}: {folder} does not exist.",
        "Chưa có danh sách tháng {month}: không có thư mục {folder}.",
        "", "",
        "The month given with --month must have its folder rosters/YYYY-MM/.",
        "Tháng ghi ở --month phải có thư mục rosters/YYYY-MM/ tương ứng.",
        {"month": "2023-06", "folder": "binh-son/rosters/2023-06"}),
    ProblemType("workspace-no-rosters", F,
        "No roster files", "Không có tệp danh sách",
        "No roster files (.xlsx, .xlsm, .xls, .ods) in {folder}.",
        "Không có tệp danh sách nào (.xlsx, .xlsm, .xls, .ods) trong {folder}.",
        "", "",
        "Rosters are Excel or OpenDocument workbooks; other files in the folder are ignored.",
        "Danh sách là tệp Excel hoặc OpenDocument; các tệp khác trong thư mục được bỏ qua.",
        {"folder": "binh-son/rosters/2023-06"}),
    ProblemType("workspace-locked", F,
        "Workspace busy", "Thư mục làm việc đang bận",
        "Another cashless command is writing in this workspace;",
        "Một lệnh cashless khác đang ghi trong thư mục làm việc này;",
        "try again when it has finished.", "hãy chạy lại khi lệnh đó xong.",
        "Commands that write the ledger or the reports take the workspace's lock, so that two of "
        "them never write at once.",
        "Các lệnh ghi sổ theo dõi hoặc báo cáo đều giữ khóa của thư mục làm việc, để hai lệnh "
        "không bao giờ ghi cùng lúc."),
    ProblemType("workspace-province-unknown", F,
        "Province not found", "Không tìm thấy tỉnh",
        "No province named {province!r} in the official list (after July 2025): {names}",
        "Không có tỉnh, thành phố tên {province!r} trong danh mục chính thức (sau 7/2025): "
        "{names}",
        "", "",
        "The provinces and their communes after July 2025 come from the official list of "
        "administrative units.",
        "Các tỉnh và xã từ 7/2025 lấy theo danh mục đơn vị hành chính chính thức.",
        {"province": "Quảng Ngải", "names": "Quảng Ngãi, Quảng Ninh, Quảng Trị"}),
    ProblemType("ledger-unreadable", F,
        "Ledger cannot be opened", "Không mở được sổ theo dõi",
        "The ledger cannot be opened: {error}", "Không mở được sổ theo dõi: {error}",
        "", "",
        "The ledger (.cashless/ledger.sqlite) records every batch, reply and payment list.",
        "Sổ theo dõi (.cashless/ledger.sqlite) ghi lại mọi đợt chuyển, kết quả trả lời và danh "
        "sách chi trả.",
        {"error": "file is not a database"}),
    ProblemType("rosters-unmatched", F,
        "Rosters not matched to communes", "Không ghép được danh sách với xã",
        "Cannot tell which commune each roster is for; nothing was written.\n  {lines}",
        "Không xác định được danh sách thuộc xã nào; chưa ghi tệp nào.\n  {lines}",
        "Keep one file per commune in the month's folder (a new commune: one per old commune, "
        "merged), and write the commune's name in the file's title row (UBND XÃ ...) or in its "
        "file name.",
        "Mỗi xã chỉ để một tệp trong thư mục của tháng (xã mới: mỗi xã cũ một tệp, được gộp "
        "lại); ghi tên xã ở dòng tiêu đề (UBND XÃ ...) hoặc trong tên tệp.",
        "Each roster is given to a commune by what the file says, else by its file name; two "
        "files for one commune, or a file that fits none or several, is never guessed.",
        "Mỗi danh sách được ghép với xã theo nội dung tệp, nếu không có thì theo tên tệp; hai tệp "
        "cho một xã, hoặc tệp không khớp hay khớp nhiều xã, thì không bao giờ đoán.",
        {"lines": Joined((Phrase("matching.no-commune", {"file": "rosters/2023-06/ds.xlsx"}),))}),
    ProblemType("month-no-rosters", F,
        "No rosters for the month", "Chưa có danh sách của tháng",
        "No rosters for {month}: put the communes' files in {folder}.",
        "Chưa có danh sách nào của tháng {month}: chép tệp của các xã vào {folder}.",
        "", "",
        "summarize reads every roster of the month's folder.",
        "Lệnh summarize đọc mọi danh sách trong thư mục của tháng.",
        {"month": "2023-06", "folder": "binh-son/rosters/2023-06"}),
    ProblemType("month-none-readable", F,
        "No roster could be read", "Không đọc được danh sách nào",
        "None of the {n} rosters of {month} could be read (run cashless validate on them).",
        "Không đọc được tệp nào trong {n} danh sách của tháng {month} (chạy cashless validate để "
        "xem lý do).",
        "", "",
        "A rate table of rosters that could not be read would be empty.",
        "Bảng tỷ lệ lập từ các danh sách không đọc được sẽ không có số liệu.",
        {"n": 3, "month": "2023-06"}),
    ProblemType("init-config-exists", F,
        "Workspace already set up", "Thư mục làm việc đã có cấu hình",
        "{config} already exists; use --force to replace it.",
        "{config} đã có; dùng --force để ghi đè.",
        "", "",
        "init never replaces a workspace's cashless.toml without --force.",
        "Lệnh init không bao giờ ghi đè tệp cashless.toml của thư mục làm việc nếu không dùng "
        "--force.",
        {"config": "binh-son/cashless.toml"}),
    ProblemType("validate-no-rosters", F,
        "No roster files", "Không có tệp danh sách",
        "No roster files (.xlsx, .xlsm, .xls, .ods) in the given paths.",
        "Không có tệp danh sách nào (.xlsx, .xlsm, .xls, .ods) trong đường dẫn đã cho.",
        "", "",
        "validate reads the workbooks named, and those in the folders named.",
        "Lệnh validate đọc các tệp được ghi trong lệnh và các tệp trong thư mục được ghi."),
    ProblemType("option-annotate-both", F,
        "Two annotate options", "Dùng cả hai tùy chọn đánh dấu",
        "Use either --annotate or --annotate-dir, not both.",
        "Chỉ dùng một trong hai: --annotate hoặc --annotate-dir.",
        "", "",
        "--annotate names the copy of one roster; --annotate-dir a folder for the copies of "
        "several.",
        "--annotate ghi tên bản đánh dấu của một danh sách; --annotate-dir ghi thư mục chứa bản "
        "đánh dấu của nhiều danh sách."),
    ProblemType("option-annotate-several", F,
        "One copy, several rosters", "Một bản đánh dấu cho nhiều danh sách",
        "--annotate writes the copy of one roster, but {n} roster files are given.",
        "--annotate chỉ ghi bản đánh dấu của một danh sách, nhưng có {n} tệp danh sách.",
        "Use --annotate-dir DIR to annotate several files.",
        "Dùng --annotate-dir THƯ_MỤC để đánh dấu nhiều tệp.",
        "--annotate names the copy of one roster.",
        "--annotate ghi tên bản đánh dấu của một danh sách.",
        {"n": 3}),
    ProblemType("option-annotate-dir-not-folder", F,
        "Not a folder", "Không phải thư mục",
        "{folder} is not a folder.", "{folder} không phải là thư mục.",
        "", "",
        "--annotate-dir names the folder where the annotated copies go.",
        "--annotate-dir ghi thư mục chứa các bản đánh dấu.",
        {"folder": "ket-qua.xlsx"}),
    ProblemType("option-annotate-dir-inside", F,
        "Copies among the rosters", "Bản đánh dấu nằm lẫn với danh sách",
        "{folder} is inside the rosters folder {rosters}: the next check would read the annotated "
        "copies as rosters.",
        "Thư mục {folder} nằm trong thư mục danh sách {rosters}: lần kiểm tra sau sẽ đọc nhầm các "
        "bản đánh dấu là danh sách.",
        "Choose another folder.", "Chọn một thư mục khác.",
        "Annotated copies are workbooks too; kept apart, they are never read as rosters.",
        "Bản đánh dấu cũng là tệp Excel; để riêng thì không bao giờ bị đọc nhầm là danh sách.",
        {"folder": "rosters/2023-06/kiem-tra", "rosters": "rosters/2023-06"}),
    ProblemType("annotate-dir-not-created", F,
        "Folder cannot be created", "Không tạo được thư mục",
        "Cannot create the folder {folder}: {error}.",
        "Không tạo được thư mục {folder}: {error}.",
        "", "",
        "--annotate-dir creates its folder when it does not exist.",
        "--annotate-dir tự tạo thư mục nếu chưa có.",
        {"folder": "kiem-tra", "error": "Permission denied"}),
    ProblemType("payment-row-errors", W,
        "Roster row with errors", "Dòng có lỗi trong danh sách xã",
        "the roster row has errors ({codes}): see cashless validate",
        "dòng có lỗi trong danh sách xã ({codes}): xem cashless validate",
        "", "",
        "A row with errors is still paid as the roster says, with this note, so that the commune "
        "corrects it.",
        "Dòng có lỗi vẫn được chi trả theo danh sách, kèm ghi chú này để xã sửa lại.",
        {"codes": "phone-invalid, id-invalid"}),
    ProblemType("payment-account-unusable", W,
        "No usable account number", "Thiếu số tài khoản hợp lệ",
        "'Đã có tài khoản' but no usable account number: paid in cash",
        "ghi 'Đã có tài khoản' nhưng thiếu số tài khoản hợp lệ: chi tiền mặt",
        "", "",
        "Money goes to an account only when its number is known; otherwise the person stays on "
        "the cash list.",
        "Chỉ chuyển tiền vào tài khoản khi biết số tài khoản; nếu không, người đó vẫn ở danh "
        "sách tiền mặt."),
    ProblemType("payment-opened-status-stale", W,
        "Opened, roster not updated", "Đã mở, danh sách chưa cập nhật",
        "opened by the Post Office on {day} ({ref}); the roster still says '{status}'",
        "Bưu điện đã mở ngày {day} (mã {ref}); danh sách xã vẫn ghi '{status}'",
        "", "",
        "The Post Office's reply (import-postoffice) gives the account; the roster should say "
        "'Đã có tài khoản'.",
        "Kết quả trả lời của Bưu điện (import-postoffice) cho biết số tài khoản; danh sách xã cần "
        "ghi 'Đã có tài khoản'.",
        {"day": "05/07/2023", "ref": "BS-2306-0000001", "status": "Đã đăng ký"}),
    ProblemType("payment-account-differs", W,
        "Account numbers differ", "Số tài khoản khác nhau",
        "the roster says account {roster}; the Post Office opened {opened} on {day} ({ref}): the "
        "Post Office's is used",
        "danh sách xã ghi số tài khoản {roster}; Bưu điện đã mở {opened} ngày {day} (mã {ref}): "
        "dùng số của Bưu điện",
        "", "",
        "The account the Post Office opened is the one money can reach; the commune corrects its "
        "roster.",
        "Tài khoản Bưu điện đã mở là tài khoản nhận được tiền; xã cần sửa lại danh sách.",
        {"roster": "123456789000", "opened": "123456789012", "day": "05/07/2023",
         "ref": "BS-2306-0000001"}),
    ProblemType("payment-no-amount", E,
        "No usable amount", "Chưa có mức trợ cấp hợp lệ",
        "no usable monthly amount", "chưa có mức trợ cấp hợp lệ",
        "", "",
        "A row without a usable monthly amount is not paid from the list: it goes to the rows to "
        "check.",
        "Dòng chưa có mức trợ cấp hợp lệ không được chi theo danh sách: chuyển sang các dòng cần "
        "kiểm tra."),
    ProblemType("payment-id-twice", E,
        "Listed twice", "Có ở hai nơi",
        "the same ID is also listed at {others}: never paid twice",
        "cùng số định danh còn có ở {others}: không chi trả hai lần",
        "", "",
        "Every row with that ID is held for checking, so that nobody is paid twice.",
        "Mọi dòng có số định danh đó đều được giữ lại để kiểm tra, để không ai được chi trả hai "
        "lần.",
        {"others": "Bình Minh (binh-minh-T6.xlsx, 12)"}),
    ProblemType("id-in-several-communes", W,
        "ID listed by several communes", "Số định danh có ở nhiều xã",
        "ID {id} is listed in more than one commune: {where}",
        "Số định danh {id} có trong danh sách của nhiều xã: {where}",
        "", "",
        "summarize lists every personal ID found in the rosters of two communes or more; the "
        "district decides where the person belongs.",
        "Lệnh summarize liệt kê mọi số định danh có trong danh sách của hai xã trở lên; huyện "
        "quyết định người đó thuộc xã nào.",
        {"id": "038195001234", "where": "Bình Hòa (binh-hoa-T6.xlsx, ô D12); Bình Minh "
         "(binh-minh-T6.xlsx, ô D8)"}),
    ProblemType("ledger-missing", F,
        "Nothing handed over yet", "Chưa chuyển đợt nào",
        "No batch has been handed to the Post Office in {root} yet (no ledger): there is nothing "
        "to reconcile.",
        "Chưa chuyển đợt nào cho Bưu điện trong {root} (chưa có sổ theo dõi): không có gì để đối "
        "chiếu.",
        "", "",
        "import-postoffice reads the Post Office's answer to a batch that export-postoffice "
        "handed over.",
        "Lệnh import-postoffice đọc kết quả trả lời của Bưu điện cho một đợt đã chuyển bằng "
        "export-postoffice.",
        {"root": "binh-son"}),
    ProblemType("handoff-orphan-files", F,
        "Handoff files the ledger does not know", "Tệp chuyển giao không có trong sổ theo dõi",
        "{folder} holds files of batch {batch} ({names}) that the ledger {ledger} does not know "
        "and did not write.",
        "Thư mục {folder} có tệp của đợt {batch} ({names}) mà sổ theo dõi {ledger} không ghi "
        "nhận.",
        "If the ledger was lost or replaced, restore it; otherwise move these files out of the "
        "handoff folder.",
        "Nếu sổ theo dõi bị mất hoặc bị thay, hãy khôi phục lại; nếu không, chuyển các tệp này "
        "ra khỏi thư mục handoff.",
        "A batch's files are written only after the ledger records it; files of a batch the "
        "ledger does not know come from another ledger.",
        "Tệp của một đợt chỉ được ghi sau khi sổ theo dõi đã ghi nhận đợt đó; tệp của đợt mà sổ "
        "không biết là của một sổ theo dõi khác.",
        {"folder": "handoff/2023-06", "batch": "2023-06-01",
         "names": "2023-06-01.buu-dien.xlsx", "ledger": ".cashless/ledger.sqlite"}),
    ProblemType("batch-unknown", F,
        "No such batch", "Không có đợt này",
        "There is no batch {batch} in the ledger (see: cashless ledger).",
        "Không có đợt {batch} trong sổ theo dõi (xem: cashless ledger).",
        "", "",
        "--resend names a batch handed over earlier; cashless ledger lists them.",
        "--resend ghi mã một đợt đã chuyển trước đây; lệnh cashless ledger liệt kê các đợt.",
        {"batch": "2023-06-01"}),
    ProblemType("batch-other-month", F,
        "Batch of another month", "Đợt của tháng khác",
        "Batch {batch} is of {batch_month}, not {month}.",
        "Đợt {batch} là của tháng {batch_month}, không phải {month}.",
        "", "",
        "A batch is sent again for its own month; leave out --month.",
        "Một đợt được gửi lại cho đúng tháng của nó; bỏ tùy chọn --month.",
        {"batch": "2023-06-01", "batch_month": "2023-06", "month": "2023-07"}),
    ProblemType("handoff-older-month", F,
        "An older month than one already handed over", "Tháng cũ hơn tháng đã chuyển",
        "{month} is older than {later}, already handed to the Post Office (batch {batch}): its "
        "list is out of date and would open second accounts.",
        "Tháng {month} cũ hơn tháng {later} đã chuyển cho Bưu điện (đợt {batch}): danh sách "
        "tháng này đã cũ, chuyển đi sẽ mở tài khoản lần thứ hai.",
        "Hand over the latest month's list (people registered earlier are in it), or resend a "
        "batch with --resend.",
        "Hãy chuyển danh sách của tháng mới nhất (những người đăng ký trước đó đã có trong đó), "
        "hoặc gửi lại một đợt bằng --resend.",
        "Once a month has been handed over, an earlier month's roster is out of date: people "
        "registered then were in the later list, or have had an account opened since.",
        "Khi đã chuyển một tháng, danh sách của tháng trước đó đã cũ: người đăng ký khi ấy đã có "
        "trong danh sách sau, hoặc đã được mở tài khoản.",
        {"month": "2023-05", "later": "2023-06", "batch": "BS-2023-06-01"}),
    ProblemType("template-commune-empty", F,
        "No commune given", "Chưa ghi tên xã",
        "--commune must not be empty.", "--commune không được để trống.",
        "", "",
        "The template carries the commune's name in its title.",
        "Mẫu danh sách ghi tên xã ở dòng tiêu đề."),
    ProblemType("template-commune-unknown", F,
        "Not a commune of the workspace", "Không phải xã của thư mục làm việc",
        "'{name}' is not a commune of this workspace. Communes: {known}.",
        "'{name}' không phải là xã của thư mục làm việc này. Các xã: {known}.",
        "", "",
        "Inside a workspace the template is made for one of its communes, named as in "
        "cashless.toml.",
        "Trong thư mục làm việc, mẫu được lập cho một xã có trong cashless.toml, ghi đúng tên.",
        {"name": "Binh Hoa", "known": "Bình Hòa, Bình Minh"}),
    ProblemType("template-commune-ambiguous", F,
        "Commune name ambiguous", "Tên xã chưa rõ",
        "'{name}' could be {names}: write the name with its diacritics.",
        "'{name}' có thể là {names}: ghi tên xã có dấu.",
        "", "",
        "Names without diacritics can fit two communes (Bình Hòa, Bình Hoà...).",
        "Tên không dấu có thể trùng với hai xã (Bình Hòa, Bình Hoa...).",
        {"name": "Binh Hoa", "names": "Bình Hòa, Bình Hoa"}),
    ProblemType("template-not-xlsx", F,
        "Template must be .xlsx", "Tệp mẫu phải là .xlsx",
        "The template is an .xlsx file: {name} has another extension.",
        "Tệp mẫu phải có đuôi .xlsx: {name} có đuôi khác.",
        "", "",
        "The template is an Excel workbook (.xlsx) that opens in Excel and LibreOffice.",
        "Mẫu danh sách là tệp Excel (.xlsx), mở được bằng Excel và LibreOffice.",
        {"name": "mau.xls"}),
    ProblemType("template-exists", F,
        "Template already exists", "Tệp mẫu đã có",
        "{path} already exists.", "Tệp {path} đã có.",
        "Use --force to overwrite it, or -o for another name.",
        "Dùng --force để ghi đè, hoặc -o để đặt tên khác.",
        "The template is never written over a file without --force.",
        "Mẫu không bao giờ ghi đè lên tệp đã có nếu không dùng --force.",
        {"path": "mau-danh-sach-binh-hoa-2023-06.xlsx"}),
    ProblemType("annotate-over-roster", F,
        "Annotated copy over the roster", "Bản đánh dấu trùng với danh sách",
        "The annotated copy cannot replace the roster itself ({out}): choose another name.",
        "Bản đánh dấu không được ghi đè lên chính danh sách ({out}): hãy đặt tên khác.",
        "", "",
        "The roster a commune sent is never changed; the marks go to a copy.",
        "Danh sách xã gửi không bao giờ bị sửa; các đánh dấu được ghi vào một bản sao.",
        {"out": "binh-hoa-T6.xlsx"}),
    ProblemType("annotate-suffix", F,
        "Wrong extension for the annotated copy", "Đuôi tệp bản đánh dấu không đúng",
        "The annotated copy of {name} must end in {wanted}, not '{suffix}'.",
        "Bản đánh dấu của {name} phải có đuôi {wanted}, không phải '{suffix}'.",
        "", "",
        "Excel refuses a workbook whose extension does not match its content (.xlsm keeps its "
        "macros).",
        "Excel không mở tệp có đuôi không khớp nội dung (.xlsm giữ lại macro).",
        {"name": "binh-hoa-T6.xlsx", "wanted": ".xlsx", "suffix": ".xls"}),
    ProblemType("annotate-unreadable", F,
        "Roster unreadable, not annotated", "Không đọc được nên không đánh dấu",
        "{name} could not be read, so it cannot be annotated.",
        "Không đọc được tệp {name} nên không đánh dấu được.",
        "", "",
        "Only a roster that was read can be marked; the validation report says why it was not.",
        "Chỉ đánh dấu được danh sách đã đọc được; kết quả kiểm tra cho biết lý do không đọc được.",
        {"name": "binh-hoa-T6.xlsx"}),
    ProblemType("annotate-reopen-failed", F,
        "Roster cannot be opened again", "Không mở lại được danh sách",
        "{name} could not be opened again: {error}",
        "Không mở lại được tệp {name}: {error}",
        "", "",
        "The roster changed or became unreadable between the check and the annotation.",
        "Danh sách đã thay đổi hoặc không đọc được nữa trong lúc kiểm tra và đánh dấu.",
        {"name": "binh-hoa-T6.xlsx", "error": "The file is empty (0 bytes)."}),
    ProblemType("annotate-open-failed", F,
        "Roster cannot be opened for annotating", "Không mở được danh sách để đánh dấu",
        "{name} could not be opened for annotating ({error}).",
        "Không mở được tệp {name} để đánh dấu ({error}).",
        "", "",
        "The spreadsheet library could not load the workbook to write the marks into it.",
        "Thư viện bảng tính không nạp được tệp để ghi các đánh dấu vào.",
        {"name": "binh-hoa-T6.xlsx", "error": "KeyError: 'xl/workbook.xml'"}),
    ProblemType("annotate-write-failed", F,
        "Annotated copy not written", "Không ghi được bản đánh dấu",
        "Could not write {out}: {error}.", "Không ghi được tệp {out}: {error}.",
        "", "",
        "The copy is written under a temporary name and then put in place.",
        "Bản sao được ghi dưới tên tạm rồi mới thay vào chỗ.",
        {"out": "binh-hoa-T6.kiem-tra.xlsx", "error": "Permission denied"}),
    ProblemType("handoff-no-receiver", E,
        "Receiver not filled in", "Chưa ghi người nhận",
        "The receiver (Người nhận) is not filled in.",
        "Chưa ghi người nhận (Bản thân / Người giám hộ / Người được ủy quyền).",
        "", "",
        "The Post Office opens the account in the receiver's name: the beneficiary, a guardian or "
        "an authorised person.",
        "Bưu điện mở tài khoản đứng tên người nhận: bản thân đối tượng, người giám hộ hoặc người "
        "được ủy quyền."),
    ProblemType("handoff-no-holder-name", E,
        "Account holder without a name", "Chủ tài khoản chưa có họ tên",
        "The account holder has no name.", "Chủ tài khoản chưa có họ tên.",
        "", "",
        "An account is opened in a person's name.",
        "Tài khoản được mở đứng tên một người."),
    ProblemType("handoff-no-holder-id", E,
        "No usable personal ID", "Chưa có số định danh hợp lệ",
        "The account holder or the beneficiary has no usable personal ID.",
        "Chủ tài khoản hoặc đối tượng chưa có số định danh hợp lệ.",
        "", "",
        "The Post Office identifies the account holder by a 12-digit personal ID (an old 9-digit "
        "CMND only before 2025).",
        "Bưu điện xác định chủ tài khoản theo số định danh 12 số (CMND 9 số chỉ dùng được trước "
        "năm 2025)."),
    ProblemType("handoff-no-phone", E,
        "No mobile phone", "Chưa có số điện thoại di động",
        "The account holder has no mobile phone number.",
        "Chủ tài khoản chưa có số điện thoại di động.",
        "", "",
        "The Post Office confirms the account by SMS; a landline cannot receive its codes.",
        "Bưu điện xác nhận tài khoản qua tin nhắn SMS; số máy bàn không nhận được mã."),
    ProblemType("handoff-no-amount", E,
        "Monthly amount missing", "Chưa ghi mức trợ cấp",
        "The monthly amount is missing.", "Chưa ghi mức trợ cấp.",
        "", "",
        "The Post Office's list gives each person's monthly allowance.",
        "Danh sách gửi Bưu điện ghi mức trợ cấp hằng tháng của từng người."),
    ProblemType("handoff-duplicate-across-communes", E,
        "Registered by two communes", "Được đăng ký ở hai xã",
        "The same person is also registered by {others}.",
        "Cùng một người cũng được đăng ký ở {others}.",
        "", "",
        "One person cannot have two accounts opened for one allowance; every copy is held back "
        "until one is left.",
        "Một người không thể được mở hai tài khoản cho một khoản trợ cấp; mọi dòng đều được giữ "
        "lại cho đến khi chỉ còn một.",
        {"others": "Bình Minh (binh-minh-T6.xlsx, 12)"}),
    ProblemType("handoff-postoffice-failed", E,
        "The Post Office could not open the account", "Bưu điện không mở được tài khoản",
        "The Post Office could not open the account (reference {ref}, batch {batch}{on}): "
        "{answer}. Correct the row; it goes to the Post Office again once changed.",
        "Bưu điện không mở được tài khoản (mã {ref}, đợt {batch}{on}): {answer}. Sửa lại dòng "
        "này; khi đã sửa, dòng sẽ được chuyển lại Bưu điện.",
        "", "",
        "A row the Post Office could not use waits until the commune changes the name, the ID, "
        "the account holder or the phone.",
        "Dòng Bưu điện không dùng được sẽ chờ cho đến khi xã sửa họ tên, số định danh, người "
        "nhận hoặc số điện thoại.",
        {"ref": "BS-2023-06-0001", "batch": "2023-06-01",
         "on": Phrase("handoff.on-day", {"day": "05/07/2023"}), "answer": "Sai tên"}),
    # ---- layers: a commune's roster this month (summarize, export-postoffice, export-payments) --
    ProblemType("commune-missing", W,
        "No roster this month", "Xã chưa có danh sách tháng này",
        "no roster this month", "chưa có danh sách tháng này",
        "Ask the commune for its roster and put it in the month's folder (rosters/YYYY-MM/).",
        "Đề nghị xã gửi danh sách rồi chép vào thư mục của tháng (rosters/YYYY-MM/).",
        "No file of the month's folder was matched to this commune: it is not reported in the "
        "rate table, and none of its rows is handed over or paid from this month's lists."),
    ProblemType("commune-conflict", E,
        "Several rosters for one commune", "Nhiều tệp cho cùng một xã",
        "several rosters claim this commune ({files})",
        "có nhiều tệp cùng là của xã này ({files})",
        "Keep one roster per commune in the month's folder (a new commune: one per old "
        "commune, merged).",
        "Mỗi xã chỉ để một tệp danh sách trong thư mục của tháng (xã mới: mỗi xã cũ một tệp, "
        "được gộp lại).",
        "Two or more files of the month's folder name the same commune; none of them is used "
        "(never a guess), until only one is left. summarize refuses the month; the handoff and "
        "the payment list leave the commune out."),
    ProblemType("commune-unreadable", E,
        "Roster unreadable", "Không đọc được danh sách của xã",
        "{file}: {error}", "{file}: {error}",
        "Run cashless validate on the file to see why, and ask the commune for a readable copy.",
        "Chạy cashless validate với tệp này để xem lý do, rồi đề nghị xã gửi lại bản đọc được.",
        "The commune's roster was found but cannot be read (a damaged, encrypted or disguised "
        "file); the commune counts as not reported, and none of its rows is handed over or paid "
        "from this month's lists."),
    # ---- lacks: what a list lacks, registration status inferred or unknown ----
    ProblemType("column-absent", W,
        "Column not in this list", "Danh sách không có cột này",
        "The list has no column '{header}': not checked: {rules}.",
        "Danh sách không có cột '{header}': không kiểm tra được: {rules}.",
        "Nothing to do if this kind of list does not carry such a column; otherwise add it (see "
        "the template).",
        "Không cần xử lý nếu loại danh sách này không có cột đó; nếu cần, thêm cột vào danh sách "
        "(xem mẫu danh sách).",
        "Only the name and one way to tell people apart (ID or birth date) are needed to read a "
        "list. A column the file does not have is reported once for the file, with the checks it "
        "makes impossible; the rows are not marked as errors for it."),
    ProblemType("status-column-absent", W,
        "No registration-status column", "Không có cột tình trạng đăng ký",
        "No registration-status column; registration: {how}.",
        "Danh sách không có cột tình trạng đăng ký; tình trạng đăng ký: {how}.",
        "To count these people exactly, add the column 'Tình trạng đăng ký' (see the template).",
        "Để tính chính xác, thêm cột 'Tình trạng đăng ký' (xem mẫu danh sách).",
        "Without a status column the status follows from what the list holds: an account number "
        "means an account; a payment method ('Tiền mặt', 'Chuyển khoản') means cash or account; "
        "an 'x' under 'Đăng ký' means registered. Otherwise the status is unknown ('Không rõ'): "
        "it is counted apart, never as not registered, and never handed over as registered."),
    ProblemType("status-partly-inferred", I,
        "Registration status taken from other columns", "Tình trạng đăng ký lấy từ cột khác",
        "{count} rows give no usable registration status; their status: {how}.",
        "{count} dòng không ghi tình trạng đăng ký dùng được; tình trạng của các dòng đó: {how}.",
        "Fill in the status of those rows (the cells are marked).",
        "Nhập tình trạng đăng ký của các dòng đó (các ô đã được đánh dấu).",
        "A blank or unreadable status is an error at its cell; for the counts its status follows "
        "from the account number, the payment method or the 'Đăng ký' mark, else it is unknown."),
    ProblemType("identity-columns-missing", F,
        "Not enough columns to tell people apart", "Thiếu cột để xác định từng người",
        "Sheet '{sheet}' row {row}: the list needs the name and the ID or the birth date; it has "
        "no column {missing} (columns found: {found}).",
        "Trang '{sheet}' dòng {row}: danh sách cần có họ tên và số định danh hoặc ngày sinh; "
        "không có cột {missing} (các cột tìm thấy: {found}).",
        "Add the missing column, or check that the right file was sent.",
        "Thêm cột còn thiếu, hoặc kiểm tra lại đúng tệp chưa.",
        "Only the name and one way to tell the person apart (ID or birth date) are needed to read "
        "a list; without them no row can be matched to a person."),
    ProblemType("recommended-when-registered", W,
        "Phone number missing", "Thiếu số điện thoại",
        "'{header}' is empty for a person whose status is '{status}'.",
        "Chưa nhập '{header}' của người có tình trạng '{status}'.",
        "Add a phone number if there is one: the Post Office uses it to reach the person.",
        "Nhập số điện thoại nếu có: Bưu điện dùng để liên hệ với người nhận.",
        "Dispatch 5234/LĐTBXH-TTTT lists the data needed for cashless payment: name, birth date, "
        "ID, residence and account. A phone number helps but is not among them."),
    # ---- header: the column mapping and what the reader understood ----
    ProblemType("mapping-key-unknown", F,
        "Unknown column key in the mapping", "Khóa cột không có trong danh mục",
        "The mapping says header '{header}' is '{key}', which is not a column key. Known keys: "
        "{known}.",
        "Cách ghép cột ghi tiêu đề '{header}' là '{key}', nhưng đó không phải khóa cột nào. Các "
        "khóa hợp lệ: {known}.",
        "Write one of the known keys after '=', or '-' to ignore the column.",
        "Ghi một trong các khóa hợp lệ sau dấu '=', hoặc '-' để bỏ qua cột.",
        "A mapping (cashless.toml [mapping] or --map \"HEADER=key\") names the roster key a "
        "header stands for; a key the roster does not have is refused before any file is read."),
    ProblemType("mapping-option-malformed", F,
        "--map not understood", "Không hiểu tùy chọn --map",
        "'{header}' is not HEADER=key. Known keys: {known}.",
        "'{header}' không đúng dạng TIÊU_ĐỀ=khóa. Các khóa hợp lệ: {known}.",
        "Write it as --map \"Tên chủ hộ=ho_ten\" (or \"HEADER=-\" to ignore a column).",
        "Ghi theo dạng --map \"Tên chủ hộ=ho_ten\" (hoặc \"TIÊU_ĐỀ=-\" để bỏ qua một cột).",
        "Each --map gives one header as written in the file, an equals sign, and a column key."),
    ProblemType("mapping-malformed", F,
        "Mapping not understood", "Không hiểu phần ghép cột",
        "In {source}, [mapping] '{header}' has the wrong shape.",
        "Trong {source}, mục '{header}' của [mapping] không đúng dạng.",
        "columns is a table of \"HEADER\" = \"key\", ignore a list of headers, values a table "
        "per column key of \"word\" = \"canonical word\".",
        "columns là bảng \"TIÊU_ĐỀ\" = \"khóa\", ignore là danh sách tiêu đề, values là bảng "
        "theo khóa cột gồm \"từ\" = \"từ chuẩn\".",
        "See the README section on the column mapping for an example."),
    ProblemType("mapping-values-not-vocabulary", F,
        "Words given for a free-text column", "Ghép từ cho cột không có danh mục",
        "The mapping gives words for '{key}', which is not a column with fixed words. Columns "
        "that take words: {known}.",
        "Cách ghép cột khai báo từ cho '{key}', nhưng cột này không có danh mục từ cố định. Các "
        "cột nhận khai báo từ: {known}.",
        "Move the words under [mapping.values.KEY] of one of those columns, or remove them.",
        "Chuyển các từ vào [mapping.values.KHÓA] của một trong các cột đó, hoặc xóa đi.",
        "Only statuses, receivers, sexes and categories have a closed vocabulary a word can be "
        "mapped to."),
    ProblemType("mapping-value-unknown", F,
        "Mapped word not in the vocabulary", "Từ chuẩn không có trong danh mục",
        "The mapping says '{value}' means '{target}' in column '{key}', but '{target}' is not "
        "one of that column's words.",
        "Cách ghép cột ghi '{value}' nghĩa là '{target}' ở cột '{key}', nhưng '{target}' không "
        "thuộc danh mục của cột này.",
        "Write the target as the template writes it (e.g. \"Đã đăng ký\", \"Người giám hộ\", "
        "\"5c\").",
        "Ghi từ chuẩn như trong mẫu (ví dụ \"Đã đăng ký\", \"Người giám hộ\", \"5c\").",
        "The word on the right must be one the roster's parser accepts for that column."),
    ProblemType("mapping-header-unknown", F,
        "Mapped header not in the file", "Không có cột như cách ghép đã khai",
        "The mapping names header '{header}', which sheet '{sheet}' does not have. Its headers: "
        "{found}.",
        "Cách ghép cột có tiêu đề '{header}' nhưng trang '{sheet}' không có cột này. Các tiêu "
        "đề trong trang: {found}.",
        "Copy the header exactly as `cashless columns FILE` shows it, or remove the entry.",
        "Chép đúng tiêu đề như lệnh `cashless columns TỆP` hiển thị, hoặc xóa dòng ghép đó.",
        "A strict mapping (strict = true, or --map on `cashless columns`) must match a header of "
        "the file, so that a typing error in it cannot go unnoticed."),
    ProblemType("mapping-header-unused", I,
        "Mapping entry not used", "Dòng ghép cột không dùng đến",
        "The mapping in {source} names header '{header}', which this file does not have.",
        "Cách ghép cột trong {source} có tiêu đề '{header}' nhưng tệp này không có cột đó.",
        "Nothing to do if the entry is for other files.",
        "Không cần xử lý nếu dòng ghép dành cho tệp khác.",
        "A workspace mapping serves many files; an entry a file does not need is said once."),
    ProblemType("column-demoted", I,
        "Column not taken for its header", "Cột không được hiểu theo tiêu đề",
        "Column '{header}' looks like '{key}', but {share} of its values do not fit (e.g. "
        "'{value}'); it is kept as information and not checked.",
        "Cột '{header}' có tiêu đề giống '{key}' nhưng {share} giá trị không phù hợp (ví dụ "
        "'{value}'); chương trình giữ cột làm thông tin, không kiểm tra.",
        "If the column is '{key}', say which words mean what in cashless.toml "
        "[mapping.values.{key}], or map it with --map \"{header}={key}\".",
        "Nếu đúng là cột '{key}', khai báo nghĩa các từ trong cashless.toml "
        "[mapping.values.{key}], hoặc ghép cột bằng --map \"{header}={key}\".",
        "After the header is matched, a sample of each status, sex, receiver, category, ID and "
        "date column is read: when most values do not parse for the column, the header misled "
        "(e.g. 'Trạng thái' holding 'Đang hoạt động' is a record status)."),
    ProblemType("columns-sheet-unknown", F,
        "No such sheet", "Không có trang tính này",
        "The workbook has no sheet '{sheet}'. Its sheets: {sheets}.",
        "Tệp không có trang '{sheet}'. Các trang trong tệp: {sheets}.",
        "Give one of those names with --sheet, or leave --sheet out.",
        "Ghi một trong các tên đó sau --sheet, hoặc bỏ --sheet.",
        "`cashless columns --sheet NAME` reads that sheet only."),
    ProblemType("columns-exact", I,
        "known header", "tên cột đã biết",
        "'{alias}'", "'{alias}'", "", "",
        "`cashless columns`: the header has the same words as a known header of the column "
        "(the template's, or an alias seen in the wild)."),
    ProblemType("columns-words", I,
        "known header + unit or month", "tên cột đã biết + đơn vị/tháng",
        "'{alias}' + '{rest}'", "'{alias}' + '{rest}'", "", "",
        "`cashless columns`: the header starts with a known header; the other words cannot change "
        "the meaning."),
    ProblemType("columns-group", I,
        "read under its group", "đọc theo nhóm cột",
        "'{alias}'", "'{alias}'", "", "",
        "`cashless columns`: the column's meaning comes from its group title and its sub-title."),
    ProblemType("columns-category", I,
        "a category's wording", "tên một diện đối tượng",
        "'{alias}'", "'{alias}'", "", "",
        "`cashless columns`: the header is the wording of a category; a mark (x) in it gives the "
        "person's category."),
    ProblemType("columns-mapping", I,
        "mapping", "theo cách ghép cột",
        "{source}", "{source}", "", "",
        "`cashless columns`: the user's mapping (cashless.toml or --map) decided."),
    ProblemType("columns-info", I,
        "known, not a roster column", "cột đã biết, ngoài mẫu",
        "'{alias}'", "'{alias}'", "", "",
        "`cashless columns`: a signature, arrears, totals or similar column, kept as information "
        "and never read as a roster field."),
    ProblemType("columns-demoted", I,
        "values do not fit", "giá trị không khớp",
        "like {was}, but {share} values do not fit, e.g. '{sample}'",
        "giống {was} nhưng {share} giá trị không phù hợp, ví dụ '{sample}'", "", "",
        "`cashless columns`: the header looked like a roster column, but most of the values read "
        "under it do not parse for that column, so it is kept as information (or read as the "
        "vocabulary column its values fit)."),
    ProblemType("columns-ignored", I,
        "ignored by the mapping", "bỏ qua theo cách ghép cột",
        "{source}", "{source}", "", "",
        "`cashless columns`: the mapping said to ignore the column."),
    ProblemType("columns-unknown", I,
        "not recognised", "không nhận ra",
        "'{header}'", "'{header}'", "", "",
        "`cashless columns`: no known header matches; a --map line can say what it is."),
    ProblemType("columns-not-checkable", I,
        "Not checkable", "Không kiểm tra được",
        "No column for {keys}: the rules that need them cannot be checked.",
        "Không có cột {keys}: các quy tắc cần các cột này không kiểm tra được.",
        "If the file has one under another header: --map \"HEADER=KEY\".",
        "Nếu tệp có cột đó với tiêu đề khác: --map \"TIÊU_ĐỀ=KHÓA\".",
        "`cashless columns`: columns the checks use that the file does not have."),
    # ---- layouts: values out of range and category wordings ----
    ProblemType("date-out-of-range", E,
        "Number is not a date", "Số không phải ngày tháng",
        "{value} is neither a year from {min_year} to {max_year} nor a date.",
        "{value} không phải năm (từ {min_year} đến {max_year}) cũng không phải ngày tháng.",
        "Write the year of birth (e.g. 1948) or the date as dd/mm/yyyy.",
        "Ghi năm sinh (ví dụ 1948) hoặc ngày theo dạng ngày/tháng/năm.",
        "A number in a birth-date column is a year when it lies between 1880 and this year; a "
        "number below 2100 outside that range is a typing error, never silently turned into a "
        "date of 1900-1905. From 2100 on a number is read as Excel's day number."),
    ProblemType("age-over-120", E,
        "Older than 120", "Trên 120 tuổi",
        "Born {date}: {age} years old.", "Sinh {date}: {age} tuổi.",
        "Check the birth date or year.", "Kiểm tra lại ngày hoặc năm sinh.",
        "Nobody on a roster is over 120; such a birth date is a typing error."),
    ProblemType("amount-out-of-range", E,
        "Amount too large", "Số tiền quá lớn",
        "{value} is more than {max} đồng; no monthly allowance is that large.",
        "{value} lớn hơn {max} đồng; không có mức trợ cấp hằng tháng nào lớn như vậy.",
        "Type the amount in đồng, digits only, e.g. 540000.",
        "Nhập số tiền bằng số (đồng), ví dụ 540000.",
        "Amounts beyond any real allowance (1E+20, a pasted account number) are refused at the "
        "cell instead of being added to the totals."),
    ProblemType("coefficient-out-of-range", E,
        "Coefficient too large", "Hệ số quá lớn",
        "{value} is more than {max}, the largest coefficient there is.",
        "{value} lớn hơn {max}, không có hệ số nào lớn như vậy.",
        "Write the coefficient of Decree 20/2021/NĐ-CP, Article 6 (1, 1,5, 2, 2,5 or 3).",
        "Ghi hệ số theo Điều 6 Nghị định 20/2021/NĐ-CP (1; 1,5; 2; 2,5 hoặc 3).",
        "Coefficients go from 1 to 3 (a few provinces pay more); anything above 10 is an error."),
    ProblemType("category-ambiguous", W,
        "Category unclear", "Diện đối tượng chưa rõ",
        "The category written here fits {candidates}; the coefficient and age do not say which.",
        "Diện ghi ở ô này phù hợp với các diện {candidates}; hệ số và tuổi không cho biết là diện "
        "nào.",
        "Write the category's code (e.g. 5a) or its full wording of Decree 20/2021/NĐ-CP, "
        "Article 5.",
        "Ghi mã diện (ví dụ 5a) hoặc ghi đầy đủ diện theo Điều 5 Nghị định 20/2021/NĐ-CP.",
        "Short wordings such as 'Người cao tuổi' or 'Khuyết tật' fit several categories; the row's "
        "coefficient (or amount) and age decide when they can, and the row is warned when not."),
    # ---- money: the ledger kept whole, every beneficiary in one list, secrets ----
    ProblemType("ledger-gone", F,
        "Ledger missing", "Mất sổ theo dõi",
        "The ledger {path} is gone, but this workspace has had one ({evidence}).",
        "Sổ theo dõi {path} không còn, nhưng thư mục làm việc này đã từng có sổ ({evidence}).",
        "Restore the ledger: copy {backup} (taken at its last change) to {path}, or put back your "
        "own latest copy, then run the command again. Nothing was changed.",
        "Khôi phục sổ theo dõi: chép tệp {backup} (sao lưu ở lần thay đổi gần nhất) thành {path}, "
        "hoặc đặt lại bản sao mới nhất của đơn vị, rồi chạy lại lệnh. Chưa có gì bị thay đổi.",
        "A workspace that has handed a batch over keeps knowing it (the ledger's backup, "
        "`.cashless/ledger.state.json`, the batch manifests in handoff/): a lost ledger is never "
        "replaced by a new, empty one, which would hand everybody over again and pay opened "
        "accounts in cash."),
    ProblemType("ledger-not-a-file", F,
        "Ledger is not a file", "Sổ theo dõi không phải là tệp",
        "The ledger {path} is {kind}, not a file.",
        "Sổ theo dõi {path} là {kind}, không phải tệp.",
        "Put the workspace's ledger file back at {path} (a copy is kept at {backup}), then run "
        "the command again. Nothing was changed.",
        "Đặt lại tệp sổ theo dõi của thư mục làm việc vào {path} (bản sao lưu ở {backup}), "
        "rồi chạy lại lệnh. Chưa có gì bị thay đổi.",
        "A folder, a link to nothing or a device where the ledger should be is never taken for "
        "'no ledger yet'."),
    ProblemType("ledger-empty", F,
        "Ledger is empty", "Sổ theo dõi rỗng",
        "The ledger {path} is empty (0 bytes).",
        "Sổ theo dõi {path} rỗng (0 byte).",
        "Restore the ledger: copy {backup} (taken at its last change) to {path}, or put back your "
        "own latest copy, then run the command again. Nothing was changed.",
        "Khôi phục sổ theo dõi: chép tệp {backup} (sao lưu ở lần thay đổi gần nhất) thành {path}, "
        "hoặc đặt lại bản sao mới nhất của đơn vị, rồi chạy lại lệnh. Chưa có gì bị thay đổi.",
        "SQLite would take an empty file for a new database; the tool never does: an emptied "
        "ledger has lost who was handed over and which accounts were opened."),
    ProblemType("ledger-no-access", F,
        "Ledger cannot be read", "Không đọc được sổ theo dõi",
        "The ledger {path} cannot be read: {reason}.",
        "Không đọc được sổ theo dõi {path}: {reason}.",
        "Give your user read and write access to {path} (or restore it from {backup}), then run "
        "the command again. Nothing was changed.",
        "Cấp quyền đọc và ghi tệp {path} cho người dùng này (hoặc khôi phục từ {backup}), rồi "
        "chạy lại lệnh. Chưa có gì bị thay đổi.",
        "The ledger exists but the operating system refuses to open it."),
    ProblemType("ledger-damaged", F,
        "Ledger damaged", "Sổ theo dõi bị hỏng",
        "The ledger {path} is damaged: {reason}.",
        "Sổ theo dõi {path} bị hỏng: {reason}.",
        "Restore the ledger: copy {backup} (taken at its last change) to {path}, or put back your "
        "own latest copy, then run the command again. Nothing was changed.",
        "Khôi phục sổ theo dõi: chép tệp {backup} (sao lưu ở lần thay đổi gần nhất) thành {path}, "
        "hoặc đặt lại bản sao mới nhất của đơn vị, rồi chạy lại lệnh. Chưa có gì bị thay đổi.",
        "The file is not an SQLite database, fails SQLite's own check, or lacks one of the "
        "ledger's tables (meta, batches, batch_files, refs, handovers, replies). A missing table "
        "is never re-created empty."),
    ProblemType("ledger-newer", F,
        "Ledger from a newer cashless", "Sổ theo dõi của phiên bản mới hơn",
        "The ledger {path} was written by a newer cashless (schema {version}; this one reads up "
        "to {known}).",
        "Sổ theo dõi {path} do phiên bản cashless mới hơn ghi (lược đồ {version}; phiên bản này "
        "chỉ đọc đến {known}).",
        "Use the cashless version that wrote it (or a newer one). Nothing was changed.",
        "Dùng phiên bản cashless đã ghi sổ (hoặc mới hơn). Chưa có gì bị thay đổi.",
        "An older tool could misread tables it does not know; it refuses instead."),
    ProblemType("ledger-foreign", F,
        "Not this workspace's ledger", "Không phải sổ theo dõi của thư mục làm việc này",
        "The ledger {path} is not this workspace's: it is ledger {found}, and {where} records "
        "ledger {expected}.",
        "Sổ theo dõi {path} không phải của thư mục làm việc này: đó là sổ {found}, còn {where} "
        "ghi nhận sổ {expected}.",
        "Put back this workspace's own ledger (a copy is kept at {backup}), then run the command "
        "again. Nothing was changed.",
        "Đặt lại đúng sổ theo dõi của thư mục làm việc này (bản sao lưu ở {backup}), rồi chạy "
        "lại lệnh. Chưa có gì bị thay đổi.",
        "Each ledger has its own random ID, written in `.cashless/ledger.state.json` and in every "
        "batch manifest; a ledger copied from another workspace does not know its batches."),
    ProblemType("ledger-older", F,
        "Ledger older than the workspace", "Sổ theo dõi cũ hơn thư mục làm việc",
        "The ledger {path} lacks what this workspace has recorded: {lacks}.",
        "Sổ theo dõi {path} thiếu những gì thư mục làm việc đã ghi nhận: {lacks}.",
        "It was restored from an older copy: copy {backup} (taken at its last change) to {path}, "
        "or put back your latest copy, then run the command again. Nothing was changed.",
        "Sổ đã được khôi phục từ một bản cũ: chép tệp {backup} (sao lưu ở lần thay đổi gần nhất) "
        "thành {path}, hoặc đặt lại bản sao mới nhất, rồi chạy lại lệnh. Chưa có gì bị thay đổi.",
        "A ledger without a batch that was handed over would hand its people over again; without "
        "replies that were imported, opened accounts would be paid in cash."),
    ProblemType("roster-no-commune", E,
        "Roster of no commune", "Tệp không thuộc xã nào",
        "{file} names no commune of this workspace",
        "{file} không ghi tên xã nào của thư mục làm việc này",
        "Write the commune's name in the file's title or its file name, or move the file out of "
        "the month's folder.",
        "Ghi tên xã vào tiêu đề hoặc tên tệp, hoặc chuyển tệp ra khỏi thư mục của tháng.",
        "A roster that cannot be matched to a commune is never guessed; its people are in no list "
        "until it is."),
    ProblemType("roster-several-communes", E,
        "Roster of several communes", "Tệp khớp với nhiều xã",
        "{file} fits several communes ({communes})",
        "{file} khớp với nhiều xã ({communes})",
        "Write the commune's exact name (with its diacritics) in the file's title.",
        "Ghi đúng tên xã (có dấu) vào tiêu đề của tệp.",
        "A file name that fits two communes is an ambiguity to report, never to resolve."),
    ProblemType("payments-not-listed", E,
        "People in no payment list", "Người chưa có trong danh sách chi trả nào",
        "{reason}: its {rows} people are in no list of this month.",
        "{reason}: {rows} người trong tệp chưa có trong danh sách nào của tháng này.",
        "Fix the file (see the reason), then run export-payments again; until then pay these "
        "people by the previous procedure.",
        "Sửa tệp (xem lý do), rồi chạy lại export-payments; trong lúc chờ, chi trả những người "
        "này theo cách làm trước đây.",
        "export-payments puts every beneficiary of the month in exactly one list (accounts, cash, "
        "to check); the people of a roster it cannot use are counted here instead ('?' when the "
        "file cannot be read), and the command exits with code 1."),
    ProblemType("reply-date-before-month", E,
        "Opened before the list's month", "Ngày mở trước tháng của danh sách",
        "The opening date {date} is before {month}, the month of batch {batch}.",
        "Ngày mở {date} trước tháng {month} là tháng của đợt {batch}.",
        "Check the date (day and month may be swapped) or the reference code.",
        "Kiểm tra lại ngày (có thể nhầm ngày với tháng) hoặc mã tham chiếu.",
        "An account can be opened from the first day of the month the batch reports on (a past "
        "month handed over late is caught up with its real dates), never before."),
    ProblemType("password-empty", F,
        "Empty password", "Mật khẩu rỗng",
        "The password given by {source} is empty.",
        "Mật khẩu đưa qua {source} là rỗng.",
        "Give a real password, or leave the option (and the variable) out to write the file "
        "without one. Nothing was written.",
        "Nhập mật khẩu thật, hoặc bỏ tùy chọn (và biến môi trường) để ghi tệp không đặt mật khẩu. "
        "Chưa ghi tệp nào.",
        "An empty password would write a file that looks protected and is not; it is refused."),
    ProblemType("password-on-command-line", W,
        "Password on the command line", "Mật khẩu ghi trên dòng lệnh",
        "The password given with --password can be seen by other users of this computer (in the "
        "process list) and stays in the shell's history.",
        "Mật khẩu ghi sau --password có thể bị người dùng khác trên máy này nhìn thấy (trong danh "
        "sách tiến trình) và còn lưu trong lịch sử lệnh.",
        "Set it in {envvar} or use --password-prompt instead.",
        "Hãy đặt mật khẩu trong biến {envvar} hoặc dùng --password-prompt.",
        "The environment of a process is visible to its own user only; its arguments to all."),
    ProblemType("month-rosters-changed", W,
        "Rosters changed since publication", "Danh sách đã thay đổi sau khi công bố",
        "The rosters of {month} changed since its figures were first recorded in {history}: "
        "{files}.",
        "Danh sách của tháng {month} đã thay đổi so với khi số liệu được ghi vào {history}: "
        "{files}.",
        "The figures are now those of the rosters as they are; if the month was already "
        "published, tell whoever received it which communes changed.",
        "Số liệu nay là của danh sách hiện tại; nếu tháng này đã báo cáo, hãy thông báo cho nơi "
        "nhận biết những xã đã thay đổi.",
        "summarize records each roster's SHA-256 when it publishes a month; a month summarised "
        "again gives the same figures unless its rosters changed, and then it says which."),
    # ---- lacks: a payment row whose list does not say the status ----
    ProblemType("payment-status-unknown", I,
        "Status unknown: paid in cash", "Không rõ tình trạng: chi tiền mặt",
        "the roster does not say the registration status and no account is known: paid in cash",
        "danh sách không ghi tình trạng đăng ký và chưa có tài khoản: chi tiền mặt",
        "Add the registration status (or the account number) to the commune's list.",
        "Bổ sung tình trạng đăng ký (hoặc số tài khoản) vào danh sách của xã.",
        "A list without a registration-status column (a payment list, an approval list) says "
        "nothing about accounts; a person with no account known is paid in cash, never dropped."),
    # ---- dups: the same person twice (cashless duplicates) ----
    ProblemType("duplicate-same-id", E,
        "The same ID on two rows", "Một số định danh ở hai dòng",
        "The same ID is also listed at {place} (pair {candidate}): not handed over and not paid "
        "until an officer decides (cashless duplicates).",
        "Cùng số định danh còn có ở {place} (cặp {candidate}): chưa chuyển Bưu điện, chưa chi trả "
        "cho đến khi cán bộ quyết định (cashless duplicates).",
        "Review the pair in the workbook of cashless duplicates and import the decision.",
        "Xem cặp này trong tệp của lệnh cashless duplicates rồi nhập lại quyết định.",
        "One person must never be paid twice. Two rows with the same 12-digit ID (or 9-digit "
        "CMND), in one file or in two communes, are held back from the handoff and listed 'to "
        "check' in the payment list until an officer decides which row to keep or that they are "
        "two people (an ID typed wrong)."),
    ProblemType("duplicate-to-check", E,
        "Probably the same person twice", "Có thể là một người bị ghi hai lần",
        "Probably the same person as {place} (pair {candidate}): not handed over and not paid "
        "until an officer decides (cashless duplicates).",
        "Có thể là cùng một người với {place} (cặp {candidate}): chưa chuyển Bưu điện, chưa chi "
        "trả cho đến khi cán bộ quyết định (cashless duplicates).",
        "Review the pair in the workbook of cashless duplicates and import the decision.",
        "Xem cặp này trong tệp của lệnh cashless duplicates rồi nhập lại quyết định.",
        "A high-confidence candidate: IDs one digit or one transposition apart, with the same "
        "birth date and the same name (tone marks ignored). Both rows wait for a decision."),
    ProblemType("duplicate-remove", E,
        "Duplicate row to remove", "Dòng trùng cần xóa",
        "An officer decided this row is the same person as {place}, which is kept (pair "
        "{candidate}): remove this row from the roster.",
        "Cán bộ đã xác định dòng này là cùng một người với {place} và giữ dòng đó (cặp "
        "{candidate}): xóa dòng này khỏi danh sách.",
        "Ask the commune to remove the row; until then it is neither handed over nor paid.",
        "Đề nghị xã xóa dòng này; trong khi chưa xóa, dòng không được chuyển Bưu điện và không "
        "được chi trả.",
        "A pair decided 'the same person' keeps the row the officer chose; the other row is "
        "reported every month until the commune removes it, so nobody is paid twice."),
    ProblemType("duplicate-id-to-correct", E,
        "Two people with one ID", "Hai người cùng một số định danh",
        "An officer decided this row and {place} are two people, but they have the same ID (pair "
        "{candidate}): the commune must correct the ID; not handed over and not paid until then.",
        "Cán bộ đã xác định dòng này và {place} là hai người khác nhau nhưng cùng một số định "
        "danh (cặp {candidate}): xã cần sửa lại số định danh; trong khi chưa sửa, chưa chuyển "
        "Bưu điện và chưa chi trả.",
        "Check both IDs against the ID cards and correct the wrong one in the roster.",
        "Đối chiếu hai số định danh với thẻ CCCD và sửa số bị sai trong danh sách.",
        "Accounts are looked up by ID: two rows with one ID could be paid into one account twice. "
        "Once the commune corrects the ID, the pair is gone."),
    ProblemType("duplicate-candidate", W,
        "Maybe the same person twice", "Có thể trùng người",
        "May be the same person as {place} (pair {candidate}, score {score}).",
        "Có thể là cùng một người với {place} (cặp {candidate}, điểm {score}).",
        "Look at the pair in the workbook of cashless duplicates; a decision stops the warning.",
        "Xem cặp này trong tệp của lệnh cashless duplicates; khi đã có quyết định, cảnh báo không "
        "còn nữa.",
        "A lower-confidence candidate (a similar name with the same birth date or year, an ID "
        "typo with a different birth date, one account or phone for two account holders, or a "
        "person of an earlier month): a warning only, the rows are handed over and paid."),
    ProblemType("duplicate-review-unknown", E,
        "Pair not in this workbook", "Cặp không có trong tệp này",
        "Pair code '{value}' is not one of the pairs this review workbook was written with.",
        "Mã cặp '{value}' không phải là cặp nào của tệp rà soát này.",
        "Do not change the pair codes; write the review again with cashless duplicates -o.",
        "Không sửa mã cặp; lập lại tệp rà soát bằng lệnh cashless duplicates -o.",
        "Each pair is recorded under its code, which the workbook's hidden sheet '_cashless' "
        "lists; a code that is not there was typed or copied in by hand."),
    ProblemType("duplicate-review-decision-invalid", E,
        "Decision not understood", "Không hiểu quyết định",
        "'{value}' is not a decision: choose 'Cùng một người' or 'Hai người khác nhau'.",
        "'{value}' không phải là quyết định: chọn 'Cùng một người' hoặc 'Hai người khác nhau'.",
        "Pick the decision from the cell's list, or leave it blank if not decided yet.",
        "Chọn quyết định trong danh sách của ô, hoặc để trống nếu chưa quyết định.",
        "A blank decision records nothing (the pair stays to check)."),
    ProblemType("duplicate-review-keep-missing", E,
        "Row to keep not chosen", "Chưa chọn dòng giữ lại",
        "The pair is decided 'the same person', but the row to keep is '{value}', not 'Dòng 1' "
        "or 'Dòng 2'.",
        "Cặp được quyết định là 'Cùng một người' nhưng dòng giữ lại ghi '{value}', không phải "
        "'Dòng 1' hoặc 'Dòng 2'.",
        "Choose 'Dòng 1' or 'Dòng 2' in the column 'Giữ dòng'.",
        "Chọn 'Dòng 1' hoặc 'Dòng 2' ở cột 'Giữ dòng'.",
        "The row kept is handed over and paid; the other is reported as a duplicate to remove."),
    ProblemType("duplicate-review-not-review", F,
        "Not a duplicate review", "Không phải tệp rà soát trùng",
        "The file is not a review workbook written by cashless duplicates (no sheet "
        "'_cashless' with the pairs).",
        "Tệp không phải là tệp rà soát do lệnh cashless duplicates lập (không có trang "
        "'_cashless' chứa các cặp).",
        "Import the workbook written by cashless duplicates -o, with the decisions filled in.",
        "Nhập lại đúng tệp do lệnh cashless duplicates -o lập, đã điền quyết định.",
        "Decisions are read only from the workbook the command wrote, so that each is recorded "
        "against the pair it was shown for."),
    ProblemType("duplicate-review-options", F,
        "--import takes no --output or --month", "--import không dùng kèm --output, --month",
        "--import records a reviewed workbook; it takes no --output or --month.",
        "--import ghi lại tệp rà soát đã quyết định; không dùng kèm --output hoặc --month.",
        "Run cashless duplicates -o first to write the review, then --import the reviewed file.",
        "Chạy cashless duplicates -o để lập tệp rà soát, sau đó --import tệp đã quyết định.",
        "The month and the pairs of an import come from the reviewed workbook itself."),
    ProblemType("duplicates-month", I,
        "The month's duplicate check", "Kết quả rà soát trùng của tháng",
        "Duplicates {month}: {rows} rows compared (earlier months: {previous}); {high} {high:pair|pairs} to "
        "decide (held back from the handoff and the payments), {warnings} {warnings:warning|warnings}, {decided} "
        "decided, {remove} {remove:row|rows} to remove.",
        "Rà soát trùng tháng {month}: so sánh {rows} dòng (các tháng trước: {previous}); {high} "
        "cặp cần quyết định (chưa chuyển Bưu điện, chưa chi trả), {warnings} cảnh báo, {decided} "
        "cặp đã quyết định, {remove} dòng cần xóa.",
        "Write the review workbook with -o, decide each pair, then import it with --import.",
        "Lập tệp rà soát bằng -o, quyết định từng cặp, rồi nhập lại bằng --import.",
        "The first line of cashless duplicates: what was compared and what is left to decide."),
    ProblemType("duplicates-rows-to-remove", I,
        "Rows to remove", "Dòng cần xóa",
        "Decided the same person — rows to remove:",
        "Đã xác định là cùng một người — dòng cần xóa:",
        "Ask the communes to remove these rows from their rosters.",
        "Đề nghị các xã xóa các dòng này khỏi danh sách.",
        "The rows not kept of the pairs decided 'the same person'."),
    ProblemType("duplicates-ids-to-correct", I,
        "IDs to correct", "Số định danh cần sửa",
        "Decided two people with one ID — the commune must correct the ID (held back until then):",
        "Đã xác định là hai người nhưng cùng một số định danh — xã cần sửa số định danh (chưa chi "
        "trả cho đến khi sửa):",
        "Check both IDs against the ID cards.", "Đối chiếu hai số định danh với thẻ CCCD.",
        "Pairs with the same ID decided 'two people': one of the IDs is wrong."),
    ProblemType("duplicates-more", I,
        "More pairs", "Còn nhiều cặp",
        "… {n} more pair(s): see the review workbook (-o) or --format json.",
        "… còn {n} cặp: xem tệp rà soát (-o) hoặc --format json.",
        "", "",
        "The terminal lists the first pairs; the workbook and the JSON document list all."),
    ProblemType("duplicates-review-written", I,
        "Review workbook written", "Đã lập tệp rà soát",
        "Review workbook: {path}", "Tệp rà soát: {path}",
        "Fill in the two last columns, then import it with cashless duplicates --import.",
        "Điền hai cột cuối rồi nhập lại bằng lệnh cashless duplicates --import.",
        "One block per pair, the fields that differ highlighted; print-ready."),
    ProblemType("duplicates-import-file", I,
        "Reviewed file", "Tệp rà soát đã nhập",
        "{file} — SHA-256 {sha256}", "{file} — SHA-256 {sha256}",
        "", "",
        "The file's checksum is recorded with each decision."),
    ProblemType("duplicates-recorded", I,
        "Decisions recorded", "Đã ghi quyết định",
        "✓ Recorded {n} {n:decision|decisions} ({same} the same person, {different} two people); "
        "{unchanged} unchanged; {undecided} {undecided:pair|pairs} left blank.",
        "✓ Đã ghi {n} quyết định ({same} cùng một người, {different} hai người khác nhau); "
        "{unchanged} không đổi; {undecided} cặp để trống.",
        "", "",
        "The handoff and the payment list follow the decisions from their next run."),
    ProblemType("duplicates-unchanged", I,
        "Nothing to change", "Không có gì thay đổi",
        "This file changes nothing: {unchanged} {unchanged:decision|decisions} already recorded, {undecided} "
        "pair(s) left blank.",
        "Tệp này không thay đổi gì: {unchanged} quyết định đã có, {undecided} cặp để trống.",
        "", "",
        "Importing the same reviewed file twice records nothing the second time."),
    ProblemType("duplicates-import-refused", I,
        "Nothing recorded", "Chưa ghi gì",
        "✗ {n} {n:error|errors}: nothing was recorded (a review is applied whole or not at all).",
        "✗ {n} lỗi: chưa ghi gì (tệp rà soát chỉ được ghi khi không còn lỗi nào).",
        "Correct the cells named, then import the file again.",
        "Sửa các ô được nêu rồi nhập lại tệp.",
        "A reviewed workbook is recorded whole or not at all."),
    # ---- merge: the ledger's own consistency checks ----
    ProblemType("ledger-ref-taken", F,
        "Reference code already taken", "Mã tham chiếu đã có người khác",
        "Reference {ref} already belongs to another person in the ledger.",
        "Mã tham chiếu {ref} đã thuộc về người khác trong sổ theo dõi.",
        "Nothing was recorded. Run the command again; if it happens again, report it as a bug.",
        "Chưa ghi gì. Chạy lại lệnh; nếu vẫn lỗi, hãy báo lỗi phần mềm.",
        "A reference code names one person and one account holder in one month; the ledger "
        "refuses to give it to somebody else, so that no payment goes to the wrong person."),
    ProblemType("ledger-ref-unknown", F,
        "Reference code not in the ledger", "Mã tham chiếu không có trong sổ",
        "Reference {ref} is not in the ledger.", "Mã tham chiếu {ref} không có trong sổ theo dõi.",
        "Nothing was recorded. Run the command again; if it happens again, report it as a bug.",
        "Chưa ghi gì. Chạy lại lệnh; nếu vẫn lỗi, hãy báo lỗi phần mềm.",
        "A handover or a reply names a reference code the ledger never issued."),
    # ---- units: units that change over time (old communes → new communes, July 2025) ----
    ProblemType("unit-ambiguous", E,
        "Roster fits several communes", "Danh sách khớp với nhiều xã",
        '"{file}" could be any of: {units}',
        '"{file}" có thể là của: {units}',
        "Write the commune's name as it is after July 2025 in the file's title row (UBND XÃ ...) "
        "or in its file name.",
        "Ghi tên xã, phường theo tên mới (từ 01/7/2025) ở dòng tiêu đề (UBND XÃ ...) hoặc trong "
        "tên tệp.",
        "A roster is never given to a commune by a guess. A name that fits several communes of "
        "the workspace (two communes of that name, an old commune of before July 2025 whose "
        "name another commune also had, or an old commune split between new ones) is refused, "
        "naming every commune it could be for; nothing is written until the file says which.",
        "Danh sách không bao giờ được gán cho một xã theo phỏng đoán. Tên khớp với nhiều xã của "
        "thư mục làm việc (hai xã cùng tên, một xã cũ trước tháng 7/2025 trùng tên với xã "
        "khác, hoặc một xã cũ được chia cho nhiều xã mới) bị từ chối, kèm tên mọi xã có thể; "
        "chưa ghi gì cho đến khi tệp ghi rõ là của xã nào.",
        {"file": "2025-08/ds-binh-hoa.xlsx", "units": "Bình Sơn, Vạn Tường"}),
    ProblemType("init-commune-needs-province", F,
        "--commune needs --province", "--commune cần đi cùng --province",
        "--commune needs --province (and no --district).",
        "--commune cần đi cùng --province (không dùng với --district).",
        "", "",
        "A commune after July 2025 is looked up in its province's official list.",
        "Xã, phường sau tháng 7/2025 được tra trong danh mục chính thức của tỉnh.",
        {}),
    ProblemType("init-commune-not-found", F,
        "Commune not found", "Không tìm thấy xã",
        "No single commune named '{commune}' in {province} (after July 2025): {names}",
        "Không có đúng một xã, phường tên '{commune}' thuộc {province} (sau 7/2025): {names}",
        "Write the commune's name as it is after July 2025, e.g. one of the names listed.",
        "Ghi tên xã, phường theo tên mới (từ 01/7/2025), ví dụ một trong các tên đã nêu.",
        "init --commune takes one commune of the province's list after July 2025.",
        "Lệnh init --commune nhận một xã, phường trong danh mục của tỉnh sau tháng 7/2025.",
        {"commune": "Bình Hòa", "province": "Quảng Ngãi", "names": "Vạn Tường, Bình Sơn"}),
    ProblemType("units-library-missing", F,
        "vietnamadminunits not installed", "Chưa cài gói vietnamadminunits",
        "The vietnamadminunits package is not installed (pip install vietnamadminunits).",
        "Chưa cài gói vietnamadminunits (pip install vietnamadminunits).",
        "", "",
        "The old → new commune mapping of July 2025 comes from the vietnamadminunits data.",
        "Bảng đối chiếu xã cũ → xã mới (7/2025) lấy từ dữ liệu của gói vietnamadminunits.",
        {}),
    ProblemType("workspace-area-kind-invalid", F,
        "Workspace kind not known", "Loại thư mục làm việc không hợp lệ",
        "{path}: [area] kind must be one of {kinds}, not '{kind}'.",
        "{path}: [area] kind phải là một trong {kinds}, không phải '{kind}'.",
        "", "",
        "A workspace is the paying commune, the supervising province, or a district.",
        "Không gian làm việc là của xã chi trả, của tỉnh giám sát, hoặc của huyện.",
        {"path": "cashless.toml", "kinds": "commune, province, district", "kind": "town"}),
    ProblemType("workspace-old-unit-invalid", F,
        "Old unit incomplete", "Đơn vị cũ thiếu thông tin",
        "{path}: old unit #{index} needs a name and the new commune codes it went to (into).",
        "{path}: đơn vị cũ thứ {index} trong [area] old_units cần có tên (name) và mã xã mới "
        "(into).",
        "", "",
        "Each old commune of [area] old_units names the new commune(s) it went to.",
        "Mỗi xã cũ trong [area] old_units ghi rõ (các) xã mới mà nó được nhập vào.",
        {"path": "cashless.toml", "index": 2}),
    # ---- hostile: damaged workspace files (cashless.toml, history.csv, lock, folders, disk) ----
    ProblemType("config-unreadable", F,
        "Workspace settings cannot be read", "Không đọc được tệp cấu hình",
        "{path} cannot be read: {reason}.", "Không đọc được tệp {path}: {reason}.",
        "Restore cashless.toml from a backup (or write it again with cashless init in a new "
        "folder and copy it over); nothing was changed.",
        "Khôi phục tệp cashless.toml từ bản sao lưu (hoặc tạo lại bằng lệnh cashless init ở một "
        "thư mục mới rồi chép sang); chưa có gì bị thay đổi.",
        "cashless.toml is a folder, unreadable, not UTF-8 text, or not valid TOML (a syntax "
        "error, nesting too deep). No command runs on a workspace whose settings it cannot read."),
    ProblemType("config-invalid-value", F,
        "Wrong value in the workspace settings", "Giá trị sai trong tệp cấu hình",
        "{path}: '{key}' must be {expected}, not {found}.",
        "{path}: '{key}' phải là {expected}, không phải {found}.",
        "Correct that line of cashless.toml (see README, 'The workspace'); nothing was changed.",
        "Sửa dòng đó trong tệp cashless.toml (xem README, mục 'The workspace'); chưa có gì bị "
        "thay đổi.",
        "A name, code or kind must be text (a TOML table is never silently turned into text), an "
        "amount a whole number; inf and nan are refused."),
    ProblemType("history-unreadable", F,
        "History file damaged", "Tệp lịch sử bị hỏng",
        "{path} cannot be read: {reason}.", "Không đọc được tệp {path}: {reason}.",
        "Restore .cashless/history.csv from a backup, or move it away: summarize then computes "
        "the earlier months again from their rosters; nothing was changed.",
        "Khôi phục tệp .cashless/history.csv từ bản sao lưu, hoặc chuyển tệp đi nơi khác: lệnh "
        "summarize sẽ tính lại các tháng trước từ danh sách của các tháng đó; chưa có gì bị thay "
        "đổi.",
        "history.csv holds the figures of the months summarized so far; a file that is a folder, "
        "not UTF-8 text, binary or with a huge field is refused, never read as 'no history'."),
    ProblemType("workspace-os-error", F,
        "Workspace file cannot be used", "Không dùng được tệp trong thư mục làm việc",
        "{path}: {reason}.", "{path}: {reason}.",
        "{what} Nothing was changed: run the command again once it is fixed.",
        "{what} Chưa có gì bị thay đổi: chạy lại lệnh sau khi đã khắc phục.",
        "The system refused to read or write a file of the workspace (a lock that is a folder, a "
        "read-only folder, a full disk, a month folder that cannot be opened). Outputs are "
        "written to a temporary file and renamed only when complete, so a refused write leaves "
        "every file as it was."),
    # ---- hostile: invisible and look-alike characters in names and numbers ----
    ProblemType("number-hidden-character", E,
        "Hidden or look-alike character in a number", "Số có ký tự ẩn hoặc ký tự lạ",
        "'{value}' holds {kind} {character} at position {position} ({count} such character(s) "
        "in the cell): the paying unit cannot match this number.",
        "'{value}' có {kind} {character} ở vị trí {position} (ô có {count} ký tự như vậy): đơn "
        "vị chi trả không đối chiếu được số này.",
        "Delete the cell's content and type the number again with the digit keys 0-9, not copied "
        "from a web page or a PDF; the row is held back from the Post Office's and the payment "
        "lists until then.",
        "Xóa nội dung ô và gõ lại số bằng các phím số 0-9, không sao chép từ trang web hay tệp "
        "PDF; dòng này được giữ lại, chưa đưa vào danh sách gửi Bưu điện và danh sách chi trả "
        "cho đến khi sửa.",
        "An ID, account or phone number that holds an invisible character (zero-width space, "
        "U+FEFF), a text-direction control, a private-use character, a letter of another script "
        "or a digit that is not 0-9 (full-width ０-９, Arabic-Indic ٠-٩) looks right on screen, "
        "but the paying unit's system compares the characters themselves and finds nobody.",
        "Số định danh, số tài khoản hay số điện thoại có ký tự vô hình (dấu cách độ rộng 0, "
        "U+FEFF), ký tự điều khiển hướng chữ, ký tự dùng riêng, chữ cái của bảng chữ khác hoặc "
        "chữ số không phải 0-9 (chữ số toàn độ rộng ０-９, chữ số Ả Rập ٠-٩) trông vẫn đúng trên "
        "màn hình, nhưng hệ thống của đơn vị chi trả so từng ký tự nên không tìm thấy ai.",
        {"value": "0012\u200b34567890", "kind": Phrase("character-kind.invisible"),
         "character": "U+200B (ZERO WIDTH SPACE)", "position": 5, "count": 1}),
    ProblemType("name-hidden-character", W,
        "Hidden or look-alike character in a name", "Họ tên có ký tự ẩn hoặc ký tự lạ",
        "'{value}' holds {kind} {character} at position {position} ({count} such character(s) "
        "in the cell): the name looks right, but the paying unit will not find it.",
        "'{value}' có {kind} {character} ở vị trí {position} (ô có {count} ký tự như vậy): họ "
        "tên trông vẫn đúng nhưng đơn vị chi trả sẽ không tra cứu được.",
        "Type the name again with a Vietnamese keyboard (Unikey, Telex or VNI); the row is held "
        "back from the Post Office's and the payment lists until then.",
        "Gõ lại họ tên bằng bộ gõ tiếng Việt (Unikey, kiểu Telex hoặc VNI); dòng này được giữ "
        "lại, chưa đưa vào danh sách gửi Bưu điện và danh sách chi trả cho đến khi sửa.",
        "A name copied from a web page or Word may carry an invisible character (zero-width "
        "space, word joiner), a text-direction control or a private-use character; a name "
        "corrected on another keyboard may hold a Cyrillic or Greek letter that looks Latin "
        "(а for a, о for o) or Ð for Đ. Vietnamese letters, precomposed or with combining "
        "diacritics, are never flagged.",
        "Họ tên sao chép từ trang web hoặc Word có thể chứa ký tự vô hình (dấu cách độ rộng 0, "
        "ký tự nối từ), ký tự điều khiển hướng chữ hoặc ký tự dùng riêng; họ tên sửa bằng bàn "
        "phím khác có thể chứa chữ cái Kirin hoặc Hy Lạp trông giống chữ Latin (а thay cho a, о "
        "thay cho o) hoặc Ð thay cho Đ. Chữ tiếng Việt, dựng sẵn hay tổ hợp dấu, không bao giờ "
        "bị báo.",
        {"value": "Nguyễn Văn\u200b An", "kind": Phrase("character-kind.invisible"),
         "character": "U+200B (ZERO WIDTH SPACE)", "position": 11, "count": 1}),
    # ---- hostile: merged cells --annotate refuses to load ----
    ProblemType("annotate-merges-too-large", F,
        "Too many or too large merged cells to annotate", "Vùng gộp ô quá lớn, không đánh dấu được",
        "{name}, sheet '{sheet}': {why} (merged range {range}); no annotated copy was written, "
        "the check above stands.",
        "{name}, trang '{sheet}': {why} (vùng gộp {range}); chưa ghi bản đánh dấu, kết quả kiểm "
        "tra ở trên vẫn có giá trị.",
        "Unmerge the stray range in Excel (Home › Merge & Center › Unmerge Cells), save, and run "
        "validate --annotate again.",
        "Bỏ gộp vùng ô thừa trong Excel (Home › Merge & Center › Unmerge Cells), lưu lại rồi chạy "
        "lại validate --annotate.",
        "The spreadsheet library that writes the annotated copy turns every cell of a merged "
        "range into an object: one merge over the whole sheet takes gigabytes, tens of "
        "thousands of nested merges take many minutes. Validation itself reads such a file as "
        "usual; only the annotated copy is refused, before the file is loaded.",
        "Thư viện bảng tính dùng để ghi bản đánh dấu tạo một đối tượng cho từng ô của vùng gộp: "
        "một vùng gộp cả trang tính tốn hàng gigabyte bộ nhớ, hàng chục nghìn vùng gộp lồng nhau "
        "chạy hàng chục phút. Việc kiểm tra vẫn đọc tệp như bình thường; chỉ bản đánh dấu bị từ "
        "chối, trước khi nạp tệp.",
        {"name": "binh-hoa-T6.xlsx", "sheet": "Danh sách", "range": "A1:XFD1048576",
         "why": Phrase("merges.one", {"n": Text("17,179,869,184", "17.179.869.184"),
                                      "limit": Text("1,000,000", "1.000.000")})}),
    # ---- cli: --annotate (issue 15) ----
    ProblemType("option-annotate-folder", F,
        "One copy, a folder of rosters", "Một bản đánh dấu cho cả thư mục",
        "--annotate writes the copy of one roster file named on the command line, not of a "
        "folder ({n} {n:roster|rosters} in it).",
        "--annotate chỉ ghi bản đánh dấu của một tệp danh sách ghi rõ tên, không phải của một "
        "thư mục (trong đó có {n} danh sách).",
        "Name the roster file, or use --annotate-dir DIR to mark every roster of the folder.",
        "Ghi rõ tên tệp danh sách, hoặc dùng --annotate-dir THƯ_MỤC để đánh dấu mọi danh sách "
        "trong thư mục.",
        "--annotate names the copy of one roster; --annotate-dir writes one copy per roster.",
        "--annotate ghi tên bản đánh dấu của một danh sách; --annotate-dir ghi một bản cho mỗi "
        "danh sách.",
        {"n": 3}),
    ProblemType("option-annotate-inside", F,
        "Copy among the rosters", "Bản đánh dấu nằm lẫn với danh sách",
        "{path} is inside the rosters folder {rosters}: the next check would read the marked "
        "copy as a roster.",
        "{path} nằm trong thư mục danh sách {rosters}: lần kiểm tra sau sẽ đọc nhầm bản đánh "
        "dấu là danh sách.",
        "Write the copy outside {rosters}, e.g. in reports/.",
        "Ghi bản đánh dấu ra ngoài thư mục {rosters}, ví dụ vào reports/.",
        "A marked copy is a workbook too; kept apart from the rosters, it is never read as one "
        "(the same rule as --annotate-dir).",
        "Bản đánh dấu cũng là tệp Excel; để riêng khỏi các danh sách thì không bao giờ bị đọc "
        "nhầm là danh sách (giống quy tắc của --annotate-dir).",
        {"path": "rosters/2023-06/binh-hoa.kiem-tra.xlsx", "rosters": "rosters"}),
    # ---- pay: the payment cycle (social pension, import-payments, arrears, suspension) ----
    ProblemType("id-both-programmes", E,
        "Listed for both programmes", "Hưởng cả hai chế độ",
        "ID {value} is listed for the monthly social allowance and the social pension (the other "
        "row: {other}).",
        "Số định danh {value} có tên ở cả trợ cấp xã hội hằng tháng và trợ cấp hưu trí xã hội "
        "(dòng kia: {other}).",
        "Keep the person in one programme only: the one with the higher amount.",
        "Chỉ giữ đối tượng ở một chế độ: chế độ có mức cao hơn.",
        "A person who qualifies for both the monthly social allowance (Decree 20/2021/NĐ-CP) and "
        "the social pension (Decree 176/2025/NĐ-CP) receives only the higher of the two; "
        "export-payments pays the higher row and shows the other as not paid.",
        "Người đủ điều kiện hưởng cả trợ cấp xã hội hằng tháng (Nghị định 20/2021/NĐ-CP) và trợ "
        "cấp hưu trí xã hội (Nghị định 176/2025/NĐ-CP) chỉ được hưởng một mức cao hơn; lệnh "
        "export-payments chi dòng có mức cao hơn và ghi dòng còn lại là không chi.",
        {"value": "051150000123", "other": "C14"}),
    ProblemType("payment-both-programmes", E,
        "Paid under the other programme", "Đã chi theo chế độ kia",
        "also listed at {place} for {amount} VND: only the higher amount is paid, not this row",
        "còn có tên ở {place} với mức {amount} đồng: chỉ chi mức cao hơn, không chi dòng này",
        "Remove the person from the lower programme's list.",
        "Đưa đối tượng ra khỏi danh sách của chế độ có mức thấp hơn.",
        "A person listed for both the monthly social allowance and the social pension in the "
        "same month is paid only the higher amount (Decree 176/2025/NĐ-CP); the other row is in "
        "the rows to check, with this reason.",
        "Người có tên ở cả trợ cấp xã hội hằng tháng và trợ cấp hưu trí xã hội trong cùng tháng "
        "chỉ được chi mức cao hơn (Nghị định 176/2025/NĐ-CP); dòng còn lại nằm trong các dòng cần "
        "kiểm tra, với lý do này.",
        {"place": "Xã An Bình (an-binh.xlsx, 14)", "amount": "750.000"}),
    ProblemType("payment-arrears", I,
        "Arrears carried over", "Truy lĩnh",
        "includes {amount} VND not collected in {months} (arrears)",
        "gồm {amount} đồng truy lĩnh của tháng {months} chưa nhận",
        "", "",
        "An amount the provider reported as not paid (import-payments) is added once to the "
        "person's next line in the same programme; a line that carried it is never carried again.",
        "Số tiền đơn vị chi trả báo chưa chi (import-payments) được cộng một lần vào dòng chi trả "
        "kế tiếp của đối tượng trong cùng chế độ; dòng đã truy lĩnh không bao giờ được cộng lại.",
        {"amount": "500.000", "months": "08/2025"}),
    ProblemType("payment-suspended", E,
        "Payment suspended", "Tạm dừng chi trả",
        "not collected for {n} months in a row ({months}): payment suspended; {owed} VND owed",
        "không nhận trợ cấp {n} tháng liên tiếp ({months}): tạm dừng chi trả; còn {owed} đồng "
        "chưa nhận",
        "Verify the person (still living here?) and decide whether to resume payment.",
        "Xác minh đối tượng (còn cư trú tại địa phương không) và quyết định việc chi trả tiếp.",
        "After three months in a row not collected, payment stops (Circular 02/2021/TT-BLĐTBXH): "
        "the row is listed among the rows to check with the months and the amount owed, never "
        "dropped from the list.",
        "Sau ba tháng liên tiếp không nhận, việc chi trả được tạm dừng (Thông tư 02/2021/TT-"
        "BLĐTBXH): dòng được ghi trong các dòng cần kiểm tra cùng các tháng và số tiền chưa nhận, "
        "không bao giờ bị bỏ khỏi danh sách.",
        {"n": 3, "months": "08/2025, 09/2025, 10/2025", "owed": "1.500.000"}),
    ProblemType("payresult-no-header", F,
        "No payment reference column in the result", "Tệp kết quả không có cột mã chi trả",
        "No sheet has a header with 'Mã chi trả' and a result column (Số tiền đã chi, Kết quả, "
        "Lý do...) in its first {rows} rows.",
        "Không trang nào có dòng tiêu đề gồm cột 'Mã chi trả' và một cột kết quả (Số tiền đã chi, "
        "Kết quả, Lý do...) trong {rows} dòng đầu.",
        "Ask the paying unit for its result table: the 'Mã chi trả' of each line, copied from "
        "the payment list it received, with 'Số tiền đã chi', 'Kết quả' and 'Lý do' (the payment "
        "list itself has no such columns: it is the list to pay from, signed on paying).",
        "Đề nghị đơn vị chi trả gửi bảng kết quả chi trả: cột 'Mã chi trả' của từng dòng (chép từ "
        "danh sách chi trả đã nhận) cùng các cột 'Số tiền đã chi', 'Kết quả' và 'Lý do' (danh "
        "sách chi trả không có các cột này: đó là danh sách để chi và ký nhận).",
        "Result rows are matched only by the payment reference that export-payments gave each "
        "line; names and IDs are never used to match.",
        "Các dòng kết quả chỉ được đối chiếu theo mã chi trả mà export-payments đã ghi cho từng "
        "dòng; không bao giờ đối chiếu theo họ tên hay số định danh.",
        {"rows": 40}),
    ProblemType("payresult-ref-missing", E,
        "Result without a payment reference", "Dòng kết quả thiếu mã chi trả",
        "This row reports a payment but has no payment reference.",
        "Dòng này báo kết quả chi trả nhưng không có mã chi trả.",
        "Copy the 'Mã chi trả' of this person from the payment list.",
        "Chép 'Mã chi trả' của người này từ danh sách chi trả.",
        "A result is never matched by name or ID: without its reference it cannot be recorded.",
        "Kết quả không bao giờ được đối chiếu theo họ tên hay số định danh: thiếu mã chi trả thì "
        "không ghi nhận được."),
    ProblemType("payresult-ref-unknown", E,
        "Payment reference not in any list", "Mã chi trả không có trong danh sách nào",
        "Payment reference {value} is in no payment list of this workspace.",
        "Mã chi trả {value} không thuộc danh sách chi trả nào của thư mục làm việc này.",
        "Check the code against the payment list that was sent (export-payments).",
        "Đối chiếu mã với danh sách chi trả đã gửi (export-payments).",
        "A payment reference belongs to one line of one month's list; an unknown code is a "
        "typing error or another commune's list.",
        "Mỗi mã chi trả thuộc về một dòng của danh sách một tháng; mã lạ là do gõ nhầm hoặc là "
        "danh sách của xã khác.",
        {"value": "VT-2508-K7Q2M9D"}),
    ProblemType("payresult-ref-duplicate", E,
        "Payment reference reported twice", "Mã chi trả bị lặp",
        "Payment reference {value} is reported again (first at {first}).",
        "Mã chi trả {value} được báo lần nữa (lần đầu ở ô {first}).",
        "Keep one result per payment reference.", "Mỗi mã chi trả chỉ báo một kết quả.",
        "Two results for one line cannot both be right; the file is not applied until one is "
        "removed.",
        "Hai kết quả cho cùng một dòng không thể cùng đúng; tệp chỉ được ghi khi đã xóa bớt một "
        "kết quả.",
        {"value": "VT-2508-K7Q2M9D", "first": "B7"}),
    ProblemType("payresult-result-invalid", E,
        "Result not understood", "Kết quả chi trả không rõ",
        "'{value}' is not a result: write 'Đã chi' or 'Chưa chi'.",
        "'{value}' không phải kết quả: ghi 'Đã chi' hoặc 'Chưa chi'.",
        "Write 'Đã chi' (paid) or 'Chưa chi' (not paid), or leave it blank and give the amount "
        "paid.",
        "Ghi 'Đã chi' hoặc 'Chưa chi', hoặc để trống và ghi số tiền đã chi.",
        "The result says whether the person received the money this month.",
        "Kết quả cho biết đối tượng đã nhận tiền của tháng này hay chưa.",
        {"value": "Xong một nửa"}),
    ProblemType("payresult-amount-invalid", E,
        "Amount paid not understood", "Số tiền đã chi không đúng",
        "'{value}' is not an amount in đồng.", "'{value}' không phải số tiền (đồng).",
        "Write the amount paid as a whole number of đồng, e.g. 500000.",
        "Ghi số tiền đã chi bằng số nguyên (đồng), ví dụ 500000.",
        "Amounts are whole đồng; a text, a negative number or a fraction is refused.",
        "Số tiền là số nguyên (đồng); văn bản, số âm hoặc số lẻ bị từ chối.",
        {"value": "năm trăm"}),
    ProblemType("payresult-amount-missing", E,
        "Paid, but how much?", "Đã chi nhưng thiếu số tiền",
        "The row says paid but gives no amount paid.",
        "Dòng ghi đã chi nhưng không ghi số tiền đã chi.",
        "Write the amount paid (whole đồng).", "Ghi số tiền đã chi (đồng).",
        "The amount paid is recorded as reported, never assumed.",
        "Số tiền đã chi được ghi nhận đúng như báo cáo, không bao giờ tự suy ra."),
    ProblemType("payresult-amount-above", E,
        "Paid more than listed", "Chi vượt số tiền trong danh sách",
        "{paid} VND paid, but the list gives {listed} VND for this line.",
        "Đã chi {paid} đồng, nhưng danh sách chỉ ghi {listed} đồng cho dòng này.",
        "Check the amount with the paying unit; nobody is paid more than listed.",
        "Kiểm tra lại số tiền với đơn vị chi trả; không ai được chi vượt số tiền trong danh sách.",
        "The amount listed is the month's allowance plus its arrears; an amount paid above it "
        "is a typing error or a payment twice.",
        "Số tiền trong danh sách là trợ cấp của tháng cộng truy lĩnh; số đã chi vượt số đó là do "
        "gõ nhầm hoặc chi hai lần.",
        {"paid": "1.000.000", "listed": "500.000"}),
    ProblemType("payresult-partly-paid", W,
        "Paid less than listed", "Chi chưa đủ số tiền",
        "{paid} VND paid of {listed} VND listed: {owed} VND is carried over to next month.",
        "Đã chi {paid} đồng trên {listed} đồng: {owed} đồng được truy lĩnh vào tháng sau.",
        "Check the amount with the paying unit.", "Kiểm tra lại số tiền với đơn vị chi trả.",
        "What was not paid is owed: the next payment list adds it as arrears.",
        "Phần chưa chi vẫn là khoản phải trả: danh sách chi trả kế tiếp cộng vào phần truy lĩnh.",
        {"paid": "500.000", "listed": "1.000.000", "owed": "500.000"}),
    ProblemType("payresult-unpaid-with-amount", E,
        "Not paid, but an amount", "Chưa chi nhưng có số tiền",
        "The row says not paid but gives {paid} VND paid.",
        "Dòng ghi chưa chi nhưng lại ghi đã chi {paid} đồng.",
        "Write either the amount paid or the reason it was not paid.",
        "Ghi số tiền đã chi, hoặc lý do chưa chi.",
        "A line is paid (how much) or not paid (why): not both.",
        "Một dòng hoặc đã chi (bao nhiêu), hoặc chưa chi (vì sao): không thể cả hai.",
        {"paid": "500.000"}),
    ProblemType("payresult-reason-missing", W,
        "Not paid, no reason given", "Chưa chi nhưng không ghi lý do",
        "The row says not paid but does not say why.",
        "Dòng ghi chưa chi nhưng không ghi lý do.",
        "Ask the paying unit why (not at home, moved, deceased...).",
        "Hỏi đơn vị chi trả lý do (vắng nhà, chuyển đi, đã mất...).",
        "The reason helps decide whether to carry the amount over or to verify the person.",
        "Lý do giúp quyết định truy lĩnh hay cần xác minh lại đối tượng."),
    ProblemType("payresult-date-invalid", E,
        "Payment date not understood", "Ngày chi không đúng",
        "'{value}' is not a date (write dd/mm/yyyy).",
        "'{value}' không phải ngày tháng (ghi theo dạng ngày/tháng/năm).",
        "Type the date as dd/mm/yyyy, or leave it blank.",
        "Ghi ngày theo dạng ngày/tháng/năm, hoặc để trống.",
        "The payment date is optional; when given it must be a date not in the future.",
        "Ngày chi không bắt buộc; nếu có phải là ngày hợp lệ, không ở tương lai.",
        {"value": "32/13/2025"}),
    ProblemType("payresult-already-recorded", E,
        "Result already recorded", "Kết quả đã được ghi nhận",
        "{ref} was recorded on {received} as {previous}; this file says {now}.",
        "Mã {ref} đã được ghi nhận ngày {received} là {previous}; tệp này ghi {now}.",
        "Check which is right; run again with --force to replace the recorded result.",
        "Kiểm tra kết quả nào đúng; chạy lại với --force để thay kết quả đã ghi.",
        "A line's result is never changed silently by another file; importing the same file "
        "again changes nothing.",
        "Kết quả của một dòng không bao giờ bị tệp khác lặng lẽ thay đổi; nhập lại cùng một tệp "
        "không thay đổi gì.",
        {"ref": "VT-2508-K7Q2M9D", "received": "05/09/2025", "previous": "500.000",
         "now": "— (vắng nhà)"}),
    ProblemType("payment-arrears-not-listed", E,
        "Arrears owed, not on this month's roster", "Còn truy lĩnh nhưng không có trong danh sách",
        "{amount} VND not collected in {months} is owed, but the person is on no roster of this "
        "month: not paid from this list",
        "còn {amount} đồng chưa nhận của tháng {months} nhưng đối tượng không có trong danh sách "
        "tháng này: chưa chi theo danh sách này",
        "Put the person back on the roster if still entitled, or settle the arrears by decision.",
        "Đưa đối tượng trở lại danh sách nếu còn đủ điều kiện, hoặc giải quyết khoản truy lĩnh "
        "theo quyết định.",
        "What the provider reported as not paid stays owed until it is paid; a person left off "
        "the roster is listed among the rows to check, never silently forgotten.",
        "Khoản đơn vị chi trả báo chưa chi vẫn là khoản phải trả cho đến khi được chi; đối tượng "
        "không còn trong danh sách được ghi vào các dòng cần kiểm tra, không bao giờ bị bỏ quên.",
        {"amount": "500.000", "months": "08/2025"}),
    ProblemType("payresult-already-carried", E,
        "Result already carried over", "Kết quả đã được truy lĩnh",
        "What {ref} left unpaid is already on the list of {month} as arrears ({later}): its "
        "result cannot be changed.",
        "Khoản chưa chi của mã {ref} đã được đưa vào danh sách tháng {month} dưới dạng truy lĩnh "
        "({later}): không thể thay đổi kết quả này.",
        "Record the correction on the later line's result instead (even --force does not change "
        "this one).",
        "Ghi việc điều chỉnh vào kết quả của dòng sau (kể cả --force cũng không thay đổi dòng "
        "này).",
        "Changing a result whose unpaid amount a later list already carries could pay the same "
        "money twice.",
        "Thay đổi kết quả mà khoản chưa chi đã được danh sách sau truy lĩnh có thể dẫn đến chi "
        "trả hai lần.",
        {"ref": "VT-2508-K7Q2M9D", "later": "VT-2509-P3M8Q1Z", "month": "09/2025"}),
    # ---- payfix: the Post Office's reply given to import-payments ----
    ProblemType("payresult-postoffice-reply", F,
        "A Post Office reply, not a payment result",
        "Tệp trả lời của Bưu điện, không phải kết quả chi trả",
        "This looks like the Post Office's reply to a handoff (its '{column}' codes are handoff "
        "references, none is a payment reference): use cashless import-postoffice.",
        "Tệp này là tệp trả lời của Bưu điện cho danh sách bàn giao (các mã ở cột '{column}' là "
        "mã tham chiếu bàn giao, không có mã chi trả nào): dùng lệnh cashless import-postoffice.",
        "Run: cashless import-postoffice FILE. The paying unit's result of a payment list has "
        "the 'Mã chi trả' column of that list.",
        "Chạy: cashless import-postoffice TỆP. Kết quả chi trả của đơn vị chi trả phải có cột "
        "'Mã chi trả' của danh sách chi trả.",
        "import-payments records who was paid from a payment list (export-payments); the Post "
        "Office's reply about accounts opened for a handoff (export-handoff) is recorded by "
        "import-postoffice. Nothing is recorded from this file.",
        "import-payments ghi nhận ai đã được chi theo danh sách chi trả (export-payments); tệp "
        "Bưu điện trả lời về tài khoản đã mở cho danh sách bàn giao (export-handoff) do lệnh "
        "import-postoffice ghi nhận. Không ghi nhận gì từ tệp này.",
        {"column": "Mã tham chiếu"}),
    # ---- month: a roster of another month filed in a month's folder ----
    ProblemType("roster-month-mismatch", E,
        "Roster of another month", "Danh sách của tháng khác",
        "The roster says it is of {said} ({where}), but it is filed for {month}: none of its "
        "rows is used for {month}.",
        "Danh sách ghi là của tháng {said} ({where}), nhưng được để trong thư mục tháng {month}: "
        "không dòng nào của danh sách được dùng cho tháng {month}.",
        "Ask the commune for its roster of {month}, or correct the month in the title if only "
        "the title is wrong; a roster of {said} goes in rosters/{said:iso}/.",
        "Đề nghị xã gửi danh sách tháng {month}, hoặc sửa tháng ở dòng tiêu đề nếu chỉ tiêu đề "
        "ghi sai; danh sách tháng {said} để trong thư mục rosters/{said:iso}/.",
        "The month a roster says in its title row or its metadata sheet must be the month of the "
        "folder it is in (or the month given with --month). A roster of another month is never "
        "counted, handed over or paid as this month's: the commune counts as not reported for "
        "this month, and summarize exits with code 1 naming it.",
        "Tháng ghi ở dòng tiêu đề hoặc trang thông tin của danh sách phải trùng với tháng của "
        "thư mục chứa danh sách (hoặc tháng ghi ở --month). Danh sách của tháng khác không bao "
        "giờ được tính, chuyển Bưu điện hay chi trả như danh sách của tháng này: xã được tính là "
        "chưa báo cáo trong tháng này, và lệnh summarize kết thúc với mã 1, nêu rõ tên xã.",
        {"said": "2023-06", "month": "2023-07", "where": "A2: 'Tháng 6 năm 2023'"}),
    ProblemType("month-none-of-month", F,
        "No roster of the month", "Không có danh sách nào của tháng",
        "None of the {n} rosters in the folder of {month} can be used for {month}:\n  {lines}",
        "Không dùng được tệp nào trong {n} danh sách ở thư mục tháng {month}:\n  {lines}",
        "Put each commune's roster of {month} in rosters/{month:iso}/, and a roster of another month "
        "in that month's folder.",
        "Để danh sách tháng {month} của từng xã vào thư mục rosters/{month:iso}/, còn danh sách của "
        "tháng khác thì để vào thư mục của tháng đó.",
        "Every roster of the month's folder is unreadable or says another month: a rate table "
        "of them would publish no figure of this month, or figures of another month.",
        "Mọi danh sách trong thư mục của tháng đều không đọc được hoặc ghi là của tháng khác: "
        "bảng tỷ lệ lập từ các danh sách đó sẽ không có số liệu của tháng này, hoặc công bố số "
        "liệu của tháng khác.",
        {"n": 1, "month": "2023-07", "lines": "binh_hoa T6.xlsx: 2023-06"}),
    # ---- cli4: the command line (init's folder, a disguised file) ----
    ProblemType("init-target-is-file", F,
        "Not a folder", "Không phải thư mục",
        "{path} is a file, not a folder: init sets up a workspace in a folder.",
        "{path} là một tệp, không phải thư mục: lệnh init tạo thư mục làm việc trong một thư mục.",
        "Choose another folder name (e.g. cashless init binh-son), or move the file away.",
        "Hãy chọn tên thư mục khác (ví dụ cashless init binh-son), hoặc chuyển tệp đó đi nơi "
        "khác.",
        "init creates the folder it is given, with rosters/ and reports/ in it; a file of that "
        "name is never replaced.",
        "Lệnh init tạo thư mục được chỉ định, cùng các thư mục rosters/ và reports/ bên trong; "
        "tệp trùng tên không bao giờ bị ghi đè.",
        {"path": "binh-son"}),
    ProblemType("rosters-unreadable", F,
        "Rosters that cannot be read", "Có tệp không đọc được",
        "{n} {n:file|files} in the folder of {month} cannot be read, so which commune "
        "{n:it is|they are} for is unknown; nothing was written.\n  {lines}",
        "Không đọc được {n} tệp trong thư mục tháng {month}, nên không biết tệp thuộc xã nào; "
        "chưa ghi tệp nào.\n  {lines}",
        "Ask the commune for its roster saved as an Excel workbook (.xlsx), or move the file out "
        "of rosters/{month:iso}/; cashless validate FILE says more.",
        "Đề nghị xã gửi lại danh sách lưu dưới dạng bảng tính Excel (.xlsx), hoặc chuyển tệp ra "
        "khỏi thư mục rosters/{month:iso}/; lệnh cashless validate TỆP cho biết chi tiết.",
        "A file in the month's folder that is no workbook (a Word document or a PDF renamed "
        ".xlsx, a damaged or encrypted file) is said to be that, not to match no commune: its "
        "title, which would name the commune, cannot be read. A rate table without it would "
        "leave its rows out unnoticed.",
        "Tệp trong thư mục của tháng không phải bảng tính (văn bản Word hay PDF đổi đuôi thành "
        ".xlsx, tệp hỏng hoặc có mật khẩu) được báo đúng là như vậy, không phải là không khớp "
        "với xã nào: không đọc được dòng tiêu đề, nơi ghi tên xã. Bảng tỷ lệ lập khi thiếu tệp "
        "đó sẽ bỏ sót các dòng của tệp mà không ai biết.",
        {"n": 1, "month": "2023-06",
         "lines": "ke-hoach.xlsx: Tệp này không phải bảng tính Excel hoặc ODS"}),
    # ---- pay4: lifting a suspension, both-programmes pairs, rosters in no list ----
    ProblemType("resume-unknown-id", F,
        "ID in no payment list", "Số định danh không có trong danh sách chi trả nào",
        "No payment list of this workspace names the ID {id}: there is no payment to resume.",
        "Không danh sách chi trả nào của thư mục làm việc này có số định danh {id}: không có "
        "khoản chi trả nào để tiếp tục.",
        "Check the ID (the 12 digits of the CCCD, as on the roster); only a person listed by "
        "export-payments before can have a suspension lifted. Nothing was recorded.",
        "Kiểm tra lại số định danh (12 chữ số của CCCD, như trong danh sách); chỉ người đã có tên "
        "trong danh sách chi trả (export-payments) mới được tiếp tục chi trả. Chưa ghi nhận gì.",
        "resume-payment finds the person by the ID among the lines of the payment lists already "
        "made (the ledger's payment_lines); a name is never used, and an ID no list names is "
        "refused with exit code 2.",
        "Lệnh resume-payment tìm đối tượng theo số định danh trong các dòng của những danh sách chi "
        "trả đã lập (bảng payment_lines của sổ theo dõi); không bao giờ tìm theo họ tên, và số "
        "định danh không có trong danh sách nào bị từ chối với mã thoát 2.",
        {"id": "051149000777"}),
    ProblemType("resume-not-suspended", F,
        "Payment not suspended", "Không bị tạm dừng chi trả",
        "{name} ({id}) is not suspended for the list of {month}: {n} month(s) in a row not "
        "collected before it ({months}); payment stops after {limit}.",
        "{name} ({id}) không bị tạm dừng chi trả trong danh sách tháng {month}: trước đó có {n} "
        "tháng liên tiếp không nhận ({months}); chỉ tạm dừng sau {limit} tháng.",
        "The person is paid from the list as usual: nothing to resume. Check the ID and the "
        "month (the first list that should pay the person again). Nothing was recorded.",
        "Đối tượng vẫn được chi trả theo danh sách như bình thường: không có gì để tiếp tục. Kiểm "
        "tra lại số định danh và tháng (tháng của danh sách đầu tiên chi trả lại cho đối "
        "tượng). Chưa ghi nhận gì.",
        "A suspension can be lifted only for a list the person would be suspended from: three "
        "lines in three consecutive months before it, all reported not collected "
        "(import-payments).",
        "Chỉ tiếp tục chi trả được cho danh sách mà đối tượng bị tạm dừng: ba dòng của ba tháng "
        "liên tiếp trước đó đều được báo là không nhận (import-payments).",
        {"name": "Trần Thị Mai", "id": "051149000777", "month": "11/2025", "n": 1,
         "months": "10/2025", "limit": 3}),
    ProblemType("resume-no-reason", F,
        "No reason given", "Chưa ghi lý do",
        "The reason for resuming payment is empty.",
        "Lý do tiếp tục chi trả đang để trống.",
        "Write the decision or the reason, e.g. --reason \"QĐ 12/QĐ-UBND: đã về địa phương\". "
        "Nothing was recorded.",
        "Ghi quyết định hoặc lý do, ví dụ --reason \"QĐ 12/QĐ-UBND: đã về địa phương\". Chưa "
        "ghi nhận gì.",
        "Lifting a suspension is recorded with who, when and why: the reason is required.",
        "Việc tiếp tục chi trả được ghi nhận kèm người ghi, thời điểm và lý do: bắt buộc phải có "
        "lý do."),
    ProblemType("payment-resumed", I,
        "Payment resumed", "Tiếp tục chi trả",
        "payment resumed from {month} (suspension lifted by the commune)",
        "tiếp tục chi trả từ tháng {month} (xã đã quyết định tiếp tục chi trả)",
        "", "",
        "The commune lifted the person's suspension (resume-payment) from this list on: the "
        "months not collected before it no longer stop payment, and what was listed and not "
        "collected is paid as arrears, once.",
        "Xã đã quyết định tiếp tục chi trả cho đối tượng (resume-payment) từ danh sách này: các "
        "tháng không nhận trước đó không còn làm tạm dừng chi trả, và số tiền đã có trong danh "
        "sách mà chưa nhận được chi truy lĩnh một lần.",
        {"month": "11/2025"}),
    ProblemType("duplicate-both-programmes", E,
        "Paid under the other programme", "Đã chi theo chế độ kia",
        "The same ID is also listed for the other programme at {place} (pair {candidate}), "
        "which is paid ({amount} VND, the higher amount): this row is not handed over and not "
        "paid.",
        "Cùng số định danh còn có tên ở chế độ kia tại {place} (cặp {candidate}), dòng đó được "
        "chi ({amount} đồng, mức cao hơn): dòng này không chuyển Bưu điện và không chi trả.",
        "Remove the person from the lower programme's list.",
        "Đưa đối tượng ra khỏi danh sách của chế độ có mức thấp hơn.",
        "A person listed for both the monthly social allowance and the social pension in the "
        "same month receives only the higher amount (Decree 176/2025/NĐ-CP): that row is handed "
        "over and paid; the other row is not, until the commune removes it. No officer's "
        "decision is needed (cashless duplicates lists such pairs apart).",
        "Người có tên ở cả trợ cấp xã hội hằng tháng và trợ cấp hưu trí xã hội trong cùng tháng "
        "chỉ được hưởng mức cao hơn (Nghị định 176/2025/NĐ-CP): dòng đó được chuyển Bưu điện và "
        "được chi trả; dòng còn lại thì không, cho đến khi xã xóa dòng đó. Không cần cán bộ quyết "
        "định (cashless duplicates liệt kê riêng các cặp này).",
        {"place": "Xã An Bình (an-binh.xlsx, 14)", "candidate": "DUP-7K2M9QXA",
         "amount": "750.000"}),
    ProblemType("payments-not-listed-unread", E,
        "People of an unreadable roster in no list", "Người trong tệp không đọc được chưa có "
        "trong danh sách nào",
        "{reason}: the file cannot be read, so how many people it holds is not known; none of "
        "them is in a list of this month.",
        "{reason}: không đọc được tệp nên chưa biết tệp có bao nhiêu người; không ai trong tệp "
        "có trong danh sách nào của tháng này.",
        "Ask the commune for a readable copy (or fix the file, see the reason), then run "
        "export-payments again; until then pay these people by the previous procedure.",
        "Đề nghị xã gửi lại bản đọc được (hoặc sửa tệp, xem lý do), rồi chạy lại "
        "export-payments; trong lúc chờ, chi trả những người này theo cách làm trước đây.",
        "export-payments puts every beneficiary of the month in exactly one list (accounts, cash, "
        "to check); a roster it cannot read is named with the reason, and its people, whose "
        "number is not known, are in no list: the command exits with code 1.",
        "export-payments đưa mỗi đối tượng của tháng vào đúng một danh sách (chi qua tài khoản, "
        "chi tiền mặt, cần kiểm tra); tệp không đọc được thì được nêu tên cùng lý do, và những "
        "người trong tệp, chưa biết bao nhiêu người, chưa có trong danh sách nào: lệnh kết thúc "
        "với mã 1.",
        {"reason": "Binh Long T6-2023.xlsx: Tệp bảng tính bị hỏng hoặc không đầy đủ (tệp nén "
         "zip bị hỏng)"}),
    ProblemType("payment-arrears-held", W,
        "Arrears owed, not paid from this list", "Truy lĩnh chưa chi trong danh sách này",
        "{amount} VND not collected in {months} is owed too: not paid while this row is held "
        "back, paid once with the person's next line",
        "còn {amount} đồng chưa nhận của tháng {months}: chưa chi khi dòng này còn tạm giữ, sẽ "
        "truy lĩnh một lần cùng dòng chi trả kế tiếp của đối tượng",
        "Clear the reason the row is held back (see the other notes), then run export-payments "
        "again.",
        "Xử lý lý do dòng bị tạm giữ (xem các ghi chú khác), rồi chạy lại export-payments.",
        "A person owed arrears whose row of this month is held back (a duplicate pair to decide, "
        "no amount...) is not paid them from this list: the amount stays owed and is carried, "
        "once, by the person's next line that is paid; the row says so.",
        "Đối tượng còn khoản truy lĩnh nhưng dòng của tháng này bị tạm giữ (cặp trùng chờ quyết "
        "định, thiếu mức trợ cấp...) thì chưa được chi khoản đó trong danh sách này: số tiền vẫn "
        "được ghi nợ và được truy lĩnh một lần cùng dòng chi trả kế tiếp của đối tượng; dòng "
        "ghi rõ điều này.",
        {"amount": "500.000", "months": "08/2025"}),
    # ---- money5: half a commune paid, copies and other months set aside, paid lines kept ----
    ProblemType("roster-clash", E,
        "Lists of one old commune clash", "Các danh sách của cùng một xã cũ trùng nhau",
        "{file}: a list of {unit} like {others}; none of them is used until only one is left "
        "(the other old communes' lists are used)",
        "{file}: cùng là danh sách của {unit} như {others}; chưa dùng tệp nào trong số đó cho "
        "đến khi chỉ còn một tệp (danh sách của các xã cũ khác vẫn được dùng)",
        "Keep one list per old commune in the month's folder: move or delete the one that is "
        "not this month's, then run the command again.",
        "Mỗi xã cũ chỉ để một danh sách trong thư mục của tháng: chuyển đi hoặc xóa tệp không "
        "phải của tháng này, rồi chạy lại lệnh.",
        "A new commune's lists are merged, one per old commune (before July 2025). Two files "
        "for the same old commune are never guessed between: only these files are left out of "
        "the payment and handoff lists, and named; the lists of the other old communes are "
        "used. The rate table leaves the whole commune out (a rate of part of a commune would "
        "mislead).",
        "Danh sách của xã mới được gộp từ danh sách của từng xã cũ (trước tháng 7/2025), mỗi "
        "xã cũ một tệp. Hai tệp cho cùng một xã cũ thì không bao giờ đoán chọn tệp nào: chỉ "
        "những tệp này không được đưa vào danh sách chi trả và danh sách chuyển Bưu điện, và "
        "được nêu tên; danh sách của các xã cũ khác vẫn được dùng. Bảng tỷ lệ không tính cả xã "
        "(tỷ lệ của một phần xã sẽ gây hiểu nhầm).",
        {"file": "ds-thang-8.xlsx", "unit": "xã Bình Hòa", "others": "ds-binh-hoa.xlsx"}),
    ProblemType("roster-copy-ignored", W,
        "Copy of a roster ignored", "Bỏ qua bản sao của danh sách",
        "{file} is the same file as {original} (byte for byte): only {original} is used.",
        "{file} giống hệt tệp {original} (từng byte): chỉ dùng tệp {original}.",
        "Delete the copy from the month's folder.",
        "Xóa bản sao khỏi thư mục của tháng.",
        "Two files of the month's folder with the same content (the same SHA-256, e.g. a "
        "'- Copy' made by Windows) are one list: it is used once, never paid twice, never a "
        "conflict that would leave the commune out.",
        "Hai tệp trong thư mục của tháng có nội dung giống hệt nhau (cùng mã SHA-256, ví dụ "
        "bản '- Copy' do Windows tạo) là một danh sách: chỉ dùng một lần, không bao giờ chi hai "
        "lần, cũng không bị coi là trùng tệp khiến xã bị bỏ ra khỏi danh sách.",
        {"file": "ds-thang-8 - Copy.xlsx", "original": "ds-thang-8.xlsx"}),
    ProblemType("roster-other-month-set-aside", E,
        "Roster of another month set aside", "Danh sách của tháng khác bị để riêng",
        "{file}: {why}; the month's own list of the same commune is used, and the people of "
        "this file are not counted in {month}.",
        "{file}: {why}; danh sách của tháng {month} của cùng xã vẫn được dùng, và những người "
        "trong tệp này không được tính vào tháng {month}.",
        "Move the file to the folder of its own month.",
        "Chuyển tệp vào thư mục của đúng tháng ghi trên danh sách.",
        "A roster whose title says another month, beside the month's own list of the same "
        "commune, is a file left in the wrong folder: it takes no part in matching the month's "
        "files to communes (never a conflict), its rows are not the month's, and the command "
        "names it and exits with code 1.",
        "Danh sách ghi là của tháng khác, để cạnh danh sách của chính tháng này của cùng xã, là "
        "tệp để nhầm thư mục: tệp không được dùng khi ghép các tệp của tháng với xã (không bao "
        "giờ bị coi là trùng tệp), các dòng của tệp không phải của tháng này, và lệnh nêu tên "
        "tệp và kết thúc với mã 1.",
        {"file": "DS Van Tuong T9-2025.xlsx", "month": "2025-08",
         "why": "Danh sách ghi là của tháng 2025-09"}),
    ProblemType("payments-paid-changed", F,
        "Month already paid: the list would change", "Tháng đã có kết quả chi trả: danh sách "
        "sẽ bị thay đổi",
        "The results of {month} are recorded (import-payments), and the list made now would "
        "change {n} line(s) already paid or reported: {lines}. Nothing was written.",
        "Tháng {month} đã ghi nhận kết quả chi trả (import-payments), mà danh sách lập lại bây "
        "giờ sẽ thay đổi {n} dòng đã chi hoặc đã có kết quả: {lines}. Chưa ghi gì.",
        "Put the roster of {month} back as it was paid; a new amount goes in the roster of the "
        "next month (a back payment owed as well: tell the paying unit in writing, the list of "
        "{month} stays as it was paid).",
        "Trả danh sách tháng {month} về như khi đã chi; mức mới thì ghi vào danh sách của tháng "
        "sau (nếu còn khoản truy lĩnh thì báo bằng văn bản cho đơn vị chi trả, danh sách tháng "
        "{month} giữ nguyên như đã chi).",
        "A line of the payment list that the paying unit has reported on (paid or not) is a "
        "record of money: exported again, the month's list must show it exactly as it was "
        "paid, under the same code. export-payments refuses (exit code 2) rather than print "
        "another amount, another channel or no line under a code already reported.",
        "Một dòng của danh sách chi trả mà đơn vị chi trả đã báo kết quả (đã chi hay chưa) là "
        "chứng từ về tiền: khi xuất lại, danh sách của tháng phải ghi đúng như đã chi, cùng mã. "
        "Lệnh export-payments từ chối (mã 2) thay vì ghi số tiền khác, hình thức chi khác hoặc "
        "bỏ dòng dưới một mã đã có kết quả.",
        {"month": "2025-08", "n": 1,
         "lines": "VT-2508-ABCDEFG Nguyễn Văn An: 750.000 → 1.125.000"}),
    ProblemType("payments-later-list-stale", W,
        "A later list must be exported again", "Cần xuất lại danh sách của tháng sau",
        "The list of {later} was exported before these results of {month}: export-payments "
        "--month {later} again to carry the unpaid amounts ({amount} đồng) as arrears.",
        "Danh sách tháng {later} đã được xuất trước khi có kết quả này của tháng {month}: chạy "
        "lại export-payments --month {later} để đưa số tiền chưa chi ({amount} đồng) vào truy "
        "lĩnh.",
        "Run export-payments --month {later} before sending its list to the paying unit.",
        "Chạy export-payments --month {later} trước khi gửi danh sách cho đơn vị chi trả.",
        "Arrears are carried into a month's list when it is exported; a list exported before "
        "the results of an earlier month were imported does not carry them yet.",
        "Khoản truy lĩnh được đưa vào danh sách của một tháng khi xuất danh sách đó; danh sách "
        "đã xuất trước khi nhập kết quả của tháng trước thì chưa có các khoản này.",
        {"month": "2025-08", "later": "2025-09", "amount": "750.000"}),
    ProblemType("payments-dropped", E,
        "People left out of the month's list", "Người không còn trong danh sách của tháng",
        "{n} {n:person|people} on the list of {month} exported before ({when}) {n:is|are} not "
        "on this one: {names}.",
        "{n} người có trong danh sách tháng {month} đã xuất trước đây ({when}) không còn trong "
        "danh sách này: {names}.",
        "If their roster cannot be used now (see the files named above), fix it and run "
        "export-payments again; if they left the programme, nothing to do.",
        "Nếu danh sách của họ hiện không dùng được (xem các tệp nêu ở trên) thì sửa rồi chạy lại "
        "export-payments; nếu họ đã thôi hưởng thì không cần làm gì.",
        "Exporting a month again replaces its list; a person who was on the earlier list and is "
        "not on the new one is named, and the command exits with code 1, so nobody stops being "
        "paid without anyone seeing it.",
        "Xuất lại một tháng sẽ thay danh sách của tháng đó; người có trong danh sách trước mà "
        "không có trong danh sách mới thì được nêu tên, và lệnh kết thúc với mã 1, để không ai "
        "bị thôi chi trả mà không ai biết.",
        {"n": 2, "month": "2025-08", "when": "2025-08-20 09:00",
         "names": "Nguyễn Văn An, Lê Thị Bình"}),
    ProblemType("payments-kept-previous", E,
        "Earlier list kept: the new one pays nobody", "Giữ danh sách đã xuất: danh sách mới "
        "không chi cho ai",
        "The list of {month} made now would pay none of the {n} {n:person|people} of the list "
        "exported {when} ({names}): that list was kept, nothing was written.",
        "Danh sách tháng {month} lập bây giờ sẽ không chi cho ai trong {n} người của danh sách "
        "đã xuất lúc {when} ({names}): vẫn giữ danh sách đó, chưa ghi gì.",
        "Fix the rosters named above, then run export-payments again.",
        "Sửa các danh sách nêu ở trên, rồi chạy lại export-payments.",
        "An empty list never replaces a month's list that paid people: the rosters of the "
        "month most likely cannot be used any more (a wrong month in a title, a damaged file), "
        "and sending an empty list would leave everybody unpaid.",
        "Danh sách rỗng không bao giờ thay danh sách đã có người được chi của một tháng: nhiều "
        "khả năng là danh sách của các xã không còn dùng được (ghi sai tháng ở tiêu đề, tệp "
        "hỏng), và gửi danh sách rỗng sẽ khiến không ai được chi.",
        {"n": 2, "month": "2025-08", "when": "2025-08-20 09:00",
         "names": "Nguyễn Văn An, Lê Thị Bình"}),
    # ---- coordinator: one of our own lists where a roster is expected ----
    ProblemType("roster-is-own-list", F,
        "A list cashless wrote, not a roster", "Danh sách do cashless lập, không phải danh "
        "sách của xã",
        "Sheet '{sheet}' is {kind} written by cashless, not a commune's roster.",
        "Trang '{sheet}' là {kind} do cashless lập, không phải danh sách đối tượng của xã.",
        "Move the file out of the month's roster folder (rosters/): cashless writes its lists "
        "in payments/ and handoff/.",
        "Chuyển tệp ra khỏi thư mục danh sách của tháng (rosters/): cashless ghi các danh sách "
        "của mình vào thư mục payments/ và handoff/.",
        "A payment list or an account-opening list put among the rosters is never read as a "
        "commune's roster (it would count people twice, or pay them twice); it is said to be "
        "what it is, by the column only those lists have (the payment code, the reference "
        "code).",
        "Danh sách chi trả hoặc danh sách mở tài khoản để lẫn vào thư mục danh sách của xã "
        "không bao giờ được đọc như danh sách của xã (sẽ đếm trùng, hoặc chi trùng); chương "
        "trình nêu rõ đó là tệp gì, nhờ cột chỉ những danh sách đó mới có (mã chi trả, mã "
        "tham chiếu).",
        {"sheet": "Tài khoản", "kind": Phrase("own-list.payments")}),
)
# fmt: on

# The descriptions in Vietnamese, for the entries above that give only the English one
# (``cashless explain CODE --lang vi``). An entry may also set ``description_vi`` itself.
_DESCRIPTIONS_VI: dict[str, str] = {
    "file-not-found": "Đường dẫn ghi trong lệnh không chỉ tới một tệp đọc được.",
    "file-empty": "Tệp 0 byte thường do sao chép hoặc tải về bị gián đoạn.",
    "file-not-workbook": "Nội dung tệp không phải bảng tính dạng zip (xlsx, xlsm, ods) cũng không "
    "phải tệp Excel 97-2003 (.xls).",
    "file-disguised": "Các hệ thống trên web hay xuất bảng HTML, CSV hoặc XML SpreadsheetML nhưng "
    "đặt đuôi .xls. Excel vẫn mở được (kèm cảnh báo); chương trình không đoán bố cục của chúng.",
    "file-truncated": "Tệp nén zip hoặc bảng tính bên trong bị cắt cụt hoặc bị hỏng.",
    "file-encrypted": "Không đọc được bảng tính đã mã hóa nếu không có mật khẩu.",
    "file-too-large": "Tệp nén độc hại có thể bung ra tới hàng gigabyte; chương trình đo tệp nén "
    "trước khi đọc.",
    "sheet-too-large": "Chỉ một ô thừa ở XFD1048576 cũng khiến trình đọc phải cấp phát cả lưới ô.",
    "xml-unsafe": "Khai báo thực thể là cách tấn công kiểu 'billion laughs'; danh sách thật không "
    "bao giờ có.",
    "no-sheet": "Mọi trang tính đều trống.",
    "no-header": "Dòng tiêu đề được tìm bằng cách so tên cột và các cách viết thường gặp, không "
    "phân biệt chữ hoa, dấu, khoảng trắng và xuống dòng. Phải khớp ít nhất ba cột bắt buộc.",
    "no-data": "Danh sách liệt kê mọi đối tượng của xã; danh sách trống không phải là báo cáo.",
    "column-missing": "Không tìm thấy ở dòng tiêu đề một cột mà danh sách luôn phải có; mọi dòng "
    "dữ liệu đều thiếu giá trị đó.",
    "column-duplicate": "Hai ô tiêu đề cùng ứng với một thông tin.",
    "month-unknown": "Tháng được đọc từ dòng tiêu đề, nếu không có thì từ thông tin của mẫu, sau "
    "cùng là từ tên tệp.",
    "extra-column": "Các cột ngoài mẫu được giữ nguyên và chỉ báo một lần.",
    "legacy-text-converted": "TCVN3 (phông .Vn) và VNI (phông VNI-) lưu chữ Việt bằng các byte "
    "Latin-1, đọc theo Unicode thành chữ lỗi. Tên phông của ô hoặc chính các chữ cho biết là bảng "
    "mã nào.",
    "sheet-hidden": "Danh sách thường nằm ở trang tính hiện; trang bị ẩn có thể là bản cũ.",
    "row-skipped": "Dòng trống, dòng đánh số cột dưới tiêu đề, dòng tổng cộng và phần ký tên "
    "không phải là đối tượng.",
    "required-missing": "Họ tên, ngày sinh, giới tính, thôn, diện, mức trợ cấp và tình trạng là "
    "bắt buộc với mọi đối tượng.",
    "required-when-registered": "Đã đăng ký (Đã đăng ký hoặc Đã có tài khoản) thì cần số định "
    "danh của đối tượng, người nhận, số điện thoại và ngày đăng ký.",
    "required-when-account": "Chi trả qua tài khoản cần số tài khoản và ngân hàng hoặc Bưu điện "
    "nơi mở.",
    "required-when-proxy": "Khi người giám hộ hoặc người được ủy quyền nhận trợ cấp thì tài khoản "
    "là của họ: Bưu điện cần họ tên và số định danh của họ.",
    "id-invalid": "Số định danh cá nhân (ghi trên thẻ CCCD) có 12 chữ số.",
    "id-old-cmnd": "Chứng minh nhân dân 9 số hết giá trị sử dụng từ sau ngày 31/12/2024.",
    "leading-zero-restored": "Số định danh, số điện thoại và số tài khoản nhập vào ô dạng số sẽ "
    "mất các số 0 ở đầu.",
    "number-precision-lost": "Excel không lưu được dạng số các số dài quá 15 chữ số.",
    "id-province-unknown": "Chữ số 1-3 của số định danh 12 số là mã tỉnh nơi đăng ký khai sinh.",
    "id-sex-mismatch": "Chữ số thứ 4 cho biết giới tính và thế kỷ sinh: 0/1 là nam/nữ sinh "
    "1900-1999, 2/3 là sinh 2000-2099.",
    "id-birth-year-mismatch": "Chữ số thứ 4 cho biết thế kỷ, chữ số 5-6 là hai số cuối của năm "
    "sinh.",
    "id-duplicate": "Mỗi đối tượng chỉ có một lần trong danh sách của xã và một lần trong cả "
    "huyện.",
    "phone-invalid": "Số di động có 10 chữ số và đầu số của nhà mạng hiện hành.",
    "phone-old-prefix": "Năm 2018 các đầu số di động 11 số đã chuyển sang 10 số (ví dụ 0162 → "
    "032).",
    "phone-landline": "Tài khoản được mở và xác nhận qua tin nhắn SMS.",
    "date-invalid": "Ngày được đọc theo thứ tự ngày trước, không bao giờ tháng trước. Ngày sinh "
    "chỉ ghi năm cũng được chấp nhận.",
    "date-in-future": "Ngày sinh, ngày cấp và ngày đăng ký không thể ở tương lai.",
    "registration-after-month": "Báo cáo tháng chỉ tính các trường hợp đăng ký đến hết tháng đó.",
    "sex-invalid": "Giới tính là Nam hoặc Nữ (hoặc ngày sinh ghi dưới cột Nam/Nữ).",
    "birth-date-both-columns": "Với mẫu hai cột ngày sinh, cột có ghi ngày cho biết giới tính.",
    "category-unknown": "Diện đối tượng theo Điều 5 Nghị định 20/2021/NĐ-CP; 6a/6b chia khoản 6 "
    "theo mức độ khuyết tật.",
    "category-age-mismatch": "Mỗi diện có độ tuổi riêng (trẻ em dưới 16 tuổi, người cao tuổi từ "
    "60 tuổi...).",
    "coefficient-mismatch": "Hệ số phụ thuộc vào diện và, với một số diện, vào tuổi.",
    "amount-invalid": "Mức trợ cấp hằng tháng là một số nguyên dương (đồng).",
    "amount-mismatch": "Mức trợ cấp hằng tháng = mức chuẩn (360.000 đồng trước ngày 01/7/2024, "
    "500.000 đồng từ ngày đó) × hệ số. Tỉnh có thể quy định mức chuẩn cao hơn (cashless.toml).",
    "status-invalid": "Tình trạng cho biết đối tượng đã đến bước nào của chi trả không dùng tiền "
    "mặt.",
    "receiver-invalid": "Người nhận là bản thân đối tượng, người giám hộ hoặc người được ủy quyền.",
    "account-invalid": "Số tài khoản được lưu dạng văn bản, từ 6 đến 19 chữ số.",
    "value-invalid": "Lỗi chung cho giá trị sai kiểu dữ liệu.",
    "text-too-long": "Không có họ tên, thôn hay ghi chú nào dài hàng nghìn ký tự; ô như vậy là do "
    "dán nhầm và sẽ bị chuyển sang tệp của Bưu điện.",
    "formula-no-value": "Các công cụ không tự tính toán lưu công thức mà không lưu kết quả; mọi "
    "trình đọc đều thấy ô đó trống.",
    "account-opened-elsewhere": "Kết quả trả lời của Bưu điện (nhập bằng import-postoffice) mới "
    "hơn danh sách của xã.",
    "reply-no-header": "Các dòng trả lời chỉ được đối chiếu theo mã tham chiếu mà export-postoffice "
    "đã ghi cho từng dòng.",
    "reply-ref-missing": "Các dòng chỉ được đối chiếu theo mã tham chiếu; không bao giờ đoán theo "
    "họ tên hay số định danh.",
    "reply-ref-unknown": "Mỗi mã tham chiếu thuộc về một người của một đợt; mã lạ là do gõ nhầm "
    "hoặc là danh sách của huyện khác.",
    "reply-ref-duplicate": "Hai kết quả cho cùng một người không thể cùng đúng; tệp chỉ được ghi "
    "khi đã xóa bớt một kết quả.",
    "reply-result-invalid": "Các kết quả được chấp nhận: Đã mở, Thành công, Đã mở tài khoản, "
    "Opened (đã mở); Không mở được, Thất bại, Không thành công, Failed (không mở được). Nếu để "
    "trống thì đọc theo dòng: có số tài khoản là đã mở, có lý do là không mở được.",
    "reply-account-missing": "Chi trả qua tài khoản cần có số tài khoản.",
    "reply-account-invalid": "Số tài khoản được lưu dạng văn bản, từ 6 đến 19 chữ số.",
    "reply-account-corrupted": "Excel chỉ giữ 15 chữ số có nghĩa của một số; số tài khoản dài hơn "
    "phải lưu dạng văn bản.",
    "reply-account-number-cell": "Ô dạng số không giữ được các số 0 ở đầu.",
    "reply-failed-with-account": "Mỗi kết quả chỉ có thể là đã mở tài khoản, hoặc không mở được "
    "kèm lý do.",
    "reply-date-missing": "Ngày mở được đối chiếu với đợt chuyển và lưu vào sổ theo dõi.",
    "reply-date-invalid": "Ngày được đọc theo thứ tự ngày trước; ngày gõ dạng văn bản được chấp "
    "nhận nếu là ngày có thật.",
    "reply-date-future": "Tài khoản không thể được mở sau ngày nhập tệp trả lời.",
    "reply-date-before-batch": "Bưu điện mở tài khoản theo danh sách đã nhận, nên không thể trước "
    "ngày chuyển đợt.",
    "reply-reason-missing": "Lý do sẽ được gửi về xã trong danh sách dòng cần sửa của lần chuyển "
    "sau.",
    "commune-missing": "Không có tệp nào trong thư mục của tháng được ghép với xã này: xã không "
    "có trong bảng tỷ lệ, và không dòng nào của xã được chuyển Bưu điện hay chi trả theo danh "
    "sách tháng này.",
    "commune-conflict": "Hai tệp trở lên trong thư mục của tháng cùng ghi tên một xã; không tệp "
    "nào được dùng (không bao giờ đoán) cho đến khi chỉ còn một. Lệnh summarize từ chối tháng đó; "
    "danh sách chuyển Bưu điện và danh sách chi trả bỏ qua xã này.",
    "commune-unreadable": "Đã tìm thấy danh sách của xã nhưng không đọc được (tệp hỏng, có mật "
    "khẩu hoặc không phải Excel); xã được tính là chưa báo cáo, và không dòng nào của xã được "
    "chuyển Bưu điện hay chi trả theo danh sách tháng này.",
    "reply-already-reconciled": "Dòng đã có kết quả chỉ được thay khi dùng --force, để tệp trả "
    "lời cũ không ghi đè nhầm kết quả mới hơn. Dòng không mở được và đã chuyển lại ở đợt sau thì "
    "nhận kết quả mới mà không cần --force.",
    # ---- guards: what a refused file is, and how it is damaged ----
    "kind-html": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-xml": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-csv": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-text": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-spreadsheetml": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của "
    "tệp; là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-pdf": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-png": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-jpeg": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-rar": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-7z": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-gzip": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-rtf": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-empty-zip": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của "
    "tệp; là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-office-other": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của "
    "tệp; là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-word": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-powerpoint": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của "
    "tệp; là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-docx": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-pptx": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-xlsb": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; là "
    "một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-odf-other": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của "
    "tệp; là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-zip-other": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của "
    "tệp; là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "kind-binary": "Loại tệp mà bước kiểm tra tệp nhận ra qua chính nội dung (các byte) của tệp; "
    "là một phần của thông báo file-not-workbook hoặc file-disguised.",
    "damage-zip": "Không đọc được danh mục các phần của tệp nén zip. Là một phần của thông báo "
    "file-truncated.",
    "damage-ole2": "Tệp phức hợp (OLE2) chứa bảng tính Excel 97-2003 bị cắt cụt hoặc bị hỏng. Là "
    "một phần của thông báo file-truncated.",
    "damage-sheet-dimensions": "Một trang tính .xls ghi dòng hoặc cột đầu tiên nằm sau dòng hoặc "
    "cột cuối cùng. Là một phần của thông báo file-truncated.",
    "damage-member-corrupt": "Một phần của tệp nén zip không giải nén được. Là một phần của thông "
    "báo file-truncated.",
    "damage-member-cut": "Một phần của tệp nén zip kết thúc trước khi hết dữ liệu nén. Là một phần "
    "của thông báo file-truncated.",
    "damage-member-checksum": "Một phần của tệp nén zip giải nén ra nội dung hoặc kích thước khác "
    "với thông tin đã khai báo. Là một phần của thông báo file-truncated.",
    "damage-member-header": "Phần đầu (local header) của một phần trong tệp nén zip bị thiếu hoặc "
    "bị hỏng. Là một phần của thông báo file-truncated.",
    "damage-member-compression": "Một phần của tệp nén zip được nén theo kiểu khác với hai kiểu "
    "được hỗ trợ (stored, deflate). Là một phần của thông báo file-truncated.",
    "damage-xml": "Một phần chứa giá trị của các ô không đúng cấu trúc XML; trình đọc thông thường "
    "sẽ bỏ mất giá trị mà không báo. Là một phần của thông báo file-truncated.",
    "damage-reader-gave-up": "Trình đọc bảng tính dừng lại khi gặp nội dung bị hỏng. Là một phần "
    "của thông báo file-truncated.",
    "damage-reader": "Nguyên văn lời báo của trình đọc bảng tính về chỗ hỏng (bằng tiếng Anh). Là "
    "một phần của thông báo file-truncated.",
    # ---- lacks: what a list lacks, registration status inferred or unknown ----
    "column-absent": "Để đọc được danh sách chỉ cần họ tên và một thông tin phân biệt từng người "
    "(số định danh hoặc ngày sinh). Cột mà tệp không có được báo một lần cho cả tệp, kèm các nội "
    "dung không kiểm tra được vì thiếu cột; các dòng không bị đánh dấu lỗi vì lý do này.",
    "status-column-absent": "Khi không có cột tình trạng, tình trạng được suy ra từ nội dung danh "
    "sách: có số tài khoản là đã có tài khoản; có hình thức chi trả ('Tiền mặt', 'Chuyển khoản') "
    "là nhận tiền mặt hoặc qua tài khoản; có dấu 'x' ở cột 'Đăng ký' là đã đăng ký. Nếu không, "
    "tình trạng là 'Không rõ': được đếm riêng, không bao giờ tính là chưa đăng ký và không bao "
    "giờ được chuyển Bưu điện như người đã đăng ký.",
    "status-partly-inferred": "Ô tình trạng để trống hoặc không đọc được là lỗi tại ô đó; khi tổng "
    "hợp số liệu, tình trạng được suy ra từ số tài khoản, hình thức chi trả hoặc dấu ở cột 'Đăng "
    "ký', nếu không có thì là không rõ.",
    "identity-columns-missing": "Để đọc được danh sách chỉ cần họ tên và một thông tin phân biệt "
    "từng người (số định danh hoặc ngày sinh); thiếu các cột này thì không dòng nào đối chiếu "
    "được với một người cụ thể.",
    "recommended-when-registered": "Công văn 5234/LĐTBXH-TTTT liệt kê các thông tin cần cho chi "
    "trả không dùng tiền mặt: họ tên, ngày sinh, số định danh, nơi cư trú và tài khoản. Số điện "
    "thoại giúp liên hệ nhưng không thuộc các thông tin bắt buộc đó.",
    # ---- header: the column mapping and what the reader understood ----
    "mapping-key-unknown": "Cách ghép cột (mục [mapping] trong cashless.toml hoặc --map "
    '"TIÊU_ĐỀ=khóa") cho biết một tiêu đề ứng với khóa cột nào của danh sách; khóa không có '
    "trong danh mục bị từ chối trước khi đọc bất kỳ tệp nào.",
    "mapping-option-malformed": "Mỗi --map ghi một tiêu đề đúng như trong tệp, một dấu bằng và một "
    "khóa cột.",
    "mapping-malformed": "Xem ví dụ ở phần ghép cột (column mapping) trong README.",
    "mapping-values-not-vocabulary": "Chỉ các cột tình trạng, người nhận, giới tính và diện đối "
    "tượng có danh mục từ cố định để ghép từ vào.",
    "mapping-value-unknown": "Từ ở bên phải dấu bằng phải là một từ mà chương trình chấp nhận cho "
    "cột đó.",
    "mapping-header-unknown": "Cách ghép cột nghiêm ngặt (strict = true, hoặc --map của lệnh "
    "`cashless columns`) phải khớp với một tiêu đề của tệp, để lỗi gõ nhầm không bị bỏ qua.",
    "mapping-header-unused": "Cách ghép cột của thư mục làm việc dùng chung cho nhiều tệp; dòng "
    "ghép mà một tệp không cần chỉ được báo một lần.",
    "column-demoted": "Sau khi khớp tiêu đề, chương trình đọc thử một số giá trị của mỗi cột tình "
    "trạng, giới tính, người nhận, diện, số định danh và ngày tháng: nếu phần lớn giá trị không "
    "đọc được theo cột đó thì tiêu đề đã gây hiểu nhầm (ví dụ cột 'Trạng thái' ghi 'Đang hoạt "
    "động' là trạng thái của bản ghi).",
    "columns-sheet-unknown": "`cashless columns --sheet TÊN` chỉ đọc trang tính đó.",
    "columns-exact": "`cashless columns`: tiêu đề có đúng các từ của một tên cột đã biết (tên "
    "trong mẫu, hoặc một cách ghi khác đã gặp trong thực tế).",
    "columns-words": "`cashless columns`: tiêu đề bắt đầu bằng một tên cột đã biết; các từ còn lại "
    "không làm thay đổi nghĩa.",
    "columns-group": "`cashless columns`: nghĩa của cột lấy từ tiêu đề nhóm và tiêu đề con của "
    "cột.",
    "columns-category": "`cashless columns`: tiêu đề là tên một diện đối tượng; dấu (x) ở cột này "
    "cho biết diện của người đó.",
    "columns-mapping": "`cashless columns`: theo cách ghép cột của người dùng (cashless.toml hoặc "
    "--map).",
    "columns-info": "`cashless columns`: cột chữ ký, truy lĩnh, tổng cộng hoặc tương tự, được giữ "
    "làm thông tin và không bao giờ được đọc như một cột của danh sách.",
    "columns-demoted": "`cashless columns`: tiêu đề giống một cột của danh sách nhưng phần lớn giá "
    "trị bên dưới không đọc được theo cột đó, nên cột được giữ làm thông tin (hoặc được đọc theo "
    "cột có danh mục từ phù hợp với các giá trị).",
    "columns-ignored": "`cashless columns`: cách ghép cột yêu cầu bỏ qua cột này.",
    "columns-unknown": "`cashless columns`: không tên cột đã biết nào khớp; có thể thêm một dòng "
    "--map để cho biết đó là cột gì.",
    "columns-not-checkable": "`cashless columns`: các cột mà các quy tắc kiểm tra cần nhưng tệp "
    "không có.",
    # ---- layouts: values out of range and category wordings ----
    "date-out-of-range": "Một số ở cột ngày sinh được hiểu là năm sinh nếu nằm trong khoảng từ "
    "1880 đến năm hiện tại; số nhỏ hơn 2100 mà ngoài khoảng đó là lỗi gõ nhầm, không bao giờ bị "
    "tự đổi thành một ngày của các năm 1900-1905. Từ 2100 trở lên, số được đọc theo cách đánh số "
    "ngày của Excel.",
    "age-over-120": "Không ai trong danh sách trên 120 tuổi; ngày sinh như vậy là do gõ nhầm.",
    "amount-out-of-range": "Số tiền vượt xa mọi mức trợ cấp thực tế (1E+20, số tài khoản dán nhầm) "
    "bị từ chối tại ô, không được cộng vào tổng.",
    "coefficient-out-of-range": "Hệ số từ 1 đến 3 (một số tỉnh chi cao hơn); hệ số lớn hơn 10 là "
    "lỗi.",
    "category-ambiguous": "Các cách ghi ngắn như 'Người cao tuổi' hay 'Khuyết tật' phù hợp với "
    "nhiều diện; hệ số (hoặc mức trợ cấp) và tuổi của dòng sẽ quyết định khi có thể, nếu không "
    "thì dòng được cảnh báo.",
    # ---- lacks: a payment row whose list does not say the status ----
    "payment-status-unknown": "Danh sách không có cột tình trạng đăng ký (danh sách chi trả, danh "
    "sách phê duyệt) không cho biết gì về tài khoản; người chưa rõ có tài khoản thì được chi tiền "
    "mặt, không bao giờ bị bỏ sót.",
    # ---- dups: the same person twice (cashless duplicates) ----
    "duplicate-same-id": "Không ai được chi trả hai lần. Hai dòng cùng số định danh 12 số (hoặc "
    "CMND 9 số), trong một tệp hoặc ở hai xã, chưa được chuyển Bưu điện và được ghi 'cần kiểm "
    "tra' trong danh sách chi trả cho đến khi cán bộ quyết định giữ dòng nào, hoặc xác định đó là "
    "hai người (một số định danh bị ghi sai).",
    "duplicate-to-check": "Cặp có khả năng trùng cao: số định danh chỉ khác nhau một chữ số hoặc "
    "đảo chỗ hai chữ số, cùng ngày sinh và cùng họ tên (không tính dấu thanh). Cả hai dòng chờ "
    "quyết định.",
    "duplicate-remove": "Cặp đã được xác định là 'cùng một người' giữ lại dòng cán bộ đã chọn; "
    "dòng còn lại được báo hằng tháng cho đến khi xã xóa, để không ai được chi trả hai lần.",
    "duplicate-id-to-correct": "Tài khoản được tra theo số định danh: hai dòng cùng một số định "
    "danh có thể bị chi hai lần vào cùng một tài khoản. Khi xã đã sửa số định danh, cặp này không "
    "còn nữa.",
    "duplicate-candidate": "Cặp có khả năng trùng thấp hơn (họ tên gần giống và cùng ngày hoặc năm "
    "sinh, số định danh gõ nhầm nhưng khác ngày sinh, một tài khoản hoặc số điện thoại của hai "
    "chủ tài khoản, hoặc trùng với một người của tháng trước): chỉ là cảnh báo, các dòng vẫn được "
    "chuyển Bưu điện và chi trả.",
    "duplicate-review-unknown": "Mỗi cặp được ghi theo mã cặp, liệt kê ở trang ẩn '_cashless' của "
    "tệp rà soát; mã không có ở đó là do gõ hoặc chép vào bằng tay.",
    "duplicate-review-decision-invalid": "Quyết định để trống thì không ghi gì (cặp vẫn cần kiểm "
    "tra).",
    "duplicate-review-keep-missing": "Dòng được giữ lại được chuyển Bưu điện và chi trả; dòng còn "
    "lại được báo là dòng trùng cần xóa.",
    "duplicate-review-not-review": "Quyết định chỉ được đọc từ tệp rà soát do chính lệnh này lập, "
    "để mỗi quyết định được ghi đúng cho cặp đã hiển thị trong tệp.",
    "duplicate-review-options": "Tháng và các cặp của lần nhập lấy từ chính tệp rà soát.",
    "duplicates-month": "Dòng đầu tiên của lệnh cashless duplicates: những gì đã được so sánh và "
    "những gì còn phải quyết định.",
    "duplicates-rows-to-remove": "Các dòng không được giữ lại của những cặp đã xác định là 'cùng "
    "một người'.",
    "duplicates-ids-to-correct": "Các cặp cùng số định danh đã xác định là 'hai người khác nhau': "
    "một trong hai số định danh bị sai.",
    "duplicates-more": "Màn hình chỉ liệt kê các cặp đầu tiên; tệp rà soát và kết quả JSON liệt kê "
    "đầy đủ.",
    "duplicates-review-written": "Mỗi cặp một khối, các thông tin khác nhau được tô màu; sẵn sàng "
    "để in.",
    "duplicates-import-file": "Mã kiểm tra (checksum) của tệp được ghi kèm theo mỗi quyết định.",
    "duplicates-recorded": "Danh sách chuyển Bưu điện và danh sách chi trả áp dụng các quyết định "
    "từ lần chạy tiếp theo.",
    "duplicates-unchanged": "Nhập cùng một tệp rà soát lần thứ hai thì không ghi thêm gì.",
    "duplicates-import-refused": "Tệp rà soát chỉ được ghi khi toàn bộ tệp hợp lệ; có lỗi thì "
    "không ghi gì.",
    # ---- money: ledger, rosters, payments, passwords ----
    "ledger-gone": "Không gian làm việc đã chuyển giao một đợt thì vẫn lưu dấu đợt đó (bản sao lưu của "
    "sổ, `.cashless/ledger.state.json`, các tệp kê khai đợt trong handoff/): sổ bị mất không bao giờ "
    "được thay bằng một sổ mới, trống, vì như vậy sẽ chuyển giao lại tất cả mọi người và chi tiền mặt "
    "cho những người đã mở tài khoản.",
    "ledger-not-a-file": "Một thư mục, một liên kết tới tệp không tồn tại hoặc một thiết bị nằm ở chỗ "
    "của sổ không bao giờ được coi là 'chưa có sổ'.",
    "ledger-empty": "SQLite coi một tệp trống là một cơ sở dữ liệu mới; công cụ này thì không: sổ bị "
    "xóa trắng đã mất thông tin ai đã được chuyển giao và tài khoản nào đã được mở.",
    "ledger-no-access": "Sổ có tồn tại nhưng hệ điều hành không cho phép mở.",
    "ledger-damaged": "Tệp không phải cơ sở dữ liệu SQLite, không qua được bước kiểm tra của chính "
    "SQLite, hoặc thiếu một trong các bảng của sổ (meta, batches, batch_files, refs, handovers, "
    "replies). Bảng bị thiếu không bao giờ được tạo lại trống.",
    "ledger-newer": "Phiên bản cũ hơn của công cụ có thể đọc sai những bảng mà nó không biết; vì vậy "
    "nó từ chối.",
    "ledger-foreign": "Mỗi sổ có một mã ngẫu nhiên riêng, được ghi trong "
    "`.cashless/ledger.state.json` và trong từng tệp kê khai đợt; sổ sao chép từ thư mục làm việc "
    "khác không biết các đợt của thư mục làm việc này.",
    "ledger-older": "Sổ thiếu một đợt đã chuyển giao sẽ chuyển giao lại những người trong đợt đó; sổ "
    "thiếu các dòng trả lời đã nhập sẽ chi tiền mặt cho những người đã mở tài khoản.",
    "roster-no-commune": "Danh sách không xác định được thuộc xã nào thì không bao giờ bị đoán; những "
    "người trong danh sách đó chưa có trong danh sách nào cho đến khi xác định được.",
    "roster-several-communes": "Tên tệp khớp với hai xã là điểm chưa rõ cần báo lại, không bao giờ "
    "được tự giải quyết.",
    "payments-not-listed": "export-payments đưa mỗi đối tượng của tháng vào đúng một danh sách (chi "
    "qua tài khoản, chi tiền mặt, cần kiểm tra); những người thuộc danh sách không dùng được thì được "
    "đếm ở đây ('?' khi không đọc được tệp), và lệnh kết thúc với mã 1.",
    "reply-date-before-month": "Tài khoản chỉ có thể được mở từ ngày đầu tiên của tháng mà đợt báo "
    "cáo (tháng trước chuyển giao muộn thì được bổ sung với ngày thực tế), không bao giờ trước đó.",
    "password-empty": "Mật khẩu trống sẽ tạo ra một tệp trông như được bảo vệ nhưng thực ra không; "
    "vì vậy bị từ chối.",
    "password-on-command-line": "Biến môi trường của một tiến trình chỉ người dùng sở hữu nó xem "
    "được; còn các tham số dòng lệnh thì mọi người dùng đều xem được.",
    "month-rosters-changed": "Khi công bố một tháng, summarize ghi lại mã SHA-256 của từng danh "
    "sách; tổng hợp lại một tháng cho cùng số liệu, trừ khi danh sách đã thay đổi, khi đó lệnh nêu "
    "rõ danh sách nào.",
    "ledger-ref-taken": "Một mã tham chiếu chỉ dành cho một người và một chủ tài khoản trong một "
    "tháng; sổ từ chối gán mã đó cho người khác để không khoản chi nào đến nhầm người.",
    "ledger-ref-unknown": "Một dòng chuyển giao hoặc trả lời ghi mã tham chiếu mà sổ chưa từng cấp.",
    # ---- money: the ledger kept whole, every beneficiary in one list, secrets ----
    "config-unreadable": "cashless.toml là một thư mục, không đọc được, không phải văn bản UTF-8 "
    "hoặc không đúng định dạng TOML (sai cú pháp, lồng quá sâu). Không lệnh nào chạy trên thư mục "
    "làm việc có tệp cấu hình không đọc được.",
    "config-invalid-value": "Tên, mã hoặc loại phải là văn bản (một bảng TOML không bao giờ bị ngầm "
    "chuyển thành văn bản), số tiền phải là số nguyên; giá trị inf và nan bị từ chối.",
    "history-unreadable": "history.csv lưu số liệu của các tháng đã tổng hợp; tệp là thư mục, "
    "không phải văn bản UTF-8, là tệp nhị phân hoặc có trường quá lớn thì bị từ chối, không bao "
    "giờ bị coi là 'chưa có lịch sử'.",
    "workspace-os-error": "Hệ điều hành từ chối đọc hoặc ghi một tệp của thư mục làm việc (tệp "
    "khóa là thư mục, thư mục chỉ đọc, ổ đĩa đầy, thư mục của tháng không mở được). Các tệp kết "
    "quả được ghi ra tệp tạm và chỉ đổi tên khi đã ghi xong, nên một lần ghi bị từ chối không làm "
    "thay đổi tệp nào.",
}

# Example parameters for ``cashless explain`` (synthetic); an entry's ``example`` comes first.
_EXAMPLE_PARAMS: dict[str, Any] = {
    "backup": "binh-son/.cashless/ledger.backup.sqlite",
    "detail": "plain text",
    "kind": "an HTML web page",
    "suffix": ".xls",
    "size": "2.1 GB",
    "limit": "500",
    "sheet": "Sheet1",
    "rows": 1048576,
    "columns": 16384,
    "last_cell": "XFD1048576",
    "expected": "'Họ và tên', 'Ngày sinh', 'Diện'",
    "found": "'STT', 'Họ tên'",
    "row": 7,
    "header": "Số định danh",
    "first": "C",
    "converted": "Nguyễn Văn An",
    "encoding": "TCVN3",
    "reason": "blank row",
    "status": "Đã đăng ký",
    "receiver": "Người giám hộ",
    "digits": 11,
    "value": "03819500123",
    "fixed": "038195001234",
    "prefix": "999",
    "digit": 1,
    "id_sex": "Nữ",
    "sex": "Nam",
    "id_year": 1995,
    "year": 1959,
    "other": "B12",
    "date": "05/07/2023",
    "month": "2023-06",
    "category": "1",
    "condition": Text("under 16", "dưới 16 tuổi"),
    "age": 17,
    "expected_amount": "500000",
    "coefficient": "1,5",
    "base": "500000",
    "length": 4000,
    "account": "123456789012",
    "batch": "2023-06-01",
    "handed": "01/06/2023",
    "ref": "BS-2023-06-0001",
    "previous": Text("opened 123456789012 on 05/07/2023", "đã mở 123456789012 ngày 05/07/2023"),
    "received": "10/07/2023",
    "now": Text("not opened: wrong name", "không mở được: sai tên"),
    "files": "binh-hoa-T6.xlsx, binh-hoa-T6 (2).xlsx",
    "file": "binh-hoa-T6.xlsx",
    "error": Text("The file is empty (0 bytes).", "Tệp rỗng (0 byte), không có dữ liệu."),
    # ---- finish: the parameters of the guards', lacks', header's, layouts' and dups' entries
    "member": "xl/worksheets/sheet1.xml",
    "line": 12,
    "text": "Error -3 while decompressing data: invalid distance too far back",
    "rules": Text("Phone number missing", "Thiếu số điện thoại"),
    "how": Joined(
        (Phrase("status-source.account", {"n": 120}), Phrase("status-source.unknown", {"n": 3}))
    ),
    "count": 123,
    "missing": "'Số CCCD/Định danh', 'Ngày sinh'",
    "key": "trang_thai",
    "known": "ho_ten, ngay_sinh, so_dinh_danh, trang_thai",
    "source": "cashless.toml",
    "target": "Đã đăng kí",
    "share": "80%",
    "sheets": "'Danh sách', 'Tổng hợp'",
    "alias": "Họ và tên",
    "rest": "(đồng)",
    "was": "trang_thai",
    "sample": "Đang hoạt động",
    "keys": "dien_thoai, so_tai_khoan",
    "min_year": 1880,
    "max_year": 2026,
    "max": "100.000.000",
    "candidates": "5a, 6a",
    "place": "Bình Hòa (binh-hoa-T6.xlsx, 14)",
    "candidate": "DUP-7K2M9QXA",
    "score": "0,82",
    "n": 3,
    "path": "trung-2023-06.xlsx",
    "sha256": "9f2c4e1ab03d5e7f",
    "high": 2,
    "warnings": 4,
    "decided": 1,
    "remove": 1,
    "same": 2,
    "different": 1,
    "unchanged": 0,
    "undecided": 5,
    # ---- money: ledger, rosters, payments, passwords ----
    "evidence": ".cashless/ledger.state.json; .cashless/ledger.backup.sqlite",
    "where": ".cashless/ledger.state.json",
    "communes": "Xã An Bình, Xã An Bình Tây",
    "envvar": "CASHLESS_HANDOFF_PASSWORD",
    "history": ".cashless/history.csv",
}

# Why the system refused, as errors.os_reason words it (by errno) in the reader's language.
_ACCESS_DENIED = Text("access is denied", "không có quyền truy cập")
_DISK_FULL = Text("the disk is full", "ổ đĩa đã đầy")
_TOML_ERROR = Text("Expected '=' after a key", "thiếu dấu '=' sau tên khóa")

#: Examples of one code; they win over the entry's own example (a reason worded in vi too).
_EXAMPLES_BY_CODE: dict[str, dict[str, Any]] = {
    "no-header": {"expected": "'Họ và tên', 'Ngày sinh', 'Diện'"},
    "coefficient-mismatch": {"expected": "1,5", "value": "1"},
    "amount-mismatch": {"expected": "750000", "value": "540000"},
    "row-skipped": {"reason": Phrase("row-kind.blank")},
    "date-in-future": {"date": "2030", "when": Phrase("when.year", {"date": "2030"})},
    "ledger-newer": {"version": 3, "known": 2},
    "ledger-not-a-file": {"kind": Phrase("ledger-why.folder")},
    "ledger-no-access": {"reason": Phrase("ledger-why.read-only")},
    "ledger-damaged": {"reason": Phrase("ledger-why.table-missing", {"table": "replies"})},
    "ledger-older": {"lacks": Phrase("ledger-why.lacks-replies", {"replies": 120, "have": 87})},
    "file-too-large": {"size": "2.1 GB", "limit": "1 GB"},
    "text-too-long": {"limit": 500},
    "ledger-gone": {
        "backup": "binh-son/.cashless/ledger.backup.sqlite",
        "evidence": "binh-son/.cashless/ledger.state.json",
    },
    "ledger-foreign": {
        "backup": "binh-son/.cashless/ledger.backup.sqlite",
        "where": ".cashless/ledger.state.json",
    },
    "roster-several-communes": {"communes": "Bình Sơn, Bình Sơn Đông"},
    "password-on-command-line": {"envvar": "CASHLESS_PAYMENTS_PASSWORD"},
    "month-rosters-changed": {"history": "binh-son/.cashless/history.csv"},
    "config-unreadable": {
        "path": "binh-son/cashless.toml",
        "reason": Phrase("workspace.reason-not-toml", {"error": _TOML_ERROR}),
    },
    "config-invalid-value": {
        "path": "binh-son/cashless.toml",
        "key": "district.communes.0.name",
        "expected": Phrase("workspace.expected-text"),
        "found": Phrase("workspace.found-table"),
    },
    "history-unreadable": {
        "path": "binh-son/.cashless/history.csv",
        "reason": Phrase("workspace.reason-folder"),
    },
    "workspace-os-error": {
        "path": "binh-son/.cashless/lock",
        "reason": _DISK_FULL,
        "what": Phrase("os.enospc"),
    },
    # ---- finish: examples the defaults do not fit ----
    "status-partly-inferred": {
        "how": Joined(
            (
                Phrase("status-source.payment-method", {"n": 118}),
                Phrase("status-source.unknown", {"n": 5}),
            )
        ),
    },
    "mapping-key-unknown": {"header": "Tên chủ hộ", "key": "ho_tenn"},
    "mapping-option-malformed": {"header": "Tên chủ hộ ho_ten"},
    "mapping-malformed": {"header": "columns"},
    "mapping-values-not-vocabulary": {
        "key": "ho_ten",
        "known": "trang_thai, nguoi_nhan, gioi_tinh, dien",
    },
    "mapping-value-unknown": {"value": "ĐK rồi"},
    "mapping-header-unused": {"header": "Tên chủ hộ"},
    "column-demoted": {"header": "Trạng thái", "value": "Đang hoạt động"},
    "date-out-of-range": {"value": "1850"},
    "amount-out-of-range": {"value": "1E+20"},
    "coefficient-out-of-range": {"value": "15", "max": 10},
    "duplicates-month": {"rows": 1250, "previous": 3},
    "duplicates-import-refused": {"n": 2},
    # ---- docs4: the system's reasons worded in the reader's language (explain --lang vi) ----
    "output-not-written": {"error": _ACCESS_DENIED},
    "annotate-dir-not-created": {"error": _ACCESS_DENIED},
    "annotate-write-failed": {"error": _ACCESS_DENIED},
    "annotate-reopen-failed": {
        "error": Text("The file is empty (0 bytes).", "Tệp rỗng (0 byte), không có dữ liệu."),
    },
    "ledger-unreadable": {
        "error": Text(
            "the file is not an SQLite database", "tệp không phải là cơ sở dữ liệu SQLite"
        ),
    },
    "payments-not-listed": {  # a reason as the month's walk gives it, not "blank row"
        "reason": Entry("commune-conflict", {"files": "binh-hoa-T6.xlsx, binh-hoa-T6 (2).xlsx"}),
        "rows": 40,
    },
    "workspace-toml-invalid": {
        "error": Text(
            f"{_TOML_ERROR.en} (at line 3, column 6)", f"{_TOML_ERROR.vi} (dòng 3, cột 6)"
        )
    },
}


def _complete(entry: ProblemType) -> ProblemType:
    example = {
        **_EXAMPLE_PARAMS,
        **entry.example,
        **_EXAMPLES_BY_CODE.get(entry.code, {}),
    }
    return replace(
        entry,
        description_vi=entry.description_vi or _DESCRIPTIONS_VI.get(entry.code, ""),
        example=example,
    )


CATALOGUE: dict[str, ProblemType] = {p.code: _complete(p) for p in _CATALOGUE}


def problem_type(code: str) -> ProblemType:
    return CATALOGUE[code]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at one place. ``row`` is the sheet's 1-based row; ``cell`` its A1 address."""

    code: str
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    header: str | None = None
    value: Any = None
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def type(self) -> ProblemType:
        return CATALOGUE[self.code]

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def _params(self, masked: bool = False) -> dict[str, Any]:
        merged: dict[str, Any] = {"value": _show(self.value), "header": self.header or ""}
        merged.update(self.params)
        if masked:
            keys = ("value", "fixed", "account") if self.column in SENSITIVE_KEYS else ("account",)
            for key in keys:
                if merged.get(key):
                    merged[key] = mask(merged[key])
            for key, value in merged.items():  # an account quoted inside a phrase ("đã mở …")
                if isinstance(value, Phrase) and value.params.get("account"):
                    inner = {**value.params, "account": mask(value.params["account"])}
                    merged[key] = Phrase(value.key, inner)
        return merged

    def message(self, lang: Lang, masked: bool = False) -> str:
        """The message; ``masked`` hides personal numbers it quotes (for terminals and logs)."""
        return self.type.message(lang, self._params(masked))

    def hint(self, lang: Lang) -> str:
        return self.type.hint(lang, self._params())

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        """The JSON shape of the ``validate --format json`` contract (plus nothing else)."""
        kind = CATALOGUE[self.code]
        params = self._params()  # once for the message and the hint
        return {
            "code": self.code,
            "severity": str(kind.severity),
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "value": _json_value(self.value),
            "message": kind.message(lang, params),
            "hint": kind.hint(lang, params),
        }


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)  # JSON has no NaN or Infinity: "nan", "inf"
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return str(value)


class ReadError(Exception):
    """A file that cannot be read at all (exit code 2). Carries a catalogue code."""

    def __init__(self, code: str, path: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.path = path
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:  # picklable across worker processes
        return (_rebuild_read_error, (self.code, self.path, dict(self.params)))

    def message(self, lang: Lang) -> str:
        return CATALOGUE[self.code].message(lang, self.params)

    def hint(self, lang: Lang) -> str:
        return CATALOGUE[self.code].hint(lang, self.params)


def _rebuild_read_error(code: str, path: str, params: dict[str, Any]) -> ReadError:
    return ReadError(code, path, **params)
