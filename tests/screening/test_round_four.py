"""Specifications for round four of organisation names: two names written in one cell, the company before
"management company of the holding ...", initials written against a surname, legal forms of public associations and
institutions, and Belarusian and Russian words of one meaning that share no root. Examples are our own."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hramada.screening import ListedEntity, Query, score_candidate
from hramada.screening.names import NameKind, name_variants, organisation_name_parts
from hramada.screening.normalize import clean_text


def score(query: str, listed: str, schema: str = "Company") -> float:
    entity = ListedEntity("x", schema, listed, (listed,), (), (), ())
    return score_candidate(Query(name=query, schema=schema), entity).score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Two names of one organisation in one cell: a slash, a spaced hyphen, a dash.
        ("Vitbet Trade / Vitbet LLC", "ООО «Витбет»"),
        ("Polesie Instruments – Polesie Scientific Production Association", "Polesie Instruments"),
        # The company before "management company of the holding ...".
        ("OJSC Polesie Tools – Management Company of Holding Polesie Group", "Polesie Tools OJSC"),
        ("Polesie Tools-Managing Company of Polesie Holding", "Polesie Tools"),
        ("ААТ «Палессе Інструмент» – кіруючая кампанія холдынгу «Палессе»", "Палессе Інструмент"),
        # Initials against the surname, and "named after" / имени / імя.
        ("Minsk Tractor Plant named after V.I. Sidorov", "Мінскі трактарны завод імя В.І.Сідарава"),
        ("Minsk Tractor Plant named after V.I. Sidorov", "Минский тракторный завод имени В.И.Сидорова"),
        # Belarusian and Russian words of one meaning with different roots.
        ("Незалежная супольнасць настаўнікаў Гомеля", "Независимое сообщество учителей Гомеля"),
        ("Грамадзянская суполка мастакоў", "Гражданская группа художников"),
        ("Моладзевы рух валанцёраў", "Молодёжное движение волонтёров"),
        # Legal forms of public associations and institutions (ГА/ОО, установа/учреждение, UE).
        ("ГА «Жаночая ініцыятыва»", "ОО «Женская инициатива»"),
        ("Дзяржаўная установа «Музей Вайны»", "Государственное учреждение «Музей Войны»"),
        ("UE Polesie-Service", "Polesie-Servis"),
        ("State-owned Enterprise Vitbet", "Государственное предприятие Витбет"),
    ],
)
def test_organisation_aliases_in_another_form_match(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # The holding named after "management company of" is another organisation.
        ("OJSC Polesie Tools – Management Company of Holding Polesie Group", "Polesie Group"),
        # Same adjective, group word and town, another profession: another organisation.
        ("Незалежная супольнасць настаўнікаў Гомеля", "Независимое сообщество врачей Гомеля"),
        ("Грамадзянская суполка мастакоў", "Гражданская группа писателей"),
        # One name of a cell shares only a generic word with the other name.
        ("Vitbet Trade / Vitbet LLC", "Polesie Trade LLC"),
    ],
)
def test_hard_negatives_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8, (query, listed)


def test_name_parts_of_a_cell() -> None:
    parts = organisation_name_parts("ОАО «Витбет» / Vitbet Trade – управляющая компания холдинга «Полесье»")
    assert ("+part", "Vitbet Trade") in [(label, text.strip()) for label, text in parts]
    assert not any("Полесье" in text and label == "+part" for label, text in parts)
    assert organisation_name_parts("A/S") == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(min_size=0, max_size=20), min_size=1, max_size=4), st.sampled_from([" / ", " – ", "-"])
)
# A number word against an underscore (ONE_, Forty_four): the screened text is cleaned, the listed one was not.
@example(["ONE_"], " / ")
@example(["Forty_four"], "-")
# A modifier letter that is an apostrophe once the text is cleaned (ʻ): a name of no letters, refused as a query.
@example(["\u02bb"], " / ")
def test_cells_with_separators_never_raise_and_match_themselves(pieces: list[str], separator: str) -> None:
    name = separator.join(pieces)
    variants = name_variants(name, NameKind.ORGANIZATION)
    if not any(ch.isalnum() for ch in clean_text(name)):
        return
    result = score(name, name)
    assert 0.0 <= result <= 1.0
    if variants:
        assert result == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Russian compound words read as the words they were cut from (Бел-нефте-хим, Стекло-волокно).
        ("Belneftekhim", "Belarusian State Concern for Oil and Chemistry"),
        ("Grodno Khimvolokno OAO", "Grodno Chemical Fibre OJSC"),
        ("Vitebsk Steklovolokno", "Vitebsk Glass Fibre"),
    ],
)
def test_compound_words_meet_the_words_they_were_cut_from(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Bel- with one word is a brand, not a description.
        ("Belaruskali", "Belarusian Potash Company"),
        ("Belarusneft", "Belarusian Oil Company"),
        # A compound read as words counts only when the names then agree word for word.
        ("Belneftegaz", "Belarusian State Concern for Oil and Chemistry"),
        ("Grodno Khimvolokno", "Grodno Chemical Glass Fibre Works Neman"),
        # A prefix of a longer word is no piece: Belinvest is not "Belarusian Investigative".
        ("Belinvest", "Investigative Committee of Belarus"),
        # Auto + service says one thing once "service" is left out as generic: a car service is no car plant.
        ("Minsk Autoservice LLC", "Open Joint Stock Company 'Minsk Automobile Works'"),
    ],
)
def test_compounds_that_are_brands_or_do_not_agree_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A spelled-out legal form of three words or more with one slip is still a legal form.
        ("OOO Vitbet", "Obschestvo s Organichennoy Otvetstvennostyu Vitbet"),
        ("Vitbet", "Obshestvo s ogranichenoi otvetstvennostiu Vitbet"),
    ],
)
def test_misspelt_legal_forms(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


def test_a_romanised_cyrillic_acronym_stands_for_the_words_it_abbreviates() -> None:
    # БЦК romanised letter by letter (BTsK) is three letters, so alone it is put to review, as every bare
    # three-letter acronym is.
    assert 0.6 <= score("BTsK", "Belarusian Cement Company") < 0.8


def test_a_word_of_a_two_word_legal_form_alone_is_no_legal_form() -> None:
    # Two-word forms need all their words (spółka akcyjna): "Akcyjna" alone stays a word of the name.
    assert score("Akcyjna Vitbet", "Vitbet") < 0.8


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("one two forty_-/ .ONEivx1IIабв'\u0301")), max_size=20),
    st.sampled_from([NameKind.ORGANIZATION, NameKind.PERSON]),
)
def test_a_listed_name_is_read_as_the_same_text_screened(name: str, kind: str) -> None:
    """Queries are cleaned before they reach the names (`Query`); a listed name read raw would differ from the
    same text screened (an underscore, an accent apart from its letter)."""
    keys = [variant.keys for variant in name_variants(name, kind)]
    assert keys == [variant.keys for variant in name_variants(clean_text(name), kind)]
