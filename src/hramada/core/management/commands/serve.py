"""`manage.py serve`: the embedded default in one process tree: gunicorn for the web, django-tasks' worker beside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _refuse_unmigrated_database() -> None:
    """Serving an unmigrated database would fail on the first page; say so now, with the fix."""
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise CommandError(
            f"The database has {len(pending)} unapplied migration(s) "
            f"(first: {pending[0][0].app_label}.{pending[0][0].name}). Run `python manage.py migrate` first."
        )


# Background work (first screenings queued by the demo, periodic jobs) yields the CPU to the web workers, so pages
# answer first when everything starts at once on a small machine.
BACKGROUND_NICENESS = 5


def _background() -> None:
    try:
        os.nice(BACKGROUND_NICENESS)
    except OSError:
        pass


class Command(BaseCommand):
    help = "Serve the platform with gunicorn and run a background task worker; Ctrl-C stops both."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the task worker (nor the periodic jobs that feed it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        _refuse_unmigrated_database()
        env = dict(os.environ)
        settings_module = env.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.base")
        manage = [sys.executable, "manage.py"]
        children: list[subprocess.Popen[bytes]] = []
        if not options["no_worker"]:
            for command in (["db_worker", "--interval", "1"], ["periodic"]):
                children.append(subprocess.Popen([*manage, *command], env=env, preexec_fn=_background))  # noqa: S603
        web = [
            sys.executable, "-m", "gunicorn", "hramada.wsgi:application",
            "--config", "python:hramada.gunicorn_conf",
            "--bind", f"{options['host']}:{options['port']}",
            "--workers", str(options["workers"]), "--threads", "4",
        ]  # fmt: skip
        site = f"http://{options['host']}:{options['port']}"
        self.stdout.write(f"Serving on {site}/ ({settings_module}); Ctrl-C stops.")
        # Every start says where to go: the first run's banner with the administrator's password has scrolled away.
        self.stdout.write(f"  staff sign in at {site}/staff/login/ ; applicants start at {site}/apply/")
        children.append(subprocess.Popen(web, env=env))  # noqa: S603

        def stop(*_: Any) -> None:
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            children[-1].wait()
        finally:
            stop()
            for child in children:
                child.wait(timeout=30)
