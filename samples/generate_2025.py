#!/usr/bin/env python3
"""Write the 2025+ sample workspace ``samples/commune-2025/``: xã Vạn Tường (Quảng Ngãi), the new
commune formed in July 2025 from six old communes of Bình Sơn district, with its rosters for
August 2025 (three old communes' lists, under their old names: Bình Hòa by its title row, Bình
Phước by its file name, Bình Hải by both) and September 2025 (one list under the new name).
Beside the monthly social allowance (Decree 20/2021/NĐ-CP) the lists carry social pensioners
(Decree 176/2025/NĐ-CP, 500,000 đồng), and one person listed for both programmes.

``samples/province-2025/`` is the supervisor's side: Quảng Ngãi's Sở Y tế with a handful of its
new communes (a subset of the official list, to keep the sample small) and their lists of August
2025, due by the 25th: Vạn Tường's as two old communes' files (Bình Hòa, Bình Phước), Bình
Chương's under its old name Bình Mỹ, Bình Minh's monthly allowance and social pension in two files,
Bình Sơn's three days late, Đông Sơn's without a date line (its file time says when it came; ``make
demo`` sets it), and Trà Bồng's missing.

``provider`` plays the paying unit: it reads a month's payment list written by
``cashless export-payments`` and writes the result the provider sends back (who was paid, how
much, who was not and why), with a few people not paid, for ``cashless import-payments``.

All personal data is synthetic; the output is deterministic (fixed seeds and timestamps).
Run from the project root: ``python samples/generate_2025.py`` (``make samples`` runs it too),
``python samples/generate_2025.py provider WORKSPACE 2025-08``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
OUT = HERE / "commune-2025"
OUT_PROVINCE = HERE / "province-2025"
sys.path.insert(0, str(HERE.parent / "src"))

FIXED_TIME = dt.datetime(2025, 9, 1, 8, 0, 0)
BASE_LEVEL = 500_000  # Decree 76/2024/NĐ-CP, from 1 July 2024
PENSION = 500_000  # Decree 176/2025/NĐ-CP, from 1 July 2025
COMMUNE = "Vạn Tường"
PROVINCE = "Quảng Ngãi"
#: The old communes whose lists come in August, how each is named, and how many people.
OLD_LISTS = (
    ("Bình Hòa", "ds-thang-8.xlsx", True, 40),  # by its title row only
    ("Bình Phước", "binh_phuoc T8.xlsx", False, 30),  # by its file name only
    ("Bình Hải", "DS Binh Hai T8-2025.xlsx", True, 30),
)
NEW_LIST = "DS Van Tuong T9-2025.xlsx"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Phan"]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Sơn", "Tâm", "Yến", "Hùng"]
#: category, coefficient, age range (whole years)
CATEGORIES = (
    ("5a", 1.5, (62, 79)),
    ("5c", 1.0, (81, 95)),
    ("6b", 1.5, (20, 55)),
    ("6a", 2.0, (25, 55)),
    ("htxh", 1.0, (76, 79)),
)
HEADERS = (
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số CCCD/Định danh",
    "Thôn/Tổ dân phố",
    "Diện đối tượng",
    "Hệ số",
    "Mức trợ cấp (đồng)",
    "Người nhận",
    "Số điện thoại",
    "Tình trạng đăng ký",
    "Ngày đăng ký",
    "Số tài khoản",
    "Nơi mở tài khoản",
)


@dataclass
class Person:
    name: str
    birth: dt.date
    sex: str
    pid: str
    village: str
    category: str
    coef: float
    phone: str
    account: str | None

    @property
    def amount(self) -> int:
        return PENSION if self.category == "htxh" else round(BASE_LEVEL * self.coef)


def make_people(
    rng: random.Random,
    n: int,
    old: str,
    categories: tuple[tuple[str, float, tuple[int, int]], ...] = CATEGORIES,
) -> list[Person]:
    out = []
    for i in range(n):
        category, coef, (lo, hi) = categories[i % len(categories)]
        sex = rng.choice(["Nam", "Nữ"])
        year = 2025 - rng.randint(lo, hi)
        century = (year // 100) - 19
        pid = f"051{century * 2 + (sex == 'Nữ')}{year % 100:02d}{rng.randrange(10**6):06d}"
        middle = "Thị" if sex == "Nữ" else "Văn"
        account = f"{rng.randrange(10**12):012d}" if rng.random() < 0.5 else None
        out.append(
            Person(
                f"{rng.choice(FAMILY)} {middle} {rng.choice(GIVEN)}",
                dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                sex,
                pid,
                f"Thôn {rng.randint(1, 6)}, {old}",
                category,
                coef,
                rng.choice(["091", "098", "035", "077"]) + f"{rng.randrange(10**7):07d}",
                account,
            )
        )
    return out


def row_of(i: int, p: Person, category: str | None = None) -> list[object]:
    cat = category or p.category
    coef = 1.0 if cat == "htxh" else p.coef
    amount = PENSION if cat == "htxh" else p.amount
    status = "Đã có tài khoản" if p.account else "Chưa đăng ký"
    return [
        i,
        p.name,
        p.birth,
        p.sex,
        p.pid,
        p.village,
        cat,
        int(coef) if coef.is_integer() else coef,
        amount,
        "Bản thân",
        p.phone,
        status,
        dt.date(2025, 7, 15) if p.account else None,
        p.account,
        "Bưu điện" if p.account else None,
    ]


def write_list(
    path: Path,
    title: str | None,
    month: int,
    rows: list[list[object]],
    dated: str | None = None,
    heading: str = "DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG VÀ TRỢ CẤP HƯU TRÍ XÃ HỘI",
) -> None:
    """A roster; ``dated``: the date line of its signature block ("Bình Sơn, ngày 20 tháng 8
    năm 2025"), under the rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    if title:
        ws.append([title])
        ws.append([heading])
        ws.append([f"Tháng {month} năm 2025"])
        ws.append([])
    ws.append(list(HEADERS))
    for r in rows:
        ws.append(r)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    if dated:
        ws.append([])
        ws.append([None] * 10 + [dated])
        ws.append([None, "NGƯỜI LẬP BIỂU"] + [None] * 8 + ["TM. ỦY BAN NHÂN DÂN"])
        ws.append([None] * 10 + ["CHỦ TỊCH"])
    from openpyxl.xml.functions import tostring

    from cashless_cli.fs.deterministic import stable_zip

    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.properties.creator = "cashless samples"
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    wb.save(buffer)  # stamps the clock on the members and docProps/core.xml: fixed again
    wb.properties.modified = FIXED_TIME
    core = tostring(wb.properties.to_tree())
    path.write_bytes(stable_zip(buffer.getvalue(), {"docProps/core.xml": core}))


def build() -> None:
    from cashless_cli.workspace.units import commune_config

    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    (OUT / "cashless.toml").write_text(commune_config(COMMUNE, PROVINCE).text, encoding="utf-8")
    rng = random.Random("commune-2025")
    everyone: list[Person] = []
    for old, name, titled, n in OLD_LISTS:
        people = make_people(rng, n, old)
        rows = [row_of(i, p) for i, p in enumerate(people, start=1)]
        if old == "Bình Hòa":  # a 5a beneficiary also put on the social pension list
            both = next(p for p in people if p.category == "5a" and 2025 - p.birth.year >= 75)
            rows.append(row_of(len(rows) + 1, both, "htxh"))
        title = f"UBND XÃ {old.upper()}" if titled else None
        write_list(OUT / "rosters" / "2025-08" / name, title, 8, rows)
        everyone.extend(people)
    rows = [row_of(i, p) for i, p in enumerate(everyone, start=1)]
    write_list(OUT / "rosters" / "2025-09" / NEW_LIST, f"UBND XÃ {COMMUNE.upper()}", 9, rows)
    print(f"{OUT}: {len(everyone)} people, {len(OLD_LISTS)} old communes' lists in 2025-08")


ALLOWANCE = tuple(c for c in CATEGORIES if c[0] != "htxh")
PENSION_ONLY = tuple(c for c in CATEGORIES if c[0] == "htxh")
#: The province sample's new communes (a subset of Quảng Ngãi's, by name).
PROVINCE_COMMUNES = ("Bình Sơn", "Vạn Tường", "Bình Minh", "Bình Chương", "Đông Sơn", "Trà Bồng")
#: (file, title row, the place and day of its date line (None: no date line), people,
#: categories) of August 2025.
PROVINCE_LISTS = (
    ("DS Binh Hoa T8-2025.xlsx", "UBND XÃ BÌNH HÒA", "Bình Hòa", 18, 14, CATEGORIES),
    ("binh_phuoc T8.xlsx", None, "Bình Phước", 20, 12, CATEGORIES),
    ("Binh Son T8-2025.xlsx", "UBND XÃ BÌNH SƠN", "Bình Sơn", 28, 16, CATEGORIES),
    ("DS Binh My thang 8.xlsx", "UBND XÃ BÌNH MỸ", "Bình Mỹ", 22, 12, CATEGORIES),
    ("Binh Minh T8 tro cap.xlsx", "UBND XÃ BÌNH MINH", "Bình Minh", 24, 12, ALLOWANCE),
    ("Binh Minh T8 huu tri xa hoi.xlsx", "UBND XÃ BÌNH MINH", "Bình Minh", 25, 6, PENSION_ONLY),
    ("Dong Son T8.xlsx", "UBND XÃ ĐÔNG SƠN", None, None, 10, CATEGORIES),
)  # fmt: skip
PENSION_HEADING = "DANH SÁCH CHI TRẢ TRỢ CẤP HƯU TRÍ XÃ HỘI"


def province_config() -> str:
    """Quảng Ngãi's province workspace with only :data:`PROVINCE_COMMUNES` and the old communes
    that went into them; the lists are due by the 25th of their month."""
    from dataclasses import replace

    from cashless_cli.workspace.config import render_config
    from cashless_cli.workspace.units import units_for

    full = units_for(None, PROVINCE).area
    assert full is not None
    communes = tuple(u for u in full.communes if u.name in PROVINCE_COMMUNES)
    codes = {u.code for u in communes}
    olds = tuple(o for o in full.old_units if set(o.into) <= codes)
    area = replace(full, communes=communes, old_units=olds)
    return (
        f"# cashless sample: {PROVINCE} (after July 2025), {len(communes)} of its communes, "
        "from vietnam-provinces and vietnamadminunits.\n\n"
        + render_config(area)
        + '\n[report]\nissuer = "UBND TỈNH QUẢNG NGÃI"\noffice = "SỞ Y TẾ"\n'
        + "# a commune's list of month M is due by this day of M (README, 'The province view')\n"
        + "due_day = 25\n"
    )


def build_province() -> None:
    if OUT_PROVINCE.exists():
        shutil.rmtree(OUT_PROVINCE)
    OUT_PROVINCE.mkdir()
    (OUT_PROVINCE / "cashless.toml").write_text(province_config(), encoding="utf-8")
    rng = random.Random("province-2025")
    folder = OUT_PROVINCE / "rosters" / "2025-08"
    for name, title, place, day, n, categories in PROVINCE_LISTS:
        dated = f"{place}, ngày {day} tháng 8 năm 2025" if place else None
        people = make_people(rng, n, "Quảng Ngãi", categories)
        rows = [row_of(i, p) for i, p in enumerate(people, start=1)]
        heading = PENSION_HEADING if categories is PENSION_ONLY else None
        write_list(folder / name, title, 8, rows, dated, *([heading] if heading else []))
    print(f"{OUT_PROVINCE}: {len(PROVINCE_LISTS)} lists in 2025-08")


def provider(workspace: Path, month: str, every: int = 7) -> Path:
    """The paying unit's result for ``month``: every ``every``-th person paid in cash was not
    at home; everybody else paid in full."""
    book = workspace / "payments" / month / f"chi-tra-{month}.xlsx"
    wb = openpyxl.load_workbook(book, read_only=True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Mã chi trả", "Họ và tên", "Số tiền đã chi", "Kết quả", "Lý do"])
    unpaid = 0
    for sheet, cash in (("Qua tài khoản", False), ("Tiền mặt", True)):
        rows = list(wb[sheet].iter_rows(values_only=True))
        top = next(i for i, r in enumerate(rows) if r and r[0] == "STT")  # under the letterhead
        header = [str(v) for v in rows[top]]
        ref, name = header.index("Mã chi trả"), header.index("Họ tên đối tượng")
        total = header.index("Cộng chi (đồng)")
        for i, r in enumerate(x for x in rows[top + 1 :] if isinstance(x[0], int)):
            if cash and i % every == every - 1:
                writer.writerow([r[ref], r[name], "", "Chưa chi", "Vắng nhà"])
                unpaid += 1
            else:
                writer.writerow([r[ref], r[name], r[total], "Đã chi", ""])
    wb.close()
    target = workspace / f"ket-qua-chi-tra-{month}.csv"
    target.write_text(out.getvalue(), encoding="utf-8")
    print(f"{target}: {unpaid} not paid")
    return target


def main(argv: list[str]) -> int:
    if argv[:1] == ["provider"] and len(argv) == 3:
        provider(Path(argv[1]), argv[2])
        return 0
    if argv:
        print(__doc__)
        return 2
    build()
    build_province()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
