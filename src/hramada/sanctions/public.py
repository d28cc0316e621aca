"""The sanctions app's door: everything another part of the platform may ask of the sanctions lists.

Every consumer (the fund, the registry, evidence, evasion analysis, the yente-dialect API, the screening pages, bulk
jobs) goes through this module and imports no other module of the sanctions app (import-linter enforces it):

* :func:`screen` / :func:`screen_many` screen parties for a *purpose* (a screening profile: ``onboarding``,
  ``payments``, ``investigation``, ``registry``, ``shipments``) on behalf of an actor, from a named *source*
  (the page, key or job asking). Each result explains itself and carries the decision an analyst already took on
  the same (counterparty, listed entity) pair, if any. Every call writes one audit entry, with a keyed hash of
  each screened name instead of the name.
* :func:`listed_entity`, :func:`related_entities`, :func:`is_belarus_programme` read the listed records.
* :func:`screen_listed_changes` screens a list change's listed entities against an index of counterparties
  (:func:`counterparty_index`, :func:`index_party`): the inverted re-screen of the monitoring app.
* :data:`list_changed` is sent after a new snapshot of a list is committed, with the delta
  (:class:`ListChange`); :data:`decision_reversed` after a second analyst withdrew a decision
  (:class:`DecisionReversal`), so the owning app screens that counterparty again.

    from hramada.sanctions import public

    screening = public.screen(
        public.Party(name="Alexander Lukashenko", schema="Person", ref="fund.application:12:applicant"),
        purpose="onboarding", by=request.user, source="fund.application",
    )
    for hit in screening.open_hits:   # hits a standing false-positive decision does not silence
        ...
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from hramada.core import audit
from hramada.core.crypto import blind_index
from hramada.core.roles import Role
from hramada.sanctions import live_index, selectors
from hramada.sanctions.models import ScreenedName, ScreeningDecision, SnapshotEntity
from hramada.sanctions.profiles import PURPOSES, Profile, UnknownPurposeError, profile
from hramada.sanctions.services import local as local_list
from hramada.sanctions.services.decisions import DecisionRefusedError
from hramada.sanctions.services.imports import SnapshotImportError
from hramada.sanctions.services.local import LOCAL_LIST_KEY, LocalPublication
from hramada.sanctions.signals import DecisionReversal, ListChange, decision_reversed, list_changed
from hramada.screening import ListedEntity, Query, QueryError, ScreeningIndex, ScreeningResult, Thresholds
from hramada.screening import screen as engine_screen
from hramada.screening.entities import QUERY_IDENTIFIER_KINDS
from hramada.screening.reverse import CounterpartyIndex
from hramada.screening.vocabulary import IDENTIFIER_KINDS

if TYPE_CHECKING:
    from hramada.core.models import User

__all__ = [
    "LOCAL_LIST_KEY",
    "PURPOSES",
    "SCREENING_ROLES",
    "ChangeHit",
    "ChangePage",
    "CounterpartyIndex",
    "CurrentList",
    "DecisionRefusedError",
    "DecisionReversal",
    "EntityChange",
    "Hit",
    "ListChange",
    "ListedRecord",
    "LocalListError",
    "LocalPublication",
    "Party",
    "PartyError",
    "Profile",
    "RelatedEntity",
    "RememberedDecision",
    "Screening",
    "UnknownPurposeError",
    "belarus_entity_ids",
    "counterparty_index",
    "current_ftm_entities",
    "current_identity",
    "current_lists",
    "current_lists_version",
    "decision_reversed",
    "entity_changes",
    "index_party",
    "index_ready",
    "index_status",
    "is_belarus_programme",
    "list_changed",
    "listed_entities",
    "listed_entity",
    "listed_identity",
    "listed_summaries",
    "profile",
    "publish_local_designations",
    "read_eu_journal_file",
    "record_bulk_screening",
    "refresh_index",
    "related_entities",
    "remember_decision",
    "screen",
    "screen_listed_changes",
    "screen_many",
    "screened_name_hash",
    "start_warm_up",
    "warm_up",
]

logger = logging.getLogger(__name__)

SCREENING_ROLES: tuple[Role, ...] = (
    Role.SANCTIONS_ANALYST,
    Role.FUND_MANAGER,
    Role.FINANCE_OFFICER,
    Role.REVIEWER,
    Role.DOCUMENTER,
    Role.DONOR_COORDINATOR,
    Role.AUDITOR,
    Role.ADMINISTRATOR,
)
"""Who may screen (pages and API alike). Screening reads the public lists; every call is audited."""

ALL_DATASETS = frozenset({"default", "sanctions", "all"})
MAX_CANDIDATES = 500
NAME_HASH_SCOPE = "sanctions.screened_name"


class PartyError(QueryError):
    """A party that cannot be screened (no name nor identifier, an impossible birth date, an unknown country or
    schema); ``field`` names the input at fault. Nothing was screened or recorded."""


@dataclass(frozen=True)
class Party:
    """Who or what to screen.

    ``ref`` is the counterparty's stable reference in its owning app (``fund.application:12:applicant``,
    ``registry.recipient:45``): decisions are remembered against it, so it must never contain the name.
    An empty ``ref`` (a one-off search) has no remembered decisions. ``identifiers`` maps an identifier kind
    (``passport``, ``registration``, ``tax``, ``imo``, ``crypto``... or the FtM property, ``passportNumber``) to
    its values (``any``: values as typed, ``passport:MP123`` or bare); ``key`` is the caller's own label of the party within a batch (the API's query key).
    """

    name: str = ""
    schema: str = "LegalEntity"
    ref: str = ""
    aliases: tuple[str, ...] = ()
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    identifiers: Mapping[str, Sequence[str]] = field(default_factory=dict)
    key: str | None = None

    def identifier_strings(self) -> tuple[str, ...]:
        """The identifiers as the engine takes them: ``kind:value``."""
        out: list[str] = []
        for kind, values in self.identifiers.items():
            engine_kind = IDENTIFIER_KINDS.get(kind, kind)
            if engine_kind not in QUERY_IDENTIFIER_KINDS:
                raise PartyError("identifiers", f"{kind!r} is not a known identifier kind")
            if engine_kind == "any":  # as a person typed it: "passport:MP123" or a bare value, kind guessed
                out.extend(str(value) for value in values if str(value).strip())
            else:
                out.extend(f"{engine_kind}:{value}" for value in values if str(value).strip())
        return tuple(out)

    def query(self) -> Query:
        try:
            return Query(
                name=self.name,
                schema=self.schema or "LegalEntity",
                aliases=tuple(self.aliases),
                birth_date=self.birth_date or None,
                countries=tuple(self.countries),
                identifiers=self.identifier_strings(),
                id=self.key,
            )
        except PartyError:
            raise
        except QueryError as exc:
            raise PartyError(exc.field, str(exc).removeprefix(f"{exc.field}: ")) from exc


@dataclass(frozen=True)
class RememberedDecision:
    """An analyst's standing decision on (counterparty, listed entity).

    ``listed_changed`` is true when the listed entity's identifying data (names, birth dates, identifiers) is no
    longer what the decision was made against: the decision is shown, but silences nothing.
    """

    id: int
    verdict: str
    reason: str
    decided_by: str
    decided_at: datetime
    identity: str
    listed_changed: bool

    @property
    def false_positive(self) -> bool:
        return self.verdict == ScreeningDecision.Verdict.FALSE_POSITIVE

    @property
    def confirmed(self) -> bool:
        return self.verdict == ScreeningDecision.Verdict.CONFIRMED

    @property
    def silences(self) -> bool:
        """A false positive on the listed record as it still reads: no hold, no alert for this pair."""
        return self.false_positive and not self.listed_changed


@dataclass(frozen=True)
class Hit:
    """One listed entity that may be the party, with why, where it is listed, and any remembered decision."""

    entity_id: str
    caption: str
    schema: str
    score: float
    match: bool
    explanation: str
    datasets: tuple[str, ...]
    programmes: tuple[str, ...]
    belarus: bool
    identity: str
    """Fingerprint of the listed entity's identifying data now; a decision records the one it was made on."""
    decision: RememberedDecision | None
    result: ScreeningResult
    """The engine's full result (features, reasons, name evidence) for callers that show every detail."""

    @property
    def silenced(self) -> bool:
        return self.decision is not None and self.decision.silences


@dataclass(frozen=True)
class Screening:
    """The outcome of screening one party: its hits, best first."""

    party: Party
    purpose: str
    hits: tuple[Hit, ...]

    @property
    def open_hits(self) -> tuple[Hit, ...]:
        """Hits that still need an analyst: all but those a standing, current false positive silences."""
        return tuple(hit for hit in self.hits if not hit.silenced)

    @property
    def matches(self) -> tuple[Hit, ...]:
        return tuple(hit for hit in self.hits if hit.match)


# ---------------------------------------------------------------------------------------------------------
# Screening


def screen(
    party: Party,
    *,
    purpose: str,
    by: User | None,
    source: str,
    dataset: str = "default",
    limit: int | None = None,
    thresholds: Thresholds | None = None,
    exclude_entity_ids: Collection[str] = (),
) -> Screening:
    """Screen one party; see :func:`screen_many`."""
    return screen_many(
        [party],
        purpose=purpose,
        by=by,
        source=source,
        dataset=dataset,
        limit=limit,
        thresholds=thresholds,
        exclude_entity_ids=exclude_entity_ids,
    )[0]


def screen_many(
    parties: Iterable[Party],
    *,
    purpose: str,
    by: User | None,
    source: str,
    dataset: str = "default",
    limit: int | None = None,
    thresholds: Thresholds | None = None,
    exclude_entity_ids: Collection[str] = (),
) -> list[Screening]:
    """Screen parties against every current list with the profile of ``purpose``; one audit entry in all.

    ``source`` says who asks (``fund.application``, ``page.screen``, ``api.key:7``, ``bulk:job-id``).
    ``thresholds`` and ``limit`` override the profile only where a protocol lets the caller choose (yente's
    ``threshold``/``cutoff``/``limit``); the override is written to the audit entry. ``dataset`` narrows to one
    list (``eu_journal``), ``belarus`` (Belarus-regime designations in any list) or ``default`` (all).
    ``exclude_entity_ids`` drops listed entities the caller already decided on (yente's parameter).
    Raises :class:`PartyError` for a party that cannot be screened and :class:`UnknownPurposeError`, before
    anything is screened or recorded.
    """
    chosen = profile(purpose)
    rules = thresholds or chosen.thresholds
    wanted = limit or chosen.limit
    parties = list(parties)
    queries = [party.query() for party in parties]
    excluded = frozenset(exclude_entity_ids)
    index = live_index.screening_index()
    wide = wanted + len(excluded)
    if dataset not in ALL_DATASETS:
        wide = min(MAX_CANDIDATES, wide * 5)
    found = [
        [r for r in engine_screen(query, index, thresholds=rules, limit=wide) if r.entity_id not in excluded]
        for query in queries
    ]
    belarus = _belarus_ids({r.entity_id for results in found for r in results})
    found = [[r for r in results if _in_dataset(r, dataset, belarus)][:wanted] for results in found]
    decisions = _standing_decisions(
        {party.ref for party in parties if party.ref}, {r.entity_id for results in found for r in results}
    )
    screenings = []
    for party, results in zip(parties, found, strict=True):
        hits = []
        for result in results:
            identity = listed_identity(index, result.entity_id)
            decision = decisions.get((party.ref, result.entity_id)) if party.ref else None
            hits.append(_hit(result, identity, decision, result.entity_id in belarus, index))
        screenings.append(Screening(party=party, purpose=purpose, hits=tuple(hits)))
    _record(screenings, purpose=purpose, by=by, source=source, dataset=dataset, profile=chosen, rules=rules)
    return screenings


def _hit(
    result: ScreeningResult,
    identity: str,
    decision: ScreeningDecision | None,
    belarus: bool,
    index: ScreeningIndex,
) -> Hit:
    programmes = tuple(
        dict.fromkeys(
            p for sanction in index.sanctions_of(result.entity_id) for p in sanction.get("program", [])
        )
    )
    return Hit(
        entity_id=result.entity_id,
        caption=result.caption,
        schema=result.schema,
        score=round(result.score, 4),
        match=result.match,
        explanation=result.explanation,
        datasets=tuple(result.datasets),
        programmes=programmes,
        belarus=belarus,
        identity=identity,
        decision=_remembered(decision, identity) if decision is not None else None,
        result=result,
    )


def _remembered(decision: ScreeningDecision, identity: str) -> RememberedDecision:
    return RememberedDecision(
        id=decision.pk,
        verdict=decision.verdict,
        reason=decision.reason,
        decided_by=decision.decided_by.get_username() if decision.decided_by else "",
        decided_at=decision.decided_at,
        identity=decision.identity,
        listed_changed=decision.identity != identity,
    )


def _standing_decisions(refs: set[str], entity_ids: set[str]) -> dict[tuple[str, str], ScreeningDecision]:
    if not refs or not entity_ids:
        return {}
    standing = ScreeningDecision.objects.filter(
        party_ref__in=sorted(refs), entity_id__in=sorted(entity_ids), reversed_at__isnull=True
    ).select_related("decided_by")
    return {(d.party_ref, d.entity_id): d for d in standing}


def _in_dataset(result: ScreeningResult, dataset: str, belarus: set[str]) -> bool:
    if dataset in ALL_DATASETS:
        return True
    if dataset == "belarus":
        return result.entity_id in belarus
    return dataset in result.datasets or any(d.startswith(f"{dataset}:") for d in result.datasets)


def _belarus_ids(entity_ids: set[str]) -> set[str]:
    """Which of these listed entities the importers filed under a Belarus programme (in a current snapshot)."""
    if not entity_ids:
        return set()
    snapshots = live_index.current_snapshot_ids()
    found: set[str] = set()
    ids = sorted(entity_ids)
    for start in range(0, len(ids), 900):
        found.update(
            SnapshotEntity.objects.filter(
                snapshot_id__in=snapshots, entity_id__in=ids[start : start + 900], belarus=True
            ).values_list("entity_id", flat=True)
        )
    return found


def listed_identity(index: ScreeningIndex, entity_id: str) -> str:
    """Fingerprint of what identifies a listed entity: its names, birth dates and identifiers.

    Changes when the list renames, re-dates or re-identifies the entity, not when it adds a programme or an
    address, so a decision survives list updates that do not touch who the entity is.
    """
    entity: ListedEntity | None = index.entities.get(entity_id)
    if entity is None:
        return ""
    content = {
        "names": sorted(entity.names),
        "birth_dates": sorted(entity.birth_dates),
        "identifiers": sorted(f"{kind}:{value}" for kind, value in entity.identifiers),
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def current_identity(entity_id: str) -> str:
    """The identity fingerprint of a listed entity as the current lists give it ("" if none carries it)."""
    return listed_identity(live_index.screening_index(), entity_id)


def screened_name_hash(name: str) -> str:
    """The keyed hash under which a screened name is written to the audit log (an auditor hashes a name to ask
    whether, when and by whom it was screened; the log never holds the name)."""
    return blind_index(name, scope=NAME_HASH_SCOPE)


def _record(
    screenings: list[Screening],
    *,
    purpose: str,
    by: User | None,
    source: str,
    dataset: str,
    profile: Profile,
    rules: Thresholds,
) -> None:
    names = [
        screened_name_hash(name)
        for screening in screenings
        for name in (screening.party.name, *screening.party.aliases)
        if name and name.strip()
    ]
    detail: dict[str, Any] = {
        "purpose": purpose,
        "source": source[:200],
        "parties": len(screenings),
        "hits": sum(len(s.hits) for s in screenings),
        "matches": sum(len(s.matches) for s in screenings),
        "silenced": sum(len(s.hits) - len(s.open_hits) for s in screenings),
        "names": sorted(set(names)),
    }
    if dataset not in ALL_DATASETS:
        detail["dataset"] = dataset
    if rules != profile.thresholds:
        detail["thresholds"] = {"match": rules.match, "review": rules.review, "candidates": rules.candidates}
    _write_screening_record(detail, by)


# SQLite lets one writer in at a time and makes the others sleep and retry (1, 2, 5, 10 ... ms): threads of one
# process queue on this lock instead, so each audit write waits only for the writes before it.
_sqlite_writer = threading.Lock()


def _write_screening_record(detail: dict[str, Any], by: User | None) -> None:
    """The screening's audit entry and its name hashes, in one short transaction (one write lock, one commit)."""
    from django.db import connection, transaction

    def write() -> None:
        with transaction.atomic():
            entry = audit.record(action="sanctions.screened", detail=detail, by=by)
            ScreenedName.objects.bulk_create(
                [ScreenedName(name_hash=digest, entry=entry) for digest in detail["names"]], batch_size=500
            )

    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with _sqlite_writer:
            write()
    else:
        write()


def record_bulk_screening(
    names: Iterable[str], *, purpose: str, by: User | None, source: str, parties: int
) -> None:
    """Put a bulk screening on the record (the file job screens with the engine's resumable row screener): one
    ``sanctions.screened`` entry with the keyed hash of every screened name, as :func:`screen_many` writes."""
    hashes = sorted({screened_name_hash(name) for name in names if name and name.strip()})
    detail = {"purpose": purpose, "source": source[:200], "parties": parties, "names": hashes}
    _write_screening_record(detail, by)


# ---------------------------------------------------------------------------------------------------------
# Remembered decisions


def remember_decision(
    *,
    party_ref: str,
    entity_id: str,
    confirmed: bool,
    reason: str,
    identity: str,
    caption: str = "",
    origin: str = "",
    by: User | None,
) -> RememberedDecision:
    """An analyst decides that ``party_ref`` is (``confirmed``) or is not the listed ``entity_id``, as the listed
    record read when screened (``identity``, from the :class:`Hit`). Audited; later screenings of the same
    counterparty carry it. Raises :class:`DecisionRefusedError` (message for the analyst): not a sanctions
    analyst, no reason, or another analyst's standing decision on the same record that must be reversed first."""
    from hramada.sanctions.services.decisions import record_decision

    decision = record_decision(
        party_ref=party_ref,
        entity_id=entity_id,
        verdict=ScreeningDecision.Verdict.CONFIRMED
        if confirmed
        else ScreeningDecision.Verdict.FALSE_POSITIVE,
        reason=reason,
        identity=identity,
        caption=caption,
        origin=origin,
        by=by,
    )
    return _remembered(decision, identity)


# ---------------------------------------------------------------------------------------------------------
# The index


def warm_up() -> None:
    """Build or refresh this process's index now (before a transaction that must not wait for it)."""
    live_index.screening_index()


def refresh_index() -> None:
    """Bring this process's index up to date with the committed snapshots now (not within the usual 2 s): for a job
    that reacts to :data:`list_changed` and must screen against the change it was told of."""
    live_index.screening_index_now()


def index_ready() -> bool:
    """Whether this process can screen without building its index first (built, or no list imported yet)."""
    return live_index.index_built() or not selectors.latest_snapshot_ids()


def start_warm_up() -> None:
    """Start building this process's index in the background, unless already started (returns at once)."""
    from hramada.core.startup import start_warmups

    start_warmups()


def index_status() -> dict[str, object]:
    """What the index holds (entities, names, snapshots, build time), for catalog and status pages."""
    return live_index.index_status()


# ---------------------------------------------------------------------------------------------------------
# Listed records


@dataclass(frozen=True)
class ListedRecord:
    """A listed entity as its current list publishes it (FtM), with the lists that carry it."""

    id: str
    schema: str
    caption: str
    properties: Mapping[str, list[Any]]
    datasets: tuple[str, ...]
    sanctions: tuple[Mapping[str, list[str]], ...]
    belarus: bool
    data: Mapping[str, Any]
    """The FtM dict as stored, with ``datasets``."""


@dataclass(frozen=True)
class RelatedEntity:
    """Another listed entity linked to one (owns, directs, family, "Linked To"...)."""

    label: str
    outgoing: bool
    """True when the asked entity is the relation's source (the owner, director, subject)."""
    entity_id: str
    caption: str
    schema: str


def listed_entities(entity_ids: Collection[str]) -> dict[str, ListedRecord]:
    """The current records of these ids (ids not on any current list are left out)."""
    ids = list(dict.fromkeys(entity_ids))
    records = live_index.current_records(ids)
    belarus = _belarus_ids(set(records))
    index = live_index.screening_index() if records else None
    out: dict[str, ListedRecord] = {}
    for entity_id, data in records.items():
        raw_props = data.get("properties")
        props: dict[str, list[Any]] = raw_props if isinstance(raw_props, dict) else {}
        raw_datasets = data.get("datasets")
        listed = index.entities.get(entity_id) if index is not None else None
        names = props.get("name") or [entity_id]
        out[entity_id] = ListedRecord(
            id=entity_id,
            schema=str(data.get("schema") or "Thing"),
            caption=listed.caption if listed is not None else str(data.get("caption") or names[0]),
            properties=props,
            datasets=tuple(str(d) for d in raw_datasets) if isinstance(raw_datasets, list) else (),
            sanctions=tuple(index.sanctions_of(entity_id)) if index is not None else (),
            belarus=entity_id in belarus,
            data=data,
        )
    return out


def listed_entity(entity_id: str) -> ListedRecord | None:
    """The current record of one listed entity, or None when no current list carries it."""
    return listed_entities([entity_id]).get(entity_id)


def related_entities(entity_id: str) -> list[RelatedEntity]:
    """The entities a current list links to this one (ownership, directorship, family, "Linked To")."""
    members = SnapshotEntity.objects.filter(
        snapshot_id__in=selectors.latest_snapshot_ids(), entity_id=entity_id
    ).select_related("version", "snapshot__source")
    related: dict[tuple[str, bool, str], RelatedEntity] = {}
    for member in members:
        for party in selectors.entity_record(member).relations:
            related.setdefault(
                (party.label, party.outgoing, party.entity_id),
                RelatedEntity(party.label, party.outgoing, party.entity_id, party.caption, party.schema),
            )
    return sorted(related.values(), key=lambda r: (r.label, r.caption))


@dataclass(frozen=True)
class CurrentList:
    """A list as currently loaded: its latest snapshot."""

    key: str
    title: str
    version: str
    entity_count: int
    updated_at: datetime


def current_lists() -> list[CurrentList]:
    """Every list with its latest snapshot, by key."""
    return [
        CurrentList(
            key=snapshot.source.key,
            title=snapshot.source.label,
            version=snapshot.sha256[:12],
            entity_count=snapshot.entity_count,
            updated_at=snapshot.imported_at,
        )
        for snapshot in selectors.latest_snapshots()
    ]


def is_belarus_programme(programme: str | Mapping[str, Sequence[str]]) -> bool:
    """Whether a programme code (``EU-BLR``, ``BELARUS-EO14038``, ``BLR``) or an FtM Sanction's properties
    belong to the Belarus regime, by the importers' programme table."""
    from hramada.sanctions.records import belarus_programmes

    codes = belarus_programmes()
    if isinstance(programme, str):
        return programme.strip().upper() in codes
    if any(code in codes for code in programme.get("programId", [])):
        return True
    return any("belarus" in text.lower() for text in programme.get("program", []))


def listed_summaries() -> Mapping[str, ListedEntity]:
    """Every entity on a current list as the screening index holds it (id, schema, caption, names, countries,
    datasets, topics): for browsing, filtering and counting without reading each record."""
    return live_index.screening_index().entities


def belarus_entity_ids(entity_ids: Collection[str]) -> set[str]:
    """Those of these ids that carry a Belarus-regime designation on some current list."""
    return _belarus_ids(set(entity_ids))


def current_ftm_entities() -> Iterator[dict[str, Any]]:
    """Every entity of every current list as an FtM dict (``datasets`` = [list key]), streamed: for apps that build
    their own structures over the whole lists (the evasion app's ownership graph, vessels and wallets)."""
    return selectors.current_entities()


def current_lists_version() -> tuple[int, ...]:
    """Changes whenever any list gets a new current snapshot: a cache key for what is built from the lists."""
    return tuple(sorted(selectors.latest_snapshot_ids()))


# ---------------------------------------------------------------------------------------------------------
# The platform's own list of adopted designations (rapid response)


class LocalListError(Exception):
    """A local publication or a list file that the importer refused; the message says why, nothing was stored."""


def publish_local_designations(entities: Sequence[Mapping[str, Any]], *, by: User | None) -> LocalPublication:
    """Add or replace ``entities`` (FtM dicts: a listed party and its ``Sanction``) in the platform's local list
    (:data:`LOCAL_LIST_KEY`) as a new snapshot with a delta, through the same import path as every published file:
    ``list_changed`` is sent after the caller's transaction commits. Raises :class:`LocalListError` when the
    importer refuses them (nothing stored)."""
    try:
        return local_list.publish_local_designations(entities, by=by)
    except SnapshotImportError as error:
        raise LocalListError(str(error)) from error


def read_eu_journal_file(path: str) -> list[dict[str, Any]]:
    """The entities (FtM dicts) the EU journal importer reads from a file in its CSV layout, storing nothing; a
    file it refuses is a :class:`LocalListError` with the importer's message naming the line."""
    try:
        return [dict(entity.data) for entity in local_list.read_eu_journal_file(path)]
    except SnapshotImportError as error:
        raise LocalListError(str(error)) from error


# ---------------------------------------------------------------------------------------------------------
# The change feed


@dataclass(frozen=True)
class EntityChange:
    """One entity that a list added (``ADD``), amended (``MOD``) or dropped (``DEL``) with one snapshot."""

    entity_id: str
    op: str
    list_key: str
    changed_at: datetime
    """When the snapshot that carried the change was imported (Hramada's own clock: a client that asks for
    changes since its last poll misses nothing, whatever publication date the list printed)."""
    version: str


@dataclass(frozen=True)
class ChangePage:
    changes: tuple[EntityChange, ...]
    next_after: tuple[int, int] | None
    """Where the next page starts (``after=``); None when this page reached the end."""
    until: datetime | None = None
    """The latest import the feed had seen when read: poll again with ``since=until``."""


def entity_changes(
    *,
    since: datetime | None = None,
    list_keys: Collection[str] | None = None,
    after: tuple[int, int] | None = None,
    limit: int = 1000,
) -> ChangePage:
    """The entity ids changed by every accepted snapshot imported after ``since`` (of these lists, all when
    None), in import order, from each snapshot's stored delta against the previous one of its list; within a
    snapshot by id. Paged by position, not by offset, so a feed of any length pages to its end (``after`` is the
    previous page's ``next_after``). A held snapshot changes nothing until an analyst accepts it."""
    from django.db.models import Max, Q

    from hramada.sanctions.models import Snapshot

    snapshots = Snapshot.objects.filter(status=Snapshot.Status.ACCEPTED).select_related("source")
    until = snapshots.aggregate(until=Max("imported_at"))["until"]
    snapshots = snapshots.filter(imported_at__lte=until) if until is not None else snapshots
    if since is not None:
        snapshots = snapshots.filter(imported_at__gt=since)
    if list_keys is not None:
        snapshots = snapshots.filter(source__key__in=sorted(list_keys))
    start_pk, start_at = after or (0, 0)
    if after is not None:
        first = Snapshot.objects.filter(pk=start_pk).values_list("imported_at", flat=True).first()
        if first is None:
            return ChangePage(changes=(), next_after=None, until=until)
        snapshots = snapshots.filter(Q(imported_at__gt=first) | Q(imported_at=first, pk__gte=start_pk))
    out: list[EntityChange] = []
    for snapshot in snapshots.order_by("imported_at", "pk").iterator(chunk_size=50):
        delta = selectors.delta_into(snapshot)
        ops = sorted(
            [(entity_id, "ADD") for entity_id in delta.added]
            + [(entity_id, "MOD") for entity_id in delta.amended]
            + [(entity_id, "DEL") for entity_id in delta.removed]
        )
        position = start_at if snapshot.pk == start_pk else 0
        for index in range(position, len(ops)):
            if len(out) == limit:
                return ChangePage(changes=tuple(out), next_after=(snapshot.pk, index), until=until)
            entity_id, op = ops[index]
            out.append(
                EntityChange(entity_id, op, snapshot.source.key, snapshot.imported_at, snapshot.sha256[:12])
            )
    return ChangePage(changes=tuple(out), next_after=None, until=until)


# ---------------------------------------------------------------------------------------------------------
# Screening a list change against the counterparties (the inverted re-screen)


def counterparty_index() -> CounterpartyIndex:
    """An empty index of counterparties for :func:`screen_listed_changes`; fill it with :func:`index_party`."""
    return CounterpartyIndex()


def index_party(index: CounterpartyIndex, party: Party, *, mark: str = "") -> None:
    """Put (or replace) a counterparty in ``index`` under ``party.ref``; ``mark`` is the caller's digest of this
    version of the party. Raises :class:`PartyError` for a party that cannot be screened."""
    if not party.ref:
        raise PartyError("ref", "a counterparty needs its reference")
    index.put(dataclasses.replace(party.query(), id=party.ref), mark)


@dataclass(frozen=True)
class ChangeHit:
    """One counterparty that may be a new or amended listed entity, as its own screening would score it."""

    party_ref: str
    hit: Hit


def screen_listed_changes(
    entity_ids: Collection[str],
    counterparties: CounterpartyIndex,
    *,
    purposes: Mapping[str, str],
    by: User | None,
    source: str,
) -> list[ChangeHit]:
    """Screen the listed entities ``entity_ids`` (a list change's added and changed ids) against an index of
    counterparties, instead of screening every counterparty again: each candidate pair is scored with the profile of
    the counterparty's purpose (``purposes[ref]``, default ``onboarding``) and carries the standing decision on it.
    Ids that are no listed party (Sanctions, documents) or no longer on a current list are passed over. One
    ``sanctions.screened`` audit entry for the call, with the keyed hashes of the counterparty names compared."""
    from hramada.screening.reverse import screen_listed

    index = live_index.screening_index()
    profiles: dict[str, Profile] = {}

    def thresholds_for(ref: str) -> Thresholds:
        purpose = purposes.get(ref, "onboarding")
        if purpose not in profiles:
            profiles[purpose] = profile(purpose)
        return profiles[purpose].thresholds

    found: list[tuple[str, ScreeningResult]] = []
    screened = 0
    for entity_id in sorted(set(entity_ids)):
        entity = index.entities.get(entity_id)
        if entity is None:
            continue
        screened += 1
        for result in screen_listed(
            entity, counterparties, thresholds_for=thresholds_for, listed_index=index
        ):
            found.append((str(result.query_id), result))
    belarus = _belarus_ids({result.entity_id for _, result in found})
    decisions = _standing_decisions({ref for ref, _ in found}, {result.entity_id for _, result in found})
    hits = []
    for ref, result in found:
        identity = listed_identity(index, result.entity_id)
        decision = decisions.get((ref, result.entity_id))
        hits.append(ChangeHit(ref, _hit(result, identity, decision, result.entity_id in belarus, index)))
    names = sorted(
        {
            screened_name_hash(name)
            for ref in {ref for ref, _ in found}
            for name in counterparties.query(ref).all_names
        }
    )
    detail: dict[str, Any] = {
        "purpose": "list_change",
        "source": source[:200],
        "parties": len(counterparties),
        "listed_entities": screened,
        "hits": len(hits),
        "matches": sum(1 for h in hits if h.hit.match),
        "silenced": sum(1 for h in hits if h.hit.silenced),
        "names": names,
    }
    entry = audit.record(action="sanctions.screened", detail=detail, by=by)
    ScreenedName.objects.bulk_create([ScreenedName(name_hash=d, entry=entry) for d in names], batch_size=1000)
    return hits
