"""Specifications for round nineteen: a surname shaped like a patronymic that the lists write before the comma
(IMAMOVIC, Nusret: South Slavic surnames end in -ović and -ević) identifies its bearer as a surname does, and an
English Trading House is the торговый дом of Russian and Belarusian names. Names are our own."""

from __future__ import annotations

import pytest

from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("IMAMOVIC, Nusret", "IMAMOVIC, Nusret Sulejman"),  # 0.71 before
        ("Nusret Imamovic", "IMAMOVIĆ, Nusret Sulejman"),  # the listed name's comma says it
        ("MILOSEVIC, Dragan", "MILOSEVIC, Dragan Petar"),
    ],
)
def test_a_surname_written_before_the_comma_counts_as_a_surname(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A given name and a patronymic agree, nothing else: a lead at most, commas or not.
        ("Ivan Petrovich", "Ivan Petrovich Sidorov"),
        # The query writes Petrovich as a surname, the listed name as a patronymic (after the comma).
        ("PETROVICH, Ivan", "SIDOROV, Ivan Petrovich"),
    ],
)
def test_a_patronymic_after_the_comma_is_still_a_patronymic(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Trading House Neman", "Торговый дом «Неман»"),  # 0.36 before
        ("Torgovyi Dom Neman", "Trading House Neman"),
        ("ТД Неман", "Trading House Neman"),
    ],
)
def test_a_trading_house_is_a_torgovyi_dom(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


def test_trading_houses_of_other_names_stay_apart() -> None:
    assert company("Trading House Neman", "Trading House Belshina") < 0.6
