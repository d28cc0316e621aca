"""What the web server writes to its access log: never a query string, a header, an address or a body."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.core.management.base import CommandError
from django.db import connections

from hramada import gunicorn_conf
from hramada.core.management.commands import serve


def test_the_access_log_format_records_no_query_string_address_or_header() -> None:
    fmt = gunicorn_conf.access_log_format
    # %(r)s is the request line with its query string; %(q)s the query; %(h)s the address; %(a)s the user
    # agent; %(f)s the referrer; %({...}i)s any request header.
    for atom in ("%(r)s", "%(q)s", "%(h)s", "%(a)s", "%(f)s", "}i)s", "%(u)s"):
        assert atom not in fmt
    assert "%(U)s" in fmt and "%(s)s" in fmt


class _Child:
    """Stands for a forked child: records what it was started to run, without forking."""

    started: list[_Child] = []
    alive = False

    def __init__(self, name: str, target: Any, *, background: bool = False) -> None:
        self.name, self.target, self.background = name, target, background
        _Child.started.append(self)

    def poll(self) -> int | None:
        return None if self.alive else 0

    def wait(self, timeout: float | None = None) -> int:
        return 0

    def terminate(self) -> None:
        pass


@pytest.fixture
def children(monkeypatch: Any) -> list[_Child]:
    _Child.started = []
    monkeypatch.setattr(serve, "Forked", _Child)
    monkeypatch.setattr(serve, "_refuse_unmigrated_database", lambda: None)
    monkeypatch.setattr(serve, "_warm_imports", lambda: None)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)
    monkeypatch.setattr(serve.Command, "check", lambda self, **kwargs: None)
    return _Child.started


def _handle(**options: Any) -> None:
    serve.Command().handle(
        **{"host": "127.0.0.1", "port": "8000", "workers": 1, "no_worker": True, **options}
    )


def test_serve_runs_gunicorn_with_that_configuration_in_a_forked_master(
    children: list[_Child], monkeypatch: Any
) -> None:
    _handle(workers=3)
    assert [child.name for child in children] == ["gunicorn"]
    assert serve.GUNICORN_CONFIG == "python:hramada.gunicorn_conf"
    options = serve._web_options("127.0.0.1", "8000", 3)
    assert options["bind"] == "127.0.0.1:8000" and options["workers"] == 3 and options["threads"] == 4
    assert options["preload_app"] is True, "the workers fork from a master that holds the application"


def test_the_gunicorn_master_loads_the_index_before_it_forks_its_workers(monkeypatch: Any) -> None:
    import gunicorn.app.base

    events: list[str] = []
    ran: list[Any] = []

    def run(self: Any) -> None:
        events.append("run")
        ran.append(self)

    monkeypatch.setattr(serve.startup, "run_warmups_here", lambda: events.append("warm-ups"))
    monkeypatch.setattr(connections, "close_all", lambda: events.append("closed"))
    monkeypatch.setattr(gunicorn.app.base.Application, "run", run)
    serve._serve_web(serve._web_options("127.0.0.1", "8123", 2))
    assert events == ["warm-ups", "closed", "run"], "no database connection is open when the workers fork"
    cfg = ran[0].cfg
    assert cfg.bind == ["127.0.0.1:8123"] and cfg.workers == 2 and cfg.threads == 4 and cfg.preload_app
    assert cfg.access_log_format == gunicorn_conf.access_log_format, "every deployment's settings apply"
    assert cfg.on_starting is gunicorn_conf.on_starting
    assert cfg.post_fork is serve._after_fork
    from django.core.handlers.wsgi import WSGIHandler

    assert isinstance(ran[0].wsgi(), WSGIHandler)


def test_a_forked_worker_finds_the_warm_ups_done_and_reports_ready(monkeypatch: Any, tmp_path: Any) -> None:
    from hramada.core import startup

    ran: list[str] = []
    monkeypatch.setattr(startup, "_warmups", {"index": startup.Warmup("index", lambda: ran.append("index"))})
    monkeypatch.setattr(startup, "_started", set())
    monkeypatch.setattr(startup, "_running", set())
    startup.run_warmups_here()
    assert ran == ["index"] and startup.warmups_finished()
    (tmp_path / "workers").write_text("1")
    monkeypatch.setenv(startup.READINESS_ENV, str(tmp_path))
    serve._after_fork(None, None)
    assert ran == ["index"], "the worker does not run the warm-up again"
    assert (tmp_path / str(os.getpid())).exists() and startup.service_readiness().ready


def test_the_task_worker_and_periodic_jobs_yield_the_cpu_to_the_web_workers(children: list[_Child]) -> None:
    _handle(no_worker=False)
    by_name = {child.name: child for child in children}
    assert set(by_name) == {"task_worker", "periodic", "gunicorn"}
    assert by_name["gunicorn"].background is False, "the web workers keep the priority they were started with"
    assert by_name["task_worker"].background and by_name["periodic"].background
    assert serve.BACKGROUND_NICENESS > 0


def test_every_start_says_where_staff_and_applicants_begin(children: list[_Child], capsys: Any) -> None:
    _handle(port="8741")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8741/staff/login/" in out and "http://127.0.0.1:8741/apply/" in out


def test_the_task_worker_and_periodic_jobs_start_once_the_web_answers_ready(
    children: list[_Child], monkeypatch: Any
) -> None:
    events: list[str] = []

    def ready(host: str, port: str, web: Any, limit: float) -> None:
        assert isinstance(web, _Child) and limit > 0
        events.extend(child.name for child in children)
        events.append("ready")

    monkeypatch.setattr(serve, "_wait_until_ready", ready)
    _handle(no_worker=False)
    assert events == ["gunicorn", "ready"]
    assert [child.name for child in children] == ["gunicorn", "task_worker", "periodic"]


def test_with_setup_the_set_up_runs_first_in_its_own_child_then_the_server(
    children: list[_Child], monkeypatch: Any
) -> None:
    called: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(serve, "call_command", lambda name, **options: called.append((name, options)))
    _handle(setup=True, port="8123")
    assert [child.name for child in children] == ["setup", "gunicorn"]
    children[0].target()
    assert called == [("setup", {"site_url": "http://127.0.0.1:8123"})]


def test_a_failed_setup_stops_serve_with_its_status(children: list[_Child], monkeypatch: Any) -> None:
    monkeypatch.setattr(_Child, "wait", lambda self, timeout=None: 1 if self.name == "setup" else 0)
    with pytest.raises(SystemExit) as stopped:
        _handle(setup=True)
    assert stopped.value.code == 1
    assert [child.name for child in children] == ["setup"], "nothing is served after a failed set-up"


def test_a_forked_child_runs_its_target_and_ends_with_its_status(tmp_path: Any) -> None:
    mark = tmp_path / "ran"
    child = serve.Forked("ok", lambda: mark.write_text("yes"))
    assert child.wait() == 0 and mark.read_text() == "yes"

    def fail() -> None:
        raise CommandError("no key ring", returncode=3)

    assert serve.Forked("fails", fail).wait() == 3
    assert serve.Forked("exits", lambda: (_ for _ in ()).throw(SystemExit(4))).wait() == 4


def test_a_forked_child_stops_on_terminate() -> None:
    import time

    child = serve.Forked("sleeps", lambda: time.sleep(60))
    assert child.poll() is None
    child.terminate()
    assert child.wait(timeout=10) == -15
