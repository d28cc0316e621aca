"""Screening the other way round: a listed entity against an index of counterparties scores each pair as the
counterparty's own screening would."""

from __future__ import annotations

from hramada.screening import Query, ScreeningIndex, Thresholds, screen
from hramada.screening.entities import ListedEntity
from hramada.screening.reverse import CounterpartyIndex, screen_listed

LUKASHENKA = {
    "id": "eu-lukashenka",
    "schema": "Person",
    "properties": {
        "name": ["Аляксандр Рыгоравіч ЛУКАШЭНКА", "Aliaksandr LUKASHENKA"],
        "birthDate": ["1954-08-30"],
    },
}
COUNTERPARTIES = [
    Query(
        name="Alexander Lukashenko",
        schema="Person",
        birth_date="1954-08-30",
        id="fund.application:1:applicant",
    ),
    Query(name="Александр Лукашенко", schema="Person", id="monitoring.watch:1:2"),
    Query(name="Hanna Kavalenka", schema="Person", id="monitoring.watch:1:3"),
    Query(name="OAO Belaz", schema="Company", id="registry.recipient:R1"),
]


def _index() -> CounterpartyIndex:
    index = CounterpartyIndex()
    for query in COUNTERPARTIES:
        index.put(query)
    return index


def test_lukashenka_finds_the_counterparties_written_lukashenko_and_no_one_else() -> None:
    listed = ListedEntity.from_ftm(LUKASHENKA)
    found = screen_listed(listed, _index(), thresholds_for=lambda ref: Thresholds.SCREENING)
    assert {r.query_id for r in found} == {"fund.application:1:applicant", "monitoring.watch:1:2"}


def test_each_pair_scores_what_the_forward_screening_gives_it() -> None:
    lists = ScreeningIndex.from_entities([LUKASHENKA])
    listed = lists.entities["eu-lukashenka"]
    inverted = {
        r.query_id: r.score
        for r in screen_listed(
            listed, _index(), thresholds_for=lambda ref: Thresholds.SCREENING, listed_index=lists
        )
    }
    for query in COUNTERPARTIES[:2]:
        forward = screen(query, lists, thresholds=Thresholds.SCREENING)
        assert forward and inverted[str(query.id)] == forward[0].score


def test_a_counterparty_replaced_or_discarded_is_found_no_more() -> None:
    index = _index()
    index.put(Query(name="Hanna Kavalenka", schema="Person", id="fund.application:1:applicant"))
    index.discard("monitoring.watch:1:2")
    listed = ListedEntity.from_ftm(LUKASHENKA)
    assert screen_listed(listed, index, thresholds_for=lambda ref: Thresholds.SCREENING) == []
    assert len(index) == 3


def test_an_identifier_finds_a_counterparty_whatever_its_name() -> None:
    index = CounterpartyIndex()
    index.put(
        Query(
            name="Sea Star Shipping", schema="Vessel", identifiers=("imo:9187629",), id="evasion.shipment:1:a"
        )
    )
    listed = ListedEntity.from_ftm(
        {
            "id": "ofac-1",
            "schema": "Vessel",
            "properties": {"name": ["OCEAN GLORY"], "imoNumber": ["IMO 9187629"]},
        }
    )
    found = screen_listed(listed, index, thresholds_for=lambda ref: Thresholds.SCREENING)
    assert [r.query_id for r in found] == ["evasion.shipment:1:a"]
