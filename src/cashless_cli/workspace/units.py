"""Official unit lists for ``cashless init``.

Vietnam's administrative structure changed on 1 July 2025: before, province → district → commune
(a district office summarizes its communes); after, province → commune (no districts). So a
reporting area is "a district and its communes" or "a province and its communes".

- A province (after 2025): its communes, wards and special zones come from the
  ``vietnam-provinces`` package (the GSO list, shipped as data: works offline).
- A district (before 2025): ``vietnam-provinces`` has only the structure after July 2025, without
  districts. (``vietnamadminunits`` has the old three-level list, but importing it needs shapely
  and geopy, a geometry library and a geocoder, for what is a list.) So a district falls back to
  the list bundled with cashless (Bình Sơn, Quảng Ngãi, 2023), or else to a commented template
  for the user to fill in.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cashless_cli.i18n import Lang
from cashless_cli.normalise.text import fold
from cashless_cli.problems import Joined, Phrase, Text, text
from cashless_cli.schema.domain import (
    COMMUNE_KINDS,
    COMMUNE_SIGNER_TITLE,
    DISTRICT_COMMITTEE,
    DISTRICT_OFFICE,
    DISTRICT_SIGNER_TITLE,
    EXAMPLE_COMMUNE,
    PROVINCE_OFFICE,
    PROVINCE_SIGNER_TITLE,
    Unit,
    binh_son_communes,
    province_short,
)
from cashless_cli.workspace.config import Area, OldUnit, WorkspaceError, render_config
from cashless_cli.workspace.matching import units_named

#: Bundled district lists (pre-2025): (folded district, folded province) → (names, units).
_BUNDLED = {("binhson", "quangngai"): ("Bình Sơn", "Quảng Ngãi", binh_son_communes)}

_PROVINCE_PREFIXES = ("thanhpho", "tinh")


@dataclass(frozen=True, slots=True)
class UnitList:
    """What ``init`` writes: the config text, whether it is complete, and where it came from."""

    text: str
    complete: bool  # False: a template the user must fill in
    source: Phrase  # where the units came from, worded when shown
    area: Area | None = None


def _province_key(name: str) -> str:
    key = fold(name)
    for prefix in _PROVINCE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def _short_unit_name(name: str, kind: str) -> str:
    """ "Xã Tịnh Khê" → "Tịnh Khê"; "Phường 1" stays whole (a bare number is no name)."""
    words = kind.split()
    parts = name.split()
    if [p.lower() for p in parts[: len(words)]] == words:
        rest = " ".join(parts[len(words) :])
        if rest and not rest.split()[0].isdigit():
            return rest
    return name


def province_units(province: str) -> tuple[str, tuple[Unit, ...]]:
    """The official name of ``province`` and its commune-level units (after July 2025)."""
    from vietnam_provinces import Province, Ward

    key = _province_key(province)
    found = [p for p in Province.iter_all() if _province_key(p.name) == key]
    if not found:
        names = sorted(p.name for p in Province.iter_all())
        raise WorkspaceError(
            "workspace-province-unknown", province=province, names=", ".join(names)
        )
    prov = found[0]
    wards = sorted(Ward.iter_by_province(prov.code), key=lambda w: int(w.code))
    units = tuple(
        Unit(
            f"{int(w.code):05d}",
            _short_unit_name(w.name, w.division_type.value),
            w.division_type.value,
        )
        for w in wards
    )
    return prov.name, units


def data_version() -> Phrase:
    """The version of ``vietnam-provinces`` and the day of its data (worded when shown: the day
    as an office writes it under vi)."""
    import vietnam_provinces

    version, data = vietnam_provinces.__version__, str(vietnam_provinces.__data_version__)
    year, _, rest = data.partition("-")
    month, _, day = rest.partition("-")
    vn_day = f"{day}/{month}/{year}" if day and month else data
    return Phrase("init.data-version", {"version": version, "data": Text(data, vn_day)})


def _sources() -> Joined:
    """Where a province's units come from: both packages and their versions."""
    return Joined((data_version(), vnau_version()))


def _province_issuer(name: str) -> str:
    """ "Thành phố Huế" → "UBND THÀNH PHỐ HUẾ"; "Quảng Ngãi" → "UBND TỈNH QUẢNG NGÃI"."""
    city = name.startswith("Thành phố ")
    short = name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    return f"UBND {'THÀNH PHỐ' if city else 'TỈNH'} {short.upper()}"


def _report_block(
    issuer: str, office: str, signer_title: str = DISTRICT_SIGNER_TITLE, lang: Lang = "en"
) -> str:
    """``[report]`` commented out, with the values the documents use when it is absent."""
    return (
        f"\n{text('init-toml.report', lang)}\n"
        "# [report]\n"
        f'# issuer = "{issuer}"\n'
        f'# office = "{office}"\n'
        f'# signer_title = "{signer_title}"\n'
        '# signer = ""\n'
    )


def units_for(district: str | None, province: str | None, lang: Lang = "en") -> UnitList:
    """The workspace configuration for a district (before 2025) or a province (after), its
    comments in ``lang``."""
    if district is None and province is not None:
        name, units = province_units(province)
        short = province_short(name)
        area = Area(short, "province", None, units, kind="province", old_units=old_units_of(name))
        source = _sources()
        config = (
            text("init-toml.province", lang, name=name, n=len(units))
            + "\n"
            + text("init-toml.units-from", lang, source=source)
            + "\n\n"
            + render_config(area, lang)
            + _report_block(_province_issuer(name), PROVINCE_OFFICE, PROVINCE_SIGNER_TITLE, lang)
        )
        return UnitList(
            config,
            True,
            Phrase("init.source-province", {"n": len(units), "name": name, "source": source}),
            area,
        )
    if district is not None:
        d_key = fold(district)
        d_key = d_key[len("huyen") :] if d_key.startswith("huyen") and len(d_key) > 5 else d_key
        p_key = _province_key(province) if province else None
        bundled = next(
            (v for (d, p), v in _BUNDLED.items() if d == d_key and p_key in (None, p)), None
        )
        if bundled is not None:
            d_name, p_name, units_fn = bundled
            units = units_fn()
            area = Area(d_name, "district", p_name, units, kind="district")
            heading = text(
                "init-toml.district", lang, district=d_name, province=p_name, n=len(units)
            )
            config = (
                heading
                + "\n"
                + text("init-toml.units-bundled", lang)
                + "\n\n"
                + render_config(area, lang)
                + _report_block(
                    f"{DISTRICT_COMMITTEE} {d_name.upper()}", DISTRICT_OFFICE, lang=lang
                )
            )
            return UnitList(
                config,
                True,
                Phrase("init.source-bundled", {"n": len(units), "name": d_name}),
                area,
            )
        return UnitList(
            _template(district, province, lang),
            False,
            Phrase("init.source-no-list", {"name": district}),
        )
    return UnitList(
        _template(None, None, lang),
        False,
        Phrase("init.source-template"),
    )


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _template(district: str | None, province: str | None, lang: Lang = "en") -> str:
    kinds = ", ".join(k.lower() for k in COMMUNE_KINDS)
    lines = [
        text("init-toml.template", lang, kinds=kinds),
        "",
        "[district]",
        f"name = {_q(district or '')}",
    ]
    if province:
        lines.append(f"province = {_q(province)}")
    else:
        lines.append('# province = ""')
    lines += [
        "",
        "# [[communes]]",
        '# code = "21079"',
        f"# name = {_q(EXAMPLE_COMMUNE)}",
        f"# kind = {_q(COMMUNE_KINDS[0].lower())}",
    ]
    return "\n".join(lines) + "\n"


# ---- units over time: the communes before July 2025, from vietnamadminunits ----------------


def _vnau_data() -> Path:
    """The data folder of ``vietnamadminunits`` (found without importing the package, whose
    ``__init__`` pulls in shapely and geopy for address geocoding we do not use)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise WorkspaceError("units-library-missing")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def vnau_version() -> str:
    from importlib.metadata import version

    return f"vietnamadminunits {version('vietnamadminunits')}"


@cache
def _legacy_table() -> tuple[tuple[str, ...], ...]:
    """(old province key, district key, ward key, ward code, short name, kind, district name)."""
    with sqlite3.connect(f"file:{_vnau_data() / 'dataset.db'}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT DISTINCT provinceKey, districtKey, wardKey, wardCode, wardShort, wardType, "
            "districtShort FROM admin_units_legacy WHERE wardKey IS NOT NULL ORDER BY wardCode"
        ).fetchall()
    return tuple(tuple(str(x) for x in row) for row in rows)


@cache
def _new_codes(province_key: str) -> dict[str, str]:
    """New ward key → its GSO code, in the province (after July 2025)."""
    with sqlite3.connect(f"file:{_vnau_data() / 'dataset.db'}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT DISTINCT wardKey, wardCode FROM admin_units WHERE provinceKey = ?",
            (province_key,),
        ).fetchall()
    return {str(k): f"{int(c):05d}" for k, c in rows}


@cache
def _converter() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (_vnau_data() / "converter_2025.json").read_text(encoding="utf-8")
    )
    return data


def old_units_of(province: str) -> tuple[OldUnit, ...]:
    """Every commune of the old provinces that formed ``province`` (its name after July 2025),
    with the new commune(s) each went to, from the library's old → new mapping."""
    conv = _converter()
    key = _province_key(province)
    new_key = next((k for k in conv["DICT_PROVINCE"] if _province_key(k) == key), None)
    if new_key is None:
        return ()
    old_provinces = set(conv["DICT_PROVINCE"][new_key])
    whole = {
        old: ward
        for ward, olds in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].get(new_key, {}).items()
        for old in olds
    }
    split = conv["DICT_PROVINCE_WARD_DIVIDED"].get(new_key, {})
    codes = _new_codes(new_key)
    out = []
    for prov, district, ward, code, short, kind, district_name in _legacy_table():
        if prov not in old_provinces:
            continue
        old_key = f"{prov}_{district}_{ward}"
        heirs = (
            [whole[old_key]]
            if old_key in whole
            else [w["newWardKey"] for w in split.get(old_key, [])]
        )
        into = tuple(sorted({codes[w] for w in heirs if w in codes}))
        if into:
            out.append(OldUnit(f"{int(code):05d}", short, kind.lower(), district_name, into))
    return tuple(out)


def commune_units(commune: str, province: str) -> tuple[str, Unit, tuple[OldUnit, ...]]:
    """One new commune of ``province`` (after July 2025) and the old communes that formed it."""
    prov_name, units = province_units(province)
    found = units_named(commune, units)
    if len(found) != 1:
        names = ", ".join(u.name for u in (found or units))
        raise WorkspaceError(
            "init-commune-not-found", commune=commune, province=prov_name, names=names
        )
    unit = found[0]
    olds = tuple(o for o in old_units_of(province) if unit.code in o.into)
    return prov_name, unit, olds


def commune_config(commune: str, province: str, lang: Lang = "en") -> UnitList:
    """The workspace of one new commune (the paying office), with the old communes it absorbed;
    the comments in ``lang``."""
    prov_name, unit, olds = commune_units(commune, province)
    short = province_short(prov_name)
    area = Area(unit.name, "commune", short, (unit,), kind="commune", old_units=olds)
    source = _sources()
    old_names = ", ".join(o.name for o in olds)
    heading = text(
        "init-toml.commune",
        lang,
        kind=unit.kind,
        name=unit.name,
        province=prov_name,
        n=len(olds),
        old=old_names,
    )
    issuer = f"UBND {unit.kind.upper()} {unit.name.upper()}"
    config = (
        heading
        + "\n"
        + text("init-toml.units-from", lang, source=source)
        + "\n\n"
        + render_config(area, lang)
        + _report_block(issuer, "", COMMUNE_SIGNER_TITLE, lang)
    )
    return UnitList(
        config,
        True,
        Phrase(
            "init.source-commune",
            {
                "kind": unit.kind,
                "name": unit.name,
                "province": prov_name,
                "n": len(olds),
                "old": old_names,
                "source": source,
            },
        ),
        area,
    )
