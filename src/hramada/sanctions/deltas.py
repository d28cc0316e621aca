"""What changed between two snapshots of one list: added, removed and amended entities, property by property.

Reading only: the import service stores the delta of each new snapshot (``services.deltas``); pages and the
command line read it back, and compare any two snapshots through :func:`diff_snapshots` without storing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from hramada.sanctions.models import (
    Delta,
    EntityVersion,
    Snapshot,
    SnapshotEntity,
)

# SQLite allows 32766 variables per statement since 3.32; stay well below for `pk IN (...)`.
LOOKUP_CHUNK = 900


@dataclass(frozen=True)
class DeltaContent:
    added: list[str]
    removed: list[str]
    amended: dict[str, dict[str, dict[str, list[str]]]]


def _members(snapshot: Snapshot | None) -> dict[str, int]:
    if snapshot is None:
        return {}
    return dict(SnapshotEntity.objects.filter(snapshot=snapshot).values_list("entity_id", "version_id"))


def property_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Properties whose values differ between two FtM dicts (schema changes are reported as ``schema``)."""
    changes: dict[str, dict[str, list[str]]] = {}
    if old.get("schema") != new.get("schema"):
        changes["schema"] = {"old": [str(old.get("schema"))], "new": [str(new.get("schema"))]}
    old_props: Mapping[str, list[str]] = old.get("properties", {})
    new_props: Mapping[str, list[str]] = new.get("properties", {})
    for prop in sorted(set(old_props) | set(new_props)):
        before, after = list(old_props.get(prop, [])), list(new_props.get(prop, []))
        if sorted(before) != sorted(after):
            changes[prop] = {"old": before, "new": after}
    return changes


def _version_contents(ids: Iterable[int]) -> dict[int, tuple[dict[str, Any], dict[str, Any]]]:
    contents: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}
    pending = list(set(ids))
    for start in range(0, len(pending), LOOKUP_CHUNK):
        chunk = pending[start : start + LOOKUP_CHUNK]
        for pk, data, name_langs in EntityVersion.objects.filter(pk__in=chunk).values_list(
            "pk", "data", "name_langs"
        ):
            contents[pk] = (data, name_langs or {})
    return contents


def diff_snapshots(old: Snapshot | None, new: Snapshot) -> DeltaContent:
    """What changed from ``old`` to ``new`` (``old`` None: everything in ``new`` is added)."""
    before, after = _members(old), _members(new)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = [
        entity_id for entity_id in sorted(set(after) & set(before)) if after[entity_id] != before[entity_id]
    ]
    contents = _version_contents([before[e] for e in changed] + [after[e] for e in changed])
    amended: dict[str, dict[str, dict[str, list[str]]]] = {}
    for entity_id in changed:
        old_data, old_langs = contents[before[entity_id]]
        new_data, new_langs = contents[after[entity_id]]
        changes = property_changes(old_data, new_data)
        if not changes and old_langs != new_langs:
            changes["nameLanguages"] = {
                "old": [f"{k}: {v}" for k, v in sorted(old_langs.items())],
                "new": [f"{k}: {v}" for k, v in sorted(new_langs.items())],
            }
        amended[entity_id] = changes or {"printed": {"old": [], "new": []}}
    return DeltaContent(added=added, removed=removed, amended=amended)


def unsaved_delta(old: Snapshot | None, new: Snapshot) -> Delta:
    """A :class:`Delta` of two snapshots, computed but not stored (for a pair the import did not store)."""
    content = diff_snapshots(old, new)
    return Delta(
        source_id=new.source_id,
        old=old,
        new=new,
        added=content.added,
        removed=content.removed,
        amended=content.amended,
        added_count=len(content.added),
        removed_count=len(content.removed),
        amended_count=len(content.amended),
        computed_at=timezone.now(),
    )
