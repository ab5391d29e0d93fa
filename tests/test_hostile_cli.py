"""Every command that reads rosters, given hostile and broken files, through the real CLI.

Each file goes to a child process (``python -m cashless_cli``) with a 30 s timeout and a 2 GiB
address-space cap: python-calamine aborts the process on some of these files, which must never
happen because the guards refuse them first. The rule for every command and every file:

* the process ends by itself (no timeout) and is not killed by a signal (rc >= 0);
* no Python traceback on stdout or stderr;
* the file is named in the answer, and the exit code is the documented one;
* with ``--format json``, stdout is exactly one JSON document.

The corpus lives in :data:`CORPUS` (also used by ``benchmarks/reliability.py``); the commands in
:data:`COMMANDS` — adding a command that reads rosters is one line there.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import hostile
from cli_helpers import REPO, Run, available_commands, run_cli
from factory import Layout, make_rows, write_roster

Builder = Callable[[Path], Path]

TIMEOUT = 30.0
SAMPLE_WS = REPO / "samples" / "workspace"
MONTH = "2023-06"
#: Hostile rosters built from the factory say they are from Châu Ổ, a commune of the sample
#: workspace, so that the workspace commands can place them.
CHAU_O = Layout(commune="Châu Ổ")


# ---------------------------------------------------------------------------------------------
# What hostile.py lacks


def formulas_xlsx(directory: Path, name: str = "formulas.xlsx") -> Path:
    """A roster whose names and amounts are formulas without cached values (openpyxl's way)."""
    w = write_roster(directory / name, make_rows(6, seed=21), CHAU_O)
    wb = openpyxl.load_workbook(w.path)
    ws = wb.active
    assert ws is not None
    for i in range(6):
        ws[w.cell(i, "ho_ten")] = '=CONCATENATE("Nguyễn ","An")'
        ws[w.cell(i, "muc_tro_cap")] = "=360000*1.5"
    wb.save(w.path)
    return w.path


def hidden_roster_xlsx(directory: Path, name: str = "hidden-sheet.xlsx") -> Path:
    """The roster (with one planted error) sits in a hidden sheet; a visible sheet has notes."""
    rows = make_rows(8, seed=22)
    rows[3]["dien_thoai"] = "0123456789"
    rows[3]["trang_thai"] = "Đã đăng ký"
    w = write_roster(directory / name, rows, CHAU_O)
    wb = openpyxl.load_workbook(w.path)
    notes = wb.create_sheet("Ghi chú", 0)
    notes["A1"] = "Danh sách ở trang bên"
    wb["Danh sách"].sheet_state = "hidden"
    wb.active = 0
    wb.save(w.path)
    return w.path


def merged_across_data_xlsx(directory: Path, name: str = "merged.xlsx") -> Path:
    """Merged ranges across data rows: a name over three rows, a whole row merged into one."""
    w = write_roster(directory / name, make_rows(10, seed=23), CHAU_O)
    wb = openpyxl.load_workbook(w.path)
    ws = wb.active
    assert ws is not None
    first = w.cell(2, "ho_ten")
    last = w.cell(4, "ho_ten")
    ws.merge_cells(f"{first}:{last}")
    row = w.first_data_row + 6
    ws.merge_cells(f"A{row}:S{row}")
    wb.save(w.path)
    return w.path


def all_dates_xlsx(directory: Path, name: str = "all-dates.xlsx") -> Path:
    """Every cell, header row included, is a date."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r in range(1, 41):
        for c in range(1, 20):
            ws.cell(r, c, dt.date(1950, 1, 1) + dt.timedelta(days=r * 37 + c))
    path = directory / name
    wb.save(path)
    return path


def header_only_roster(directory: Path, name: str = "header-only-roster.xlsx") -> Path:
    """A full-layout roster (titles, header, numbering, totals, signature) with no beneficiary."""
    return write_roster(directory / name, [], CHAU_O).path


def malformed_sheet_xlsx(directory: Path, name: str = "malformed.xlsx") -> Path:
    """A valid package whose sheet XML is not well-formed (a tag left open, a stray close)."""
    source = hostile.normal_xlsx(directory, "well-formed-before.xlsx")
    path = directory / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</row>", b"</c></roww>", 1).replace(b"<v>", b"<v><x>", 2)
            out.writestr(info.filename, data)
    source.unlink()
    return path


def cut_sheet_xml_xlsx(directory: Path, name: str = "cut-sheet.xlsx") -> Path:
    """A valid package whose sheet XML stops in the middle of a tag."""
    source = hostile.normal_xlsx(directory, "whole-sheet-before.xlsx")
    path = directory / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: data.find(b'<row r="2"') + 7]
            out.writestr(info.filename, data)
    source.unlink()
    return path


def html_named_xlsx(directory: Path) -> Path:
    return hostile.html_as_xls(directory, name="export.xlsx")


def cp1258_csv_as_xls(directory: Path) -> Path:
    return hostile.csv_as_xlsx(directory, name="danh-sach.xls", encoding="cp1258")


def png_as_xlsx(directory: Path, name: str = "photo.xlsx") -> Path:
    path = directory / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return path


def truncated_xls(directory: Path, name: str = "truncated.xls") -> Path:
    whole = hostile.normal_xls(directory, "whole.xls")
    path = directory / name
    path.write_bytes(whole.read_bytes()[:1500])
    whole.unlink()
    return path


def truncated_ods(directory: Path, name: str = "truncated.ods") -> Path:
    whole = hostile.normal_ods(directory, "whole.ods")
    path = directory / name
    path.write_bytes(whole.read_bytes()[:-300])
    whole.unlink()
    return path


def long_cell_roster(directory: Path, name: str = "long-cell-roster.xlsx") -> Path:
    """A real roster whose first name cell holds 40,000 characters."""
    rows = make_rows(5, seed=24)
    rows[0]["ho_ten"] = ("Nguyễn Văn An " * 3000)[:40_000]
    return write_roster(directory / name, rows, CHAU_O).path


def xls_one_byte_abort(directory: Path, name: str = "one-byte.xls") -> Path:
    """A valid xlwt .xls with one byte changed (found by tests/test_fuzz.py): python-calamine
    0.9.1 then asks for ~1 TB of memory and aborts the process."""
    data = bytearray(hostile.normal_xls(directory, "whole-before-byte.xls").read_bytes())
    assert data[1790] == 0x00
    data[1790] = 0x18
    path = directory / name
    path.write_bytes(bytes(data))
    return path


def zip_version_xlsx(directory: Path, name: str = "zip-version.xlsx") -> Path:
    """A valid xlsx whose central directory says "version needed to extract: 8.8" (found by
    tests/test_fuzz.py): zipfile raises NotImplementedError, which the guard does not catch."""
    data = bytearray(hostile.normal_xlsx(directory, "whole-before-version.xlsx").read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 6 : at + 8] = (88).to_bytes(2, "little")
    path = directory / name
    path.write_bytes(bytes(data))
    return path


# ---------------------------------------------------------------------------------------------
# The corpus


@dataclass(frozen=True)
class Case:
    """A hostile file and what ``cashless validate`` must answer.

    ``error``: the read-error code (the file is unreadable: exit 2); else the file is readable
    and ``exit`` is the code validate must give, ``codes`` problem codes it must report.
    """

    name: str
    build: Builder
    error: str | None = None
    exit: int = 2
    codes: frozenset[str] = field(default_factory=frozenset)
    check: Callable[[dict[str, Any]], None] | None = None
    #: A known product bug this case shows (the test is a strict xfail until it is fixed).
    bug: str | None = None
    #: ... also in the workspace commands.
    bug_in_workspace: bool = False


def _hidden_check(doc: dict[str, Any]) -> None:
    assert doc["sheet"] == "Danh sách"


def _long_check(doc: dict[str, Any]) -> None:
    assert doc["rows"] == 5
    assert "text-too-long" in {i["code"] for i in doc["issues"]}


def _merged_check(doc: dict[str, Any]) -> None:
    assert doc["rows"] >= 9  # the row merged into one cell may count as data or not, never lost


CORPUS: list[Case] = [
    Case("empty", hostile.empty_file, "file-empty"),
    Case("truncated-xlsx", hostile.truncated_xlsx, "file-truncated"),
    Case("corrupt-member", hostile.corrupt_member_xlsx, "file-truncated"),
    Case("truncated-xls", truncated_xls, "file-truncated"),
    Case("truncated-ods", truncated_ods, "file-truncated"),
    Case("random-bytes", hostile.random_bytes, "file-not-workbook"),
    Case("zip-not-workbook", hostile.zip_not_workbook, "file-not-workbook"),
    Case("png-as-xlsx", png_as_xlsx, "file-not-workbook"),
    Case("csv-as-xlsx", hostile.csv_as_xlsx, "file-disguised"),
    Case("cp1258-csv-as-xls", cp1258_csv_as_xls, "file-disguised"),
    Case("html-as-xls", hostile.html_as_xls, "file-disguised"),
    Case("html-as-xlsx", html_named_xlsx, "file-disguised"),
    Case("spreadsheetml-as-xls", hostile.spreadsheetml_as_xls, "file-disguised"),
    Case("encrypted", hostile.encrypted_xlsx, "file-encrypted"),
    Case("bomb", hostile.bomb_xlsx, "file-too-large"),
    Case(
        "bomb-lying-sizes",
        functools.partial(hostile.bomb_xlsx, honest_sizes=False),
        "file-too-large",
    ),
    Case("entity-bomb", hostile.entity_bomb_xlsx, "xml-unsafe"),
    Case("stray-cell", hostile.stray_cell_xlsx, "sheet-too-large"),
    Case(
        "stray-cell-small-dimension",
        functools.partial(hostile.stray_cell_xlsx, dimension="A1:G2"),
        "sheet-too-large",
    ),
    Case("wide-xlsx", hostile.wide_xlsx, "sheet-too-large"),
    Case("wide-ods-60000", hostile.wide_ods, "sheet-too-large"),
    Case("repeated-ods", hostile.repeated_content_ods, "sheet-too-large"),
    Case("xls-one-byte-abort", xls_one_byte_abort, "file-truncated"),
    Case("zip-version-8.8", zip_version_xlsx, "file-truncated"),
    Case(
        "malformed-sheet-xml",
        malformed_sheet_xlsx,
        "file-truncated",
    ),
    Case("cut-sheet-xml", cut_sheet_xml_xlsx, "file-truncated"),
    Case("all-dates", all_dates_xlsx, "no-header"),
    Case("header-only", hostile.header_only_xlsx, "no-data"),
    Case("header-only-roster", header_only_roster, "no-data"),
    Case("formulas-no-cache", formulas_xlsx, exit=1, codes=frozenset({"formula-no-value"})),
    Case(
        "hidden-roster",
        hidden_roster_xlsx,
        exit=1,
        codes=frozenset({"phone-invalid"}),
        check=_hidden_check,
    ),
    Case(
        "merged-across-data",
        merged_across_data_xlsx,
        exit=1,
        codes=frozenset({"required-missing"}),
        check=_merged_check,
    ),
    Case("long-cell-40000", hostile.long_cell_xlsx, exit=1),
    Case("long-cell-roster", long_cell_roster, exit=1, check=_long_check),
    Case("lying-dimension", hostile.lying_dimension_xlsx, exit=1),
]


CASES = {case.name: case for case in CORPUS}

#: One file of each way of failing, for the commands that read a whole workspace (every file of
#: the corpus goes through the same ``validate_file`` that ``validate`` tests one by one).
WORKSPACE_CASES = [
    "truncated-xlsx",
    "encrypted",
    "bomb-lying-sizes",
    "stray-cell",
    "wide-ods-60000",
    "malformed-sheet-xml",
    "header-only-roster",
    "formulas-no-cache",
]


# ---------------------------------------------------------------------------------------------
# The commands


@dataclass(frozen=True)
class Command:
    """A command that reads rosters. ``workspace``: it reads rosters/MONTH of a workspace."""

    name: str  # the subcommand, as ``cashless --help`` lists it
    args: tuple[str, ...]
    workspace: bool
    json: bool
    #: Exit codes allowed when a roster is unreadable / has errors. ``None``: validate's contract.
    exits: frozenset[int] | None = None
    #: Its JSON carries the read-error code of a roster it could not read.
    json_error_code: bool = True
    #: the exit code when the roster could not be read (0 when it could), if the command has one
    unreadable_exit: int | None = None

    @property
    def id(self) -> str:
        return f"{self.name}-{'json' if self.json else 'text'}"

    def argv(self, target: Path) -> list[str]:
        if self.workspace:
            base = [self.name, "--workspace", str(target), "--month", MONTH, *self.args]
        else:
            base = [self.name, str(target), *self.args]
        return [*base, "--format", "json"] if self.json else base


ANY_EXIT = frozenset({0, 1, 2})
COMMANDS: list[Command] = [
    Command("validate", (), workspace=False, json=False),
    Command("validate", (), workspace=False, json=True),
    # summarize and export-postoffice: the table / batch is written, and exit 1 says that a
    # roster could not be read (the output names it and why)
    Command(
        "summarize", (), workspace=True, json=False, exits=frozenset({0, 1}), unreadable_exit=1
    ),
    Command("summarize", (), workspace=True, json=True, exits=frozenset({0, 1}), unreadable_exit=1),
    Command(
        "export-postoffice",
        (),
        workspace=True,
        json=False,
        exits=frozenset({0, 1}),
        unreadable_exit=1,
    ),
    Command(
        "export-postoffice",
        (),
        workspace=True,
        json=True,
        exits=frozenset({0, 1}),
        unreadable_exit=1,
    ),
    Command(
        "export-payments", (), workspace=True, json=True, exits=ANY_EXIT, json_error_code=False
    ),
]


@functools.cache
def _available() -> frozenset[str]:
    return frozenset(available_commands())


def _skip_if_missing(command: Command) -> None:
    if command.name not in _available():
        pytest.skip(f"`cashless {command.name}` does not exist in this build yet")


# ---------------------------------------------------------------------------------------------
# Running everything once, two or three children at a time


HOSTILE_COMMUNE_FILE = "chau_o_2023_06"  # a commune of the sample workspace, by file name


def _small_workspace(directory: Path) -> Path:
    """The sample workspace's cashless.toml with one small clean roster for June 2023."""
    ws = directory / "ws"
    month = ws / "rosters" / MONTH
    month.mkdir(parents=True)
    shutil.copy(SAMPLE_WS / "cashless.toml", ws / "cashless.toml")
    write_roster(month / "binh_hoa T6.xlsx", make_rows(12, seed=31), Layout(commune="Bình Hòa"))
    return ws


@dataclass
class Outcome:
    run: Run
    path: Path  # the hostile file as the command saw it


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpus")
    built: dict[str, Path] = {}
    for case in CORPUS:
        folder = root / case.name
        folder.mkdir()
        built[case.name] = case.build(folder)
    return built


@pytest.fixture(scope="module")
def outcomes(
    corpus_dir: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Outcome]:
    """Every (case, command) run, in parallel; the tests below only look at the results."""
    from concurrent.futures import ThreadPoolExecutor

    jobs: dict[tuple[str, str], tuple[list[str], Path]] = {}
    for command in COMMANDS:
        if command.name not in _available():
            continue
        names = WORKSPACE_CASES if command.workspace else list(CASES)
        for name in names:
            source = corpus_dir[name]
            if command.workspace:
                root = tmp_path_factory.mktemp(f"{name}-{command.id}")
                ws = _small_workspace(root)
                target = ws / "rosters" / MONTH / (HOSTILE_COMMUNE_FILE + source.suffix)
                shutil.copy(source, target)
                jobs[(name, command.id)] = (command.argv(ws), target)
            elif not command.json:
                continue  # text validate runs per file below, in one batch
            else:
                jobs[(name, command.id)] = (command.argv(source), source)
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {
            key: pool.submit(run_cli, *argv, timeout=TIMEOUT) for key, (argv, _) in jobs.items()
        }
        return {key: Outcome(f.result(), jobs[key][1]) for key, f in futures.items()}


# ---------------------------------------------------------------------------------------------
# The rule every answer follows


def _assert_sane(run: Run) -> None:
    assert not run.timed_out, f"no answer within {TIMEOUT:.0f} s\n{run.describe()}"
    assert run.returncode >= 0, f"killed by signal {-run.returncode}\n{run.describe()}"
    assert "Traceback" not in run.output, run.describe()
    assert "Unexpected error" not in run.output, run.describe()  # app.main's last resort
    assert run.elapsed < TIMEOUT


def _one_json_document(run: Run) -> dict[str, Any]:
    try:
        doc = json.loads(run.stdout)  # fails on anything before or after the one document
    except json.JSONDecodeError as exc:
        message = f"stdout is not exactly one JSON document: {exc}\n{run.describe()}"
        raise AssertionError(message) from exc
    assert isinstance(doc, dict), run.describe()
    return doc


def _strings(doc: Any) -> list[str]:
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        return [s for v in doc.values() for s in _strings(v)]
    if isinstance(doc, list):
        return [s for v in doc for s in _strings(v)]
    return []


def _mentions(doc: Any, name: str) -> bool:
    return any(name in s for s in _strings(doc))


# ---------------------------------------------------------------------------------------------
# validate, one file at a time, JSON


def _params(names: list[str], workspace: bool) -> list[Any]:
    out = []
    for name in names:
        case = CASES[name]
        marks = []
        if case.bug and (case.bug_in_workspace or not workspace):
            marks.append(pytest.mark.xfail(strict=True, reason=case.bug))
        out.append(pytest.param(name, marks=marks, id=name))
    return out


@pytest.mark.parametrize("name", _params(list(CASES), workspace=False))
def test_validate_json_answers_hostile_file(
    name: str, outcomes: dict[tuple[str, str], Outcome]
) -> None:
    case = CASES[name]
    outcome = outcomes[(name, "validate-json")]
    run = outcome.run
    _assert_sane(run)
    doc = _one_json_document(run)
    assert len(doc["files"]) == 1
    entry = doc["files"][0]
    assert Path(entry["path"]).name == outcome.path.name
    if case.error is not None:
        assert run.returncode == 2, run.describe()
        assert entry["error"]["code"] == case.error, run.describe()
        assert entry["error"]["message"] and entry["error"]["hint"]
        assert entry["rows"] == 0
    else:
        assert "error" not in entry, run.describe()
        assert run.returncode == case.exit, run.describe()
        found = {issue["code"] for issue in entry["issues"]}
        assert case.codes <= found, found
        if case.check is not None:
            case.check(entry)
    assert run.stderr.strip() == "", run.describe()  # JSON mode: nothing else to say


def test_validate_text_names_every_hostile_file(
    corpus_dir: dict[str, Path], tmp_path: Path
) -> None:
    """All the corpus in one text run (as a district office would point it at a folder)."""
    folder = tmp_path / "rosters"
    folder.mkdir()
    # a case showing a known bug fails in its own (xfail) test; here it would hide the others
    batch = {name: path for name, path in corpus_dir.items() if CASES[name].bug is None}
    for name, path in batch.items():
        shutil.copy(path, folder / f"{name}{path.suffix}")
    run = run_cli("validate", folder, "--max-issues", "5", timeout=TIMEOUT * 2)
    _assert_sane(run)
    assert run.returncode == 2, run.describe()
    for name, path in batch.items():
        file_name = f"{name}{path.suffix}"
        lines = [line for line in run.stdout.splitlines() if file_name in line]
        assert lines, f"{file_name} is not named\n{run.describe()}"
        if CASES[name].error is not None:
            assert any("✗" in line for line in lines), lines
    # a 40,000-character cell is never dumped on the terminal
    assert max(len(line) for line in run.stdout.splitlines()) < 1000


WORKSPACE_COMMANDS = [c for c in COMMANDS if c.workspace]


def _workspace_params() -> list[Any]:
    out = []
    for name in WORKSPACE_CASES:
        case = CASES[name]
        for command in WORKSPACE_COMMANDS:
            # export-postoffice's JSON names every roster it read, so only the others can tell
            # an unreadable roster from a misread one
            shows = not command.json or command.json_error_code
            marks = []
            if case.bug and case.bug_in_workspace and shows:
                marks.append(pytest.mark.xfail(strict=True, reason=case.bug))
            out.append(pytest.param(name, command, marks=marks, id=f"{name}-{command.id}"))
    return out


@pytest.mark.parametrize(("name", "command"), _workspace_params())
def test_workspace_command_answers_hostile_roster(
    name: str, command: Command, outcomes: dict[tuple[str, str], Outcome]
) -> None:
    """A hostile roster among good ones: the command still answers, and names the file it
    could not read (summarize: in the table's notes; export-postoffice: in its commune line)."""
    _skip_if_missing(command)
    case = CASES[name]
    outcome = outcomes[(name, command.id)]
    run = outcome.run
    _assert_sane(run)
    assert command.exits is not None
    assert run.returncode in command.exits, run.describe()
    if command.unreadable_exit is not None:
        expected = command.unreadable_exit if case.error is not None else 0
        assert run.returncode == expected, run.describe()
    doc = _one_json_document(run) if command.json else None
    if case.error is None:
        return  # a readable roster: counted like any other (its errors are validate's job)
    file_name = outcome.path.name
    if doc is not None:
        assert _mentions(doc, file_name), f"{file_name} is not named\n{run.describe()}"
        if command.json_error_code:
            assert _mentions(doc, case.error), run.describe()
    else:
        assert file_name in run.output, f"{file_name} is not named\n{run.describe()}"


# ---------------------------------------------------------------------------------------------
# Personal data on the terminal


def _roster_with_id_errors(directory: Path) -> tuple[Path, list[str]]:
    """IDs stored as numbers (leading zero restored: a warning), one duplicated, one whose sex
    digit is flipped, one with 13 digits; returns the file and the full numbers at stake."""
    rows = make_rows(10, seed=51)
    flipped = rows[5]["so_dinh_danh"]
    rows[5]["so_dinh_danh"] = flipped[:3] + str(int(flipped[3]) ^ 1) + flipped[4:]
    rows[7]["so_dinh_danh"] = rows[2]["so_dinh_danh"]
    rows[7]["gioi_tinh"], rows[7]["ngay_sinh"] = rows[2]["gioi_tinh"], rows[2]["ngay_sinh"]
    rows[8]["so_dinh_danh"] = rows[8]["so_dinh_danh"] + "7"
    path = write_roster(directory / "binh_hoa T6.xlsx", rows, Layout(ids_as_numbers=True)).path
    numbers = [r["so_dinh_danh"] for r in rows]
    numbers += [r["so_tai_khoan"] for r in rows if r.get("so_tai_khoan")]
    return path, numbers


def _full_numbers(text: str, numbers: list[str]) -> list[str]:
    return [n for n in numbers if n in text or n.lstrip("0") in re.findall(r"\d{11,}", text)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_terminal_never_shows_a_full_id_without_show_ids(tmp_path: Path, lang: str) -> None:
    path, numbers = _roster_with_id_errors(tmp_path)
    run = run_cli("validate", path, "--lang", lang, "--max-issues", "500")
    _assert_sane(run)
    assert run.returncode == 1, run.describe()
    assert "id-duplicate" in run.stdout and "id-sex-mismatch" in run.stdout
    assert _full_numbers(run.output, numbers) == [], run.describe()


def test_terminal_shows_full_ids_with_show_ids(tmp_path: Path) -> None:
    path, numbers = _roster_with_id_errors(tmp_path)
    run = run_cli("validate", path, "--show-ids", "--max-issues", "500")
    _assert_sane(run)
    assert run.returncode == 1, run.describe()
    duplicated, flipped = numbers[7], numbers[5]
    assert duplicated in run.stdout and flipped in run.stdout, run.describe()


def test_json_output_carries_the_values(tmp_path: Path) -> None:
    """JSON is data for tools (SECURITY.md says so): values are there, unmasked."""
    path, numbers = _roster_with_id_errors(tmp_path)
    run = run_cli("validate", path, "--format", "json")
    _assert_sane(run)
    doc = _one_json_document(run)
    values = {str(i["value"]) for i in doc["files"][0]["issues"]}
    assert numbers[5] in values and numbers[7] in values
