"""The district's workspace: ``cashless.toml``, ``rosters/YYYY-MM/``, ``reports/YYYY-MM/``,
``handoff/YYYY-MM/``.

A reporting area is "a district and its communes" (before July 2025) or "a province and its
communes" (after); both are written the same way::

    [district]            # or [province]
    name = "Bình Sơn"
    province = "Quảng Ngãi"

    [[communes]]
    code = "21079"
    name = "Bình Hòa"

    [rules]               # optional: a province may pay more than the national base level
    base_levels = [
      { from = "2021-07-01", amount = 360000 },
      { from = "2024-07-01", amount = 500000 },
    ]

    [mapping]             # optional: which header is which column (every commune's files)
    ignore = ["Số sổ lĩnh tiền"]
    [mapping.columns]
    "Tên người hưởng" = "ho_ten"
    [mapping.values.trang_thai]
    "Đồng ý" = "Đã đăng ký"

    [communes.mapping.columns]   # right after a [[communes]] entry: that commune's files only
    "Thôn/Bản" = "thon"
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cashless_cli.errors import WorkspaceError as WorkspaceError  # its home is errors.py
from cashless_cli.i18n import Lang
from cashless_cli.problems import Phrase, text
from cashless_cli.read.listing import roster_files
from cashless_cli.read.mapping import ColumnMapping, mapping_from_table
from cashless_cli.schema.domain import DEFAULT_BASE_LEVELS, Unit
from cashless_cli.schema.month import Month
from cashless_cli.workspace.toml_errors import toml_reason

CONFIG_NAME = "cashless.toml"

#: What a workspace is ([area] kind): the paying commune, the supervising province, or a
#: district as before July 2025.
AREA_KINDS = ("commune", "province", "district")


@dataclass(frozen=True, slots=True)
class Area:
    """The reporting area: a district (before 7/2025) or a province (after), and its units."""

    name: str
    level: str  # "district" or "province"
    province: str | None
    communes: tuple[Unit, ...]
    base_levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS
    kind: str | None = None  # [area] kind: "commune", "province" or "district"; None: not said
    old_units: tuple[OldUnit, ...] = ()  # [area] old_units: the pre-2025 communes and their heirs


@dataclass(frozen=True, slots=True)
class OldUnit:
    """A commune as it was before July 2025, and the new commune(s) its area went to.

    ``into`` holds the codes of the new communes; more than one when the old commune was split
    (a roster under its name then cannot be given to one of them: never a guess)."""

    code: str
    name: str
    kind: str
    district: str
    into: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    area: Area
    extra: dict[str, Any] = field(default_factory=dict)
    #: a mapping given on the command line (``--map``), on top of the one in cashless.toml
    overrides: ColumnMapping = field(default_factory=ColumnMapping)

    @property
    def rosters(self) -> Path:
        return self.root / "rosters"

    def rosters_dir(self, month: Month) -> Path:
        return self.rosters / str(month)

    def reports_dir(self, month: Month) -> Path:
        return self.root / "reports" / str(month)

    def handoff_dir(self, month: Month) -> Path:
        return self.root / "handoff" / str(month)

    @property
    def state_dir(self) -> Path:
        """Where the tool keeps its own state (history, ledger, lock)."""
        return self.root / ".cashless"

    @property
    def mapping(self) -> ColumnMapping:
        """The column mapping of ``cashless.toml``: ``[mapping]``, and each commune's own
        ``mapping`` table. Raises :class:`~cashless_cli.read.mapping.MappingError` (a
        :class:`UserError`) for a wrong one."""
        return workspace_mapping(self.extra, self.root / CONFIG_NAME).merged(self.overrides)

    def months(self) -> list[Month]:
        """Months that have a rosters folder, oldest first."""
        found = []
        if self.rosters.is_dir():
            for child in self.rosters.iterdir():
                month = Month.of_folder(child.name) if child.is_dir() else None
                if month is not None:
                    found.append(month)
        return sorted(found)

    def latest_month(self) -> Month | None:
        """The latest month whose folder holds a roster (newer empty folders skipped: a month
        begun but not yet filled); the latest folder when none holds one; None without any."""
        months = self.months()
        for month in reversed(months):
            try:
                if roster_files(self.rosters_dir(month)):
                    return month
            except OSError:
                return month  # an unreadable folder: the command says so, naming it
        return months[-1] if months else None

    def resolve_month(self, month: Month | None) -> Month:
        """``month``, or the latest one under rosters/; its folder must exist."""
        if month is None:
            month = self.latest_month()
            if month is None:
                raise WorkspaceError("workspace-no-months", folder=self.rosters)
        folder = self.rosters_dir(month)
        if not folder.is_dir():
            raise WorkspaceError("workspace-month-missing", month=month, folder=folder)
        return month


def find_config(start: Path) -> Path | None:
    """``cashless.toml`` in ``start``; None when there is none."""
    candidate = start / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_workspace(root: Path) -> Workspace:
    path = root / CONFIG_NAME
    if path.exists() and not path.is_file():
        raise WorkspaceError(
            "config-unreadable", path=path, reason=Phrase("workspace.reason-folder")
        )
    if not path.is_file():
        raise WorkspaceError(
            "workspace-no-config", name=CONFIG_NAME, root=root, folder=root.absolute()
        )
    data = _read_toml(path)
    _check_values(data, path)
    return Workspace(root, parse_area(data, path), data)


def _read_toml(path: Path) -> dict[str, Any]:
    """The settings as TOML data; a clear refusal for a file that cannot be read as such."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WorkspaceError("config-unreadable", path=path, reason=exc) from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        reason = Phrase("workspace.reason-not-utf8", {"byte": exc.start})
        raise WorkspaceError("config-unreadable", path=path, reason=reason) from exc
    except tomllib.TOMLDecodeError as exc:
        reason = toml_reason(str(exc))
        raise WorkspaceError("config-unreadable", path=path, reason=reason) from exc
    except RecursionError as exc:
        reason = Phrase("workspace.reason-too-deep")
        raise WorkspaceError("config-unreadable", path=path, reason=reason) from exc


#: Keys whose values must be text (a table or list is never silently turned into text).
_TEXT_KEYS = frozenset({"name", "province", "kind"})


def _check_values(data: Any, path: Path, where: str = "") -> None:
    """No inf or nan anywhere; names, provinces and kinds are text; codes text or numbers."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        here = f"{where}.{key}" if where else str(key)
        if isinstance(value, dict | list):
            _check_values(value, path, here)
        elif isinstance(value, float) and not math.isfinite(value):
            raise WorkspaceError(
                "config-invalid-value",
                path=path,
                key=here,
                expected=Phrase("workspace.expected-number"),
                found=value,
            )
        header = not where and isinstance(value, dict)  # [province] / [commune]: the area's table
        if isinstance(key, str) and key in _TEXT_KEYS and not isinstance(value, str) and not header:
            raise _wrong_type(path, here, "workspace.expected-text", value)
        if key == "code" and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise _wrong_type(path, here, "workspace.expected-code", value)


def _wrong_type(path: Path, key: str, expected: str, value: Any) -> WorkspaceError:
    found = Phrase("workspace.found-table") if isinstance(value, dict) else type(value).__name__
    return WorkspaceError(
        "config-invalid-value", path=path, key=key, expected=Phrase(expected), found=found
    )


def parse_area(data: dict[str, Any], path: Path) -> Area:
    def bad(code: str, /, **params: Any) -> WorkspaceError:
        return WorkspaceError(code, path=path, **params)

    if isinstance(data.get("district"), dict):
        head, level = data["district"], "district"
    elif isinstance(data.get("province"), dict):
        head, level = data["province"], "province"
    elif isinstance(data.get("commune"), dict):
        head, level = data["commune"], "commune"
    else:
        raise bad("workspace-area-missing")
    name = str(head.get("name", "")).strip()
    if not name:
        raise bad("workspace-area-no-name")
    units = []
    seen_codes: set[str] = set()
    for i, item in enumerate(data.get("communes", []), start=1):
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise bad("workspace-commune-no-name", index=i)
        code = str(item.get("code", "")).strip() or f"#{i}"
        if code in seen_codes:
            raise bad("workspace-commune-code-twice", code=code)
        seen_codes.add(code)
        units.append(Unit(code, str(item["name"]).strip(), str(item.get("kind", "xã")).strip()))
    if not units:
        raise bad("workspace-no-communes")
    levels = DEFAULT_BASE_LEVELS
    rules = data.get("rules", {})
    if isinstance(rules, dict) and "base_levels" in rules:
        try:
            levels = tuple(
                sorted(
                    (dt.date.fromisoformat(str(x["from"])), int(x["amount"]))
                    for x in rules["base_levels"]
                )
            )
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise bad("workspace-base-levels-invalid") from exc
    province = head.get("province")
    kind, old_units = _parse_units_over_time(data, bad)
    return Area(
        name, level, str(province) if province else None, tuple(units), levels, kind, old_units
    )


def _parse_units_over_time(
    data: dict[str, Any], bad: Callable[..., WorkspaceError]
) -> tuple[str | None, tuple[OldUnit, ...]]:
    """``[area] kind`` and ``[area] old_units`` (both optional: older files have neither)."""
    area = data.get("area")
    kind = str(area.get("kind", "")).strip() or None if isinstance(area, dict) else None
    if kind is not None and kind not in AREA_KINDS:
        raise bad("workspace-area-kind-invalid", kinds=", ".join(AREA_KINDS), kind=kind)
    old: list[OldUnit] = []
    items = area.get("old_units", []) if isinstance(area, dict) else []
    for i, item in enumerate(items if isinstance(items, list) else [None], start=1):
        into = item.get("into") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not str(item.get("name", "")).strip() or not into:
            raise bad("workspace-old-unit-invalid", index=i)
        codes = tuple(str(c).strip() for c in (into if isinstance(into, list) else [into]))
        old.append(
            OldUnit(
                str(item.get("code", "")).strip() or f"#{i}",
                str(item["name"]).strip(),
                str(item.get("kind", "xã")).strip(),
                str(item.get("district", "")).strip(),
                codes,
            )
        )
    return kind, tuple(old)


def workspace_mapping(data: dict[str, Any], path: Path) -> ColumnMapping:
    """The ``[mapping]`` of a parsed ``cashless.toml`` (see :attr:`Workspace.mapping`)."""
    table = data.get("mapping", {})
    communes = [
        (str(item.get("name", "")), item["mapping"])
        for item in data.get("communes", [])
        if isinstance(item, dict) and isinstance(item.get("mapping"), dict)
    ]
    if not isinstance(table, dict):
        table = {"columns": table}  # refused by the parser, naming the table
    return mapping_from_table(table, str(path), communes)


def render_config(area: Area, lang: Lang = "en") -> str:
    """The TOML text of a workspace configuration (what ``cashless init`` writes), its comments
    in ``lang``."""
    lines = [f"[{area.level}]", f"name = {_q(area.name)}"]
    if area.province and area.level in ("district", "commune"):
        lines.append(f"province = {_q(area.province)}")
    lines += _area_lines(area, lang)
    for unit in area.communes:
        lines += ["", "[[communes]]", f"code = {_q(unit.code)}", f"name = {_q(unit.name)}"]
        if unit.kind:
            lines.append(f"kind = {_q(unit.kind)}")
    return "\n".join(lines) + "\n"


def _area_lines(area: Area, lang: Lang) -> list[str]:
    """The ``[area]`` table: what the workspace is, and the communes before July 2025."""
    if not area.kind and not area.old_units:
        return []
    lines = ["", "[area]"]
    if area.kind:
        lines.append(f"kind = {_q(area.kind)}")
    if area.old_units:
        lines.append(text("init-toml.old-units", lang))
        lines.append("old_units = [")
        for old in area.old_units:
            into = ", ".join(_q(c) for c in old.into)
            lines.append(
                f"  {{ code = {_q(old.code)}, name = {_q(old.name)}, kind = {_q(old.kind)}, "
                f"district = {_q(old.district)}, into = [{into}] }},"
            )
        lines.append("]")
    return lines


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
