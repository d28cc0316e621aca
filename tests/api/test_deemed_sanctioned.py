"""A company no list names but that listed owners hold 50% or more of (OFAC) is a match in the yente-dialect API,
with the rule and the ownership path in the result's explanation (issue #18, through hramada.evasion.public)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey
from hramada.core.roles import Role
from hramada.sanctions.live_index import reset_screening_index
from tests.evasion.conftest import demo_file
from tests.evasion.conftest import small_ofac as small_ofac_file

small_ofac = small_ofac_file

PATH = "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"


@pytest.fixture
def graph(db: Any, small_ofac: Path, make_staff: Any) -> dict[str, str]:
    from hramada.evasion import public as evasion
    from hramada.evasion import services
    from hramada.evasion.models import Dataset
    from hramada.sanctions.services import import_file

    reset_screening_index()
    evasion.forget()
    import_file("ofac_sdn", small_ofac, by=None)
    analyst = make_staff(Role.SANCTIONS_ANALYST)
    services.import_dataset(
        kind=Dataset.Kind.SHAREHOLDINGS,
        data=demo_file("shareholdings.csv"),
        file_name="shareholdings.csv",
        name="demo holdings",
        source="test",
        by=analyst,
    )
    _, raw = ApiKey.issue(owner=analyst, name="deemed")
    yield {"HTTP_AUTHORIZATION": f"ApiKey {raw}"}
    reset_screening_index()
    evasion.forget()


def _match(client: Client, key: dict[str, str], name: str, **params: str) -> list[dict[str, Any]]:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    response = client.post(
        f"/api/yente/match/default?{query}",
        {"queries": {"q": {"schema": "Company", "properties": {"name": [name]}}}},
        content_type="application/json",
        **key,
    )
    assert response.status_code == 200, response.content
    return list(response.json()["responses"]["q"]["results"])


@pytest.mark.django_db
def test_a_company_owned_60_percent_through_a_listed_owner_is_a_match_with_its_path(
    client: Client, graph: dict[str, str]
) -> None:
    [result] = [
        r for r in _match(client, graph, "Demo Baltic Bulk Shipping Ltd.") if r["id"] == "demo-baltic-bulk"
    ]
    assert result["match"] is True
    explained = result["explanations"]["deemed_sanctioned"]
    ofac = next(rule for rule in explained["rules"] if rule["rule"] == "ofac")
    assert ofac["path_text"] == PATH
    assert [step["id"] for step in ofac["path"]][-1] == "demo-baltic-bulk"
    assert ofac["path"][0]["name"] == "BELARUSKALI OAO" and ofac["path"][0]["via"] == ""
    assert "OFAC 50% rule" in result["explanation"] and PATH in result["explanation"]


@pytest.mark.django_db
def test_a_company_held_40_percent_by_a_listed_owner_is_not_deemed_sanctioned(
    client: Client, graph: dict[str, str]
) -> None:
    found = _match(client, graph, "DEMO Ground Handling LLC")
    assert found == [] or all(r["id"] != "demo-ground-handling" or not r["match"] for r in found)
    assert all("deemed_sanctioned" not in r["explanations"] for r in found)


@pytest.mark.django_db
def test_the_caller_can_exclude_a_deemed_sanctioned_entity_it_already_decided_on(
    client: Client, graph: dict[str, str]
) -> None:
    found = _match(client, graph, "DEMO Baltic Bulk Shipping Ltd", exclude_entity_ids="demo-baltic-bulk")
    assert "demo-baltic-bulk" not in {r["id"] for r in found}
