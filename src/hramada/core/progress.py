"""Progress reporting for long jobs: a task updates a `TaskProgress` row that pages show while it runs.

Writes are throttled (at most one every half second) so a job over a million rows does not write a million times.
"""

from __future__ import annotations

import time
from typing import Any

from hramada.core.models import TaskProgress


class ProgressReporter:
    def __init__(self, progress: TaskProgress, *, min_interval: float = 0.5) -> None:
        self.progress = progress
        self.min_interval = min_interval
        self._last_write = 0.0

    @classmethod
    def start(
        cls, *, label: str, kind: str, owner: Any | None = None, total: int | None = None
    ) -> ProgressReporter:
        row = TaskProgress.objects.create(label=label, kind=kind, owner=owner, total=total)
        return cls(row)

    @classmethod
    def resume(cls, progress_id: int) -> ProgressReporter:
        return cls(TaskProgress.objects.get(pk=progress_id))

    def _write(self, force: bool = False, **fields: Any) -> None:
        for name, value in fields.items():
            setattr(self.progress, name, value)
        now = time.monotonic()
        if force or now - self._last_write >= self.min_interval:
            self.progress.save()
            self._last_write = now

    def running(self, total: int | None = None) -> None:
        self._write(force=True, status=TaskProgress.Status.RUNNING, total=total)

    def advance(self, count: int = 1, message: str | None = None) -> None:
        fields: dict[str, Any] = {"done": self.progress.done + count}
        if message is not None:
            fields["message"] = message
        self._write(**fields)

    def finish(self, message: str = "", result_file: str = "") -> None:
        self._write(force=True, status=TaskProgress.Status.DONE, message=message, result_file=result_file)

    def fail(self, message: str) -> None:
        self._write(force=True, status=TaskProgress.Status.FAILED, message=message)
