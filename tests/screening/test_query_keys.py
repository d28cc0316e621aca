"""A query's retrieval keys: each key at the highest weight any of its renderings gives it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import ScreeningIndex
from hramada.screening.names import NameKind, name_variants
from hramada.screening.retrieval import variant_keys

INDEX = ScreeningIndex.from_entities(
    [
        {"id": "a", "schema": "Person", "properties": {"name": ["Mikhail Viktorovich Abramov"]}},
        {"id": "b", "schema": "Person", "properties": {"name": ["Міхаіл Віктаравіч Абрамук"]}},
        {"id": "c", "schema": "Person", "properties": {"name": ["Migail Burchik"]}},
    ]
)
PARTS = [
    "Міхаіл",
    "Михаил",
    "Mikhail",
    "Migail",
    "Viktorovich",
    "Віктаравіч",
    "Abramov",
    "Абрамук",
    "Burchik",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=4))
def test_a_key_given_by_several_renderings_keeps_its_highest_weight(parts: list[str]) -> None:
    variants = name_variants(" ".join(parts), NameKind.PERSON)
    merged = INDEX._query_keys(variants)
    per_variant = [variant_keys(v, query=True, known=INDEX._postings) for v in variants]
    for key, weight in merged.items():
        assert weight == max(keys[key] for keys in per_variant if key in keys)
    assert set(merged) == {key for keys in per_variant for key in keys}
