"""Specifications for Korean names written in Cyrillic (the Kontsevich system and the older press spellings): read
back into Hangul, so that they meet the Latin spellings of the lists (Ким Чен Ын / Kim Jong Un, Чхве Рён Хэ / Choe
Ryong Hae) and the South's own (Ли Мён Бак / Lee Myung-bak). Names are public figures' own, examples our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.screening import kontsevich
from hramada.screening.transliterate import latin_renderings, system_label
from tests.screening.scoring import score


@pytest.mark.parametrize(
    ("hangul", "cyrillic"),
    [
        ("김", "ким"),
        ("정", "чжон"),  # ㅈ чж, ㅓ о, a final ㅇ н
        ("최", "чхве"),  # ㅊ чх, ㅚ вэ or ве
        ("룡", "рён"),
        ("해", "хэ"),
        ("일", "иль"),
        ("은", "ын"),
        ("박", "пак"),
        ("철", "чхоль"),
    ],
)
def test_a_hangul_syllable_is_spelt_first_by_the_system(hangul: str, cyrillic: str) -> None:
    assert kontsevich.spellings(hangul)[0] == cyrillic


def test_the_older_press_spellings_and_the_voiced_initials_are_spellings_too() -> None:
    assert "чен" in kontsevich.spellings("정")  # Ким Чен Ын
    assert "сен" in kontsevich.spellings("성")  # Ким Ир Сен
    assert "ир" in kontsevich.spellings("일")
    assert "гвон" in kontsevich.spellings("권")  # Ли Сон Гвон: a joined given name split again
    assert kontsevich.spellings("닭") == ()  # a final no name's syllable ends in


def test_a_cyrillic_syllable_maps_to_the_hangul_it_may_write_most_used_first() -> None:
    table = kontsevich.syllables()
    assert set(table["чен"]) == {"전", "정"}  # a final н is ㄴ or ㅇ
    assert table["ын"] == ("은",)  # 응 is read by a tenth as many name characters: not a rival


@pytest.mark.parametrize(
    ("cyrillic", "first_readings"),
    [
        ("ким чен ын", {"김 정 은", "김 전 은"}),
        ("чхве рён хэ", {"최 령 해", "최 련 해"}),
        ("цой рён хэ", {"최 령 해", "최 련 해"}),  # the press's Цой
        ("ким чжонын", {"김 정은", "김 전은"}),  # a joined given name cut into syllables
        ("кім ір сен", {"김 일 선", "김 일 성"}),  # Belarusian і
    ],
)
def test_a_korean_name_in_cyrillic_is_read_as_hangul(cyrillic: str, first_readings: set[str]) -> None:
    readings = kontsevich.readings(cyrillic)
    assert first_readings <= set(readings)
    assert len(readings) <= kontsevich.MAX_READINGS


@pytest.mark.parametrize(
    "cyrillic",
    [
        "цой виктор робертович",  # a Koryo-saram name: Russian given name and patronymic
        "иван петров",
        "лукашенко александр григорьевич",
        "ким",  # a word alone
        "анна сон",  # the first word is no family name
        "ким чен ын пак сон ир",  # too many words for a name
    ],
)
def test_other_names_are_not_read_as_korean(cyrillic: str) -> None:
    assert kontsevich.readings(cyrillic) == ()
    assert not any(label.startswith("kontsevich") for label in latin_renderings(cyrillic))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ким Чен Ын", "KIM, Jong Un"),  # 0.27 before
        ("Ким Чжон Ын", "Kim Jong Un"),  # 0.27 before
        ("Ким Ир Сен", "Kim Il Sung"),  # 0.29 before
        ("Чхве Рён Хэ", "CHOE, Ryong Hae"),  # 0.29 before
        ("Цой Рён Хэ", "Choe Ryong Hae"),
        ("Ли Бён Чхоль", "RI, Pyong Chol"),  # 0.29 before
        ("Ким Ё Чжон", "KIM, Yo Jong"),  # 0.53 before
        ("Ли Мён Бак", "Lee Myung-bak"),  # 0.49 before
        ("Мун Чжэ Ин", "Moon Jae-in"),  # 0.60 before
        ("Пак Кын Хе", "Park Geun-hye"),  # 0.40 before
    ],
)
def test_a_korean_name_in_cyrillic_meets_its_latin_spelling(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85
    assert score(listed, query) >= 0.85


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ким Чен Ын", "KIM, Yo Jong"),  # his sister
        ("Ким Чен Ын", "Kim Jong Il"),  # his father
        ("Ким Чен Ын", "KIM, Yong Chol"),
        ("Чхве Рён Хэ", "CHOE, Chun Sik"),
        ("Ли Бён Чхоль", "RI, Chang Ho"),
    ],
)
def test_other_korean_names_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


def test_the_explanation_says_the_name_was_read_as_korean() -> None:
    rendered = latin_renderings("ким чен ын")
    assert "kim jong un" in rendered.values()
    label = next(label for label, line in rendered.items() if line == "kim jong un")
    assert system_label(label).startswith("Korean written in Cyrillic, read as Hangul, McCune-Reischauer")


@given(st.lists(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў-", max_size=8), max_size=5))
def test_any_cyrillic_name_is_read_or_left_without_error(words: list[str]) -> None:
    readings = kontsevich.readings(" ".join(words))
    assert len(readings) <= kontsevich.MAX_READINGS
    for reading in readings:
        assert all("\uac00" <= ch <= "\ud7a3" or ch == " " for ch in reading)
