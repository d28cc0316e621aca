"""Screen a query against the index: retrieve candidates, score them with the feature table, explain the best."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from hramada.screening.entities import ListedEntity, Query, schemata_compatible
from hramada.screening.explain import NameEvidence, Reason, ScreeningResult
from hramada.screening.features import FEATURES, Context
from hramada.screening.index import ScreeningIndex, name_kind
from hramada.screening.names import (
    ACRONYM_SYSTEM,
    NameVariant,
    best_comparison,
    compare_variants,
    counted_less_because,
    name_variants,
)
from hramada.screening.normalize import normalize_name
from hramada.screening.transliterate import latin_renderings


@dataclass(frozen=True)
class Thresholds:
    """When a score counts as a `match`, and from which score a candidate is returned at all.

    Passed in per use; policy that staff change lives in the caller's database, not here.
    """

    match: float
    review: float
    candidates: int = 20

    SCREENING: ClassVar[Thresholds]
    """Onboarding and payments: few false alarms, Belarusian/Russian spellings of one person still match."""
    INVESTIGATION: ClassVar[Thresholds]
    """An analyst casting a wide net: looser names, more candidates."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.review <= self.match <= 1.0:
            raise ValueError("thresholds need 0 <= review <= match <= 1")


Thresholds.SCREENING = Thresholds(match=0.80, review=0.60)
Thresholds.INVESTIGATION = Thresholds(match=0.65, review=0.40, candidates=60)


def query_variants(query: Query) -> tuple[NameVariant, ...]:
    kind = name_kind(query.schema) if query.schema != "LegalEntity" else "organization"
    out: list[NameVariant] = []
    for name in query.all_names:
        out.extend(name_variants(name, kind))
    return tuple(out)


def glued_variants(query: Query, index: ScreeningIndex) -> tuple[NameVariant, ...]:
    """Renderings of a name written without spaces, cut into the parts the index knows
    (`alexandervyacheslavovichzakharov` -> `alexander vyacheslavovich zakharov`)."""
    kind = name_kind(query.schema) if query.schema != "LegalEntity" else "organization"
    out: list[NameVariant] = []
    for name in query.all_names:
        words = name.split()
        if len(words) != 1:
            continue
        for latin in dict.fromkeys(latin_renderings(normalize_name(words[0])).values()):
            parts = index.split_glued(latin)
            if parts:
                out.extend(name_variants(" ".join(parts), kind))
                break
    return tuple(out)


def _entity_variants(index: ScreeningIndex | None, entity: ListedEntity) -> tuple[NameVariant, ...]:
    if index is not None and entity.id in index.entities:
        return tuple(v for n in index.names_of(entity.id) for v in n.variants)
    kind = name_kind(entity.schema)
    return tuple(v for name in entity.names for v in name_variants(name, kind))


def _through_acronym(found: tuple[float, NameVariant, NameVariant]) -> bool:
    return found[0] < 1.0 and (
        found[1].system.endswith(ACRONYM_SYSTEM) or found[2].system.endswith(ACRONYM_SYSTEM)
    )


def score_candidate(
    query: Query,
    entity: ListedEntity,
    *,
    thresholds: Thresholds = Thresholds.SCREENING,
    index: ScreeningIndex | None = None,
    variants: tuple[NameVariant, ...] | None = None,
    best: tuple[float, NameVariant, NameVariant] | None = None,
) -> ScreeningResult:
    """Score one listed entity against the query, with every feature's part and the name evidence.

    `best` is the best name pair already found by `screen` (saves comparing every name of the entity again).
    """
    if best is None:
        q_variants = variants if variants is not None else query_variants(query)
        best = best_comparison(q_variants, _entity_variants(index, entity))
    evidence: NameEvidence | None = None
    name_score = 0.0
    name_detail = ""
    if best is not None:
        comparison = compare_variants(best[1], best[2])
        evidence = NameEvidence.from_comparison(
            comparison, best[0], counted_less_because(best[0], comparison)
        )
        name_score = best[0]
        name_detail = evidence.describe()
    ctx = Context(query=query, entity=entity, name_score=name_score, name_detail=name_detail)
    reasons: list[Reason] = []
    features: dict[str, float] = {}
    for feature in FEATURES:
        found = feature.function(ctx)
        if found is None:
            continue
        features[feature.name] = found.value
        detail = found.detail if feature.name != "name_similarity" else feature.claim
        reasons.append(Reason(feature.name, found.value, feature.weight, detail))
    score = max(0.0, min(1.0, sum(r.value * r.weight for r in reasons)))
    return ScreeningResult(
        entity_id=entity.id,
        schema=entity.schema,
        caption=entity.caption,
        score=round(score, 4),
        match=score >= thresholds.match,
        features=features,
        reasons=tuple(reasons),
        name_evidence=evidence,
        datasets=entity.datasets,
        sanctions=tuple(index.sanctions_of(entity.id)) if index is not None else (),
        query_id=query.id,
    )


def screen(
    query: Query,
    index: ScreeningIndex,
    *,
    thresholds: Thresholds = Thresholds.SCREENING,
    limit: int = 5,
) -> list[ScreeningResult]:
    """The listed entities that may be the query, best first, each explaining itself.

    Only candidates scoring at least `thresholds.review` are returned.
    """
    written = query_variants(query)
    glued = glued_variants(query, index)
    variants = written + glued
    # Retrieval by the parts as written; comparison with common parts (Ivanov, Belarus) counting less.
    weighed = index.weigh_by_rarity(variants)
    best_name: dict[str, tuple[float, NameVariant, NameVariant]] = {}
    # The same name listed by several lists (one person on the OFAC, EU and UN lists) shares its renderings:
    # compared once per query.
    compared: dict[int, tuple[float, NameVariant, NameVariant] | None] = {}
    # An entity whose names meet the query through an acronym is compared name against name once per query, not
    # once per such name (an entity with many aliases may have many).
    compared_whole: dict[str, tuple[float, NameVariant, NameVariant] | None] = {}
    # Evidence beyond the name moves a score by at most +0.07 (dates, countries) unless an identifier matches,
    # which is why candidates below review - 0.1 are not scored in full (nor their names compared in full).
    floor = thresholds.review - 0.1
    names, entities = index.names, index.entities

    def compatible(name_id: int) -> bool:
        return schemata_compatible(query.schema, entities[names[name_id].entity_id].schema)

    # The candidates are taken among names of a schema the query may be (a vessel's names take no place from a
    # company's).
    candidates = index.candidate_names(written, limit=thresholds.candidates, accept=compatible, guessed=glued)
    for name_id in candidates:
        indexed = names[name_id]
        entity = entities[indexed.entity_id]
        previous = best_name.get(indexed.entity_id)
        if previous is not None and previous[0] >= 1.0:
            continue  # another name of this entity already agrees fully
        key = id(indexed.variants)
        if key in compared:
            found = compared[key]
        else:
            found = compared[key] = best_comparison(weighed, indexed.variants, floor)
        if found is not None and _through_acronym(found):
            # An acronym agreeing with the query's initials: the entity's other names may spell it out otherwise.
            if entity.id in compared_whole:
                found = compared_whole[entity.id]
            else:
                found = compared_whole[entity.id] = best_comparison(
                    weighed, _entity_variants(index, entity), floor
                )
        if found is not None:
            if previous is None or found[0] > previous[0]:
                best_name[indexed.entity_id] = found
    shortlist: dict[str, tuple[float, NameVariant, NameVariant] | None] = {
        eid: found for eid, found in best_name.items() if found[0] >= floor
    }
    for _, value in query.typed_identifiers:
        for entity_id in index.by_identifier(value):
            shortlist.setdefault(entity_id, None)  # identifier hits are always scored in full
    results = [
        score_candidate(
            query, index.entities[eid], thresholds=thresholds, index=index, variants=variants, best=found
        )
        for eid, found in shortlist.items()
    ]
    results = [r for r in results if r.score >= thresholds.review]
    # Ties go first to the entity whose name is written as the query is (a name the rules read as another's, Alfa M
    # as Alfa once the single letter is left out, still finds itself first), then by entity id.
    results.sort(
        key=lambda r: (
            -r.score,
            -r.features.get("identifier_matches", 0.0),
            -r.features.get("name_similarity", 0.0),
            not _written_as_queried(r),
            r.entity_id,
        )
    )
    return results[:limit]


def _written_as_queried(result: ScreeningResult) -> bool:
    evidence = result.name_evidence
    return evidence is not None and evidence.query_name.casefold() == evidence.listed_name.casefold()
