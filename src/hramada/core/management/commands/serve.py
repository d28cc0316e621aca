"""`manage.py serve`: the embedded default in one process tree: gunicorn for the web, the task worker beside it
(`task_worker`: django-tasks' database worker, waiting out a locked SQLite database instead of stopping)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
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


# The task worker and the periodic jobs start once the web workers say they are ready (/api/yente/readyz: every
# worker holds its screening index), or after this many seconds: two more Django processes starting beside the
# web workers held back the first page by several seconds on a two-core machine.
BACKGROUND_START_LIMIT = 30.0
READINESS_PATH = "/api/yente/readyz"


def _wait_until_ready(host: str, port: str, web: subprocess.Popen[bytes], limit: float) -> None:
    """Return once the web answers ready, its process ended, or ``limit`` seconds passed."""
    local = "127.0.0.1" if host in ("", "0.0.0.0") else "::1" if host == "::" else host  # noqa: S104
    url = f"http://{'[' + local + ']' if ':' in local else local}:{port}{READINESS_PATH}"
    deadline = time.monotonic() + limit
    while web.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # our own server
                if answer.status == 200:
                    return
        except (OSError, ValueError):
            pass  # not listening yet, 503 while the workers build, or a redirect we do not follow
        time.sleep(0.5)


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
        server = subprocess.Popen(web, env=env)  # noqa: S603
        children.append(server)
        stopping: list[bool] = []

        def stop(*_: Any) -> None:
            stopping.append(True)
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            if not options["no_worker"]:
                _wait_until_ready(options["host"], options["port"], server, BACKGROUND_START_LIMIT)
                for command in (["task_worker", "--interval", "1"], ["periodic"]):
                    if stopping:
                        break
                    children.append(
                        subprocess.Popen([*manage, *command], env=env, preexec_fn=_background)  # noqa: S603
                    )
            server.wait()
        finally:
            stop()
            for child in children:
                child.wait(timeout=30)
