"""Import plausibility: a file that does not look like a real publication of its source never becomes current.

Two kinds of evidence, both given to the analyst as reasons:

* the file against the shape of its source (:func:`hramada.sanctions.importers.shapes.findings`: column shapes,
  programme codes, end-of-file marks);
* the new list against the previous accepted snapshot of the same list: more than
  ``HRAMADA_SANCTIONS_MAX_REMOVED_PERCENT`` (default 5) percent of the listed parties gone (and more than
  ``HRAMADA_SANCTIONS_REMOVED_FLOOR``, default 3, so a delta delisting one of two is not suspicious), the same
  share of all its records gone (a file cut after its parties loses their Sanctions), or more than
  ``HRAMADA_SANCTIONS_MAX_KIND_CHANGES`` (default 3) parties whose kind (FtM schema) changed.

A snapshot with reasons is stored *held* (``Snapshot.Status.HELD``): it is kept, and its delta can be read, but
no search, screening or API answer uses it until an analyst confirms it (:func:`confirm`), or it stays out for
good (:func:`reject`). Both write an audit entry. Defaults and the measurements behind them: docs/security.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hramada.sanctions.importers import ParsedEntity, shapes
from hramada.sanctions.models import Snapshot, SnapshotEntity


class ReviewError(Exception):
    """A review that cannot be done (the snapshot is not held); the message is for the analyst."""


def max_removed_share() -> float:
    return float(getattr(settings, "HRAMADA_SANCTIONS_MAX_REMOVED_PERCENT", 5)) / 100


def max_kind_changes() -> int:
    return int(getattr(settings, "HRAMADA_SANCTIONS_MAX_KIND_CHANGES", 3))


def removed_floor() -> int:
    return int(getattr(settings, "HRAMADA_SANCTIONS_REMOVED_FLOOR", 3))


def _gone(
    before: Sequence[str], after: set[str] | dict[str, str], what: str, previous: Snapshot, share: float
) -> str:
    removed = [entity_id for entity_id in before if entity_id not in after]
    examples = ", ".join(sorted(removed)[: shapes.EXAMPLES])
    return (
        f"{len(removed)} of the {len(before)} {what} of snapshot {previous.pk} are gone "
        f"({len(removed) / len(before):.1%}, more than {share:.0%}): {examples}"
    )


def compare_with_previous(
    records: dict[str, tuple[str, bool]],
    previous: Snapshot | None,
    *,
    removed_share: float,
    kind_changes: int,
    floor: int = 3,
) -> list[str]:
    """Reasons to hold a list whose records are ``records`` (entity id -> (schema, listed party?)) against
    ``previous``: listed parties gone, records gone (a Sanction or an ownership lost while its party stays, as
    when an FtM file is cut after its parties), listed parties whose kind changed."""
    if previous is None:
        return []
    members = list(
        SnapshotEntity.objects.filter(snapshot=previous).values_list("entity_id", "schema", "subject")
    )
    before_parties = {entity_id: schema for entity_id, schema, subject in members if subject}
    subjects = {entity_id: schema for entity_id, (schema, subject) in records.items() if subject}
    reasons: list[str] = []
    for before, after, what in (
        (list(before_parties), subjects, "listed parties"),
        ([entity_id for entity_id, _schema, _subject in members], set(records), "records"),
    ):
        removed = sum(1 for entity_id in before if entity_id not in after)
        if before and removed > removed_share * len(before) and removed > floor:
            reasons.append(_gone(before, after, what, previous, removed_share))
            break
    changed = sorted(
        entity_id
        for entity_id, schema in subjects.items()
        if entity_id in before_parties and before_parties[entity_id] != schema
    )
    if len(changed) > kind_changes:
        examples = ", ".join(f"{e}: {before_parties[e]} -> {subjects[e]}" for e in changed[: shapes.EXAMPLES])
        reasons.append(
            f"{len(changed)} listed parties changed kind since snapshot {previous.pk} "
            f"(more than {kind_changes}): {examples}"
        )
    return reasons


def assess(
    source_key: str,
    path: Path,
    entities: Sequence[ParsedEntity],
    records: dict[str, tuple[str, bool]],
    previous: Snapshot | None,
    *,
    file_findings: shapes.FileFindings | None = None,
) -> list[str]:
    """Why the list ``entities`` (from the file at ``path``) should be held; empty when it looks real.
    ``file_findings``: what ``shapes.file_findings`` found for the file where it was parsed."""
    reasons = shapes.findings(source_key, path, entities, of_file=file_findings)
    reasons += compare_with_previous(
        records,
        previous,
        removed_share=max_removed_share(),
        kind_changes=max_kind_changes(),
        floor=removed_floor(),
    )
    return [reason[:1000] for reason in reasons]


def _review(snapshot: Snapshot, status: str, *, by: Any, note: str) -> Snapshot:
    from hramada.core import audit

    with transaction.atomic():
        locked = Snapshot.objects.select_for_update().select_related("source").get(pk=snapshot.pk)
        if locked.status != Snapshot.Status.HELD:
            raise ReviewError(f"snapshot {locked.pk} is not held (it is {locked.get_status_display()})")
        locked.status = status
        locked.reviewed_at = timezone.now()
        locked.save(update_fields=["status", "reviewed_at"])
        audit.record(
            action=f"sanctions.snapshot.{'confirmed' if status == Snapshot.Status.ACCEPTED else 'rejected'}",
            target=locked,
            detail={"source": locked.source.key, "reasons": locked.held_reasons, "note": note[:500]},
            by=by,
        )
        if status == Snapshot.Status.ACCEPTED:
            from hramada.sanctions.services.deltas import refresh_deltas

            refresh_deltas(locked)
    return locked


def confirm(snapshot: Snapshot, *, by: Any, note: str = "") -> Snapshot:
    """An analyst looked at a held snapshot and it is a real publication: it becomes current (if newest)."""
    return _review(snapshot, Snapshot.Status.ACCEPTED, by=by, note=note)


def reject(snapshot: Snapshot, *, by: Any, note: str = "") -> Snapshot:
    """An analyst looked at a held snapshot and it is damaged: it never becomes current."""
    return _review(snapshot, Snapshot.Status.REJECTED, by=by, note=note)
