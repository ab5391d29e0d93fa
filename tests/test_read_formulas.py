"""Formula cells saved without a value are noted in the guards' single pass over the file.

``Workbook.formulas_without_value`` answers from what :func:`inspect_workbook` collected while it
streamed each worksheet part; ``formulas.formulas_without_value`` still reads one sheet by itself.
Both must give the same cells, wherever the chunk boundaries fall.
"""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

import hostile
from cashless_cli.read import guards
from cashless_cli.read.a1 import column_index
from cashless_cli.read.formulas import (
    _FORMULA_NO_VALUE,
    _REF,
    FormulaScanner,
    _has_formula_tag,
    _may_lack_value,
    formulas_without_value,
)
from cashless_cli.read.guards.base import MiB
from cashless_cli.read.guards.zipread import stream_member
from cashless_cli.read.parts import sheet_parts
from cashless_cli.read.workbook import Workbook

NS_MAIN = hostile.NS_MAIN
NS_R = hostile.NS_R


def _write_book(
    path: Path, sheets: dict[str, str], *, targets: dict[str, str] | None = None
) -> Path:
    """An xlsx with the given sheets (name → sheet XML), at xl/worksheets/sheetN.xml."""
    parts = hostile._xlsx_parts(None)
    entries, rels = [], []
    for n, (name, xml) in enumerate(sheets.items(), start=1):
        target = (targets or {}).get(name, f"worksheets/sheet{n}.xml")
        entries.append(f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="{NS_R}/worksheet" Target="{target}"/>')
        parts[f"xl/{target.removeprefix('/xl/')}"] = xml
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
        f"<sheets>{''.join(entries)}</sheets></workbook>"
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{hostile.NS_PKG_R}">'
        f"{''.join(rels)}</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, text in parts.items():
            zf.writestr(member, text)
    return path


def _sheet(rows: str, prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{NS_MAIN}"' if prefix else f'xmlns="{NS_MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {xmlns}>'
        f"<{p}sheetData>{rows}</{p}sheetData></{p}worksheet>"
    )


def _both(path: Path, sheet: str) -> set[tuple[int, int]]:
    """The Workbook's answer, checked against the function that reads the sheet itself."""
    book = Workbook(path)
    try:
        found = book.formulas_without_value(sheet)
    finally:
        book.close()
    assert found == formulas_without_value(path, sheet)
    return found


def test_openpyxl_formulas_are_found_without_reading_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = hostile.normal_xlsx(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["G2"] = "=F2*2"  # openpyxl saves formulas without a computed value
    ws["H3"] = "=SUM(G2:G3)"
    wb.save(path)
    book = Workbook(path)
    # The answer comes from the guards' pass: nothing may read the file again for it.
    monkeypatch.setattr("cashless_cli.read.formulas.zipfile", None)
    monkeypatch.setattr("cashless_cli.read.fonts.zipfile", None)
    monkeypatch.setattr("cashless_cli.read.guards.package.stream_member", None)
    assert book.formulas_without_value("Danh sách") == {(1, 6), (2, 7)}
    assert book.formulas_without_value("No such sheet") == set()
    monkeypatch.undo()
    assert formulas_without_value(path, "Danh sách") == {(1, 6), (2, 7)}
    book.sheet("Danh sách")  # the sheet still reads
    book.close()


def test_formulas_are_found_in_a_sheet_stored_outside_worksheets(tmp_path: Path) -> None:
    path = hostile.normal_xlsx(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws["G2"] = "=F2*2"
    wb.save(path)
    moved = hostile.relocated_sheet_xlsx(path, "xl/data/roster.xml")
    book = Workbook(moved)
    assert book.formulas_without_value("Danh sách") == {(1, 6)}
    book.close()


def test_formulas_with_values_and_other_sheets(tmp_path: Path) -> None:
    roster = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c></row>'
        '<row r="2"><c r="A2"><f>A1+1</f></c><c r="B2"><f t="shared" si="0"/><v>4</v></c>'
        '<c r="C2"><f t="shared" ref="C2:C3" si="1">A2</f><v/></c></row>'
        '<row r="3"><c r="C3"><f t="shared" si="1"/></c><c r="D3">\n  <f>C3</f>\n  <v></v>\n</c>'
        '<c r="E3"><f>D3</f><v> 5</v></c></row>'
    )
    other = '<row r="9"><c r="AB9"><f>1+1</f></c></row>'
    path = _write_book(tmp_path / "book.xlsx", {"Danh sách": _sheet(roster), "Khác": _sheet(other)})
    assert _both(path, "Danh sách") == {(1, 0), (1, 2), (2, 2), (2, 3)}
    assert _both(path, "Khác") == {(8, 27)}
    inspection = guards.inspect_workbook(path)
    assert set(inspection.formulas_without_value) == {
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
    }


def test_namespaced_tags(tmp_path: Path) -> None:
    rows = (
        '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1*2</x:f></x:c>'
        '<x:c r="C1"><x:f>A1</x:f><x:v>1</x:v></x:c><x:c r="D1"><x:f t="shared" si="0"/>'
        "<x:v/></x:c></x:row>"
    )
    path = _write_book(tmp_path / "ns.xlsx", {"Danh sách": _sheet(rows, prefix="x")})
    assert _both(path, "Danh sách") == {(0, 1), (0, 3)}


def test_sheet_target_written_absolute(tmp_path: Path) -> None:
    rows = '<row r="4"><c r="C4"><f>1</f></c></row>'
    path = _write_book(
        tmp_path / "abs.xlsx",
        {"Danh sách": _sheet(rows)},
        targets={"Danh sách": "/xl/worksheets/data.xml"},
    )
    assert _both(path, "Danh sách") == {(3, 2)}


def _boundaries(path: Path, member: str) -> list[int]:
    """Where the guards' chunks of ``member`` end, in the decompressed stream."""
    with path.open("rb") as f:
        info = zipfile.ZipFile(f).getinfo(member)
        ends, total = [], 0
        for chunk in stream_member(f, info, str(path), None):
            total += len(chunk)
            ends.append(total)
    return ends[:-1]


@pytest.mark.parametrize("offset", [3, 12, 20, 31, 40, 44, 48])
def test_formula_cut_by_the_chunk_boundary(tmp_path: Path, offset: int) -> None:
    """A formula cell without value that straddles the first 1 MiB boundary is still found."""
    head = _sheet("").split("<sheetData>")[0] + "<sheetData>"
    cell = '<row r="70000"><c r="D70000"><f>SUM(A1:C9)</f></c></row>'
    assert offset < len(cell)
    body, r = [head], 1
    size = len(head)
    while size < MiB - offset - 200:
        row = f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>'
        body.append(row)
        size += len(row)
        r += 1
    start, end = f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>', "</t></is></c></row>"
    body.append(start + "x" * (MiB - offset - size - len(start) - len(end)) + end)
    assert len("".join(body)) == MiB - offset
    body.append(cell)
    body.append('<row r="70001"><c r="A70001"><v>2</v></c></row></sheetData></worksheet>')
    xml = "".join(body)
    path = _write_book(tmp_path / "cut.xlsx", {"Danh sách": xml})
    assert _boundaries(path, "xl/worksheets/sheet1.xml")[0] == MiB  # cut inside the cell
    assert _both(path, "Danh sách") == {(69999, 3)}


def test_many_chunks_and_random_cuts() -> None:
    """The scanner finds the same cells whatever the chunking (down to 1-byte chunks)."""
    rng = random.Random(5)
    cells = [
        '<c r="A{r}"><f>B{r}</f></c>',
        '<c r="B{r}"><f>B{r}</f><v>3</v></c>',
        '<x:c r="C{r}"><x:f t="shared" si="0"/></x:c>',
        '<c r="D{r}" t="inlineStr"><is><t>fff: off &lt;f</t></is></c>',
        '<c r="E{r}"> <f>A1</f> <v/> </c>',
    ]
    rows = "".join(
        f'<row r="{r}">' + "".join(rng.choice(cells).format(r=r) for _ in range(4)) + "</row>"
        for r in range(1, 300)
    )
    data = _sheet(rows).encode()
    expected = set()
    for m in _FORMULA_NO_VALUE.finditer(data):
        ref = _REF.search(m.group(1))
        assert ref is not None
        expected.add((int(ref.group(2)) - 1, column_index(ref.group(1))))
    assert {c for _, c in expected} == {0, 2, 4}
    for size in (1, 7, 100, 4096, 5000, len(data)):
        scanner = FormulaScanner()
        for at in range(0, len(data), size):
            scanner.feed(data[at : at + size])
        assert scanner.cells == expected, size


def test_quick_tests_agree_with_the_plain_ones() -> None:
    rng = random.Random(11)
    atoms = [b"f", b"<", b":", b"<f", b":f", b"x", b"ff", b" ", b"</f>", b"<v>1</v>"]
    for _ in range(20_000):
        data = b"".join(rng.choice(atoms) for _ in range(rng.randint(0, 60)))
        assert _has_formula_tag(data) == (b"<f" in data or b":f" in data), data
        if _FORMULA_NO_VALUE.search(data):
            assert _may_lack_value(data), data
    ws = [b"", b" ", b"\n\t"]
    for _ in range(20_000):
        c, f, v = (rng.choice([b"", b"x:"]) for _ in range(3))
        formula = rng.choice(
            [
                b"<" + f + b"f>A1</" + f + b"f>",
                b"<" + f + b"f t='shared' si='0'" + rng.choice(ws) + b"/>",
            ]
        )
        value = rng.choice(
            [
                b"",
                b"<" + v + b"v/>",
                b"<" + v + b"v></" + v + b"v>",
                b"<" + v + b"v>5</" + v + b"v>",
            ]
        )
        cell = b"<%sc r='A1'>%s%s%s%s</%sc>" % (
            c,
            rng.choice(ws),
            formula,
            rng.choice(ws),
            value,
            c,
        )
        if _FORMULA_NO_VALUE.search(cell):
            assert _may_lack_value(cell), cell
        else:
            assert b"5" in value, cell


def test_sheet_parts_follow_fonts_sheet_member(tmp_path: Path) -> None:
    from cashless_cli.read.fonts import sheet_member

    path = _write_book(
        tmp_path / "parts.xlsx",
        {"Một": _sheet(""), "Hai": _sheet(""), "Ba": _sheet("")},
        targets={"Hai": "/xl/worksheets/sheet2.xml", "Ba": "worksheets/../worksheets/sheet3.xml"},
    )
    with zipfile.ZipFile(path) as zf:
        parts = sheet_parts(zf.read("xl/workbook.xml"), zf.read("xl/_rels/workbook.xml.rels"))
        for name in ("Một", "Hai", "Ba", "Bốn"):
            assert parts.get(name) == sheet_member(zf, name)
    assert sheet_parts(b"", b"") == {}
    assert sheet_parts(b"<broken", b"<x/>") == {}


@pytest.mark.parametrize("build", [hostile.normal_xls, hostile.normal_ods])
def test_other_kinds_have_none(tmp_path: Path, build: Callable[[Path], Path]) -> None:
    book = Workbook(build(tmp_path))
    assert book.formulas_without_value(book.sheet_names[0]) == set()
    book.close()
