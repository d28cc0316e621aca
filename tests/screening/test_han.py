"""Specifications for names written in Chinese characters: a name of a few characters is read in Mandarin, in
Korean (each character's Hangul reading) and in Japanese (a dictionary's readings of family and given names), so
that it meets the romanisation the lists print for a Chinese, a Korean or a Japanese person."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hramada.screening import han
from hramada.screening.datafiles import data_rows
from hramada.screening.names import NameKind, name_variants
from hramada.screening.transliterate import latin_renderings, system_label
from tests.screening.scoring import score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Korean names in Chinese characters against the lists' McCune-Reischauer (0.00 before).
        ("金正恩", "Kim Jong Un"),
        ("金正恩", "KIM, Jong Un"),
        ("崔龍海", "CHOE Ryong Hae"),
        ("金英哲", "Kim Yong Chol"),
        # ...and against the spellings South Koreans use: the family name 李 as Lee and as Ri.
        ("李明博", "Lee Myung Bak"),
        ("李明博", "Ri Myong Bak"),
        # Japanese names in kanji against Hepburn as passports write it, long vowels unmarked (0.00 before).
        ("山田太郎", "Yamada Taro"),
        ("田中花子", "Tanaka Hanako"),
        ("鈴木一郎", "Suzuki Ichiro"),
        ("鈴木一郎", "Ichiro Suzuki"),
        # Chinese names in Mandarin, the given name one word (0.89 before).
        ("习近平", "Xi Jinping"),
        ("李明", "Li Ming"),
    ],
)
def test_a_name_in_chinese_characters_meets_its_romanisation(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.95
    assert score(listed, query) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed", "below"),
    [
        ("金正恩", "Kim Jong Nam", 0.80),  # another given name of the same family: a lead at most
        ("金正恩", "Kim Yo Jong", 0.80),
        ("山田太郎", "Tanaka Hanako", 0.60),
        ("习近平", "Kim Jong Un", 0.60),
    ],
)
def test_other_persons_stay_apart(query: str, listed: str, below: float) -> None:
    assert score(query, listed) < below


def test_the_korean_reading_takes_the_family_names_readings_for_names() -> None:
    # 金 reads 금 (gold) in words, 김 in names; 李 is 리 in the North and 이 in the South.
    assert han.korean_readings("金正恩") == ("김정은",)
    assert han.korean_readings("李明") == ("리명", "이명")


@pytest.mark.parametrize("text", ["金", "中国航天三江集团", "习近平", "金正恩 ", "Kim"])
def test_only_a_name_of_two_to_four_known_characters_is_read_in_korean(text: str) -> None:
    # One character, a company's twelve, a simplified character Korean does not use, or other letters.
    assert han.korean_readings(text) == ()


def test_the_japanese_reading_is_written_as_passports_write_it() -> None:
    assert han.japanese_reading("山田太郎") == "yamada taro"  # タロウ: the long vowel unmarked
    assert han.japanese_reading("長谷川一郎") == "hasegawa ichiro"  # the longest family name first
    assert han.japanese_reading("ザラ・アエロ") == "zara aero"  # the middle dot parts the words
    assert han.kana_latin("ユウコ") == "yuko"


@pytest.mark.parametrize("text", ["㐂㐃", "安倍晋三", "株式会社カラシニコフ"])
def test_what_the_dictionary_of_names_cannot_read_is_not_guessed(text: str) -> None:
    # Unknown characters; a given name the dictionary lacks (晋三, Shinzo); kana mixed with Chinese characters.
    assert han.japanese_reading(text) is None


def test_characters_without_a_reading_get_no_rendering() -> None:
    assert "mandarin" not in latin_renderings("㐂㐃")  # nor a Mandarin one ICU does not give


def test_a_company_name_in_chinese_characters_is_read_only_as_written() -> None:
    # Readings as a person's name are for a few characters only: a company's name keeps its one rendering.
    assert latin_renderings("中国航天三江集团有限公司") == {"latin": "中国航天三江集团有限公司"}


def test_the_explanation_names_the_reading() -> None:
    systems = latin_renderings("金正恩")
    assert systems["hanja_korean_mr"] == "kim jong un"
    assert systems["mandarin"] == "jin zhengen"
    assert system_label("hanja_korean_mr") == (
        "Korean reading of the Chinese characters, McCune-Reischauer romanisation of Korean"
    )
    assert system_label("hanja2_korean_common_2").startswith(
        "Korean reading of the Chinese characters, common"
    )


def test_the_japanese_names_table_holds_readings_in_latin_letters() -> None:
    rows = data_rows("japanese_names.csv")
    assert len(rows) > 25_000
    assert {row["kind"] for row in rows} == {"family", "given", "whole"}
    for row in rows:
        assert han.HAN.search(row["name"])
        assert row["readings"] and all(
            r.isascii() and r.replace("'", "").isalpha() for r in row["readings"].split()
        )


def test_the_hanja_table_holds_the_unicode_readings() -> None:
    rows = data_rows("hanja_hangul.csv")
    assert len(rows) > 8000
    for row in rows:
        assert len(row["hanja"]) == 1 and han.HAN.match(row["hanja"])
        assert row["readings"] and all(
            len(r) == 1 and "\uac00" <= r <= "\ud7a3" for r in row["readings"].split()
        )
        assert set(row["names"].split()) <= set(row["readings"].split())


_CJK = st.text(
    alphabet=st.sampled_from("金正恩李明山田太郎花子习近平㐂ザラ・アエロひらがな 株式会社"),
    min_size=1,
    max_size=8,
)


@settings(deadline=None)
@given(_CJK)
def test_any_text_in_chinese_characters_or_kana_matches_itself(text: str) -> None:
    if name_variants(text, NameKind.PERSON):
        assert score(text, text) >= 0.99
    if name_variants(text, NameKind.ORGANIZATION):
        assert score(text, text, schema="Company") >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ヤマダ タロウ", "Yamada Taro"),
        ("やまだ たろう", "Yamada Taro"),
        ("スズキ イチロー", "Suzuki Ichiro"),
    ],
)
def test_a_japanese_name_in_kana_alone_is_read_in_hepburn(query: str, listed: str) -> None:
    # A text of kana without Chinese characters was left as written (0.38): only Chinese characters led to the
    # Japanese reading.
    assert score(query, listed) >= 0.95
