"""Specifications for round fourteen. Persons: a slip in the Russian form of a name against its Belarusian form
(the slip read as the spelling of the equivalence tables one slip away, as written or by its stem). Organisations:
two written names of one company, each "<the company> – management company of the holding <the holding>", where
the holding's name is worded another way on one side only (a word of the company's repeated, or a description
added), are one company; another company before the same phrase, another holding, and the holding itself stay
apart. Examples are our own."""

from __future__ import annotations

import pytest

from hramada.screening.equivalence import default_table
from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A letter left out of Nikolai: one slip from the given name's stem, not from Nikolaevich's (0.45 before).
        ("Niklai Petrovich ZHUK", "Mikalai Piatrovich ZHUK"),
        # A letter of Natalia mistyped: one slip from the tables' spelling Natalia (0.52 before).
        ("Natslia Sergeevna POPOVA", "Natallia Siarheeuna PAPOVA"),
        # Two letters of Aleksandrovich swapped, which breaks the ch its key folds (0.39 before).
        ("Pavel Aleksandrovcih MOROZ", "Pavel Aliaksandravich MAROZ"),
    ],
)
def test_a_slip_in_the_russian_form_meets_the_belarusian_form(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Pavel Aleksandrovcih MOROZ", "Pavel Aliaksandrauna MAROZ"),  # a daughter's patronymic
        ("Pavel Aleksandrovcih MOROZ", "Pavel Mikalaevich MAROZ"),  # another father
        ("Niklai Petrovich ZHUK", "Mikita Piatrovich ZHUK"),  # another given name
        ("Natslia Sergeevna POPOVA", "Natallia Mikalaeuna PAPOVA"),
    ],
)
def test_a_slip_read_as_a_known_spelling_still_tells_other_names_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8, (query, listed)


def test_a_written_slip_is_read_only_when_it_is_one_slip_from_one_name() -> None:
    table = default_table()
    assert table.written_slip("Vladimirovcih") == table.canonical("vladimirvic")
    assert table.written_slip("Vladimirovich") is None  # a spelling of the tables is no slip
    assert table.written_slip("Ola") is None  # too short to tell a slip from another name
    assert table.written_slip("Kowalski") is None  # one slip from no name of the tables


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # The holding's name in English on one side, romanised Russian with a description on the other (0.70
        # before: the description left over on one side was taken for another holding's name).
        (
            "OJSC KB Dnepr-Managing Company of Holding Dnepr Navigation",
            "KB Dnepr-upravlyayushchaya kompaniya kholdinga Dneprovskie Navigatsionnye Sistemy OAO",
        ),
        (
            "OJSC Vitbet Trade – Management Company of Holding Vitbet Group",
            "Vitbet Trade – upravlyayushchaya kompaniya kholdinga Gruppa Vitbet Elektronika",
        ),
    ],
)
def test_one_company_managing_one_holding_worded_two_ways(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Another company before the same phrase and holding.
        (
            "OJSC Vitbet Trade – Management Company of Holding Vitbet Radio Systems",
            "OJSC Polesie Tools – Management Company of Holding Vitbet Radio Systems",
        ),
        # The same company name before the phrase, another holding: a word swapped for a generic word...
        (
            "OJSC Dnepr Control – Managing Company of Factory Control Systems Holding",
            "OJSC Dnepr Control – Managing Company of Navigation Control Systems Holding",
        ),
        # ...or a distinctive word on each side.
        (
            "OJSC Dnepr Control – Managing Company of Holding Dnepr Shipbuilding",
            "OJSC Dnepr Control – Managing Company of Holding Dnepr Instrument Making",
        ),
        # The holding is another organisation than the company that manages it.
        ("OJSC Dnepr Control – Managing Company of Holding Dnepr", "Dnepr"),
        # Two names in one cell that share only one of them stay apart as before.
        ("Vitbet Trade / Sohra LLC", "Sohra Group / Sohra LLC"),
    ],
)
def test_another_company_or_holding_or_the_holding_itself_stays_apart(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8, (query, listed)
