"""The bounds of all candidates at once (bounds.score_bounds) are never below the score the alignment gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.bounds import score_bounds
from hramada.screening.names import NameKind, NameVariant, _align, name_variants

# Real spellings of listed people and companies, with their slips, initials, patronymics and towns.
PERSON_WORDS = [
    "Aliaksandr",
    "Alexander",
    "Aleksandr",
    "Lukashenka",
    "Lukashenko",
    "Łukašenka",
    "Ryhoravich",
    "Grigorievich",
    "R.",
    "A.",
    "Viktar",
    "Viktor",
    "Serei",
    "Sergei",
    "Lavrov",
    "Lavrovs",
    "Sergejs",
    "Iur",
    "Iury",
    "Dzmitry",
    "Dmirty",
    "Saizew",
    "Zaitsev",
    "Abd",
    "al",
    "Tawab",
    "Mullah",
    "Kim",
    "Jong",
    "Un",
    "Yevgeny",
    "Evgeny",
    "Ivanov",
    "Ivanovna",
    "Ivanovich",
    "Лукашенко",
    "Александр",
    "Аляксандр",
    "Лукашэнка",
    "Сергей",
    "Лавров",
]
ORGANISATION_WORDS = [
    "Belaruskali",
    "Belarusian",
    "Potash",
    "Company",
    "OAO",
    "Grodno",
    "Azot",
    "Novopolotsk",
    "Naftan",
    "Minsk",
    "Tractor",
    "Works",
    "MTZ",
    "BelAZ",
    "Belshina",
    "Tyre",
    "Sohra",
    "Group",
    "LLC",
    "Interservice",
    "Interservis",
    "Беларуськалий",
    "Гродно",
    "Азот",
    "ОАО",
]


def _names(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=1, max_size=4).map(" ".join)


def _check(kind: str, query: str, listed: list[str]) -> None:
    query_variants = name_variants(query, kind)
    candidates = [name_variants(name, kind) for name in listed]
    bounds = score_bounds(query_variants, candidates, floor=1.0)
    for variants, per_query in zip(candidates, bounds, strict=True):
        for qv, row in zip(query_variants, per_query, strict=True):
            for lv, bound in zip(variants, row, strict=True):
                assert bound >= _align(qv, lv)[0], (qv.keys, lv.keys, bound)


@settings(max_examples=150, deadline=None)
@given(_names(PERSON_WORDS), st.lists(_names(PERSON_WORDS), min_size=1, max_size=4))
def test_a_person_bound_is_never_below_the_score(query: str, listed: list[str]) -> None:
    _check(NameKind.PERSON, query, listed)


@settings(max_examples=150, deadline=None)
@given(_names(ORGANISATION_WORDS), st.lists(_names(ORGANISATION_WORDS), min_size=1, max_size=4))
def test_an_organisation_bound_is_never_below_the_score(query: str, listed: list[str]) -> None:
    _check(NameKind.ORGANIZATION, query, listed)


def test_a_name_that_shares_only_a_given_name_is_bounded_below_the_review_floor() -> None:
    query = name_variants("Aliaksandr Lukashenka", NameKind.PERSON)
    listed = name_variants("Aleksandr Ivanovich Kozlov", NameKind.PERSON)
    bounds = score_bounds(query, [listed], floor=0.5)
    assert max(b for row in bounds[0] for b in row) < 0.5


def test_renderings_compared_by_skeletons_are_not_bounded() -> None:
    query = name_variants("عبد الله التكريتي", NameKind.PERSON)
    listed = name_variants("Abdullah al-Tikriti", NameKind.PERSON)
    assert any(v.abjad for v in query)
    bounds = score_bounds(query, [listed], floor=0.5)
    for qv, row in zip(query, bounds[0], strict=True):
        if qv.abjad:
            assert all(b >= 1.0 for b in row)


def test_a_query_without_renderings_bounds_nothing() -> None:
    listed: tuple[NameVariant, ...] = name_variants("Ivan Petrov", NameKind.PERSON)
    assert score_bounds((), [listed]) == [[]]
