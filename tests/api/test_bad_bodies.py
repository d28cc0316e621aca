"""Every oversized or malformed request body is a 4xx with a message, on every API operation, whether the caller
uses an API key or a staff session (with a key the body used to be read inside the API and answered 500)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from hramada.api.urls import api
from hramada.core.models import ApiKey
from hramada.core.roles import Role


def operations(method: str) -> list[str]:
    """Concrete paths of every API operation answering ``method``."""
    schema = api.get_openapi_schema(path_prefix="/api")
    paths = []
    for path, item in schema["paths"].items():
        if method.lower() in item:
            paths.append(path.replace("{dataset}", "default").replace("{entity_id}", "x"))
    return paths


POST_PATHS = operations("post")
ALL_PATHS = sorted({path for method in ("get", "post") for path in operations(method)})


@pytest.fixture
def key_client(make_staff: Any) -> Client:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="bad bodies")
    return Client(HTTP_AUTHORIZATION=f"ApiKey {raw}")


def assert_refused(response: Any, *statuses: int) -> None:
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["detail"]


def test_the_operations_taking_a_body_are_all_tested() -> None:
    assert "/api/yente/match/default" in POST_PATHS


@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
@pytest.mark.parametrize("path", POST_PATHS)
def test_an_oversized_body_with_an_api_key_is_413_with_a_message(key_client: Client, path: str) -> None:
    queries = {"q": {"schema": "Person", "properties": {"name": ["x" * 5000]}}}
    as_json = key_client.post(path, json.dumps({"queries": queries}), content_type="application/json")
    as_form = key_client.post(path, {"queries": json.dumps(queries)})
    # The body is refused as too large where the operation reads it; an operation reading a form field refuses a
    # JSON body for lacking that field, before reading it.
    assert_refused(as_json, 400, 413)
    assert_refused(as_form, 400, 413)
    assert 413 in (as_json.status_code, as_form.status_code)


@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
@pytest.mark.parametrize("path", POST_PATHS)
def test_an_oversized_body_in_a_staff_session_is_a_4xx(client: Client, make_staff: Any, path: str) -> None:
    from tests.conftest import sign_in_verified

    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    response = client.post(path, "x" * 5000, content_type="application/json")
    assert 400 <= response.status_code < 500


MALFORMED: list[tuple[str, bytes | str]] = [
    ("application/json", b"{not json"),
    ("application/json", b"\xff\xfe\x00garbage"),
    ("application/json", b"[]"),
    ("application/json", b'{"queries": "x"}'),
    ("application/json", b"1" * 500),
    ("application/json", b"[" * 900 + b"]" * 900),
    ("text/plain", b"hello"),
    ("application/x-www-form-urlencoded", b"a=1&" * 50),
    ("multipart/form-data; boundary=zz", b"--zz\r\nbroken"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", POST_PATHS)
@pytest.mark.parametrize(("content_type", "body"), MALFORMED)
def test_a_malformed_body_is_a_4xx_with_a_message(
    key_client: Client, path: str, content_type: str, body: bytes
) -> None:
    response = key_client.generic("POST", path, body, content_type=content_type)
    assert_refused(response, 400, 413, 415, 422)


@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=5)
@pytest.mark.parametrize("path", ALL_PATHS)
def test_too_many_query_fields_are_a_4xx_on_every_operation(key_client: Client, path: str) -> None:
    query = "&".join(f"f{n}=1" for n in range(50))
    response = key_client.get(f"{path}?{query}")
    assert response.status_code < 500, (path, response.status_code)
