"""The rows below the header are told apart column by column when the sheet's rows have one width
(as python-calamine gives them), and row by row otherwise: both ways give every row the same kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cashless_cli.read.grid import Block, runs_of, runs_without
from cashless_cli.read.header import find_header
from cashless_cli.read.rows import RowKind, classify_rows, split_rows
from cashless_cli.read.workbook import Sheet

TODAY = dt.date(2023, 7, 15)
HEAD = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn", "Diện đối tượng",
        "Mức trợ cấp (đồng)", "Tình trạng đăng ký"]  # fmt: skip
WIDTH = len(HEAD)


def person(i: int, **blank: Any) -> list[Any]:
    row: list[Any] = [float(i), f"Trần Thị Lụa {i}", dt.date(1940, 6, 5), "Nữ",
                      f"0511400{i:05d}", "Thôn 1", "5c", 360000.0, "Chưa đăng ký"]  # fmt: skip
    for col, value in blank.items():
        row[int(col[1:])] = value
    return row


def pad(row: list[Any]) -> list[Any]:
    return [*row, *[""] * (WIDTH - len(row))]


def sheet_rows() -> list[list[Any]]:
    """Every kind of row, and blanks of every sort ("", None, spaces, a tab) in required cells."""
    return [
        pad(["UBND XÃ BÌNH HÒA"]),
        pad(["DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI"]),
        pad(["Tháng 6 năm 2023"]),
        pad([]),
        HEAD,
        [f"({i})" for i in range(1, WIDTH + 1)],  # the numbering row
        person(1),
        person(2, c1="", c3=None),  # two required cells blank: still data
        pad([]),  # an inner blank row
        person(3, c1="  ", c3="\t", c5=None, c6=""),  # only three required cells filled
        person(4, c1=" ", c2="", c3=None, c5="", c6=" ", c7=""),  # one: looked at, kept as data
        person(5, c7=0.0),  # a zero is filled
        pad(["Tổng cộng", " ", None, "  ", "", "\t", " ", 720000.0, "\n"]),  # blanks, not data
        pad(["", "Người lập biểu"]),
        pad(["", "", "", "", "", "Chủ tịch"]),
        person(6),  # a person below the totals is still data
        pad([]),
        pad([]),
    ]


def test_the_column_path_gives_every_row_the_kind_the_row_path_gives() -> None:
    rows = sheet_rows()
    header = find_header(Sheet("DS", rows), today=TODAY)
    assert header is not None and header.data_start == 5
    uniform = Sheet("DS", rows)
    assert Block(uniform.rows, header.data_start).width == WIDTH  # the column path
    ragged = Sheet("DS", [*rows[:-1], []])  # a short last row: the row path
    assert Block(ragged.rows, header.data_start).width is None
    by_columns = classify_rows(uniform, header)
    by_rows = classify_rows(ragged, header)
    assert by_columns == by_rows
    kinds = dict(by_columns)
    assert kinds[5] is RowKind.NUMBERING
    assert [kinds[r] for r in (6, 7, 9, 10, 11, 15)] == [RowKind.DATA] * 6
    assert kinds[8] is RowKind.BLANK and kinds[12] is RowKind.TOTAL
    assert kinds[13] is RowKind.SIGNATURE and kinds[14] is RowKind.SIGNATURE
    data, others = split_rows(uniform, header)
    assert data == [r for r, kind in by_columns if kind is RowKind.DATA]
    assert others == [(r, kind) for r, kind in by_columns if kind is not RowKind.DATA]


@pytest.mark.parametrize(
    ("rows", "runs"),
    [
        ([], []),
        ([3], [(3, 4)]),
        ([3, 4, 5, 9], [(3, 6), (9, 10)]),
        ([1, 3, 5], [(1, 2), (3, 4), (5, 6)]),
    ],
)
def test_runs_of_rows(rows: list[int], runs: list[tuple[int, int]]) -> None:
    assert runs_of(rows) == runs


def test_a_column_of_some_rows_is_the_cells_at_those_rows() -> None:
    rows = [[r * 10 + c for c in range(4)] for r in range(8)]
    block = Block(rows, 2)  # type: ignore[arg-type]
    assert block.column(1) == [21, 31, 41, 51, 61, 71]
    picked = [2, 3, 6]
    assert block.column(3, runs_of(picked)) == [23, 33, 63]
    assert block.column(9, runs_of(picked)) == ["", "", ""]  # beyond every row
    assert runs_without(2, 8, [4, 5, 7]) == [(2, 4), (6, 7)]
    ragged = Block([[1, 2], [3], [4, 5, 6]], 0)  # type: ignore[list-item]
    assert ragged.width is None
    assert ragged.column(1) == [2, "", 5]
