"""OpenRefine's reconciliation service: an analyst reconciles a spreadsheet column against the lists, extends the
matched rows with list data and gets auto-completion, all through the same audited screening door."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey, AuditEntry
from hramada.core.roles import Role
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file


@pytest.fixture
def lists(db: Any, shared_data: Any) -> Any:
    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    import_file("ftm_json", shared_data / "ftm/yente-zala-entities.ftm.json", by=None, dataset="zala")
    yield
    reset_screening_index()


@pytest.fixture
def key(make_staff: Any) -> dict[str, str]:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="openrefine")
    return {"HTTP_AUTHORIZATION": f"ApiKey {raw}"}


@pytest.mark.django_db
def test_the_manifest_describes_the_service(client: Client, lists: None, key: dict[str, str]) -> None:
    manifest = client.get("/api/yente/reconcile/default", **key).json()
    assert manifest["versions"] == ["0.2"]
    assert {t["id"] for t in manifest["defaultTypes"]} >= {"Person", "Company"}
    assert manifest["suggest"]["entity"]["service_path"] == "/suggest/entity"
    assert client.get("/api/yente/reconcile/nowhere", **key).status_code == 404


@pytest.mark.django_db
def test_a_column_of_names_reconciles_in_any_script(client: Client, lists: None, key: dict[str, str]) -> None:
    queries = {
        "q0": {"query": "Лукашенко Александр Григорьевич", "type": "Person", "limit": 3},
        "q1": {
            "query": "Maria Osetrova",
            "type": "Person",
            "properties": [{"pid": "country", "v": "Russia"}],
        },
        "q2": {"query": "Nobody Anywhere Unknownperson", "type": "Person"},
    }
    before = AuditEntry.objects.count()
    response = client.post("/api/yente/reconcile/default", {"queries": json.dumps(queries)}, **key)
    assert response.status_code == 200, response.content
    body = response.json()
    assert "LUKASHENK" in body["q0"]["result"][0]["name"].upper() and body["q0"]["result"][0]["match"]
    assert len(body["q0"]["result"]) <= 3
    assert "Osetrova" in body["q1"]["result"][0]["name"] and body["q1"]["result"][0]["description"] == "zala"
    assert not any(r["match"] for r in body["q2"]["result"])
    assert AuditEntry.objects.count() > before  # screened through the audited door


@pytest.mark.django_db
def test_extend_adds_list_data_to_matched_rows(client: Client, lists: None, key: dict[str, str]) -> None:
    found = client.post(
        "/api/yente/reconcile/zala",
        {"queries": json.dumps({"q": {"query": "Maria Osetrova", "type": "Person"}})},
        **key,
    ).json()
    entity_id = found["q"]["result"][0]["id"]
    extend = {"ids": [entity_id, "no-such-id"], "properties": [{"id": "birthDate"}, {"id": "nationality"}]}
    body = client.post("/api/yente/reconcile/zala", {"extend": json.dumps(extend)}, **key).json()
    assert body["rows"][entity_id]["birthDate"] == [{"str": "1988-01-07"}]
    assert body["rows"][entity_id]["nationality"] == [{"str": "Russia"}]
    assert body["rows"]["no-such-id"] == {}
    raw = {"ids": [entity_id], "properties": [{"id": "nationality", "settings": {"render": "raw"}}]}
    body = client.post("/api/yente/reconcile/zala", {"extend": json.dumps(raw)}, **key).json()
    assert body["rows"][entity_id]["nationality"] == [{"str": "ru"}]


@pytest.mark.django_db
def test_suggestions_complete_entities_types_and_properties(
    client: Client, lists: None, key: dict[str, str]
) -> None:
    entities = client.get("/api/yente/reconcile/zala/suggest/entity?prefix=osetrova", **key).json()
    assert [r["name"] for r in entities["result"]] == ["Maria Aleksandrovna Osetrova"]
    types = client.get("/api/yente/reconcile/zala/suggest/type?prefix=pers", **key).json()
    assert [t["id"] for t in types["result"]] == ["Person"]
    props = client.get("/api/yente/reconcile/zala/suggest/property?prefix=birth", **key).json()
    assert "birthDate" in [p["id"] for p in props["result"]]
    proposed = client.get("/api/yente/reconcile/zala/extend/property?type=Company", **key).json()
    assert "registrationNumber" in [p["id"] for p in proposed["properties"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form",
    [
        {"queries": "{not json"},
        {"queries": json.dumps({"q": {"query": "X", "type": "Banana"}})},
        {"queries": json.dumps({"q": {"query": "Ivan", "limit": 0}})},
        {"queries": json.dumps([])},
        {"extend": json.dumps({"ids": "one"})},
        {},
    ],
)
def test_bad_reconciliation_requests_get_a_400(
    client: Client, lists: None, key: dict[str, str], form: dict[str, str]
) -> None:
    response = client.post("/api/yente/reconcile/default", form, **key)
    assert response.status_code == 400, response.content
    assert response.json()["detail"]
