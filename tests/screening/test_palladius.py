"""Specifications for Chinese names written in Cyrillic by the Palladius system: read back as the pinyin that
English and the other lists write (Си Цзиньпин / Xi Jinping, Синьцзян / Xinjiang), also in Belarusian (Сі
Цзіньпін). Names are public figures' and places' own, examples our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hramada.screening import palladius
from hramada.screening.transliterate import latin_renderings, system_label
from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [
        ("си", "xi"),
        ("цзиньпин", "jinping"),
        ("цзэдун", "zedong"),
        ("чжан", "zhang"),
        ("сяопин", "xiaoping"),
        ("хуавэй", "huawei"),
        ("синьцзян", "xinjiang"),
        ("цзюй", "ju"),  # j with ü
        ("сюань", "xuan"),
        ("цзы", "zi"),  # z with i is ы
        ("го", "guo"),  # uo written о
        ("эньлай", "enlai"),
        ("сі", "xi"),  # Belarusian і
        ("сиань", "xian"),  # the fewest syllables
    ],
)
def test_palladius_syllables_read_back_as_pinyin(cyrillic: str, pinyin: str) -> None:
    assert palladius.to_pinyin(cyrillic) == pinyin


@pytest.mark.parametrize("word", ["лукашенко", "минск", "петров", "завод", ""])
def test_a_word_that_is_no_chinese_syllables_has_no_reading(word: str) -> None:
    assert palladius.to_pinyin(word) is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Xi Jinping", "Си Цзиньпин"),  # 0.00 before
        ("Xi Jinping", "Сі Цзіньпін"),
        ("Deng Xiaoping", "Дэн Сяопин"),  # 0.00 before
        ("Mao Zedong", "Мао Цзэдун"),  # 0.19 before
        ("Zhang Wei", "Чжан Вэй"),  # 0.33 before
        ("Wang Yi", "Ван И"),  # 0.22 before
    ],
)
def test_a_chinese_name_in_cyrillic_meets_its_pinyin(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.95
    assert score(listed, query) >= 0.95


def test_a_chinese_word_among_russian_ones_is_read_where_only_palladius_writes_its_letters() -> None:
    assert company("Xinjiang Trading", "Синьцзян Трейдинг") >= 0.95  # 0.00 before
    rendered = latin_renderings("совместное общество волат санцзян")
    assert rendered["palladius"].endswith("volat sangjiang")
    assert system_label("palladius").startswith("Chinese written by the Palladius system")


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Wang Yi", "Ван Ли"), ("Xi Jinping", "Си Цзиньтао"), ("Li Qiang", "Ли Цзян")],
)
def test_other_chinese_names_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


def test_a_russian_name_gains_no_chinese_reading() -> None:
    assert "palladius" not in latin_renderings("иван петров")


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў", max_size=20))
def test_any_cyrillic_word_is_read_or_left_without_error(word: str) -> None:
    reading = palladius.to_pinyin(word)
    assert reading is None or (reading.isascii() and reading.isalpha())


@pytest.mark.parametrize("given_name", ["анна", "ганна", "алена", "хома"])
def test_a_given_name_alone_is_not_read_as_chinese(given_name: str) -> None:
    # The equivalence tables render given names one by one: Ганна must not gain the spelling gangna.
    assert "palladius" not in latin_renderings(given_name)
