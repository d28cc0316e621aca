"""Specifications for round twenty-eight: two slips in one long part of a person's name (a patronymic or a surname
typed in haste), read as slips where they fall apart in the word or garble a name into no name, and not where
they make another name (another father, another family); two slips apart in a long word of a company's name that
says what kind of company, that names it, or in a compound; a person's word split by a space or a hyphen, or two
words glued; a legal form glued to a company's name. The names are our own. The score before this round is in each
comment."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hramada.screening.names import _legal_forms_unglued, _loose_similarity, _two_slips
from tests.screening.scoring import company, score

_LETTERS = "abcdeikov"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=12), st.text(alphabet=_LETTERS, max_size=12), st.booleans())
def test_two_slips_are_symmetric_and_never_raise(a: str, b: str, side_by_side: bool) -> None:
    assert _two_slips(a, b, side_by_side) == _two_slips(b, a, side_by_side)
    if a == b:
        assert not _two_slips(a, b, side_by_side)  # no slip at all is not two


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_LETTERS, min_size=3, max_size=12), st.text(alphabet=_LETTERS, min_size=3, max_size=12)
)
@example("acab", "acab")  # a name the tables know, against itself: two slips asked for still read it
def test_left_overs_with_two_slips_stay_within_bounds(a: str, b: str) -> None:
    for two_slips in (False, True):
        assert 0.0 <= _loose_similarity(a, b, a, b, two_slips) <= 1.0
    assert _loose_similarity(a, b, a, b, True) >= _loose_similarity(a, b, a, b, False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Viktar", "Aliaksandtavicj", "Zorvabrosakia", "Ivanovh", "Ptrobna", "ZORVANAU"])
    )
)
def test_names_with_two_slips_meet_themselves(words: list[str]) -> None:
    name = " ".join(words) or "Zorvanau"
    assert score(name, name) == 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Two slips apart in the word, each in a piece of its own.
        ("Viktar Aliaksandtavicj ZORVANAU", "Viktar Aliaksandravich ZORVANAU"),  # 0.46 before
        ("Yulia Cjalsavauna ZORVANAVA", "Yulia Chaslavauna ZORVANAVA"),  # 0.46 before
        # Side by side, garbling a patronymic's ending or a name the tables know into no name.
        ("Igor Ivanovh ZORVANOV", "Igor Ivanovich ZORVANOV"),  # 0.52 before
        ("Gennadi Iosifovchh ZORVANOV", "Gennadi Iosifovich ZORVANOV"),  # 0.55 before
        ("Ksenia Ptrobna ZORVANOVA", "Ksenia Petrovna ZORVANOVA"),  # 0.55 before
        ("Aelander Nikolaevich ZORVANOV", "Alexander Nikolaevich ZORVANOV"),  # 0.48 before
    ],
)
def test_two_slips_in_one_long_part(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


def test_a_slip_the_tables_read_counts_before_two_slips() -> None:
    # One slip from the Belarusian form of the name the other side writes in Russian: the tables' reading (0.95),
    # not two slips' lower similarity, names the pair.
    assert score("Uladximir Aliaksandravich ZORVANAU", "Vladimir Alexandrovich ZORVANOV") >= 0.94


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("igaravich", "ivanavich"),  # two fathers: two letters changed a letter apart
        ("makarovich", "maratovich"),
        ("danilovich", "davidovich"),
        ("zorlesnikov", "zortelnikov"),  # two families
        ("zorvanenko", "zorvanchenko"),  # a suffix: two letters added side by side
        ("integral", "internal"),  # a letter dropped and one added beside it: two changed
        ("norvanitsky", "zorvanitsky"),  # the first letter
        ("ivanov", "iavnvo"),  # too short for two
    ],
)
def test_two_letters_that_make_another_name_are_no_slips(a: str, b: str) -> None:
    assert not _two_slips(a, b, side_by_side=False)


def test_two_names_the_tables_know_are_not_read_as_two_slips() -> None:
    assert _loose_similarity("aliaksandr", "aliaksei", "aliaksandr", "aliaksei", True) == 0.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ivan Aleksandrovich ZORVANOV", "Ivan Aleksandrovna ZORVANOVA"),  # a son and a daughter: 0.12
        ("Ivan Sergeevich ZORVANOV", "Ivan Sergeevna ZORVANOV"),  # 0.51
        # A given name and a surname made of it: 0.55.
        ("Petr Ivanovich ZORVANOV", "Petrov Ivanovich ZORVANOV"),
        ("Stepan Ivanovich ZORVANOV", "Stepanov Ivanovich ZORVANOV"),  # 0.50
        ("Mikhail Petrovich ZORVANOV", "Mikhalev Petrovich ZORVANOV"),  # 0.51
        ("Zorvanov Ivan Petrovich", "Zorvanov Ivan Iharavich"),  # two fathers: 0.51
        ("Ivan Petrovich Zorlesnikov", "Ivan Petrovich ZORTELNIKOV"),  # two families: 0.38
    ],
)
def test_two_slips_still_tell_people_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Mannageent LLC", "Zorvex Management LLC"),  # 0.32 before
        ("Zorvex Entetprose OOO", "Zorvex Enterprise OOO"),  # 0.29 before
        ("UNITARY Entetprose ZORVEXTECHNIKA", "UNITARY ENTERPRISE ZORVEXTECHNIKA"),  # 0.66 before
        ("ZORVEX Stelovlookno OAO", "ZORVEX STEKLOVOLOKNO OAO"),  # a compound with two slips: 0.19 before
    ],
)
def test_two_slips_in_a_long_word_of_a_company_name(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Corporation", "Zorvex Cooperation"),  # two words of the dictionary: 0.31
        (  # a brand is no generic word two letters changed: 0.50
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVEX INTEGRAL COMMITTEE",
            "DEPARTMENT OF INTERNAL AFFAIRS OF THE ZORVEX REGIONAL COMMITTEE",
        ),
    ],
)
def test_two_slips_in_a_company_name_still_tell_companies_apart(query: str, listed: str) -> None:
    assert company(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Dmitry Nikola evich ZORVANKO",
            "Dmitry Nikolaevich ZORVANKO",
        ),  # a space in a patronymic: 0.50 before
        ("Elena Niko laevna ZORVANKO", "Elena Nikolaevna ZORVANKO"),  # 0.48 before
        ("Ivan Nikola Evich ZORVANKO", "Ivan Nikolaevich ZORVANKO"),  # 0.46 before
        ("Pavel Ni-kolaevich ZORVANKO", "Pavel Nikolaevich ZORVANKO"),  # a hyphen in it: 0.48 before
        ("AndreiNikolaevich ZORVANKO", "Andrei Nikolaevich ZORVANKO"),  # a space left out: 0.26 before
    ],
)
def test_a_word_split_or_glued_by_a_slip_is_one_word(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8


def test_a_given_name_is_still_no_patronymic_made_of_it() -> None:
    assert score("Ivan Nikola ZORVANKO", "Ivan Nikolaevich ZORVANKO") < 0.8  # 0.51
    assert score("Nikola Ivanovich ZORVANKO", "Nikolaevich Ivan ZORVANKO") < 0.8  # 0.26


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ZorvextourLLC", "Zorvextour LLC"),  # 0.00 before
        ("OOOZORVEX", "OOO ZORVEX"),  # 0.88 before, one edit from ZORVEX
        ("CJSCZORVEXTECHEXPORT", "CJSC ZORVEXTECHEXPORT"),  # 0.00 before
        ("ZorvexGmbH", "Zorvex GmbH"),  # 0.00 before
    ],
)
def test_a_legal_form_glued_to_the_name(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.8


def test_a_glued_form_is_cut_off_only_where_it_leaves_a_name() -> None:
    assert _legal_forms_unglued("ooops zorvex") is None  # two letters left: no name
    assert _legal_forms_unglued("tovarnaya zorvex") is None  # TOV opens words
    assert _legal_forms_unglued("zorvexllc plutoniq") == "zorvex plutoniq"


@given(st.text(alphabet="abcjlost ", max_size=24))
def test_ungluing_forms_never_raises_and_never_adds_letters(text: str) -> None:
    found = _legal_forms_unglued(" ".join(text.split()))
    assert found is None or len(found.replace(" ", "")) < len(text.replace(" ", ""))
