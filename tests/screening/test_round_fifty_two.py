"""Round fifty-two (docs/screening.md): what a query would load on first use is loaded before it ("A stored index
and the first query"); retrieval's keys and counting, now compiled (`retrieval.py`), answer as before; Chinese
companies in pinyin; a brand beside the country it works in, with words of kind that differ."""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import (
    Query,
    ScreeningIndex,
    Thresholds,
    load_readers,
    names,
    retrieval,
    screen,
)
from hramada.screening import keys as keys_module


def _tables() -> dict[str, Callable[[], Any]]:
    """Every table of the name modules read once and kept (a cached function of no arguments)."""
    found: dict[str, Callable[[], Any]] = {}
    for module in (names, keys_module, retrieval):
        for attribute, value in vars(module).items():
            if not hasattr(value, "cache_info") or getattr(value, "__module__", "") != module.__name__:
                continue
            try:
                parameters = inspect.signature(value).parameters
            except (TypeError, ValueError):
                continue
            if not parameters:
                found[f"{module.__name__}.{attribute}"] = value
    return found


def _index() -> ScreeningIndex:
    return ScreeningIndex.from_entities(
        [
            {"id": "p1", "schema": "Person", "properties": {"name": ["Zorvan Marlenovich Ivanov"]}},
            {"id": "o1", "schema": "Company", "properties": {"name": ["OOO Zorvex Trade"]}},
            {"id": "v1", "schema": "Vessel", "properties": {"name": ["ZORVEX STAR"]}},
        ]
    )


_READ_ONLY_BY_COMPARING = (
    "org_place_keys",
    "org_meaning_keys",
    "_compass_keys",
    "abbreviated_openings",
    "written_given_forms",
    "_two_word_country_names",
    "_jurisdiction_keys",
    "_unit_keys",
    "_arabic_title_keys",
    "_keyboard_neighbours",
)
"""The tables only comparing names reads: a build (or a process loading a stored index) reads them before the
first query, which would otherwise pay for them (the abbreviated openings alone took 33 ms)."""


@pytest.mark.parametrize("load", [_index, load_readers], ids=["a build", "loading the readers"])
def test_the_tables_only_comparing_reads_are_read_before_the_first_query(load: Callable[[], Any]) -> None:
    tables = _tables()
    comparing = [tables[f"hramada.screening.names.{name}"] for name in _READ_ONLY_BY_COMPARING]
    for table in comparing:
        table.cache_clear()  # type: ignore[attr-defined]  # only these: others may be built on by their callers
    load()
    unread = [
        name
        for name, table in zip(_READ_ONLY_BY_COMPARING, comparing, strict=True)
        if not table.cache_info().currsize  # type: ignore[attr-defined]
    ]
    assert unread == []


def test_a_stored_index_answers_as_built_after_the_readers_are_loaded() -> None:
    index = _index()
    stored = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
    load_readers()
    for name, schema in (
        ("Zorvan Ivanov", "Person"),
        ("Зорван Марленович Иванов", "Person"),
        ("Zorvex Trade LLC", "Company"),
        ("Zorvex Star", "Vessel"),
    ):
        query = Query(name=name, schema=schema)
        built = screen(query, index, thresholds=Thresholds.SCREENING)
        loaded = screen(query, stored, thresholds=Thresholds.SCREENING)
        assert built, name
        assert [(r.entity_id, r.score) for r in loaded] == [(r.entity_id, r.score) for r in built]


def _counted_by_hand(usable: list[tuple[int, str, float]], ids_of: dict[str, list[int]]) -> dict[int, float]:
    """The sum of each name's postings' weights over every usable posting (no posting closed)."""
    import math

    scores: dict[int, float] = {}
    for n, key, w in usable:
        for name_id in set(ids_of[key]):
            scores[name_id] = scores.get(name_id, 0.0) + w * math.log(1.0 + retrieval.MAX_POSTING / n)
    return scores


_postings = st.lists(
    st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=30, unique=True).map(sorted),
    min_size=1,
    max_size=8,
)


@settings(deadline=None, max_examples=200)
@given(_postings, st.lists(st.sampled_from([1.0, 0.6, 0.5, 0.4]), min_size=8, max_size=8))
def test_names_in_play_sums_each_names_postings_while_few_are_in_play(
    postings: list[list[int]], weights: list[float]
) -> None:
    """Fewer names than OPEN_HITS in play: every posting adds its weight to each name it holds, and each name comes
    into play with the first posting that holds it."""
    ids_of = {f"t:k{n}": ids for n, ids in enumerate(postings)}
    usable = sorted((len(ids), key, weights[n]) for n, (key, ids) in enumerate(ids_of.items()))
    scores = retrieval.names_in_play(usable, ids_of.__getitem__)
    expected = _counted_by_hand(usable, ids_of)
    assert scores.keys() == expected.keys()
    for name_id, score in expected.items():
        assert scores[name_id] == pytest.approx(score)
    first_seen = list(dict.fromkeys(i for _, key, _ in usable for i in set(ids_of[key])))
    assert list(scores) == first_seen


def test_once_enough_names_are_in_play_a_longer_posting_only_adds_to_them() -> None:
    many = list(range(retrieval.OPEN_HITS))
    longer = list(range(retrieval.OPEN_HITS // 2, 2 * retrieval.OPEN_HITS))
    ids_of = {"t:rare": many, "t:common": longer}
    usable = [(len(many), "t:rare", 1.0), (len(longer), "t:common", 1.0)]
    scores = retrieval.names_in_play(usable, ids_of.__getitem__)
    assert set(scores) == set(many), "names only the longer posting holds do not come into play"
    assert scores[retrieval.OPEN_HITS - 1] > scores[0], "names both postings hold count both"


def _score(query: str, listed: str) -> float:
    from hramada.screening import ListedEntity, score_candidate

    entity = ListedEntity("x", "Company", listed, (listed,), (), (), ())
    return score_candidate(Query(name=query, schema="Company"), entity, thresholds=Thresholds.SCREENING).score


@pytest.mark.parametrize(
    ("pinyin", "english"),
    [
        ("Zorvex Bandaoti Youxian Gongsi", "Zorvex Semiconductor Co Ltd"),
        ("Zorvex Guangxue Youxian Gongsi", "Zorvex Optical Co Ltd"),
        ("Beijing Zorvex Hangtian Kexue Yanjiuyuan", "Beijing Zorvex Aerospace Science Research Institute"),
        ("Zorvex Gongcheng Youxian Gongsi", "Zorvex Engineering Co Ltd"),
        ("Zorvex Ruanjian Youxian Gongsi", "Zorvex Software Co Ltd"),
        ("Zorvex Wangluo Youxian Gongsi", "Zorvex Network Co Ltd"),
        ("Zorvex Tongxin Youxian Gongsi", "Zorvex Communications Co Ltd"),
        ("Zorvex Gangtie Jituan", "Zorvex Steel Group"),
        ("Zorvex Daxue", "Zorvex University"),
        ("Zorvex Cailiao Youxian Gongsi", "Zorvex Materials Co Ltd"),
        ("Zorvex Huaxue Youxian Gongsi", "Zorvex Chemical Co Ltd"),
    ],
)
def test_a_chinese_company_in_pinyin_matches_its_english_name(pinyin: str, english: str) -> None:
    assert _score(pinyin, english) >= Thresholds.SCREENING.match
    assert _score(english, pinyin) >= Thresholds.SCREENING.match


@pytest.mark.parametrize(
    ("pinyin", "other"),
    [
        ("Zorvex Bandaoti Youxian Gongsi", "Zorvex Steel Co Ltd"),  # semiconductor, not steel
        ("Zorvex Ruanjian Youxian Gongsi", "Zorvex Shipping Co Ltd"),
        ("Zorvex Bandaoti Youxian Gongsi", "Marlen Semiconductor Co Ltd"),  # another name
    ],
)
def test_the_same_words_of_kind_under_another_name_or_another_kind_do_not_match(
    pinyin: str, other: str
) -> None:
    assert _score(pinyin, other) < Thresholds.SCREENING.match


@pytest.mark.parametrize(
    ("pinyin", "written", "other_word"),
    [
        ("hangkong", "Hongkong", "aviation"),
        ("yiyao", "Jo", "pharmaceutical"),
    ],
)
def test_a_pinyin_word_that_folds_as_another_word_of_the_lists_is_left_out(
    pinyin: str, written: str, other_word: str
) -> None:
    """Hangkong (航空, aviation) folds as Hongkong does, yiyao (医药, pharmaceutical) as Jo, Ja and Ya: read as words
    of kind, they would have turned a place and a word of names into words of kind."""
    from hramada.screening.keys import fold

    meanings = names.org_word_translations()
    assert fold(pinyin) == fold(written)
    assert fold(pinyin) not in meanings
    assert (
        _score(f"{written} Zorvex Limited", f"Zorvex {other_word.title()} Limited")
        < Thresholds.SCREENING.match
    )


def test_each_pinyin_word_reads_as_the_english_word_of_its_characters() -> None:
    """The pinyin forms of the meaning table agree with the table of words in characters: 半导体 is semiconductor
    both ways."""
    from hramada.screening.keys import fold

    meanings = names.org_word_translations()
    in_characters = names._han_org_words()[0]
    for characters, pinyin in (
        ("航天", "hangtian"),
        ("半导体", "bandaoti"),
        ("研究院", "yanjiuyuan"),
        ("材料", "cailiao"),
    ):
        assert meanings[fold(pinyin)] == fold(in_characters[characters])


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Technology Germany GmbH", "Zorvex Trading Germany GmbH"),
        ("Zorvex Technology Hong Kong Limited", "Zorvex Trading Hong Kong Limited"),
        ("Zorvex Technology Europe Ltd", "Zorvex Trading Europe Ltd"),
        ("Zorvex Bank Asia", "Zorvex Insurance Asia"),
    ],
)
def test_a_brand_and_the_country_it_works_in_with_another_kind_do_not_match(query: str, listed: str) -> None:
    """One brand word beside the country or continent it works in says which organisation no more than the brand
    alone does: the words of kind, which agree in none, tell two companies of one group apart (1.00 before but
    for the bank and the insurer, whose words of kind are parts)."""
    assert _score(query, listed) < Thresholds.SCREENING.match
    assert _score(listed, query) < Thresholds.SCREENING.match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Technology Germany GmbH", "Zorvex Technologies Germany"),
        ("Zorvex Technology Hong Kong Limited", "Zorvex Technologies (Hong Kong) Ltd"),
        ("Zorvex Technology Germany GmbH", "Zorvex Germany GmbH"),  # one says no kind
        ("Korea Zorvex Trading", "Zorvex Trading"),
        ("LLC VEB.RF ASSET MANAGEMENT", "VEB.RF UPRAVLENIE AKTIVAMI"),  # no country: as before
    ],
)
def test_the_same_kind_or_none_said_still_matches(query: str, listed: str) -> None:
    assert _score(query, listed) >= Thresholds.SCREENING.match


def test_a_country_among_dictionary_words_names_the_organisation_as_before() -> None:
    """Iran Marine Industrial / Iran Marine Services: without a brand, the country is the word that says which (a
    lead, 0.75, before and after)."""
    assert (
        _score("IRAN MARINE INDUSTRIAL COMPANY, SADRA", "IRAN MERINE SERVICES") < Thresholds.SCREENING.match
    )


@settings(deadline=None, max_examples=60)
@given(st.sampled_from(["Germany", "Hong Kong", "Europe", "Asia", "Korea", "Iran"]))
def test_where_a_company_works_is_never_its_brand(country: str) -> None:
    variant = names.name_variants(f"Zorvex Technology {country} Limited", names.NameKind.ORGANIZATION)[0]
    matched = [(1.0, i, i) for i in range(len(variant.keys))]
    assert len(matched) > 1
    assert names._brand_among(variant.keys, matched, variant.words) == (variant.keys[0], False)
