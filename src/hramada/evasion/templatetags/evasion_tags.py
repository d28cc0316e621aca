"""Template filters of the evasion pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``names|get_item:node_id``: a value of a dict by a key held in a variable."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
