"""Names written without spaces are split back into listed name parts at query time (ScreeningIndex.split_glued)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import Query, ScreeningIndex, Thresholds, screen

ZALA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ftm" / "yente-zala-entities.ftm.json"
PARTS = ["maria", "aleksandrovna", "osetrova", "nikita", "zakharov", "svetlana", "nikolaevna", "alexander"]


@pytest.fixture(scope="module")
def zala() -> ScreeningIndex:
    return ScreeningIndex.from_entities(
        json.loads(line) for line in ZALA.read_text(encoding="utf-8").splitlines()
    )


@pytest.mark.parametrize(
    ("typed", "caption"),
    [
        ("mariaosetrova", "Maria Aleksandrovna Osetrova"),
        ("osetrovamariaaleksandrovna", "Maria Aleksandrovna Osetrova"),
        ("МарияОсетрова", "Maria Aleksandrovna Osetrova"),
        ("alexandervyacheslavovichzakharov", "Alexander Vyacheslavovich ZAKHAROV"),
    ],
)
def test_a_glued_name_finds_the_listed_person(zala: ScreeningIndex, typed: str, caption: str) -> None:
    found = screen(Query(name=typed, schema="Person"), zala, thresholds=Thresholds.INVESTIGATION, limit=3)
    assert found and found[0].caption == caption and found[0].match


@pytest.mark.parametrize("typed", ["qwertzuiopasdfghjkl", "zzzzzzzzzzzzzzzz"])
def test_gibberish_without_spaces_finds_nobody(zala: ScreeningIndex, typed: str) -> None:
    assert not screen(Query(name=typed, schema="Person"), zala, thresholds=Thresholds.INVESTIGATION)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=2, max_size=4))
def test_any_glue_of_listed_parts_splits_into_pieces_of_the_same_text(parts: list[str]) -> None:
    index = _index_of_parts()
    text = "".join(parts)
    split = index.split_glued(text)
    if split is None:
        # the glued form is itself a key of a listed name (Nikita Zakharov is also indexed as nikitazakharov):
        # nothing to split, and the name is found as it is
        assert screen(Query(name=text, schema="Person"), index, thresholds=Thresholds.INVESTIGATION)
    else:
        assert "".join(split) == text and len(split) <= len(parts)


_CACHE: dict[str, ScreeningIndex] = {}


def _index_of_parts() -> ScreeningIndex:
    if "parts" not in _CACHE:
        _CACHE["parts"] = ScreeningIndex.from_entities(
            [
                {"id": "a", "schema": "Person", "properties": {"name": ["Maria Aleksandrovna Osetrova"]}},
                {
                    "id": "b",
                    "schema": "Person",
                    "properties": {"name": ["Nikita Zakharov", "Alexander Zakharov"]},
                },
                {"id": "c", "schema": "Person", "properties": {"name": ["Svetlana Nikolaevna"]}},
            ]
        )
    return _CACHE["parts"]
