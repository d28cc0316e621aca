"""Specifications for round fourteen of organisation names: two written names of one company, each "<the company>
– management company of the holding <the holding>", where the holding's name is worded another way on one side
only (a word of the company's repeated, or a description added), are one company; another company before the
same phrase, another holding, and the holding itself stay apart. Examples are our own."""

from __future__ import annotations

import pytest

from tests.screening.scoring import company


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
