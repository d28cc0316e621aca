"""Specifications for round forty-nine. A legal form that one name writes and the other leaves out decides nothing
about a word the other name adds: Zorvex Steel Co. against Zorvex Steel Rolling scores as Zorvex Steel against
Zorvex Steel Rolling does (an alias that adds a word), where before the form was counted as a word that Rolling took
the place of (another company). A generic word that says what the company does still may be swapped for a word of
another company's (Zorvex Steel Factory / Zorvex Steel Karlan). The Russian autonomous non-profit organisation (АНО)
is a legal form however English writes it (nonprofit, non-commercial, noncommercial) or romanises it.
The names are our own or common ones; the score before this round is in each comment."""

from __future__ import annotations

import pytest

from tests.screening.scoring import company

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed", "without_form"),
    [
        ("ZORVEX STEEL CO.", "ZORVEX STEEL ROLLING", "ZORVEX STEEL"),  # 0.47 before
        ("ZORVEX STEEL LTD", "ZORVEX STEEL KARLAN", "ZORVEX STEEL"),  # 0.47
        ("MARVO SANAT COMPANY", "MARVO SANAT ENGINEERING", "MARVO SANAT"),  # 0.40
        ("ZORVEX STEEL COMPANY", "ZORVEX STEEL ROLLING", "ZORVEX STEEL"),  # 0.47
        ("WAVE LLC", "THIRD WAVE", "WAVE"),  # 0.31 before
    ],
)
def test_a_form_one_name_writes_is_no_word_another_took_the_place_of(
    query: str, listed: str, without_form: str
) -> None:
    assert company(query, listed) == pytest.approx(company(without_form, listed))
    assert company(listed, query) == pytest.approx(company(listed, without_form))


def test_an_ordinal_added_beside_a_form_is_a_lead_not_a_match() -> None:
    assert 0.5 < company("Third Wave", "Wave LLC") < MATCH  # 0.31 before; Third Wave / Wave 0.59


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEX STEEL CO.", "ZORVEX STEEL ROLLING"),  # 0.47 before
        ("MARVO SANAT COMPANY", "MARVO SANAT ENGINEERING"),  # 0.40
        ("KHARLAN STEEL CO.", "KHARLAN STEEL ROLLING"),  # 0.46
    ],
)
def test_an_alias_that_adds_a_word_beside_a_form_still_matches(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEX STEEL FACTORY", "ZORVEX STEEL KARLAN"),  # a word of kind swapped for a name
        ("GRODNO ZORVEX FACTORY NEMAN", "GRODNO ZORVEX SYNESIS NEMAN"),
        ("ZORVEX TRADING COMPANY", "ZORVEX TRADING KARLAN"),  # Trading is the word swapped, not Company
        ("Zorvex Steel Factory LLC", "Zorvex Rolling Steel LLC"),  # forms on both sides change nothing
        ("KB ZORVEX LINES", "KB ZORVEX INVESTMENTS"),  # KB read as its words has more parts than words
        ("Zorvex Trading LLC", "Karlan Trading LLC"),
    ],
)
def test_a_generic_word_swapped_for_a_name_still_makes_another_company(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH
    assert company(listed, query) < MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AUTONOMOUS NONPROFIT ORGANIZATION ZORVEX CENTER", "ANO ZORVEX CENTER"),  # 0.59 before
        (
            "AVTONOMNAYA NEKOMMERCHESKAYA ORGANIZATSIYA ZORVEX",
            "AUTONOMOUS NON-COMMERCIAL ORGANISATION ZORVEX",
        ),  # 0.53
        ("AUTONOMOUS NONCOMMERCIAL ORGANIZATION ZORVEX", "АНО ЗОРВЕКС"),  # 0.44
    ],
)
def test_the_autonomous_non_profit_organisation_is_a_legal_form_however_written(
    query: str, listed: str
) -> None:
    assert company(query, listed) >= 0.95


def test_the_form_names_no_organisation_of_its_own() -> None:
    assert company("ZORVEX", "AUTONOMOUS NONPROFIT ORGANIZATION KARLAN") < 0.5
