"""On SQLite every process writes to one file: a list import or a watch-list upload can hold the write lock while a
re-screen wants to write. A write refused as locked is tried again (``core.retry.retry_while_locked``) without
losing or doubling an alert; a run the database keeps refusing is queued again, its takes counted, and then marked
failed where analysts look (inbox, dashboard, the job's progress), never silently; the task worker waits a locked
database out instead of stopping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django_tasks_db.management.commands import db_worker

from hramada.core import retry
from hramada.core.counterparties import Counterparty, CounterpartySource, register_counterparty_source
from hramada.core.management.commands import task_worker
from hramada.core.models import AuditEntry, TaskProgress
from hramada.core.roles import Role
from hramada.monitoring import rescreen, services
from hramada.monitoring.models import Alert, Exposure, RescreenRun
from hramada.sanctions.services import import_file
from tests.monitoring.conftest import AMENDMENT, EU_LIST, NAUMOV, NAUMOV_RU, eu_list_without, watch_csv

# Committed transactions, as in the worker: a write is retried only where it owns the outermost transaction, so
# inside the usual test-wide transaction nothing would be tried again.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry.time, "sleep", lambda seconds: None)


def _import(path: Path, capture: Any) -> None:
    with capture(execute=True):
        import_file("eu_journal", path, by=None)


def _watch(analyst: Any, capture: Any, *names: str) -> None:
    rows = [(name, "Person" if name == NAUMOV_RU else "Company", "", "") for name in names]
    with capture(execute=True):
        services.upload_watch_list(
            name="Suppliers", file_name="suppliers.csv", data=watch_csv(rows), by=analyst
        )


def _locked_once(monkeypatch: pytest.MonkeyPatch, times: int = 1) -> list[int]:
    """The next ``times`` saves of a run's alerts find the database locked (after storing their exposures in the
    same transaction, which is rolled back)."""
    refused: list[int] = []
    save = rescreen._save_alerts_here

    def locked(alerts: Any) -> int:
        if len(refused) < times and list(alerts):
            refused.append(1)
            raise OperationalError("database is locked")
        return save(alerts)

    monkeypatch.setattr(rescreen, "_save_alerts_here", locked)
    return refused


def test_a_delta_written_while_the_database_is_locked_raises_its_alert_once_with_its_exposure(
    tmp_path: Path, analyst: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    _import(eu_list_without(tmp_path, NAUMOV), django_capture_on_commit_callbacks)
    _watch(analyst, django_capture_on_commit_callbacks, NAUMOV_RU)
    assert not Exposure.objects.exists()
    refused = _locked_once(monkeypatch)

    _import(EU_LIST, django_capture_on_commit_callbacks)

    assert refused == [1], "the first try was refused"
    run = RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk").last()
    assert run.status == RescreenRun.Status.DONE and run.attempts == 1 and run.alerts == 1
    alert = Alert.objects.get(first_screening=False)
    assert "NAVUMAU" in alert.caption.upper() or "NAUMOV" in alert.caption.upper()
    assert list(Exposure.objects.values_list("ref", "entity_id")) == [(alert.ref, alert.entity_id)]
    assert AuditEntry.objects.filter(action="monitoring.alert.raised").count() == 1


def test_a_run_the_database_keeps_refusing_is_queued_again_counted_then_failed_where_analysts_look(
    tmp_path: Path,
    analyst: Any,
    monkeypatch: pytest.MonkeyPatch,
    staff_client: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _import(eu_list_without(tmp_path, NAUMOV), django_capture_on_commit_callbacks)
    _watch(analyst, django_capture_on_commit_callbacks, NAUMOV_RU)
    free = rescreen._save_alerts_here
    _locked_once(monkeypatch, times=10**6)

    _import(EU_LIST, django_capture_on_commit_callbacks)

    run = RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk").last()
    assert run.status == RescreenRun.Status.FAILED
    assert run.attempts == services.MAX_RUN_ATTEMPTS
    assert "database is locked" in run.message
    actions = list(
        AuditEntry.objects.filter(action__startswith="monitoring.run.", target_id=str(run.pk))
        .exclude(action="monitoring.run.queued")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["monitoring.run.requeued"] * (services.MAX_RUN_ATTEMPTS - 1) + [
        "monitoring.run.failed"
    ]
    assert not Alert.objects.filter(first_screening=False).exists()
    assert not Exposure.objects.exists(), "nothing half-written: each try was rolled back whole"
    assert TaskProgress.objects.get(pk=run.progress_id).status == TaskProgress.Status.FAILED

    client = staff_client(Role.SANCTIONS_ANALYST)
    inbox = client.get("/monitoring/").content.decode()
    assert 'id="failed-runs"' in inbox and "database is locked" in inbox
    dashboard = client.get("/staff/").content.decode()
    assert "re-screen failed in the last week" in dashboard

    # The next list change runs normally once the database is free again.
    monkeypatch.setattr(rescreen, "_save_alerts_here", free)
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_first_screenings()
    assert RescreenRun.objects.order_by("pk").last().status == RescreenRun.Status.DONE


def test_a_delta_that_arrives_while_a_run_waits_out_a_locked_database_is_queued_and_both_complete(
    tmp_path: Path, analyst: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    _import(eu_list_without(tmp_path, NAUMOV), django_capture_on_commit_callbacks)
    _watch(analyst, django_capture_on_commit_callbacks, NAUMOV_RU, "Chip and Dip LLC")
    arrived: list[int] = []

    def counterparties_while_a_list_changes() -> list[Counterparty]:
        if not arrived:  # the first run is collecting when the amendment is imported
            arrived.append(1)
            import_file("eu_journal", AMENDMENT, by=None)
            assert RescreenRun.objects.filter(status=RescreenRun.Status.QUEUED).count() == 1
        return []

    register_counterparty_source(
        CounterpartySource("test.interrupting", "test", counterparties_while_a_list_changes)
    )
    refused = _locked_once(monkeypatch, times=2)  # each run's delta write is refused once
    try:
        _import(EU_LIST, django_capture_on_commit_callbacks)
    finally:
        from hramada.core import counterparties

        counterparties._sources.pop("test.interrupting", None)
    assert refused == [1, 1]
    runs = list(RescreenRun.objects.filter(snapshot_id__isnull=False).order_by("pk"))[1:]
    assert [(r.status, r.attempts) for r in runs] == [(RescreenRun.Status.DONE, 1)] * 2
    captions = sorted(a.caption.upper() for a in Alert.objects.filter(first_screening=False))
    assert len(captions) == 2 and any("CHIP AND DIP" in c for c in captions)


def test_the_task_worker_waits_out_a_locked_database_instead_of_stopping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rounds: list[str] = []

    def run(self: Any) -> None:
        rounds.append("round")
        if len(rounds) < 3:
            raise OperationalError("database is locked")

    monkeypatch.setattr(db_worker.Worker, "run", run)
    worker = task_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=True,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    worker.run()
    assert rounds == ["round"] * 3 and worker.startup_delay is False

    monkeypatch.setattr(
        db_worker.Worker, "run", lambda self: (_ for _ in ()).throw(OperationalError("disk I/O"))
    )
    with pytest.raises(OperationalError, match="disk"):
        worker.run()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_task_worker_runs_a_queued_rescreen_from_the_database_queue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(task_worker.Worker, "configure_signals", lambda self: None)
    run = services.queue_first_screenings()
    assert DBTaskResult.objects.count() == 1, "the run's task waits in the database queue"
    assert RescreenRun.objects.get(pk=run.pk).status == RescreenRun.Status.QUEUED
    call_command("task_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    run.refresh_from_db()
    assert run.status == RescreenRun.Status.DONE and run.attempts == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
