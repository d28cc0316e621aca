"""Specifications for round forty-two. Belarusian ц is soft before я, ё and ю (Кацярына, Таццяна, Трацяк), and every
system that writes a glide after a consonant writes it there too (ICAO Katsiaryna, Łacinka and Polish Kaciaryna,
German Kazjaryna); only Russian ц is hard (Зайцев in Polish: Zajcew). A Belarusian name listed in Cyrillic now meets
the Russian form a press writes where the reading passes through the Belarusian spelling. The surnames are our own;
the score before this round is in each comment."""

from __future__ import annotations

import pytest

from hramada.screening.transliterate import latin_renderings
from tests.screening.scoring import score

MATCH = 0.8


@pytest.mark.parametrize(
    ("cyrillic", "system", "latin"),
    [
        # Belarusian: the glide after ц as after any consonant (before: katsaryna, kacaryna, kazaryna).
        ("кацярына", "icao_9303:be", "katsiaryna"),
        ("кацярына", "lacinka:be", "kaciaryna"),
        ("кацярына", "german_duden:be", "kazjaryna"),
        ("зорцюк", "icao_9303:be", "zortsiuk"),
        # Russian ц is hard: Зайцев is Zajcew in Polish, Цыганков no glide anywhere (as before).
        ("зайцев", "polish", "zajcew"),
        ("цыганков", "icao_9303", "tsygankov"),
    ],
)
def test_belarusian_ts_is_soft_before_an_iotated_vowel_and_russian_ts_hard(
    cyrillic: str, system: str, latin: str
) -> None:
    assert latin_renderings(cyrillic)[system] == latin


def test_russian_ts_keeps_its_hard_reading_beside_the_belarusian_one() -> None:
    # A word with no letter of its own language is read both ways: Зайцев as Russian (Zajcew) and as Belarusian.
    renderings = latin_renderings("зайцев")
    assert renderings["polish"] == "zajcew"
    assert renderings["polish:be"] == "zajciew"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # ў written for the л of the Russian form (воўк / волк), read through the Belarusian spelling (0.77 before).
        ("Дзяніс ЗАЎЦЯНКОЎ", "Denis Anatolievich ZOLTENKOV"),
        ("Дзяніс ЗАЎСЦЯНКОЎ", "Denis Anatolievich ZOLSTENKOV"),  # 0.79 before
        ("Аляксандр ВАЎЦЯНКОЎ", "Aleksandr Nikolaevich VOLTENKOV"),  # 0.82 before, 0.89 now
    ],
)
def test_a_belarusian_name_in_cyrillic_meets_the_russian_form_through_its_soft_ts(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= 0.86
    assert score(listed, query) >= 0.86
