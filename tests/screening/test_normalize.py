"""Normalisation and transliteration: what arrives from lists and spreadsheets, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening.keys import fold
from hramada.screening.names import NameKind, best_comparison, name_variants
from hramada.screening.normalize import clean_text, normalize_name, repair_mixed_script, text_script
from hramada.screening.transliterate import cyrillic_languages, latin_renderings


def test_eu_latin_i_inside_cyrillic_word_is_repaired() -> None:
    assert repair_mixed_script("СIВАКАЎ") == "СІВАКАЎ"
    assert repair_mixed_script("Вiктар") == "Віктар"
    assert text_script(normalize_name("СIВАКАЎ")) == "cyrillic"


def test_zero_width_control_and_emoji_are_dropped() -> None:
    assert clean_text("Лука\u200bшэнка\x00 😀") == "Лукашэнка"


def test_long_names_are_cut() -> None:
    assert len(normalize_name("a" * 10_000)) <= 500


def test_belarusian_is_rendered_by_several_systems() -> None:
    renderings = latin_renderings(normalize_name("Аляксандр Лукашэнка"))
    assert {"icao_9303", "bgn_pcgn", "iso9", "polish"} <= set(renderings)
    assert "ł" in renderings["polish"]
    assert cyrillic_languages("галаванаў") == ("be",)


def test_folding_meets_belarusian_and_russian_spellings() -> None:
    assert fold("Halavanau") == fold("Golovanov")
    assert fold("Lukashenka") == fold("Łukaszenka") == fold("Lukashenko")
    assert fold("Aleh") == fold("Oleg")


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_normalisation_never_raises(text: str) -> None:
    for kind in (NameKind.PERSON, NameKind.ORGANIZATION, NameKind.OTHER):
        name_variants(text, kind)


_NAME_CHARS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzабвгдеёжзійклмнопрстуўфхцчшыьэюяABCDЖЎІ -'’"))


@given(st.text(_NAME_CHARS, min_size=1, max_size=60))
@settings(max_examples=300, deadline=None)
def test_a_name_always_matches_itself(text: str) -> None:
    variants = name_variants(text, NameKind.PERSON)
    if variants:
        found = best_comparison(variants, variants)
        assert found is not None and found[0] == 1.0
