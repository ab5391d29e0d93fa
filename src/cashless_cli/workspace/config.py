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
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cashless_cli.errors import WorkspaceError as WorkspaceError  # its home is errors.py
from cashless_cli.schema.domain import DEFAULT_BASE_LEVELS, Unit
from cashless_cli.schema.month import Month
from cashless_cli.workspace.refusal import workspace_refusal

CONFIG_NAME = "cashless.toml"


@dataclass(frozen=True, slots=True)
class Area:
    """The reporting area: a district (before 7/2025) or a province (after), and its units."""

    name: str
    level: str  # "district" or "province"
    province: str | None
    communes: tuple[Unit, ...]
    base_levels: tuple[tuple[dt.date, int], ...] = DEFAULT_BASE_LEVELS


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    area: Area
    extra: dict[str, Any] = field(default_factory=dict)

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

    def months(self) -> list[Month]:
        """Months that have a rosters folder, oldest first."""
        found = []
        if self.rosters.is_dir():
            for child in self.rosters.iterdir():
                if child.is_dir() and re.fullmatch(r"\d{4}-\d{2}", child.name):
                    try:
                        found.append(Month.parse(child.name))
                    except ValueError:
                        continue
        return sorted(found)

    def latest_month(self) -> Month | None:
        months = self.months()
        return months[-1] if months else None

    def resolve_month(self, month: Month | None) -> Month:
        """``month``, or the latest one under rosters/; its folder must exist."""
        if month is None:
            month = self.latest_month()
            if month is None:
                raise WorkspaceError(
                    f"No month folders in {self.rosters} (rosters/YYYY-MM/).",
                    f"Chưa có thư mục tháng nào trong {self.rosters} (rosters/YYYY-MM/).",
                )
        folder = self.rosters_dir(month)
        if not folder.is_dir():
            raise WorkspaceError(
                f"No rosters for {month}: {folder} does not exist.",
                f"Chưa có danh sách tháng {month}: không có thư mục {folder}.",
            )
        return month


def find_config(start: Path) -> Path | None:
    """``cashless.toml`` in ``start``; None when there is none."""
    candidate = start / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_workspace(root: Path) -> Workspace:
    path = root / CONFIG_NAME
    if path.exists() and not path.is_file():
        raise workspace_refusal("config-unreadable", path=path, reason="it is a folder")
    if not path.is_file():
        raise WorkspaceError(
            f"No {CONFIG_NAME} in {root}. Create a workspace with: cashless init {root}",
            f"Không có tệp {CONFIG_NAME} trong {root}. Tạo thư mục làm việc bằng lệnh: "
            f"cashless init {root}",
        )
    data = _read_toml(path)
    _check_values(data, path)
    return Workspace(root, parse_area(data, path), data)


def _read_toml(path: Path) -> dict[str, Any]:
    """The settings as TOML data; a clear refusal for a file that cannot be read as such."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise workspace_refusal(
            "config-unreadable", path=path, reason=exc.strerror or type(exc).__name__
        ) from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start})"
        raise workspace_refusal("config-unreadable", path=path, reason=reason) from exc
    except tomllib.TOMLDecodeError as exc:
        reason = f"not valid TOML ({exc})"
        raise workspace_refusal("config-unreadable", path=path, reason=reason) from exc
    except RecursionError as exc:
        reason = "not valid TOML (nested too deep)"
        raise workspace_refusal("config-unreadable", path=path, reason=reason) from exc


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
            raise workspace_refusal(
                "config-invalid-value", path=path, key=here, expected="a number", found=value
            )
        if isinstance(key, str) and key in _TEXT_KEYS and not isinstance(value, str):
            raise _wrong_type(path, here, "text", value)
        if key == "code" and (isinstance(value, bool) or not isinstance(value, str | int)):
            raise _wrong_type(path, here, "text or a number", value)


def _wrong_type(path: Path, key: str, expected: str, value: Any) -> WorkspaceError:
    found = "a table" if isinstance(value, dict) else type(value).__name__
    return workspace_refusal(
        "config-invalid-value", path=path, key=key, expected=expected, found=found
    )


def parse_area(data: dict[str, Any], path: Path) -> Area:
    def bad(en: str, vi: str) -> WorkspaceError:
        return WorkspaceError(f"{path}: {en}", f"{path}: {vi}")

    if isinstance(data.get("district"), dict):
        head, level = data["district"], "district"
    elif isinstance(data.get("province"), dict):
        head, level = data["province"], "province"
    else:
        raise bad(
            "a [district] or [province] table with a name is needed.",
            "cần có bảng [district] hoặc [province] với tên đơn vị.",
        )
    name = str(head.get("name", "")).strip()
    if not name:
        raise bad("the area has no name.", "chưa ghi tên đơn vị (name).")
    units = []
    seen_codes: set[str] = set()
    for i, item in enumerate(data.get("communes", []), start=1):
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise bad(
                f"commune #{i} has no name.",
                f"xã thứ {i} trong [[communes]] chưa có tên (name).",
            )
        code = str(item.get("code", "")).strip() or f"#{i}"
        if code in seen_codes:
            raise bad(f"commune code {code} appears twice.", f"mã xã {code} bị lặp.")
        seen_codes.add(code)
        units.append(Unit(code, str(item["name"]).strip(), str(item.get("kind", "xã")).strip()))
    if not units:
        raise bad("no [[communes]] listed.", "chưa liệt kê xã nào ([[communes]]).")
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
            raise bad(
                '[rules] base_levels must be a list of { from = "YYYY-MM-DD", amount = N }.',
                '[rules] base_levels phải là danh sách { from = "YYYY-MM-DD", amount = N }.',
            ) from exc
    province = head.get("province")
    return Area(name, level, str(province) if province else None, tuple(units), levels)


def render_config(area: Area) -> str:
    """The TOML text of a workspace configuration (what ``cashless init`` writes)."""
    lines = [f"[{area.level}]", f"name = {_q(area.name)}"]
    if area.province and area.level == "district":
        lines.append(f"province = {_q(area.province)}")
    for unit in area.communes:
        lines += ["", "[[communes]]", f"code = {_q(unit.code)}", f"name = {_q(unit.name)}"]
        if unit.kind:
            lines.append(f"kind = {_q(unit.kind)}")
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
