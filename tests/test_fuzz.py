"""Fuzz: mutated workbooks never make ``validate_file`` raise, hang, or kill the process.

Hypothesis draws batches of mutations of small valid workbooks (xlsx, xls, ods): bytes flipped,
inserted, deleted or overwritten in the file itself, and the same in the decompressed sheet XML
(``xl/worksheets/sheet1.xml``, ``content.xml``), re-zipped with correct checksums so that the
mutated XML reaches python-calamine. A mutation may put a cell far away, which python-calamine
answers by aborting the whole process: so every batch is validated in one child process (a
worker that calls ``validate_file`` and both renderings for each file), with a timeout and a
memory cap. The rule: the worker exits 0 and reports no exception; every file either reads or
comes back with ``report.error`` set.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import hostile
from cli_helpers import run_python
from factory import Layout, make_rows, write_roster

#: Validates every file of a folder in-process; prints one JSON line of results.
WORKER = r"""
import io, json, sys, traceback
from pathlib import Path
from rich.console import Console
from cashless_cli.report.json_report import validate_document
from cashless_cli.report.terminal import render_all
from cashless_cli.validation import Options, validate_file

results = {"files": 0, "read": 0, "refused": 0, "exceptions": []}
for path in sorted(Path(sys.argv[1]).iterdir())[int(sys.argv[2]):]:
    results["files"] += 1
    sys.stderr.write(f"FILE {path.name}\n")
    sys.stderr.flush()
    try:
        report = validate_file(path, Options())
        json.dumps(validate_document([report], "en"), ensure_ascii=False, default=str)
        for show in (False, True):
            render_all(Console(file=io.StringIO(), width=120), [report], "vi", 50, show)
        if report.error is None:
            results["read"] += 1
        else:
            report.error.message("vi"); report.error.hint("en")
            results["refused"] += 1
    except BaseException:
        results["exceptions"].append({"file": path.name, "trace": traceback.format_exc()})
print(json.dumps(results))
"""

# ---------------------------------------------------------------------------------------------
# Mutations


@dataclass(frozen=True)
class Mutation:
    op: str  # flip | insert | delete | overwrite
    where: float  # position as a fraction of the length
    data: bytes  # inserted / overwriting bytes; flip: the XOR mask (first byte)
    length: int  # bytes deleted

    def apply(self, blob: bytes) -> bytes:
        if not blob:
            return self.data
        at = min(int(self.where * len(blob)), len(blob) - 1)
        if self.op == "flip":
            mask = (self.data[:1] or b"\x01")[0] or 1
            return blob[:at] + bytes([blob[at] ^ mask]) + blob[at + 1 :]
        if self.op == "insert":
            at = len(blob) if self.where >= 1 else at
            return blob[:at] + self.data + blob[at:]
        if self.op == "delete":
            return blob[:at] + blob[at + self.length :]
        return blob[:at] + self.data + blob[at + len(self.data) :]


# Bytes that matter to XML and to cell references, more often than chance would pick them.
_XML_BITS = [
    b"<",
    b">",
    b"/",
    b'"',
    b"&",
    b"9",
    b"0",
    b"Z",
    b"XFD",
    b"1048576",
    b'r="A2"',
    b'r="ZZZ9"',
    b"<c r=",
    b"</row>",
    b'<row r="999999">',
    b't="s"',
    b't="inlineStr"',
    b"<v>1E308</v>",
    b"<v>-1</v>",
    b"&#0;",
    b"<![CDATA[",
    b"<!DOCTYPE x>",
    b'table:number-columns-repeated="99999"',
    b'table:number-rows-repeated="5000000"',
    b'office:value-type="date"',
    b"\x00",
    b"\xff\xfe",
]

mutations = st.builds(
    Mutation,
    op=st.sampled_from(["flip", "insert", "delete", "overwrite"]),
    where=st.floats(0, 1, allow_nan=False),
    data=st.one_of(st.binary(min_size=1, max_size=16), st.sampled_from(_XML_BITS)),
    length=st.integers(1, 64),
)


@dataclass(frozen=True)
class Target:
    base: str  # xlsx | xls | ods
    inside: bool  # mutate the decompressed sheet XML (zip formats) rather than the file
    steps: tuple[Mutation, ...]


targets = st.builds(
    Target,
    base=st.sampled_from(["xlsx", "xls", "ods"]),
    inside=st.booleans(),
    steps=st.lists(mutations, min_size=1, max_size=4).map(tuple),
)

_SHEET_PART = {"xlsx": "xl/worksheets/sheet1.xml", "ods": "content.xml"}


def _rezip(source: bytes, part: str, steps: tuple[Mutation, ...], path: Path) -> None:
    import io

    with (
        zipfile.ZipFile(io.BytesIO(source)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                for step in steps:
                    data = step.apply(data)
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(info.filename, data, compress_type=method)


def materialise(target: Target, bases: dict[str, bytes], path: Path) -> None:
    source = bases[target.base]
    if target.inside and target.base in _SHEET_PART:
        _rezip(source, _SHEET_PART[target.base], target.steps, path)
        return
    blob = source
    for step in target.steps:
        blob = step.apply(blob)
    path.write_bytes(blob)


# ---------------------------------------------------------------------------------------------
# The bases: small valid workbooks of each format


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("fuzz-bases")
    xlsx = write_roster(folder / "base.xlsx", make_rows(4, seed=41), Layout(signature=False)).path
    return {
        "xlsx": xlsx.read_bytes(),
        "xls": hostile.normal_xls(folder).read_bytes(),
        "ods": hostile.normal_ods(folder).read_bytes(),
    }


#: Exceptions of bugs that have their own strict-xfail regression test (test_hostile_cli.py);
#: remove an entry when its bug is fixed.
KNOWN_BUGS: tuple[str, ...] = ()


def _known_bug(exception: dict[str, str]) -> bool:
    return any(sign in exception["trace"] for sign in KNOWN_BUGS)


def run_worker(folder: Path, timeout: float = 60.0) -> dict[str, Any]:
    """Validate every file of ``folder`` in worker processes. A worker that dies (a reader
    aborted the process) is recorded as a crash of the file it was on, and a new worker goes on
    with the next file; crashes come back under ``"crashes"``."""
    names = sorted(p.name for p in folder.iterdir())
    total: dict[str, Any] = {"files": 0, "read": 0, "refused": 0, "exceptions": [], "crashes": []}
    start = 0
    while start < len(names):
        run = run_python("-c", WORKER, folder, str(start), timeout=timeout)
        assert not run.timed_out, f"the worker hung\n{run.describe()}"
        if run.returncode == 0:
            part = json.loads(run.stdout.strip().splitlines()[-1])
            for key in ("files", "read", "refused"):
                total[key] += part[key]
            total["exceptions"] += part["exceptions"]
            break
        seen = [line for line in run.stderr.splitlines() if line.startswith("FILE ")]
        culprit = seen[-1].removeprefix("FILE ") if seen else names[start]
        at = names.index(culprit)
        total["files"] += at - start + 1
        total["crashes"].append(
            {"file": str(folder / culprit), "rc": run.returncode, "trace": run.stderr[-6000:]}
        )
        start = at + 1
    return total


def test_bases_are_valid(bases: dict[str, bytes], tmp_path: Path) -> None:
    """The unmutated bases read (so the mutations start from workbooks that work)."""
    for kind, data in bases.items():
        (tmp_path / f"base.{kind}").write_bytes(data)
    results = run_worker(tmp_path)
    assert results == {"files": 3, "read": 3, "refused": 0, "exceptions": [], "crashes": []}


BATCH = 50  # mutated files per worker process
EXAMPLES = 30  # worker processes (1,500 mutations in all)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # No shrinking: each try costs a worker process, and the report lists every failing file
    # with its traceback anyway.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    print_blob=True,
    derandomize=True,  # the same mutations on every run: CI stays stable; the benchmark roams
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(targets, min_size=BATCH, max_size=BATCH))
def test_mutated_workbooks_never_raise(
    batch: list[Target], bases: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for i, target in enumerate(batch):
        materialise(target, bases, folder / f"m{i:03d}.{target.base}")
    results = run_worker(folder)
    assert results["files"] == BATCH
    unknown = [e for e in results["exceptions"] if not _known_bug(e)]
    assert unknown == [], json.dumps(unknown, indent=1)[:4000]
    crashed = [c for c in results["crashes"] if not _known_bug(c)]
    assert crashed == [], json.dumps(crashed, indent=1)[:4000]


def test_sheet_xml_mutations_reach_the_reader(bases: dict[str, bytes], tmp_path: Path) -> None:
    """The XML-level mutations are not all refused at the zip level: re-zipping keeps CRCs
    right, so python-calamine really parses mutated XML (otherwise the fuzz proves little)."""
    step = Mutation("insert", 1.0, b"<!-- a comment after the root is well-formed -->", 0)
    for kind in ("xlsx", "ods"):
        path = tmp_path / f"m.{kind}"
        materialise(Target(kind, True, (step,)), bases, path)
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
            assert zlib.crc32(zf.read(_SHEET_PART[kind])) == zf.getinfo(_SHEET_PART[kind]).CRC
    results = run_worker(tmp_path)
    assert results["read"] == 2, results
