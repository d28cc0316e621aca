"""Specifications for round six of organisation names: a town one name adds weighs like a generic word, and names
that agree only in dictionary words are told apart by a distinctive word one of them adds. Examples are our own."""

from __future__ import annotations

import pytest

from hramada.screening import ListedEntity, Query, score_candidate
from hramada.screening.names import is_place_key


def score(query: str, listed: str, schema: str = "Company") -> float:
    entity = ListedEntity("x", schema, listed, (listed,), (), (), ())
    return score_candidate(Query(name=query, schema=schema), entity).score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A query adding a distinctive word to a name made of dictionary words only is another organisation.
        ("Digital Security Helpdesk", "Digital Security"),
        ("Digital Security Helpdesk DEMO", "DIGITAL SECURITY LLC"),
        ("Cement Company Vitbet", "Cement Company"),
        # ...and the other way round: the listed name adds it.
        ("Digital Security", "Digital Security Helpdesk"),
        # A town is such a word when only dictionary words agree (a town's tractor works is one of many).
        ("Minsk Tractor Works", "Tractor Works"),
        ("Grodno Azot", "Azot"),
    ],
)
def test_a_distinctive_word_beside_dictionary_words_only_is_another_organisation(
    query: str, listed: str
) -> None:
    assert score(query, listed) < 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Dictionary words alone still meet themselves, with legal forms and generic words around them.
        ("Digital Security", "DIGITAL SECURITY LLC"),
        # A long run of dictionary words names one body by their combination.
        ("Central Election Commission Belarus", "Central Election Commission of the Republic of Belarus"),
        # Initials of a legal form next to the dictionary words are no distinctive word.
        ("RPTUP Belarusian Cement Company", "Belarusian Cement Company"),
    ],
)
def test_dictionary_words_alone_still_meet(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Polotsk Vitbet OAO", "Vitbet"),
        ("Novopolotsk Limited Liability Company Polesie Service", "OOO Polesie Servis"),
        ("ОАО Гродненский Витбет", "Vitbet"),
        ("Vitbet Gomel", "TAA Vitbet"),
        ("Маладзечна Вітбет", "Vitbet LLC"),
    ],
)
def test_a_town_one_name_adds_does_not_separate_one_company(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Two towns: two companies of the same name in different places.
        ("Grodno Vitbet", "Novopolotsk Vitbet"),
        ("Vitbet Brest", "Vitbet Pinsk"),
        # A town does not make a different distinctive word lighter.
        ("Polotsk Vitbet", "Vitbet Polesie"),
        # A word that is not a town keeps its full weight (Stark is no place).
        ("Stark Vitbet", "Vitbet"),
    ],
)
def test_towns_do_not_make_two_companies_one(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8, (query, listed)


@pytest.mark.parametrize(
    "word",
    ["Polotsk", "Полацк", "Polotskiy", "Hrodna", "Grodnenskaya", "Магілёўскі", "Mahiliou", "Marina Gorka"],
)
def test_towns_are_read_in_every_spelling(word: str) -> None:
    from hramada.screening.names import NameKind, name_variants

    variant = name_variants(word, NameKind.ORGANIZATION)[0]
    assert all(is_place_key(k) for k in variant.keys) or is_place_key(variant.joined), (word, variant.keys)


@pytest.mark.parametrize("word", ["Neman", "Vitbet", "Belshina", "Mir", "Bank", "Tractor"])
def test_ordinary_words_are_no_towns(word: str) -> None:
    from hramada.screening.names import NameKind, name_variants

    variant = name_variants(word, NameKind.ORGANIZATION)[0]
    assert not any(is_place_key(k) for k in variant.keys), word
