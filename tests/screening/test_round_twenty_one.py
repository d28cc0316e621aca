"""Specifications for round twenty-one. Organisations: a word written as two on the other side whatever else the names
hold; a generic word glued to a brand (Zorkaexport); English words with another ending (Revolution / Revolutionary);
news, new, battery, commerce, marketing, informatics and ordinal numbers in the word tables; English brand words in
Cyrillic letters; initials of state bodies (OMON, ЦИК); one compound in two languages; the Turkish registry's San ve
Tic without dots; Arabic names with the article romanised two ways; a number that alone names which plant; legal
forms of Mexico, Portugal, the Gulf and Ukraine. Arabic script: ة in the construct state as t, the conjunction و set
apart, ذه romanised th-h. Persons: Abd and the name it joins are one given name; the article one list leaves out;
Belarusian у for Russian в; English, French and German forms of given names read as written. Names are our own; the
score before this round is in each comment."""

from __future__ import annotations

import pytest

from hramada.screening.names import _glued_generic, english_derivation
from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorka Trans", "ZTL Zorkatrans"),  # 0.00 before
        ("Kala Naft Trading", "MSP Kalanaft Trading"),  # 0.00 before
    ],
)
def test_an_organisation_word_written_as_two_is_still_a_lead(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.75


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sunrise Revolutionary Front", "Sunrise Revolution Front"),  # 0.32 before
        ("Orion Finance House", "Orion Financial House"),  # 0.31 before
        ("Orion Commerce Group", "Orion Commercial Group"),  # 0.27 before
    ],
)
def test_an_english_word_with_another_ending_is_the_word(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("basha", "bashaer"),  # a name and a longer name
        ("destiny", "destinations"),
        ("anatoly", "anatolian"),
        ("ship", "shipping"),  # too short a root
        ("petrol", "petroleum"),
    ],
)
def test_names_that_open_alike_are_no_english_derivation(a: str, b: str) -> None:
    assert not english_derivation(a, b)


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Basha Trading", "Bashaer Trading"), ("Destiny Travel", "Destinations Travel")],
)
def test_names_that_open_alike_stay_apart(query: str, listed: str) -> None:
    assert company(query, listed) < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Minsk News Agency", "Агентство новостей Минска"),  # 0.18 before
        ("Polesie Battery Plant", "Полесский аккумуляторный завод"),  # 0.21 before
        ("New Communal Systems", "Новые коммунальные системы"),  # 0.34 before
        ("Third Element", "Tretii Element"),  # 0.30 before
        ("Fifth Ocean Shipping", "Piąty Ocean Shipping"),  # 0.42 before
        ("Tercera Via", "Third Via"),  # 0.13 before
        ("Yildiz Pazarlama Limited Sirketi", "Yildiz Marketing Limited Company"),  # 0.18 before
        ("Kartal Bilisim Sanayi ve Ticaret", "Kartal Informatics Industry and Trade"),  # 0.20 before
    ],
)
def test_words_of_the_tables_in_another_language(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Erste Bank", "First Bank"),  # erste is left out of the table: a name
        ("Third Element", "Fifth Element"),
        ("Third Wave", "Wave Trading"),  # an ordinal names which organisation: not a word that describes
    ],
)
def test_other_ordinals_and_names_stay_apart(query: str, listed: str) -> None:
    assert company(query, listed) < 0.5


def test_san_ve_tic_without_dots_is_the_registry_pair() -> None:
    # 0.49 before
    assert (
        company("Kartal Makine San ve Tic Ltd Sti", "Kartal Makine Sanayi ve Ticaret Limited Sirketi") >= 0.95
    )
    assert company("San Marino Trading", "Tic Marino Trading") < 0.5


def test_arabic_names_with_the_article_meet_by_their_consonants() -> None:
    assert company("Jaysh al-Nasr", "Jeish al-Nasr") >= 0.9  # 0.40 before
    # Without the article the names are not known to be Arabic; other consonants are other names.
    assert company("Jaysh Nasr", "Jeish Nasr") < 0.5
    assert company("Al Nour Company", "Al Nasr Company") < 0.5


def test_a_number_that_alone_names_the_plant_is_a_lead() -> None:
    assert company("Aviation Repair Plant", "Aviation Repair Plant 558") == pytest.approx(0.75)  # 0.95 before
    # A town names the plant too: the number is then what the shorter name leaves out.
    assert company("Orsha Aircraft Repair Plant", "Orsha Aircraft Repair Plant 558") >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Abdul Karim", "Abdul Karim Haddad"),  # 0.93 before
        ("عبد الكريم", "Abdul Karim Haddad"),  # 0.92 before
    ],
)
def test_abd_and_the_name_it_joins_are_one_given_name(query: str, listed: str) -> None:
    assert 0.6 <= score(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("HADDAD, Abdul", "HADDAD, Abdul Karim"),  # Abdul written alone is a given name of its own
        ("Abdul Karim Haddad", "Abdulkarim Haddad"),
        ("Abdul Karim Haddad", "HADDAD, Abdul Karim"),
    ],
)
def test_abd_with_a_surname_still_matches(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorka Export", "Zorkaexport"),  # 0.00 before
        ("Zorka Eksport", "АО Зоркаэкспорт"),
        ("Kamen Service", "Kamenservice LLC"),
        ("Neman Holding", "Nemanholding"),
    ],
)
def test_a_generic_word_glued_to_a_brand_is_left_out_as_written_apart(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


def test_a_short_opening_or_a_dictionary_word_is_not_cut() -> None:
    assert company("Conf Firma", "Confirma") < 0.5  # Conf is too short to be the brand
    assert _glued_generic("electrotechnical") is None  # a word of the dictionary
    assert _glued_generic("Zorkaexport") == ("Zorka", "export")


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("عصبة النور", "ASBAT AL-NOUR", "Organization"),  # 0.25 before: ة in the construct state is spoken t
        ("رابطة الفجر", "RABITAT AL-FAJR", "Organization"),  # 0.22 before
        ("هبة الله", "HIBAT ALLAH", "Person"),  # 0.34 before
        ("جمعية الخير والعدل", "JAMIYAT AL-KHAIR WA AL-ADL", "Organization"),  # 0.24 before: و set apart
        ("شركة الذهب", "SHARIKAT AL-THAHAB", "Organization"),  # 0.00 before: ذه romanised th-h
        ("الذهب والفضة", "AL-THAHAB WA AL-FIDDA", "Organization"),  # 0.00 before
    ],
)
def test_arabic_script_names_read_as_romanisations_write_them(query: str, listed: str, schema: str) -> None:
    assert score(query, listed, schema=schema) >= 0.9


def test_the_construct_state_keeps_other_names_apart() -> None:
    assert score("عصبة النور", "ASBAT AL-NASR", schema="Organization") < 0.5
    assert score("مكتبة النور", "MAKTABA AL-NOUR", schema="Organization") >= 0.95  # the vowel as before


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("AL-HADDAD, Karim", "HADDAD, Karim Nasser"),  # 0.63 before
        ("EL-HADDAD, Karim", "HADDAD, Karim Nasser Abdulla"),  # 0.52 before
    ],
)
def test_the_article_one_list_leaves_out_is_no_part_left_over(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85


def test_the_article_left_out_does_not_join_other_given_names() -> None:
    assert score("AL-HADDAD, Karim", "HADDAD, Samir Nasser") < 0.5
    # Inside a name al- marks a family name, not the given name of the same letters: 0.68 before, 0.95 with the
    # article read away everywhere.
    assert score("HADDAD Al-Karim", "HADDAD, Samir Karim") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Trading S.A. de C.V.", "Zorvex Trading"),  # 0.77 before
        ("Zorvex Trading, S. de R.L. de C.V.", "Zorvex Trading"),  # 0.77 before
        ("ПАТ Зорвекс", "Zorvex"),  # 0.74 before
        ("Zorvex Trading Lda", "Zorvex Trading"),  # 0.74 before
        ("Zorvex Trading W.L.L.", "Zorvex Trading"),  # 0.77 before
    ],
)
def test_legal_forms_of_mexico_portugal_the_gulf_and_ukraine(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


def test_a_ukrainian_form_romanised_is_a_name() -> None:
    assert company("Pat Zorvex", "Zorvex") < 0.8  # Pat is a name; ПАТ as written only is the form


def test_abdul_and_abdel_are_one_abd_al() -> None:
    # 0.93 before: the two parts met at 0.80, one letter in five apart
    assert score("Abdel Karim Haddad", "Abdul Karim Haddad") >= 0.98


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Emirates Blue Sky", "Эмирейтс Блю Скай"),  # 0.25 before
        ("Smart Home", "Смарт Хоум"),  # 0.30 before
        ("White Stone Capital", "Уайт Стоун Кэпитал"),  # 0.42 before
        ("Golden Gate Fresh", "OOO Golden Geit Fresh"),
    ],
)
def test_english_brand_words_transcribed_in_cyrillic(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Blue Sky Trading", "Blue Trading"), ("Gold Star", "Silver Star")],
)
def test_brand_words_still_name_which_company(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vitebsk Special Purpose Police Unit", "Vitebsk OMON"),  # 0.12 before
        ("Гродненский ОМОН", "Grodno Special Purpose Police Unit"),  # 0.13 before
        ("Central Election Commission of Belarus", "ЦИК Беларуси"),  # 0.90 before
        ("Private Military Company Redut", "ChVK Redut"),  # 0.34 before
    ],
)
def test_initials_of_state_bodies_are_their_words(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


def test_the_same_body_of_two_towns_stays_apart() -> None:
    assert company("Gomel OMON", "Vitebsk OMON") < 0.6  # under review: 0.20 before, 0.49 now


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Belmytstroi", "Beltamozhstroi"),  # 0.00 before: мыт- and тамож- are both customs
        (
            "Белмытсэрвіс Плюс",
            "Beltamozhservice Plus",
        ),  # 0.13 before: the т and с of мыт-сэрвіс fold to one c
    ],
)
def test_one_compound_in_two_languages(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.9


def test_compounds_of_other_words_stay_apart() -> None:
    assert company("Belmytservis Plus", "Belneftservice Plus") < 0.5


def test_belarusian_u_before_a_consonant_is_russian_v() -> None:
    # Урублеўскі / Врублевский: 0.86 before, the parts one letter apart
    assert score("Yevgeny Vrublevsky", "Yauhen Aliakseevich URUBLEUSKI") >= 0.9
    assert score("Vlas Ivanov", "Ulas Ivanou") >= 0.95  # 0.85 before


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Michel Dubrouski", "Mikhail Dubrovsky"),  # 0.45 before
        ("Catherine Zhuk", "Katsiaryna Zhuk"),  # 0.19 before
        ("Hélène Zhuk", "Alena Zhuk"),  # 0.26 before
        ("Pierre Zhuk", "Piotr Zhuk"),  # 0.31 before
    ],
)
def test_western_forms_of_given_names(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Michelle Zhuk", "Mikhail Zhuk"),  # Michelle has Michel's stem: read as written only
        ("Theodora Zhuk", "Fyodor Zhuk"),
    ],
)
def test_western_womens_forms_are_not_the_mans_name(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8
