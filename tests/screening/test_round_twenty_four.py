"""Specifications for round twenty-four. A Korean name in one romanisation meets the same name in another: the
Revised Romanization and the South's passport spellings against the DPRK's McCune-Reischauer as the lists print it
(Kim Jeong-hyeok / KIM Jong Hyok), with the North's initial r and the South's none. Wade-Giles with its apostrophes.
The syllables are real Korean syllables; the names are our own combinations. The score before this round is in each
comment."""

from __future__ import annotations

import pytest

from hramada.screening import Query, ScreeningIndex, han, hangul, screen, wade_giles
from hramada.screening.names import _armenian_as_russian, _turkic_patronymic_as_russian
from tests.screening.scoring import company, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kim Jeong-hyeok", "KIM Jong Hyok"),  # 0.93 before
        ("Jeong-hyeok Kim", "KIM Jong Hyok"),  # 0.93 before
        ("Park Seongryeol", "PAK Song Ryol"),  # 0.39 before
        ("Bak Seong-ryeol", "PAK Song Ryol"),  # 0.81 before
        ("Lee Gyeong-deok", "RI Kyong Tok"),  # 0.14 before
        ("Yi Gyeong-deok", "RI Kyong Tok"),  # 0.00 before
        ("Choi Eun-byeol", "CHOE Un Pyol"),  # 0.00 before
        ("Choe Eunbyeol", "CHOE Un Pyol"),  # 0.24 before
        ("Jung Yeon-geun", "CHONG Yon Gun"),  # 0.00 before
        ("Oh Deuk-gwang", "O Tuk Kwang"),  # 0.46 before
        ("Han Seo-yeon", "HAN So Yon"),  # 0.45 before
        ("Hwang Pyeong-seop", "HWANG Phyong Sop"),  # 0.47 before: ph, the DPRK's aspirate
        ("Kang Tae-yeop", "KANG Thae Yop"),  # 0.78 before
        ("Yoo Hyeon-seok", "RYU Hyon Sok"),  # 0.81 before
        ("Kim Yeon-hui", "KIM Ryon Hui"),  # 0.86 before: the South's initial-sound rule
        ("Choi Seon-hee", "CHOE Son Hui"),  # 0.00 before: hee, the common spelling of 희
        ("Ch'oe Yong-dok", "CHOE Yong Tok"),  # 0.86 before: McCune-Reischauer's apostrophe
    ],
)
def test_a_korean_name_in_the_revised_romanization_meets_the_dprks_spelling(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Lee Gyeong-deok", "RI Kyong Sik"),  # 0.14 before, 0.57 now: another given name
        ("Choi Eun-byeol", "CHOE Yong Pyol"),  # 0.00 before, 0.58 now
        ("Kim Jeong-hyeok", "KIM Jong Chol"),  # 0.52 before, 0.60 now
        ("Wang Bo", "WANG Po"),  # 0.48 before and now: a Chinese name, b and p two syllables
    ],
)
def test_another_korean_given_name_stays_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("kim jeong eun", "kim jong un"),
        ("kim jeongeun", "kim jongun"),  # the longer first syllable where two cuts tie: jeong-eun
        ("lee byeong cheol", "lee pyong jol"),
        ("ri pyong chol", "lee pyong jol"),  # 이 and 리: Lee, as the South most writes it
        ("choe ryong hae", "joe yong hae"),  # the North's initial r read away
        ("ch'oe ryong hae", "joe yong hae"),
        ("jung yeon geun", "jong yon kun"),
        ("pao yu yi", None),  # a family name last only in a name of two words as written
        ("o kuk ryol", "oh kuk yol"),
    ],
)
def test_the_korean_latin_reading(text: str, reading: str | None) -> None:
    assert hangul.latin_reading(text) == reading


@pytest.mark.parametrize(
    "text",
    [
        "kim jong un",  # the reading changes nothing
        "wang jun",  # two words, both pinyin: a Chinese name
        "ivan petrov",  # no Korean family name
        "anna kim zorvex",  # zorvex: a letter no Korean romanisation writes
        "u tin oo",  # a Burmese name: U and Oo are no family names
        "kim jeong hyeok seong eun",  # four syllables: no Korean given name
    ],
)
def test_names_not_read_as_korean(text: str) -> None:
    assert hangul.latin_reading(text) is None


def test_a_joined_given_name_stays_one_word() -> None:
    # Apart, Kim Jongun would have two parts of three in common with Kim Jong Nam.
    assert score("Kim Jeongnam", "KIM Jong Un") < 0.6  # 0.26 now
    assert hangul.latin_reading("hyeon ali") == "hyon ali"  # al i: a one-letter word reads as an initial


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kim Jeonghyeok", "KIM Jong Hyok"),  # 0.23 before, 0.89 now: a passport's given name, joined
        ("Kim Jeongeun", "KIM Jong Un"),  # 0.24 before, 1.00 now
    ],
)
def test_a_joined_korean_given_name_meets_its_syllables(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hsi Chin-p'ing", "XI Jinping"),  # 0.42 before: the apostrophe of an aspirated initial
        ("Teng Hsiao-p'ing", "DENG Xiaoping"),  # 0.39 before
    ],
)
def test_wade_giles_with_its_apostrophes(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.85


def test_the_wade_giles_reading_leaves_the_apostrophe_out() -> None:
    assert wade_giles.reading("hsi chinp'ing") == wade_giles.reading("hsi chinping")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Djamel Zorvani", "Jamal ZORVANI"),  # 0.44 before: dj, the French spelling of ج
        ("Khaled Cheikh Zorvani", "Khalid Shaykh ZORVANI"),  # 0.61 before: French ch for ش
        ("Chalid Scheich Zorvani", "Khalid Shaykh ZORVANI"),  # 0.63 before: German ch for خ, sch for ش
        ("Cherif Zorvani", "Sharif ZORVANI"),  # 0.42 before
        ("Cevdet Zorvanoglu", "Jawdat ZORVANOGLU"),  # 0.47 before: Turkish c for ج
        ("Recep Zorvanoglu", "Rajab ZORVANOGLU"),  # 0.52 before: Turkish closing p for ب
        ("Necip Zorvanoglu", "Najib ZORVANOGLU"),  # 0.50 before
    ],
)
def test_arabic_names_in_french_german_and_turkish_spelling(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.9


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Cemil Zorvanoglu", "Kamil ZORVANOGLU"),  # 0.48 before and now: c is j, not k
        ("Cheikh Zorvani", "Khalid ZORVANI"),  # 0.44 before and now
        ("Recep Zorvanoglu", "Rajat ZORVANOGLU"),  # 0.52 before and now: only b and p meet at the close
    ],
)
def test_other_arabic_names_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Air", "Zorvex Airlines"),  # 0.29 before: an airline names itself Air (CASPIAN AIR, OFAC)
        ("Zorvex Airways", "Zorvex Airlines"),  # 0.25 before
        ("Зорвекс Эйр", "Zorvex Airlines"),  # 0.30 before
        ("Zorvex Motors", "Zorvex Automobile"),  # 0.24 before
    ],
)
def test_airlines_and_motor_works_by_their_other_words(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Air", "Zorvex Shipping"),  # 0.31 before, 0.26 now
        ("Zorvex Airways", "Zorvex Railways"),  # 0.25 before and now
        ("Zorvex Motors", "Zorvex Mining"),  # 0.27 before, 0.24 now
    ],
)
def test_an_airline_is_no_other_kind_of_company(query: str, listed: str) -> None:
    assert company(query, listed) < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Itou Hiroshi", "ITO Hiroshi"),  # 0.46 before: a long vowel written ou
        ("Itoh Hiroshi", "ITO Hiroshi"),  # 0.87 before: written oh
        ("Ohno Yuuko", "ONO Yuko"),  # 0.80 before
        ("Kouno Tarou", "KONO Taro"),  # 0.80 before
        ("Syouji Takasi", "SHOJI Takashi"),  # 0.86 before: Kunrei-shiki
        ("Huzita Masao", "FUJITA Masao"),  # 0.89 before
        ("Tuzuki Hiroshi", "TSUZUKI Hiroshi"),  # 0.92 before
        ("Homma Kenichi", "HONMA Kenichi"),  # 0.90 before: Hepburn's older m before m
    ],
)
def test_a_japanese_name_in_kunrei_or_with_long_vowels_meets_the_passport_spelling(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("syouji takasi", "shoji takashi"),
        ("itoh hiroshi", "ito hiroshi"),
        ("ohashi kenji", None),  # the h of Ohashi opens a syllable: nothing to read
        ("jun'ichi ogawa", "junichi ogawa"),
        ("simone botti", None),  # no Japanese name of the dictionary
        ("itou hiroshi tanaka", None),  # a Japanese name is two words
        ("abu diriye", None),
    ],
)
def test_the_hepburn_reading(text: str, reading: str | None) -> None:
    assert han.hepburn_reading(text) == reading


def test_another_japanese_name_stays_apart() -> None:
    assert score("Itou Hiroshi", "ITO Takashi") < 0.8


@pytest.mark.parametrize(
    "query",
    [
        "Zorvex ТДВ",  # 0.74 before: the Ukrainian additional liability company
        "ТзОВ Зорвекс",  # 0.85 before: the LLC as Western Ukraine abbreviates it
        "ФОП Зорвекс",  # 0.74 before: a Ukrainian sole proprietor
        "ЧП Зорвекс",  # 0.77 before: a private enterprise in Russian
        "ДП Зорвекс",  # 0.77 before: a state or subsidiary enterprise
        "Дочірнє підприємство Зорвекс",
        "Zorvex SASU",  # 0.71 before
        "Zorvex SCI",  # 0.74 before: after a name only
        "Zorvex Kht.",  # 0.77 before
        "Zorvex Bt.",  # 0.77 before
        "Zorvex IBC",  # 0.74 before
        "Zorvex Sole Proprietorship L.L.C.",  # 0.47 before
    ],
)
def test_legal_forms_of_ukraine_france_hungary_and_the_emirates(query: str) -> None:
    assert company(query, "Zorvex") >= 0.99


@pytest.mark.parametrize(
    "query",
    [
        "SCI Zorvex",  # a form after a name only is a word of the name before it
        "BT Zorvex",
        "Zorvex ChP",  # ЧП is taken as written only: ChP may be other initials
    ],
)
def test_a_form_taken_only_where_it_stands_or_as_written(query: str) -> None:
    assert company(query, "Zorvex") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Beltelecon", "BELTELECOM"),  # 0.00 before: the slip cut the compound as Belarusian television
        ("Belaruskail", "BELARUSKALI"),  # 0.00 before: two letters swapped
        ("Zorvexx Ltd", "ZORVEX LIMITED"),  # 0.00 before: a doubled x
        ("Exon Mobil", "EXXON MOBIL"),
    ],
)
def test_one_slip_in_a_company_word(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.85


def test_compounds_cut_from_other_words_stay_apart() -> None:
    assert company("Belneftegaz", "BELNEFTEKHIM") == 0.0


@pytest.mark.parametrize(
    "query",
    [
        "Pribaltiysky Sudostroitelny Zavod Zorvex",  # 0.40 before (OFAC: PRIBALTIYSKY ... YANTAR)
        "Прибалтийский судостроительный завод Зорвекс",
        "Baltijos Zorvex Shipbuilding Plant",
    ],
)
def test_the_baltic_of_shipyards_names(query: str) -> None:
    assert company(query, "Baltic Shipbuilding Plant Zorvex") >= 0.99


def test_the_baltic_is_no_other_region() -> None:
    assert company("Zorvex Baltic", "Zorvex North") < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A letter left out of a generic word:
        ("Zorvex Trading Compny", "ZORVEX TRADING COMPANY"),  # 0.35 before
        ("Zorvex Tradnig Compny", "ZORVEX TRADING COMPANY"),  # 0.35 before
        ("Zorvex Tradng", "ZORVEX TRADING"),  # 0.35 before
        ("Zorvex Holdng", "ZORVEX HOLDING"),
        ("Zorvex Servce", "ZORVEX SERVICE"),
    ],
)
def test_a_letter_left_out_of_a_short_generic_word(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # No word of the dictionary with a letter left out (Rostov, a town of `data/org_places.csv` since round
        # fifty-four, is read as one: Rostov Zorvex / Writers Zorvex 0.85, as Minsk Zorvex).
        ("Kostov Zorvex", "Writers Zorvex"),
        ("Zorvex Tradin", "ZORVEX TRADING"),  # the last letters differ: another word
    ],
)
def test_a_short_word_is_not_read_as_a_dictionary_word(query: str, listed: str) -> None:
    assert company(query, listed) < 0.5


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Anthony Zorvanov", "ZORVANOV, Anton"),  # 0.41 before
        ("Elizabeth Zorvanova", "ZORVANOVA, Elizaveta"),  # 0.36 before
        ("Barbara Zorvanova", "ZORVANOVA, Varvara"),  # 0.41 before
        ("Elijah Zorvanov", "ZORVANOV, Ilya"),  # 0.50 before
        ("Nicholas Zorvanov", "ZORVANOV, Mikalai"),
    ],
)
def test_english_forms_of_russian_given_names(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Alex Zorvanov", "ZORVANOV, Aleksandr"),  # 0.39 before: Alex read as Aleksei only
        ("Alex Zorvanov", "ZARVANAU, Aliaksandr"),
        ("Alex Zorvanova", "ZORVANOVA, Aleksandra"),
        ("Nick Zorvanov", "ZORVANOV, Nikolai"),  # 0.44 before
        ("Mike Zorvanov", "ZORVANOV, Mikhail"),  # 0.44 before
        ("Kate Zorvanova", "ZORVANOVA, Ekaterina"),  # 0.42 before
        ("Tony Zorvanov", "ZORVANOV, Anton"),
        ("Gene Zorvanov", "ZORVANOV, Evgeny"),  # 0.44 before
        # English forms whose keys are other names' (Andrew's the surname Andreev's, John's the Korean Ahn's):
        ("Andrew Zorvanov", "ZORVANOV, Andrei"),  # 0.41 before
        ("Andrew Zorvanov", "ZARVANAU, Andrei"),
        ("John Zorvanov", "ZORVANOV, Ivan"),  # 0.50 before
        ("Leo Zorvanov", "ZORVANOV, Lev"),  # 0.88 before
    ],
)
def test_english_short_forms_meet_the_full_name(query: str, listed: str) -> None:
    assert 0.85 <= score(query, listed) < 0.99  # a close given name, not the same one


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Alex Zorvanov", "ZORVANOV, Anatoly"),
        ("Nick Zorvanov", "ZORVANOV, Nikita"),
        ("Mike Zorvanov", "ZORVANOV, Maksim"),
        ("Leon Zorvanov", "ZORVANOV, Leonid"),
    ],
)
def test_english_forms_meet_no_other_name(query: str, listed: str) -> None:
    assert score(query, listed) < 0.6


def test_alex_is_still_aleksei() -> None:
    assert score("Alex Zorvanov", "ZORVANOV, Aleksei") >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ANDREEV Zorvan", "Andrei Zorvan"),  # a surname made of Andrei is not Andrew
        ("Ahn Zorvan", "Ivan Zorvan"),  # the Korean Ahn folds as John does
    ],
)
def test_what_folds_as_an_english_form_is_not_read_as_one(query: str, listed: str) -> None:
    assert score(query, listed) < 0.6


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        (
            "NICOLAS",
            "ofac-16409",
        ),  # an alias of MORENO TUBERQUIA, Carlos Antonio (OFAC); every Nikolai shares its key
    ],
)
def test_a_one_word_alias_is_found_among_many_names_sharing_its_key(
    query: str, entity: str, bundled_index: ScreeningIndex
) -> None:
    """A person's name of one part is found although hundreds of longer names share its only key: the candidates
    were the names sharing the most keys, and the alias was not among them (nothing found at 1.00 before)."""
    results = screen(Query(name=query, schema="Person"), bundled_index)
    assert any(r.entity_id == entity and r.score >= 0.99 for r in results)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvaliyev Famil Kamilovich", "ZORVALIYEV, Famil Kamil Ogly"),  # 0.49 before (OFAC writes Ogly)
        ("Зорвалиев Фамиль Камилович", "ZORVALIYEV, Famil Kamil Ogly"),
        ("Famil Kamil oğlu Zorvaliyev", "ZORVALIYEV, Famil Kamilovich"),
        ("Aigul Nurlan qizi Zorvaliyeva", "ZORVALIYEVA, Aigul Nurlanovna"),
        ("Shavkat Miromon o'g'li Zorvanov", "ZORVANOV, Shavkat Miromonovich"),
        ("Zorvaliyev Ilham Ali oglu", "ZORVALIYEV, Ilham Alievich"),
    ],
)
def test_a_turkic_patronymic_meets_the_russian_one(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.99


def test_another_father_stays_another_patronymic() -> None:
    assert score("Zorvaliyev Famil Kamilovich", "ZORVALIYEV, Famil Rashid Ogly") < 0.6


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("sadygov famil kamil ogly", "sadygov famil kamilovich"),
        ("садыгов фамиль камиль оглы", "садыгов фамиль камилевич"),
        ("aigul nurlan qızı", "aigul nurlanovna"),
        ("ilham ali oglu zorvaliyev", "ilham alievich zorvaliyev"),
        ("ogly zorvan", None),  # no father's name before it
        ("famil kamilovich", None),
    ],
)
def test_the_russian_reading_of_a_turkic_patronymic(text: str, reading: str | None) -> None:
    assert _turkic_patronymic_as_russian(text) == reading


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hakob Zorvanyan", "AKOP ZORVANYAN"),  # 0.46 before: Russian drops the initial h and voices b as p
        ("Hovhannes Zorvanyan", "ZORVANYAN, Ovanes"),  # 0.39 before
        ("Hambardzum Zorvanyan", "ZORVANYAN, Ambartsum"),  # 0.35 before
        ("Armen Harutyunyan", "ARUTYUNYAN, Armen"),  # 0.93 before
        ("Davit Zorvanyan", "ZORVANYAN, David"),
    ],
)
def test_an_armenian_name_meets_its_russian_spelling(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.99


def test_another_armenian_given_name_stays_apart() -> None:
    assert score("Hakob Zorvanyan", "ZORVANYAN, Ashot") < 0.6


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("hakob zorvanyan", "akop zorvanyan"),
        ("hovhannes hambardzumyan", "ovannes ambartsumyan"),
        ("hasan mohamed alwardian", None),  # -ian is Persian and Arabic as often: not read
        ("hakob", None),
    ],
)
def test_the_russian_reading_of_an_armenian_name(text: str, reading: str | None) -> None:
    assert _armenian_as_russian(text) == reading
