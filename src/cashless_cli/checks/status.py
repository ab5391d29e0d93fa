"""Where a row's registration status comes from when its list does not say it.

A payment list or a vendor's report often has no "Tình trạng đăng ký" column, or leaves a cell
blank. The status then follows from what the list holds, in this order: an account number → has
an account; a payment-method column ("Hình thức chi trả": "Chuyển khoản", "qua tài khoản" →
account; "Tiền mặt" → cash, i.e. not registered); an "x" under "Đăng ký" → registered (a blank
there: not registered); otherwise the status is *unknown* (:data:`UNKNOWN_STATUS`). Pure: values
in, statuses and their sources out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cashless_cli.normalise.base import Invalid
from cashless_cli.normalise.text import clean_text, fold
from cashless_cli.normalise.vocab import Status, parse_mark

#: The status of a row whose list does not say it and gives nothing to infer it from. Not a
#: wording of the lists (not a :class:`Status`, not in the template's choices): counted apart,
#: never as not registered, never handed over as registered.
UNKNOWN_STATUS = "Không rõ"


class StatusSource(StrEnum):
    """Where a row's registration status was taken from."""

    COLUMN = "column"  # the status column says it
    ACCOUNT = "account"  # an account number: has an account
    PAYMENT_METHOD = "payment_method"  # "Tiền mặt" / "Chuyển khoản"
    MARK = "mark"  # an "x" (or a blank) under "Đăng ký"
    UNKNOWN = "unknown"  # nothing to tell


#: Header words (folded) of the columns the status can be inferred from, beside the roster's own.
_METHOD_HEADERS = (
    "hinhthucchitra",
    "hinhthucnhan",  # when not taken for the receiver (its values say cash or account)
    "hinhthucthanhtoan",
    "hinhthucchi",
    "phuongthucchitra",
    "phuongthucnhan",
    "phuongthucthanhtoan",
)
_MARK_HEADERS = ("dangky", "dk", "dangkynhanquataikhoan", "dangkychitraquataikhoan")
_ACCOUNT_WORDS = ("chuyenkhoan", "taikhoan", "quatk", "nganhang", "atm", "tk")


@dataclass(frozen=True, slots=True)
class StatusColumns:
    """The sheet columns (0-based) the status can be inferred from, other than the roster's."""

    method: int | None = None
    mark: int | None = None


def inference_columns(extra: Mapping[int, str]) -> StatusColumns:
    """Among the header's unrecognised columns (index → header text), the payment method and
    the "Đăng ký" mark (the first of each)."""
    method = mark = None
    for col, text in sorted(extra.items()):
        key = fold(text)
        if method is None and key.startswith(_METHOD_HEADERS):
            method = col
        elif mark is None and key in _MARK_HEADERS:
            mark = col
    return StatusColumns(method, mark)


def status_of_method(raw: Any) -> Status | None:
    """What a payment-method cell says: account, cash, or nothing usable (None)."""
    text = clean_text(raw) if isinstance(raw, str) else None
    if text is None:
        return None
    key = fold(text)
    if "tienmat" in key:
        return Status.NOT_REGISTERED
    if key.startswith("khong"):
        return None
    if any(word in key for word in _ACCOUNT_WORDS):
        return Status.HAS_ACCOUNT
    return None


def status_of_mark(raw: Any) -> Status | None:
    """What a cell under "Đăng ký" says: registered (a mark, see :func:`parse_mark`), not
    registered (blank), or nothing usable (None)."""
    try:
        ticked = parse_mark(raw).value
    except Invalid:
        return None
    return Status.REGISTERED if ticked else Status.NOT_REGISTERED


def decide_statuses(
    statuses: Sequence[Any] | None,
    accounts: Sequence[Any] | None,
    methods: Sequence[Any] | None,
    marks: Sequence[Any] | None,
    size: int,
) -> tuple[list[Any], list[StatusSource]] | None:
    """Each row's status and where it came from, or None when the status column gives every
    row's (the common case: nothing to decide). ``statuses``: the status column's clean values
    (None where blank or refused; None for the whole argument when the file has no such
    column); ``accounts``: the clean account numbers; ``methods`` and ``marks``: the raw cells
    of the payment-method and "Đăng ký" columns (each None when the file has none)."""
    if statuses is not None and None not in statuses:
        return None
    out: list[Any] = list(statuses) if statuses is not None else [None] * size
    sources = [StatusSource.COLUMN] * size
    for index, status in enumerate(out):
        if status is not None:
            continue
        method = status_of_method(methods[index]) if methods is not None else None
        mark = status_of_mark(marks[index]) if marks is not None else None
        decided: str
        if accounts is not None and accounts[index]:
            decided, source = Status.HAS_ACCOUNT, StatusSource.ACCOUNT
        elif method is Status.HAS_ACCOUNT:
            decided, source = method, StatusSource.PAYMENT_METHOD
        elif mark is Status.REGISTERED:
            decided, source = mark, StatusSource.MARK
        elif method is not None:
            decided, source = method, StatusSource.PAYMENT_METHOD
        elif mark is not None:
            decided, source = mark, StatusSource.MARK
        else:
            decided, source = UNKNOWN_STATUS, StatusSource.UNKNOWN
        out[index] = str(decided)
        sources[index] = source
    return out, sources
