"""The OpenAPI description is the contract: schemathesis generates requests for every operation from it and
checks that no answer is a 5xx and every answer (status code, headers, body) is what the description says.
Bounded for CI: a fixed, small number of examples per operation, no deadline."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from hramada.api.urls import api
from hramada.core.models import ApiKey
from hramada.core.roles import Role
from hramada.wsgi import application

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))
schema.app = application

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]
# Not yet: the ranges the server enforces itself with a 400 (limit 1-500, threshold and cutoff 0-1, a known
# algorithm, at least one query) are not in the description, so schema-valid data can still be refused.
EXCLUDED = [checks.positive_data_acceptance]


@pytest.fixture
def key_header(make_staff: Any) -> dict[str, str]:
    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="schemathesis")
    return {"Authorization": f"ApiKey {raw}"}


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_as_its_description_says(case: Any, key_header: dict[str, str]) -> None:
    case.call_and_validate(headers=key_header, checks=CHECKS, excluded_checks=EXCLUDED)
