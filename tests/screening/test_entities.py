"""Bad input gets a clear `QueryError` naming the field, or is handled; it never raises anything else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import Query, QueryError, ScreeningIndex, screen
from hramada.screening.entities import parse_date


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "\u200b\u200c "}, "name"),
        ({"name": "😀😀"}, "name"),
        ({"name": "Ivan", "birth_date": "1954-02-30"}, "birth_date"),
        ({"name": "Ivan", "birth_date": "3000"}, "birth_date"),
        ({"name": "Ivan", "birth_date": "yesterday"}, "birth_date"),
        ({"name": "Ivan", "countries": ("Atlantis",)}, "country"),
        ({"name": "Ivan", "schema": "Spaceship"}, "schema"),
    ],
)
def test_unusable_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(QueryError) as raised:
        Query(**kwargs)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert isinstance(raised.value, ValueError)


def test_dates_and_countries_are_normalised() -> None:
    query = Query(name="Ivan", birth_date="30.8.1954", countries=("Belarus", "RU"))
    assert query.birth_date == "1954-08-30"
    assert query.countries == ("by", "ru")
    assert parse_date("1954-8") == "1954-08"


def test_identifier_alone_is_a_query() -> None:
    assert Query(identifiers=("imo:9187629",)).typed_identifiers == (("imo", "9187629"),)


def test_odd_but_usable_names_are_screened() -> None:
    index = ScreeningIndex.from_entities(
        [
            {
                "id": "ofac-9760",
                "schema": "Person",
                "properties": {"name": ["LUKASHENKA, Alyaksandr Ryhorovich"]},
            }
        ]
    )
    for name in (
        "Лука\u200bшэнка\x07 Аляксандр",
        "LUKASHENKA 😀 Alyaksandr",
        "Lukashenka" * 1000,
        "Лукашэнkа",
    ):
        screen(Query(name=name), index)


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=12)))
@settings(max_examples=200, deadline=None)
def test_query_raises_only_query_error(name: str, birth_date: str | None) -> None:
    try:
        Query(name=name, birth_date=birth_date)
    except QueryError:
        pass


_INDEX = ScreeningIndex.from_entities(
    [
        {
            "id": "ofac-9760",
            "schema": "Person",
            "properties": {"name": ["LUKASHENKA, Alyaksandr Ryhorovich"]},
        },
        {"id": "ofac-32746", "schema": "Organization", "properties": {"name": ["BELARUSKALI OAO"]}},
    ]
)


@given(st.text(max_size=120), st.sampled_from(["Person", "Organization", "LegalEntity", "Vessel", "Thing"]))
@settings(max_examples=200, deadline=None)
def test_screening_any_text_never_raises_anything_but_query_error(name: str, schema: str) -> None:
    try:
        query = Query(name=name, schema=schema)
    except QueryError:
        return
    for result in screen(query, _INDEX):
        assert 0.0 <= result.score <= 1.0
        result.to_dict()
