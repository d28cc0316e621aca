"""The screening API speaks the yente dialect: the `yente-client` package from PyPI works against it unchanged."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey
from hramada.core.roles import Role
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file


@pytest.fixture
def eu_belarus_list(db: Any, shared_data: Any) -> None:
    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    yield
    reset_screening_index()


@pytest.fixture
def api_key(make_staff: Any) -> str:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="bank onboarding")
    return raw


def auth(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"ApiKey {key}"}


@pytest.mark.django_db
def test_match_finds_lukashenka_from_a_russian_spelling(
    client: Client, eu_belarus_list: None, api_key: str
) -> None:
    body = {
        "queries": {"q1": {"schema": "Person", "properties": {"name": ["Лукашенко Александр Григорьевич"]}}}
    }
    response = client.post("/api/yente/match/default", body, content_type="application/json", **auth(api_key))
    assert response.status_code == 200, response.content
    result = response.json()["responses"]["q1"]["results"][0]
    assert "LUKASHENKA" in result["caption"].upper()
    assert result["match"] is True and result["score"] >= 0.8
    assert result["features"]["name_similarity"] > 0
    assert result["datasets"] == ["eu_journal_belarus"]


@pytest.mark.django_db
def test_the_api_refuses_callers_without_a_key(client: Client, eu_belarus_list: None) -> None:
    body = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["Lukashenka"]}}}}
    response = client.post("/api/yente/match/default", body, content_type="application/json")
    assert response.status_code == 401


@pytest.mark.django_db
def test_a_revoked_key_is_refused(client: Client, eu_belarus_list: None, api_key: str) -> None:
    from django.utils import timezone

    ApiKey.objects.update(revoked_at=timezone.now())
    assert client.get("/api/yente/catalog", **auth(api_key)).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"queries": {"q1": {"schema": "Person", "properties": {"name": [""]}}}},
            "queries.q1.properties.name",
        ),
        ({"queries": {"q1": {"schema": "Banana", "properties": {"name": ["X"]}}}}, "queries.q1.schema"),
        ({"queries": {"q1": {"schema": "Person", "properties": {"name": ["A" * 10_000]}}}}, "queries.q1"),
        (
            {
                "queries": {
                    "q1": {"schema": "Person", "properties": {"name": ["Ivan"], "birthDate": ["1999-13-45"]}}
                }
            },
            "birthDate",
        ),
        ({"queries": {}}, "queries"),
        ({"nothing": 1}, "queries"),
    ],
)
def test_bad_queries_get_a_4xx_naming_the_field(
    client: Client, eu_belarus_list: None, api_key: str, body: dict[str, Any], field: str
) -> None:
    response = client.post("/api/yente/match/default", body, content_type="application/json", **auth(api_key))
    assert 400 <= response.status_code < 500, response.content
    assert field in response.json()["detail"]


@pytest.mark.django_db
def test_bad_parameters_get_a_4xx_naming_the_parameter(
    client: Client, eu_belarus_list: None, api_key: str
) -> None:
    body = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["Lukashenka"]}}}}
    for params, name, status in [
        ("threshold=7", "threshold", 400),
        ("algorithm=magic", "algorithm", 400),
        ("limit=0", "limit", 422),  # out of yente's bounds: a validation error, as yente answers
    ]:
        response = client.post(
            f"/api/yente/match/default?{params}", body, content_type="application/json", **auth(api_key)
        )
        assert response.status_code == status and name in response.json()["detail"], params


@pytest.mark.django_db
def test_search_in_any_script_finds_the_same_person(
    client: Client, eu_belarus_list: None, api_key: str
) -> None:
    ids = set()
    for text in ["Лукашэнка", "Лукашенко", "Lukashenka"]:
        response = client.get(f"/api/yente/search/default?q={text}", **auth(api_key))
        assert response.status_code == 200
        ids.add(response.json()["results"][0]["id"])
    assert len(ids) == 1


@pytest.mark.django_db(transaction=True)
def test_yente_client_works_unchanged_against_our_server(
    live_server: Any, shared_data: Any, make_staff: Any
) -> None:
    from yente_client import Client as YenteClient
    from yente_client.entities import Person

    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    _, raw = ApiKey.issue(owner=make_staff(Role.FUND_MANAGER), name="client test")
    with YenteClient(base_url=f"{live_server.url}/api/yente", api_key=raw) as yente:
        assert yente.healthz().status == "ok"
        catalog = yente.datasets()
        assert "eu_journal_belarus" in catalog.current
        response = yente.match(Person(name=["Aliaksandr Lukashenka"], birthDate=["1954-08-30"]))
        assert response.top is not None and response.top.match
        assert "LUKASHENKA" in response.top.caption.upper()
        entity = yente.fetch(response.top.id)
        assert entity.id == response.top.id
        found = yente.search("Аляксандр Лукашэнка")
        assert found.results and found.results[0].id == response.top.id
        assert found.results[0].caption
    reset_screening_index()


@pytest.mark.django_db
def test_every_api_operation_refuses_anonymous_callers(client: Client) -> None:
    from hramada.api.urls import api

    public = {"/api/yente/healthz", "/api/yente/readyz"}
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        concrete = path.replace("{dataset}", "default").replace("{entity_id}", "x")
        for method in operations:
            response = getattr(client, method)(concrete, content_type="application/json")
            if path in public:
                assert response.status_code == 200, path
            else:
                assert response.status_code == 401, f"{method.upper()} {path} answered {response.status_code}"


@pytest.mark.django_db
def test_the_api_docs_are_for_verified_staff_only(client: Client, staff_client: Any) -> None:
    assert client.get("/api/docs").status_code == 302
    assert client.get("/api/openapi.json").status_code == 302
    staff = staff_client(Role.SANCTIONS_ANALYST)
    assert staff.get("/api/openapi.json").status_code == 200
