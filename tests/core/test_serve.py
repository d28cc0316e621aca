"""What the web server writes to its access log: never a query string, a header, an address or a body."""

from __future__ import annotations

from typing import Any

from hramada import gunicorn_conf
from hramada.core.management.commands import serve


def test_the_access_log_format_records_no_query_string_address_or_header() -> None:
    fmt = gunicorn_conf.access_log_format
    # %(r)s is the request line with its query string; %(q)s the query; %(h)s the address; %(a)s the user
    # agent; %(f)s the referrer; %({...}i)s any request header.
    for atom in ("%(r)s", "%(q)s", "%(h)s", "%(a)s", "%(f)s", "}i)s", "%(u)s"):
        assert atom not in fmt
    assert "%(U)s" in fmt and "%(s)s" in fmt


def test_serve_starts_gunicorn_with_that_configuration(monkeypatch: Any) -> None:
    started: list[list[str]] = []

    class Child:
        def __init__(self, argv: list[str], **kwargs: Any) -> None:
            started.append(argv)

        def poll(self) -> int:
            return 0

        def wait(self, timeout: float | None = None) -> int:
            return 0

    monkeypatch.setattr(serve.subprocess, "Popen", Child)
    monkeypatch.setattr(serve, "_refuse_unmigrated_database", lambda: None)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)
    serve.Command().handle(host="127.0.0.1", port="8000", workers=1, no_worker=True)
    web = started[-1]
    assert "gunicorn" in web
    assert web[web.index("--config") + 1] == "python:hramada.gunicorn_conf"


def test_the_task_worker_and_periodic_jobs_yield_the_cpu_to_the_web_workers(monkeypatch: Any) -> None:
    started: list[tuple[list[str], Any]] = []

    class Child:
        def __init__(self, argv: list[str], **kwargs: Any) -> None:
            started.append((argv, kwargs.get("preexec_fn")))

        def poll(self) -> int:
            return 0

        def wait(self, timeout: float | None = None) -> int:
            return 0

    monkeypatch.setattr(serve.subprocess, "Popen", Child)
    monkeypatch.setattr(serve, "_refuse_unmigrated_database", lambda: None)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)
    serve.Command().handle(host="127.0.0.1", port="8000", workers=1, no_worker=False)
    by_role = {("gunicorn" if "gunicorn" in argv else argv[2]): hook for argv, hook in started}
    assert set(by_role) == {"task_worker", "periodic", "gunicorn"}
    assert by_role["gunicorn"] is None, "the web workers keep the priority they were started with"
    niced: list[int] = []
    monkeypatch.setattr(serve.os, "nice", niced.append)
    by_role["task_worker"]()
    by_role["periodic"]()
    assert niced == [serve.BACKGROUND_NICENESS] * 2 and serve.BACKGROUND_NICENESS > 0


def test_every_start_says_where_staff_and_applicants_begin(monkeypatch: Any, capsys: Any) -> None:
    class Child:
        def __init__(self, argv: list[str], **kwargs: Any) -> None:
            pass

        def poll(self) -> int:
            return 0

        def wait(self, timeout: float | None = None) -> int:
            return 0

    monkeypatch.setattr(serve.subprocess, "Popen", Child)
    monkeypatch.setattr(serve, "_refuse_unmigrated_database", lambda: None)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)
    command = serve.Command()
    command.handle(host="127.0.0.1", port="8741", workers=1, no_worker=True)
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8741/staff/login/" in out and "http://127.0.0.1:8741/apply/" in out


def test_the_task_worker_and_periodic_jobs_start_once_the_web_answers_ready(monkeypatch: Any) -> None:
    events: list[str] = []

    class Child:
        def __init__(self, argv: list[str], **kwargs: Any) -> None:
            events.append("gunicorn" if "gunicorn" in argv else argv[2])

        def poll(self) -> int | None:
            return None

        def wait(self, timeout: float | None = None) -> int:
            return 0

        def terminate(self) -> None:
            pass

    def ready(host: str, port: str, web: Any, limit: float) -> None:
        assert isinstance(web, Child) and limit > 0
        events.append("ready")

    monkeypatch.setattr(serve.subprocess, "Popen", Child)
    monkeypatch.setattr(serve, "_refuse_unmigrated_database", lambda: None)
    monkeypatch.setattr(serve, "_wait_until_ready", ready)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)
    serve.Command().handle(host="127.0.0.1", port="8000", workers=1, no_worker=False)
    assert events == ["gunicorn", "ready", "task_worker", "periodic"]
