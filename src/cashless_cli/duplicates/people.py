"""The rows the matcher compares: one :class:`Person` per roster row, with where it is.

Built from validated rosters (:func:`people_of_month`) or from a month's dataset rows
(:func:`person_from_fields`); nothing here reads a file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from cashless_cli.dataset.month import walk_communes
from cashless_cli.duplicates.names import fold_name
from cashless_cli.normalise.vocab import Receiver
from cashless_cli.schema.domain import Unit
from cashless_cli.validation import FileReport
from cashless_cli.workspace.matching import Matching

__all__ = ["Person", "RowRef", "people_of_month", "person_from_fields"]

_BY_OTHER = {str(Receiver.GUARDIAN), str(Receiver.AUTHORISED)}


class RowRef(NamedTuple):
    """Where a row is: month (YYYY-MM), commune code, file name, 1-based sheet row."""

    month: str
    commune_code: str
    file: str
    row: int


@dataclass(slots=True)
class Person:
    """One roster row as the matcher sees it (read-only by convention: not frozen, because a
    province month builds 150,000 of them). Dates are ISO text ("1950-02-01", or "1950" when
    only the year is known)."""

    ref: RowRef
    commune: str
    name: str | None = None
    birth: str | None = None
    sex: str | None = None
    pid: str | None = None
    village: str | None = None
    phone: str | None = None
    account: str | None = None
    receiver: str | None = None  # Bản thân / Người giám hộ / Người được ủy quyền
    receiver_name: str | None = None
    receiver_id: str | None = None
    category: str | None = None  # the category code (dien): which programme the row is of
    amount: int | None = None  # the monthly amount (muc_tro_cap)
    folded: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        self.folded = fold_name(self.name)

    @property
    def birth_year(self) -> str | None:
        return self.birth[:4] if self.birth else None

    @property
    def birth_text(self) -> str:
        """The birth date as an office writes it: dd/mm/yyyy, or the year alone."""
        if not self.birth or len(self.birth) != 10:
            return self.birth or ""
        return f"{self.birth[8:10]}/{self.birth[5:7]}/{self.birth[:4]}"

    @property
    def full_birth(self) -> bool:
        return self.birth is not None and len(self.birth) == 10

    @property
    def by_other(self) -> bool:
        """Paid through a guardian or an authorised person."""
        return self.receiver in _BY_OTHER

    @property
    def holder(self) -> tuple[str | None, str]:
        """Who holds the account and phone: (their ID, their folded name)."""
        if self.by_other:
            return self.receiver_id, fold_name(self.receiver_name)
        return self.pid, self.folded

    @property
    def fingerprint(self) -> str:
        """Who the row is, stable across months and row moves: commune, ID, name, birth."""
        return "|".join((self.ref.commune_code, self.pid or "", self.folded, self.birth or ""))

    @property
    def key(self) -> str:
        """A short stable key of :attr:`fingerprint` (what decisions remember)."""
        return hashlib.sha256(self.fingerprint.encode("utf-8")).hexdigest()[:16]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text or None


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    iso = getattr(value, "iso", None)
    return str(iso()) if callable(iso) else str(value)


def person_from_fields(ref: RowRef, commune: str, row: Mapping[str, Any]) -> Person:
    """A person from roster fields (a :class:`RosterRow`'s or a dataset line's)."""
    return Person(
        ref=ref,
        commune=commune,
        name=_text(row.get("ho_ten")),
        birth=_iso(row.get("ngay_sinh")),
        sex=_text(row.get("gioi_tinh")),
        pid=_text(row.get("so_dinh_danh")),
        village=_text(row.get("thon")),
        phone=_text(row.get("dien_thoai")),
        account=_text(row.get("so_tai_khoan")),
        receiver=_text(row.get("nguoi_nhan")),
        receiver_name=_text(row.get("ten_nguoi_nhan")),
        receiver_id=_text(row.get("so_dinh_danh_nguoi_nhan")),
        category=_text(row.get("dien")),
        amount=_amount(row.get("muc_tro_cap")),
    )


def _amount(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


#: The roster columns a person is built from (and compared on, but for the receiver's kind).
ROSTER_FIELDS = (
    "ho_ten",
    "ngay_sinh",
    "gioi_tinh",
    "so_dinh_danh",
    "thon",
    "dien_thoai",
    "so_tai_khoan",
    "nguoi_nhan",
    "ten_nguoi_nhan",
    "so_dinh_danh_nguoi_nhan",
)


def people_of_report(month: str, unit: Unit, report: FileReport) -> list[Person]:
    """Every row of one readable roster (read column by column: no row model is built, the
    exports ask this of 150,000 rows)."""
    keys = (*ROSTER_FIELDS, "dien", "muc_tro_cap")  # + which programme, how much
    columns = report.field_values(keys)
    name = report.path.name
    return [
        person_from_fields(
            RowRef(month, unit.code, name, record.row),
            unit.name,
            {key: columns[key][i] for key in keys},
        )
        for i, record in enumerate(report.records)
    ]


def people_of_month(
    month: str,
    units: Iterable[Unit],
    reports: Mapping[Path, FileReport],
    matching: Matching,
) -> list[Person]:
    """Every row of every readable roster matched to a commune, in the communes' order (the
    month's one walk: a commune with two rosters or an unreadable one has no rows here; a
    commune of old communes' lists has the rows of the lists that are paid, ``partial``)."""
    out: list[Person] = []
    for commune in walk_communes(units, reports, matching, partial=True):
        if commune.readable is not None:
            # a commune merged from its old communes' lists: each row under its own file
            for part in [p for _, p in commune.parts] or [commune.readable]:
                out.extend(people_of_report(month, commune.unit, part))
    return out
