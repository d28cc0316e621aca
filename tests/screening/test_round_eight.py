"""Specifications for round eight of screening quality: Belarusian legal forms abbreviated in English (RUE for
РУП, PUE for ЧУП, JLLC for СООО), and English words that Belarusian and Russian company names write as they sound
(Трейд, Лайн, Хаус). Examples are our own, written the way registries and banks write such names."""

from __future__ import annotations

import pytest

from hramada.screening import ListedEntity, Query, score_candidate


def score(query: str, listed: str) -> float:
    entity = ListedEntity("x", "Company", listed, (listed,), (), (), ())
    return score_candidate(Query(name=query, schema="Company"), entity).score


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
    assert score(query, listed) >= 0.8, (query, listed)


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
    assert score(query, listed) < 0.6, (query, listed)
