"""Reading the sanctions store: current snapshots, deltas, search, entity pages, and the iteration the
screening index uses.

What other parts call:

* :func:`current_entities` - every entity of the latest snapshot of each source (FtM dicts), for building the
  screening index;
* :func:`latest_delta`, :func:`delta_between`, :func:`changed_entities` - what changed, for re-screening only
  that.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from hramada.sanctions.linking import query_word_keys
from hramada.sanctions.models import (
    Delta,
    DeltaParty,
    Designation,
    EntityVersion,
    Identifier,
    Name,
    ProfileChange,
    Relation,
    ScreenedName,
    ScreeningDecision,
    ScreeningProfile,
    Snapshot,
    SnapshotEntity,
    Source,
)
from hramada.screening import native

# ---------------------------------------------------------------------------------------------------------
# Snapshots


def latest_snapshot(source_key: str, *, before: Snapshot | None = None) -> Snapshot | None:
    """The newest accepted snapshot of a source (by publication date, then import time); or the newest before
    one. Held and rejected snapshots are never the latest (see :mod:`hramada.sanctions.plausibility`)."""
    snapshots = Snapshot.objects.filter(
        source__key=source_key, status=Snapshot.Status.ACCEPTED
    ).select_related("source")
    ordered = sorted(snapshots, key=snapshot_order_key, reverse=True)
    if before is None:
        return ordered[0] if ordered else None
    key = snapshot_order_key(before)
    older = [snap for snap in ordered if snapshot_order_key(snap) < key]
    return older[0] if older else None


def snapshot_order_key(snapshot: Snapshot) -> tuple[date, Any, int]:
    return (snapshot.published_at or date.min, snapshot.imported_at, snapshot.pk or 0)


def _order_key(snapshot: Snapshot) -> tuple[Any, ...]:
    return snapshot_order_key(snapshot)


def snapshots_of(source: Source) -> list[Snapshot]:
    """A source's snapshots, oldest publication first."""
    return sorted(source.snapshots.all(), key=_order_key)


def latest_snapshots() -> list[Snapshot]:
    """The latest accepted snapshot of each source (what is "current"; a held snapshot never is)."""
    latest: dict[int, Snapshot] = {}
    for snapshot in Snapshot.objects.filter(status=Snapshot.Status.ACCEPTED).select_related("source"):
        held = latest.get(snapshot.source_id)
        if held is None or _order_key(snapshot) > _order_key(held):
            latest[snapshot.source_id] = snapshot
    return sorted(latest.values(), key=lambda s: s.source.key)


def latest_snapshot_ids() -> list[int]:
    return [snapshot.pk for snapshot in latest_snapshots()]


def held_snapshots() -> list[Snapshot]:
    """Snapshots waiting for an analyst: imported, but held as suspicious and not current."""
    return list(
        Snapshot.objects.filter(status=Snapshot.Status.HELD).select_related("source").order_by("imported_at")
    )


def screening_engine() -> str:
    """How this process runs the screening engine: "compiled", "source" or "stale" (a build of other sources, not
    used; `hramada.screening.native`)."""
    return native.state()


def source_overview() -> list[tuple[Source, list[Snapshot]]]:
    """Every source with its snapshots (oldest first), for the sources page and `sanctions sources`."""
    by_source: dict[int, list[Snapshot]] = {}
    sources: dict[int, Source] = {}
    for snapshot in Snapshot.objects.select_related("source"):
        sources[snapshot.source_id] = snapshot.source
        by_source.setdefault(snapshot.source_id, []).append(snapshot)
    return [
        (sources[pk], sorted(by_source[pk], key=_order_key))
        for pk in sorted(sources, key=lambda pk: sources[pk].key)
    ]


def previous_snapshot(snapshot: Snapshot) -> Snapshot | None:
    return latest_snapshot(snapshot.source.key, before=snapshot)


# ---------------------------------------------------------------------------------------------------------
# Deltas


def delta_between(old: Snapshot | None, new: Snapshot) -> Delta:
    """The delta from ``old`` to ``new`` (two snapshots of one source): as stored at import, else compared now."""
    delta = Delta.objects.filter(old=old, new=new).select_related("old", "new", "source").first()
    if delta is not None:
        return delta
    # Imports store the delta into every snapshot; any other pair is compared on the fly, not stored.
    from hramada.sanctions.deltas import unsaved_delta

    return unsaved_delta(old, new)


def latest_delta(source: Source | str) -> Delta | None:
    """The delta that the latest snapshot of a source brought (against the snapshot before it)."""
    key = source if isinstance(source, str) else source.key
    new = latest_snapshot(key)
    if new is None:
        return None
    return delta_between(previous_snapshot(new), new)


def delta_into(snapshot: Snapshot) -> Delta:
    """What this snapshot changed against the previous snapshot of its source."""
    return delta_between(previous_snapshot(snapshot), snapshot)


@dataclass(frozen=True)
class ChangedEntities:
    """What re-screening needs after a snapshot: the parties to screen again and the ids that went away.

    ``upserted`` are FtM dicts (listed parties whose own record, or one of their Sanctions or documents,
    was added or amended); ``removed_ids`` are listed parties no longer on the list.
    """

    snapshot: Snapshot
    delta: Delta
    upserted: list[dict[str, Any]] = field(default_factory=list)
    removed_ids: list[str] = field(default_factory=list)


def changed_entities(snapshot: Snapshot) -> ChangedEntities:
    """The listed parties that changed with ``snapshot``; what the screening index update calls."""
    delta = delta_into(snapshot)
    touched = set(delta.added) | set(delta.amended)
    members = SnapshotEntity.objects.filter(snapshot=snapshot)
    subjects: set[str] = set()
    for chunk in _chunks(sorted(touched), 900):
        for entity_id, is_subject, data in members.filter(entity_id__in=chunk).values_list(
            "entity_id", "subject", "version__data"
        ):
            if is_subject:
                subjects.add(entity_id)
            else:
                props = data.get("properties", {})
                subjects.update(props.get("entity", []) + props.get("holder", []))
    upserted: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(subjects), 900):
        upserted.extend(
            _ftm(data, snapshot)
            for data in members.filter(entity_id__in=chunk, subject=True).values_list(
                "version__data", flat=True
            )
        )
    removed = set(delta.removed)
    if delta.old_id is not None and removed:
        old_subjects = set(
            SnapshotEntity.objects.filter(snapshot_id=delta.old_id, subject=True).values_list(
                "entity_id", flat=True
            )
        )
        removed &= old_subjects
    return ChangedEntities(snapshot=snapshot, delta=delta, upserted=upserted, removed_ids=sorted(removed))


@dataclass(frozen=True)
class Changes:
    """What changed between two snapshots of one source, by listed party: the delta stored at import, or (for a
    pair the import did not store) compared now and kept in memory."""

    delta: Delta
    parties: QuerySet[DeltaParty] | list[DeltaParty]
    stored: bool

    @property
    def old(self) -> Snapshot | None:
        return self.delta.old

    @property
    def new(self) -> Snapshot:
        return self.delta.new


# Comparisons computed on read, kept by this process for the next pages of the same pair (snapshots never change;
# the key holds the import times, so ids reused by an emptied database never meet an old entry). Two at most.
_COMPARED: dict[tuple[Any, ...], Changes] = {}
_COMPARED_LIMIT = 2


def changes_between(old: Snapshot | None, new: Snapshot) -> Changes:
    """The changes from ``old`` to ``new`` (two snapshots of one source) counted by listed party."""
    stored = Delta.objects.filter(old=old, new=new).select_related("old", "new", "source").first()
    if stored is not None and stored.has_parties:
        return changes_of(stored)
    key = (old.pk if old else None, old.imported_at if old else None, new.pk, new.imported_at)
    held = _COMPARED.get(key)
    if held is None:
        held = _COMPARED[key] = _compared_now(old, new)
        while len(_COMPARED) > _COMPARED_LIMIT:
            _COMPARED.pop(next(iter(_COMPARED)))
    return held


def _compared_now(old: Snapshot | None, new: Snapshot) -> Changes:
    from hramada.sanctions.deltas import compare, party_changes

    comparison = compare(old, new)
    content = comparison.content
    parties = party_changes(old, new, comparison)
    delta = Delta(
        source_id=new.source_id,
        old=old,
        new=new,
        added=content.added,
        removed=content.removed,
        amended=content.amended,
        added_count=len(content.added),
        removed_count=len(content.removed),
        amended_count=len(content.amended),
        parties_added=sum(p.change == DeltaParty.Change.ADDED for p in parties),
        parties_removed=sum(p.change == DeltaParty.Change.REMOVED for p in parties),
        parties_amended=sum(p.change == DeltaParty.Change.AMENDED for p in parties),
        computed_at=new.imported_at,
    )
    return Changes(delta=delta, parties=parties, stored=False)  # type: ignore[arg-type]  # read like DeltaParty


def changes_of(delta: Delta) -> Changes:
    """A stored delta by listed party (its party rows; compared again when stored before they existed)."""
    if not delta.has_parties:
        return changes_between(delta.old, delta.new)
    return Changes(delta=delta, parties=delta.parties.order_by("change", "caption", "pk"), stored=True)


def filter_parties(
    changes: Changes,
    *,
    change: str = "",
    programme: str = "",
    belarus_only: bool = False,
    schema: str = "",
) -> QuerySet[DeltaParty] | list[DeltaParty]:
    """The changed parties of one kind of change, programme, schema, or of the Belarus regime only."""
    parties = changes.parties
    if isinstance(parties, QuerySet):
        if change:
            parties = parties.filter(change=change)
        if programme:
            parties = parties.filter(programmes__contains=f"|{programme}|")
        if belarus_only:
            parties = parties.filter(belarus=True)
        if schema:
            parties = parties.filter(schema=schema)
        return parties
    return [
        party
        for party in parties
        if (not change or party.change == change)
        and (not programme or f"|{programme}|" in party.programmes)
        and (not belarus_only or party.belarus)
        and (not schema or party.schema == schema)
    ]


def programmes_in(changes: Changes) -> list[str]:
    """Every programme code that a changed party of this delta falls under, sorted."""
    parties = changes.parties
    if isinstance(parties, QuerySet):
        fields: Iterable[str] = parties.order_by().values_list("programmes", flat=True).distinct()
    else:
        fields = (party.programmes for party in parties)
    return sorted({code for text in fields for code in text.split("|") if code})


def schemata_in(changes: Changes) -> list[str]:
    parties = changes.parties
    if isinstance(parties, QuerySet):
        return sorted(parties.order_by().values_list("schema", flat=True).distinct())
    return sorted({party.schema for party in parties})


def delta_as_json(delta: Delta) -> dict[str, Any]:
    return {
        "source": delta.source.key,
        "old": delta.old_id,
        "new": delta.new_id,
        "added": delta.added_ids,
        "removed": delta.removed_ids,
        "amended": delta.amended,
        "counts": {
            "added": delta.added_count,
            "removed": delta.removed_count,
            "amended": delta.amended_count,
        },
        "listed_parties": {
            "added": delta.parties_added,
            "removed": delta.parties_removed,
            "amended": delta.parties_amended,
        },
    }


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def captions_for(snapshot: Snapshot | None, entity_ids: Iterable[str]) -> dict[str, str]:
    if snapshot is None:
        return {}
    captions: dict[str, str] = {}
    for chunk in _chunks(list(entity_ids), 900):
        captions.update(
            SnapshotEntity.objects.filter(snapshot=snapshot, entity_id__in=chunk).values_list(
                "entity_id", "version__caption"
            )
        )
    return captions


def programme_labels() -> dict[str, str]:
    """Labels of the programmes the importers know (code -> label), for programme filters."""
    from hramada.sanctions.records import programme_labels as known

    return known()


@dataclass(frozen=True)
class PropertyRow:
    label: str
    old: list[str]
    new: list[str]


@dataclass(frozen=True)
class PartRow:
    """One record of a changed party (its own, or a Sanction, document, link...) with its changed values."""

    entity_id: str
    label: str
    caption: str
    change: str
    change_label: str
    own: bool
    properties: list[PropertyRow]


@dataclass(frozen=True)
class PartyRow:
    party: DeltaParty
    kind: str
    change_label: str
    parts: list[PartRow]

    @property
    def programmes(self) -> list[str]:
        return self.party.programme_codes


def _ftm_labels() -> tuple[Any, Any]:
    """Labels of schemata and properties (ours, in all three languages: Асоба, Дата нараджэння)."""
    from hramada.core.schema_labels import property_label, schema_label

    return schema_label, lambda schema_name, prop: property_label(prop, schema_name)


def party_rows(parties: Iterable[DeltaParty]) -> Iterator[PartyRow]:
    """Changed parties with the labels people read (kinds and properties in the page's language)."""
    labels = _ftm_labels()
    for party in parties:
        yield _party_row(party, labels)


def _party_row(party: DeltaParty, labels: tuple[Any, Any]) -> PartyRow:
    changes = dict(DeltaParty.Change.choices)
    schema_label, property_label = labels
    parts = [
        PartRow(
            entity_id=part.get("entity_id", ""),
            label=schema_label(part.get("schema", "")),
            caption=part.get("caption", ""),
            change=part.get("change", ""),
            change_label=str(changes.get(part.get("change", ""), "")),
            own=part.get("entity_id") == party.entity_id,
            properties=[
                PropertyRow(property_label(part.get("schema", ""), prop), list(v["old"]), list(v["new"]))
                for prop, v in part.get("properties", {}).items()
                if v.get("old") or v.get("new")
            ],
        )
        for part in party.parts
    ]
    return PartyRow(
        party=party, kind=schema_label(party.schema), change_label=str(changes[party.change]), parts=parts
    )


CHANGES_CSV_HEADER = (
    "change",
    "party_id",
    "name",
    "kind",
    "programmes",
    "belarus_regime",
    "what_changed",
    "from_file",
    "from_published",
    "to_file",
    "to_published",
)


def changes_csv(changes: Changes, parties: Iterable[DeltaParty]) -> str:
    """The changed parties as CSV, one row a listed party (formula-safe cells, see :mod:`hramada.core.spreadsheet`)."""
    from hramada.core.spreadsheet import csv_text

    old, new = changes.old, changes.new

    def day(snapshot: Snapshot | None) -> str:
        if snapshot is None:
            return ""
        return (snapshot.published_at or snapshot.imported_at.date()).isoformat()

    def what(row: PartyRow) -> str:
        texts = []
        for part in row.parts:
            values = "; ".join(
                f"{p.label}: {' | '.join(p.old) or '-'} => {' | '.join(p.new) or '-'}"
                for p in part.properties
            )
            head = row.kind if part.own else f"{part.label} {part.caption}".strip()
            texts.append(f"{head} ({part.change_label.lower()}): {values}" if values else head)
        return "\n".join(texts)

    rows = (
        (
            row.party.change,
            row.party.entity_id,
            row.party.caption,
            row.party.schema,
            " ".join(row.programmes),
            "yes" if row.party.belarus else "no",
            what(row),
            old.file_name if old else "",
            day(old),
            new.file_name,
            day(new),
        )
        for row in party_rows(parties)
    )
    return csv_text(CHANGES_CSV_HEADER, rows)


def recent_deltas(limit: int = 5) -> list[Delta]:
    return list(
        Delta.objects.filter(old__isnull=False)
        .select_related("source", "old", "new")
        .order_by("-new__published_at", "-new__imported_at", "-pk")[:limit]
    )


def dashboard_panel_context(request: Any) -> dict[str, Any]:
    return {"deltas": recent_deltas()}


# ---------------------------------------------------------------------------------------------------------
# Current entities, export


def _ftm(data: Mapping[str, Any], snapshot: Snapshot) -> dict[str, Any]:
    entity = dict(data)
    entity["datasets"] = [snapshot.source.key]
    return entity


def current_entities(*, belarus_only: bool = False, subjects_only: bool = False) -> Iterator[dict[str, Any]]:
    """Every entity of the latest snapshot of each source, as FtM dicts with ``datasets`` = [source key].

    Streams (``iterator``), so building an index over all lists does not hold the rows twice.
    """
    for snapshot in latest_snapshots():
        members = SnapshotEntity.objects.filter(snapshot=snapshot)
        if belarus_only:
            members = members.filter(belarus=True)
        if subjects_only:
            members = members.filter(subject=True)
        for data in members.order_by("pk").values_list("version__data", flat=True).iterator(chunk_size=2000):
            yield _ftm(data, snapshot)


def snapshot_ftm(snapshot: Snapshot) -> Iterator[dict[str, Any]]:
    """A snapshot's entities exactly as stored (FtM dicts), in import order."""
    members = SnapshotEntity.objects.filter(snapshot=snapshot).order_by("pk")
    for data in members.values_list("version__data", flat=True).iterator(chunk_size=2000):
        yield dict(data)


# ---------------------------------------------------------------------------------------------------------
# Search and lists


def search_members(
    query: str = "",
    *,
    belarus_only: bool = False,
    source_key: str | None = None,
    schema: str | None = None,
) -> QuerySet[SnapshotEntity]:
    """Listed parties in the current snapshots whose names match ``query`` in any script (all if empty).

    Each word of the query must start a word of one of the entity's names after transliteration and folding,
    so Лукашэнка, Лукашенко and Lukashenka find the same records.
    """
    members = SnapshotEntity.objects.filter(snapshot_id__in=latest_snapshot_ids(), subject=True)
    if belarus_only:
        members = members.filter(belarus=True)
    if source_key:
        members = members.filter(
            Q(snapshot__source__key=source_key) | Q(snapshot__source__importer=source_key)
        )
    if schema:
        members = members.filter(schema=schema)
    words = query_word_keys(query)
    if words:
        conditions = [reduce(or_, (Q(search_key__contains=f" {key}") for key in keys)) for keys in words]
        version_ids = Name.objects.filter(*conditions).values("version_id")
        members = members.filter(version_id__in=version_ids)
    return members.select_related("version", "snapshot__source").order_by("version__caption", "pk")


# ---------------------------------------------------------------------------------------------------------
# Entity page


@dataclass(frozen=True)
class NameGroup:
    script: str
    lang: str
    names: list[Name]


@dataclass(frozen=True)
class HistoryRow:
    snapshot: Snapshot
    version_id: int
    changed: bool


@dataclass(frozen=True)
class RelatedParty:
    """Another entity of the same snapshot that this one is linked to (owns, directs, "Linked To", ...)."""

    label: str
    outgoing: bool  # this entity is the relation's source (owner, director, subject)
    entity_id: str
    caption: str
    schema: str


@dataclass
class EntityRecord:
    """One source's record of a party, as published, with everything that hangs off it in that snapshot."""

    member: SnapshotEntity
    names: list[Name]
    identifiers: list[Identifier]
    designations: list[Designation]
    relations: list[RelatedParty] = field(default_factory=list)

    @property
    def version(self) -> EntityVersion:
        return self.member.version

    @property
    def snapshot(self) -> Snapshot:
        return self.member.snapshot

    @property
    def name_groups(self) -> list[NameGroup]:
        groups: dict[tuple[str, str], list[Name]] = {}
        for name in self.names:
            groups.setdefault((name.script, name.lang), []).append(name)
        return [NameGroup(script, lang, names) for (script, lang), names in sorted(groups.items())]

    @property
    def facts(self) -> list[tuple[str, list[str]]]:
        """Properties other than names and identifiers, as printed where the source printed them."""
        from hramada.sanctions.records import IDENTIFIER_PROPERTIES

        skip = {"name", "alias", "weakAlias", "previousName", *IDENTIFIER_PROPERTIES}
        props = self.version.properties
        rows = [(prop, values) for prop, values in sorted(props.items()) if prop not in skip]
        printed = self.version.printed or {}
        return [
            (prop, values + [_("(printed: %(value)s)") % {"value": p} for p in printed.get(prop, [])])
            for prop, values in rows
        ]

    @property
    def shown_facts(self) -> list[tuple[str, list[str]]]:
        """The facts as the page shows them: a country by the reader's name for it and its code ("Беларусь (by)")."""
        from followthemoney import model
        from followthemoney.types import registry

        from hramada.core.countries import country_name

        schema = model.get(self.member.schema)
        shown = []
        for prop, values in self.facts:
            found = schema.get(prop) if schema is not None else None
            if found is not None and found.type == registry.country:
                values = [_country_with_code(value, country_name(value)) for value in values]
            shown.append((prop, values))
        return shown


def _country_with_code(code: str, name: str) -> str:
    return code if name == code else f"{name} ({code})"


def entity_record(member: SnapshotEntity) -> EntityRecord:
    """The record of ``member`` in its snapshot: names, identifiers (own and from documents), designations."""
    snapshot_members = SnapshotEntity.objects.filter(snapshot_id=member.snapshot_id)
    version_ids = snapshot_members.values("version_id")
    names = list(Name.objects.filter(version_id=member.version_id))
    identifiers = list(
        Identifier.objects.filter(entity_id=member.entity_id, version_id__in=version_ids).order_by(
            "scheme", "pk"
        )
    )
    designations = list(
        Designation.objects.filter(subject_id=member.entity_id, version_id__in=version_ids).order_by("pk")
    )
    relations = _relations(member, version_ids)
    return EntityRecord(
        member=member, names=names, identifiers=identifiers, designations=designations, relations=relations
    )


def _relations(member: SnapshotEntity, version_ids: QuerySet[SnapshotEntity, Any]) -> list[RelatedParty]:
    rows = list(
        Relation.objects.filter(
            Q(source_id=member.entity_id) | Q(target_id=member.entity_id), version_id__in=version_ids
        ).values_list("source_id", "target_id", "label")[:200]
    )
    if not rows:
        return []
    others = {target if source == member.entity_id else source for source, target, _ in rows}
    found = dict(
        (entity_id, (caption, schema))
        for entity_id, caption, schema in SnapshotEntity.objects.filter(
            snapshot_id=member.snapshot_id, entity_id__in=others
        ).values_list("entity_id", "version__caption", "schema")
    )
    related = []
    for source, target, label in rows:
        outgoing = source == member.entity_id
        other = target if outgoing else source
        caption, schema = found.get(other, (other, ""))
        related.append(RelatedParty(label, outgoing, other, caption, schema))
    return sorted(related, key=lambda r: (r.label, r.caption))


def current_member(source_key: str, entity_id: str) -> SnapshotEntity | None:
    """The entity in the latest accepted snapshot of its source that holds it; else its last appearance."""
    members = SnapshotEntity.objects.filter(
        snapshot__source__key=source_key, entity_id=entity_id, snapshot__status=Snapshot.Status.ACCEPTED
    ).select_related("version", "snapshot__source")
    found = sorted(members, key=lambda m: _order_key(m.snapshot))
    return found[-1] if found else None


def entity_history(source_key: str, entity_id: str) -> list[HistoryRow]:
    """Every accepted snapshot of the source, oldest first, with whether the entity's content changed in it."""
    memberships = dict(
        SnapshotEntity.objects.filter(snapshot__source__key=source_key, entity_id=entity_id).values_list(
            "snapshot_id", "version_id"
        )
    )
    rows: list[HistoryRow] = []
    previous: int | None = None
    snapshots = sorted(
        Snapshot.objects.filter(source__key=source_key, status=Snapshot.Status.ACCEPTED).select_related(
            "source"
        ),
        key=_order_key,
    )
    for snapshot in snapshots:
        version = memberships.get(snapshot.pk)
        if version is None and previous is None:
            continue
        rows.append(HistoryRow(snapshot=snapshot, version_id=version or 0, changed=version != previous))
        previous = version
    return rows


# ---------------------------------------------------------------------------------------------------------
# Remembered decisions, profiles, the screening record


def decisions(text: str = "", *, standing_only: bool = False) -> QuerySet[ScreeningDecision]:
    """Analysts' decisions, newest first; ``text`` finds a counterparty reference, listed entity id, listed
    caption or reason containing it."""
    found = ScreeningDecision.objects.select_related("decided_by", "reversed_by")
    if standing_only:
        found = found.filter(reversed_at__isnull=True)
    text = text.strip()
    if text:
        found = found.filter(
            Q(party_ref__icontains=text)
            | Q(entity_id__icontains=text)
            | Q(caption__icontains=text)
            | Q(reason__icontains=text)
        )
    return found.order_by("-decided_at", "-pk")


def screening_profiles() -> list[ScreeningProfile]:
    return list(ScreeningProfile.objects.select_related("updated_by").order_by("key"))


def pending_profile_changes() -> QuerySet[ProfileChange]:
    return ProfileChange.objects.filter(status=ProfileChange.Status.PENDING).select_related(
        "profile", "proposed_by"
    )


def screenings_of_name_hash(name_hash: str, *, limit: int = 200) -> list[Any]:
    """The audit entries that recorded a screening of the name with this keyed hash, newest first."""
    entry_ids = ScreenedName.objects.filter(name_hash=name_hash).values("entry_id")
    from hramada.core.models import AuditEntry

    return list(
        AuditEntry.objects.filter(pk__in=entry_ids).select_related("actor").order_by("-at", "-pk")[:limit]
    )
