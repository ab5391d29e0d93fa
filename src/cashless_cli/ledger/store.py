"""The handoff ledger: who was handed to the Post Office, in which batch, under which reference.

One SQLite file per workspace (``.cashless/ledger.sqlite``, mode 0600: it holds IDs). Every
change happens in one explicit transaction (``BEGIN IMMEDIATE`` … ``COMMIT``) with
``synchronous=FULL``, so a killed process leaves the ledger as it was before the transaction.

Schema (version 1, and the tables added since, marked with their version)::

    meta(key PRIMARY KEY, value)                 schema_version, ledger_id (random, per ledger)
    batches(batch_id PRIMARY KEY, month, seq, created_at, rows, total_amount, held_back,
            resend_of → batches, encrypted, folder, manifest_sha256, tool_version,
            UNIQUE(month, seq))
    batch_files(batch_id → batches, name, role, sha256, bytes, PRIMARY KEY(batch_id, name))
    refs(ref PRIMARY KEY, month, beneficiary_id, holder_id,
         UNIQUE(month, beneficiary_id, holder_id))   one reference code per person+holder+month
    handovers(batch_id → batches, ref → refs, line, commune_code, commune, beneficiary_id,
              beneficiary_name, receiver, holder_id, holder_name, phone, category, amount,
              source_file, source_row, PRIMARY KEY(batch_id, ref))
    replies(id PRIMARY KEY, ref → refs, outcome 'opened'|'failed', reason, account_number,
            provider, replied_on, received_at, source_file, source_sha256)
            the Post Office's answer per reference code (import-postoffice); append-only:
            the latest row (highest id) of a reference is its answer
    duplicate_decisions(id PRIMARY KEY, code, verdict 'same'|'different', keep, a_key, b_key,
            decided_at, source_file, source_sha256)                      (schema 2)
            an officer's decision on a duplicate candidate pair (cashless duplicates --import);
            append-only: the latest row of a code is the decision
    payment_lines(ref PRIMARY KEY, month, person, beneficiary_id, programme, commune_code,
            commune, beneficiary_name, category, channel 'account'|'cash', amount, arrears,
            arrears_months, listed_at, UNIQUE(month, person, programme))          (schema 3)
            one line of a month's payment list (export-payments); ``person`` is the ID, or the
            row's place for a row without a usable ID
    payment_results(id PRIMARY KEY, ref → payment_lines, outcome 'paid'|'unpaid',
            amount_paid, reason, paid_on, received_at, source_file, source_sha256) (schema 3)
            the provider's result per line (import-payments); append-only: the latest row of a
            reference is its result
    payment_resumptions(id PRIMARY KEY, person, programme, month, reason, recorded_by,
            recorded_at, UNIQUE(person, programme, month))                       (schema 4)
            the commune lifting a suspension (resume-payment): from ``month``'s list on, the
            months not collected before it no longer count towards a suspension

A person (beneficiary ID) counts as handed over with a holder (account holder's ID) when their
latest handover row has that holder.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cashless_cli.errors import OutputError, WorkspaceError
from cashless_cli.fs.atomic import ensure_folder
from cashless_cli.problems import Phrase

#: 2: duplicate_decisions; 3: payment_lines, payment_results; 4: payment_resumptions (an older
#: ledger gains the new tables when opened, see :meth:`Ledger._migrate`)
SCHEMA_VERSION = 4
LEDGER_NAME = "ledger.sqlite"
BACKUP_NAME = "ledger.backup.sqlite"  # a copy taken after every change (see ledger.guard)
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS batches (
    batch_id        TEXT PRIMARY KEY,
    month           TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    rows            INTEGER NOT NULL,
    total_amount    INTEGER NOT NULL,
    held_back       INTEGER NOT NULL,
    resend_of       TEXT REFERENCES batches(batch_id),
    encrypted       INTEGER NOT NULL,
    folder          TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    tool_version    TEXT NOT NULL,
    UNIQUE (month, seq)
);
CREATE TABLE IF NOT EXISTS batch_files (
    batch_id TEXT NOT NULL REFERENCES batches(batch_id),
    name     TEXT NOT NULL,
    role     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    bytes    INTEGER NOT NULL,
    PRIMARY KEY (batch_id, name)
);
CREATE TABLE IF NOT EXISTS refs (
    ref            TEXT PRIMARY KEY,
    month          TEXT NOT NULL,
    beneficiary_id TEXT NOT NULL,
    holder_id      TEXT NOT NULL,
    UNIQUE (month, beneficiary_id, holder_id)
);
CREATE TABLE IF NOT EXISTS handovers (
    batch_id         TEXT NOT NULL REFERENCES batches(batch_id),
    ref              TEXT NOT NULL REFERENCES refs(ref),
    line             INTEGER NOT NULL,
    commune_code     TEXT NOT NULL,
    commune          TEXT NOT NULL,
    beneficiary_id   TEXT NOT NULL,
    beneficiary_name TEXT NOT NULL,
    receiver         TEXT NOT NULL,
    holder_id        TEXT NOT NULL,
    holder_name      TEXT NOT NULL,
    phone            TEXT NOT NULL,
    category         TEXT,
    amount           INTEGER NOT NULL,
    source_file      TEXT NOT NULL,
    source_row       INTEGER NOT NULL,
    PRIMARY KEY (batch_id, ref)
);
CREATE INDEX IF NOT EXISTS handovers_beneficiary ON handovers(beneficiary_id);
CREATE TABLE IF NOT EXISTS replies (
    id             INTEGER PRIMARY KEY,
    ref            TEXT NOT NULL REFERENCES refs(ref),
    outcome        TEXT NOT NULL CHECK (outcome IN ('opened', 'failed')),
    reason         TEXT,
    account_number TEXT,
    provider       TEXT,
    replied_on     TEXT,
    received_at    TEXT NOT NULL,
    source_file    TEXT,
    source_sha256  TEXT
);
CREATE INDEX IF NOT EXISTS replies_ref ON replies(ref);
CREATE TABLE IF NOT EXISTS duplicate_decisions (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL,
    verdict       TEXT NOT NULL CHECK (verdict IN ('same', 'different')),
    keep          TEXT,
    a_key         TEXT NOT NULL,
    b_key         TEXT NOT NULL,
    decided_at    TEXT NOT NULL,
    source_file   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS duplicate_decisions_code ON duplicate_decisions(code);
CREATE TABLE IF NOT EXISTS payment_lines (
    ref              TEXT PRIMARY KEY,
    month            TEXT NOT NULL,
    person           TEXT NOT NULL,
    beneficiary_id   TEXT,
    programme        TEXT NOT NULL,
    commune_code     TEXT NOT NULL,
    commune          TEXT NOT NULL,
    beneficiary_name TEXT,
    category         TEXT,
    channel          TEXT NOT NULL CHECK (channel IN ('account', 'cash')),
    amount           INTEGER NOT NULL,
    arrears          INTEGER NOT NULL,
    arrears_months   TEXT NOT NULL,
    listed_at        TEXT NOT NULL,
    UNIQUE (month, person, programme)
);
CREATE INDEX IF NOT EXISTS payment_lines_person ON payment_lines(person);
CREATE TABLE IF NOT EXISTS payment_results (
    id            INTEGER PRIMARY KEY,
    ref           TEXT NOT NULL REFERENCES payment_lines(ref),
    outcome       TEXT NOT NULL CHECK (outcome IN ('paid', 'unpaid')),
    amount_paid   INTEGER NOT NULL,
    reason        TEXT,
    paid_on       TEXT,
    received_at   TEXT NOT NULL,
    source_file   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS payment_results_ref ON payment_results(ref);
CREATE TABLE IF NOT EXISTS payment_resumptions (
    id          INTEGER PRIMARY KEY,
    person      TEXT NOT NULL,
    programme   TEXT NOT NULL,
    month       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (person, programme, month)
);
"""


#: The tables (and their columns) that hold who was handed over and what the Post Office
#: answered: an existing ledger lacking one is damaged, never silently given an empty one.
#: Tables added later by other features (additive, ``CREATE TABLE IF NOT EXISTS``) are not
#: required here.
REQUIRED_TABLES: dict[str, tuple[str, ...]] = {
    "meta": ("key", "value"),
    "batches": ("batch_id", "month", "seq", "created_at", "rows", "total_amount", "held_back"),
    "batch_files": ("batch_id", "name", "role", "sha256", "bytes"),
    "refs": ("ref", "month", "beneficiary_id", "holder_id"),
    "handovers": ("batch_id", "ref", "line", "beneficiary_id", "holder_id", "amount"),
    "replies": ("id", "ref", "outcome", "account_number", "replied_on", "received_at"),
}


class LedgerError(WorkspaceError):
    """The ledger cannot be used (missing in a workspace that had one, empty, not a file,
    damaged, newer, another workspace's, older): exit code 2, with what to restore."""

    @classmethod
    def of(cls, code: str, **params: object) -> LedgerError:
        """The catalogue entry ``code`` with its parameters (worded when shown)."""
        return cls(code, **params)


def _refuse(code: str, path: Path, **params: object) -> LedgerError:
    return LedgerError.of(code, path=path, backup=path.with_name(BACKUP_NAME), **params)


def check_ledger_file(path: Path) -> None:
    """Refuse (:class:`LedgerError`) what stands at ``path`` unless it is a non-empty regular
    file that can be opened: a folder, a link to nothing, a device, 0 bytes, no access, not an
    SQLite file. (A missing path is the caller's business.)"""
    if path.is_symlink() and not path.exists():
        target = os.readlink(path)
        kind = Phrase("ledger-why.dangling-link", {"target": target})
        raise _refuse("ledger-not-a-file", path, kind=kind)
    try:
        info = path.stat()
    except OSError as exc:
        raise _refuse("ledger-no-access", path, reason=exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise _refuse("ledger-not-a-file", path, kind=Phrase("ledger-why.folder"))
    if not stat.S_ISREG(info.st_mode):
        raise _refuse("ledger-not-a-file", path, kind=Phrase("ledger-why.special-file"))
    if info.st_size == 0:
        raise _refuse("ledger-empty", path)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise _refuse("ledger-no-access", path, reason=exc) from exc
    if not os.access(path, os.W_OK):
        raise _refuse("ledger-no-access", path, reason=Phrase("ledger-why.read-only"))
    if head != _SQLITE_MAGIC:
        raise _refuse(
            "ledger-damaged",
            path,
            reason=Phrase("ledger-why.not-sqlite"),
        )


@dataclass(frozen=True, slots=True)
class BatchFile:
    name: str
    role: str
    sha256: str
    bytes: int


@dataclass(frozen=True, slots=True)
class Handover:
    """One person handed over in one batch (what the ledger keeps of a list row)."""

    ref: str
    line: int
    commune_code: str
    commune: str
    beneficiary_id: str
    beneficiary_name: str
    receiver: str
    holder_id: str
    holder_name: str
    phone: str
    category: str | None
    amount: int
    source_file: str
    source_row: int


@dataclass(frozen=True, slots=True)
class Batch:
    batch_id: str
    month: str
    seq: int
    created_at: str
    rows: int
    total_amount: int
    held_back: int
    resend_of: str | None
    encrypted: bool
    folder: str
    manifest_sha256: str
    tool_version: str


@dataclass(frozen=True, slots=True)
class Reply:
    """The Post Office's answer for one reference code (one row of ``replies``)."""

    ref: str
    outcome: str  # "opened" or "failed"
    reason: str | None
    account_number: str | None
    provider: str | None
    replied_on: str | None  # ISO date the account was opened (or the failure noted)
    received_at: str  # ISO time of the import
    source_file: str | None  # the kept copy, relative to the workspace
    source_sha256: str | None
    id: int = 0  # assigned by the ledger


@dataclass(frozen=True, slots=True)
class DuplicateDecision:
    """An officer's decision on one duplicate candidate pair (one row of
    ``duplicate_decisions``). ``keep`` is the kept row's key when the verdict is ``same``."""

    code: str
    verdict: str  # "same" or "different"
    keep: str | None
    a_key: str
    b_key: str
    decided_at: str  # ISO time of the import
    source_file: str  # the reviewed workbook's name
    source_sha256: str


@dataclass(frozen=True, slots=True)
class HandedRef:
    """One handover of a reference code: the batch it went in and the row."""

    batch_id: str
    month: str
    created_at: str
    handover: Handover


@dataclass(frozen=True, slots=True)
class BatchSummary:
    batch: Batch
    communes: dict[str, int]  # commune name → rows
    files: tuple[BatchFile, ...]
    replies: int


class Ledger:
    """The SQLite ledger of one workspace. Use :meth:`open`; close it (or use ``with``)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, created: bool) -> None:
        self.path = path
        self.conn = conn
        self.created = created  # True when this open made a new, empty ledger

    # ---- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> Ledger:
        """Open the ledger at ``path``, creating a new one only where nothing stands (see
        :func:`check_ledger_file` for what is refused; :mod:`cashless_cli.ledger.guard` decides
        whether a workspace may start a new one)."""
        ensure_folder(path.parent)
        created = not os.path.lexists(path)
        if created:  # create it private before SQLite does (journals copy its mode)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        else:
            check_ledger_file(path)
        try:
            # mode=rw: SQLite never creates a file here (it was made above, or must exist)
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=rw", isolation_level=None, timeout=30, uri=True
            )
        except sqlite3.DatabaseError as exc:
            raise _refuse("ledger-no-access", path, reason=exc) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA journal_mode = DELETE")
            ledger = cls(path, conn, created)
            if not created:
                ledger._verify()
            ledger._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _refuse("ledger-damaged", path, reason=exc) from exc
        except BaseException:
            conn.close()
            raise
        return ledger

    def _verify(self) -> None:
        """An existing ledger: SQLite's own check, every required table and column, a schema
        this version reads. Raises :class:`LedgerError`."""
        check = self.conn.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise _refuse("ledger-damaged", self.path, reason=str(check[0] if check else "?"))
        tables = {
            str(name)
            for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        for table, columns in REQUIRED_TABLES.items():
            have = (
                {str(r[1]) for r in self.conn.execute(f"PRAGMA table_info({table})")}
                if table in tables
                else set()
            )
            lacking = [c for c in columns if c not in have]
            if lacking:
                what = (
                    Phrase("ledger-why.table-missing", {"table": table})
                    if not have
                    else Phrase(
                        "ledger-why.table-lacks", {"table": table, "columns": ", ".join(lacking)}
                    )
                )
                raise _refuse("ledger-damaged", self.path, reason=what)
        version = self.meta("schema_version")
        if version is None or not version.isdigit() or self.meta("ledger_id") is None:
            raise _refuse(
                "ledger-damaged",
                self.path,
                reason=Phrase("ledger-why.no-version"),
            )
        if int(version) > SCHEMA_VERSION:
            raise _refuse("ledger-newer", self.path, version=version, known=SCHEMA_VERSION)

    def _migrate(self) -> None:
        with self.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            if self.meta("schema_version") is None:
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('ledger_id', ?)", (uuid.uuid4().hex,)
                )
            elif int(self.meta("schema_version") or SCHEMA_VERSION) < SCHEMA_VERSION:
                # an older ledger: the new tables were created just above
                self.conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'",
                    (str(SCHEMA_VERSION),),
                )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions ---------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; any exception rolls back and propagates. A ledger
        that cannot be written (read-only, a full disk) is an :class:`OutputError` naming it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise OutputError.from_os_error(self.path, exc) from exc

    # ---- reading --------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @property
    def ledger_id(self) -> str:
        value = self.meta("ledger_id")
        assert value is not None
        return value

    def has_batch(self, batch_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM batches WHERE batch_id = ?", (batch_id,))
        return row.fetchone() is not None

    def batch(self, batch_id: str) -> Batch | None:
        row = self.conn.execute(
            "SELECT batch_id, month, seq, created_at, rows, total_amount, held_back, resend_of, "
            "encrypted, folder, manifest_sha256, tool_version FROM batches WHERE batch_id = ?",
            (batch_id,),
        ).fetchone()
        return None if row is None else _batch(row)

    def batches(self, month: str | None = None) -> list[Batch]:
        sql = (
            "SELECT batch_id, month, seq, created_at, rows, total_amount, held_back, resend_of, "
            "encrypted, folder, manifest_sha256, tool_version FROM batches"
        )
        args: tuple[str, ...] = ()
        if month is not None:
            sql += " WHERE month = ?"
            args = (month,)
        sql += " ORDER BY month, seq"
        return [_batch(r) for r in self.conn.execute(sql, args)]

    def summaries(self, month: str | None = None) -> list[BatchSummary]:
        out = []
        for b in self.batches(month):
            communes = {
                str(name): int(n)
                for name, n in self.conn.execute(
                    "SELECT commune, COUNT(*) FROM handovers WHERE batch_id = ? "
                    "GROUP BY commune ORDER BY MIN(line)",
                    (b.batch_id,),
                )
            }
            replies = self.conn.execute(
                "SELECT COUNT(DISTINCT r.ref) FROM replies r JOIN handovers h ON h.ref = r.ref "
                "WHERE h.batch_id = ?",
                (b.batch_id,),
            ).fetchone()[0]
            out.append(BatchSummary(b, communes, tuple(self.files(b.batch_id)), int(replies)))
        return out

    def files(self, batch_id: str) -> list[BatchFile]:
        return [
            BatchFile(str(n), str(r), str(s), int(b))
            for n, r, s, b in self.conn.execute(
                "SELECT name, role, sha256, bytes FROM batch_files WHERE batch_id = ? "
                "ORDER BY rowid",
                (batch_id,),
            )
        ]

    def handovers(self, batch_id: str) -> list[Handover]:
        return [
            Handover(*row)
            for row in self.conn.execute(
                "SELECT ref, line, commune_code, commune, beneficiary_id, beneficiary_name, "
                "receiver, holder_id, holder_name, phone, category, amount, source_file, "
                "source_row FROM handovers WHERE batch_id = ? ORDER BY line",
                (batch_id,),
            )
        ]

    def latest_holders(self, beneficiary_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Beneficiary ID → the holder ID of their latest handover (of those ever handed over;
        of everybody when ``beneficiary_ids`` is None)."""
        wanted = None if beneficiary_ids is None else set(beneficiary_ids)
        out: dict[str, str] = {}
        for ben, holder in self.conn.execute(
            "SELECT h.beneficiary_id, h.holder_id FROM handovers h "
            "JOIN batches b ON b.batch_id = h.batch_id ORDER BY b.created_at, b.month, b.seq"
        ):
            if wanted is None or ben in wanted:
                out[str(ben)] = str(holder)  # later batches overwrite earlier ones
        return out

    def ref_owner(self, ref: str) -> tuple[str, str, str] | None:
        row = self.conn.execute(
            "SELECT month, beneficiary_id, holder_id FROM refs WHERE ref = ?", (ref,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]))

    def ref_for(self, month: str, beneficiary_id: str, holder_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT ref FROM refs WHERE month = ? AND beneficiary_id = ? AND holder_id = ?",
            (month, beneficiary_id, holder_id),
        ).fetchone()
        return None if row is None else str(row[0])

    def refs_of_month(self, month: str) -> dict[tuple[str, str, str], str]:
        """(month, beneficiary's ID, holder's ID) → the code the ledger gave them, for every
        code of ``month`` (one query for a batch, not one a row)."""
        rows = self.conn.execute(
            "SELECT month, beneficiary_id, holder_id, ref FROM refs WHERE month = ?", (month,)
        )
        return {(str(m), str(b), str(h)): str(ref) for m, b, h, ref in rows}

    def handed_refs(self, refs: Iterable[str] | None = None) -> dict[str, list[HandedRef]]:
        """Reference code → every handover of it, oldest batch first (a resent batch quotes the
        same codes again). All codes when ``refs`` is None."""
        wanted = None if refs is None else set(refs)
        out: dict[str, list[HandedRef]] = {}
        for row in self.conn.execute(
            "SELECT b.batch_id, b.month, b.created_at, h.ref, h.line, h.commune_code, h.commune, "
            "h.beneficiary_id, h.beneficiary_name, h.receiver, h.holder_id, h.holder_name, "
            "h.phone, h.category, h.amount, h.source_file, h.source_row FROM handovers h "
            "JOIN batches b ON b.batch_id = h.batch_id ORDER BY b.created_at, b.month, b.seq"
        ):
            if wanted is not None and row[3] not in wanted:
                continue
            item = HandedRef(str(row[0]), str(row[1]), str(row[2]), Handover(*row[3:]))
            out.setdefault(item.handover.ref, []).append(item)
        return out

    def latest_replies(self, refs: Iterable[str] | None = None) -> dict[str, Reply]:
        """Reference code → its current answer (the latest imported), for answered codes."""
        wanted = None if refs is None else set(refs)
        out: dict[str, Reply] = {}
        for row in self.conn.execute(
            "SELECT ref, outcome, reason, account_number, provider, replied_on, received_at, "
            "source_file, source_sha256, id FROM replies ORDER BY id"
        ):
            if wanted is None or row[0] in wanted:
                out[str(row[0])] = _reply(row)  # later rows overwrite earlier ones
        return out

    def reply_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM replies").fetchone()[0])

    def payment_result_count(self) -> int:
        """How many provider results (import-payments) the ledger holds (schema 3)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM payment_results").fetchone()[0])

    def resumption_count(self) -> int:
        """How many suspensions were lifted (resume-payment, schema 4)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM payment_resumptions").fetchone()[0])

    def batch_ids(self) -> set[str]:
        return {str(b) for (b,) in self.conn.execute("SELECT batch_id FROM batches")}

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the ledger into ``target`` (SQLite's backup API)."""
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()

    def duplicate_decisions(self) -> dict[str, DuplicateDecision]:
        """Candidate code → its latest decision."""
        rows = self.conn.execute(
            "SELECT code, verdict, keep, a_key, b_key, decided_at, source_file, source_sha256 "
            "FROM duplicate_decisions ORDER BY id"
        ).fetchall()
        out: dict[str, DuplicateDecision] = {}
        for code, verdict, keep, a_key, b_key, at, source, sha in rows:
            out[str(code)] = DuplicateDecision(
                str(code),
                str(verdict),
                _opt(keep),
                str(a_key),
                str(b_key),
                str(at),
                str(source),
                str(sha),
            )
        return out

    def next_seq(self, month: str) -> int:
        row = self.conn.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM batches WHERE month = ?", (month,)
        ).fetchone()
        return int(row[0]) + 1

    # ---- writing (inside :meth:`transaction`) ---------------------------------------------
    def insert_batch(
        self, batch: Batch, files: Iterable[BatchFile], handovers: Iterable[Handover]
    ) -> None:
        """Record a batch, its files and its rows. Call inside :meth:`transaction`."""
        assert self.conn.in_transaction, "insert_batch needs an open transaction"
        self.conn.execute(
            "INSERT INTO batches(batch_id, month, seq, created_at, rows, total_amount, held_back, "
            "resend_of, encrypted, folder, manifest_sha256, tool_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                batch.batch_id,
                batch.month,
                batch.seq,
                batch.created_at,
                batch.rows,
                batch.total_amount,
                batch.held_back,
                batch.resend_of,
                int(batch.encrypted),
                batch.folder,
                batch.manifest_sha256,
                batch.tool_version,
            ),
        )
        self.conn.executemany(
            "INSERT INTO batch_files(batch_id, name, role, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
            [(batch.batch_id, f.name, f.role, f.sha256, f.bytes) for f in files],
        )
        for h in handovers:
            self.conn.execute(
                "INSERT INTO refs(ref, month, beneficiary_id, holder_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(ref) DO NOTHING",
                (h.ref, batch.month, h.beneficiary_id, h.holder_id),
            )
            if self.ref_owner(h.ref) != (batch.month, h.beneficiary_id, h.holder_id):
                raise LedgerError("ledger-ref-taken", ref=h.ref)
            self.conn.execute(
                "INSERT INTO handovers(batch_id, ref, line, commune_code, commune, "
                "beneficiary_id, beneficiary_name, receiver, holder_id, holder_name, phone, "
                "category, amount, source_file, source_row) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    batch.batch_id,
                    h.ref,
                    h.line,
                    h.commune_code,
                    h.commune,
                    h.beneficiary_id,
                    h.beneficiary_name,
                    h.receiver,
                    h.holder_id,
                    h.holder_name,
                    h.phone,
                    h.category,
                    h.amount,
                    h.source_file,
                    h.source_row,
                ),
            )

    def insert_replies(self, replies: Iterable[Reply]) -> int:
        """Record answers (new rows; the latest per code wins). Call inside
        :meth:`transaction`. Returns how many rows were written."""
        assert self.conn.in_transaction, "insert_replies needs an open transaction"
        n = 0
        for r in replies:
            if self.ref_owner(r.ref) is None:
                raise LedgerError("ledger-ref-unknown", ref=r.ref)
            self.conn.execute(
                "INSERT INTO replies(ref, outcome, reason, account_number, provider, replied_on, "
                "received_at, source_file, source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    r.ref,
                    r.outcome,
                    r.reason,
                    r.account_number,
                    r.provider,
                    r.replied_on,
                    r.received_at,
                    r.source_file,
                    r.source_sha256,
                ),
            )
            n += 1
        return n

    def insert_duplicate_decisions(self, decisions: Iterable[DuplicateDecision]) -> int:
        """Record decisions (new rows; the latest per code wins). Call inside
        :meth:`transaction`. Returns how many rows were written."""
        assert self.conn.in_transaction, "insert_duplicate_decisions needs an open transaction"
        n = 0
        for d in decisions:
            self.conn.execute(
                "INSERT INTO duplicate_decisions(code, verdict, keep, a_key, b_key, decided_at, "
                "source_file, source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    d.code,
                    d.verdict,
                    d.keep,
                    d.a_key,
                    d.b_key,
                    d.decided_at,
                    d.source_file,
                    d.source_sha256,
                ),
            )
            n += 1
        return n


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _reply(row: tuple[object, ...]) -> Reply:
    ref, outcome, reason, account, provider, replied_on, received, source, sha, rid = row
    return Reply(
        str(ref),
        str(outcome),
        _opt(reason),
        _opt(account),
        _opt(provider),
        _opt(replied_on),
        str(received),
        _opt(source),
        _opt(sha),
        int(str(rid)),
    )


def _batch(row: tuple[object, ...]) -> Batch:
    (bid, month, seq, created, rows, total, held, resend_of, enc, folder, sha, tool) = row
    return Batch(
        str(bid),
        str(month),
        int(str(seq)),
        str(created),
        int(str(rows)),
        int(str(total)),
        int(str(held)),
        None if resend_of is None else str(resend_of),
        bool(enc),
        str(folder),
        str(sha),
        str(tool),
    )


__all__ = [
    "BACKUP_NAME",
    "LEDGER_NAME",
    "REQUIRED_TABLES",
    "SCHEMA_VERSION",
    "Batch",
    "BatchFile",
    "BatchSummary",
    "DuplicateDecision",
    "HandedRef",
    "Handover",
    "Ledger",
    "LedgerError",
    "Reply",
    "check_ledger_file",
]
