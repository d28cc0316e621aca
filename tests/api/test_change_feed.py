"""The change feed a re-screening client polls (issue #14 item 7): every entity id a list added, amended or removed
since a time, paged with a cursor to the end of the feed, never capped at 10,000 as yente's search is. On yente's
own zala fixture imported as a user imports an FtM file, then a second version of the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from hramada.core.models import ApiKey
from hramada.core.roles import Role
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file

OSETROVA = "NK-2Tbri3s6GgNtAwsSXh4qpL"


@pytest.fixture
def two_versions(db: Any, shared_data: Path, tmp_path: Path) -> dict[str, Any]:
    """zala imported, then a version without one company, with Osetrova's record amended and one new person."""
    reset_screening_index()
    original = shared_data / "ftm/yente-zala-entities.ftm.json"
    entities = [
        json.loads(line) for line in original.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    import_file("ftm_json", original, by=None, dataset="zala")
    dropped = next(e for e in entities if e["schema"] == "Company")
    changed = []
    for entity in entities:
        if entity["id"] == dropped["id"]:
            continue
        if entity["id"] == OSETROVA:
            entity = {**entity, "properties": {**entity["properties"], "birthDate": ["1988-05-04"]}}
        changed.append(entity)
    changed.append(
        {"id": "zala-new-person", "schema": "Person", "properties": {"name": ["Ivan Testovich Novy"]}}
    )
    second = tmp_path / "zala-2.ftm.json"
    second.write_text("\n".join(json.dumps(e) for e in changed) + "\n", encoding="utf-8")
    from hramada.sanctions.models import Snapshot

    first_import = Snapshot.objects.get().imported_at
    import_file("ftm_json", second, by=None, dataset="zala")
    yield {"entities": entities, "dropped": dropped["id"], "first_import": first_import}
    reset_screening_index()


@pytest.fixture
def key(make_staff: Any) -> dict[str, str]:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="re-screening")
    return {"HTTP_AUTHORIZATION": f"ApiKey {raw}"}


def _feed(
    client: Client, key: dict[str, str], dataset: str = "default", **params: Any
) -> list[dict[str, Any]]:
    """Every page of the feed, following next_cursor to the end."""
    results: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(f"/api/yente/changes/{dataset}", query, **key)
        assert response.status_code == 200, response.content
        body = response.json()
        results.extend(body["results"])
        cursor = body["next_cursor"]
        if cursor is None:
            return results
    raise AssertionError("the feed never ended")


@pytest.mark.django_db
def test_changes_since_the_first_import_are_exactly_what_the_second_file_changed(
    client: Client, two_versions: dict[str, Any], key: dict[str, str]
) -> None:
    since = two_versions["first_import"].isoformat()
    changes = _feed(client, key, since=since, limit=2)
    assert {(c["id"], c["op"]) for c in changes} == {
        (two_versions["dropped"], "DEL"),
        (OSETROVA, "MOD"),
        ("zala-new-person", "ADD"),
    }
    assert all(c["dataset"] == "zala" and c["changed_at"] > since for c in changes)


@pytest.mark.django_db
def test_the_whole_feed_pages_to_its_end_without_repeating_or_losing_an_id(
    client: Client, two_versions: dict[str, Any], key: dict[str, str]
) -> None:
    one_page = client.get("/api/yente/changes/zala", {"limit": 10_000}, **key).json()
    assert one_page["next_cursor"] is None
    paged = _feed(client, key, "zala", limit=7)
    assert paged == one_page["results"]
    first = [c for c in paged if c["op"] == "ADD" and c["changed_at"] == paged[0]["changed_at"]]
    assert {c["id"] for c in first} == {e["id"] for e in two_versions["entities"]}  # the first file added all
    assert len(paged) == len(two_versions["entities"]) + 3
    # polling again from `until` finds nothing new
    assert _feed(client, key, "zala", since=one_page["until"]) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params", "status", "field"),
    [
        ("/api/yente/changes/no_such_list", {}, 404, "dataset"),
        ("/api/yente/changes/default", {"since": "yesterday"}, 422, "since:"),
        ("/api/yente/changes/default", {"cursor": "not-a-cursor"}, 400, "cursor"),
        ("/api/yente/changes/default", {"limit": 0}, 422, "limit"),
        ("/api/yente/changes/default", {"limit": 10_001}, 422, "limit"),
        ("/api/yente/changes/belarus", {}, 400, "dataset"),
    ],
)
def test_bad_feed_requests_are_refused_naming_the_parameter(
    client: Client,
    two_versions: dict[str, Any],
    key: dict[str, str],
    path: str,
    params: Any,
    status: int,
    field: str,
) -> None:
    response = client.get(path, params, **key)
    assert response.status_code == status, response.content
    assert field in json.dumps(response.json()) or status == 404
