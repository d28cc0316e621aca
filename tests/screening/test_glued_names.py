"""Names written without spaces are split back into listed name parts at query time (hramada.screening.glued)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import Query, ScreeningIndex, Thresholds, screen
from hramada.screening.glued import glued_split, split_glued, with_split_names

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
    query = with_split_names(Query(name=typed, schema="Person"), zala)
    found = screen(query, zala, thresholds=Thresholds.INVESTIGATION, limit=3)
    assert found and found[0].caption == caption and found[0].match


def test_mariaosetrova_is_not_found_without_the_split(zala: ScreeningIndex) -> None:
    assert not screen(Query(name="mariaosetrova", schema="Person"), zala, thresholds=Thresholds.INVESTIGATION)


@pytest.mark.parametrize("typed", ["Maria Osetrova", "nikitazakharov", "Zubr", "qwertzuiopasdfghjkl"])
def test_names_with_spaces_known_words_and_gibberish_are_left_alone(zala: ScreeningIndex, typed: str) -> None:
    query = Query(name=typed, schema="Person")
    assert with_split_names(query, zala) == query


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=2, max_size=4))
def test_any_glue_of_listed_parts_splits_into_pieces_of_the_same_text(parts: list[str]) -> None:
    index = _index_of_parts()
    text = "".join(parts)
    split = split_glued(text, "person", index)
    assert split is not None and "".join(split) == text and len(split) <= len(parts)
    assert glued_split(text, "Person", index) in (None, " ".join(split))


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
