"""Bulk screening from the web: an uploaded CSV, XLSX or JSON-lines file of names is screened by the task worker
against every current list, with progress on the job page and a results file to download.

The file is read and its columns checked before the task is queued, so a wrong file gets its answer at once; the
screening itself is the command line's `screen_rows`, resumable, so a worker restarted mid-file carries on.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django_tasks import task

from hramada.core.progress import ProgressReporter
from hramada.sanctions import profiles
from hramada.sanctions.live_index import screening_index
from hramada.sanctions.public import record_bulk_screening
from hramada.screening.cli import InputError, map_columns, read_rows, screen_rows

if TYPE_CHECKING:
    from hramada.core.models import User

ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".jsonl", ".ndjson")
XLSX_MAGIC = b"PK\x03\x04"


class BulkUploadError(ValueError):
    """The uploaded file cannot be screened; the message says what to fix."""


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "screening"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def max_upload_bytes() -> int:
    return int(getattr(settings, "HRAMADA_MAX_SCREENING_UPLOAD", 50 * 1024 * 1024))


def store_upload(upload: Any) -> tuple[Path, int]:
    """Save an upload under var/, sniff its content and check its columns; returns the path and row count."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise BulkUploadError(f"{upload.name}: send a .csv, .xlsx or .jsonl file")
    if upload.size > max_upload_bytes():
        raise BulkUploadError(f"{upload.name} is {upload.size:,} bytes; the limit is {max_upload_bytes():,}")
    head = upload.read(4)
    upload.seek(0)
    if (suffix == ".xlsx") != (head == XLSX_MAGIC):
        kind = "a spreadsheet (XLSX)" if head == XLSX_MAGIC else "not a spreadsheet"
        raise BulkUploadError(f"{upload.name}: the content is {kind}, which does not fit its name")
    path = upload_dir() / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        rows = read_rows(path, "utf-8-sig")
        if not rows:
            raise BulkUploadError(f"{upload.name} holds no rows")
        map_columns(list(rows[0].keys()))
    except (InputError, BulkUploadError) as exc:
        path.unlink(missing_ok=True)
        raise BulkUploadError(str(exc).replace(str(path), upload.name)) from exc
    return path, len(rows)


def start_bulk_screening(*, path: Path, rows: int, profile: str, by: User | None, label: str) -> int:
    """Queue the screening of a stored upload; returns the progress id the job page shows."""
    reporter = ProgressReporter.start(label=label, kind="bulk_screening", owner=by, total=rows)
    transaction.on_commit(lambda: bulk_screen_task.enqueue(reporter.progress.pk, str(path), profile))
    return reporter.progress.pk


@task()
def bulk_screen_task(progress_id: int, input_path: str, profile: str) -> int:
    reporter = ProgressReporter.resume(progress_id)
    purpose = "investigation" if profile == "investigation" else "onboarding"
    source = Path(input_path)
    output = source.with_name(f"{source.stem}-results.csv")
    try:
        rows = read_rows(source, "utf-8-sig")
        reporter.running(total=len(rows))
        thresholds = profiles.profile(purpose).thresholds
        screened = screen_rows(
            rows,
            screening_index(),
            output,
            thresholds=thresholds,
            limit=3,
            progress=False,
            on_progress=lambda done, total: reporter.advance(done - reporter.progress.done),
        )
    except Exception as exc:
        reporter.fail(f"Screening stopped: {exc}")
        raise
    name_column = map_columns(list(rows[0].keys())).get("name") if rows else None
    record_bulk_screening(
        (str(row.get(name_column) or "") for row in rows) if name_column else (),
        purpose=purpose,
        by=reporter.progress.owner,
        source=f"bulk:{progress_id}",
        parties=len(rows),
    )
    reporter.finish(
        message=f"{len(rows):,} rows screened ({screened:,} in this run).", result_file=str(output)
    )
    return screened
