"""Recipient linkage with splink on DuckDB: registration numbers decide, one name in two scripts links, different
numbers in one country keep two organisations apart, and DuckDB never receives a name."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.registry import linkage
from hramada.registry.linkage import Mention

pytestmark = pytest.mark.django_db


def _pairs(mentions: list[Mention], **options: Any) -> set[tuple[int, int]]:
    return {(link.a, link.b) for link in linkage.link(mentions, **options)}


def test_one_name_in_belarusian_russian_and_latin_links_and_another_organisation_does_not() -> None:
    mentions = [
        Mention(1, "Беларуская асацыяцыя журналістаў"),
        Mention(2, "ОО «Белорусская ассоциация журналистов»"),
        Mention(3, "Belaruskaja asacyjacyja zhurnalistau"),
        Mention(4, "Беларускі ПЭН"),
    ]
    assert _pairs(mentions) == {(1, 2), (1, 3), (2, 3)}


def test_names_differing_in_inflection_and_in_words_of_one_meaning_link_and_another_town_does_not() -> None:
    mentions = [
        Mention(1, "Медыйная супольнасць настаўнікаў Нясвіжа"),
        Mention(2, "ОО «Медийное сообщество учителей Несвижа»"),
        Mention(3, "Экалагічная ліга лекараў Баранавічаў"),
        Mention(4, "Экологическая лига врачей Барановичей"),
        Mention(5, "Экологическая лига врачей Слонима"),
    ]
    links = linkage.link(mentions)
    assert {(link.a, link.b) for link in links} == {(1, 2), (3, 4)}
    assert all(link.evidence["name"] == "same words but for inflection" for link in links)


def test_coarse_keys_drop_endings_and_unstressed_vowels_only() -> None:
    assert linkage.coarse_key("nasviza") == linkage.coarse_key("nesviza")
    assert linkage.coarse_key("baranavicav") == linkage.coarse_key("baranavicei")
    assert linkage.coarse_key("minska") != linkage.coarse_key("pinska")
    assert linkage.coarse_key("#407") == "#407"


def test_a_registration_number_decides_where_names_are_translations() -> None:
    mentions = [
        Mention(1, "Незалежная суполка мастакоў Гродна", registration="ix-1", country="LT"),
        Mention(2, "Независимая группа художников Гродно", registration="ix-1", country="LT"),
    ]
    links = linkage.link(mentions)
    assert [(link.a, link.b) for link in links] == [(1, 2)]
    assert links[0].evidence["registration"] is True


def test_one_name_with_different_numbers_of_one_country_is_two_organisations() -> None:
    mentions = [
        Mention(1, "Ініцыятыва журналістаў Ліды", registration="ix-1", country="LT"),
        Mention(2, "Ініцыятыва журналістаў Ліды", registration="ix-2", country="LT"),
        Mention(3, "Ініцыятыва журналістаў Ліды", registration="ix-3", country="PL"),
    ]
    assert _pairs(mentions) == {(1, 3), (2, 3)}


def test_individuals_and_organisations_are_never_linked() -> None:
    mentions = [Mention(1, "Ales Bialiatski", kind="individual"), Mention(2, "Ales Bialiatski")]
    assert _pairs(mentions) == set()


def test_duckdb_receives_keyed_hashes_never_a_name(monkeypatch: Any) -> None:
    from splink import DuckDBAPI

    seen: list[Any] = []
    original = DuckDBAPI.register

    def spy(self: Any, table: Any, **kwargs: Any) -> Any:
        seen.append(table)
        return original(self, table, **kwargs)

    monkeypatch.setattr(DuckDBAPI, "register", spy)
    linkage.link([Mention(1, "Вясна Праваабарончы цэнтр"), Mention(2, "Viasna Human Rights Centre")])
    text = str([t.to_pylist() for t in seen]).casefold()
    assert seen
    for word in ("вясна", "viasna", "vyasna", "tsentr", "human", "centre"):
        assert word not in text


FISHERS = [
    ("Сумленная грамада рыбакоў Ліды", "Честная община рыбаков Лиды"),
    ("Сумленная грамада рыбакоў Пінска", "Честная община рыбаков Пинска"),
]


def test_words_outside_the_vocabulary_are_learned_from_pairs_known_to_be_one_organisation() -> None:
    """Сумленная / Честная and грамада / община are translations the screening engine does not know: two pairs
    of names with one registration number each teach them, and a third pair without numbers then links (another
    town does not)."""
    known = [
        Mention(10 * n + k, name, registration=f"ix-{n}", country="LT")
        for n, names in enumerate(FISHERS)
        for k, name in enumerate(names)
    ]
    unknown = [
        Mention(101, "Сумленная грамада рыбакоў Брэста"),
        Mention(102, "Честная община рыбаков Бреста"),
        Mention(103, "Честная община рыбаков Гомеля"),
    ]
    assert (101, 102) not in _pairs(known[:2] + unknown)  # one known pair teaches nothing
    found = linkage.link(known + unknown)
    new = {(link.a, link.b): link for link in found if link.a > 100}
    assert set(new) == {(101, 102)}
    assert new[101, 102].evidence["name"] == "same words once words learned from known pairs are read as one"


def test_merges_a_coordinator_confirmed_teach_words_as_numbers_do() -> None:
    known = [Mention(10 * n + k, name) for n, names in enumerate(FISHERS) for k, name in enumerate(names)]
    unknown = [
        Mention(101, "Сумленная грамада рыбакоў Брэста"),
        Mention(102, "Честная община рыбаков Бреста"),
    ]
    assert (101, 102) not in _pairs(known + unknown)
    links = linkage.link(known + unknown, confirmed=[(0, 1), (10, 11)])
    assert (101, 102) in {(link.a, link.b) for link in links}


def test_a_rendering_cut_short_at_an_apostrophe_is_not_compared_as_the_whole_name() -> None:
    mentions = [
        Mention(1, "ГА «Лясная аб'яднанне цесляроў Ліды»"),
        Mention(2, "ГА «Лясная аб'яднанне цесляроў Оршы»"),
    ]
    assert _pairs(mentions) == set()


def test_cognates_are_one_word_in_the_spelling_of_each_language_and_a_near_word_is_not() -> None:
    """Comparison keys of Зялёная / Зелёная (vowels), Паэтычны / Поэтический and Экалагічная / Экологическая
    (-чны / -ческий), Віцебска / Витебска (ц for т) are one word; Брэст / Барысаў, Крок / Круг, Мінск / Пінск,
    права / праўда and Мост / места are not."""
    for a, b in [
        ("zalena", "zelena"),
        ("paeticni", "paeticeski"),
        ("ekalagicna", "ekalagiceska"),
        ("vicebska", "vitebska"),
    ]:
        assert linkage.cognate(a, b), (a, b)
    for a, b in [
        ("brest", "barisav"),
        ("krak", "krug"),
        ("minsk", "pinsk"),
        ("prava", "pravda"),
        ("mast", "mesta"),
    ]:
        assert not linkage.cognate(a, b), (a, b)


def test_a_name_and_its_translation_of_cognate_words_link_without_a_number_and_another_town_does_not() -> (
    None
):
    mentions = [
        Mention(1, "Паэтычны тэатр Гомеля"),
        Mention(2, "ОО «Поэтический театр Гомеля»"),
        Mention(3, "Поэтический театр Бреста"),
        Mention(4, "Поэтический клуб Гомеля"),
    ]
    links = linkage.link(mentions)
    assert {(link.a, link.b) for link in links} == {(1, 2)}
    assert links[0].evidence["name"] == "same words in Belarusian and Russian spelling"
    assert linkage.link(mentions, cognates=False) == []


def _by_acronym(links: list[linkage.Link]) -> set[tuple[int, int]]:
    return {(link.a, link.b) for link in links if link.evidence.get("acronym")}


def test_an_acronym_links_to_the_only_organisation_whose_initials_it_spells_in_either_script() -> None:
    mentions = [
        Mention(1, "Беларуская асацыяцыя журналістаў"),
        Mention(2, "Belarusian Association of Journalists"),
        Mention(3, "BAJ"),
        Mention(4, "ГА «БАЖ»"),  # the Cyrillic acronym with a legal form
        Mention(5, "Беларускі ПЭН"),
    ]
    links = linkage.link(mentions)
    acronym = [link for link in links if link.evidence.get("acronym")]
    assert {(link.a, link.b) for link in acronym} == {(1, 3), (1, 4)}
    assert all(link.probability == linkage.THRESHOLD for link in acronym)
    assert all(link.evidence["name"] == linkage.ACRONYM_EVIDENCE for link in acronym)
    groups = linkage.clusters(range(1, 6), links)
    assert len({groups[k] for k in (1, 2, 3, 4)}) == 1 and groups[5] == 5
    assert _pairs(mentions[2:]) == {(3, 4)}  # without the names: one acronym in two scripts
    # Журналістаў may begin with j in another language (Journalists): BAJ meets the Belarusian name alone.
    assert _pairs([Mention(1, "Беларуская асацыяцыя журналістаў"), Mention(2, "BAJ")]) == {(1, 2)}
    assert _by_acronym(linkage.link(mentions, acronyms=False)) == set()


def test_an_acronym_its_number_already_placed_is_not_linked_again() -> None:
    mentions = [
        Mention(1, "Belarusian Association of Journalists", registration="r1"),
        Mention(2, "BAJ", registration="r1"),
    ]
    links = linkage.link(mentions)
    assert [(link.a, link.b, link.evidence["registration"]) for link in links] == [(1, 2, True)]


def test_an_acronym_two_organisations_could_stand_for_links_to_neither() -> None:
    mentions = [
        Mention(1, "Belarusian Association of Journalists"),
        Mention(2, "Belarusian Academy of Jazz"),
        Mention(3, "BAJ"),
    ]
    assert _by_acronym(linkage.link(mentions)) == set()
    assert _pairs(mentions) == set()


def test_an_acronym_of_another_country_than_the_organisation_is_not_linked() -> None:
    mentions = [
        Mention(1, "Belarusian Association of Journalists", country="LT"),
        Mention(2, "BAJ", country="PL"),
    ]
    assert _pairs(mentions) == set()
    assert _pairs([mentions[0], Mention(2, "BAJ", country="LT")]) == {(1, 2)}
    assert _pairs([mentions[0], Mention(2, "BAJ")]) == {(1, 2)}


def test_one_acronym_written_twice_is_one_organisation_unless_two_names_have_its_initials() -> None:
    # Compared by their letters, not as names of one word: БАЖ's German rendering (Basch) has the key of БАС.
    assert _pairs([Mention(1, "БАЖ"), Mention(2, "БАС")]) == set()
    links = linkage.link([Mention(1, "БАЖ"), Mention(2, "BAJ"), Mention(3, "ГА «БАЖ»")])
    assert {(link.a, link.b) for link in links} == {(1, 2), (1, 3)}
    assert all(link.evidence["name"] == linkage.ACRONYM_ALONE_EVIDENCE for link in links)
    assert _pairs([Mention(1, "BAJ", country="LT"), Mention(2, "BAJ", country="PL")]) == set()
    # Two organisations whose initials the acronym spells: each "BAJ" may be either.
    ambiguous = [
        Mention(1, "Belarusian Association of Journalists"),
        Mention(2, "Belarusian Academy of Jazz"),
        Mention(3, "BAJ"),
        Mention(4, "BAJ"),
    ]
    assert _pairs(ambiguous) == set()
    # Acronyms of the names before this rule were compared as names of one word.
    assert _pairs([Mention(1, "БАЖ"), Mention(2, "БАС")], acronyms=False) == {(1, 2)}


def test_an_acronym_is_never_linked_to_an_individual_and_a_word_of_a_longer_name_is_no_bare_acronym() -> None:
    mentions = [
        Mention(1, "Belarusian Association of Journalists", kind="individual"),
        Mention(2, "BAJ"),
        Mention(3, "BAJ Media Lab"),
    ]
    assert _by_acronym(linkage.link(mentions)) == set()
