"""Screening the other way round: a changed listed entity against an index of the counterparties a user knows.

When a list changes, a handful of listed entities are new or amended while the counterparties number in the
hundreds of thousands. Screening each counterparty again repeats almost all of the work; this module indexes the
counterparties once (the same retrieval keys and name renderings as the list index) and looks each changed listed
entity up in it. A candidate pair is then scored the ordinary way round, counterparty as the query and listed entity
as the candidate, so it gets the score a full screening would give it (never less: every name of the listed entity
is compared, not only the retrieved one).

    index = CounterpartyIndex()
    index.put(Query(name="Aliaksandr Lukashenka", schema="Person", id="fund.application:12:applicant"))
    for result in screen_listed(listed_entity, index, thresholds_for=lambda ref: Thresholds.SCREENING):
        result.query_id   # the counterparty's reference
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from hramada.screening.entities import ListedEntity, Query, schemata_compatible
from hramada.screening.explain import ScreeningResult
from hramada.screening.index import ScreeningIndex, name_kind
from hramada.screening.names import NameVariant, best_comparison, name_variants
from hramada.screening.score import Thresholds, score_candidate

__all__ = ["CounterpartyIndex", "screen_listed"]

CANDIDATES = 400
"""Counterparty names scored per listed entity. Among 100,000 generated Belarusian and Russian names a listed
name shares its surname with a few hundred at most; those that also share the given name rank first."""
MAX_POSTING = 25_000
"""Keys carried by more counterparty names than this (a common given name in a huge watch list) are not walked."""


class CounterpartyIndex:
    """Counterparties (as screening queries, ``Query.id`` = the counterparty's reference) indexed for retrieval by
    a listed entity's names and identifiers; ``put`` and ``discard`` keep it current one counterparty at a time."""

    def __init__(self) -> None:
        self._names = ScreeningIndex()
        self._queries: dict[str, Query] = {}
        self._marks: dict[str, str] = {}
        self._by_identifier: dict[str, set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._queries)

    def __contains__(self, ref: object) -> bool:
        return ref in self._queries

    def refs(self) -> set[str]:
        return set(self._queries)

    def query(self, ref: str) -> Query:
        return self._queries[ref]

    def mark(self, ref: str) -> str | None:
        """What the caller said identifies this version of the counterparty (a digest), or None if unknown."""
        return self._marks.get(ref)

    def put(self, query: Query, mark: str = "") -> None:
        """Add the counterparty ``query.id`` names, or replace what the index held under that reference."""
        ref = query.id
        if not ref:
            raise ValueError("a counterparty needs its reference as the query id")
        self.discard(ref)
        schema = query.schema if query.schema != "LegalEntity" else "Organization"
        if query.all_names:
            self._names.add({"id": ref, "schema": schema, "properties": {"name": list(query.all_names)}})
        self._queries[ref] = query
        self._marks[ref] = mark
        for _kind, value in query.typed_identifiers:
            self._by_identifier[value].add(ref)

    def discard(self, ref: str) -> None:
        query = self._queries.pop(ref, None)
        self._marks.pop(ref, None)
        if query is None:
            return
        self._names.remove(ref)
        for _kind, value in query.typed_identifiers:
            holders = self._by_identifier.get(value)
            if holders is not None:
                holders.discard(ref)
                if not holders:
                    del self._by_identifier[value]

    def variants_of(self, ref: str) -> tuple[NameVariant, ...]:
        return tuple(v for indexed in self._names.names_of(ref) for v in indexed.variants)

    def candidates(
        self, entity: ListedEntity, variants: Iterable[NameVariant], *, limit: int = CANDIDATES
    ) -> dict[str, tuple[float, NameVariant, NameVariant] | None]:
        """Counterparties that may be ``entity``: each with its best name pair (None: found by an identifier)."""
        variants = tuple(variants)
        best: dict[str, tuple[float, NameVariant, NameVariant] | None] = {}
        for name_id in self._names.candidate_names_wide(variants, limit=limit, max_posting=MAX_POSTING):
            indexed = self._names.names[name_id]
            query = self._queries[indexed.entity_id]
            if not schemata_compatible(query.schema, entity.schema):
                continue
            found = best_comparison(self.variants_of(indexed.entity_id), variants)
            if found is None:
                continue
            previous = best.get(indexed.entity_id)
            if previous is None or found[0] > previous[0]:
                best[indexed.entity_id] = found
        for _kind, value in entity.identifiers:
            for ref in self._by_identifier.get(value, ()):
                best.setdefault(ref, None)
        return best


def listed_variants(entity: ListedEntity) -> tuple[NameVariant, ...]:
    kind = name_kind(entity.schema)
    return tuple(v for name in entity.names for v in name_variants(name, kind))


def screen_listed(
    entity: ListedEntity,
    counterparties: CounterpartyIndex,
    *,
    thresholds_for: Callable[[str], Thresholds],
    listed_index: ScreeningIndex | None = None,
    variants: tuple[NameVariant, ...] | None = None,
    limit: int = CANDIDATES,
) -> list[ScreeningResult]:
    """The counterparties that may be ``entity``, each scored as its own screening would score it (with the
    thresholds of its purpose, ``thresholds_for(ref)``); only pairs at or above the review threshold, best first.
    ``result.query_id`` is the counterparty's reference."""
    if variants is None:
        if listed_index is not None and entity.id in listed_index.entities:
            variants = tuple(v for n in listed_index.names_of(entity.id) for v in n.variants)
        else:
            variants = listed_variants(entity)
    results = []
    for ref, found in counterparties.candidates(entity, variants, limit=limit).items():
        thresholds = thresholds_for(ref)
        # As in a forward screening: a name this far below review cannot reach it with dates and countries.
        if found is not None and found[0] < thresholds.review - 0.1:
            continue
        query = counterparties.query(ref)
        result = score_candidate(
            query,
            entity,
            thresholds=thresholds,
            index=listed_index,
            variants=counterparties.variants_of(ref),
            best=found,
        )
        if result.score >= thresholds.review:
            results.append(result)
    results.sort(key=lambda r: (-r.score, r.query_id or ""))
    return results
