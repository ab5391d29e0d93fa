"""The catalogue of problem codes, and the :class:`Problem` value every check produces.

Every problem the tool can report is declared here once, with a stable code, a severity, a title,
a message template and a hint in Vietnamese and English, and a longer description
(``cashless explain CODE``). Problems stay data (code, location, value, parameters) until they are
rendered: the terminal table, the JSON report and the cell comments are three renderings of the
same list.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from cashless_cli.i18n import Lang
from cashless_cli.mask import SENSITIVE_KEYS, mask


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

    def title(self, lang: Lang) -> str:
        return self.title_vi if lang == "vi" else self.title_en

    def message(self, lang: Lang, params: Mapping[str, Any]) -> str:
        return _fill(self.message_vi if lang == "vi" else self.message_en, params, lang)

    def hint(self, lang: Lang, params: Mapping[str, Any]) -> str:
        return _fill(self.hint_vi if lang == "vi" else self.hint_en, params, lang)


class Text(NamedTuple):
    """A parameter worded in both languages (e.g. a category's age condition)."""

    en: str
    vi: str


class _Default(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parameter that is itself a catalogue entry: its code and parameters, worded in the
    message's language when the message is filled (e.g. what a refused file really is). ``bare``
    words it by the entry's title, a phrase without its article ("HTML web page")."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    bare: bool = False

    def text(self, lang: Lang) -> str:
        entry = CATALOGUE[self.code]
        return entry.title(lang) if self.bare else entry.message(lang, self.params)


def _fill(template: str, params: Mapping[str, Any], lang: Lang) -> str:
    resolved = {}
    for key, value in params.items():
        if isinstance(value, Text):
            value = getattr(value, lang)
        elif isinstance(value, Phrase):
            value = value.text(lang)
        resolved[key] = value
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
        "{date} is after today.", "Ngày {date} sau ngày hôm nay.",
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
        "Keep one roster per commune in the month's folder.",
        "Mỗi xã chỉ để một tệp danh sách trong thư mục của tháng.",
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
        "A name, code or kind must be text (a table such as {a=1} is not silently turned into "
        "text), an amount a whole number; inf and nan are refused."),
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
)
# fmt: on

CATALOGUE: dict[str, ProblemType] = {p.code: p for p in _CATALOGUE}


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
        return merged

    def message(self, lang: Lang, masked: bool = False) -> str:
        """The message; ``masked`` hides personal numbers it quotes (for terminals and logs)."""
        return self.type.message(lang, self._params(masked))

    def hint(self, lang: Lang) -> str:
        return self.type.hint(lang, self._params())

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        """The JSON shape of the ``validate --format json`` contract (plus nothing else)."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "value": _json_value(self.value),
            "message": self.message(lang),
            "hint": self.hint(lang),
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
