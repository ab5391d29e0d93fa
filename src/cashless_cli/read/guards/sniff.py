"""What a file is, by its bytes (not its name): a workbook's magic number, another known binary
format, or text — and then which text (HTML, SpreadsheetML 2003 XML, CSV, plain text).

:func:`decode_text` is the one text sniffer of the code base: the guards use it on the start of a
file that is no workbook, the Post Office reply reader on a whole CSV file.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import PurePath
from typing import Literal, NoReturn

from cashless_cli.problems import Entry, ReadError
from cashless_cli.read.guards.base import not_workbook

ZIP_MAGIC = b"PK\x03\x04"
_ZIP_EMPTY = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPREADSHEETML_NS = "urn:schemas-microsoft-com:office:spreadsheet"

#: Bytes sniffed at the start of a file.
HEAD = 64 * 1024
_UTF16_PROBE = 4096  # bytes looked at for the zero bytes of UTF-16 text without a BOM

_EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".xltx", ".xltm", ".xlt", ".ods", ".ots"}

# Other things people send instead of a workbook (checked after the workbook formats).
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "kind-pdf"),
    (b"\x89PNG", "kind-png"),
    (b"\xff\xd8\xff", "kind-jpeg"),
    (b"Rar!", "kind-rar"),
    (b"7z\xbc\xaf\x27\x1c", "kind-7z"),
    (b"\x1f\x8b", "kind-gzip"),
    (b"{\\rtf", "kind-rtf"),
)

_HTML_STARTS = (
    "<!doctype html",
    "<html",
    "<table",
    "<meta",
    "<head",
    "<body",
    "<style",
    "<div",
    "<title",
)

Container = Literal["zip", "ole"]


def container(head: bytes, where: str) -> Container | None:
    """ "zip" or "ole" for the two workbook containers, None for anything else (an empty zip
    archive is refused at once)."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(_ZIP_EMPTY):
        raise not_workbook(where, "kind-empty-zip")
    if head.startswith(_OLE_MAGIC):
        return "ole"
    return None


def refuse_non_workbook(head: bytes, path: PurePath) -> NoReturn:
    """Raise the refusal of a file that is no workbook container, saying what it is."""
    where = str(path)
    for magic, code in _BINARY_SIGNATURES:
        if head.startswith(magic):
            raise not_workbook(where, code)
    decoded = decode_text(head, cut=True, utf16_without_bom=False)
    if decoded is None:
        raise not_workbook(where, "kind-binary")
    kind = _text_kind(decoded[0], cut=len(head) >= HEAD)
    if path.suffix.lower() in _EXCEL_SUFFIXES:
        raise ReadError("file-disguised", where, suffix=path.suffix, kind=Entry(kind))
    raise not_workbook(where, kind, bare=True)


def decode_text(
    data: bytes, *, cut: bool = False, utf16_without_bom: bool = True
) -> tuple[str, str] | None:
    """Bytes of a text file → (text in NFC, encoding name), or None if they are not text.

    UTF-8 with or without a BOM, UTF-16 with a BOM (or, with ``utf16_without_bom``, without one:
    told by its zero bytes), else Windows-1258 (Vietnamese). ``cut``: the bytes are the start of
    a file, whose last character may be cut short. Text holds no NUL and at most 1% of other
    control characters.
    """
    text: str | None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _decode(data[3:], "utf-8", cut), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _utf16(data, "utf-16", cut), "utf-16"
    elif b"\x00" in data[:_UTF16_PROBE]:
        if not utf16_without_bom:
            return None
        head = data[:_UTF16_PROBE]
        encoding = "utf-16-be" if head[0::2].count(0) > head[1::2].count(0) else "utf-16-le"
        text = _utf16(data, encoding, cut)
    else:
        text, encoding = _decode(data, "utf-8", cut), "utf-8"
        if text is None:
            text, encoding = data.decode("cp1258", errors="replace"), "cp1258"
    if not text or not is_text(text):
        return None
    return unicodedata.normalize("NFC", text), encoding


def is_text(text: str) -> bool:
    """No NUL, and at most 1% of other control characters in the first 64 KiB (tabs, line and
    page breaks and the DOS end-of-file mark do not count)."""
    sample = text[:HEAD]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\x1a")
    return controls <= len(sample) // 100 and "\x00" not in text


def _decode(raw: bytes, encoding: str, cut: bool) -> str | None:
    # The start of a file may end in the middle of a multi-byte character: allow a few bytes.
    for drop in range(4 if cut else 1):
        try:
            return raw[: len(raw) - drop].decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _utf16(data: bytes, encoding: str, cut: bool) -> str | None:
    if cut:
        return data[: len(data) // 2 * 2].decode(encoding, errors="replace")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _text_kind(text: str, cut: bool) -> str:
    """The catalogue phrase of what a text is."""
    start = text.lstrip("\ufeff \t\r\n").lower()
    probe = start[:4096]
    if start.startswith(_HTML_STARTS):
        return "kind-html"
    if start.startswith("<"):
        if _SPREADSHEETML_NS in start:
            return "kind-spreadsheetml"
        if "<html" in probe or "<table" in probe:
            return "kind-html"
        return "kind-xml"
    lines = [line for line in start.splitlines()[:200] if line.strip()]
    if len(lines) > 1 and cut:
        lines = lines[:-1]  # the last line may be cut by the sniffing window
    for sep in (",", ";", "\t", "|"):
        with_sep = sum(1 for line in lines if sep in line)
        if lines and with_sep >= max(1, (len(lines) * 4 + 4) // 5):
            return "kind-csv"
    return "kind-text"
