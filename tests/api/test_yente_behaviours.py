"""yente's documented behaviours, one by one, on yente's own test fixture (the zala entities) imported the way a user
imports an FtM file, beside the EU Belarus list: dataset names and 404s, single values and numbers where lists are
expected, the echoed query, every filter parameter, browsing without q, facets, paging bounds, conditional requests
and nested entities."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey
from hramada.core.roles import Role
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file

PERSON = {"schema": "Person", "properties": {"name": ["Maria Aleksandrovna Osetrova"]}}


@pytest.fixture
def two_lists(db: Any, shared_data: Any) -> Any:
    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    import_file("ftm_json", shared_data / "ftm/yente-zala-entities.ftm.json", by=None, dataset="zala")
    yield
    reset_screening_index()


@pytest.fixture
def key(make_staff: Any) -> dict[str, str]:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="behaviours")
    return {"HTTP_AUTHORIZATION": f"ApiKey {raw}"}


def match(
    client: Client, key: dict[str, str], query: dict[str, Any], path: str = "default", **params: Any
) -> Any:
    from urllib.parse import urlencode

    url = f"/api/yente/match/{path}" + (f"?{urlencode(params, doseq=True)}" if params else "")
    return client.post(url, {"queries": {"q": query}}, content_type="application/json", **key)


@pytest.mark.django_db
def test_an_unknown_dataset_is_a_404_never_an_empty_answer(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    assert match(client, key, PERSON, "no_such_list").status_code == 404
    assert client.get("/api/yente/search/no_such_list?q=Osetrova", **key).status_code == 404
    # internal source keys are not public dataset names
    assert match(client, key, PERSON, "ftm_json").status_code == 404
    assert match(client, key, PERSON, "eu_journal").status_code == 404


@pytest.mark.django_db
def test_datasets_carry_the_names_users_know(client: Client, two_lists: None, key: dict[str, str]) -> None:
    from followthemoney.dataset.util import dataset_name_check

    catalog = client.get("/api/yente/catalog", **key).json()
    assert set(catalog["current"]) == {"eu_journal_belarus", "zala"}
    for entry in catalog["datasets"]:
        assert dataset_name_check(entry["name"]) == entry["name"]
    zala = next(d for d in catalog["datasets"] if d["name"] == "zala")
    assert zala["entity_count"] > 0 and zala["index_version"] and zala["last_change"] and zala["last_export"]
    found = match(client, key, PERSON, "zala").json()["responses"]["q"]["results"]
    assert found and found[0]["datasets"] == ["zala"]
    assert match(client, key, PERSON, "eu_journal_belarus").json()["responses"]["q"]["results"] == [] or all(
        "eu_journal_belarus" in r["datasets"]
        for r in match(client, key, PERSON, "eu_journal_belarus").json()["responses"]["q"]["results"]
    )


@pytest.mark.django_db
def test_single_values_and_numbers_are_taken_as_yente_takes_them(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    query = {
        "schema": "Person",
        "properties": {"name": "Maria Aleksandrovna Osetrova", "country": "Russia", "birthDate": [1988]},
    }
    response = match(client, key, query)
    assert response.status_code == 200, response.content
    answer = response.json()["responses"]["q"]
    assert answer["results"] and "Osetrova" in answer["results"][0]["caption"]
    assert answer["query"]["properties"]["country"] == ["ru"]
    assert answer["query"]["properties"]["birthDate"] == ["1988"]
    assert answer["query"]["properties"]["name"] == ["Maria Aleksandrovna Osetrova"]


@pytest.mark.django_db
def test_match_filters_by_dataset_schema_and_topic(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    def ids(**params: Any) -> list[str]:
        response = match(client, key, PERSON, **params)
        assert response.status_code == 200, response.content
        return [r["id"] for r in response.json()["responses"]["q"]["results"]]

    everything = ids()
    assert everything
    assert ids(exclude_dataset="zala") == []
    assert ids(include_dataset="zala") == everything
    assert ids(exclude_schema="Person") == []
    assert ids(topics="debarment") == everything
    assert ids(topics="poi.no.such.topic") == []
    assert match(client, key, PERSON, include_dataset="nope").status_code == 400
    assert match(client, key, PERSON, exclude_schema="Banana").status_code == 400


@pytest.mark.django_db
def test_changed_since_keeps_only_entities_changed_after_it(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    everything = match(client, key, PERSON).json()["responses"]["q"]["results"]
    changed = everything[0]["last_change"]
    assert changed
    assert match(client, key, PERSON, changed_since="2999-01-01").json()["responses"]["q"]["results"] == []
    kept = match(client, key, PERSON, changed_since=changed[:10]).json()["responses"]["q"]["results"]
    assert [r["id"] for r in kept] == [r["id"] for r in everything]
    assert match(client, key, PERSON, changed_since="yesterday").status_code == 422


@pytest.mark.django_db
def test_an_unknown_algorithm_or_matcher_option_is_a_400_naming_it(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    response = match(client, key, PERSON, algorithm="magic")
    assert response.status_code == 400 and "algorithm" in response.json()["detail"]
    body = {"queries": {"q": PERSON}, "config": {"nm_number_mismatch": 0.3}}
    response = client.post("/api/yente/match/default", body, content_type="application/json", **key)
    assert response.status_code == 400 and "nm_number_mismatch" in response.json()["detail"]


@pytest.mark.django_db
def test_search_without_q_browses_with_facets(client: Client, two_lists: None, key: dict[str, str]) -> None:
    response = client.get("/api/yente/search/zala?limit=5", **key)
    assert response.status_code == 200, response.content
    body = response.json()
    assert len(body["results"]) == 5 and body["total"]["value"] == 17  # 11 companies and 6 people
    facets = body["facets"]
    assert {v["name"]: v["count"] for v in facets["schema"]["values"]} == {"Company": 11, "Person": 6}
    assert {v["name"] for v in facets["datasets"]["values"]} == {"zala"}
    assert facets["topics"]["values"]
    people = client.get("/api/yente/search/zala?schema=Person", **key).json()
    assert people["total"]["value"] == 6
    second_page = client.get("/api/yente/search/zala?limit=5&offset=5", **key).json()
    assert not {r["id"] for r in second_page["results"]} & {r["id"] for r in body["results"]}
    only_companies = client.get("/api/yente/search/default?exclude_schema=Person&datasets=zala", **key).json()
    assert only_companies["total"]["value"] == 11


@pytest.mark.django_db
def test_search_filters_by_country_topic_and_property(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    russian = client.get("/api/yente/search/zala?countries=ru&schema=Person", **key).json()
    assert russian["total"]["value"] >= 1
    for result in russian["results"]:
        assert "ru" in result["properties"].get("country", []) + result["properties"].get("nationality", [])
    debarred = client.get("/api/yente/search/zala?topics=debarment", **key).json()
    assert 0 < debarred["total"]["value"] < 17
    by_birth = client.get("/api/yente/search/zala?filter=birthDate:1988-01-07", **key).json()
    assert [r["caption"] for r in by_birth["results"]] == ["Maria Aleksandrovna Osetrova"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", ["limit=501", "limit=-1", "offset=-1", "offset=9500", "filter_op=XOR", "changed_since=soon"]
)
def test_search_paging_out_of_bounds_is_a_422(
    client: Client, two_lists: None, key: dict[str, str], params: str
) -> None:
    response = client.get(f"/api/yente/search/default?q=Osetrova&{params}", **key)
    assert response.status_code == 422, (params, response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("params", ["facets=colour", "sort=shoe_size", "schema=Banana", "filter=nocolon"])
def test_search_refuses_parameters_it_does_not_understand(
    client: Client, two_lists: None, key: dict[str, str], params: str
) -> None:
    response = client.get(f"/api/yente/search/default?q=Osetrova&{params}", **key)
    assert response.status_code == 400, (params, response.content)
    assert params.split("=")[0] in response.json()["detail"]


@pytest.mark.django_db
def test_match_limit_out_of_bounds_is_a_422(client: Client, two_lists: None, key: dict[str, str]) -> None:
    assert match(client, key, PERSON, limit=0).status_code == 422
    assert match(client, key, PERSON, limit=501).status_code == 422


@pytest.mark.django_db
def test_conditional_requests_get_304(client: Client, two_lists: None, key: dict[str, str]) -> None:
    for url in ["/api/yente/catalog", "/api/yente/search/zala?q=Osetrova"]:
        first = client.get(url, **key)
        assert first.status_code == 200 and first["ETag"] and "max-age" in first["Cache-Control"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], **key)
        assert again.status_code == 304
    entity_id = client.get("/api/yente/search/zala?q=Osetrova", **key).json()["results"][0]["id"]
    first = client.get(f"/api/yente/entities/{entity_id}", **key)
    assert (
        client.get(f"/api/yente/entities/{entity_id}", HTTP_IF_NONE_MATCH=first["ETag"], **key).status_code
        == 304
    )


@pytest.mark.django_db
def test_a_new_snapshot_changes_the_catalog_etag(
    client: Client, two_lists: None, key: dict[str, str], shared_data: Any
) -> None:
    before = client.get("/api/yente/catalog", **key)["ETag"]
    import_file("ftm_json", shared_data / "ftm/yente-t1-entities.ftm.json", by=None, dataset="t1")
    after = client.get("/api/yente/catalog", HTTP_IF_NONE_MATCH=before, **key)
    assert after.status_code == 200 and after["ETag"] != before
    assert "t1" in after.json()["current"]


@pytest.mark.django_db
def test_entities_nest_their_sanctions_unless_asked_not_to(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    entity_id = client.get("/api/yente/search/zala?q=Alexander%20Vyacheslavovich%20Zakharov", **key).json()[
        "results"
    ][0]["id"]
    nested = client.get(f"/api/yente/entities/{entity_id}", **key).json()
    sanctions = nested["properties"]["sanctions"]
    assert len(sanctions) == 13  # the fixture's Sanction entities that name him
    assert all(s["schema"] == "Sanction" and s["datasets"] == ["zala"] for s in sanctions)
    flat = client.get(f"/api/yente/entities/{entity_id}?nested=false", **key).json()
    assert "sanctions" not in flat["properties"]


@pytest.mark.django_db
def test_adjacent_entities_are_listed_by_property_and_paged(
    client: Client, two_lists: None, key: dict[str, str]
) -> None:
    entity_id = client.get("/api/yente/search/zala?q=Alexander%20Vyacheslavovich%20Zakharov", **key).json()[
        "results"
    ][0]["id"]
    body = client.get(f"/api/yente/entities/{entity_id}/adjacent?limit=5", **key).json()
    assert body["entity"]["id"] == entity_id
    sanctions = body["adjacent"]["sanctions"]
    assert sanctions["total"]["value"] == 13 and len(sanctions["results"]) == 5
    page = client.get(f"/api/yente/entities/{entity_id}/adjacent/sanctions?limit=5&offset=10", **key).json()
    assert len(page["results"]) == 3 and page["offset"] == 10
    assert client.get(f"/api/yente/entities/{entity_id}/adjacent/shoeSize", **key).status_code == 404
    assert client.get("/api/yente/entities/no-such-id/adjacent", **key).status_code == 404
    assert client.get(f"/api/yente/entities/{entity_id}/adjacent?limit=501", **key).status_code == 422


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "entity_caption"),
    [
        ("alexandervyacheslavovichzakharov", "Alexander Vyacheslavovich ZAKHAROV"),
        ("mariaosetrova", "Maria Aleksandrovna Osetrova"),
    ],
)
def test_a_name_written_without_spaces_still_finds_the_person(
    client: Client, two_lists: None, key: dict[str, str], typed: str, entity_caption: str
) -> None:
    query = {"schema": "Person", "properties": {"name": [typed]}}
    results = match(client, key, query).json()["responses"]["q"]["results"]
    assert results and results[0]["caption"] == entity_caption and results[0]["match"]


@pytest.mark.django_db
def test_entities_nest_the_addresses_they_name(client: Client, two_lists: None, key: dict[str, str]) -> None:
    entity_id = client.get("/api/yente/search/zala?q=Alexander%20Vyacheslavovich%20Zakharov", **key).json()[
        "results"
    ][0]["id"]
    nested = client.get(f"/api/yente/entities/{entity_id}", **key).json()
    [address] = nested["properties"]["addressEntity"]
    assert address["schema"] == "Address" and "Pushkinskaya" in address["caption"]
    flat = client.get(f"/api/yente/entities/{entity_id}?nested=false", **key).json()
    assert flat["properties"]["addressEntity"] == ["addr-a300b5bf407e387d2cf1f1a2f74b8178edde276e"]
    page = client.get(f"/api/yente/entities/{entity_id}/adjacent/addressEntity", **key).json()
    assert [a["id"] for a in page["results"]] == ["addr-a300b5bf407e387d2cf1f1a2f74b8178edde276e"]
