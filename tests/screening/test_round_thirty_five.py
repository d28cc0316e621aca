"""Specifications for round thirty-five. A word of a company's name left over that abbreviates a generic or dictionary
word the other name writes (Gen. / General, Trad. / Trading, Serv / Services, Gnrl) stands for that word, as a
generic word misspelt does: registries, payment messages of limited length and lists shorten them (OFAC writes
GENERAL TRADING AND CONTRACTING COMPANY as GEN. TRAD. & CONT. CO.). Only where the other name writes the word, only
beside a word that names the company, and never for a word of the tables or a piece of a word written whole.
Contracting joins the word table. A short form of a given name meets the full name beside a surname ending as a
patronymic does (Sasha / Aleksandr Karpovich), as it did beside any other surname. The names are our own; the score
before this round is in each comment. A country's English name or adjective (rigour's countries) left over weighs as a
town does, where it is all a name adds and a paired word names the organisation in full; and a romanised word of the
word tables that is a country's name (the French China for шина) is no form of that word."""

from __future__ import annotations

import pytest

from hramada.screening.names import _generic_word_abbreviated, country_word
from tests.screening.scoring import company, score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Gen. Trading LLC", "Zorvex General Trading LLC"),  # 0.42 before
        ("Zorvex General Trading", "Zorvex Gen Trading"),  # 0.42 before: the dot may be left out
        ("Zorvex Gnrl Trading", "Zorvex General Trading"),  # 0.71 before: its consonants in order
        ("Zorvex Gen. Trad. & Cont. Co.", "Zorvex General Trading and Contracting Company"),  # 0.20 before
        ("Zorvex Imp. & Exp. Co.", "Zorvex Import and Export Company"),  # 0.63 before
        ("Zorvex Serv Ltd", "Zorvex Services Limited"),  # 0.39 before
        ("Zorvex Cont. Co.", "Zorvex Contracting Company"),  # 0.24 before
    ],
)
def test_an_abbreviated_generic_word_stands_for_the_word_the_other_name_writes(
    query: str, listed: str
) -> None:
    assert company(query, listed) >= 0.95
    assert company(listed, query) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Gen. Trading", "Zorvex Trading"),  # 0.74: the other name does not say what Gen. stands for
        ("Zorvex Gen. Trading", "Zorvex Genetics Trading"),  # 0.28: genetics is no generic word
        # Inter is a piece of Intertrade as written, not an abbreviation of International (0.90 without that rule)
        ("Hong Kong Intertrade Company", "Hong Kong Zorvan International Trade Co., Limited"),
        ("Zorvan (Hong Kong) International Trading Limited", "Hong Kong Intertrade Company"),
        # A description of dictionary words only: Int may stand for anything (0.31)
        ("Digital Int Ltd", "Zorvan Digital International Ltd"),
    ],
)
def test_letters_stand_for_a_word_only_where_the_other_name_says_which(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


def test_a_word_of_the_tables_is_no_abbreviation_of_a_longer_one() -> None:
    # Air is read as airline, a word of its own, not an abbreviation of the other name's aircraft (a cargo airline
    # and an aircraft lessor met at 0.83 with it).
    assert (
        _generic_word_abbreviated("air", "airline", "Cargo Aircraft Leasing Corp.", "Zorvan Air Cargo")
        is None
    )
    assert (
        _generic_word_abbreviated("gen", "gen", "Zorvex General Trading", "Zorvex Gen. Trading") == "general"
    )
    # A piece the reading cut from a word its own name writes whole
    assert _generic_word_abbreviated("inter", "inter", "Zorvex International", "Zorvex Intertrade") is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Contracting", "ООО Зорвекс Подрядчик"),  # 0.21 before
        ("Zorvex Contractors Ltd", "Zorvex Contracting LLC"),  # 0.20 before
        ("Zorvex Muqawalat", "Zorvex Contracting Company"),
    ],
)
def test_contracting_is_one_word_in_every_language_of_the_table(query: str, listed: str) -> None:
    assert company(query, listed) == 1.0


def test_contracting_is_not_construction() -> None:
    assert company("Zorvex Contracting Co.", "Zorvex Construction Company") < MATCH  # 0.20


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sasha Zorvanovich", "Aleksandr Zorvanovich"),  # 0.26 before
        ("Zorvanovich Sasha", "Zorvanovich Aleksandr"),  # 0.26 before
        ("Sasha Zorvanovich", "ZORVANOVICH, Aleksandr"),  # 0.94 before: the comma said which is the surname
        ("Dima Zorvanevich", "Dmitry Zorvanevich"),  # 0.28 before
        ("Sasha Zorvanenko", "Aleksandr Zorvanenko"),  # a surname of another shape: 0.94 before too
    ],
)
def test_a_short_form_meets_the_full_given_name_beside_a_surname_shaped_as_a_patronymic(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ivan Zorvanovich", "Petr Zorvanovich"),  # two given names, one surname
        ("Aleksei Zorvanovich", "Aleksandr Zorvanovich"),  # Aleksei's short forms are not Aleksandr's
        ("Sasha Zorvanovich", "Aleksandr Ivanovich"),  # the surname is not the patronymic of another name
    ],
)
def test_other_given_names_beside_such_a_surname_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Korea Zorvex Trading Company", "Zorvex Trading"),  # 0.68 before
        ("Zorvex Germany GmbH", "Zorvex GmbH"),  # 0.63 before
        ("Syrian Zorvex Company", "Zorvex Company"),  # 0.68 before
        ("Zorvan Society Yemen", "Zorvan Society"),  # 0.69 before
    ],
)
def test_a_country_a_name_adds_weighs_as_a_town_does(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.9
    assert company(listed, query) >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Korea", "Zorvex China"),  # two countries, two companies: 0.31
        ("Zorvax Korea", "Zorvex"),  # the name agrees by a slip only: 0.58
        ("Korean Zorvan Army Security Bureau", "Zorvan Army"),  # the country is not all it adds: 0.77
        ("Iran Shipping Company", "Shipping Company"),  # only dictionary words agree: 0.54
        ("Zorvex Shine", "Zorvex"),  # rigour reads Shine as China in some language, not in English: 0.71
    ],
)
def test_a_country_stays_heavy_where_it_may_say_which_organisation(query: str, listed: str) -> None:
    assert company(query, listed) < MATCH


def test_china_is_no_romanised_form_of_tyre() -> None:
    assert company("Zorvex China", "Zorvex Tyre") < 0.5  # 1.00 before: шина romanised the French way
    assert company("Zorvex Shina", "Zorvex Tyre") == 1.0
    assert company("Zorvex Tyre", "Зорвекс Шина") == 1.0


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Korea", True),
        ("Korean", True),
        ("Iranian", True),
        ("Chinese", True),
        ("Lebanese", True),
        ("Maltese", True),
        ("Malt", False),  # Malta less a letter, but no adjective
        (
            "Antigua",
            False,
        ),  # a word of a country's name of more words (Antigua and Barbuda), and Spanish for old
        ("SA", False),  # a code, and a legal form
        ("Rus", False),  # a code
        ("Shine", False),  # China in some language of rigour's names, not in English
        ("Global", False),  # rigour's territory of the whole world
        ("Africa", False),  # a continent, though South Africa is a country
        ("African", False),
        ("Zorvex", False),
    ],
)
def test_country_words_are_english_names_of_rigour_s_countries_and_their_adjectives(
    word: str, country: bool
) -> None:
    assert country_word(word) is country


def test_tanker_and_line_are_words_of_the_tables() -> None:
    assert company("Zorvex Tanker", "ООО Зорвекс Танкер") == 1.0
    # Tanker a word of the table, the country beside it says which company (National Iranian Tanker Company /
    # International Tanker Limited met at 0.92 with countries light and tanker no word of the tables)
    assert company("National Syrian Tanker Company", "International Tanker Limited") < MATCH
    assert company("Linea Zorvex", "Zorvex Line") == 1.0
