"""Personal numbers on a screen: show enough to find the row, not enough to reuse the number."""

from __future__ import annotations

from typing import Any

#: Column keys whose values are personal numbers (masked on the terminal unless --show-ids).
SENSITIVE_KEYS = frozenset(
    {"so_dinh_danh", "so_dinh_danh_nguoi_nhan", "so_tai_khoan", "dien_thoai"}
)


def mask(value: Any) -> str:
    """ "051190123456" → "0511•••••456"; short values keep only their last two characters."""
    text = "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if len(text) <= 4:
        return "•" * len(text)
    keep_head = 4 if len(text) >= 10 else 1
    keep_tail = 3 if len(text) >= 10 else 2
    return text[:keep_head] + "•" * (len(text) - keep_head - keep_tail) + text[-keep_tail:]
