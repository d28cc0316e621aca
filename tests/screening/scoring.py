"""One listed entity scored against one query: the helper the screening specifications share."""

from __future__ import annotations

from hramada.screening import ListedEntity, Query, score_candidate


def score(query: str, *listed: str, schema: str = "Person") -> float:
    """`query` against an entity listed under `listed` (its first name the caption, all of them its names)."""
    entity = ListedEntity("x", schema, listed[0], listed, (), (), ())
    return score_candidate(Query(name=query, schema=schema), entity).score


def company(query: str, *listed: str) -> float:
    return score(query, *listed, schema="Company")


def airplane(query: str, *listed: str) -> float:
    return score(query, *listed, schema="Airplane")


def vessel(query: str, *listed: str) -> float:
    return score(query, *listed, schema="Vessel")
