"""Specifications for round thirty-nine. A slip typed in a patronymic written in another language's romanisation
(Dutch Mikalajevistj for Mikalajevitsj, Catalan Alekseievixt for Alekseievitx) broke a spelling the reading folds,
so the keys ended further apart than one edit: the slip is undone as written before the part is read. A patronymic
the other name leaves out weighs half what a middle name does, as the press and foreign registries write Belarusian
and Russian names without it, where every part the names share meets well. Dutch and Swedish sj before a consonant
is ш (Moesjkarow). The Arabic article glued to a surname reads as the surname without it where neither name writes
a particle, when both write the part as the surname (ALZORVAS, Rania / ZORVAS, Rania). An ordinal written as a word
meets its numeral (Second / 2nd). The names are our own; the score before this round is in each comment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.keys import consonant_frame, frames_meet, press_reading
from hramada.screening.names import _readings_one_slip_undone, _slip_before_folding, _surname_article_glued
from tests.screening.scoring import score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Dutch: tsj typed stj (0.50 before).
        ("Sjarhej Mikalajevistj Zorvanovitsj", "Siarhei Mikalaevich ZORVANOVICH"),
        # Dutch: a letter typed twice (0.50 before).
        ("Andrej Aleksejevitssj Zorvakov", "Andrei Aliakseevich ZORVAKOU"),
        # Swedish: two letters swapped (0.49 before).
        ("ZORVKOU, Sjarhej Jauhenaivtj", "Siarhei Yaugenavich ZORVKOU"),
        # Catalan: tx typed xt (0.51 before).
        ("Vladislav Alekseievixt Zorvik", "Uladzislau Aliakseevich ZORVYK"),
        # Lithuanian: a letter typed twice in the ending (0.47 before).
        ("Michailas Grigorjevičiis Zorvna", "Mikhail Ryhoravich ZARVNA"),
        # Polish: cz typed cx (0.50 before).
        ("Uładzimir Michajławicx Zorvadzjeu", "Uladzimir Mihaylavych ZORVADZYEU"),
    ],
)
def test_a_slip_in_a_patronymic_of_another_romanisation_is_undone_before_reading(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= MATCH
    assert score(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Another father, written with and without a slip (0.54 and 0.52 before and after).
        ("Sjarhej Ivanovitsj Zorvanov", "Siarhei Piatrovich ZORVANAU"),
        ("Sjarhej Ivanovistj Zorvanov", "Siarhei Piatrovich ZORVANAU"),
        # Two given names the folding would bring one slip apart (0.50, 0.42 before and after).
        ("ZORVANOV, Aleksandr Mikhaylovich", "ZORVANOV, Aleksey Mikhaylovich"),
        ("ZORVANI, Mario", "ZORVANI, Mariano"),
        # An Arabic surname whose folding merges letters (ay, iy) is no patronymic to undo a slip in (0.47).
        ("AL-ZORVAYRANI, Abd-al-Hakim", "AL ZORVIYANI, Abdul Hakim"),
    ],
)
def test_other_names_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH
    assert score(listed, query) < MATCH


def test_a_slip_is_undone_only_after_the_first_letter() -> None:
    readings = _readings_one_slip_undone("mikalajevistj")
    assert "mikalaevic" in readings  # stj swapped back to tsj, read as the Dutch ch
    # Every reading keeps the word's first letter: a name is typed from it.
    assert not any(reading.startswith("i") for reading in readings)


@pytest.mark.parametrize(
    ("query", "listed", "before"),
    [
        ("Sergei Zorvanov", "Siarhei Uladzimiravich ZORVANAU", 0.886),
        ("Natalia Zorvanova", "Natallia Mikalaeuna ZORVANAVA", 0.909),
        ("ZORVAN, Sergei", "ZORVAN, Sergei Ivanovich", 0.909),
        # A slip in the surname beside it: a lead before, a match now.
        ("Sergei Zorvnaov", "Siarhei Uladzimiravich ZORVANAU", 0.821),
    ],
)
def test_a_patronymic_left_out_weighs_less_than_a_middle_name(query: str, listed: str, before: float) -> None:
    assert score(query, listed) > before + 0.04
    assert score(listed, query) > before + 0.04


def test_a_patronymic_left_out_counts_as_before_where_the_pairs_meet_loosely() -> None:
    # The surnames meet by a letter changed and one left out (0.76): the patronymic weighs as it did, 0.80 before and
    # after (0.83 were it halved).
    assert score("ZORHENKOVA, Irina", "ZORHANOVA, Irina Andreyevna") == pytest.approx(0.802, abs=0.005)


def test_two_parts_with_a_patronymic_ending_keep_the_surplus_whole() -> None:
    # Of Aliaksandravich and Zorvanovich one is a surname; which one the query leaves out is not known: as before.
    assert score("Andrei Zorvanovich", "Andrei Aliaksandravich ZORVANOVICH") == pytest.approx(
        0.899, abs=0.005
    )


def test_patronymics_that_differ_stay_a_conflict() -> None:
    # Both names write one, and they differ: another father (0.50 before and after).
    assert score("Sergei Ivanovich Zorvanov", "Siarhei Uladzimiravich ZORVANAU") < 0.55


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Dutch sj for ш before a consonant (0.22 before).
        ("MOESJKAROW, Zorvan", "Zorvan Mikalaevich MUSHKAROU"),
        ("Zorvan Moesjkin", "Zorvan MUSHKIN"),  # as Poesjkin (0.33 before)
        ("Sjoesjkevitsj Zorvan", "Zorvan SHUSHKEVICH"),  # the sj before k; Sjoe- read as it was (0.29 before)
    ],
)
def test_dutch_and_swedish_sj_before_a_consonant_reads_as_sh(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH


def test_sj_before_a_vowel_keeps_its_reading() -> None:
    # Czech and German write с and я so (Vasja): unchanged (1.00 before and after).
    assert score("Vasja Zorvanov", "Vasia Zorvanov") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("query", "listed", "before"),
    [
        ("ALZORVAS, Rania", "ZORVAS, Rania Raslan", 0.21),
        ("ELKORVANI, Muhammad", "GORVANI, Muhammad", 0.34),  # el glued, and k for g
        ("ALZORVIKI, Mhd Amer", "ZORVIKI, Mohammad Amer", 0.46),
    ],
)
def test_the_article_glued_to_a_surname_reads_without_a_particle_written(
    query: str, listed: str, before: float
) -> None:
    assert score(query, listed) >= MATCH > before
    assert score(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVANI, Alberto", "ZORVANI, Berto"),  # a given name, after the comma (0.39 before and after)
        ("ALZORVAS, Mohammed", "Zorvas Mohamed Mahmoud"),  # a given name, as far as anyone can tell (0.30)
        ("Juan Alzorvado", "Juan Zorvado"),  # no surname written as such (0.20)
        ("ALZORV, Rania", "ZORV, Rania"),  # four letters after the article say too little (0.32)
    ],
)
def test_a_glued_article_is_read_only_before_a_surname_of_five_letters(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH
    assert score(listed, query) < MATCH


@pytest.mark.parametrize(
    ("query", "listed", "schema", "before"),
    [
        ("SECOND ZORVEX ACADEMY OF SCIENCES", "2ND ZORVEX ACADEMY OF SCIENCES", "Organization", 0.71),
        ("SEVENTH OF ZORVEX", "7TH OF ZORVEX", "Organization", 0.44),
        ("BRANCH 1 OF THE ZORVEX COURT", "FIRST BRANCH OF THE ZORVEX COURT", "Organization", 0.70),
        ("SECOND ZORVEX", "2ND ZORVEX", "Vessel", 0.54),
    ],
)
def test_an_ordinal_written_as_a_word_meets_its_numeral(
    query: str, listed: str, schema: str, before: float
) -> None:
    assert score(query, listed, schema=schema) >= MATCH > before
    assert score(listed, query, schema=schema) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("THIRD ZORVEX PLANT", "4TH ZORVEX PLANT", "Organization"),  # another number (0.48 before and after)
        ("SECOND ZORVEX", "THIRD ZORVEX", "Vessel"),  # another ship (0.48)
        ("Third Zorvex", "Zorvex LLC", "Organization"),  # the ordinal still names which one (0.37)
    ],
)
def test_other_ordinals_stay_apart(query: str, listed: str, schema: str) -> None:
    assert score(query, listed, schema=schema) < MATCH
    assert score(listed, query, schema=schema) < MATCH


def test_o_and_u_are_one_vowel_inside_a_short_arabic_name() -> None:
    # Jomaa / Jumah (جمعة), Hoda / Huda: damma written o or u inside the word too; the frames of two consonants
    # met only with o or u opening the word before.
    assert frames_meet(_frame("Jomaa"), _frame("Jumah"))
    assert frames_meet(_frame("Hoda"), _frame("Huda"))
    # e and i, a and i still tell a frame of two consonants apart.
    assert not frames_meet(_frame("Lena"), _frame("Lina"))
    assert not frames_meet(_frame("Nada"), _frame("Nida"))
    # 0.65 before: Nizar and Jomaa were two slips of a long name.
    assert score("AL-ZORVIR, Nazar Jumah Ali", "AL-ZORVIR, Nizar Jomaa Ali") >= MATCH


def _frame(word: str) -> tuple[str, ...]:
    frame = consonant_frame(word)
    assert frame is not None
    return frame


_WORDS = st.text(alphabet="aeioujkstvzcxhłčšр'-", min_size=1, max_size=16)


@given(_WORDS, _WORDS)
@settings(max_examples=300, deadline=None)
def test_the_new_readings_never_raise_and_stay_in_range(a: str, b: str) -> None:
    assert isinstance(_readings_one_slip_undone(a), frozenset)
    press_reading(a)
    sim = _slip_before_folding(a, b, a.lower() or "x", b.lower() or "y", (), ())
    assert 0.0 <= sim <= 1.0
    assert _slip_before_folding(b, a, b.lower() or "y", a.lower() or "x", (), ()) == sim
    assert 0.0 <= _surname_article_glued(a, b) <= 1.0
    assert _surname_article_glued(a, b) == _surname_article_glued(b, a)


@pytest.mark.parametrize(
    ("query", "listed", "before"),
    [
        ("ZORVEX TRADING HONG KONG LIMITED", "ZORVEX TRADING LIMITED", 0.61),
        ("ZORVEX SAUDI ARABIA LLC", "ZORVEX LLC", 0.57),
    ],
)
def test_a_country_of_two_words_left_over_weighs_as_a_town(query: str, listed: str, before: float) -> None:
    assert score(query, listed, schema="Company") >= MATCH > before
    assert score(listed, query, schema="Company") >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZORVEX HONG KONG LIMITED", "ZORVEX SRI LANKA LIMITED"),  # two countries: two companies (0.24)
        ("ZORVEX HONG LIMITED", "ZORVEX LIMITED"),  # one word of the two is no country (0.71)
        (
            "GREEN INDUSTRIES HONG KONG LIMITED",
            "GREEN INDUSTRIES LTD",
        ),  # no word that names the company (0.50)
    ],
)
def test_two_word_countries_need_both_words_and_a_name(query: str, listed: str) -> None:
    assert score(query, listed, schema="Company") < MATCH
