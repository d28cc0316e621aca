"""The yente-dialect API goes through the sanctions door: one audit entry per match request, remembered decisions
beside results for queries that carry the caller's own id, yente's exclude_entity_ids, and /readyz that says
"starting" until the index is built instead of making the caller wait."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey, AuditEntry
from hramada.core.roles import Role
from hramada.core.startup import forget_started
from hramada.sanctions import public
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file

pytestmark = pytest.mark.django_db

QUERY = {"schema": "Person", "properties": {"name": ["Лукашенко Александр Григорьевич"]}}


@pytest.fixture
def eu_belarus_list(db: Any, shared_data: Any) -> Any:
    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    yield
    reset_screening_index()


@pytest.fixture
def key(make_staff: Any) -> tuple[Any, str]:
    stored, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="bank onboarding")
    return stored, raw


def _match(client: Client, raw: str, queries: dict[str, Any], **params: Any) -> Any:
    query = "&".join(
        f"{name}={v}"
        for name, values in params.items()
        for v in (values if isinstance(values, list) else [values])
    )
    response = client.post(
        f"/api/yente/match/default?{query}",
        {"queries": queries},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"ApiKey {raw}",
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_a_match_request_writes_one_audit_entry_naming_the_key(
    client: Client, eu_belarus_list: None, key: tuple[Any, str]
) -> None:
    stored, raw = key
    _match(client, raw, {"a": QUERY, "b": {"schema": "Person", "properties": {"name": ["Hanna Kavalenka"]}}})
    entry = AuditEntry.objects.get(action="sanctions.screened")
    assert entry.detail["source"] == f"api.key:{stored.pk}" and entry.detail["parties"] == 2
    assert public.screened_name_hash("Hanna Kavalenka") in entry.detail["names"]
    assert "Kavalenka" not in str(entry.detail)


def test_exclude_entity_ids_drops_an_entity_the_caller_decided_on(
    client: Client, eu_belarus_list: None, key: tuple[Any, str]
) -> None:
    _, raw = key
    first = _match(client, raw, {"q": QUERY})["responses"]["q"]["results"][0]["id"]
    again = _match(client, raw, {"q": QUERY}, exclude_entity_ids=first)["responses"]["q"]["results"]
    assert first not in [result["id"] for result in again]


def test_a_decision_on_the_callers_counterparty_comes_back_with_the_result(
    client: Client, eu_belarus_list: None, key: tuple[Any, str], make_staff: Any
) -> None:
    stored, raw = key
    customer = {**QUERY, "id": "customer-42"}
    result = _match(client, raw, {"q": customer})["responses"]["q"]["results"][0]
    assert result["decision"] is None
    public.remember_decision(
        party_ref=f"api.key:{stored.pk}:customer-42",
        entity_id=result["id"],
        confirmed=False,
        reason="Customer born 1990",
        identity=public.current_identity(result["id"]),
        by=make_staff(Role.SANCTIONS_ANALYST),
    )
    again = _match(client, raw, {"q": customer})["responses"]["q"]["results"][0]
    assert again["decision"]["verdict"] == "false_positive" and not again["decision"]["listed_changed"]
    other = _match(client, raw, {"q": {**QUERY, "id": "customer-43"}})["responses"]["q"]["results"][0]
    assert other["decision"] is None


@pytest.mark.django_db(transaction=True)
def test_readyz_says_starting_until_the_index_is_built_then_ok(client: Client, eu_belarus_list: None) -> None:
    reset_screening_index()
    forget_started()
    first = client.get("/api/yente/readyz")
    assert first.status_code == 503 and first.json()["status"] == "starting"
    # Ready once every start-up step of this process is done (the screening index, and the ownership graph the
    # API explains deemed-sanctioned results with); on a busy machine that can take a while, never for ever.
    ready = first
    for _ in range(600):
        ready = client.get("/api/yente/readyz")
        if ready.status_code == 200:
            break
        time.sleep(0.1)
    assert public.index_ready()
    assert ready.status_code == 200 and ready.json()["entities"] > 0


@pytest.mark.django_db(transaction=True)
def test_readyz_waits_for_every_worker_of_the_server(
    client: Client, eu_belarus_list: None, tmp_path: Any, monkeypatch: Any
) -> None:
    """Under gunicorn one worker's index is not the service's readiness: /readyz stays 503 while another worker
    of the same master has not reported, and a worker that exits takes its report with it."""
    import os

    from hramada import gunicorn_conf
    from hramada.core.startup import READINESS_ENV

    monkeypatch.setenv(READINESS_ENV, str(tmp_path))
    gunicorn_conf.nworkers_changed(None, 2, None)
    public.warm_up()
    waiting = client.get("/api/yente/readyz")
    assert waiting.status_code == 503
    assert waiting.json() == {"status": "starting", "workers": 2, "workers_ready": 1}
    assert (tmp_path / str(os.getpid())).exists()  # this worker reported itself

    (tmp_path / "4242").touch()  # the other worker finished building
    ready = client.get("/api/yente/readyz")
    assert ready.status_code == 200 and ready.json()["workers_ready"] == 2

    class Exited:
        pid = 4242

    gunicorn_conf.child_exit(None, Exited())  # the master replaces it: the new one must build first
    assert client.get("/api/yente/readyz").status_code == 503
