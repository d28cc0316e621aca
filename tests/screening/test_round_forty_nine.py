"""Specifications for round forty-nine. A legal form that one name writes and the other leaves out decides nothing
about a word the other name adds: Zorvex Steel Co. against Zorvex Steel Rolling scores as Zorvex Steel against
Zorvex Steel Rolling does (an alias that adds a word), where before the form was counted as a word that Rolling took
the place of (another company); and a form one name appends no longer keeps a word swapped for another from
counting (Grodno Zorvex Factory Neman OJSC / Grodno Zorvex Synesis Neman: another company, as without the OJSC). A
generic word that says what the company does still may be swapped for a word of another company's (Zorvex Steel
Factory / Zorvex Steel Karlan). The Russian autonomous non-profit organisation (АНО) is a legal form however English
writes it (nonprofit, non-commercial, noncommercial) or romanises it.
The names are our own or common ones; the score before this round is in each comment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.names import _slip_as_written
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


@pytest.mark.parametrize(
    ("query", "listed", "without_form"),
    [
        # 0.96 before: the OJSC made the names count a word apart, so INTEGRAL was no word swapped for REGIONAL.
        (
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN INTEGRAL EXECUTIVE COMMITTEE OJSC",
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN REGIONAL EXECUTIVE COMMITTEE",
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN INTEGRAL EXECUTIVE COMMITTEE",
        ),
        (
            "GRODNO ZORVEX FACTORY NEMAN OJSC",
            "GRODNO ZORVEX SYNESIS NEMAN",
            "GRODNO ZORVEX FACTORY NEMAN",
        ),  # 0.94
        ("Zorvex Steel Works LLC", "Zorvex Rolling Steel", "Zorvex Steel Works"),  # 0.92
        ("ZORVEX SHIPPING COMPANY LIMITED", "ZORVEX TRADING", "ZORVEX SHIPPING"),  # 0.65
        ("FOREIGN LIMITED LIABILITY COMPANY ZORVEX ASTRA", "Zorvex Holdings", "ZORVEX ASTRA"),  # 0.68
        (
            "ZORVEX BANK PUBLIC JOINT STOCK COMPANY",
            "RUSSIAN ZORVEXBANK",
            "ZORVEX BANK",
        ),  # Public is the form's
    ],
)
def test_a_form_one_name_writes_keeps_no_swapped_word_from_counting(
    query: str, listed: str, without_form: str
) -> None:
    assert company(query, listed) == pytest.approx(company(without_form, listed))
    assert company(listed, query) == pytest.approx(company(listed, without_form))


def test_swapped_words_beside_a_form_make_another_body() -> None:
    assert (
        company(
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN INTEGRAL EXECUTIVE COMMITTEE OJSC",
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN REGIONAL EXECUTIVE COMMITTEE",
        )
        < MATCH
    )
    assert company("GRODNO ZORVEX FACTORY NEMAN OJSC", "GRODNO ZORVEX SYNESIS NEMAN") < MATCH


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


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # rigour's forms, read where they close or open the name: 0.96 before with the form appended
        (
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN INTEGRAL EXECUTIVE COMMITTEE AB",
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN REGIONAL EXECUTIVE COMMITTEE",
        ),
        (
            "SIA DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN INTEGRAL EXECUTIVE COMMITTEE",
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVAN REGIONAL EXECUTIVE COMMITTEE",
        ),
    ],
)
def test_a_form_of_rigours_table_appended_keeps_no_swapped_word_from_counting(
    query: str, listed: str
) -> None:
    assert company(query, listed) < MATCH


def test_a_word_of_rigours_table_within_a_name_is_a_word_of_it() -> None:
    assert company("HOLY ZORVAN SHRINES IN IRAQ", "HOLY ZORVAN SHRINES") >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Velness LLC", "LLC VELNESS"),
        ("Zorvec SIA", "Zorvex"),  # zarvec / zarveks: 0.71 before
        ("NAFTSN ZAO", "NAFTAN OAO"),  # nafcn / naftan: 0.00 before
        ("Syness LLC", "LLC SYNESIS"),  # sines / sinesis: 0.00 before
        ("Logec SIA", "Logex"),  # lagec / lageks: 0.00 before
    ],
)
def test_one_slip_as_written_that_reading_made_two(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZNIIEF", "ZNIITF"),  # a run of initials: one letter names another institute
        ("Minsk Tractor Works", "Pinsk Tractor Works"),  # another first letter, another town
    ],
)
def test_a_slip_as_written_still_tells_companies_apart(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


@settings(deadline=None)
@given(
    st.text(alphabet="abcdeklnorstvxyz", min_size=0, max_size=10),
    st.text(alphabet="abcdeklnorstvxyz", max_size=10),
)
def test_the_slip_as_written_is_symmetric_and_a_similarity(word_a: str, word_b: str) -> None:
    sim = _slip_as_written(word_a, word_b)
    assert sim == _slip_as_written(word_b, word_a)
    assert 0.0 <= sim < 1.0


def test_a_form_appended_to_a_name_of_parts_keeps_no_swapped_word_from_counting() -> None:
    # 1.00 before: the Ltd made the parts count a word apart, so City was no word swapped for Administration.
    query = "ZGU – Main Zorvan Department of the Presidential CITY Ltd"
    listed = "ZGU – Main Zorvan Department of the Presidential Administration"
    assert company(query, listed) == pytest.approx(company(query.removesuffix(" Ltd"), listed))
    assert company(query, listed) < MATCH


def test_one_holding_worded_two_ways_is_still_one() -> None:
    assert (
        company(
            "OJSC KB ZORVAN-MANAGING COMPANY HOLDING ZORVAN SYSTEM",
            "KB ZORVAN - ZORVAN AND ELECTRONIC WARFARE SYSTEMS",
        )
        >= 0.95
    )


def test_the_unitary_enterprise_in_ukrainian_is_a_legal_form() -> None:
    assert company("Унітарне підприємство Зорвекс", "Zorvex UE") >= 0.95  # 0.56 before
    assert (
        company(
            "Research and Production Unitary Enterprise ‘Scientific and Technical Center ‘ZORV’ BelOMO’",
            "Науково-виробниче унітарне підприємство ‘Науково-технічний центр ‘ЗОРВ’ БєлОМО’",
        )
        >= 0.95
    )
