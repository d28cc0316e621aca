"""Screening the other way round: a changed listed entity against an index of the counterparties a user knows.

When a list changes, a handful of listed entities are new or amended while the counterparties number in the
hundreds of thousands. Screening each counterparty again repeats almost all of the work; this module indexes the
counterparties once (the same retrieval keys and name renderings as the list index) and looks each changed listed
entity up in it. A candidate pair is then scored the ordinary way round, counterparty as the query and listed entity
as the candidate, so it gets the score a full screening would give it (never less: every name of the listed entity
is compared, not only the retrieved one, and the counterparty's name parts are weighed by their rarity in the lists
as a forward screening weighs them).

Retrieval mirrors the forward index key for key: a counterparty is filed under the keys its forward screening
*looks up* (second keys without a Baltic ending, before equivalence and phonetic; one-letter deletions of every
part), and a listed entity looks up the keys the forward index *files* it under. So every pair that shares a key in
a forward screening shares one here. Candidates are ranked by the name parts they share, each part counted once
by its best key (a counterparty that shares a surname and a given name ranks above one that shares a surname through
three keys), and a shared patronymic counts half: it does not tell two people apart (the scorer does not count it as
identifying either).

    index = CounterpartyIndex()
    index.put(Query(name="Aliaksandr Lukashenka", schema="Person", id="fund.application:12:applicant"))
    for result in screen_listed(listed_entity, index, thresholds_for=lambda ref: Thresholds.SCREENING):
        result.query_id   # the counterparty's reference
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from hramada.screening.entities import ListedEntity, Query, schemata_compatible
from hramada.screening.explain import ScreeningResult
from hramada.screening.index import ScreeningIndex, name_kind
from hramada.screening.names import NameVariant, best_comparison, name_variants
from hramada.screening.retrieval import part_keys, variant_keys
from hramada.screening.score import Thresholds, query_variants, score_candidate

__all__ = ["CounterpartyIndex", "screen_listed"]

CANDIDATES = 400
"""Counterparties scored per listed entity. Among 100,000 generated Belarusian and Russian names a listed
name shares its surname with a few hundred at most; those that also share the given name rank first."""
MAX_POSTING = 25_000
"""Keys carried by more counterparties than this (a common given name in a huge watch list) are not walked."""
PATRONYMIC_FACTOR = 0.5
"""A shared patronymic counts this much of a shared surname or given name in the ranking."""
_PATRONYMIC_ENDINGS = ("vic", "vna", "icna")


def counterparty_keys(variants: Iterable[NameVariant]) -> frozenset[str]:
    """The keys a counterparty is filed under: every key its forward screening looks up, typo keys included
    (a forward screening skips the typo keys of a part the lists know exactly; which parts those are changes
    with the lists, so the counterparty carries them all)."""
    return frozenset(key for variant in variants for key in variant_keys(variant, query=True))


def listed_keys(variants: Iterable[NameVariant]) -> dict[str, tuple[str, float]]:
    """The keys the forward index files a listed entity's renderings under, each with the name part it stands
    for (its main key; ``""`` for the whole name: joined words, acronyms) and its weight in the ranking."""
    out: dict[str, tuple[str, float]] = {}
    for variant in variants:
        part_of: dict[str, str] = {}
        for part in variant.keys:
            for key in part_keys(part):
                part_of.setdefault(key, part)
        if len(variant.skeletons) == len(variant.keys):
            for part, sk in zip(variant.keys, variant.skeletons, strict=True):
                part_of.setdefault(f"s:{sk}", part)
        for key, weight in variant_keys(variant).items():
            part = part_of.get(key, "")
            if part.endswith(_PATRONYMIC_ENDINGS):
                weight *= PATRONYMIC_FACTOR
            previous = out.get(key)
            if previous is None or weight > previous[1]:
                out[key] = (part, weight)
    return out


class CounterpartyIndex:
    """Counterparties (as screening queries, ``Query.id`` = the counterparty's reference) indexed for retrieval by
    a listed entity's names and identifiers; ``put`` and ``discard`` keep it current one counterparty at a time."""

    def __init__(self) -> None:
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[str, frozenset[str]] = {}
        self._variants: dict[str, tuple[NameVariant, ...]] = {}
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
        variants = query_variants(query)
        keys = counterparty_keys(variants)
        for key in keys:
            self._postings[key].add(ref)
        self._keys[ref] = keys
        self._variants[ref] = variants
        self._queries[ref] = query
        self._marks[ref] = mark
        for _kind, value in query.typed_identifiers:
            self._by_identifier[value].add(ref)

    def discard(self, ref: str) -> None:
        query = self._queries.pop(ref, None)
        self._marks.pop(ref, None)
        self._variants.pop(ref, None)
        if query is None:
            return
        for key in self._keys.pop(ref, frozenset()):
            posting = self._postings.get(key)
            if posting is not None:
                posting.discard(ref)
                if not posting:
                    del self._postings[key]
        for _kind, value in query.typed_identifiers:
            holders = self._by_identifier.get(value)
            if holders is not None:
                holders.discard(ref)
                if not holders:
                    del self._by_identifier[value]

    def variants_of(self, ref: str) -> tuple[NameVariant, ...]:
        return self._variants.get(ref, ())

    def ranked(self, variants: Iterable[NameVariant], *, limit: int = CANDIDATES) -> list[str]:
        """The counterparties sharing the most (and rarest) name parts with any of the renderings: each part
        counts once, by its best shared key; the best ``limit``."""
        by_part: dict[str, list[tuple[float, set[str]]]] = defaultdict(list)
        for key, (part, weight) in listed_keys(variants).items():
            posting = self._postings.get(key)
            if not posting or len(posting) > MAX_POSTING:
                continue
            by_part[part].append((weight * math.log(1.0 + MAX_POSTING / len(posting)), posting))
        score: dict[str, float] = defaultdict(float)
        for part, found in by_part.items():
            found.sort(key=lambda sp: -sp[0])
            if not part:  # whole-name keys (joined words, acronyms) each count
                for points, posting in found:
                    for ref in posting:
                        score[ref] += points
                continue
            counted: set[str] = set()
            for points, posting in found:
                for ref in posting - counted:
                    score[ref] += points
                counted |= posting
        if len(score) <= limit:
            return list(score)
        return sorted(score, key=score.__getitem__, reverse=True)[:limit]

    def candidates(
        self,
        entity: ListedEntity,
        variants: Iterable[NameVariant],
        *,
        limit: int = CANDIDATES,
        listed_index: ScreeningIndex | None = None,
    ) -> dict[str, tuple[float, NameVariant, NameVariant] | None]:
        """Counterparties that may be ``entity``: each with its best name pair, the counterparty's parts weighed
        by their rarity in ``listed_index`` as a forward screening weighs them (None: found by an identifier)."""
        variants = tuple(variants)
        best: dict[str, tuple[float, NameVariant, NameVariant] | None] = {}
        for ref in self.ranked(variants, limit=limit):
            query = self._queries[ref]
            if not schemata_compatible(query.schema, entity.schema):
                continue
            mine = self._variants[ref]
            if listed_index is not None:
                mine = listed_index.weigh_by_rarity(mine)
            found = best_comparison(mine, variants)
            if found is not None:
                best[ref] = found
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
    found_pairs = counterparties.candidates(entity, variants, limit=limit, listed_index=listed_index)
    for ref, found in found_pairs.items():
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
