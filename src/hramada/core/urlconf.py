"""Helpers for our URL patterns: the `id` path converter, and mounting views we did not write (admin, WebAuthn)
under our deny-by-default access policy."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, URLResolver

from hramada.core.access import require_roles
from hramada.core.roles import Role

Declarator = Callable[[Any], Any]


class RecordIdConverter:
    """`<id:pk>`: a record's id, as Django's `int` but at most 18 digits, so within a 64-bit key.

    With `int`, `/rapid/99999999999999999999/...` reached the database as a number it cannot hold and answered
    500 where a lookup went through a foreign key; an id no key can hold now names no page (404).
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def require_roles_for(*roles: Role) -> Declarator:
    return require_roles(*roles)


def declare_access(included: Any, declarator: Declarator) -> Any:
    """Apply an access declaration to every view of an `include(...)` or `admin.site.urls` tuple."""
    urlconf = included[0]
    patterns = getattr(urlconf, "urlpatterns", urlconf)
    _declare_all(patterns, declarator)
    return included


def _declare_all(patterns: Any, declarator: Declarator) -> None:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _declare_all(pattern.url_patterns, declarator)
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            if inspect.ismethod(callback):
                # Bound methods (some admin views) take no attributes: wrap them in a plain function first.
                callback = _as_function(callback)
                pattern.callback = callback
            declarator(callback)


def _as_function(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def view(*args: Any, **kwargs: Any) -> Any:
        return method(*args, **kwargs)

    return view
