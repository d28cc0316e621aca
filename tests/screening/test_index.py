"""The index is built once and then follows the lists' deltas without a rebuild."""

from __future__ import annotations

from pathlib import Path

from hramada.screening import Query, ScreeningIndex, read_ftm_lines, screen
from hramada.screening.entities import load_entities


def _t1_index(data: Path) -> ScreeningIndex:
    return ScreeningIndex.from_entities(load_entities([data / "ftm/yente-t1-entities.ftm.json"]))


def test_add_remove_and_replace_follow_the_list(shared_data_dir: Path) -> None:
    index = _t1_index(shared_data_dir)
    query = Query(name="Viktor Sojko", schema="Person")
    hit = screen(query, index)[0]
    assert hit.match
    index.remove(hit.entity_id)
    assert all(r.entity_id != hit.entity_id for r in screen(query, index))
    index.add(
        {"id": hit.entity_id, "schema": "Person", "properties": {"name": ["Віктар Уладзіміравіч СОЙКА"]}}
    )
    assert screen(query, index)[0].entity_id == hit.entity_id
    index.replace({"id": hit.entity_id, "schema": "Person", "properties": {"name": ["Someone Else"]}})
    assert all(r.entity_id != hit.entity_id for r in screen(query, index))


def test_opensanctions_deltas_apply_in_order(shared_data_dir: Path) -> None:
    index = ScreeningIndex()
    folder = shared_data_dir / "ftm/yente-t2-deltas"
    for path in sorted(folder.glob("*.entities.delta.json")):
        import json

        index.apply_delta(json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    assert len(index) >= 1
    assert screen(Query(name="Iranian Revolutionary Guard Corps"), index)


def test_fixture_lines_read_as_entities(shared_data_dir: Path) -> None:
    lines = (shared_data_dir / "ftm/yente-zala-entities.ftm.json").read_text("utf-8").splitlines()
    entities = list(read_ftm_lines(lines))
    assert len(entities) == 91
    index = ScreeningIndex.from_entities(entities)
    assert 0 < len(index) < 91  # Sanction, Address and relation entities are not screening hits


def test_bundled_index_counts(bundled_index: ScreeningIndex) -> None:
    assert len(bundled_index) > 15_000
    assert bundled_index.name_count > 30_000


def test_sanctions_follow_their_subjects_through_deltas() -> None:
    index = ScreeningIndex.from_entities(
        [
            {
                "id": "ofac-9760",
                "schema": "Person",
                "properties": {"name": ["LUKASHENKA, Alyaksandr Ryhorovich"]},
            },
            {
                "id": "s1",
                "schema": "Sanction",
                "properties": {"entity": ["ofac-9760"], "program": ["BELARUS"]},
            },
        ]
    )
    assert index.sanctions_of("ofac-9760")[0]["program"] == ["BELARUS"]
    index.apply_delta(
        [{"op": "MOD", "entity": {"id": "s1", "schema": "Sanction", "properties": {"entity": ["x"]}}}]
    )
    assert index.sanctions_of("ofac-9760") == []
    index.apply_delta([{"op": "DEL", "entity": {"id": "s1"}}])
    assert index.sanctions_of("x") == []
