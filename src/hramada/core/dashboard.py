"""Dashboard panels: each domain app registers what a role should see first, and core renders them.

Core knows no domain app; apps call `register_panel` from their AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

from hramada.core.roles import Role

PanelContext = Callable[[HttpRequest], Mapping[str, Any]]


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    roles: frozenset[Role]
    context: PanelContext | None = None
    order: int = 100
    extra: Mapping[str, Any] = field(default_factory=dict)


_panels: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels_for(roles: frozenset[Role]) -> list[Panel]:
    return sorted((p for p in _panels.values() if p.roles & roles), key=lambda p: (p.order, p.key))
