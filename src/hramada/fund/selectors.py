"""Reads."""

from typing import Any


def panel_summary(user: Any) -> dict[str, Any]:
    return {}
