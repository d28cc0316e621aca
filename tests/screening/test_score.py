"""`screen()` against the bundled lists: what the fund and the analysts will call."""

from __future__ import annotations

import json

from hramada.screening import Query, ScreeningIndex, Thresholds, screen


def test_lukashenka_in_belarusian_cyrillic_finds_the_ofac_and_eu_listings(
    bundled_index: ScreeningIndex,
) -> None:
    results = screen(Query(name="Аляксандр Рыгоравіч Лукашэнка", schema="Person"), bundled_index, limit=10)
    matched = {r.entity_id for r in results if r.match}
    assert "ofac-9760" in matched


def test_yurchyk_aleh_with_birth_date_finds_yurchik_oleg(bundled_index: ScreeningIndex) -> None:
    query = Query(name="Aleh Yurchyk", schema="Person", birth_date="1979-08-16", countries=("Belarus",))
    best = screen(query, bundled_index)[0]
    assert best.entity_id == "ofac-48324"
    assert best.match
    assert best.features["birth_date_matches"] == 1.0
    assert best.features["country_matches"] == 1.0


def test_conflicting_birth_year_weighs_against(bundled_index: ScreeningIndex) -> None:
    query = Query(name="Oleg Yurchik", schema="Person", birth_date="1940")
    results = screen(query, bundled_index, thresholds=Thresholds.SCREENING)
    hit = next(r for r in results if r.entity_id == "ofac-48324")
    assert hit.features["birth_date_conflicts"] > 0
    assert not hit.match


def test_sons_of_lukashenka_are_not_matched_for_the_father(bundled_index: ScreeningIndex) -> None:
    results = screen(Query(name="Alexander Lukashenko", schema="Person"), bundled_index, limit=10)
    matched = {r.entity_id for r in results if r.match}
    assert "ofac-9797" not in matched  # Viktar, Head of Presidential Guard
    assert "ofac-32615" not in matched  # Dzmitry


def test_belaruskali_by_belarusian_legal_form(bundled_index: ScreeningIndex) -> None:
    matched = {r.entity_id for r in screen(Query(name="ААТ «Беларуськалій»"), bundled_index) if r.match}
    assert {"ofac-32746", "eu-journal-i-b-28"} <= matched  # OFAC and the EU list both name it


def test_registration_number_decides(bundled_index: ScreeningIndex) -> None:
    results = screen(Query(name="Belaruskali", identifiers=("600122610",)), bundled_index)
    best = results[0]
    assert best.entity_id in {"ofac-32746", "eu-journal-i-b-28"}  # both lists give the number
    assert best.score == 1.0
    assert best.features["identifier_matches"] == 1.0
    assert "registration 600122610 is the same" in best.explanation


def test_vessel_found_by_imo_number(bundled_index: ScreeningIndex) -> None:
    best = screen(Query(schema="Vessel", identifiers=("IMO 7406784",)), bundled_index)[0]
    assert best.entity_id == "ofac-4243"  # EBANO
    assert best.match


def test_vessel_query_never_hits_a_person(bundled_index: ScreeningIndex) -> None:
    results = screen(Query(name="Lukashenko", schema="Vessel"), bundled_index)
    assert all(r.schema != "Person" for r in results)


def test_crypto_wallet_found_by_address(bundled_index: ScreeningIndex) -> None:
    query = Query(schema="CryptoWallet", identifiers=("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",))
    best = screen(query, bundled_index)[0]
    assert best.schema == "CryptoWallet"
    assert best.match


def test_result_explains_itself_and_serialises_for_yente_match(bundled_index: ScreeningIndex) -> None:
    best = screen(Query(name="Viktar Halavanau", schema="Person"), bundled_index)[0]
    data = best.to_dict()
    json.dumps(data)
    assert set(data) >= {"id", "schema", "score", "match", "features", "explanation"}
    assert isinstance(data["features"]["name_similarity"], float)
    assert "met" in best.explanation and "name_similarity" in best.explanation


def test_sanction_programme_is_shown(bundled_index: ScreeningIndex) -> None:
    best = screen(Query(name="Uladzimir Navumau", schema="Person"), bundled_index)[0]
    assert best.sanctions
    assert "Listed under" in best.explanation


def test_thresholds_are_passed_in_not_global(bundled_index: ScreeningIndex) -> None:
    query = Query(name="Svetlana Pokhodova", schema="Person")
    strict = screen(query, bundled_index, thresholds=Thresholds(match=0.99, review=0.9))
    loose = screen(query, bundled_index, thresholds=Thresholds.INVESTIGATION)
    assert len(loose) >= len(strict)
    assert all(not r.match or r.score >= 0.99 for r in strict)
