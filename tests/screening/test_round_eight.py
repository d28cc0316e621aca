"""Specifications for round eight of screening quality: Belarusian legal forms abbreviated in English (RUE for
РУП, PUE for ЧУП, JLLC for СООО), and English words that Belarusian and Russian company names write as they sound
(Трейд, Лайн, Хаус). Examples are our own, written the way registries and banks write such names."""

from __future__ import annotations

import pytest

from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("RUE Vitsebskkhlebprom", "Republican Unitary Enterprise Vitsebskkhlebprom"),
        ("PUE Dobry Dom", "Частное унитарное предприятие Добры Дом"),
        ("CUE Zhilkomservis", "Communal Unitary Enterprise Zhilkomservis"),
        ("JLLC Polesie Trade", "Совместное общество с ограниченной ответственностью Полесье Трейд"),
        ("Nord Line FLLC", "ИООО Норд Лайн"),
        ("Minsk Steel House", "Минск Стил Хаус"),
        ("Green City Estate", "ООО «Грин Сити Эстейт»"),
        ("Polesie Treid", "Polesie Trade LLC"),
        ("Dizain Food", "Design Food"),
    ],
)
def test_english_words_and_forms_written_as_they_sound_match(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # The shared loanword is a generic word: the distinctive words still have to agree.
        ("Polesie Trade", "Полесье Лайн"),
        ("Nord Line", "Норд Стил"),
        ("Minsk Food House", "Гродно Фуд Хаус"),
    ],
)
def test_a_shared_loanword_alone_is_no_match(query: str, listed: str) -> None:
    assert company(query, listed) < 0.6, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # An Arabic name is a person's own name followed by the chain of fathers' names: one given name more in
        # front is a son or a daughter, in Latin letters and in Arabic script alike.
        ("Qusay Saddam Hussein al-Tikriti", "Saddam Hussein al-Tikriti"),
        ("Saddam Hussein al-Tikriti", "Uday Saddam Hussein al-Tikriti"),
        ("صدام حسين التكريتي", "Rana Saddam Hussein al-Tikriti"),
        ("Ali Barzan Ibrahim Hasan al-Tikriti", "برزان إبراهيم حسن التكريتي"),
    ],
)
def test_a_child_in_an_arabic_name_chain_is_a_lead_not_a_match(query: str, listed: str) -> None:
    assert 0.6 <= score(query, listed) < 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A title, or the article, in front is no given name; and a name written surname first says nothing of
        # which part is the person's own.
        ("Sheikh Saddam Hussein al-Tikriti", "Saddam Hussein al-Tikriti"),
        ("Al Zahar Mahmoud Khaled", "Zahar Mahmoud Khaled"),
        ("SADIQ AL-AHDAL, Abdallah Faysal", "AL-AHDAL, Abdallah Faysal"),
        ("AL-DIB, Ahmed", "DIB, Ahmed"),
    ],
)
def test_titles_articles_and_surname_first_names_keep_matching(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # One word that the listed name carries as written, the rest of it only describing: at least a lead.
        ("VTB", "VTB Bank"),
        ("ВТБ", "Банк ВТБ"),
        ("JSC VTB", "Bank VTB"),
        ("Belavia", "Belavia Belarusian Airlines"),
    ],
)
def test_a_name_the_listed_name_carries_as_one_word_is_put_to_review(query: str, listed: str) -> None:
    assert 0.6 <= company(query, listed) < 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Polesie Trade", "Полесье Лайн"),  # a generic word of its own beside the word: not one word
        ("Minsk", "Minsk Tractor Works"),  # a town names no company
        ("Zubr", "Zubr Capital"),  # the other word is no description
    ],
)
def test_only_a_single_distinctive_word_beside_descriptions_is_raised(query: str, listed: str) -> None:
    assert company(query, listed) < 0.6, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # The word naming the company stays when it only folds like a legal form (ILC and JLLC, Yona and АНО), when
        # rigour reads it as a legal form of somewhere (STG), or when it is a single letter among generic words.
        ("Group", "Grupo ILC"),
        ("Holding", "STG Holdings Limited"),
        ("Holding", "OJSC N Holding"),
        ("Shipping", "Yona Shipping"),
        # Nor through the whole strings, which differ by one letter of thirteen.
        ("Technologies", "K Technologies JSC"),
    ],
)
def test_a_generic_word_alone_does_not_meet_a_name_whose_own_word_was_taken_for_a_form(
    query: str, listed: str
) -> None:
    assert company(query, listed) < 0.6, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ILC Group", "Grupo ILC"),
        ("STG Holdings", "STG HOLDINGS LIMITED"),
        ("Energo-Oil CJSC", "SZAT Energa-Oil"),  # СЗАТ, a joint closed joint-stock company
        ("Foo Service", "ANO Foo Service"),  # АНО as written is still a legal form
    ],
)
def test_forms_written_as_forms_still_go(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8, (query, listed)
