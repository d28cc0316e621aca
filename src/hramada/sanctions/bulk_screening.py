"""Bulk screening from the web: an uploaded CSV, XLSX or JSON-lines file of names is screened by the task worker
against every current list, with progress on the job page and a results file to download.

The file is read and its columns checked before the task is queued, so a wrong file gets its answer at once; the
screening itself is the command line's `screen_rows`. A file with an id column (``id``, ``ref``, ``reference``)
names its counterparties: a row's matches carry the analysts' remembered decisions on ``bulk:<id>`` (recorded on
the decisions page, or earlier against the same reference), in the result columns ``decision`` (the best match's)
and ``decisions`` (every match's), and a false positive on every match turns the row's status to ``cleared``. Inputs and results are names of counterparties: both are
kept encrypted on disk (`core.storage.write_sealed`), in clear only in a private temporary folder during a run.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django_tasks import task

from hramada.core.progress import ProgressReporter
from hramada.core.storage import RESULT_FILE_LABEL, SEALED_SUFFIX, read_sealed, unsealed_name, write_sealed
from hramada.sanctions import profiles
from hramada.sanctions.live_index import screening_index
from hramada.sanctions.public import record_bulk_screening
from hramada.screening.cli import InputError, map_columns, read_rows, screen_rows

if TYPE_CHECKING:
    from hramada.core.models import User

ACCEPTED_SUFFIXES = (".csv", ".xlsx", ".jsonl", ".ndjson")
XLSX_MAGIC = b"PK\x03\x04"
UPLOAD_LABEL = "sanctions.bulk_screening.upload"


class BulkUploadError(ValueError):
    """The uploaded file cannot be screened; the message says what to fix."""


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "screening"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def max_upload_bytes() -> int:
    return int(getattr(settings, "HRAMADA_MAX_SCREENING_UPLOAD", 50 * 1024 * 1024))


def store_upload(upload: Any) -> tuple[Path, int]:
    """Check an upload (content, columns) and keep it encrypted under var/; returns its path and row count.

    The names in it are counterparties': the file on disk is sealed (`core.storage.write_sealed`), and the
    plaintext exists only in a private temporary folder while it is read."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise BulkUploadError(f"{upload.name}: send a .csv, .xlsx or .jsonl file")
    if upload.size > max_upload_bytes():
        raise BulkUploadError(f"{upload.name} is {upload.size:,} bytes; the limit is {max_upload_bytes():,}")
    data = b"".join(upload.chunks())
    if (suffix == ".xlsx") != (data[:4] == XLSX_MAGIC):
        kind = "a spreadsheet (XLSX)" if data[:4] == XLSX_MAGIC else "not a spreadsheet"
        raise BulkUploadError(f"{upload.name}: the content is {kind}, which does not fit its name")
    with tempfile.TemporaryDirectory(prefix="hramada-bulk-") as folder:
        plain = Path(folder) / f"upload{suffix}"
        plain.write_bytes(data)
        try:
            rows = read_rows(plain, "utf-8-sig")
            if not rows:
                raise BulkUploadError(f"{upload.name} holds no rows")
            map_columns(list(rows[0].keys()))
        except (InputError, BulkUploadError) as exc:
            raise BulkUploadError(str(exc).replace(str(plain), upload.name)) from exc
    path = write_sealed(upload_dir() / f"{uuid.uuid4().hex}{suffix}", data, label=UPLOAD_LABEL)
    return path, len(rows)


def start_bulk_screening(*, path: Path, rows: int, profile: str, by: User | None, label: str) -> int:
    """Queue the screening of a stored upload; returns the progress id the job page shows."""
    reporter = ProgressReporter.start(label=label, kind="bulk_screening", owner=by, total=rows)
    transaction.on_commit(lambda: bulk_screen_task.enqueue(reporter.progress.pk, str(path), profile))
    return reporter.progress.pk


@task()
def bulk_screen_task(progress_id: int, input_path: str, profile: str) -> int:
    """Screen a sealed upload into sealed results. The plaintext input and results live only in a private
    temporary folder during the run; results screened before (a worker restarted after a finished part) are
    carried on from the sealed results file."""
    reporter = ProgressReporter.resume(progress_id)
    purpose = "investigation" if profile == "investigation" else "onboarding"
    source = Path(input_path)
    original = Path(unsealed_name(source))
    # The engine's rows (resumable: a restarted worker carries on from them), then the results with decisions.
    screened_file = source.with_name(f"{original.stem}-screened.csv{SEALED_SUFFIX}")
    output = source.with_name(f"{original.stem}-results.csv{SEALED_SUFFIX}")
    try:
        with tempfile.TemporaryDirectory(prefix="hramada-bulk-") as folder:
            plain_input = Path(folder) / f"input{original.suffix}"
            plain_input.write_bytes(read_sealed(source, label=UPLOAD_LABEL))
            plain_output = Path(folder) / "screened.csv"
            if screened_file.exists():
                plain_output.write_bytes(read_sealed(screened_file, label=RESULT_FILE_LABEL))
            rows = read_rows(plain_input, "utf-8-sig")
            reporter.running(total=len(rows))
            thresholds = profiles.profile(purpose).thresholds
            screened = screen_rows(
                rows,
                screening_index(),
                plain_output,
                thresholds=thresholds,
                limit=3,
                progress=False,
                on_progress=lambda done, total: reporter.advance(done - reporter.progress.done),
            )
            write_sealed(screened_file, plain_output.read_bytes(), label=RESULT_FILE_LABEL)
            with_ids = "id" in map_columns(list(rows[0].keys())) if rows else False
            results, remembered = with_decisions(plain_output.read_text(encoding="utf-8"), with_ids=with_ids)
            write_sealed(output, results.encode("utf-8"), label=RESULT_FILE_LABEL)
            screened_file.unlink(missing_ok=True)  # the results file holds every row now
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
        message=f"{len(rows):,} rows screened ({screened:,} in this run); "
        f"{remembered:,} matches carry a remembered decision.",
        result_file=str(output),
    )
    return screened


BULK_REF_PREFIX = "bulk:"
DECISION_FIELDS = ("decision", "decisions")


def party_ref(row_id: str) -> str:
    """The counterparty reference of a row of a file that names its rows (``bulk:<id>``)."""
    return f"{BULK_REF_PREFIX}{row_id}"[:200]


def with_decisions(screened_csv: str, *, with_ids: bool) -> tuple[str, int]:
    """The engine's result rows with two more columns: the remembered decision on the best match
    (``false_positive by alice on 2026-11-03: <reason>``; ``listed record changed since`` when the list changed who
    the entity is) and every match's as JSON. A row whose every match a standing false positive silences becomes
    ``cleared``. Rows of a file without an id column carry no decisions (row numbers name no counterparty).
    Returns the CSV and how many matches carry a decision."""
    import csv
    import io
    import json

    from hramada.sanctions.models import ScreeningDecision
    from hramada.sanctions.public import listed_identity

    reader = csv.DictReader(io.StringIO(screened_csv))
    rows = list(reader)
    fields = [*(reader.fieldnames or []), *DECISION_FIELDS]
    matches = {row["row_id"]: [m["id"] for m in json.loads(row.get("matches") or "[]")] for row in rows}
    standing: dict[tuple[str, str], ScreeningDecision] = {}
    if with_ids and rows:
        refs = sorted({party_ref(row_id) for row_id in matches})
        entity_ids = sorted({entity_id for ids in matches.values() for entity_id in ids})
        for start in range(0, len(refs), 400):
            for decision in ScreeningDecision.objects.filter(
                party_ref__in=refs[start : start + 400], entity_id__in=entity_ids, reversed_at__isnull=True
            ).select_related("decided_by"):
                standing[(decision.party_ref, decision.entity_id)] = decision
    index = screening_index() if standing else None
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    remembered = 0
    for row in rows:
        ref = party_ref(row["row_id"])
        described = []
        silenced = 0
        for entity_id in matches.get(row["row_id"], []):
            taken = standing.get((ref, entity_id))
            if taken is None:
                continue
            changed = index is not None and taken.identity != listed_identity(index, entity_id)
            silenced += taken.verdict == ScreeningDecision.Verdict.FALSE_POSITIVE and not changed
            described.append(
                {
                    "entity_id": entity_id,
                    "verdict": taken.verdict,
                    "reason": taken.reason,
                    "decided_by": taken.decided_by.get_username() if taken.decided_by else "",
                    "decided_at": taken.decided_at.isoformat(),
                    "listed_changed": changed,
                }
            )
        remembered += len(described)
        best = next((d for d in described if d["entity_id"] == row.get("best_id")), None)
        row["decision"] = _decision_text(best) if best else ""
        row["decisions"] = json.dumps(described, ensure_ascii=False) if described else ""
        if matches.get(row["row_id"]) and silenced == len(matches[row["row_id"]]):
            row["status"] = "cleared"
        writer.writerow(row)
    return out.getvalue(), remembered


def _decision_text(decision: dict[str, Any]) -> str:
    text = f"{decision['verdict']} by {decision['decided_by']} on {decision['decided_at'][:10]}: {decision['reason']}"
    return f"{text} (the listed record changed since this decision)" if decision["listed_changed"] else text
