"""What changed between two snapshots of one list: added, removed and amended entities, property by property.

Reading only: the import service stores the delta of each new snapshot (``services.deltas``); pages and the
command line read it back, and compare any two snapshots through :func:`diff_snapshots` without storing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.utils import timezone

from hramada.sanctions.models import (
    Delta,
    DeltaParty,
    Designation,
    EntityVersion,
    Identifier,
    Relation,
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


class Member(NamedTuple):
    version_id: int
    schema: str
    subject: bool
    belarus: bool


Members = dict[str, Member]


def members_of(snapshot: Snapshot | None) -> Members:
    """Every entity of a snapshot with its version, schema, and whether it is a listed party (of the Belarus
    regime)."""
    if snapshot is None:
        return {}
    rows = SnapshotEntity.objects.filter(snapshot=snapshot).values_list(
        "entity_id", "version_id", "schema", "subject", "belarus"
    )
    return {row[0]: Member(*row[1:]) for row in rows.iterator(chunk_size=5000)}


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


@dataclass(frozen=True)
class Comparison:
    """Two snapshots compared: the entity-level content, the members of both, and the entity versions read."""

    content: DeltaContent
    before: Members
    after: Members
    contents: dict[int, tuple[dict[str, Any], dict[str, Any]]]


def compare(
    old: Snapshot | None,
    new: Snapshot,
    *,
    before: Members | None = None,
    after: Members | None = None,
) -> Comparison:
    """``old`` and ``new`` compared entity by entity; ``before``/``after`` are their members when the caller
    already holds them (an import has the new snapshot's in memory)."""
    before = members_of(old) if before is None else before
    after = members_of(new) if after is None else after
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = [
        entity_id
        for entity_id in sorted(set(after) & set(before))
        if after[entity_id].version_id != before[entity_id].version_id
    ]
    contents = _version_contents(
        [before[e].version_id for e in changed] + [after[e].version_id for e in changed]
    )
    amended: dict[str, dict[str, dict[str, list[str]]]] = {}
    for entity_id in changed:
        old_data, old_langs = contents[before[entity_id].version_id]
        new_data, new_langs = contents[after[entity_id].version_id]
        changes = property_changes(old_data, new_data)
        if not changes and old_langs != new_langs:
            changes["nameLanguages"] = {
                "old": [f"{k}: {v}" for k, v in sorted(old_langs.items())],
                "new": [f"{k}: {v}" for k, v in sorted(new_langs.items())],
            }
        amended[entity_id] = changes or {"printed": {"old": [], "new": []}}
    content = DeltaContent(added=added, removed=removed, amended=amended)
    return Comparison(content=content, before=before, after=after, contents=contents)


def diff_snapshots(old: Snapshot | None, new: Snapshot) -> DeltaContent:
    """What changed from ``old`` to ``new`` (``old`` None: everything in ``new`` is added)."""
    return compare(old, new).content


# ---------------------------------------------------------------------------------------------------------
# The same changes by listed party


@dataclass
class PartyChange:
    """A listed party that was added, removed or amended, with the parts of its record that changed.

    Reads like a :class:`DeltaParty` (same attributes), so a comparison that is not stored pages, filters and
    exports the same way without building a model instance per party."""

    entity_id: str
    change: str
    schema: str
    caption: str
    belarus: bool
    version_id: int
    programmes: str = ""
    parts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def programme_codes(self) -> list[str]:
        return [code for code in self.programmes.split("|") if code]

    def as_model(self, delta: Delta | None = None) -> DeltaParty:
        return DeltaParty(
            delta=delta,
            entity_id=self.entity_id[:255],
            change=self.change,
            schema=self.schema[:64],
            caption=self.caption[:500],
            programmes=self.programmes,
            belarus=self.belarus,
            parts=self.parts,
        )


# Records that name the party they belong to; a change to one that names no party of either snapshot has no
# party to attach to (records a party points to instead, such as addresses, are looked up the other way).
NAMES_ITS_PARTY = frozenset({"Sanction", "Passport", "Identification"})

CHANGE_ORDER = {DeltaParty.Change.ADDED: 0, DeltaParty.Change.REMOVED: 1, DeltaParty.Change.AMENDED: 2}


def programme_field(codes: Iterable[str]) -> str:
    """Programme codes as stored on :class:`DeltaParty` ("|A|B|"), so one code is found with ``contains``."""
    unique = sorted({code.replace("|", "/") for code in codes if code})
    text = "|" + "|".join(unique) + "|" if unique else ""
    return text if len(text) <= 2000 else text[: text.rindex("|", 0, 2000) + 1]


def _strings(data: Mapping[str, Any]) -> Iterator[str]:
    for values in data.get("properties", {}).values():
        for value in values:
            if isinstance(value, str):
                yield value


def _linked(data: Mapping[str, Any], parties: set[str], own_id: str) -> set[str]:
    return {value for value in _strings(data) if value in parties and value != own_id}


def _programmes(snapshot_id: int | None, party_ids: Iterable[str]) -> dict[str, set[str]]:
    """Programme codes of the Sanctions that name each party in one snapshot (from the query table)."""
    found: dict[str, set[str]] = {}
    if snapshot_id is None:
        return found
    sanctions = SnapshotEntity.objects.filter(snapshot_id=snapshot_id, schema="Sanction").values("version_id")
    pending = sorted(set(party_ids))
    for start in range(0, len(pending), LOOKUP_CHUNK):
        chunk = pending[start : start + LOOKUP_CHUNK]
        rows = Designation.objects.filter(subject_id__in=chunk, version_id__in=sanctions).values_list(
            "subject_id", "programme"
        )
        for subject_id, programme in rows:
            if programme:
                found.setdefault(subject_id, set()).add(programme)
    return found


def _part(entity_id: str, schema: str, change: str, properties: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "schema": schema,
        "caption": "",
        "change": change,
        "properties": {prop: dict(values) for prop, values in properties.items()},
    }


def _as_values(data: Mapping[str, Any], *, new: bool, skip: set[str]) -> dict[str, dict[str, list[str]]]:
    """A whole record as property changes (all old for a removed record, all new for an added one)."""
    rows: dict[str, dict[str, list[str]]] = {}
    for prop, values in sorted(data.get("properties", {}).items()):
        kept = [str(value) for value in values if value not in skip]
        if kept:
            rows[prop] = {"old": [] if new else kept, "new": kept if new else []}
    return rows


def _owners_in_tables(version_ids: Iterable[int]) -> dict[int, set[str]]:
    """The parties that records name, read from the query tables instead of their content: a Sanction's
    subject (designations), a document's holder (identifiers), both ends of a link (relations)."""
    owners: dict[int, set[str]] = {}
    pending = sorted(set(version_ids))
    for start in range(0, len(pending), LOOKUP_CHUNK):
        chunk = pending[start : start + LOOKUP_CHUNK]
        for version_id, subject_id in Designation.objects.filter(version_id__in=chunk).values_list(
            "version_id", "subject_id"
        ):
            owners.setdefault(version_id, set()).add(subject_id)
        for version_id, holder_id in Identifier.objects.filter(version_id__in=chunk).values_list(
            "version_id", "entity_id"
        ):
            owners.setdefault(version_id, set()).add(holder_id)
        for version_id, source_id, target_id in Relation.objects.filter(version_id__in=chunk).values_list(
            "version_id", "source_id", "target_id"
        ):
            owners.setdefault(version_id, set()).update((source_id, target_id))
    return owners


def _captions(version_ids: Iterable[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    pending = sorted(set(version_ids))
    for start in range(0, len(pending), LOOKUP_CHUNK):
        chunk = pending[start : start + LOOKUP_CHUNK]
        found.update(EntityVersion.objects.filter(pk__in=chunk).values_list("pk", "caption"))
    return found


Hanging = tuple[str, str, Member | None, Member | None]


def party_changes(
    old: Snapshot | None, new: Snapshot, comparison: Comparison | None = None
) -> list[PartyChange]:
    """The changes from ``old`` to ``new`` counted by listed party.

    A listed party (person, organisation, vessel...) is added or removed with its whole record; it is amended
    when its own entity changed or when a record hanging off it did: a Sanction (programme, reason), a
    passport or other document, a link to another party, an address. Those records are not counted on their
    own; each appears as a part of the party it belongs to.
    """
    found = comparison or compare(old, new)
    content, before, after = found.content, found.before, found.after
    parties_before = {e for e, m in before.items() if m.subject}
    parties_after = {e for e, m in after.items() if m.subject}
    every_party = parties_before | parties_after
    kept = parties_before & parties_after

    changes: dict[str, PartyChange] = {}
    for entity_id in content.added:
        member = after[entity_id]
        if member.subject:
            changes[entity_id] = PartyChange(
                entity_id, DeltaParty.Change.ADDED, member.schema, "", member.belarus, member.version_id
            )
    for entity_id in content.removed:
        member = before[entity_id]
        if member.subject:
            changes[entity_id] = PartyChange(
                entity_id, DeltaParty.Change.REMOVED, member.schema, "", member.belarus, member.version_id
            )

    def amended(party_id: str) -> PartyChange:
        held = changes.get(party_id)
        if held is None:
            member = after[party_id]
            held = PartyChange(
                party_id, DeltaParty.Change.AMENDED, member.schema, "", member.belarus, member.version_id
            )
            changes[party_id] = held
        return held

    for entity_id, properties in content.amended.items():
        if after[entity_id].subject and before[entity_id].subject:
            part = _part(entity_id, after[entity_id].schema, DeltaParty.Change.AMENDED, properties)
            amended(entity_id).parts.insert(0, part)

    # Records hanging off a party: which parties each changed one names, from the query tables first (no
    # content to decode); the content only of those that belong to a party that stayed, or that the tables do
    # not link (addresses, and any other record a party points to).
    hanging: list[Hanging] = [
        (e, DeltaParty.Change.ADDED, None, after[e]) for e in content.added if not after[e].subject
    ]
    hanging += [
        (e, DeltaParty.Change.REMOVED, before[e], None) for e in content.removed if not before[e].subject
    ]
    hanging += [
        (e, DeltaParty.Change.AMENDED, before[e], after[e])
        for e in content.amended
        if not (after[e].subject and before[e].subject)
    ]
    table_owners = _owners_in_tables(m.version_id for _, _, b, a in hanging for m in (b, a) if m is not None)

    def owners_by_table(item: Hanging) -> set[str]:
        entity_id, _, was, now = item
        named: set[str] = set()
        for member in (was, now):
            if member is not None:
                named |= table_owners.get(member.version_id, set())
        return (named & every_party) - {entity_id}

    attach: list[tuple[Hanging, set[str] | None]] = []
    for item in hanging:
        owners = owners_by_table(item)
        if owners and not owners & kept:
            continue  # it came or went with its party
        attach.append((item, owners or None))
    contents = dict(found.contents)
    contents.update(
        _version_contents(
            m.version_id
            for (_, _, b, a), _ in attach
            for m in (b, a)
            if m is not None and m.version_id not in contents
        )
    )
    orphans: list[Hanging] = []
    for item, from_tables in attach:
        entity_id, _, was, now = item
        old_data = contents[was.version_id][0] if was else {}
        new_data = contents[now.version_id][0] if now else {}
        owners = (
            from_tables
            if from_tables is not None
            else _linked(old_data, every_party, entity_id) | _linked(new_data, every_party, entity_id)
        )
        if not owners:
            if (now or was) is not None and (now or was).schema not in NAMES_ITS_PARTY:  # type: ignore[union-attr]
                orphans.append(item)
            continue
        _attach(amended, kept, owners, item, old_data, new_data, content)
    if orphans:
        # An address (or another record a party points to, rather than one pointing at its party): find the
        # parties whose own content names it, in either snapshot.
        named_by = _parties_naming({e for e, *_ in orphans}, before, after, contents)
        for item in orphans:
            _, _, was, now = item
            old_data = contents[was.version_id][0] if was else {}
            new_data = contents[now.version_id][0] if now else {}
            _attach(amended, kept, named_by.get(item[0], set()), item, old_data, new_data, content)

    programmes_after = _programmes(new.pk, [p.entity_id for p in changes.values() if p.change != "removed"])
    programmes_before = _programmes(
        old.pk if old else None, [p.entity_id for p in changes.values() if p.change == "removed"]
    )
    part_versions = {e: (m.version_id) for members in (before, after) for e, m in members.items()}
    captions = _captions(
        [p.version_id for p in changes.values()]
        + [part_versions[part["entity_id"]] for p in changes.values() for part in p.parts]
    )
    for party in changes.values():
        source = programmes_before if party.change == DeltaParty.Change.REMOVED else programmes_after
        party.programmes = programme_field(source.get(party.entity_id, set()))
        party.caption = captions.get(party.version_id, "")
        for part in party.parts:
            part["caption"] = captions.get(part_versions[part["entity_id"]], "")
    return sorted(
        changes.values(), key=lambda p: (CHANGE_ORDER[DeltaParty.Change(p.change)], p.caption, p.entity_id)
    )


def _attach(
    amended: Any,
    kept: set[str],
    owners: set[str],
    item: Hanging,
    old_data: Mapping[str, Any],
    new_data: Mapping[str, Any],
    content: DeltaContent,
) -> None:
    entity_id, change, was, now = item
    member = now or was
    if member is None:
        return
    if change == DeltaParty.Change.AMENDED:
        properties: Mapping[str, Any] = content.amended[entity_id]
    else:
        properties = _as_values(new_data or old_data, new=change == DeltaParty.Change.ADDED, skip=owners)
    for owner in sorted(owners):
        if owner in kept:  # a party added or removed brought or took its records with it
            amended(owner).parts.append(_part(entity_id, member.schema, change, properties))


def _parties_naming(
    ids: set[str],
    before: Members,
    after: Members,
    contents: dict[int, tuple[dict[str, Any], dict[str, Any]]],
) -> dict[str, set[str]]:
    versions = {m.version_id: e for members in (before, after) for e, m in members.items() if m.subject}
    missing = [v for v in versions if v not in contents]
    contents.update(_version_contents(missing))
    named: dict[str, set[str]] = {}
    for version_id, party_id in versions.items():
        for value in _strings(contents[version_id][0]):
            if value in ids:
                named.setdefault(value, set()).add(party_id)
    return named


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
