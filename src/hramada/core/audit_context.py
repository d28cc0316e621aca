"""Who is acting, and from where, for audit records written deep inside services and model signals."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Actor:
    user: Any | None
    address: str = ""


_current: ContextVar[Actor | None] = ContextVar("hramada_audit_actor", default=None)


@contextmanager
def acting(*, user: Any | None, address: str = "") -> Iterator[Actor]:
    actor = Actor(user=user, address=address)
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def current() -> Actor:
    return _current.get() or Actor(user=None)
