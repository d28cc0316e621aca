"""Background imports: a file (or a batch of bundled files) imported by the task worker, with progress a page
shows at /staff/jobs/<id>/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django_tasks import task

from hramada.core.progress import ProgressReporter

if TYPE_CHECKING:
    from hramada.core.models import User


@task()
def import_files(progress_id: int, items: list[dict[str, Any]], user_id: int | None = None) -> int:
    """Import ``items`` (``{"source", "path", "aux_dir"}``) in order; returns how many snapshots were new."""
    from hramada.core.models import User
    from hramada.sanctions import services

    reporter = ProgressReporter.resume(progress_id)
    reporter.running(total=len(items))
    by = User.objects.filter(pk=user_id).first() if user_id else None
    created = 0
    messages: list[str] = []
    for item in items:
        try:
            result = services.import_file(item["source"], item["path"], by=by, aux_dir=item.get("aux_dir"))
        except services.SnapshotImportError as error:
            messages.append(f"{item['path']}: not imported: {error}")
            reporter.advance(1, message=messages[-1])
            continue
        created += result.created
        messages.append(result.message)
        reporter.advance(1, message=result.message)
    reporter.finish(message="\n".join(messages))
    return created


def enqueue_import(items: list[dict[str, Any]], *, by: User | None, label: str) -> int:
    """Queue an import of ``items`` after the current transaction commits; returns the progress row's id."""
    reporter = ProgressReporter.start(label=label, kind="sanctions.import", owner=by, total=len(items))
    progress_id = reporter.progress.pk
    user_id = by.pk if by is not None else None
    transaction.on_commit(lambda: import_files.enqueue(progress_id, items, user_id))
    return int(progress_id)
