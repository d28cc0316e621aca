"""Round fifty-four (docs/screening.md): an organisation named by one coined word beside generic words (Zorvex
Company, Zorvex Trading, Zorvex Holding), against a name that carries the word with a description, is a lead for
review: maybe the same company, maybe another of one brand or of one group; no longer a score near nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.screening.scoring import company

MATCH = 0.8
LEAD = 0.75
APART = 0.5


# --- one word beside generic words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Company", "Zorvex Engineering"),  # 0.57 before
        ("Zorvex Company", "Zorvex Design and Engineering Company"),  # 0.47
        ("Zorvex Corporation", "Zorvex Construction Company"),  # 0.55
        ("Zorvex Trading", "Zorvex Logistics"),  # 0.31: two companies of one brand, not even a lead
        ("Zorvex Trading LLC", "Zorvex Shipping LLC"),  # 0.35
        ("Zorvex Industries", "Zorvex Construction Company"),  # 0.28
        ("Zorvex Holding", "Zorvex Construction Company"),  # 0.28: maybe one of the holding's members
        ("Zorvex Group", "Zorvex Logistics"),  # 0.31
        ("Zorvex Trading", "Zorvex Trading Logistics Company"),  # 0.59
        ("Холдинг Зорвекс", "Zorvex Construction Company"),
        ("Kompaniya Zorvex", "Zorvex Construction Company"),
    ],
)
def test_one_word_beside_generic_words_is_a_lead(query: str, listed: str) -> None:
    assert company(query, listed) == pytest.approx(LEAD)
    assert company(listed, query) == pytest.approx(LEAD)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex LLC", "Zorvex Engineering"),  # a legal form alone beside a coined word: a match, as before
        ("Zorvex", "Zorvex Trading Company"),
        ("Zorvex Trading", "Zorvex Trading Company"),
        ("Zorvex Trading", "Zorvex"),
    ],
)
def test_a_coined_word_alone_or_with_its_legal_form_stays_a_match(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Trading", "Kastrel Logistics"),  # no word in common
        ("Minsk Trading", "Minsk Logistics"),  # a town in common only
        ("Zorvex Trading", "Zorvexin Logistics"),  # another word
        ("Argus Trading", "Argus Logistics"),  # a short word many companies take, beside generic words
        ("Polesie Trade", "Полесье Лайн"),  # a region's name (round eight)
    ],
)
def test_names_without_their_word_in_common_stay_apart(query: str, listed: str) -> None:
    assert company(query, listed) < APART


@settings(deadline=None, max_examples=60)
@given(
    st.sampled_from(
        ["Company", "Corporation", "Group", "Holding", "Trading", "Industries", "LLC", "International"]
    ),
    st.sampled_from(
        ["Engineering", "Construction Company", "Logistics", "Shipping LLC", "Design and Engineering"]
    ),
)
def test_a_shared_coined_word_is_at_least_a_lead(form: str, described: str) -> None:
    score = company(f"Zorvex {form}", f"Zorvex {described}")
    assert LEAD <= score <= 1.0
    assert company(f"Zorvex {described}", f"Zorvex {form}") == pytest.approx(score)


# --- cities of Russia and of the countries the lists name most ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Zorvex Trading Co. Ltd",
            "Shanghai Zorvex Trading Co. Ltd",
        ),  # a city one name adds says where: 0.65
        ("Zorvex Logistics", "Zorvex Logistics Dubai"),
        ("Zorvex Helicopter Plant", "Kazan Zorvex Helicopter Plant"),
        (
            "Izhevsk Zorvex Motor Plant Holding",
            "Izhevskii Zorvex Motozavod Kholding",
        ),  # the adjective: 0.34 before
        ("Zorvex Brigade in Benghazi", "Zorvex Brigade"),
    ],
)
def test_a_city_one_name_adds_is_light(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Tehran Zorvex Trading", "Tehran Kastrel Trading"),  # only the city in common
        ("Novosibirsk Zorvex Plant", "Novosibirsk Kastrel Plant"),
        ("Shanghai Zorvex Co. Ltd", "Shanghai Kastrel Co. Ltd"),
    ],
)
def test_two_organisations_of_one_city_stay_apart(query: str, listed: str) -> None:
    assert company(query, listed) < APART


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "Ташкент Трейдинг ЖШС",
            "Tashkent Trading LLP",
        ),  # 0.75 with Tashkent a town: the same name, two scripts
        ("Minsk Trade LLC", "ООО Минск Трейд"),  # 0.75 before
        ("Tehran Trading Company", "Tehran Trading Co."),
    ],
)
def test_a_town_with_the_same_kind_said_is_one_name(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95
    assert company(listed, query) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Minsk Investment Group", "Hotel 'Minsk'"),  # another kind: a town names no company
        ("Tehran Trading", "Tehran Logistics"),
        ("Brest Company", "Brest LLC"),  # no kind said: the town alone
    ],
)
def test_a_town_without_the_same_kind_stays_a_lead_at_most(query: str, listed: str) -> None:
    assert company(query, listed) <= LEAD


# --- the Turkish forms abbreviated --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A word left out of the abbreviated alias (Bilisim), with LTD STI as OFAC writes it counted as two words,
        # looked like a word swapped for another: 0.42 before (OFAC's TECHNOPARTNER ... LTD STI pair 0.46).
        (
            "Zorvex Teknoloji Urunleri Bilisim Sanayi ve Ticaret Limited Sirketi",
            "Zorvex Teknoloji Urunleri San ve Tic Ltd Sti",
        ),
        (
            "Zorvex Teknoloji Urunleri Bilişim Sanayi ve Ticaret Limited Şirketi",
            "Zorvex Teknoloji Urunleri San. ve Tic. Ltd. Şti.",
        ),
        ("Zorvex Makina Ltd. Şti.", "Zorvex Makina Limited Şirketi"),
        ("Zorvex Dis Ticaret A.Ş.", "Zorvex Dış Ticaret Anonim Şirketi"),
    ],
)
def test_the_turkish_forms_abbreviated_are_one_form(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Teknoloji Urunleri San ve Tic Ltd Sti", "Kastrel Teknoloji Urunleri San ve Tic Ltd Sti"),
        ("Zorvex Makina Ltd. Şti.", "Zorvan Gida Ltd. Şti."),
    ],
)
def test_turkish_companies_of_other_names_stay_apart(query: str, listed: str) -> None:
    assert company(query, listed) < APART


# --- a brand, a word of industry and the country it works in ----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Tobacco Trading Germany", "Zorvex Tobacco Factory Germany"),  # 1.00 before
        ("Zorvex Tobacco Trading Hong Kong", "Zorvex Tobacco Factory Hong Kong"),  # a country of two words
        ("Zorvex Tobacco Trading", "Zorvex Tobacco Factory"),  # without the country: 0.75 before too
    ],
)
def test_a_country_beside_a_brand_and_a_word_of_industry_keeps_the_kinds_apart(
    query: str, listed: str
) -> None:
    assert company(query, listed) == pytest.approx(LEAD)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Tobacco Trading Germany", "Zorvex Tobacco Trading Germany GmbH"),
        ("Zorvex Tobacco Trading Germany", "Zorvex Tobacco Trading Company Germany"),
    ],
)
def test_a_country_beside_a_brand_of_the_same_kind_is_a_match(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH


# --- foreign trade and foreign economic in Russian and Belarusian --------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Vneshnyaya Torgovlya", "Zorvex Foreign Trade"),  # 0.25 before
        ("Зорвекс Внешняя Торговля", "Zorvex Foreign Trade"),  # 0.36
        ("Zorvex Torgovlya", "Zorvex Trade"),  # 0.32: торговля, the noun
        ("ВНЕШНЕЭКОНОМИЧЕСКОЕ ОБЪЕДИНЕНИЕ ЗОРВЕКС", "ZORVEX FOREIGN ECONOMIC ASSOCIATION"),  # 0.22
        ("Vneshneekonomicheskaya Kompaniya Zorvex", "Zorvex Foreign-Economic Company"),  # 0.21
    ],
)
def test_foreign_trade_and_foreign_economic_meet_their_english(query: str, listed: str) -> None:
    assert company(query, listed) >= MATCH
    assert company(listed, query) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Vneshneekonomicheskoe Obyedinenie Zorvex", "Kastrel Foreign Economic Association"),  # another name
        ("Zorvex Vneshnyaya Torgovlya", "Zorvan Foreign Trade"),
    ],
)
def test_foreign_economic_associations_of_other_names_stay_apart(query: str, listed: str) -> None:
    assert company(query, listed) < APART
