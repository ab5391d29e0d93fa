"""Builders of hostile (and of a few friendly) roster files, for tests.

Every function writes one file into the directory it is given and returns its path. Nothing is
held in memory at full size: the decompression bombs are ~1 MB files crafted from a deflate block
that is repeated (a full flush makes each block's compressed form identical), with the CRC
computed arithmetically.

Never hand :func:`stray_cell_xlsx`, :func:`wide_xlsx`, :func:`wide_ods`, the bombs or the
repeated-content ods to python-calamine in the test process: it aborts the process or eats
gigabytes. :func:`cashless_cli.read.guards.inspect_file` must refuse them first.
"""

from __future__ import annotations

import random
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl.styles import Font

MiB = 1024 * 1024

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Số CCCD", "Số tiền"]
ROWS = [
    [1, "Nguyễn Văn An", "05/06/1950", "Nam", "Thôn 1", "042207091161", 540000],
    [2, "Trần Thị Bình", "1948", "Nữ", "Thôn 2", "042150001234", 720000],
]


# ---------------------------------------------------------------------------------------------
# Friendly files


def normal_xlsx(directory: Path, name: str = "roster.xlsx") -> Path:
    """A small roster as openpyxl writes it, header on row 1."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    path = directory / name
    wb.save(path)
    return path


def normal_xls(directory: Path, name: str = "roster.xls") -> Path:
    """The same roster as an Excel 97-2003 file written by xlwt."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sach")
    for c, value in enumerate(HEADER):
        sheet.write(0, c, value)
    for r, row in enumerate(ROWS, start=1):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = directory / name
    book.save(str(path))
    return path


def normal_ods(directory: Path, name: str = "roster.ods") -> Path:
    """A LibreOffice-style ods: huge *empty* repeats after the data, as LibreOffice writes them."""
    rows = [HEADER, *ROWS]
    body = []
    for row in rows:
        cells = "".join(_ods_cell(value) for value in row)
        body.append(
            f'<table:table-row table:style-name="ro1">{cells}'
            f'<table:table-cell table:number-columns-repeated="{16384 - len(row)}"/>'
            "</table:table-row>"
        )
    body.append(
        f'<table:table-row table:style-name="ro1" '
        f'table:number-rows-repeated="{1048576 - len(rows)}">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    return _write_ods(directory / name, "Danh sách", "".join(body), columns=16384)


def header_only_xlsx(directory: Path, name: str = "header-only.xlsx") -> Path:
    """A roster with its header and no beneficiary (refused later, not by the guard)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(HEADER)
    path = directory / name
    wb.save(path)
    return path


def long_cell_xlsx(directory: Path, length: int = 40_000, name: str = "long-cell.xlsx") -> Path:
    """A cell of ``length`` characters (Excel's own limit is 32,767), written as raw XML."""
    text = ("Nguyễn Văn An " * (length // 14 + 1))[:length]
    rows = _xlsx_row(1, HEADER) + _xlsx_row(2, [1, text])
    return _write_xlsx(directory / name, _xlsx_sheet(rows, "A1:G2"))


def legacy_fonts_xlsx(directory: Path, name: str = "legacy-fonts.xlsx") -> Path:
    """Cells in .VnTime (TCVN3), VNI-Times (VNI) and Times New Roman (Unicode).

    B2, B3 use .VnTime; C2 uses .VnTimeH; B4 uses VNI-Times; D2 uses .VnArial; everything else
    Times New Roman or the default font.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["STT", "Họ và tên", "Thôn", "Ghi chú"])
    ws.append([1, "NguyÔn V¨n An", "TH¤N 1", "x"])
    ws.append([2, "TrÇn ThÞ B×nh", "Thôn 2", "y"])
    ws.append([3, "Nguy\xeabn Va\xf9n", "Thôn 3", "z"])
    tcvn = Font(name=".VnTime")
    ws["B2"].font = tcvn
    ws["B3"].font = tcvn
    ws["C2"].font = Font(name=".VnTimeH", bold=True)
    ws["D2"].font = Font(name=".VnArial")
    ws["B4"].font = Font(name="VNI-Times")
    for ref in ("A1", "B1", "C3", "C4", "D3"):
        ws[ref].font = Font(name="Times New Roman")
    ws["A5"].font = tcvn  # styled but empty: no cell content, still a formatted cell
    path = directory / name
    wb.save(path)
    return path


def legacy_default_font_xlsx(directory: Path, name: str = "vntime-default.xlsx") -> Path:
    """An old workbook whose default font (style 0) is .VnTime; B2 is styled Times New Roman.

    Cells without an ``s`` attribute use style 0, hence TCVN3: A1, B1, A2 (raw XML).
    """
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="{NS_MAIN}">'
        '<fonts count="2"><font><sz val="12"/><name val=".VnTime"/></font>'
        '<font><sz val="12"/><name val="Times New Roman"/></font></fonts>'
        '<cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs>'
        "</styleSheet>"
    )
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Hä vµ tªn</t></is></c></row>'
        '<row r="2"><c r="A2" s="0"><v>1</v></c>'
        '<c r="B2" s="1" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>'
    )
    return _write_xlsx(
        directory / name, _xlsx_sheet(rows, "A1:B2"), extra={"xl/styles.xml": styles}
    )


# ---------------------------------------------------------------------------------------------
# Not workbooks


def empty_file(directory: Path, name: str = "empty.xlsx") -> Path:
    path = directory / name
    path.write_bytes(b"")
    return path


def truncated_xlsx(directory: Path, name: str = "truncated.xlsx") -> Path:
    """A valid workbook cut in half (the central directory is gone)."""
    whole = normal_xlsx(directory, "whole-before-cut.xlsx").read_bytes()
    path = directory / name
    path.write_bytes(whole[: len(whole) // 2])
    return path


def corrupt_member_xlsx(directory: Path, name: str = "corrupt.xlsx") -> Path:
    """A workbook whose sheet data has bytes flipped (the zip directory is intact)."""
    source = normal_xlsx(directory, "whole-before-flip.xlsx")
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size - 2, 60)):
        data[i] ^= 0x5A
    path = directory / name
    path.write_bytes(bytes(data))
    return path


def random_bytes(directory: Path, name: str = "random.xlsx", size: int = 8192) -> Path:
    data = bytearray(random.Random(20231).randbytes(size))
    data[0:2] = b"\x00\x13"  # cannot start like any known signature
    path = directory / name
    path.write_bytes(bytes(data))
    return path


def zip_not_workbook(directory: Path, name: str = "archive.xlsx") -> Path:
    path = directory / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "Danh sách đối tượng gửi kèm\n")
        zf.writestr("data/list.csv", "STT,Họ và tên\n1,Nguyễn Văn An\n")
    return path


def csv_as_xlsx(directory: Path, name: str = "danh-sach.xlsx", encoding: str = "utf-8") -> Path:
    lines = [",".join(HEADER)] + [",".join(str(v) for v in row) for row in ROWS]
    path = directory / name
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes(unicodedata.normalize("NFD", text).encode(encoding, errors="replace"))
    return path


def html_as_xls(directory: Path, name: str = "export.xls") -> Path:
    """What web systems export as "Excel": an HTML table."""
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADER)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in ROWS
    )
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\r\n'
        f"<body><table><tr>{head}</tr>{body}</table></body></html>\r\n"
    )
    path = directory / name
    path.write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    return path


def spreadsheetml_as_xls(directory: Path, name: str = "export-2003.xls") -> Path:
    """Excel 2003 XML (SpreadsheetML), as some reporting systems still export."""
    rows = "".join(
        "<Row>"
        + "".join(
            f'<Cell><Data ss:Type="{"Number" if isinstance(v, int) else "String"}">'
            f"{escape(str(v))}</Data></Cell>"
            for v in row
        )
        + "</Row>"
        for row in [HEADER, *ROWS]
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
        f'<Worksheet ss:Name="Sheet1"><Table>{rows}</Table></Worksheet></Workbook>\n'
    )
    path = directory / name
    path.write_text(doc, encoding="utf-8")
    return path


def encrypted_xlsx(directory: Path, name: str = "locked.xlsx", password: str = "xa2023") -> Path:
    """A real workbook encrypted with a password to open (an OLE2 file, like Excel's)."""
    plain = normal_xlsx(directory, "plain-before-encrypt.xlsx")
    path = directory / name
    with plain.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt(password, out)
    return path


# ---------------------------------------------------------------------------------------------
# Resource attacks (never give these to python-calamine)


def bomb_xlsx(
    directory: Path,
    inflated: int = 1024 * MiB + 1,
    honest_sizes: bool = True,
    name: str = "bomb.xlsx",
) -> Path:
    """An xlsx whose sheet XML inflates to ``inflated`` bytes (> 1 GB) from ~1 MB.

    With ``honest_sizes=False`` the zip headers declare a tiny uncompressed size, so only
    measuring the deflate stream itself finds the bomb.
    """
    prefix = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS_MAIN}">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    ).encode()
    suffix = b"</t></is></c></row></sheetData></worksheet>"
    block = b" " * MiB
    count, rest = divmod(inflated - len(prefix) - len(suffix), len(block))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    packed_block = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    assert again == packed_block, "deflate full flush did not reset the window"
    tail = comp.compress(block[:rest] + suffix) + comp.flush()
    size = len(prefix) + count * len(block) + rest + len(suffix)
    crc = zlib.crc32(prefix)
    crc = _crc32_combine(crc, _crc32_repeated(block, count, zlib.crc32(block)), count * len(block))
    crc = _crc32_combine(crc, zlib.crc32(block[:rest] + suffix), rest + len(suffix))
    sheet = _RawMember(
        "xl/worksheets/sheet1.xml",
        [head, *([packed_block] * count), tail],
        crc,
        size if honest_sizes else 1234,
    )
    members = [_RawMember.of(n, d) for n, d in _xlsx_parts(None).items()]
    return _write_raw_zip(directory / name, [*members, sheet])


def entity_bomb_xlsx(directory: Path, name: str = "laughs.xlsx") -> Path:
    """Billion laughs in sharedStrings.xml."""
    lines = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = f"&lol{i - 1};" if i > 1 else "&lol;"
        lines.append(f'<!ENTITY lol{i} "{prev * 10}">')
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!DOCTYPE lolz [{''.join(lines)}]>\n"
        f'<sst xmlns="{NS_MAIN}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return _write_xlsx(directory / name, _xlsx_sheet(rows, "A1"), shared_strings=strings)


def stray_cell_xlsx(
    directory: Path, ref: str = "XFD1048576", dimension: str = "", name: str = "stray.xlsx"
) -> Path:
    """A valid small roster with one stray cell far away (``ref``), written as raw XML.

    The ``<dimension>`` says ``dimension`` (default: the honest A1:``ref``).
    """
    digits = "".join(ch for ch in ref if ch.isdigit())
    rows = _xlsx_row(1, HEADER) + _xlsx_row(2, ROWS[0])
    rows += f'<row r="{digits}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
    return _write_xlsx(directory / name, _xlsx_sheet(rows, dimension or f"A1:{ref}"))


def relocated_sheet_xlsx(source: Path, member: str, name: str = "relocated.xlsx") -> Path:
    """``source`` with its worksheet moved to ``member``, the workbook's relationship following.

    Excel and python-calamine find a sheet wherever the relationship points, not only under
    ``xl/worksheets/``; the guards must look there too.
    """
    path = source.with_name(name)
    target = member.removeprefix("xl/").encode()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info).replace(b"worksheets/sheet1.xml", target)
            moved = member if info.filename == "xl/worksheets/sheet1.xml" else info.filename
            zout.writestr(moved, data)
    return path


def lying_dimension_xlsx(directory: Path, name: str = "dimension.xlsx") -> Path:
    """A small sheet whose ``<dimension>`` claims the whole grid A1:XFD1048576."""
    rows = _xlsx_row(1, HEADER) + _xlsx_row(2, ROWS[0])
    return _write_xlsx(directory / name, _xlsx_sheet(rows, "A1:XFD1048576"))


def wide_xlsx(directory: Path, columns: int = 16_384, name: str = "wide.xlsx") -> Path:
    """A sheet whose first row fills ``columns`` columns (raw XML; xlsx stops at XFD)."""
    cells = "".join(f'<c r="{_letters(c)}1"><v>{c}</v></c>' for c in range(1, columns + 1))
    sheet = _xlsx_sheet(f'<row r="1">{cells}</row>', f"A1:{_letters(columns)}1")
    return _write_xlsx(directory / name, sheet)


def wide_ods(directory: Path, columns: int = 60_000, name: str = "wide.ods") -> Path:
    """An ods whose first row has ``columns`` cells with content (written one by one)."""
    cell = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
    cell += "</table:table-cell>"
    body = f'<table:table-row table:style-name="ro1">{cell * columns}</table:table-row>'
    return _write_ods(directory / name, "Rộng", body, columns=columns)


def repeated_content_ods(
    directory: Path, rows: int = 2_000_000, columns: int = 1, name: str = "repeated.ods"
) -> Path:
    """An ods whose one row with content is repeated ``rows`` times over ``columns`` columns."""
    cell = (
        f'<table:table-cell table:number-columns-repeated="{columns}" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell>'
    )
    body = f'<table:table-row table:number-rows-repeated="{rows}">{cell}</table:table-row>'
    return _write_ods(directory / name, "Lặp", body, columns=columns)


# ---------------------------------------------------------------------------------------------
# xlsx plumbing


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xlsx_row(row: int, values: Iterable[object]) -> str:
    cells = []
    for col, value in enumerate(values, start=1):
        ref = f"{_letters(col)}{row}"
        if isinstance(value, int | float):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    return f'<row r="{row}">{"".join(cells)}</row>'


def _xlsx_sheet(rows: str, dimension: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def _xlsx_parts(sheet: str | None, shared_strings: str | None = None) -> dict[str, str]:
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
        + (
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            if shared_strings
            else ""
        )
        + "</Types>"
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{NS_PKG_R}">'
        f'<Relationship Id="rId1" Type="{NS_R}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
        '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{NS_PKG_R}">'
        f'<Relationship Id="rId1" Type="{NS_R}/worksheet" Target="worksheets/sheet1.xml"/>'
        + (
            f'<Relationship Id="rId2" Type="{NS_R}/sharedStrings" Target="sharedStrings.xml"/>'
            if shared_strings
            else ""
        )
        + "</Relationships>"
    )
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": rels,
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": book_rels,
    }
    if shared_strings:
        parts["xl/sharedStrings.xml"] = shared_strings
    if sheet is not None:
        parts["xl/worksheets/sheet1.xml"] = sheet
    return parts


def _write_xlsx(
    path: Path,
    sheet: str,
    shared_strings: str | None = None,
    extra: dict[str, str] | None = None,
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, text in {**_xlsx_parts(sheet, shared_strings), **(extra or {})}.items():
            zf.writestr(member, text)
    return path


# ---------------------------------------------------------------------------------------------
# ods plumbing


def _ods_cell(value: object) -> str:
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _write_ods(path: Path, table: str, rows: str, columns: int) -> Path:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {ns} office:version="1.3"><office:body><office:spreadsheet>'
        f'<table:table table:name="{escape(table)}" table:style-name="ta1">'
        f'<table:table-column table:number-columns-repeated="{columns}"/>'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


# ---------------------------------------------------------------------------------------------
# A zip writer for pre-deflated members (the bombs)


class _RawMember:
    def __init__(self, name: str, pieces: list[bytes], crc: int, size: int) -> None:
        self.name = name
        self.pieces = pieces
        self.crc = crc
        self.size = size

    @classmethod
    def of(cls, name: str, text: str) -> _RawMember:
        data = text.encode()
        comp = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, [comp.compress(data) + comp.flush()], zlib.crc32(data), len(data))


def _write_raw_zip(path: Path, members: list[_RawMember]) -> Path:
    central = []
    with path.open("wb") as out:
        for m in members:
            name = m.name.encode()
            packed = sum(len(p) for p in m.pieces)
            fields = (20, 0, 8, 0, 0x21, m.crc, packed, m.size, len(name), 0)
            offset = out.tell()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + name)
            for piece in m.pieces:
                out.write(piece)
            central.append(
                struct.pack("<IH", 0x02014B50, 20)
                + struct.pack("<HHHHHIIIHH", *fields)
                + struct.pack("<HHHII", 0, 0, 0, 0, offset)
                + name
            )
        start = out.tell()
        directory = b"".join(central)
        out.write(directory)
        out.write(
            struct.pack(
                "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0
            )
        )
    return path


# CRC-32 of concatenations without reading the data (zlib's crc32_combine, in Python).


def _gf2_times(matrix: list[int], vector: int) -> int:
    total = 0
    i = 0
    while vector:
        if vector & 1:
            total ^= matrix[i]
        vector >>= 1
        i += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def _crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A+B from crc(A), crc(B) and len(B)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _crc32_repeated(block: bytes, times: int, block_crc: int) -> int:
    """CRC-32 of ``block * times``, by doubling."""
    result, result_len = 0, 0
    power, power_len = block_crc, len(block)
    while times > 0:
        if times & 1:
            result = _crc32_combine(result, power, power_len)
            result_len += power_len
        power = _crc32_combine(power, power, power_len)
        power_len *= 2
        times >>= 1
    return result
