"""The platform's own list: designations adopted by the Council and recorded here before the EU journal file that
carries them is published and imported.

Each publication writes the whole local list (the previous snapshot's entities with the new ones added or
replaced by id) as FollowTheMoney JSON lines and imports it through :func:`import_file`, so a local designation is
a snapshot with a delta like every imported list and ``list_changed`` is sent after the commit. When the EU journal
file is imported later, :mod:`hramada.sanctions.linking` links its record to the local one (same name and birth
date, or the same identifier).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from hramada.sanctions import importers
from hramada.sanctions.importers import SourceFormatError
from hramada.sanctions.selectors import latest_snapshot
from hramada.sanctions.services.imports import SnapshotImportError, import_file, snapshot_entities

if TYPE_CHECKING:
    from hramada.core.models import User

LOCAL_IMPORTER = "ftm_json"
LOCAL_DATASET = "hramada-adopted"
LOCAL_LIST_KEY = f"{LOCAL_IMPORTER}:{LOCAL_DATASET}"


@dataclass(frozen=True)
class LocalPublication:
    """What a publication in the local list did: the snapshot, and the delta against the previous one."""

    snapshot_id: int
    created: bool
    held: bool
    added: int
    removed: int
    amended: int


def publish_local_designations(entities: Sequence[Mapping[str, Any]], *, by: User | None) -> LocalPublication:
    """Add or replace ``entities`` (FtM dicts: the listed party and its ``Sanction``) in the local list, as a
    new snapshot. Raises :class:`SnapshotImportError` (nothing stored) when an entity is not valid FtM."""
    if not entities:
        raise SnapshotImportError("nothing to publish")
    base = latest_snapshot(LOCAL_LIST_KEY)
    current: dict[str, Mapping[str, Any]] = {}
    if base is not None:
        current = {entity.id: entity.data for entity in snapshot_entities(base)}
    for data in entities:
        current[str(data["id"])] = data
    with tempfile.TemporaryDirectory(prefix="hramada-local-") as folder:
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S%f")
        path = Path(folder) / f"{LOCAL_DATASET}-{stamp}.ftm.json"
        with open(path, "w", encoding="utf-8") as handle:
            for data in current.values():
                handle.write(json.dumps(dict(data), ensure_ascii=False, sort_keys=True) + "\n")
        result = import_file(
            LOCAL_IMPORTER, path, by=by, dataset=LOCAL_DATASET, published_at=timezone.localdate()
        )
    delta = result.delta
    return LocalPublication(
        snapshot_id=result.snapshot.pk,
        created=result.created,
        held=bool(result.snapshot.held_reasons),
        added=len(delta.added) if delta else 0,
        removed=len(delta.removed) if delta else 0,
        amended=len(delta.amended) if delta else 0,
    )


def read_eu_journal_file(path: str | Path) -> list[importers.ParsedEntity]:
    """Every entity the EU journal importer reads from ``path``, without storing anything; a file it refuses is
    a :class:`SnapshotImportError` with the importer's message."""
    try:
        return importers.parse_all("eu_journal", Path(path))
    except SourceFormatError as error:
        raise SnapshotImportError(str(error)) from error
