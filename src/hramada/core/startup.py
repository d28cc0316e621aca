"""Work a web process starts in the background as soon as it starts, so no request waits for it, and whether the
whole service is ready.

Domain apps register a warm-up from ``AppConfig.ready()`` (the sanctions app: building the screening index);
the WSGI entry point starts them, each in a daemon thread, once per process.

Readiness is the service's, not one process's: under gunicorn every worker builds its own index, and a load
balancer that sees 200 from one worker would send the next request to another that is still building. So the
gunicorn master (``hramada.gunicorn_conf``) gives its workers a readiness folder (``HRAMADA_READINESS_DIR``) and
writes there how many workers it runs; each worker drops a file named by its process id there once every warm-up
of that process has finished, and the master removes a worker's file when it exits. :func:`service_ready` is true
only when as many workers as the master runs have reported. Outside gunicorn (tests, ``runserver``) there is one
process and its own warm-ups decide.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import connections

logger = logging.getLogger(__name__)

READINESS_ENV = "HRAMADA_READINESS_DIR"
WORKERS_FILE = "workers"


@dataclass(frozen=True)
class Warmup:
    key: str
    run: Callable[[], None]


_warmups: dict[str, Warmup] = {}
_started: set[str] = set()
_running: set[str] = set()
_lock = threading.Lock()


_one_thread = False


def work_on_one_thread() -> None:
    """Say that this process does its work on one thread, one job at a time (the task worker): a cache it holds
    may then be brought up to date in place, where a web process, screening on several threads, copies it first."""
    global _one_thread
    _one_thread = True


def works_on_one_thread() -> bool:
    return _one_thread


def register_warmup(warmup: Warmup) -> None:
    _warmups[warmup.key] = warmup


def _run(warmup: Warmup) -> None:
    try:
        warmup.run()
    except Exception:
        logger.exception("warm-up %s failed; it will be done on first use", warmup.key)
    finally:
        connections.close_all()
        with _lock:
            _running.discard(warmup.key)
            done = not _running
    if done:  # a failed warm-up is logged and done on first use: it does not keep the service out of rotation
        report_ready()


def start_warmups() -> list[str]:
    """Start every registered warm-up not started yet in this process; returns the keys started now."""
    started = []
    with _lock:
        for key, warmup in _warmups.items():
            if key in _started:
                continue
            _started.add(key)
            _running.add(key)
            threading.Thread(target=_run, args=(warmup,), name=f"warmup-{key}", daemon=True).start()
            started.append(key)
    if not started and not _running:
        report_ready()
    return started


def run_warmups_here() -> None:
    """Run every registered warm-up not started yet, on this thread, before returning (a gunicorn master that forks
    its workers afterwards: each starts with what the warm-ups built, finds them done and reports ready at once)."""
    for key, warmup in list(_warmups.items()):
        with _lock:
            if key in _started:
                continue
            _started.add(key)
            _running.add(key)
        _run(warmup)


def warmups_finished() -> bool:
    """Whether every warm-up started in this process has finished (true when none was started)."""
    with _lock:
        return not _running


def forget_started() -> None:
    """Allow every warm-up to start again (tests)."""
    with _lock:
        _started.clear()


# ---------------------------------------------------------------------------------------------------------
# Readiness of the service (every worker of a gunicorn master)


def readiness_dir() -> Path | None:
    """The folder where this service's workers report readiness; None outside gunicorn."""
    value = os.environ.get(READINESS_ENV, "")
    return Path(value) if value else None


def report_ready() -> None:
    """Say that this process can serve at once (idempotent; nothing to do outside gunicorn)."""
    folder = readiness_dir()
    if folder is None or not folder.is_dir():
        return
    mark = folder / str(os.getpid())
    if not mark.exists():
        mark.touch()
        logger.info("worker %d ready", os.getpid())


@dataclass(frozen=True)
class ServiceReadiness:
    ready: bool
    workers: int
    workers_ready: int


def service_readiness() -> ServiceReadiness:
    """Whether every worker of this service has reported ready (one process outside gunicorn: ready)."""
    folder = readiness_dir()
    if folder is None or not folder.is_dir():
        return ServiceReadiness(ready=True, workers=1, workers_ready=1)
    try:
        expected = int((folder / WORKERS_FILE).read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        expected = 0
    reported = sum(1 for mark in folder.iterdir() if mark.name.isdigit())
    return ServiceReadiness(
        ready=expected > 0 and reported >= expected, workers=expected, workers_ready=reported
    )
