"""Specifications for round thirty-four. A craft's name is read as an aircraft's registration mark only where it
opens with a nationality mark of civil aircraft (ICAO Annex 7), so a ship's name of the Arabic article and a word
(Al-Amal) stays words; a registration mark typed with a space, or as one word with its digits, for its hyphen (YK AYA,
EW85741) meets the mark as listed; one word of letters only (YKAYA) is left a name, as ships' names of one word are.
Federal and municipal are words of kind in every language of the tables, so two names of public bodies that share
only a dictionary word and differ in kind are a lead, not a match. Where a rule on whole names makes a pair count
less than its parts agree, the explanation says so and why. The names are our own where they are no real body's;
the score before this round is in each comment."""

from __future__ import annotations

import pytest

from hramada.screening import ListedEntity, Query, ScreeningIndex, score_candidate, screen
from hramada.screening.names import CONTAINED_WORD_SCORE, nationality_marks
from tests.screening.scoring import airplane, company, vessel


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Al Amal", "AL-AMAL"),  # 0.00 before: AL-AMAL was read as a registration mark
        ("AL-AMAL", "Al Amal"),  # 0.00 before
        ("El Zorvan", "EL-ZORVAN"),  # 0.00 before
        ("Ar Rahma", "AR-RAHMA"),  # 0.00 before
    ],
)
def test_a_ship_named_with_the_arabic_article_and_a_hyphen_is_read_as_words(query: str, listed: str) -> None:
    assert vessel(query, listed) == 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("YK AYA", "YK-AYA"),  # 0.00 before
        ("RA 96019", "RA-96019"),  # 0.00 before
        ("RA96019", "RA-96019"),  # 0.00 before
        ("EW-85741", "EW 85741"),  # 0.00 before
        ("YV1000", "YV-1000"),  # 0.00 before
        ("4L-ZRV", "4L ZRV"),
    ],
)
def test_a_registration_mark_typed_with_a_space_or_without_its_hyphen_meets_the_mark(
    query: str, listed: str
) -> None:
    assert airplane(query, listed) == 1.0


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("YK AKA", "YK-AYA"),
        ("YKAKA", "YK-AYA"),
        ("RA 96018", "RA-96019"),
        ("EW85742", "EW-85741"),
        ("YV1000", "YV1003"),  # 0.80 before: two Venezuelan aircraft, one digit apart
    ],
)
def test_another_mark_typed_without_its_hyphen_is_still_another_aircraft(query: str, listed: str) -> None:
    assert airplane(query, listed) == 0.0


@pytest.mark.parametrize(
    ("query", "listed"), [("Es Zorva", "ES ZORVA"), ("Capri", "CAPRI"), ("Zorvo", "ZORVO")]
)
def test_a_ship_whose_name_could_be_a_mark_still_meets_its_name(query: str, listed: str) -> None:
    assert vessel(query, listed) == 1.0


def test_a_ship_named_like_a_mark_with_a_space_is_also_read_as_words() -> None:
    assert vessel("Zorva", "ES ZORVA") >= 0.8  # as a mark only, ES ZORVA would be one key no word meets


def test_one_word_of_letters_only_is_no_mark() -> None:
    assert airplane("YKAYA", "YK-AYA") == 0.0  # as Danesh or Capri, a ship's name: letters alone cannot tell


def test_a_mark_typed_apart_finds_the_listed_aircraft_among_others() -> None:
    index = ScreeningIndex.from_entities(
        [
            {"id": "a", "schema": "Airplane", "properties": {"name": ["YK-AYA"]}},
            {"id": "b", "schema": "Airplane", "properties": {"name": ["YK-AKA"]}},
            {"id": "c", "schema": "Vessel", "properties": {"name": ["AL-AMAL"]}},
        ]
    )
    assert [r.entity_id for r in screen(Query(name="YK AYA", schema="Airplane"), index)] == ["a"]
    assert [r.entity_id for r in screen(Query(name="Al Amal", schema="Vessel"), index)] == ["c"]


def test_the_nationality_marks_are_those_of_the_table() -> None:
    marks = nationality_marks()
    assert {"EW", "RA", "YK", "EP", "UR", "4L", "A9C", "N"} <= marks
    assert "AL" not in marks  # the Arabic article opens ships' names; no State has it as a mark


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Ministry of State Security", "Federal Security Service"),  # 1.00 before: only security was compared
        ("Ministry of Zorvan Affairs", "Federal Zorvan Service"),  # 1.00 before
        ("Municipal Zorvan Office", "Ministry of Zorvan"),
    ],
)
def test_public_bodies_sharing_one_word_of_other_kinds_are_a_lead(query: str, listed: str) -> None:
    assert company(query, listed) <= CONTAINED_WORD_SCORE


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Федеральная служба безопасности", "Federal Security Service"),
        (
            "Муниципальное унитарное предприятие Зорванводоканал",
            "Municipal Unitary Enterprise Zorvanvodokanal",
        ),
    ],
)
def test_federal_and_municipal_meet_across_languages(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


def _evidence(query: str, listed: str, schema: str = "Company") -> tuple[float, str, dict[str, object]]:
    entity = ListedEntity("x", schema, listed, (listed,), (), (), ())
    result = score_candidate(Query(name=query, schema=schema), entity)
    assert result.name_evidence is not None
    return result.score, result.name_evidence.describe(), result.name_evidence.to_dict()


@pytest.mark.parametrize(
    ("query", "listed", "because"),
    [
        # Each said "zorvex = zorvex." (or "security = security.") beside a score of 0.95 or 0.75, and no more.
        (
            "Zorvex Systems Limited",
            "Zorvex Ltd",
            "only one of the names says what kind of organisation it is",
        ),
        ("Zorvex GmbH & Co. KG", "Zorvex GmbH", "a limited partnership (KG)"),
        ("Ministry of State Security", "Federal Security Service", "say different kinds of organisation"),
        ("ZMZ", "Zorvanskiy Metallurgicheskiy Zavod", "read through its initials"),
    ],
)
def test_the_explanation_says_why_names_count_less_than_their_parts(
    query: str, listed: str, because: str
) -> None:
    score, sentence, data = _evidence(query, listed)
    assert score < 1.0
    assert f"the names count {score:.2f} as a whole" in sentence
    assert because in sentence
    assert data["counted"] == score
    assert because in str(data["counted_because"])


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("Zorvex Trading", "Zorvex Trading", "Company"),
        ("Ivan Zorvanov", "Ivan Petrovich Zorvanov", "Person"),  # the left-over part says why already
        ("Zorvex Trading", "Zorvex Tradng", "Company"),
    ],
)
def test_names_that_count_what_their_parts_say_carry_no_such_note(
    query: str, listed: str, schema: str
) -> None:
    _, sentence, data = _evidence(query, listed, schema)
    assert "as a whole" not in sentence
    assert data["counted"] is None and data["counted_because"] is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Designated Activity Company", "Zorvex DAC"),  # 0.90 before, through its initials
        ("Zorvex Designated Activity Company", "Zorvex"),  # 0.45 before
        ("Zorvex Company Limited by Guarantee", "Zorvex CLG"),  # 0.74 before
        ("Zorvex Unlimited Company", "Zorvex ULC"),  # 0.74 before
        ("Zorvex Anonymi Etaireia", "Zorvex A.E."),  # 0.50 before
        ("Zorvex Etaireia Periorismenis Efthynis", "Zorvex EPE"),  # 0.74 before
        ("Zorvex Idiotiki Kefalaiouchiki Etaireia", "Zorvex I.K.E."),  # 0.74 before
    ],
)
def test_irish_and_greek_legal_forms_are_legal_forms(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


def test_an_abbreviated_form_that_is_also_a_name_is_a_form_after_a_name_only() -> None:
    assert company("Ike Zorvex", "Zorvex") < 0.8  # Ike opening a name is a name
    assert company("DAC Zorvex", "Zorvex") < 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Elektronnye Sistemy", "Zorvex Electronic Systems"),  # 0.21 before
        ("Zorvex Elektronnyye Sistemy", "Zorvex Electronic Systems"),
        ("Ugolnye Zorvex Tekhnologii", "Coal Zorvex Technologies"),
    ],
)
def test_a_russian_plural_adjective_is_read_as_the_adjective(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zorvex Electronic Components", "Zorvex Elektronnye Komponenty"),  # 0.12 before
        ("Zorvex Components", "Зорвекс Компоненты"),
    ],
)
def test_components_is_a_word_of_kind_in_every_language_of_the_tables(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.95


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("OsOO Zorvex", "Zorvex LLC"),  # 0.42 before: Kyrgyz ОсОО as romanised
        ("Zorvex Mehdud Mesuliyyetli Cemiyyet", "Zorvex MMC"),  # 0.42 before: Azerbaijani
        ("Zorvex Məhdud Məsuliyyətli Cəmiyyət", "Zorvex MMC"),
        ("Zorvex Mas'uliyati cheklangan jamiyat", "Zorvex MChJ"),  # 0.46 before: Uzbek
        ("Shps Zorvex", "Zorvex LLC"),  # 0.74 before: Georgian შპს as romanised
        ("Zorvex Kabushiki Kaisha", "Zorvex KK"),  # 0.77 before
        ("Zorvex Kabushiki Gaisha", "Zorvex K.K."),
    ],
)
def test_legal_forms_of_central_asia_the_caucasus_and_japan_are_legal_forms(query: str, listed: str) -> None:
    assert company(query, listed) >= 0.99


def test_kk_opening_a_name_is_no_legal_form() -> None:
    assert company("KK Zorvex", "Zorvex") < 0.8
