"""Specifications for round thirty-seven. An Arabic name romanised with a short vowel that another romanisation leaves
unwritten is one name (Zreik / Zuraik, Harzi / Harazi); the initials of a kind of company in a Russian name (АКБ, КБ,
CB, АБ, СК) are read as the words they stand for, so AKB Zorvex finds Joint Stock Commercial Bank Zorvex; a town in
-vl meets its adjective (Yaroslavl / Yaroslavskiy). The names are our own; the score before this round is in each
comment."""

from __future__ import annotations

import pytest

from hramada.screening.keys import consonant_frame, frames_meet_but_a_vowel
from tests.screening.scoring import company, score

MATCH = 0.8


def _frames(a: str, b: str) -> bool:
    frame_a, frame_b = consonant_frame(a), consonant_frame(b)
    assert frame_a is not None and frame_b is not None
    return frames_meet_but_a_vowel(frame_a, frame_b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("zreik", "zuraik"), ("harzi", "harazi"), ("balwi", "balawi"), ("freij", "furayj"), ("fatma", "fatima")],
)
def test_a_vowel_one_romanisation_writes_between_two_consonants_makes_one_frame(a: str, b: str) -> None:
    assert _frames(a, b)
    assert _frames(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("juhni", "jahani"),  # u and a are other vowels, written or not
        ("zorvan", "zorvanu"),  # a vowel more at the end is an ending, not an unwritten vowel
        ("hamzan", "hamazana"),  # two vowels more
        ("salim", "salma"),  # the vowel moved, not added
    ],
)
def test_only_one_vowel_read_into_a_group_of_consonants_and_nothing_else_makes_one_frame(
    a: str, b: str
) -> None:
    assert not _frames(a, b)


def test_a_frame_of_two_consonants_says_too_little() -> None:
    # Asma and Asama have two consonants: too few to read a vowel in (they may still meet as a slip).
    frame_a, frame_b = consonant_frame("asma"), consonant_frame("asama")
    assert frame_a is not None and frame_b is not None
    assert not frames_meet_but_a_vowel(frame_a, frame_b)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZREIK, Ali Hasan", "ZURAIK, Ali Hassan"),  # 0.50 before
        ("ZREIK, Ali", "ZURAIK, Ali Hasan"),  # 0.20 before
        ("AL-FREIJ, Fahd Zorvani", "AL-FURAYJ, FAHD ZORVANI"),  # 0.56 before
        ("SLEWA, Rudi Zorvan", "SALIWA, Rudi Zorvan"),  # 0.30 before
    ],
)
def test_an_arabic_name_with_its_short_vowel_written_or_not_is_one_name(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH
    assert score(listed, query) >= MATCH


def test_an_unwritten_vowel_counts_less_than_a_vowel_written_otherwise() -> None:
    unwritten = score("Zreik Zorvani", "Zuraik Zorvani")
    other_vowel = score("Zureik Zorvani", "Zuraik Zorvani")
    assert MATCH <= unwritten < other_vowel <= 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvani Harzi", "Zorvani Hurazi"),  # a vowel read in and another changed: two changes
        ("Zorvani Harzi", "Zorvani Hazari"),  # the consonants in another order
        ("Zorvani Salim", "Zorvani Salma"),  # the vowel moved, not added
    ],
)
def test_other_names_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("JOINT STOCK COMMERCIAL BANK ZORVEX", "AKB ZORVEX PAO"),  # 0.74 before
        ("JOINT-STOCK COMPANY COMMERCIAL BANK ZORVEX CREDIT", "JSC CB ZORVEX CREDIT"),  # 0.67 before
        ("PUBLIC JOINT STOCK COMPANY KB ZORVEXNY", "ZORVEXNY COMMERCIAL BANK PJSC"),  # 0.41 before
        ("BANK ZORVANIYA", "AB ZORVANIYA, OAO"),  # 0.85 before (0.66 for Rossiya, a country's name)
        ("АКБ «Зорвекс»", "Zorvex Commercial Bank"),  # 0.85 before
    ],
)
def test_the_initials_of_a_banks_form_are_read_as_their_words(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEX SHIPPING CO LLC", "SK ZORVEX, OOO"),  # 0.46 before
        ("ZORVEX SHIPPING COMPANY LIMITED LIABILITY COMPANY", "OOO SK ZORVEX"),  # 0.46 before
        ("LLC SK ZORVEX-STROI", "LIMITED LIABILITY COMPANY CONSTRUCTION COMPANY ZORVEX-STROI"),  # 0.63 before
        ("INSURANCE COMPANY ZORVEX", "SK ZORVEX LLC"),  # 0.41 before
    ],
)
def test_sk_is_a_construction_insurance_or_shipping_company(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


def test_kb_is_also_a_design_bureau() -> None:
    # КБ is конструкторское бюро as often as коммерческий банк (0.85 before; 0.42 for OFAC's M.V. Frunze Arsenal
    # Design Bureau / AO KB Arsenal).
    assert company("ZORVEX DESIGN BUREAU JOINT STOCK COMPANY", "AO KB ZORVEX") >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AKB ZORVEXBANK", "AKB ZORVANBANK"),  # the form shared, the bank's own name not
        ("KB ZORVEX LINES", "KB ZORVEX INVESTMENTS"),
        ("CB ZORVEX", "CB ZORVAN"),
        ("SK ZORVEX", "SK ZORVAN"),
    ],
)
def test_a_kind_of_companys_initials_alone_make_no_match(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


def test_the_explanation_says_how_the_initials_were_read() -> None:
    from hramada.screening import ListedEntity, Query, score_candidate

    entity = ListedEntity("x", "Company", "CB ZORVEX", ("CB ZORVEX",), (), (), ())
    result = score_candidate(Query(name="Commercial Bank Zorvex", schema="Company"), entity)
    assert result.name_evidence is not None
    assert "its initials of a kind of company written as their words" in result.name_evidence.describe()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVASLAVL PLANT", "ZORVASLAVSKIY ZAVOD"),  # 0.00 before
        ("YAROSLAVL ZORVEX SHIPYARD", "YAROSLAVSKY ZORVEX SHIPBUILDING PLANT"),  # 0.40 before
        ("Зорваславль Плант", "ЗОРВАСЛАВСКИЙ ЗАВОД"),  # 0.33 before
    ],
)
def test_a_town_in_vl_meets_its_adjective_without_the_l(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


def test_a_word_in_vl_meets_no_other_adjective() -> None:
    assert company("ZORVASLAVL PLANT", "ZORVANSKIY ZAVOD") < MATCH


def test_a_reading_of_the_initials_is_compared_but_never_looked_up() -> None:
    from hramada.screening.index import listed_keys
    from hramada.screening.names import compared_only, name_variants
    from hramada.screening.retrieval import variant_keys

    variants = name_variants("OOO SK ZORVEX", "organization")
    kind = [v for v in variants if compared_only(v)]
    assert kind  # read as a construction, insurance, shipping company and a sports club
    assert all(variant_keys(v, query=True) == {} for v in kind)
    own = [v for v in variants if not compared_only(v)]
    assert listed_keys(variants) == listed_keys(own)
