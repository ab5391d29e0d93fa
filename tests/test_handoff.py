"""export-postoffice: the right rows, once; harmless text; encryption; crash consistency;
LibreOffice. Every test works on a copy of the samples (or synthetic rosters) in tmp_path."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import msoffcrypto
import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from cashless_cli.cli.app import app
from cashless_cli.handoff import export as export_mod
from cashless_cli.handoff.export import ExportResult, export_postoffice
from cashless_cli.handoff.refs import CROCKFORD
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import WorkspaceError, load_workspace
from factory import Layout, make_rows, write_roster

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED: dict[str, Any] = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
JUNE = Month(2023, 6)
REF = re.compile(rf"^BS-2306-[{CROCKFORD}]{{7}}$")


def header_row(sheet: Any) -> int:
    """The row of a list's header (under the letterhead and titles)."""
    return next(r for r in range(1, 40) if sheet.cell(r, 1).value == "STT")


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A private copy of the sample workspace (tests never write into samples/)."""
    target = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", target)
    return target


def run(root: Path, **kwargs: Any) -> ExportResult:
    return export_postoffice(load_workspace(root), kwargs.pop("month", None), workers=1, **kwargs)


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def batch_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def ledger_rows(root: Path, sql: str) -> list[tuple[Any, ...]]:
    path = root / ".cashless" / "ledger.sqlite"
    if not path.exists():
        return []
    with sqlite3.connect(path) as conn:
        return list(conn.execute(sql))


def fold(text: Any) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip().lower()


# ---- the samples ----------------------------------------------------------------------------
def _status_of_row(path: Path, sheet: str, row: int) -> bool:
    """Independently of our reader: is sheet row ``row`` (1-based) a 'Đã đăng ký' row?"""
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name(sheet).to_python()
    return any(fold(v) == "đã đăng ký" for v in rows[row - 1])


def test_handoff_holds_exactly_the_registered_rows_with_usable_data(ws: Path) -> None:
    result = run(ws)
    assert result.batch == "BS-2023-06-01"
    files = EXPECTED["months"]["2023-06"]["files"]
    by_name = {c.unit.name: c for c in result.selection.communes}
    expected_total = 0
    for name, spec in files.items():
        registered_only = spec["registered"] - spec["with_account"]
        blocked = [
            p
            for p in spec["planted"]
            if p["severity"] == "error"
            and _status_of_row(
                ws / "rosters" / "2023-06" / name,
                spec["sheet"],
                int(re.sub(r"\D", "", p["cell"])),
            )
        ]
        commune = by_name[spec["commune"]]
        assert len(commune.held) == len(blocked), name
        assert len(commune.rows) == registered_only - len(blocked), name
        held_cells = {r.cell for h in commune.held for r in h.reasons}
        assert {p["cell"] for p in blocked} <= held_cells
        expected_total += registered_only - len(blocked)
    assert len(result.rows) == expected_total
    rows = read_csv(ws / "handoff" / "2023-06" / "BS-2023-06-01_buu-dien.csv")
    assert len(rows) == expected_total
    # the samples' only registered row with an error is Bình Trị's registration in July
    assert [(h.commune, h.reasons[0].code) for h in result.selection.held] == [
        ("Bình Trị", "registration-after-month")
    ]


def _independent_registered_ids(path: Path) -> set[str] | None:
    """IDs of 'Đã đăng ký' rows read with openpyxl and plain header matching (None when this
    simple reader cannot find the columns)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    for ws_ in wb.worksheets:
        rows = list(ws_.iter_rows(values_only=True))
        for i, row in enumerate(rows[:12]):
            heads = [fold(v).replace("\n", " ") for v in row]
            status = [c for c, h in enumerate(heads) if h.startswith("tình trạng")]
            ident = [c for c, h in enumerate(heads) if h in ("số cccd/định danh", "số cccd")]
            if status and ident:
                out = set()
                for data in rows[i + 1 :]:
                    if fold(data[status[0]]) == "đã đăng ký":
                        value = data[ident[0]]
                        digits = re.sub(r"\D", "", str(value if value is not None else ""))
                        out.add(digits.zfill(12) if isinstance(value, int) else digits)
                return out
    return None


def test_handoff_ids_match_the_rosters_read_independently(ws: Path) -> None:
    result = run(ws)
    rows = read_csv(ws / "handoff" / "2023-06" / f"{result.batch}_buu-dien.csv")
    held = {(h.commune, h.beneficiary_id) for h in result.selection.held}
    checked = 0
    for unit in load_workspace(ws).area.communes:
        commune = next(c for c in result.selection.communes if c.unit.code == unit.code)
        assert commune.source is not None
        if commune.source.suffix != ".xlsx" or "Hiệp" in commune.source.name:  # TCVN3 file
            continue
        ids = _independent_registered_ids(commune.source)
        if ids is None:
            continue
        handed = {r["Số CCCD đối tượng"] for r in rows if r["Xã/Thị trấn"] == unit.name}
        assert handed == ids - {i for c, i in held if c == unit.name}, unit.name
        checked += 1
    assert checked >= 10  # the simple reader understood most files


def test_second_run_hands_over_nobody_and_writes_nothing(ws: Path) -> None:
    first = run(ws)
    folder = ws / "handoff" / "2023-06"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    second = run(ws)
    assert second.batch is None and second.rows == [] and second.files == []
    assert second.selection.already == len(first.rows)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert ledger_rows(ws, "SELECT COUNT(*) FROM batches") == [(1,)]
    # the command says so and exits 0
    out = CliRunner().invoke(
        app, ["export-postoffice", "-w", str(ws), "--format", "json", "--lang", "en"]
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert doc["batch"] is None and doc["rows"] == 0 and doc["files"] == []


def _edit_receiver(path: Path) -> tuple[str, str]:
    """Give the first 'Bản thân' registered row of a sample roster an authorised person."""
    wb = openpyxl.load_workbook(path)
    sheet = wb.active
    assert sheet is not None
    head = {fold(c.value): c.column for c in sheet[4]}
    for r in range(6, sheet.max_row + 1):
        if fold(sheet.cell(r, head["tình trạng đăng ký"]).value) == "đã đăng ký" and fold(
            sheet.cell(r, head["người nhận"]).value
        ) == fold("Bản thân"):
            ben = str(sheet.cell(r, head["số cccd/định danh"]).value)
            sheet.cell(r, head["người nhận"]).value = "Người được ủy quyền"
            sheet.cell(r, head["họ tên người nhận"]).value = "Trần Văn Mới"
            sheet.cell(r, head["số cccd người nhận"]).value = "051080123456"
            sheet.cell(r, head["quan hệ với đối tượng"]).value = "Con"
            wb.save(path)
            return ben, "051080123456"
    raise AssertionError("no registered self-receiver row")


def test_changed_receiver_is_handed_over_again_alone(ws: Path) -> None:
    first = run(ws)
    old_ref = {r.beneficiary_id: r.ref for r in first.rows}
    ben, holder = _edit_receiver(ws / "rosters" / "2023-06" / "binh_hoa T6.xlsx")
    again = run(ws)
    assert again.batch == "BS-2023-06-02"
    assert [(r.beneficiary_id, r.holder_id, r.holder_name) for r in again.rows] == [
        (ben, holder, "Trần Văn Mới")
    ]
    row = again.rows[0]
    assert row.receiver == "Người được ủy quyền" and row.holder_sex == "Nam"
    assert row.ref != old_ref[ben] and REF.match(row.ref)
    assert run(ws).batch is None  # and not a third time


def test_reference_codes_are_stable_unique_and_resend_keeps_them(ws: Path) -> None:
    first = run(ws)
    refs = [r.ref for r in first.rows]
    assert all(REF.match(r) for r in refs) and len(set(refs)) == len(refs)
    resent = run(ws, resend="BS-2023-06-01")
    assert resent.batch == "BS-2023-06-02" and resent.resend_of == "BS-2023-06-01"
    assert [r.ref for r in resent.rows] == refs
    # the same rosters in a fresh workspace give other codes: random, kept in the ledger,
    # never derived from the ID (a masked ID cannot be recovered from its code)
    other = ws.parent / "other"
    shutil.copytree(SAMPLES / "workspace", other)
    assert not set(r.ref for r in run(other).rows) & set(refs)
    with pytest.raises(WorkspaceError):
        run(ws, resend="BS-2023-06-99")
    with pytest.raises(WorkspaceError):
        run(ws, resend="BS-2023-06-01", month=Month(2023, 5))


def test_workbook_is_print_ready_with_text_ids(ws: Path) -> None:
    result = run(ws)
    wb = openpyxl.load_workbook(ws / "handoff" / "2023-06" / f"{result.batch}_buu-dien.xlsx")
    assert wb.sheetnames == ["Tổng hợp", "Danh sách"]
    sheet = wb["Danh sách"]
    top = header_row(sheet)
    headers = [c.value for c in sheet[top]]
    assert headers[:3] == ["STT", "Mã tham chiếu", "Xã/Thị trấn"]
    assert "Số CCCD chủ tài khoản" in headers and "Mức trợ cấp (đồng)" in headers
    id_col = headers.index("Số CCCD chủ tài khoản") + 1
    phone_col = headers.index("Số điện thoại") + 1
    for r in range(top + 1, top + 1 + len(result.rows)):
        for col in (id_col, phone_col):
            cell = sheet.cell(r, col)
            assert cell.data_type == "s" and str(cell.value).startswith("0"), cell.coordinate
            assert cell.font.name == "Times New Roman"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${top}:${top}"
    # handed over under signature: letterhead, national motto, the signatures under the total
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    for want in ("UBND HUYỆN BÌNH SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NGƯỜI LẬP BIỂU"):
        assert want in texts, want
    assert any(t.startswith("Bình Sơn, ngày ") and " tháng " in t for t in texts), texts[:8]
    refs = sheet.column_dimensions["B"]
    assert not sheet.cell(top + 1, 2).alignment.wrap_text and refs.width >= 17
    summary = wb["Tổng hợp"]
    values = [c for row in summary.iter_rows(values_only=True) for c in row if c is not None]
    assert result.batch in values and len(result.rows) in values
    assert result.total_amount in values


def test_manifest_hashes_and_control_totals(ws: Path) -> None:
    result = run(ws)
    folder = ws / "handoff" / "2023-06"
    manifest = json.loads((folder / f"{result.batch}_manifest.json").read_text("utf-8"))
    assert manifest["batch"] == result.batch and manifest["month"] == "2023-06"
    assert manifest["rows"] == len(result.rows)
    assert manifest["total_amount"] == sum(r.amount for r in result.rows)
    assert manifest["created_at"]
    names = {f["name"] for f in manifest["files"]}
    assert names == {p.name for p in folder.iterdir()} - {f"{result.batch}_manifest.json"}
    for f in manifest["files"]:
        assert hashlib.sha256((folder / f["name"]).read_bytes()).hexdigest() == f["sha256"]
    csv_total = sum(int(r["Mức trợ cấp (đồng)"]) for r in read_csv(folder / names_of(names)))
    assert csv_total == manifest["total_amount"]
    assert ledger_rows(ws, "SELECT rows, total_amount FROM batches") == [
        (manifest["rows"], manifest["total_amount"])
    ]
    if os.name == "posix":
        for p in folder.iterdir():
            assert p.stat().st_mode & 0o077 == 0, p.name  # personal data: owner only


def names_of(names: set[str]) -> str:
    return next(n for n in names if n.endswith(".csv"))


def test_missing_and_unreadable_rosters_are_listed(ws: Path) -> None:
    june = ws / "rosters" / "2023-06"
    (june / "binh_hoa T6.xlsx").unlink()
    (june / "DS BTXH Bình Minh tháng 6-2023.xlsx").write_bytes(b"PK\x03\x04 broken")
    result = run(ws)
    by_name = {c.unit.name: c for c in result.selection.communes}
    assert by_name["Bình Hòa"].missing and by_name["Bình Hòa"].rows == []
    assert by_name["Bình Minh"].missing and "Bình Minh" in (
        by_name["Bình Minh"].problem("en") or ""
    )
    assert result.batch is not None and len(result.rows) == 150 - 24 - 17
    doc = result.to_dict()
    problems = {c["name"]: c["problem"] for c in doc["communes"]}
    assert problems["Bình Hòa"] and problems["Bình Minh"] and problems["Châu Ổ"] is None
    codes = {c["name"]: (c["problem_code"], c["problem_params"]) for c in doc["communes"]}
    assert codes["Bình Hòa"] == ("commune-missing", {})
    assert codes["Bình Minh"][0] == "commune-unreadable"
    assert codes["Bình Minh"][1]["file"] == "DS BTXH Bình Minh tháng 6-2023.xlsx"
    assert codes["Châu Ổ"] == (None, None)
    held = openpyxl.load_workbook(ws / "handoff" / "2023-06" / f"{result.batch}_can-bo-sung.xlsx")
    top = header_row(held["Tổng hợp"])
    notes = [row[6] for row in held["Tổng hợp"].iter_rows(min_row=top + 1, values_only=True)]
    assert sum(1 for n in notes if n) == 2


# ---- synthetic rosters: formulas, encryption ------------------------------------------------
def synthetic_workspace(root: Path, rows: list[dict[str, Any]]) -> Path:
    root.mkdir(parents=True)
    (root / "cashless.toml").write_text(
        '[district]\nname = "Bình Sơn"\nprovince = "Quảng Ngãi"\n\n'
        '[[communes]]\ncode = "21079"\nname = "Bình Hòa"\n',
        encoding="utf-8",
    )
    folder = root / "rosters" / "2023-06"
    folder.mkdir(parents=True)
    write_roster(folder / "binh_hoa T6.xlsx", rows, Layout())
    return root


FORMULAS = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-2+3"]


def test_formula_looking_text_arrives_as_harmless_text(tmp_path: Path) -> None:
    rows = make_rows(24, seed=7)
    registered = [r for r in rows if r["trang_thai"] == "Đã đăng ký"]
    assert len(registered) >= 4
    for r, text in zip(registered, FORMULAS, strict=False):
        r["ho_ten"] = text
        r["thon"] = text
    root = synthetic_workspace(tmp_path / "ws", rows)
    result = run(root)
    assert len(result.rows) == len(registered)
    xlsx = root / "handoff" / "2023-06" / f"{result.batch}_buu-dien.xlsx"
    sheet = openpyxl.load_workbook(xlsx)["Danh sách"]
    seen = {}
    top = header_row(sheet)
    for row in sheet.iter_rows(min_row=top + 1, max_row=top + len(result.rows)):
        for cell in row:
            if cell.value in FORMULAS:
                assert cell.data_type == "s", cell.coordinate
                seen[cell.value] = cell.coordinate
    assert set(seen) == set(FORMULAS)
    with zipfile.ZipFile(xlsx) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    texts = read_csv(xlsx.with_suffix(".csv"))
    names = {r["Họ tên đối tượng"] for r in texts} | {r["Thôn/Tổ dân phố"] for r in texts}
    for text in FORMULAS:
        assert "'" + text in names
        assert text not in names


def test_encrypted_workbook_opens_with_the_password_only(tmp_path: Path) -> None:
    root = synthetic_workspace(tmp_path / "ws", make_rows(20, seed=3))
    out = CliRunner().invoke(
        app,
        ["export-postoffice", "-w", str(root), "--format", "json"],
        env={"CASHLESS_HANDOFF_PASSWORD": "bí-mật 2023"},
    )
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert "bí-mật" not in out.stdout
    xlsx = Path(next(f for f in doc["files"] if f.endswith("_buu-dien.xlsx")))
    with pytest.raises(zipfile.BadZipFile):
        openpyxl.load_workbook(xlsx)
    with xlsx.open("rb") as f:
        office = msoffcrypto.OfficeFile(f)
        assert office.is_encrypted()
        with pytest.raises(Exception):  # noqa: B017 - msoffcrypto raises its own InvalidKeyError
            office.load_key(password="sai mật khẩu")
            office.decrypt(io.BytesIO())
    plain = io.BytesIO()
    with xlsx.open("rb") as f:
        office = msoffcrypto.OfficeFile(f)
        office.load_key(password="bí-mật 2023")
        office.decrypt(plain)
    sheet = openpyxl.load_workbook(plain)["Danh sách"]
    assert REF.match(str(sheet.cell(header_row(sheet) + 1, 2).value))
    assert sheet.max_row >= header_row(sheet) + doc["rows"]
    manifest = json.loads(Path(next(f for f in doc["files"] if f.endswith(".json"))).read_text())
    assert manifest["encrypted"] is True
    digest = hashlib.sha256(xlsx.read_bytes()).hexdigest()
    assert digest in {f["sha256"] for f in manifest["files"]}


# ---- the command line ---------------------------------------------------------------------
def test_json_contract_and_masked_terminal(ws: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["export-postoffice", "-w", str(ws), "--format", "json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert {"batch", "month", "rows", "held_back", "files", "communes"} <= set(doc)
    assert doc["batch"] == "BS-2023-06-01" and doc["month"] == "2023-06"
    assert doc["rows"] == 150 and doc["held_back"] == 1 and len(doc["files"]) == 4
    assert all({"name", "rows", "held_back"} <= set(c) for c in doc["communes"])
    assert sum(c["rows"] for c in doc["communes"]) == 150
    # the text summary masks IDs (the held-back row's ID), unless --show-ids
    shutil.rmtree(ws / "handoff")
    shutil.rmtree(ws / ".cashless")  # a fresh workspace (a lost ledger alone is refused)
    text = runner.invoke(app, ["export-postoffice", "-w", str(ws), "--lang", "en"])
    assert text.exit_code == 0, text.output
    ids = set(re.findall(r"\b\d{12}\b", text.stdout))
    assert not ids, ids
    assert "Bình Trị" in text.stdout and "Q267" in text.stdout
    shutil.rmtree(ws / "handoff")
    shutil.rmtree(ws / ".cashless")
    shown = runner.invoke(app, ["export-postoffice", "-w", str(ws), "--show-ids"])
    assert re.search(r"\b051\d{9}\b", shown.stdout)


def test_bad_options_and_unusable_workspace_exit_2(tmp_path: Path, ws: Path) -> None:
    runner = CliRunner()
    for args in (
        ["export-postoffice", "-w", str(tmp_path / "nowhere")],
        ["export-postoffice", "-w", str(ws), "--month", "2023-13"],
        ["export-postoffice", "-w", str(ws), "--month", "2022-01"],
        ["export-postoffice", "-w", str(ws), "--resend", "XX-2023-06-01"],
        ["export-postoffice", "-w", str(ws), "--format", "xml"],
        ["ledger", "-w", str(tmp_path / "nowhere")],
    ):
        out = runner.invoke(app, args)
        assert out.exit_code == 2, (args, out.output)
        assert out.stdout == "", args
    assert not (ws / "handoff").exists()


# ---- crash consistency ----------------------------------------------------------------------
def assert_consistent(root: Path) -> None:
    """Every batch in the ledger has its files, hashes right; every batch file is in the
    ledger; no staging folder or temporary file is left."""
    folder = root / "handoff" / "2023-06"
    known = {b for (b,) in ledger_rows(root, "SELECT batch_id FROM batches")}
    on_disk = {n.split("_")[0] for n in batch_files(folder) if not n.startswith(".")}
    assert on_disk == known
    for bid in known:
        for name, sha in ledger_rows(
            root, f"SELECT name, sha256 FROM batch_files WHERE batch_id = '{bid}'"
        ):
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == sha
        (n,) = ledger_rows(root, f"SELECT COUNT(*) FROM handovers WHERE batch_id = '{bid}'")[0]
        assert len(read_csv(folder / f"{bid}_buu-dien.csv")) == n


def leftovers(root: Path) -> list[str]:
    folder = root / "handoff" / "2023-06"
    return [n for n in batch_files(folder) if n.startswith(".")]


POINTS = [
    "staged:postoffice-workbook",
    "staged:postoffice-csv",
    "staged",
    "inserted",
    "moved:BS-2023-06-01_manifest.json",
    "moved:BS-2023-06-01_buu-dien.xlsx",
    "moved",
]


class Boom(Exception):
    pass


@pytest.mark.parametrize("point", POINTS)
def test_failure_before_commit_leaves_nothing(
    ws: Path, point: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def checkpoint(name: str) -> None:
        if name == point:
            raise Boom(name)

    monkeypatch.setattr(export_mod, "_checkpoint", checkpoint)
    with pytest.raises(Boom):
        run(ws)
    assert batch_files(ws / "handoff" / "2023-06") == []
    assert ledger_rows(ws, "SELECT COUNT(*) FROM handovers") == [(0,)]
    monkeypatch.undo()
    result = run(ws)
    assert result.batch == "BS-2023-06-01" and len(result.rows) == 150
    assert_consistent(ws)


def test_failure_inside_a_writer_leaves_nothing(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> bytes:
        raise Boom("disk full")

    monkeypatch.setattr(export_mod, "csv_bytes", broken)
    with pytest.raises(Boom):
        run(ws)
    assert batch_files(ws / "handoff" / "2023-06") == []
    assert ledger_rows(ws, "SELECT COUNT(*) FROM batches") == [(0,)]
    monkeypatch.undo()
    assert len(run(ws).rows) == 150
    assert_consistent(ws)


def test_failure_after_commit_keeps_the_batch(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def checkpoint(name: str) -> None:
        if name == "committed":
            raise Boom(name)

    monkeypatch.setattr(export_mod, "_checkpoint", checkpoint)
    with pytest.raises(Boom):
        run(ws)
    assert leftovers(ws) == []
    assert_consistent(ws)
    monkeypatch.undo()
    assert run(ws).batch is None  # they were handed over: not again


KILLER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from cashless_cli.handoff import export as m
    from cashless_cli.workspace.config import load_workspace

    point = sys.argv[2]

    def checkpoint(name):
        if name == point:
            os._exit(137)  # die here: no cleanup, no rollback, no commit

    m._checkpoint = checkpoint
    m.export_postoffice(load_workspace(Path(sys.argv[1])), workers=1)
    os._exit(0)
    """
)


@pytest.mark.parametrize(
    "point",
    ["inserted", "moved:BS-2023-06-01_manifest.json", "moved", "committed"],
)
def test_killed_process_is_recovered_on_the_next_run(ws: Path, point: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(ws), point], env=env, timeout=120, check=False
    )
    assert proc.returncode == 137
    folder = ws / "handoff" / "2023-06"
    committed = ledger_rows(ws, "SELECT COUNT(*) FROM batches") == [(1,)]
    assert committed == (point == "committed")
    if point != "committed":
        # nobody is marked as handed over, whatever is on disk
        assert ledger_rows(ws, "SELECT COUNT(*) FROM handovers") == [(0,)]
    if point.startswith("moved"):
        assert "BS-2023-06-01_manifest.json" in batch_files(folder)  # an orphan was left
    result = run(ws)
    assert leftovers(ws) == []
    assert_consistent(ws)
    if committed:
        assert result.batch is None
    else:
        assert result.batch == "BS-2023-06-01" and len(result.rows) == 150
        assert result.recovered
    assert len(ledger_rows(ws, "SELECT * FROM handovers")) == 150


def test_files_of_an_unknown_ledger_are_never_deleted(ws: Path) -> None:
    run(ws)
    folder = ws / "handoff" / "2023-06"
    before = batch_files(folder)
    (ws / ".cashless" / "ledger.sqlite").unlink()  # the ledger is lost
    with pytest.raises(WorkspaceError, match="is gone, but this workspace has had one"):
        run(ws)
    assert batch_files(folder) == before
    out = CliRunner().invoke(app, ["export-postoffice", "-w", str(ws)])
    assert out.exit_code == 2
    # a stray file that looks like ours but has no manifest is not deleted either
    shutil.rmtree(ws / "handoff")
    shutil.rmtree(ws / ".cashless")  # even in a workspace that never had a ledger
    folder.mkdir(parents=True)
    (folder / "BS-2023-06-07_buu-dien.xlsx").write_bytes(b"not ours")
    with pytest.raises(WorkspaceError):
        run(ws)
    assert (folder / "BS-2023-06-07_buu-dien.xlsx").read_bytes() == b"not ours"


# ---- LibreOffice ----------------------------------------------------------------------------
@pytest.mark.libreoffice
def test_workbooks_open_in_libreoffice(ws: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot check the workbooks open")
    result = run(ws)
    folder = ws / "handoff" / "2023-06"
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    for name in (f"{result.batch}_buu-dien.xlsx", f"{result.batch}_can-bo-sung.xlsx"):
        proc = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(folder / name),
            ],
            capture_output=True,
            timeout=180,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")
        pdf = out / (Path(name).stem + ".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), proc.stdout


def test_an_older_month_than_one_handed_over_is_refused(ws: Path) -> None:
    """May after June would hand over May's registrations again, most of whom have had an
    account opened since: refused, nothing written; June itself again hands nobody over."""
    june = run(ws, month=Month(2023, 6))
    assert june.batch and june.rows
    before = ledger_rows(ws, "SELECT batch_id FROM batches")
    handoff_may = ws / "handoff" / "2023-05"
    with pytest.raises(WorkspaceError) as refused:
        run(ws, month=Month(2023, 5))
    assert refused.value.code == "handoff-older-month"
    said = refused.value.message("vi")
    assert "5/2023" in said and "6/2023" in said and june.batch in said
    assert ledger_rows(ws, "SELECT batch_id FROM batches") == before
    assert batch_files(handoff_may) == []
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "cashless_cli",
            "export-postoffice",
            "-w",
            str(ws),
            "--month",
            "2023-05",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CASHLESS_LANG": "vi"},
    )
    assert cli.returncode == 2 and "Tháng 5/2023 cũ hơn tháng 6/2023" in cli.stderr
