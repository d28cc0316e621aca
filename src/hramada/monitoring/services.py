"""Monitoring's state changes: queueing and running re-screens, acknowledging and escalating alerts, uploading
watch lists. Each writes its audit entry in the same transaction; tasks are enqueued after commit."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.progress import ProgressReporter
from hramada.core.retry import is_locked, retry_while_locked
from hramada.core.roles import Role
from hramada.monitoring import rescreen
from hramada.monitoring.models import Alert, RescreenRun, WatchList, WatchListEntry
from hramada.monitoring.watchlists import WatchListRefusedError, read_watch_list

if TYPE_CHECKING:
    from hramada.core.models import User
    from hramada.sanctions.public import ListChange

logger = logging.getLogger(__name__)

ACKNOWLEDGE_WITHIN = timedelta(hours=24)
"""An alert nobody acknowledged within this long is escalated by the periodic job."""
MAX_RUN_ATTEMPTS = 3
"""A run the database refused as locked (after each write's own retries) is queued again, up to this many takes
in all; then it is marked failed, audited, and shown as failed on the inbox and the dashboard."""
STALE_RUN = timedelta(minutes=30)
"""A run marked running for longer than this is taken to have died with its worker; queued runs go on."""
UPLOAD_CHUNK = 500
"""Watch-list rows stored per transaction. Each row's name is encrypted inside the transaction, which holds
SQLite's write lock; at 5,000 rows a chunk took longer than the 30 s lock timeout on the shared machine at load
~28, and the database task worker, waiting for the lock, stopped with "database is locked" (benchmark run of 30
November 2026). 500 rows keep each hold a tenth as long."""

ANALYST_ROLES = (Role.SANCTIONS_ANALYST, Role.ADMINISTRATOR)

__all__ = [
    "MonitoringError",
    "WatchListRefusedError",
    "acknowledge",
    "escalate",
    "escalate_overdue",
    "queue_first_screenings",
    "queue_list_change",
    "run_queued",
    "upload_watch_list",
]


class MonitoringError(Exception):
    """A refused action, with a message for the analyst."""


def _require_analyst(by: User | None) -> None:
    if by is None or not any(by.has_role(role) for role in ANALYST_ROLES):
        raise MonitoringError(_("Only a sanctions analyst may do this."))


# --- Runs --------------------------------------------------------------------------------------------------


@retry_while_locked
def queue_list_change(change: ListChange) -> RescreenRun:
    """Record a list change as a queued run and enqueue its task after commit; nothing is lost when a run is
    already going (that run takes this one when it finishes)."""
    with transaction.atomic():
        run = RescreenRun.objects.create(
            source=change.source[:100],
            snapshot_id=change.snapshot_id,
            previous_snapshot_id=change.previous_snapshot_id,
            added=list(change.added),
            removed=list(change.removed),
            changed=list(change.changed),
        )
        audit.record(
            action="monitoring.run.queued",
            target=run,
            detail={
                "source": run.source,
                "snapshot": run.snapshot_id,
                "added": len(run.added),
                "removed": len(run.removed),
                "changed": len(run.changed),
            },
            by=None,
        )
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


@retry_while_locked
def queue_first_screenings() -> RescreenRun:
    """A run without a delta: screen counterparties seen for the first time and keep the worker's index warm."""
    with transaction.atomic():
        run = RescreenRun.objects.create(source="")
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


@retry_while_locked
def _enqueue(run_id: int) -> None:
    from hramada.monitoring.tasks import rescreen_task

    rescreen_task.enqueue(run_id)


@retry_while_locked
def _claim_next() -> RescreenRun | None:
    """The oldest queued run, marked running, unless another run is going (then that one takes it)."""
    with transaction.atomic():
        if RescreenRun.objects.filter(
            status=RescreenRun.Status.RUNNING, started_at__gte=timezone.now() - STALE_RUN
        ).exists():
            return None
        run = (
            RescreenRun.objects.select_for_update()
            .filter(status=RescreenRun.Status.QUEUED)
            .order_by("pk")
            .first()
        )
        if run is None:
            return None
        run.status = RescreenRun.Status.RUNNING
        run.started_at = timezone.now()
        run.attempts += 1
        run.save(update_fields=["status", "started_at", "attempts"])
        return run


@retry_while_locked
def _settle_failure(run: RescreenRun, error: Exception) -> str:
    """Queue a run again that the database refused as locked (it has takes left), or mark it failed; audited
    either way, so a failure is never silent. Returns the status it was left in."""
    again = is_locked(error) and run.attempts < MAX_RUN_ATTEMPTS
    status = RescreenRun.Status.QUEUED if again else RescreenRun.Status.FAILED
    message = f"{type(error).__name__}: {error}"[:500]
    with transaction.atomic():
        RescreenRun.objects.filter(pk=run.pk).update(
            status=status, finished_at=None if again else timezone.now(), message=message
        )
        progress = RescreenRun.objects.filter(pk=run.pk).values_list("progress_id", flat=True).first()
        if progress is not None:
            reporter = ProgressReporter.resume(progress)
            if again:
                reporter.advance(0, message=f"queued again after: {message}")
            else:
                reporter.fail(message)
        audit.record(
            action="monitoring.run.requeued" if again else "monitoring.run.failed",
            target=run,
            detail={
                "source": run.source,
                "snapshot": run.snapshot_id,
                "attempts": run.attempts,
                "error": message,
            },
            by=None,
        )
    return status


def run_queued() -> int:
    """Run every queued run in order, unless a run is already going (it will take them). A run the database
    refused as locked is queued again and taken next (``MAX_RUN_ATTEMPTS``); any other failure marks it failed.
    Returns how many takes ran."""
    done = 0
    while (run := _claim_next()) is not None:
        try:
            rescreen.execute(run)
        except Exception as exc:
            logger.exception("re-screen run %s failed (take %d)", run.pk, run.attempts)
            _settle_failure(run, exc)
        done += 1
    return done


# --- Alerts ------------------------------------------------------------------------------------------------


def acknowledge(alert: Alert, *, note: str, by: User | None) -> Alert:
    """An analyst has seen the alert and says what follows (the owner's hold, a decision, nothing)."""
    _require_analyst(by)
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.status == Alert.Status.ACKNOWLEDGED:
            raise MonitoringError(_("This alert was already acknowledged."))
        alert.status = Alert.Status.ACKNOWLEDGED
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = by
        alert.note = note.strip()[:2000]
        alert.save(update_fields=["status", "acknowledged_at", "acknowledged_by", "note"])
        audit.record(
            action="monitoring.alert.acknowledged",
            target=alert,
            detail={"kind": alert.kind, "owner": alert.owner, "noted": bool(alert.note)},
            by=by,
        )
    return alert


def escalate(alert: Alert, *, reason: str, by: User | None) -> Alert:
    """An analyst escalates an alert (to the administrators' and compliance's attention); a reason is needed."""
    _require_analyst(by)
    if not reason.strip():
        raise MonitoringError(_("Say why you escalate this alert."))
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.status == Alert.Status.ACKNOWLEDGED:
            raise MonitoringError(_("An acknowledged alert is not escalated."))
        if alert.escalated_at is not None:
            raise MonitoringError(_("This alert was already escalated."))
        alert.escalated_at = timezone.now()
        alert.escalated_by = by
        alert.escalation_reason = reason.strip()[:2000]
        alert.save(update_fields=["escalated_at", "escalated_by", "escalation_reason"])
        audit.record(
            action="monitoring.alert.escalated",
            target=alert,
            detail={"kind": alert.kind, "owner": alert.owner, "by_job": False},
            by=by,
        )
    return alert


def escalate_overdue(now: datetime | None = None) -> int:
    """Escalate every open alert nobody acknowledged in time (the periodic job); returns how many."""
    now = now or timezone.now()
    count = 0
    overdue = Alert.objects.filter(
        status=Alert.Status.OPEN, escalated_at__isnull=True, created_at__lt=now - ACKNOWLEDGE_WITHIN
    ).values_list("pk", flat=True)
    for pk in list(overdue):
        with transaction.atomic():
            alert = Alert.objects.select_for_update().get(pk=pk)
            if alert.status != Alert.Status.OPEN or alert.escalated_at is not None:
                continue
            alert.escalated_at = now
            alert.escalation_reason = "not acknowledged within 24 hours"
            alert.save(update_fields=["escalated_at", "escalation_reason"])
            audit.record(
                action="monitoring.alert.escalated",
                target=alert,
                detail={"kind": alert.kind, "owner": alert.owner, "by_job": True},
                by=None,
            )
            count += 1
    return count


# --- Watch lists -------------------------------------------------------------------------------------------


def upload_watch_list(
    *, name: str, file_name: str, data: bytes, by: User | None, is_demo: bool = False
) -> WatchList:
    """Store a watch list, all or nothing (raises :class:`WatchListRefusedError` with every problem by row and
    column), and queue its first screening: its matches become alerts in the inbox."""
    if not is_demo:
        _require_analyst(by)
    if not name.strip():
        raise MonitoringError(_("Give the watch list a name."))
    rows = read_watch_list(file_name, data)
    watch_list = WatchList.objects.create(
        name=name.strip()[:200],
        file_name=file_name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=by,
        row_count=len(rows),
        is_demo=is_demo,
    )
    try:
        # Short transactions (UPLOAD_CHUNK rows), so the task worker and the web server are not locked out while a
        # large list is stored; the list is watched (and shown) only once every row is in: all or nothing for its
        # users.
        for start in range(0, len(rows), UPLOAD_CHUNK):
            with transaction.atomic():
                WatchListEntry.objects.bulk_create(
                    [
                        WatchListEntry(
                            watch_list=watch_list,
                            row=row.row,
                            name=row.name,
                            schema=row.schema,
                            birth_date=row.birth_date,
                            country=row.country[:8],
                            identifier=row.identifier,
                        )
                        for row in rows[start : start + UPLOAD_CHUNK]
                    ]
                )
        with transaction.atomic():
            watch_list.active = True
            watch_list.save(update_fields=["active"])
            audit.record(
                action="monitoring.watch_list.uploaded",
                target=watch_list,
                detail={"rows": len(rows), "sha256": watch_list.sha256, "file": file_name[:255]},
                by=by,
            )
            transaction.on_commit(queue_first_screenings)
    except BaseException:
        watch_list.delete()
        raise
    return watch_list


def delete_watch_list(watch_list: WatchList, *, by: User | None) -> None:
    _require_analyst(by)
    with transaction.atomic():
        audit.record(
            action="monitoring.watch_list.deleted",
            target=watch_list,
            detail={"rows": watch_list.row_count},
            by=by,
        )
        watch_list.delete()
