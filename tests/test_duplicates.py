"""The same person twice: candidates (pure), the one same-ID rule, the review workbook, the
decisions, and what the handoff and the payment list do with undecided pairs."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cashless_cli.checks.same_id import same_id_groups
from cashless_cli.duplicates.holds import DIFFERENT, SAME, month_holds
from cashless_cli.duplicates.match import HIGH, WARNING, Candidate, find_candidates
from cashless_cli.duplicates.names import fold_name, name_similarity
from cashless_cli.duplicates.people import Person, RowRef
from cashless_cli.handoff.export import export_postoffice
from cashless_cli.ledger.store import DuplicateDecision
from cashless_cli.payments.export import export_payments
from cashless_cli.schema.domain import Unit
from cashless_cli.schema.month import Month
from cashless_cli.workspace.config import Area, load_workspace, render_config
from cli_helpers import run_cli
from factory import Layout, make_rows, write_roster
from libreoffice import convert, pdf_pages, require_soffice
from people_factory import People, as_people

JUNE = "2023-06"
MAY = "2023-05"


# ---- names ----------------------------------------------------------------------------------


def test_vietnamese_names_fold_with_their_marks_and_d() -> None:
    assert fold_name("Nguyễn Văn Ấn") == fold_name("Nguyen Van An") == "nguyen van an"
    nfd = unicodedata.normalize("NFD", "ĐẶNG THỊ ẮNH  Ốc Ứng")
    assert fold_name(nfd) == fold_name("Dang Thi Anh Oc Ung") == "dang thi anh oc ung"
    assert fold_name("Hoà") == fold_name("Hòa") == "hoa"  # old and new tone placement
    assert fold_name(" Lê-Thị\u00a0Lan ") == "le thi lan"
    assert name_similarity("nguyen van an", "nguyen van anh") >= 80
    assert name_similarity("nguyen tan khanh", "nguyen tan ba") < 80  # one family, two people


def test_the_one_same_id_rule() -> None:
    rows = [("a", "051099000001"), ("b", "051099000001"), ("c", "21123456"), ("d", None)]
    rows += [("e", "210000001"), ("f", "210000001"), ("g", "21123456")]
    # 12-digit CCCD and 9-digit CMND count; other lengths and blanks do not
    assert same_id_groups(rows) == {"051099000001": ["a", "b"], "210000001": ["e", "f"]}


# ---- planted duplicates of every kind, across communes and months -----------------------------


def _person(ref: RowRef, row: dict[str, Any], **changes: Any) -> Person:
    from cashless_cli.duplicates.people import person_from_fields

    return person_from_fields(ref, f"Xã {ref.commune_code}", {**row, **changes})


def _typo(pid: str, i: int) -> str:
    return pid[:i] + str((int(pid[i]) + 3) % 10) + pid[i + 1 :]


def _swap(pid: str, i: int) -> str:
    return pid[:i] + pid[i + 1] + pid[i] + pid[i + 2 :]


@pytest.fixture(scope="module")
def planted() -> tuple[list[Person], list[Person], dict[str, tuple[RowRef, RowRef]]]:
    """Two clean months of 6 communes, then one planted pair of each kind."""
    gen = People(seed=16)
    june_rows = gen.month(6, 300)
    june = as_people(june_rows, JUNE)
    may = as_people(gen.month(6, 300), MAY)  # other people: earlier beneficiaries who left
    extra_ref = iter(range(900, 1000))

    def new_ref(commune: int) -> RowRef:
        return RowRef(JUNE, f"{commune:05d}", f"xa-{commune}.xlsx", next(extra_ref))

    def adult(rows: list[dict[str, Any]], k: int) -> dict[str, Any]:
        found = [r for r in rows if r["so_dinh_danh"] and r["nguoi_nhan"] == "Bản thân"]
        return dict(found[k], ngay_sinh=found[k]["ngay_sinh"])

    plants: dict[str, tuple[RowRef, RowRef]] = {}
    original = {p.ref: p for p in june}

    def plant(kind: str, source: Person, commune: int, **changes: Any) -> None:
        ref = new_ref(commune)
        row = _fields(source)
        june.append(_person(ref, row, **changes))
        plants[kind] = (source.ref, ref)

    def pick(commune: int, k: int) -> Person:
        people = [
            p
            for p in june
            if p.ref.commune_code == f"{commune:05d}"
            and p.pid
            and p.full_birth
            and not p.by_other
            and p.ref.row < 900
        ]
        return people[k]

    # tone marks and spelling: the same name without marks (NFD in the other), no ID
    src = pick(0, 3)
    plant("tone-marks", src, 2, ho_ten=_unaccent(src.name), so_dinh_danh=None)
    # a misspelt given name, the same birth date, no ID on one side
    src = pick(0, 8)
    family, *rest = (src.name or "").split()
    plant(
        "spelling", src, 1, ho_ten=" ".join([family, *rest[:-1], rest[-1] + "h"]), so_dinh_danh=None
    )
    # an ID typed with one digit wrong (same birth date and name): high confidence
    src = pick(1, 5)
    assert src.pid is not None
    plant("id-typo", src, 3, so_dinh_danh=_typo(src.pid, 9))
    # two digits swapped across the ID's part boundary
    src = pick(1, 7)
    assert src.pid is not None
    plant(
        "id-transposed",
        src,
        4,
        so_dinh_danh=_swap(src.pid, 5) if src.pid[5] != src.pid[6] else _swap(src.pid, 6),
    )
    # a year of birth only, a differently placed tone mark, no ID
    src = pick(2, 4)
    plant(
        "year-only",
        src,
        5,
        ngay_sinh=src.birth_year,
        ho_ten=unicodedata.normalize("NFD", src.name or ""),
        so_dinh_danh=None,
    )
    # the same ID in two communes
    src = pick(3, 2)
    plant("same-id", src, 0)
    # one account for two different people who both receive themselves
    a, b = pick(4, 1), pick(5, 1)
    june = [p for p in june if p.ref not in (a.ref, b.ref)]
    june.append(_person(a.ref, _fields(a), so_tai_khoan="123456789012"))
    june.append(_person(b.ref, _fields(b), so_tai_khoan="123456789012"))
    plants["shared-account"] = (a.ref, b.ref)
    # against the previous month: a May beneficiary who left, back in June with an ID typo
    gone = next(p for p in may if p.pid and p.full_birth and not p.by_other)
    assert gone.pid is not None
    plant("previous-month", gone, 1, so_dinh_danh=_typo(gone.pid, 11))
    del original, june_rows
    return june, may, plants


def _unaccent(name: str | None) -> str:
    decomposed = unicodedata.normalize("NFD", (name or "").replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fields(p: Person) -> dict[str, Any]:
    return {
        "ho_ten": p.name,
        "ngay_sinh": p.birth,
        "gioi_tinh": p.sex,
        "so_dinh_danh": p.pid,
        "thon": p.village,
        "dien_thoai": p.phone,
        "so_tai_khoan": p.account,
        "nguoi_nhan": p.receiver,
        "ten_nguoi_nhan": p.receiver_name,
        "so_dinh_danh_nguoi_nhan": p.receiver_id,
    }


def _find(cands: list[Candidate], refs: tuple[RowRef, RowRef]) -> Candidate | None:
    want = set(refs)
    return next((c for c in cands if {c.a.ref, c.b.ref} == want), None)


EXPECTED_KIND = {
    "tone-marks": ("same-name", WARNING),
    "spelling": ("same-name", WARNING),
    "id-typo": ("id-typo", HIGH),
    "id-transposed": ("id-typo", HIGH),
    "year-only": ("same-name", WARNING),
    "same-id": ("same-id", HIGH),
    "shared-account": ("shared-account", WARNING),
    "previous-month": ("id-typo", WARNING),
}


@pytest.mark.parametrize("plant", sorted(EXPECTED_KIND))
def test_every_planted_duplicate_is_found(
    planted: tuple[list[Person], list[Person], dict[str, tuple[RowRef, RowRef]]], plant: str
) -> None:
    june, may, plants = planted
    cands = find_candidates(june, may)
    found = _find(cands, plants[plant])
    assert found is not None, plant
    kind, level = EXPECTED_KIND[plant]
    assert kind in found.kinds and found.level == level, (plant, found)
    assert found.code.startswith("DUP-") and 0 < found.score <= 100
    if plant == "same-id":
        assert "so_dinh_danh" in found.agree and found.scope == "month"
    if plant in ("id-typo", "id-transposed", "previous-month"):
        assert "so_dinh_danh" in found.differ
    if plant == "previous-month":
        assert found.scope == "previous" and {found.a.ref.month, found.b.ref.month} == {MAY, JUNE}
    if plant == "tone-marks":
        assert "ho_ten" in found.agree  # folded names are equal


def test_pair_codes_are_stable_whatever_the_order(
    planted: tuple[list[Person], list[Person], dict[str, tuple[RowRef, RowRef]]],
) -> None:
    june, may, _ = planted
    forward = {c.code: c for c in find_candidates(june, may)}
    backward = {c.code: c for c in find_candidates(list(reversed(june)), may)}
    assert forward.keys() == backward.keys()


def test_continuing_people_are_not_candidates_against_previous_months() -> None:
    gen = People(seed=5)
    rows = gen.month(3, 200)
    june, may = as_people(rows, JUNE), as_people(rows, MAY)  # the same people both months
    assert [c for c in find_candidates(june, may) if c.scope == "previous"] == []


@pytest.mark.slow
def test_a_clean_10000_row_month_has_no_candidate_above_warning() -> None:
    gen = People(seed=2026)
    communes = gen.month(20, 500)
    people = as_people(communes)
    assert len(people) == 10_000
    siblings = sum(1 for p in people if p.by_other) - len(
        {p.receiver_id for p in people if p.by_other}
    )
    assert siblings > 50  # guardians shared by brothers and sisters: legitimate, not candidates
    cands = find_candidates(people)
    assert [c for c in cands if c.level != WARNING] == []
    assert not any("shared-phone" in c.kinds for c in cands)
    # natural near-collisions exist and stay warnings
    assert any(c.kinds == ("same-name",) for c in cands)


def test_decisions_hold_remove_and_silence() -> None:
    a = Person(
        RowRef(JUNE, "1", "a.xlsx", 5), "A", "Lê Văn Tư", "1950-01-02", "Nam", "051050000001"
    )
    b = Person(
        RowRef(JUNE, "2", "b.xlsx", 9), "B", "Le Van Tu", "1950-01-02", "Nam", "051050000001"
    )
    c = Person(
        RowRef(JUNE, "3", "c.xlsx", 7), "C", "Lê Văn Tư", "1950-01-02", "Nam", "051050000091"
    )
    cands = find_candidates([a, b, c])
    ab = _find(cands, (a.ref, b.ref))
    ac = _find(cands, (a.ref, c.ref))
    bc = _find(cands, (b.ref, c.ref))
    assert ab is not None and ac is not None and bc is not None
    assert ab.high and ac.high and bc.high
    undecided = month_holds(cands)
    assert set(undecided.held) == {a.ref, b.ref, c.ref}  # nobody paid until decided

    def decide(cand: Candidate, verdict: str, keep: Person | None = None) -> DuplicateDecision:
        return DuplicateDecision(
            cand.code, verdict, keep.key if keep else None, cand.a.key, cand.b.key, "t", "r", "s"
        )

    decided = month_holds(
        cands,
        {
            ab.code: decide(ab, SAME, keep=b),
            ac.code: decide(ac, DIFFERENT),
            bc.code: decide(bc, DIFFERENT),
        },
    )
    assert decided.open == [] and len(decided.decided) == 3
    assert [h.removed for h in decided.held[a.ref]] == [True]  # b kept, a removed
    assert b.ref not in decided.held and c.ref not in decided.held
    # two people sharing one ID stay held until the ID is corrected
    both = month_holds(cands, {ab.code: decide(ab, DIFFERENT)})
    assert {h.catalogue_code for h in both.held[a.ref]} >= {"duplicate-id-to-correct"}


# ---- the workspace: command, workbook, decisions, handoff and payments ------------------------

UNITS = (
    Unit("21079", "Bình Hòa", "xã"),
    Unit("21085", "Bình Minh", "xã"),
    Unit("21046", "Bình Thạnh", "xã"),
)
FILES = {
    "Bình Hòa": "binh_hoa T6.xlsx",
    "Bình Minh": "binh_minh T6.xlsx",
    "Bình Thạnh": "binh_thanh T6.xlsx",
}


@pytest.fixture
def ws(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """Three communes; Bình Hòa's registered row 1 is also in Bình Minh (same ID), and its
    registered row 5 is in Bình Thạnh with one ID digit wrong and no tone marks."""
    root = tmp_path / "ws"
    root.mkdir()
    (root / "cashless.toml").write_text(
        render_config(Area("Bình Sơn", "district", "Quảng Ngãi", UNITS)), encoding="utf-8"
    )
    folder = root / "rosters" / JUNE
    folder.mkdir(parents=True)
    rows = {name: make_rows(24, seed=s) for s, name in enumerate(FILES, start=40)}
    hoa = rows["Bình Hòa"]
    same, typo = dict(hoa[1]), dict(hoa[5])
    same["ho_ten"] = '=HYPERLINK("http://x.invalid","Nguyễn")'  # must stay text everywhere
    assert same["trang_thai"] == typo["trang_thai"] == "Đã đăng ký"
    typo["so_dinh_danh"] = _typo(typo["so_dinh_danh"], 8)
    typo["ho_ten"] = _unaccent(typo["ho_ten"])
    rows["Bình Minh"].append(same)
    rows["Bình Thạnh"].append(typo)
    written = {}
    for name, file in FILES.items():
        written[name] = write_roster(folder / file, rows[name], Layout(commune=name))
    places = {
        "same": {
            ("21079", FILES["Bình Hòa"], int(written["Bình Hòa"].cell(1, "stt")[1:])),
            ("21085", FILES["Bình Minh"], int(written["Bình Minh"].cell(24, "stt")[1:])),
        },
        "typo": {
            ("21079", FILES["Bình Hòa"], int(written["Bình Hòa"].cell(5, "stt")[1:])),
            ("21046", FILES["Bình Thạnh"], int(written["Bình Thạnh"].cell(24, "stt")[1:])),
        },
        "rows": sum(len(r) for r in rows.values()),
    }
    return root, places


def _json(root: Path, *args: str, code: int) -> dict[str, Any]:
    run = run_cli("duplicates", "-w", root, "--format", "json", *args, timeout=120)
    assert run.returncode == code, run.describe()
    doc: dict[str, Any] = json.loads(run.stdout)
    return doc


def _pair_places(c: dict[str, Any]) -> set[tuple[str, str, int]]:
    return {(r["commune_code"], r["file"], r["row"]) for r in c["rows"]}


def _decide(review: Path, out: Path, decisions: dict[str, tuple[str, str | None]]) -> None:
    wb = openpyxl.load_workbook(review)
    sheet = wb["Rà soát trùng"]
    for row in sheet.iter_rows(min_row=5):
        head = row[0].value
        if isinstance(head, str) and head[:12] in decisions:
            verdict, keep = decisions[head[:12]]
            row[12].value = verdict
            row[13].value = keep
    wb.save(out)


def _decisions_in_ledger(root: Path) -> int:
    with sqlite3.connect(root / ".cashless" / "ledger.sqlite") as conn:
        return int(conn.execute("SELECT count(*) FROM duplicate_decisions").fetchone()[0])


def _held(root: Path) -> dict[tuple[str, str, int], set[str]]:
    result = export_postoffice(load_workspace(root), Month(2023, 6), workers=1)
    return {
        (h.commune_code, h.source.name, h.source_row): {r.code for r in h.reasons}
        for h in result.selection.held
    }


def _to_check(root: Path) -> tuple[dict[tuple[str, str, int], str], int]:
    p = export_payments(load_workspace(root), Month(2023, 6), workers=1).payments
    checks = {(r.commune_code, r.source.name, r.source_row): r.note("en") for r in p.check}
    return checks, len(p.accounts) + len(p.cash) + len(p.check)


@pytest.mark.slow
def test_review_decide_import_and_the_lists_follow(
    ws: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, places = ws
    review = tmp_path / "ra-soat.xlsx"
    doc = _json(root, "-o", str(review), code=1)  # pairs to decide: exit 1
    high = [c for c in doc["candidates"] if c["level"] == "high"]
    by_places = {frozenset(_pair_places(c)): c for c in high}
    same = by_places[frozenset(places["same"])]
    typo = by_places[frozenset(places["typo"])]
    assert same["kinds"][0] == "same-id" and "id-typo" in typo["kinds"]
    assert "so_dinh_danh" in typo["differ"] and "ngay_sinh" in typo["agree"]
    assert doc["rows"] == places["rows"] and review.is_file()

    # undecided: held back from the handoff and "to check" in the payments, never dropped
    held = _held(root)
    for place in places["same"] | places["typo"]:
        assert held[place] & {"duplicate-same-id", "duplicate-to-check"}, place
    checks, listed = _to_check(root)
    assert listed == places["rows"]  # every row in exactly one list
    for place in places["same"] | places["typo"]:
        assert "DUP-" in checks[place]

    # a decision that is not one: nothing recorded, the cell named, exit 1
    bad = tmp_path / "bad.xlsx"
    _decide(review, bad, {same["code"]: ("có lẽ", None)})
    run = run_cli("duplicates", "--import", bad, "-w", root, "--format", "json")
    assert run.returncode == 1, run.describe()
    report = json.loads(run.stdout)
    assert (
        report["recorded"] == 0
        and report["problems"][0]["code"] == "duplicate-review-decision-invalid"
    )
    assert report["problems"][0]["cell"].startswith("M")
    assert not (root / ".cashless" / "ledger.sqlite").exists() or _decisions_in_ledger(root) == 0

    # same person (keep row 2) and two people
    good = tmp_path / "good.xlsx"
    _decide(
        review,
        good,
        {same["code"]: ("Cùng một người", "Dòng 2"), typo["code"]: ("Hai người khác nhau", None)},
    )
    first = _json(root, "--import", str(good), code=0)
    assert (first["recorded"], first["same"], first["different"]) == (2, 1, 1)
    assert len(first["sha256"]) == 64
    again = _json(root, "--import", str(good), code=0)  # idempotent
    assert (again["recorded"], again["unchanged"]) == (0, 2) and _decisions_in_ledger(root) == 2

    after = _json(root, code=1)  # a row to remove remains
    codes = {c["code"] for c in after["candidates"]}
    assert same["code"] not in codes and typo["code"] not in codes  # decided: not raised again
    (removed,) = after["to_remove"]
    kept_place = (same["rows"][1]["commune_code"], same["rows"][1]["file"], same["rows"][1]["row"])
    removed_place = (
        removed["remove"]["commune_code"],
        removed["remove"]["file"],
        removed["remove"]["row"],
    )
    assert removed_place == next(iter(places["same"] - {kept_place}))

    checks, listed = _to_check(root)
    assert listed == places["rows"]
    assert "remove this row" in checks[removed_place] and kept_place not in checks
    assert not any(p in checks for p in places["typo"])  # two people: both paid
    held = _held(root)
    assert held[removed_place] == {"duplicate-remove"}
    assert kept_place not in held and not any(p in held for p in places["typo"])


def _review(ws: tuple[Path, dict[str, Any]], tmp_path: Path) -> Path:
    root, _ = ws
    review = tmp_path / "ra-soat.xlsx"
    run = run_cli("duplicates", "-w", root, "-o", review, "--lang", "vi", timeout=120)
    assert run.returncode == 1, run.describe()
    assert "Tệp rà soát" in run.stdout and "CAO" in run.stdout
    return review


@pytest.mark.slow
def test_review_workbook_is_safe_printable_and_has_dropdowns(
    ws: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    review = _review(ws, tmp_path)
    wb = openpyxl.load_workbook(review)
    sheet = wb["Rà soát trùng"]
    assert wb["_cashless"].sheet_state == "hidden"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$4:$4" or sheet.print_title_rows == "4:4"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    lists = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert '"Cùng một người,Hai người khác nhau"' in lists and '"Dòng 1,Dòng 2"' in lists
    fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    names = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPER")]
    assert names and all(c.data_type == "s" for c in names)
    filled = [
        c for row in sheet.iter_rows(min_row=5) for c in row if c.fill.fgColor.rgb == "00FFD966"
    ]
    assert filled  # the fields that differ are highlighted


@pytest.mark.slow
@pytest.mark.libreoffice
def test_review_workbook_converts_to_pdf(ws: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    require_soffice()
    review = _review(ws, tmp_path)
    pdf = convert(review, tmp_path / "pdf")
    assert pdf_pages(pdf) >= 1


def test_a_file_that_is_not_a_review_is_refused(
    ws: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, _ = ws
    roster = next((root / "rosters" / JUNE).iterdir())
    run = run_cli("duplicates", "--import", roster, "-w", root, "--lang", "en")
    assert run.returncode == 2, run.describe()
    assert "not a review workbook" in run.stderr and "Traceback" not in run.stderr


def test_a_version_1_ledger_gets_the_decisions_table(tmp_path: Path) -> None:
    from cashless_cli.ledger.store import SCHEMA_VERSION, Ledger

    path = tmp_path / "ledger.sqlite"
    Ledger.open(path).close()
    with sqlite3.connect(path) as conn:  # as cashless 0.1 left it
        conn.execute("DROP TABLE duplicate_decisions")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Ledger.open(path) as ledger:
        assert ledger.duplicate_decisions() == {}
        assert ledger.meta("schema_version") == str(SCHEMA_VERSION) == "4"
        with ledger.transaction():
            ledger.insert_duplicate_decisions(
                [DuplicateDecision("DUP-00000000", SAME, "k1", "k1", "k2", "t", "f.xlsx", "0" * 64)]
            )
    with Ledger.open(path) as ledger:
        assert ledger.duplicate_decisions()["DUP-00000000"].keep == "k1"


@pytest.mark.slow
def test_previous_months_from_the_dataset_or_the_rosters_give_the_same_people(
    ws: tuple[Path, dict[str, Any]],
) -> None:
    import os

    from cashless_cli.duplicates.service import previous_people

    root, _ = ws
    may = root / "rosters" / MAY
    may.mkdir()
    rows = make_rows(30, seed=77, month=(2023, 5))
    rows[3]["ngay_sinh"] = 1940  # a year of birth only
    roster = may / "binh_hoa T5.xlsx"
    write_roster(roster, rows, Layout(commune="Bình Hòa", month_title="Tháng 5 năm 2023"))
    workspace = load_workspace(root)
    from_rosters, sources = previous_people(workspace, Month(2023, 6), workers=1)
    assert sources == {MAY: "rosters"} and len(from_rosters) == 30
    run = run_cli("summarize", "-w", root, "--month", MAY, timeout=120)
    assert run.returncode in (0, 1), run.describe()
    from_dataset, sources = previous_people(workspace, Month(2023, 6), workers=1)
    assert sources == {MAY: "dataset"}
    assert {p.ref: p for p in from_dataset} == {p.ref: p for p in from_rosters}
    # a roster changed after the dataset was written: the rosters are read again
    later = (root / "reports" / MAY / f"dataset-{MAY}.parquet").stat().st_mtime + 5
    os.utime(roster, (later, later))
    _, sources = previous_people(workspace, Month(2023, 6), workers=1)
    assert sources == {MAY: "rosters"}
