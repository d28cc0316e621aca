"""Round fifty-five (docs/screening.md): a Kazakh patronymic written as one word (Zorvanuly, Зорванұлы: son of
Zorvan; Zorvanqyzy: daughter of Zorvan) is read as Russian documents write it (Zorvanovich, Zorvanovna)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.names import _turkic_patronymic_as_russian
from tests.screening.scoring import score

MATCH = 0.8


# --- a Kazakh patronymic written as one word ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Marlen Zorvanuly Kastrelov", "KASTRELOV, Marlen Zorvanovich"),
        ("Kastrelov Marlen Zorvanuly", "Кастрелов Марлен Зорванович"),
        ("Марлен Зорванұлы Кастрелов", "KASTRELOV, Marlen Zorvanovich"),
        ("Марлен Зорванулы Кастрелов", "KASTRELOV, Marlen Zorvanovich"),
        ("Aigerim Zorvanqyzy Kastrelova", "KASTRELOVA, Aigerim Zorvanovna"),
        ("Aigerim Zorvankyzy Kastrelova", "KASTRELOVA, Aigerim Zorvanovna"),
        ("Айгерим Зорванқызы Кастрелова", "KASTRELOVA, Aigerim Zorvanovna"),
        ("Aigerim Zorvan qyzy Kastrelova", "KASTRELOVA, Aigerim Zorvanovna"),  # apart, in the 2021 alphabet
    ],
)
def test_a_kazakh_patronymic_written_as_one_word_is_the_russian_one(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH
    assert score(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Marlen Zorvanuly Kastrelov", "KASTRELOV, Marlen Berikovich"),
        ("Aigerim Zorvanqyzy Kastrelova", "KASTRELOVA, Aigerim Berikovna"),
    ],
)
def test_another_father_still_tells_namesakes_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("marlen zorvanuly kastrelov", "marlen zorvanovich kastrelov"),
        ("kastrelov marlen zorvanuly", "kastrelov marlen zorvanovich"),
        ("aigerim zorvanqyzy kastrelova", "aigerim zorvanovna kastrelova"),
        ("марлен зорванұлы кастрелов", "марлен зорванович кастрелов"),
        ("айгерим зорванқызы кастрелова", "айгерим зорвановна кастрелова"),
        ("zorvanuly marlen kastrelov", None),  # a patronymic never opens a name
        ("marlen abuly kastrelov", None),  # a father's name of two letters is no name
        ("marlen kastrelov", None),
    ],
)
def test_the_reading_of_a_glued_patronymic(text: str, reading: str | None) -> None:
    assert _turkic_patronymic_as_russian(text) == reading


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(["marlen", "zorvanuly", "qyzy", "uly", "aly", "ұлы", "kyzy", "zorvan"]), max_size=6
    )
)
def test_the_patronymic_reading_never_raises_and_keeps_the_words(words: list[str]) -> None:
    read = _turkic_patronymic_as_russian(" ".join(words))
    assert read is None or 0 < len(read.split(" ")) <= len(words)
