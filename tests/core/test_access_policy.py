"""Deny by default: every URL of the platform is enumerated and tried as every kind of visitor."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from hramada.core.access import Audience, check_access, rule_of
from hramada.core.roles import Role
from tests.conftest import sign_in_verified

SAMPLE_BY_CONVERTER = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "path": "x",
}


def _concrete(route: str) -> str:
    def fill(match: re.Match[str]) -> str:
        converter = match.group(1) or "str"
        return SAMPLE_BY_CONVERTER.get(converter, "1")

    path = re.sub(r"<(?:(\w+):)?\w+>", fill, route)
    # Regex routes (admin): take the simplest string they match.
    path = path.replace("^", "").replace("$", "").replace("\\Z", "")
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path)
    path = re.sub(r"\([^)]*\)", "x", path)
    return path.replace("\\", "")


def all_views() -> Iterator[tuple[str, Any]]:
    def walk(patterns: Any, prefix: str) -> Iterator[tuple[str, Any]]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield "/" + _concrete(route), pattern.callback

    yield from walk(get_resolver().url_patterns, "")


VIEWS = list(all_views())


def test_every_view_declares_who_may_use_it() -> None:
    undeclared = [path for path, view in VIEWS if rule_of(view) is None]
    assert undeclared == [], f"views without an access declaration: {undeclared}"


def test_a_view_without_a_declaration_is_refused_to_everyone() -> None:
    class Admin:
        is_authenticated = True
        is_staff_member = True
        is_applicant = False
        must_change_password = False
        roles = frozenset(Role)

        def is_verified(self) -> bool:
            return True

        def has_role(self, *roles: Role) -> bool:
            return True

    assert check_access(Admin(), None).value == "deny"


STAFF_PATHS = [(path, view) for path, view in VIEWS if rule_of(view).audience is Audience.STAFF]
STAFF_IDS = [path for path, _ in STAFF_PATHS]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "view"), STAFF_PATHS, ids=STAFF_IDS)
def test_no_staff_page_is_reachable_anonymously(client: Any, path: str, view: Any) -> None:
    response = client.get(path)
    assert response.status_code in {302, 403, 404, 405}, path
    if response.status_code == 302:
        assert "/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "view"), STAFF_PATHS, ids=STAFF_IDS)
def test_no_staff_page_is_reachable_by_an_applicant(
    client: Any, make_applicant: Any, path: str, view: Any
) -> None:
    client.force_login(make_applicant())
    assert client.get(path).status_code == 403, path


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "view"), STAFF_PATHS, ids=STAFF_IDS)
def test_no_staff_page_is_reachable_without_a_second_factor(
    client: Any, make_staff: Any, path: str, view: Any
) -> None:
    client.force_login(make_staff(*Role))
    response = client.get(path)
    assert response.status_code == 302 and "/staff/mfa/" in response["Location"], path


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_staff_pages_refuse_every_role_they_do_not_name(client: Any, make_staff: Any, role: Role) -> None:
    sign_in_verified(client, make_staff(role))
    for path, view in STAFF_PATHS:
        allowed = role in rule_of(view).roles
        status = client.get(path).status_code
        if not allowed:
            assert status == 403, f"{role} reached {path}"
        else:
            assert status != 403, f"{role} refused at {path}, which names it"


@pytest.mark.django_db
def test_applicant_pages_refuse_staff(client: Any, make_staff: Any) -> None:
    sign_in_verified(client, make_staff(*Role))
    for path, view in VIEWS:
        if rule_of(view).audience is Audience.APPLICANT:
            assert client.get(path).status_code == 403, path
