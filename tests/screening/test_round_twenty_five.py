"""Specifications for round twenty-five: company names written with two dotted initials (B.S., I.T.) against the
same initials written as one word; a brand glued on one side and hyphenated on the other beside a word that only
describes (Zorvextrans Airlines / Zorvex-Trans); a compound of loanwords written through Russian against the English
words it is made of (Zorvbizneslizing / Zorvbusiness Leasing). The names are our own. The score before this round
is in each comment."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import Query, ScreeningIndex, screen
from hramada.screening.names import NameKind, _two_letter_acronyms_joined, name_variants
from hramada.screening.retrieval import MAX_POSTING
from hramada.screening.score import query_variants
from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("KT PLUTONIQ HOLDINGS", "K.T. PLUTONIQ HOLDINGS"),  # 0.77 before
        ("Zorvex B.S.", "Zorvex BS"),  # 0.77 before
        ("I.T. Zorvex Group", "IT Zorvex Group"),  # 0.77 before
        ("B.S. Company Zorvexmar", "BS Company Zorvexmar"),
    ],
)
def test_two_dotted_initials_meet_the_same_letters_written_as_one_word(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95
    assert company(listed, query) >= 0.95


@pytest.mark.parametrize(
    "name",
    [
        "Zorvex S.A.",
        "Zorvex A.G.",
        "Zorvex N.V.",
        "Zorvex B.V.",
        "Zorvex S. de R.L. de C.V.",
        "Zorvex Sp. z o.o.",
    ],
)
def test_dotted_legal_forms_are_still_dropped_not_read_as_initials(name: str) -> None:
    assert _two_letter_acronyms_joined(name) is None
    assert company(name, "ZORVEX") == 1.0


def test_the_joined_initials_are_a_second_reading_beside_the_name_that_drops_them() -> None:
    assert _two_letter_acronyms_joined("B.S. Company Offshore") == "BS Company Offshore"
    # Three letters are joined by every reading already.
    assert _two_letter_acronyms_joined("A.B.C. Trading") is None
    assert _two_letter_acronyms_joined("Zorvex Trading") is None
    assert _two_letter_acronyms_joined("S.A.S. E.U.") is None  # dotted letters only: legal forms, no name
    readings = {v.keys for v in name_variants("K.T. Plutoniq", NameKind.ORGANIZATION)}
    assert ("kt", "plutaniq") in readings or any("kt" in keys for keys in readings)
    assert company("K.T. Plutoniq", "Plutoniq") >= 0.95  # the initials dropped, as before this round


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvextrans Airlines", "Zorvex-Trans"),  # 0.39 before
        ("Zorvex-Trans", "Zorvextrans Airlines"),  # 0.39 before
        ("Zorvexmarine Logistics", "Zorvex Marine"),
        ("Zorvexmarine Shipping", "Zorvex Marine"),  # 0.20 before: marine met shipping, its synonym, first
        ("Zorvex Marine", "Zorvexmarine Shipping"),  # 0.20 before
    ],
)
def test_a_brand_written_glued_and_hyphenated_meets_beside_a_descriptive_word(
    query: str, listed: str
) -> None:
    assert company(query, listed) >= 0.8


def test_a_glued_brand_beside_a_distinctive_word_stays_below_a_match() -> None:
    assert company("Zorvexmarine Plutoniq", "Zorvex Marine") < 0.8
    assert company("Zorvextrans Plutoniq", "Zorvex-Trans") < 0.8  # Plutoniq names which company
    assert company("Zorvextrans Shipping", "Zorvex-Trans Logistics") < 0.8  # words of kind that differ


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("CJSC ZORVBIZNESLIZING", "ZORVBUSINESS LEASING"),  # 0.00 before
        ("ZORVBUSINESS LEASING", "OOO ZORVBIZNESLIZING"),  # 0.00 before
    ],
)
def test_a_compound_of_loanwords_meets_the_english_words_it_is_made_of(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.9


@pytest.mark.parametrize("listed", ["ZORVBUSINESS TRADING", "ZORVBUSINESS LOGISTICS", "PLUTBUSINESS LEASING"])
def test_the_compound_needs_every_word_it_is_made_of(listed: str) -> None:
    assert company("ZORVBIZNESLIZING", listed) < 0.8


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ABSTdeKL.. -", max_size=24))
def test_joining_dotted_initials_never_fails_and_only_takes_dots_away(name: str) -> None:
    joined = _two_letter_acronyms_joined(name)
    assert joined is None or (joined.replace(".", "") == name.replace(".", "") and len(joined) < len(name))
    if name_variants(name, NameKind.ORGANIZATION):  # a name with any part (AA folds to one letter: none)
        assert company(name, name) == 1.0  # always matches itself


def _crowded_index() -> tuple[ScreeningIndex, str]:
    """More names than MAX_POSTING share the given name Hassan (each with a surname of its own), and more names than
    a query's candidates share the surname Zorvanek (each with a given name of its own); one name has both."""
    syllables = ["ka", "lo", "mi", "te", "ru", "po", "se", "di", "na", "vu", "be", "go"]
    made = ["".join(parts).title() for parts in itertools.product(syllables, repeat=3)]
    entities: list[dict[str, object]] = []
    for n, surname in enumerate(made[: MAX_POSTING + 50]):
        entities.append({"id": f"h{n}", "schema": "Person", "properties": {"name": [f"{surname}, Hassan"]}})
    for n, given_name in enumerate(made[-60:]):
        entities.append(
            {"id": f"z{n}", "schema": "Person", "properties": {"name": [f"ZORVANEK, {given_name}"]}}
        )
    entities.append(
        {"id": "both", "schema": "Person", "properties": {"name": ["ZORVANEK, Shaykh Hassan Mahmoud"]}}
    )
    return ScreeningIndex.from_entities(entities), "both"


def test_a_common_given_name_still_tells_apart_the_names_a_common_surname_brings_into_play() -> None:
    # Hassan is on too many names to bring any into play, and before this round it left the sixty-one Zorvaneks
    # tied: the one with both parts was among the twenty candidates or not by the order of a set.
    index, both = _crowded_index()
    query = Query(name="ZORVANEK Hassan", schema="Person")
    candidates = index.candidate_names(query_variants(query), limit=20)
    assert index.names[candidates[0]].entity_id == both
    assert screen(query, index)[0].entity_id == both


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ghani Zorvani", "Anna Zorvani"),  # 0.86 before: Ghani read as Anna
        ("Khan Zorvani", "Anna Zorvani"),  # 0.87 before
        ("Zorvani, Hani", "Zorvani, Hanna"),  # 0.84 before
        ("Abdul Ghani Zorvani", "Abdul Anna Zorvani"),  # 0.90 before
        ("Zorvani, Vas", "Zorvani, Vasily"),  # 1.00 before: the stem of the patronymic Vasieuna
    ],
)
def test_a_short_stem_learned_from_words_with_an_ending_does_not_read_words_without_one(
    query: str, listed: str
) -> None:
    # Hanna = Anna was learned from the EU list: its stem (han-, folded gan) read Khan, Han, Hani and Ghani as Anna.
    assert score(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hanna Zorvanava", "Anna Zorvanova"),
        ("Volha Zorvanava", "Olga Zorvanova"),
        (
            "Valiantsin Zorvanau",
            "Valentin Zorvanov",
        ),  # a longer stem learned from Valiantsina reads him still
    ],
)
def test_the_womens_names_and_longer_stems_keep_their_reading(query: str, listed: str) -> None:
    assert score(query, listed) == 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvanov Aleks", "ZORVANOV, Aleksandr"),  # 0.39 before: Aleks read by its key, Aleksei's
        ("Aleks Zorvanova", "ZORVANOVA, Aleksandra"),  # 0.39 before
        ("Aleks Zorvanov", "ZORVANOV, Aleksei"),
    ],
)
def test_aleks_is_read_as_written_as_alex_is(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85


def test_aleks_stays_apart_from_another_given_name() -> None:
    assert score("Aleks Zorvanov", "ZORVANOV, Anatoly") < 0.6


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEXSKIY NPZ", "Zorvex Oil Refinery OJSC"),  # 0.53 before
        ("Зорвексский НПЗ", "Zorvex Oil Refinery"),  # 0.53 before
        ("ZORVEXSKY GOK", "Zorvexsky Mining and Processing Plant"),  # 0.25 before
        ("ZORVEXSKAYA TETS-4", "Zorvexskaya Combined Heat and Power Plant 4"),  # 0.80 before, by the number
        ("OKB ZORVEX", "Experimental Design Bureau Zorvex"),  # 0.90 before, by the acronym's letters
        ("TSKB ZORVEX", "Central Design Bureau Zorvex"),  # 0.90 before
    ],
)
def test_the_initials_of_a_kind_of_plant_meet_its_words(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.85


def test_the_initials_of_a_kind_of_plant_name_no_plant() -> None:
    assert company("Zorvex NPZ", "Plutoniq Oil Refinery") < 0.6
    assert company("ZORVEX TETS-4", "Zorvex Combined Heat and Power Plant 5") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVANOVA-PLUTOVA ANNA", "Зорванова Анна Сергеевна"),  # 0.52 before
        ("ZORVANOVA ANNA", "Зорванова-Плутова Анна Сергеевна"),  # 0.52 before
        ("Zorvanova-Plutova, Anna", "ZORVANOVA, Anna Sergeevna"),
    ],
)
def test_a_double_surname_written_in_part_leaves_the_pair_complete(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


def test_a_double_surname_does_not_forgive_another_given_name_or_unhyphened_words() -> None:
    assert score("ZORVANOVA-PLUTOVA ANNA", "Зорванова Мария Сергеевна") < 0.6
    assert score("ZORVANOVA PLUTOVA ANNA", "Зорванова Анна Сергеевна") < 0.6  # no hyphen: two names


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AL-ZORVANI, Umar Talib", "AL-PLUTANI, Umar Talib"),  # the article is no surname of its own
        ("ZORVAT, Muhammad 'Abd-Al-Hadi", "ZORVAT, Muhammad 'Abd-al-Amir"),  # Abd al-Hadi is one given name
        ("ZORVAN, Jong Man", "ZORVAN, Sang-ho"),  # a Korean given name's syllables are one name
    ],
)
def test_a_hyphen_that_joins_an_article_or_the_syllables_of_one_name_is_no_double_surname(
    query: str, listed: str
) -> None:
    assert score(query, listed) < 0.8
