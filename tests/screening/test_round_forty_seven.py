"""Specifications for round forty-seven. A Belarusian romanisation typed with two slips meets a Russian listing whose
в closes a syllable inside the word (Коврыжкин, Слижевский: Kauryzhkin, Slizheuski in Belarusian), as it met one
whose в closes the word. A compound word read as the acronym of its pieces (Vneshtorgbank: VTB; Transaviaexport:
TAE) meets it beside other words too: the words of the acronym's name that say a piece again (the Avia of TAE Avia)
and the compound's own other words (Vneshtorgbank Leasing / VTB Leasing), and such a name finds the acronym's in an
index. A person's nickname in quotation marks among the name's words, or after a.k.a. as one word, is read away.
A company's branch or representative office meets the company it belongs to.
The surnames are our own; the score before this round is in each comment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import Query, ScreeningIndex, screen
from hramada.screening.keys import belarusian_spellings, closes_as_russian
from hramada.screening.names import _without_branch, _without_nickname, person_names_in_field
from tests.screening.scoring import company, score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Ковры-: u and r swapped and z struck as x, against Kauryzhkin, the Belarusian spelling
        ("Aliaksei Iharavich Zaruyxhkin", "Alexey Igorovich ZOVRYZHKIN"),  # 0.44
        # u and r swapped and n struck as m
        ("Aliaksei Iharavich Zaruymkin", "Alexey Igorovich ZOVRYNKIN"),  # 0.45
        # u and r swapped and k struck as j
        ("Aliaksei Iharavich Zarutsjin", "Alexey Igorovich ZOVRUTSKIN"),  # 0.48
        # -евский: e and o swapped, r left out, against Zorveuski
        ("Aleh Leanidavich Zoervuski", "Oleg Leonidovich ZORVEVSKI"),  # 0.44
    ],
)
def test_a_belarusian_form_with_two_slips_meets_a_russian_v_closing_a_syllable_inside(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Aliaksei Iharavich Zarechkin", "Alexey Igorovich ZOVRYZHKIN"),  # another surname
        ("Aliaksei Iharavich Zaruyxhkin", "Alexey Igorovich ZOVRYZHKOV"),  # another ending
        ("Aleh Leanidavich Zoervuski", "Oleg Leonidovich ZORKEVSKI"),  # another stem
    ],
)
def test_other_surnames_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


def test_a_russian_v_inside_the_word_is_spelt_as_belarusian_writes_it() -> None:
    assert "kouryzhkin" in belarusian_spellings("Kovryzhkin")
    assert "slizheuski" in belarusian_spellings("slizhevski")
    # Inside the word only after a vowel after a consonant (the ye of Zoyevkina is Russian е), and only before a
    # consonant (Zorvina's в opens a syllable).
    assert belarusian_spellings("zoyevkina") == ()
    assert belarusian_spellings("zorvina") == ()
    # Closing as Russian is still asked of the ending only.
    assert not closes_as_russian("kovryzhkin")


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=0, max_size=14))
def test_belarusian_spellings_of_any_word_differ_from_it_or_are_it_first(word: str) -> None:
    spellings = belarusian_spellings(word)
    assert len(set(spellings)) == len(spellings)
    assert all(spelt != word for spelt in spellings[1:])
    if spellings and spellings[0] != word:
        assert word not in spellings


@pytest.mark.parametrize(
    ("query", "listed", "expected"),
    [
        ("Vneshtorgbank Leasing", "VTB Leasing", 0.9),  # 0.35: the compound's other word is the acronym's
        ("Transaviaexport Airlines", "TAE Airlines", 0.9),  # 0.28
        ("Transaviaexport", "OAO TAE Avia", 0.9),  # 0.57: Avia says the aviation piece again
        ("Transaviaexport Holding", "TAE Avia", 0.9),  # 0.30: a generic word of the compound's name
    ],
)
def test_a_compound_meets_its_acronym_beside_other_words(query: str, listed: str, expected: float) -> None:
    assert company(query, listed) == pytest.approx(expected)


def test_a_compound_with_a_word_the_acronym_does_not_say_is_a_lead() -> None:
    # Airlines is left over beside TAE Avia: a name more, read lightly, below a match.
    assert 0.7 <= company("JSC Transaviaexport Airlines", "TAE Avia") < MATCH  # 0.00
    assert 0.7 <= company("Transaviaexport Airlines", "TAE Avia") < MATCH  # 0.34 (two words each)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vneshtorgbank Capital", "VTB Bank"),  # Capital is no piece of the compound
        ("Vneshtorgbank Leasing", "VTB Capital"),
        ("Vneshtorgbank Zorvex", "VTB Leasing"),
        ("Zorvex Leasing", "VTB Leasing"),
        ("Transaviaexport Holding", "TAF Avia"),  # a letter no piece begins with
    ],
)
def test_a_compound_beside_other_words_is_no_other_company(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


def _index(*names: tuple[str, str]) -> ScreeningIndex:
    return ScreeningIndex.from_entities(
        {"id": entity_id, "schema": "Company", "properties": {"name": [name]}} for entity_id, name in names
    )


def test_screening_finds_the_acronym_by_a_compound_among_other_words_and_back() -> None:
    index = _index(("a-tae", "OAO TAE Avia"), ("b-zorvex", "Zorvex Avia"), ("c-vtb", "VTB Leasing"))
    found = screen(Query(name="Transaviaexport Holding", schema="Company"), index)
    assert [(r.entity_id, r.score) for r in found] == [("a-tae", 0.9)]
    found = screen(Query(name="Vneshtorgbank Leasing", schema="Company"), index)
    assert [(r.entity_id, r.score) for r in found] == [("c-vtb", 0.9)]
    index = _index(("a-transavia", "Transaviaexport Holding"), ("b-zorvex", "Zorvex Holding"))
    found = screen(Query(name="TAE Avia", schema="Company"), index)
    assert [(r.entity_id, r.score) for r in found] == [("a-transavia", 0.9)]


NICKNAMED = ("Aliaksandr Piatrovich ZORVANAU", "Александр Петрович ЗОРВАНОВ")


@pytest.mark.parametrize(
    "query",
    [
        'Aleksandr "Sasha" Zorvanov',  # 0.64
        "Александр «Саша» Зорванов",  # 0.66
        "Aleksandr “Sasha” Zorvanov",  # 0.64
        "ZORVANOV Aleksandr a.k.a. Sasha",  # 0.58
        "Aleksandr Zorvanov alias Sasha",  # 0.64
        "Зорванов Александр, он же Саша",  # 0.59
    ],
)
def test_a_nickname_in_quotes_or_after_aka_is_read_away(query: str) -> None:
    assert score(query, *NICKNAMED) >= 0.95


@pytest.mark.parametrize(
    "query",
    [
        "Ivan Zorvanov a.k.a. Sasha",  # another given name stays another
        'Ivan "Aleksandr" Zorvanov',  # a given name in quotes is still the nickname, not the name
    ],
)
def test_a_nickname_does_not_stand_for_the_given_name(query: str) -> None:
    assert score(query, *NICKNAMED) < MATCH


def test_a_listed_nickname_is_read_away_too() -> None:
    assert score("Aleksandr Zorvanov", 'Aleksandr "Sasha" ZORVANOV') == 1.0  # 0.97


def test_what_the_nickname_readings_keep() -> None:
    assert person_names_in_field("ZORVANOV Aleksandr a.k.a. Sasha") == ["ZORVANOV Aleksandr"]
    assert person_names_in_field("ZORVANOV a.k.a. ZORVAN") == []  # no whole name: read as one
    # Round forty-five read a one-word alias with the name only; the name is now read without it too.
    assert person_names_in_field("Zorvan Ivanov a.k.a. Zorvan") == ["Zorvan Ivanov"]
    assert person_names_in_field("Ivan Zorvanov a.k.a. Ivan Petrov") == ["Ivan Zorvanov", "Ivan Petrov"]
    # The whole name's slash is read as before.
    assert person_names_in_field("Aliaksandr Zorvanau / Александр Зорванов a.k.a. Sasha") == [
        "Aliaksandr Zorvanau",
        "Александр Зорванов",
    ]
    assert _without_nickname('Aleksandr "Sasha" Zorvanov') == "aleksandr zorvanov"
    assert _without_nickname('"Sasha" Zorvanov') is None  # one word left
    assert _without_nickname("Aleksandr Zorvanov") is None


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet='ab "«»“”.,-', min_size=0, max_size=40))
def test_nickname_reading_never_raises_and_leaves_two_words_or_none(text: str) -> None:
    read = _without_nickname(text)
    assert read is None or len([w for w in read.split() if len(w) >= 2]) >= 2


BRANCHED = ("Zorvex Trade LLC", "ООО «Зорвекс Трейд»")


@pytest.mark.parametrize(
    "query",
    [
        "Zorvex Trade LLC, Moscow branch",  # 0.64
        "Moscow branch of Zorvex Trade LLC",  # 0.64
        "Representative office of Zorvex Trade LLC in Berlin",  # 0.44
        "Zorvex Trade LLC Representative Office",  # 0.46
        "Zorvex Trade LLC branch No. 5",  # 0.63
        "Branch of Zorvex Trade LLC",  # 0.68
        "Zorvex Trade LLC Zweigniederlassung Berlin",  # 0.46
        "Представительство ООО «Зорвекс Трейд» в г. Москве",  # 1.00 as before
    ],
)
def test_a_branch_meets_the_company_it_belongs_to(query: str) -> None:
    assert company(query, *BRANCHED) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvan Bank Minsk branch", "Zorvex Bank"),  # another company's branch
        ("Military Intelligence Branch", "Military Intelligence Directorate"),  # a unit of a state body
        ("Zorvex Branch Trade", "Zorvex Trade LLC"),  # a word of the name
        ("Branch office", "Zorvex Trade LLC"),
    ],
)
def test_a_branch_word_alone_makes_no_company_of_another(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


def test_what_the_branch_reading_leaves() -> None:
    assert _without_branch("zorvex trade moscow branch", True) == "zorvex trade"
    assert _without_branch("представительство зорвекс трейд в г москве", True) == "зорвекс трейд"
    assert _without_branch("филиал no 527 беларусбанк", True) == "беларусбанк"
    assert _without_branch("military intelligence branch", False) is None
    assert _without_branch("zorvex branch trade", False) is None
    assert _without_branch("zorvex trade", True) is None


_BRANCH_WORDS = [
    "branch",
    "of",
    "in",
    "zorvex",
    "minsk",
    "no",
    "5",
    "филиал",
    "в",
    "г",
    "representative office",
]


@settings(deadline=None, max_examples=200)
@given(st.lists(st.sampled_from(_BRANCH_WORDS), max_size=8))
def test_branch_reading_never_raises_and_never_returns_the_name(words: list[str]) -> None:
    text = " ".join(words)
    for legal_form in (False, True):
        read = _without_branch(text, legal_form)
        assert read is None or (read != text and read.strip() == read and read)
