"""Screening the other way round: a listed entity against an index of counterparties scores each pair as the
counterparty's own screening would."""

from __future__ import annotations

import random

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


def _look_alikes(index: ScreeningIndex, rng: random.Random, count: int) -> list[Query]:
    """Counterparties written after real listed people the way registers write them: the listed name itself, its
    given name and surname with a patronymic of someone else, and a one-letter slip in the surname."""
    persons = sorted(e for e, entity in index.entities.items() if entity.schema == "Person")
    out: list[Query] = []
    for n in range(count):
        entity = index.entities[rng.choice(persons)]
        name = rng.choice(entity.names)
        words = name.replace(",", " ").split()
        if len(words) >= 2 and n % 3 == 1:
            words = [words[0], rng.choice(("Viktorovich", "Ivanavich", "Sergeevich")), *words[1:]]
        elif len(words) >= 2 and n % 3 == 2:
            surname = words[0]
            at = rng.randrange(1, max(2, len(surname) - 1))
            words[0] = surname[:at] + surname[at + 1 :] if len(surname) > 4 else surname
        out.append(Query(name=" ".join(words), schema="Person", id=f"look-alike:{n}"))
    return out


def test_the_inverted_look_up_finds_every_pair_the_forward_screening_flags(
    bundled_index: ScreeningIndex,
) -> None:
    """For generated Belarusian and Russian names and look-alikes of listed people, every (counterparty, listed
    entity) pair that a forward screening returns at review level is found by screening that listed entity against
    the index of all counterparties, with at least the forward score."""
    from hramada.monitoring.generated_names import generate

    rng = random.Random(19)
    queries = [
        Query(
            name=p.name,
            schema=p.schema,
            birth_date=p.birth_date or None,
            countries=(p.country,) if p.country else (),
            id=f"generated:{n}",
        )
        for n, p in enumerate(generate(1500, seed=19))
    ]
    queries += _look_alikes(bundled_index, rng, 300)
    counterparties = CounterpartyIndex()
    for query in queries:
        counterparties.put(query)
    forward: dict[tuple[str, str], float] = {}
    for query in queries:
        for result in screen(query, bundled_index, thresholds=Thresholds.SCREENING, limit=10):
            forward[(str(query.id), result.entity_id)] = result.score
    assert len(forward) > 100, "the look-alikes give the property something to hold"
    inverted: dict[tuple[str, str], float] = {}
    for entity_id in sorted({eid for _ref, eid in forward}):
        entity = bundled_index.entities[entity_id]
        for result in screen_listed(
            entity,
            counterparties,
            thresholds_for=lambda ref: Thresholds.SCREENING,
            listed_index=bundled_index,
        ):
            inverted[(str(result.query_id), entity_id)] = result.score
    missed = sorted(pair for pair in forward if pair not in inverted)
    assert not missed, [
        (counterparties.query(ref).name, bundled_index.entities[eid].caption) for ref, eid in missed
    ]
    assert all(inverted[pair] >= score - 1e-9 for pair, score in forward.items())
