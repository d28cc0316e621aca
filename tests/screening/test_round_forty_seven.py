"""Specifications for round forty-seven. A Belarusian romanisation typed with two slips meets a Russian listing whose
в closes a syllable inside the word (Коврыжкин, Слижевский: Kauryzhkin, Slizheuski in Belarusian), as it met one
whose в closes the word. The surnames are our own; the score before this round is in each comment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.keys import belarusian_spellings, closes_as_russian
from tests.screening.scoring import score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Ковры-: u and r swapped and z struck as x, against Kauryzhkin, the Belarusian spelling
        ("Aliaksei Iharavich Zaruyxhkin", "Alexey Igorovich ZOVRYZHKIN"),  # 0.44
        # u and r swapped and n struck as m
        ("Aliaksei Iharavich Zaruymkin", "Alexey Igorovich ZOVRYNKIN"),  # 0.45
        # u and r swapped and k struck as j
        ("Aliaksei Iharavich Zarutsjin", "Alexey Igorovich ZOVRUTSKIN"),  # 0.48
        # -евский: e and o swapped, r left out, against Zorveuski
        ("Aleh Leanidavich Zoervuski", "Oleg Leonidovich ZORVEVSKI"),  # 0.44
    ],
)
def test_a_belarusian_form_with_two_slips_meets_a_russian_v_closing_a_syllable_inside(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Aliaksei Iharavich Zarechkin", "Alexey Igorovich ZOVRYZHKIN"),  # another surname
        ("Aliaksei Iharavich Zaruyxhkin", "Alexey Igorovich ZOVRYZHKOV"),  # another ending
        ("Aleh Leanidavich Zoervuski", "Oleg Leonidovich ZORKEVSKI"),  # another stem
    ],
)
def test_other_surnames_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


def test_a_russian_v_inside_the_word_is_spelt_as_belarusian_writes_it() -> None:
    assert "kouryzhkin" in belarusian_spellings("Kovryzhkin")
    assert "slizheuski" in belarusian_spellings("slizhevski")
    # Inside the word only after a vowel after a consonant (the ye of Zoyevkina is Russian е), and only before a
    # consonant (Zorvina's в opens a syllable).
    assert belarusian_spellings("zoyevkina") == ()
    assert belarusian_spellings("zorvina") == ()
    # Closing as Russian is still asked of the ending only.
    assert not closes_as_russian("kovryzhkin")


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=0, max_size=14))
def test_belarusian_spellings_of_any_word_differ_from_it_or_are_it_first(word: str) -> None:
    spellings = belarusian_spellings(word)
    assert len(set(spellings)) == len(spellings)
    assert all(spelt != word for spelt in spellings[1:])
    if spellings and spellings[0] != word:
        assert word not in spellings
