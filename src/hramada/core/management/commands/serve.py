"""`manage.py serve`: the embedded default in one process tree: gunicorn for the web, the task worker beside it
(`task_worker`: django-tasks' database worker, waiting out a locked SQLite database instead of stopping).

Every process of the tree is forked from this one, which has started Django once: with ``--setup`` the set-up
(`manage.py setup`), then the gunicorn master, which loads what the web serves from (the screening index) before it
forks its workers, then the task worker and the periodic jobs. Each of them would otherwise start Python and import
Django and every app again (2 to 4 s of CPU each, and each web worker loaded its own index on top): on a two-core
machine that held the first page back by several seconds.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
import urllib.request
from collections.abc import Callable
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor

from hramada.core import startup


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
# worker holds its screening index), or after this many seconds: two more processes starting beside the web
# workers held back the first page on a two-core machine.
BACKGROUND_START_LIMIT = 30.0
READINESS_PATH = "/api/yente/readyz"


def _wait_until_ready(host: str, port: str, web: Any, limit: float) -> None:
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


def _exit_status(error: SystemExit) -> int:
    if error.code is None:
        return 0
    if isinstance(error.code, int):
        return error.code
    sys.stderr.write(f"{error.code}\n")
    return 1


class Forked:
    """A child forked from this process that runs ``target`` and ends with its status (0 when it returns).

    This process holds no database connection when it forks (they are closed first), so the child opens its own.
    The child leaves through ``os._exit``: it never returns into this process's code, and what it built is not
    freed object by object (the set-up leaves millions of objects behind).
    """

    def __init__(self, name: str, target: Callable[[], None], *, background: bool = False) -> None:
        self.name = name
        self.returncode: int | None = None
        connections.close_all()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's side ends in os._exit, out of the tests' reach
            self._child(target, background)
        self.pid = pid

    @staticmethod
    def _child(target: Callable[[], None], background: bool) -> None:  # pragma: no cover - see above
        status = 1
        try:
            # The parent's handlers stop its children; this one is a child: Ctrl-C and SIGTERM end it.
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            if background:
                _background()
            target()
            status = 0
        except SystemExit as error:
            status = _exit_status(error)
        except CommandError as error:
            sys.stderr.write(f"CommandError: {error}\n")
            status = error.returncode
        except KeyboardInterrupt:
            status = 130
        except BaseException:
            traceback.print_exc()
        finally:
            try:
                connections.close_all()
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(status)

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                self.returncode = 0
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """The child's status once it ended (None when ``timeout`` seconds passed first)."""
        if timeout is None:
            while self.returncode is None:
                try:
                    _, status = os.waitpid(self.pid, 0)
                except ChildProcessError:
                    self.returncode = 0
                except InterruptedError:  # pragma: no cover - retried by Python itself (PEP 475)
                    continue
                else:
                    self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode
        deadline = time.monotonic() + timeout
        while self.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.returncode

    def terminate(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def _web_options(host: str, port: str, workers: int) -> dict[str, Any]:
    return {"bind": f"{host}:{port}", "workers": workers, "threads": 4, "preload_app": True}


# Every deployment's gunicorn settings (access log without query strings, the readiness folder's hooks).
GUNICORN_CONFIG = "python:hramada.gunicorn_conf"


def _serve_web(options: dict[str, Any]) -> None:
    """In the gunicorn master: load the application and run every warm-up (the screening index) here, once, then
    fork the workers: each starts with both and reports ready at once, instead of importing and loading its own."""
    from django.core.wsgi import get_wsgi_application
    from gunicorn.app.base import Application

    application = get_wsgi_application()
    startup.run_warmups_here()
    connections.close_all()  # each worker opens its own

    class WebServer(Application):  # type: ignore[misc]  # gunicorn has no type hints
        def load_config(self) -> None:
            self.load_config_from_module_name_or_filename(GUNICORN_CONFIG)
            for key, value in options.items():
                self.cfg.set(key, value)
            self.cfg.set("post_fork", _after_fork)

        def load(self) -> Any:
            return application

    WebServer().run()


def _after_fork(server: Any, worker: Any) -> None:
    # The warm-ups ran in the master: this finds them done and reports the worker ready.
    startup.start_warmups()


def _warm_imports() -> None:
    """Import the URL configuration (every view) here, once, so that no forked process imports it again."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loading it is the point


def _command(name: str, **options: Any) -> Callable[[], None]:
    """The management command ``name``, to run in a forked child."""

    def run() -> None:
        call_command(name, **options)

    return run


class Command(BaseCommand):
    help = "Serve the platform with gunicorn and run a background task worker; Ctrl-C stops both."
    # The system checks run before serving, but with --setup only once the set-up has created the key ring (its
    # migrate runs them); see handle().
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the task worker (nor the periodic jobs that feed it).",
        )
        parser.add_argument(
            "--setup",
            action="store_true",
            help="Run `manage.py setup` first (key ring, translations, migrations, first-run steps), as `make run` does.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        site = f"http://{options['host']}:{options['port']}"
        _warm_imports()
        if options.get("setup"):
            setup = Forked("setup", _command("setup", site_url=site))
            status = setup.wait()
            if status:
                raise SystemExit(status)
        else:
            self.check()
        _refuse_unmigrated_database()
        settings_module = os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.base")
        children: list[Forked] = []
        self.stdout.write(f"Serving on {site}/ ({settings_module}); Ctrl-C stops.")
        # Every start says where to go: the first run's banner with the administrator's password has scrolled away.
        self.stdout.write(f"  staff sign in at {site}/staff/login/ ; applicants start at {site}/apply/")
        web = _web_options(options["host"], options["port"], options["workers"])
        server = Forked("gunicorn", lambda: _serve_web(web))
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
                background: dict[str, Callable[[], None]] = {
                    "task_worker": _command("task_worker", interval=1),
                    "periodic": _command("periodic"),
                }
                for name, target in background.items():
                    if stopping:
                        break
                    children.append(Forked(name, target, background=True))
            server.wait()
        finally:
            stop()
            for child in children:
                child.wait(timeout=30)
