"""Candidate retrieval over the index's name-id arrays: built once, then kept current by a list's deltas."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from hramada.screening import Query, ScreeningIndex, screen
from hramada.screening.entities import load_entities
from hramada.screening.postings import Postings
from hramada.screening.score import query_variants

QUERIES = ("Viktor Sojko", "Aleksandr Lukashenko", "Belaruskali", "Ivanov Sergei", "Tobacco Factory Neman")


def _t1(data: Path) -> list[dict[str, Any]]:
    return list(load_entities([data / "ftm/yente-t1-entities.ftm.json"]))


def _found(index: ScreeningIndex, text: str) -> set[tuple[str, str]]:
    """Every name the index retrieves for the query (no cut-off, so the order of ties plays no part)."""
    ids = index.candidate_names(query_variants(Query(name=text)), limit=100_000)
    return {(index.names[i].entity_id, index.names[i].name) for i in ids}


def test_an_index_kept_current_by_deltas_retrieves_what_a_rebuild_does(shared_data_dir: Path) -> None:
    entities = [e for e in _t1(shared_data_dir) if e.get("properties", {}).get("name")]
    dropped, changed = entities[::7], entities[1::7]
    renamed = [
        {**e, "properties": {**e["properties"], "name": ["Viktor Sojko", "Belaruskali Ivanov"]}}
        for e in changed
    ]
    added = [
        {"id": "new-1", "schema": "Person", "properties": {"name": ["Sergei Ivanov", "Lukashenko Aleksandr"]}}
    ]
    updated = ScreeningIndex.from_entities(entities)
    assert _found(updated, QUERIES[0])  # the first look-up has happened before the changes
    updated.apply_delta(
        [{"op": "DEL", "entity": {"id": e["id"]}} for e in dropped]
        + [{"op": "MOD", "entity": e} for e in renamed]
        + [{"op": "ADD", "entity": e} for e in added]
    )
    gone = {e["id"] for e in dropped}
    final = [e for e in entities if e["id"] not in gone and e not in changed] + renamed + added
    rebuilt = ScreeningIndex.from_entities(final)
    for text in QUERIES:
        assert _found(updated, text) == _found(rebuilt, text)
    assert updated.rarity("ivanov") == rebuilt.rarity("ivanov")


def test_a_copy_of_the_index_screens_and_updates_alone(shared_data_dir: Path) -> None:
    index = ScreeningIndex.from_entities(_t1(shared_data_dir))
    copy: ScreeningIndex = pickle.loads(pickle.dumps(index))  # noqa: S301  (the live index copies so)
    hit = screen(Query(name="Viktor Sojko", schema="Person"), copy)[0]
    copy.remove(hit.entity_id)
    assert all(
        r.entity_id != hit.entity_id for r in screen(Query(name="Viktor Sojko", schema="Person"), copy)
    )
    assert screen(Query(name="Viktor Sojko", schema="Person"), index)[0].entity_id == hit.entity_id


def test_names_filed_and_removed_before_and_after_the_build() -> None:
    postings = Postings()
    postings.file(0, ["t:ivanov", "t:sergei"])
    postings.file(1, ["t:ivanov"])
    postings.file(2, ["t:ivanov", "t:petr"])
    postings.discard(1, ["t:ivanov"])
    assert postings.ids("t:ivanov").tolist() == [0, 2]  # the first look-up builds the arrays
    postings.file(3, ["t:ivanov", "t:oleg"])
    postings.discard(0, ["t:ivanov", "t:sergei"])
    assert postings.ids("t:ivanov").tolist() == [2, 3]
    assert postings.count("t:ivanov") == 2
    assert "t:sergei" not in postings and "t:oleg" in postings
    postings.discard(3, ["t:ivanov", "t:oleg"])
    assert postings.ids("t:ivanov").tolist() == [2] and "t:oleg" not in postings
