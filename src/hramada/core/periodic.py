"""Work that runs on a rhythm (every few minutes), beside the task worker, instead of on a page view.

Domain apps register a periodic job from ``AppConfig.ready()``; ``manage.py periodic`` (started by
``manage.py serve`` next to the worker) runs each job when it is due, usually by enqueueing a task, so the work
itself happens on the worker and a GET request never writes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    key: str
    every_seconds: float
    run: Callable[[], object]


_jobs: dict[str, Periodic] = {}


def register_periodic(job: Periodic) -> None:
    if job.every_seconds <= 0:
        raise ValueError("a periodic job needs a positive interval")
    _jobs[job.key] = job


def registered() -> list[Periodic]:
    return sorted(_jobs.values(), key=lambda job: job.key)


def run_due(last_run: dict[str, float], now: float | None = None) -> list[str]:
    """Run every job whose interval has passed since ``last_run[key]`` (never run: due); returns the keys run.
    A failing job is logged and tried again at its next turn."""
    now = time.monotonic() if now is None else now
    ran = []
    for job in registered():
        previous = last_run.get(job.key)
        if previous is not None and now - previous < job.every_seconds:
            continue
        last_run[job.key] = now
        try:
            job.run()
        except Exception:
            logger.exception("periodic job %s failed", job.key)
            continue
        ran.append(job.key)
    return ran
