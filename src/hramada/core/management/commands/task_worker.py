"""`manage.py task_worker`: django-tasks' database worker (`db_worker`, same options), made to outlast a locked
SQLite database.

On the embedded default every process writes to one SQLite file. A long write elsewhere (a list import, a watch
list upload) can hold the write lock past the connection's timeout; the stock worker then stops with "database is
locked" where it takes the next task or records a result, and the re-screens queued behind it wait for a restart
that nobody makes. This worker waits and goes on instead (the pause doubling up to ``LOCKED_PAUSE_MAX_S``), and it
records a task's outcome with ``core.retry.retry_while_locked``. The tasks' own writes retry the same way (the
re-screen's, in ``monitoring.rescreen``), and a task that still fails is marked failed where analysts see it.

The worker runs one task at a time on one thread, so it says so (``core.startup.work_on_one_thread``): the
screening index it holds then takes a list's delta in place instead of copying the whole index first.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import CommandError
from django.db import OperationalError, close_old_connections
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from hramada.core import startup
from hramada.core.retry import LOCKED_PAUSE_S, is_locked, retry_while_locked

logger = logging.getLogger(__name__)

LOCKED_PAUSE_MAX_S = 30.0


class Worker(db_worker.Worker):
    """The database worker, going on after a locked database instead of stopping."""

    def run(self) -> None:
        pause = LOCKED_PAUSE_S
        while self.running:
            try:
                super().run()
                return  # --batch or --max-tasks: the worker is done
            except OperationalError as error:
                if not is_locked(error):
                    raise
                close_old_connections()
                logger.warning("task worker: the database is locked; trying again in %.1f s", pause)
                time.sleep(pause)
                pause = min(pause * 2, LOCKED_PAUSE_MAX_S)
                self.startup_delay = False

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        # The result's own writes (successful, failed) wait for the lock too, beyond django-tasks' three quick
        # tries, so a finished task is not left marked running.
        db_task_result.set_successful = retry_while_locked(db_task_result.set_successful)
        db_task_result.set_failed = retry_while_locked(db_task_result.set_failed)
        super().run_task(db_task_result)


class Command(db_worker.Command):
    help = "Run the database task worker, waiting out a locked database instead of stopping (see db_worker)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        if options["reload"]:
            logger.warning("task_worker does not reload on code changes; restart it instead.")
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        startup.work_on_one_thread()
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
