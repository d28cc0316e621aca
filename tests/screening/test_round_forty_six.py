"""Specifications for round forty-six. A name part with two slips, written in its Russian form, meets the listed
Belarusian form of a name that the equivalence tables do not know (most surnames, some fathers' names), as it meets
the Russian form: the Belarusian part is read in Russian spelling (ў after a vowel as в, дз as д, -анка as -енка,
Belarusian я and а after the hushing consonants as е, and every o as a where Belarusian writes a). Two slips of the
keyboard that pile consonants up into letters no name writes together (a key struck for a vowel) are read as slips,
in either form. The surnames are our own; the score before this round is in each comment."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hramada.screening.keys import russian_spellings
from hramada.screening.names import _struck_into_no_name
from tests.screening.scoring import score

MATCH = 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # bpv: v and o struck as b and p, against the Belarusian patronymic (Чаславаўна, Чеславовна)
        ("Yulia Cheslabpvna Zorvanava", "Yulia Chaslavauna ZORVANAVA"),  # 0.46
        # two e struck as r, against дз
        ("Ksenia Petrovna Zorvrdrva", "Ksenia Piatrouna ZORVEDZEVA"),  # 0.43
        # l and n left out, against -анкаў in Polish letters (szcz)
        ("Alexey Anatolievich Zyshchekov", "Aliaksey Anatolevich ZLYSZCZANKAU"),  # 0.49
        # l left out and s, k swapped, against -оўская with every unstressed о written а
        ("Anna Mikhaylovna Zorokoovksaya", "Hanna Mikhailauna ZARAKALOUSKAYA"),  # 0.40
    ],
)
def test_two_slips_in_the_russian_form_meet_the_belarusian_listing(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH


def test_keys_struck_for_vowels_are_read_in_the_same_form_too() -> None:
    # Asking the other form never reads more than the same form: both meet.
    assert score("Ksenia Petrovna Zorvrdrva", "Ksenia Petrovna ZORVEDEVA") >= MATCH  # 0.43


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ivan Petrovich Zorvenkov", "Ivan Piatrovich ZORVENKA"),  # -енкаў, not -енка: another family
        ("Ivan Petrovich Zorokoovksy", "Ivan Piatrovich ZARAKALOUSKAYA"),  # a man against a woman
        ("Anna Mikhaylovna Zorokoovksaya", "Hanna Mikhailauna ZARAKALOUSKI"),  # a woman against a man
        ("Yulia Cheslavovna Zorvanava", "Yulia Stanislavauna ZORVANAVA"),  # another father
        (
            "Alexey Anatolievich Zoyshchekov",
            "Aliaksey Anatolevich ZORLYSZCZANKAU",
        ),  # three slips are too many
    ],
)
def test_the_russian_reading_keeps_other_persons_apart(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


@pytest.mark.parametrize(
    ("belarusian", "russian"),
    [
        ("sakalouskaya", "sakalovskaya"),
        ("chaslavauna", "cheslavovna"),
        ("khlyszczankau", "khlyshchenkov"),
        ("lebedzeva", "lebedeva"),
        ("lukashenka", "lukashenko"),
    ],
)
def test_a_belarusian_part_is_read_in_russian_spelling(belarusian: str, russian: str) -> None:
    assert russian in russian_spellings(belarusian)


@pytest.mark.parametrize(
    "word", ["antonia", "georgiou", "nicolaou", "mahmoud", "ivanov", "ab", "zorv-ed", "Ёлка"]
)
def test_a_part_without_a_mark_only_belarusian_writes_has_no_russian_reading(word: str) -> None:
    assert russian_spellings(word) == ()


@pytest.mark.parametrize(
    ("typed", "meant", "read"),
    [
        ("lrbrdeva", "lebedeva", True),
        ("cheslabpvna", "cheslavovna", True),
        ("muhannad", "muhammad", False),  # two names two keys apart keep their vowels
        ("ghaffar", "ghaddar", False),
        ("patrick", "patricia", False),
        ("maltsev", "malyshev", False),  # lts is a name's run of consonants
    ],
)
def test_slips_of_the_keyboard_are_read_where_they_piled_consonants_up(
    typed: str, meant: str, read: bool
) -> None:
    assert _struck_into_no_name(typed, meant) is read
    assert _struck_into_no_name(meant, typed) is read


@settings(deadline=None)
@given(st.text(max_size=30))
@example("sakalouskaya")
@example("DZIAMIDAU")
def test_russian_spellings_are_lower_case_letters_other_than_the_word(word: str) -> None:
    for spelt in russian_spellings(word):
        assert spelt != word.lower()
        assert spelt.isascii() and spelt.isalpha() and spelt == spelt.lower()


@settings(deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14))
def test_a_part_piles_up_no_consonants_against_itself(word: str) -> None:
    assert not _struck_into_no_name(word, word)
