"""Specifications for round twenty-two. Legal forms that a jurisdiction writes after the name (Pty Ltd, S.A.C.,
S.A.A., S.L.U., S. en C.) and that are left out only there, so that the same letters opening a name stay its
initials; the Mexican Asociación Civil; Cía. for compañía; the Russian registries' Инк and ЛЛС for Inc. and LLC.
Instrument plants' words (приборы as instruments, measuring and the compound stem электро-). Czech and Slovak
feminine surnames in -ová made of a Russian or Belarusian feminine surname. Names are our own; the score before this
round is in each comment."""

from __future__ import annotations

import pytest

from hramada.screening.keys import czech_feminine
from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Pty Ltd", "Zorvex"),  # 0.74 before
        ("Zorvex (Pty) Ltd", "Zorvex Ltd"),  # 0.74 before
        ("Zorvex Pty. Ltd.", "Zorvex"),  # 0.74 before
        ("Zorvex S.A.C.", "Zorvex"),  # 0.74 before
        ("Zorvex SAC", "Zorvex"),  # 0.74 before
        ("Zorvex S.A.A.", "Zorvex"),  # 0.85 before
        ("Zorvex S.L.U.", "Zorvex"),  # 0.74 before
        ("Zorvex SLU", "Zorvex SL"),  # 0.42 before
        ("Zorvex Inc", "Зорвекс Инк"),  # 0.42 before
        ("Zorvex LLC", "Зорвекс ЛЛС"),  # 0.77 before
    ],
)
def test_legal_forms_of_australia_peru_and_spain_and_russian_transcriptions(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SAC Zorvex", "SAC Zorvex Advisors"),  # 0.89 before and after: opening the name, SAC is its initials
        ("S.A.C. Zorvex", "SAC Zorvex Advisors"),
    ],
)
def test_a_form_written_after_a_name_opening_one_is_its_initials(query: str, listed: str) -> None:
    assert 0.85 <= company(query, listed) < 0.99


def test_initials_opening_a_name_are_not_read_away() -> None:
    assert company("SAC Zorvex", "Zorvex") < 0.8  # 0.74 before and after


def test_a_russian_transcription_taken_as_written_only() -> None:
    assert company("Squid Ink Zorvex", "Squid Ink Zorvex Ltd") >= 0.99  # Ink in Latin letters is a word


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Club Deportivo Zorvex, Asociacion Civil", "Club Deportivo Zorvex, A.C."),  # 0.51 before
        ("Zorvex Asociación Civil", "Zorvex"),  # 0.85 before
        ("Zorvex S. en C.", "Zorvex"),  # 0.77 before
        ("Zorvex S. en C.S.", "Zorvex S.C.S."),  # 0.77 before
        ("Zorvex y Cía. S. en C.", "Zorvex"),  # 0.77 before
        ("Zorvex & Cia", "Zorvex"),  # 0.77 before
    ],
)
def test_legal_forms_of_mexico_and_colombia_and_the_abbreviated_company(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


def test_cia_is_generic_by_its_spelling_only() -> None:
    # Cía. folds as to does: the English word stays a word of the name (0.71 before and after)
    assert company("Zorvex To Go", "Zorvex") < 0.8


@pytest.mark.parametrize(
    "query",
    [
        "Витебский завод электроизмерительных приборов",  # 0.10 before
        "Вітебскі завод электравымяральных прыбораў",  # 0.10 before
    ],
)
def test_an_instrument_plant_in_russian_and_belarusian(query: str) -> None:
    assert company(query, "Vitebsk Electrical Measuring Instruments Plant") >= 0.85


def test_instruments_are_devices_and_tools_stay_tools() -> None:
    assert company("Zorvex Instruments", "Zorvex Devices") >= 0.99  # 0.28 before
    assert company("Инструменты Зорвекс", "Zorvex Tools") >= 0.99  # инструменты are tools
    # 1.00 before: a transcription of инструменты folded as instruments does
    assert company("Zorvex Instruments", "Zorvex Tools") < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Marija Kalesnikavová", "Maria KOLESNIKOVA"),  # 0.19 before
        ("Marie Zorvanovová", "Maria ZORVANOVA"),  # 0.19 before
        ("Alla Zorvinová", "Алла Зорвина"),  # 0.20 before
    ],
)
def test_a_czech_feminine_surname_made_of_a_russian_one(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.95


def test_a_czech_feminine_surname_is_no_masculine_one() -> None:
    assert score("Jana Zorvanovová", "Yana ZORVANOV") < 0.5  # 0.17 before


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("kolesnikovová", "kolesnikova"),
        ("šarapovová", "sharapova"),  # š as latin_ascii writes it
        ("kalesnikavová", "kalesnikava"),
        ("zorvinová", "zorvina"),
        ("petrová", None),  # a Czech name of its own
        ("novotná", None),
        ("ivanová", None),
    ],
)
def test_czech_feminine_reads_only_russian_and_belarusian_suffixes(word: str, reading: str | None) -> None:
    assert czech_feminine(word) == reading


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("Jaysh al-Zorvan", "Jaish ul-Zorvan", "Organization"),  # 0.71 before
        ("Al Zorvan Trading", "El Zorvan Trading Company", "Company"),  # 0.54 before
        ("Jamaat ud Dawah Zorvan", "Jama'at al-Dawah Zorvan", "Organization"),  # 0.72 before
        ("Harakat ur Rahman Zorvan", "Harakat al-Rahman Zorvan", "Organization"),  # 0.77 before
    ],
)
def test_the_arabic_article_of_organisations_however_romanised(query: str, listed: str, schema: str) -> None:
    assert score(query, listed, schema=schema) >= 0.95


def test_the_article_joins_no_other_names() -> None:
    assert score("Harakat al-Zorvan", "Harakat ul-Mujahideen", schema="Organization") < 0.5  # 0.24 before
    assert company("UD Trading", "Dawah Trading") < 0.5  # ud before another letter is no article


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Atta ur Rahman", "Ataur Rahman"), ("Zia ud Din Zorvani", "Ziauddin Zorvani")],
)
def test_a_persons_urdu_article_stays_as_written_to_meet_the_name_glued(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85  # 0.91 and 0.86 before and after


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("بهروز زرین نژاد", "Behrouz Zarrin Nejad"),  # 0.61 before
        ("بهروز زرین\u200cنژاد", "Behrouz Zarrinnejad"),  # 0.88 before (the two words joined by a ZWNJ)
        ("بهروز زرین نژاد", "Behrouz Zarrinnejad"),  # 0.29 before: the n ending one word and opening the next
        ("بهروز زرین نژاد", "Behrouz Zarinnezhad"),  # 0.28 before
    ],
)
def test_persian_zh_written_j_between_vowels(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.95


def test_j_between_vowels_meets_no_other_letter() -> None:
    assert score("زكي زرين", "Jaki Zarrin") < 0.5  # 0.43 before and after


def test_english_cc_before_e_is_ks_not_s() -> None:
    assert company("Access Trading", "Ases Trading") < 0.5  # 0.97 before: the coarse key read Access as Ases
    assert company("Accelix Trading", "Akselix Trading") >= 0.95  # 0.97 before and after
    assert company("Accelix Trading", "Акселикс Трейдинг") >= 0.95  # 0.97 before and after


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvan Nour al-Din", "Zorvan Nureddin"),  # 0.86 before
        ("Salah al-Din Zorvani", "Salahuddin ZORVANI"),  # 0.88 before
        ("Shams al-Din Zorvani", "Shamsuddin ZORVANI"),  # 0.88 before
        ("Salah al-Din Zorvani", "Salah Eddine ZORVANI"),  # 0.60 before
        ("Abdallah al-Rashid", "Abdallah Errachid"),  # 0.37 before
    ],
)
def test_a_name_written_with_the_article_glued(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.9


def test_the_glued_article_joins_no_other_name() -> None:
    assert score("Nasr al-Din Zorvani", "Nasrallah ZORVANI") < 0.5  # 0.33 before and after


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Osama Hegazy Zorvani", "Usama Hijazi Zorvani"),  # 0.55 before
        ("Hagag Zorvani", "Hajjaj Zorvani"),  # 0.46 before
    ],
)
def test_egyptian_g_for_jim(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vladimir Makeyev", "Vladimir MAKEI"),  # 0.92 before
        ("Zorvan Makeev", "Zorvan MAKEI"),  # 0.91 before
        ("Ivan Andreev", "Ivan ANDREI"),  # 0.89 before
        ("Sergei Nikolaev", "Sergei NIKOLAI"),  # 0.85 before
        ("Pavel Grigoriev", "Pavel GRIGORI"),  # 0.84 before
        ("Zorvan Vasiliev", "Zorvan VASILI"),  # 0.84 before
    ],
)
def test_a_surname_made_of_a_name_in_i_is_another_name(query: str, listed: str) -> None:
    assert score(query, listed) < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vladimir Makey", "Vladimir MAKEI"),
        ("Nikolai Zorvanov", "Mikalai ZORVANAU"),
        ("Grigorii Zorvanov", "Ryhor ZORVANAU"),
    ],
)
def test_a_name_in_i_spelt_otherwise_still_matches(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.99  # 1.00 before and after


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ivan Petrov", "Ivan PETR"),  # 0.90 before
        ("Zorvan Denisov", "Zorvan DENIS"),  # 0.91 before
    ],
)
def test_a_surname_made_of_a_given_name_is_no_slip_in_it(query: str, listed: str) -> None:
    assert score(query, listed) < 0.5


def test_a_slip_that_writes_a_belarusian_suffix_is_still_a_slip() -> None:
    # 0.92 before and after: Sergeu is Sergei mistyped
    assert score("Sergeu Zorvanov", "Siarhei ZORVANAU") >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Oleg Belov", "Oleg BELOUSOV"),  # 0.83 before
        ("Zorvan Belov", "Zorvan BELOUSOV"),  # 0.86 before
    ],
)
def test_two_letters_more_in_a_short_name_make_another_name(query: str, listed: str) -> None:
    assert score(query, listed) < 0.5


def test_a_short_name_spelt_otherwise_still_matches() -> None:
    assert score("Ivan Ilin", "Ivan ILYIN") >= 0.99  # 1.00 before and after
