"""Specifications for round nine of screening quality: a person's name part written as one word on one side and as
two or three on the other (Gheybparvar / Gheib Parvar, Rimskykorsakov / Rimsky-Korsakov), where the names also
differ elsewhere so that comparing them as whole strings cannot help. Examples are our own."""

from __future__ import annotations

import pytest

from hramada.screening import Query, ScreeningIndex, Thresholds
from hramada.screening.names import NameKind, compare_variants, name_variants
from hramada.screening.score import screen
from tests.screening.scoring import score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Split on both sides at once, the same number of parts each.
        ("Gheib Parvar, Gholamhossein", "Gheybparvar, Gholam Hossein"),
        # One side joins the article, the other adds names of its own.
        ("Hassan Al-Wardi", "Hasan Alwardi Mohamed"),
        ("Reza Ebadzadeh Semnani", "Reza Ebad Zadeh"),
        # Hyphenated Russian surnames, with a patronymic more on one side, in Cyrillic and Latin.
        ("Rimsky-Korsakov, Nikolai Andreyevich", "Rimskykorsakov, Nikolai"),
        ("Мамин-Сибиряк Дмитрий Наркисович", "Maminsibiryak Dmitry"),
        ("Ulyanov-Lenin Vladimir Ilyich", "Vladimir Ilyich Ulyanovlenin"),
        ("Ali Reza Ahmadi Karimi", "Alireza Karimi"),
        ("Nguyen Van An", "Nguyenvan An Binh"),
    ],
)
def test_a_name_part_written_apart_on_one_side_still_pairs(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # The joined given name agrees, the surname does not: a lead at most.
        ("Mohammad Reza Ahmadi", "Mohammadreza Karimi"),
        ("Ali Reza Ahmadi", "Alireza Karimi"),
        ("Anna Maria Petrova", "Annamaria Sidorova"),
        # Joined parts one letter or more from the other side's part are other names.
        ("Kim Jong Nam", "Kim Jongun"),
        ("Kim Jong Un", "Kim Jongil"),
        ("Abdul Rahman Khan", "Abdulrahim Khan"),
    ],
)
def test_joined_parts_do_not_make_other_people_alike(query: str, listed: str) -> None:
    assert score(query, listed) < 0.6, (query, listed)


def test_a_given_name_written_apart_alone_is_no_match() -> None:
    """Two parts joined into one given name identify once: a given name alone against a full name stays weak."""
    assert score("Li Na", "Lina Ivanova") < 0.8


def test_the_explanation_shows_both_parts_of_a_name_written_apart() -> None:
    query = name_variants("Gheib Parvar, Gholamhossein", NameKind.PERSON)[0]
    listed = name_variants("Gheybparvar, Gholam Hossein", NameKind.PERSON)[0]
    comparison = compare_variants(query, listed)
    pairs = {(pair.query_word, pair.listed_word) for pair in comparison.pairs}
    assert {("gheib", "gheybparvar"), ("parvar", "gheybparvar")} <= pairs
    assert {("gholamhossein", "gholam"), ("gholamhossein", "hossein")} <= pairs
    assert not comparison.unmatched_query and not comparison.unmatched_listed


def _index_of(*names: str) -> ScreeningIndex:
    # Many people share the given name, so it alone would not bring the listed name among the candidates.
    others = [
        f"Dmitry {surname}ov" for surname in ("Petr", "Sidor", "Ivan", "Kuzn", "Smirn", "Popov", "Volk")
    ]
    others += [
        f"Reza {surname}i" for surname in ("Ahmad", "Karim", "Rahim", "Hosein", "Jafar", "Kazem", "Rezai")
    ]
    people = [*(f"{name} {n}" for name in others for n in ("Junior", "Senior", "Third", "Fourth")), *names]
    return ScreeningIndex.from_entities(
        {"id": f"p{n}", "schema": "Person", "properties": {"name": [name]}} for n, name in enumerate(people)
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Мамин-Сибиряк Дмитрий Наркисович", "Maminsibiryak Dmitry"),  # the query writes apart
        ("Reza Ebadzadeh Semnani", "Reza Ebad Zadeh"),  # the list writes apart
    ],
)
def test_a_name_written_apart_is_among_the_candidates(query: str, listed: str) -> None:
    index = _index_of(listed)
    results = screen(Query(name=query, schema="Person"), index, thresholds=Thresholds.SCREENING)
    assert [result.caption for result in results][:1] == [listed]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Ukrainian given names and patronymics against their Russian forms (data/name_equivalence_uk.csv).
        ("Pavlo Ihorovych Filipenko", "Pavel Igorevich Filipenko"),
        ("Надія Віталіївна Савченко", "Надежда Витальевна Савченко"),
        ("Olena Mykolaivna Kostenko", "Yelena Nikolaevna Kostenko"),
        ("Павло Лазаренко", "Павел Лазаренко"),
    ],
)
def test_ukrainian_and_russian_forms_of_a_name_match(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Pavlo Kovalenko", "Petro Kovalenko"),
        ("Nadiia Shevchuk", "Nataliia Shevchuk"),
        ("Mykola Shevchuk", "Mykyta Shevchuk"),
        ("Vira Bondar", "Varvara Bondar"),
    ],
)
def test_other_ukrainian_given_names_stay_apart(query: str, listed: str) -> None:
    assert score(query, listed) < 0.6, (query, listed)


def test_the_explanation_names_the_ukrainian_form() -> None:
    query = name_variants("Pavlo Filipenko", NameKind.PERSON)[0]
    listed = name_variants("Pavel Filipenko", NameKind.PERSON)[0]
    reasons = [pair.equivalence for pair in compare_variants(query, listed).pairs if pair.equivalence]
    assert reasons == [
        "Pavlo = Pavel (Ukrainian and Russian forms of one name, from the table of Ukrainian given names)"
    ]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Belarusian and Ukrainian surnames end as patronymics do; the listed name's patronymic is another part.
        ("Stanislav Shushkevich", "Stanislau Stanislavavich Shushkevich"),
        ("Lukashevich, Aleksandr", "LUKASHEVICH, Aleksandr Ivanovich"),
        ("Sivkovych, Volodymyr", "SIVKOVICH, Vladimir Leonidovich"),
    ],
)
def test_a_surname_shaped_like_a_patronymic_identifies(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # A given name and a patronymic, or a surname and a patronymic, are still a lead only.
        ("Aleksandr Ivanovich", "Aleksandr Ivanovich Petrov"),
        ("Karpovich Ivanovich", "Aleksandr Ivanovich Karpovich"),
    ],
)
def test_a_patronymic_does_not_become_a_surname(query: str, listed: str) -> None:
    assert score(query, listed) < 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # One slip in a name the equivalence tables rewrite to its stem (Andrey `andr`, Mikhailovich `migailvic`).
        ("Antrey Ivanovich Klimov", "Andrey Ivanovich Klimov"),
        ("Dritry Savelev", "Dmitry Savelev"),
        ("Petrov, Ivan Aikhailovich", "Petrov, Ivan Mikhailovich"),
    ],
)
def test_a_slip_in_a_name_the_tables_rewrite_still_matches(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Belarusian ў after a stressed о in a woman's patronymic (Пятроўна) is the Russian -овна.
        ("Katsuba Sviatlana Piatrouna", "Katsuba Svetlana Petrovna"),
        ("Sviatlana Piatrouna Katsuba", "Sviatlana Piatrowna Katsuba"),
        ("Святлана Пятроўна Кацуба", "Svetlana Petrovna Katsuba"),
    ],
)
def test_a_belarusian_patronymic_in_ouna_is_a_patronymic(query: str, listed: str) -> None:
    assert score(query, listed) >= 0.8, (query, listed)
