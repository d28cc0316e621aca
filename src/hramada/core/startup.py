"""Work a web process starts in the background as soon as it starts, so no request waits for it.

Domain apps register a warm-up from ``AppConfig.ready()`` (the sanctions app: building the screening index);
the WSGI entry point starts them, each in a daemon thread, once per process. Readiness stays each app's own
question (``/api/yente/readyz`` asks whether the index is built).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Warmup:
    key: str
    run: Callable[[], None]


_warmups: dict[str, Warmup] = {}
_started: set[str] = set()
_lock = threading.Lock()


def register_warmup(warmup: Warmup) -> None:
    _warmups[warmup.key] = warmup


def _run(warmup: Warmup) -> None:
    try:
        warmup.run()
    except Exception:
        logger.exception("warm-up %s failed; it will be done on first use", warmup.key)
    finally:
        connections.close_all()


def start_warmups() -> list[str]:
    """Start every registered warm-up not started yet in this process; returns the keys started now."""
    started = []
    with _lock:
        for key, warmup in _warmups.items():
            if key in _started:
                continue
            _started.add(key)
            threading.Thread(target=_run, args=(warmup,), name=f"warmup-{key}", daemon=True).start()
            started.append(key)
    return started


def forget_started() -> None:
    """Allow every warm-up to start again (tests)."""
    with _lock:
        _started.clear()
