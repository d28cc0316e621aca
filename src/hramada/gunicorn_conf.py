"""Gunicorn settings for every deployment (``gunicorn -c python:hramada.gunicorn_conf hramada.wsgi:application``).

The access log says when, which method and path, the status, the size and the time taken. It never holds a query
string (the full request line, ``%(r)s``, would), a referrer, a user agent, the client's address or any header:
a log line must not link an applicant to a page, or carry what they typed. Gunicorn never logs bodies.

The master gives its workers a readiness folder (``hramada.core.startup``): ``/readyz`` answers 200 only once
every worker has built what it serves from, so a load balancer never reaches a worker that is still building.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
timeout = 120

_READINESS_ENV = (
    "HRAMADA_READINESS_DIR"  # hramada.core.startup.READINESS_ENV (no Django import in the master)
)


def on_starting(server: Any) -> None:
    folder = tempfile.mkdtemp(prefix="hramada-ready-")
    os.environ[_READINESS_ENV] = folder  # the workers, forked from here, inherit it
    _write_count(server.num_workers)


def nworkers_changed(server: Any, new_value: int, old_value: int | None) -> None:
    _write_count(new_value)


def child_exit(server: Any, worker: Any) -> None:
    folder = os.environ.get(_READINESS_ENV)
    if folder:
        try:
            os.unlink(os.path.join(folder, str(worker.pid)))
        except FileNotFoundError:
            pass


def on_exit(server: Any) -> None:
    folder = os.environ.get(_READINESS_ENV)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _write_count(count: int) -> None:
    folder = os.environ.get(_READINESS_ENV)
    if folder:
        with open(os.path.join(folder, "workers"), "w", encoding="ascii") as handle:
            handle.write(str(count))
