"""No request an outsider or a signed-in user can send makes the platform answer 500.

Every URL the platform resolves is tried with path values out of range or of the wrong type, with every method,
with query strings and bodies of the wrong type, encoding or size; every form the pages show is sent back with
each field holding such a value; as a staff member holding every role, as an applicant and anonymously. The test
walk collects every request answered 5xx and lists them all (the log above the failure shows each traceback).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hramada.core.roles import Role
from tests.conftest import sign_in_verified
from tests.fund import factories as fund_factories

# Not for people or forms: logging out would end the walk's own session; static files and WebAuthn's JSON steps
# are other libraries' code with their own tests.
SKIPPED = ("/static/", "/staff/logout", "/staff/webauthn/")
# /api/yente/readyz answers 503 by design until the screening index is loaded (yente's behaviour).
NOT_READY_BY_DESIGN = "/api/yente/readyz"

# Path values: the smallest and a non-existent id, one past a 64-bit key, and text where a number or a key is
# expected (NUL, a right-to-left override, a stray percent sign, a traversal, a long value).
INT_VALUES = ("0", "99999999999999999999")
STR_VALUES = ("abc", "%00", "%E2%80%AE", "..%2F..%2Fetc", "a" * 600)

# Query strings of the wrong type, repeated, or not UTF-8.
QUERIES = (
    "?page=abc&page=-1&q=%00&format=xyz&status=%FF&state=%FE&year=abc",
    "?next=//evil.example/&source=99999999999999999999&dossier=%C2%B2&incident=abc&years=1e9",
)

# A field's value in a form sent back: each one alone in every field of the form.
FIELD_VALUES = ("abc", "²", "99999999999999999999", "a\x00b", "2026-13-45", "x" * 5000, "")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attributes.get("action") or "",
                "method": (attributes.get("method") or "get").lower(),
                "fields": [],
            }
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea", "button"):
            name = attributes.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._form["fields"].append((name, attributes.get("value") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def routes() -> Iterator[str]:
    def walk(patterns: Any, prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield "/" + route

    for route in walk(get_resolver().url_patterns, ""):
        if not route.startswith(SKIPPED):
            yield route


ROUTES = sorted(set(routes()))
PARAMETERLESS = [route for route in ROUTES if "<" not in route]


def with_values(route: str) -> list[str]:
    """The route with its parameters filled: every parameter with each value of its kind, the others with 1."""
    params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    filled = []
    for index, (converter, _name) in enumerate(params):
        values = INT_VALUES if converter == "id" else STR_VALUES
        for value in values:
            path = route
            for other, (_converter, other_name) in enumerate(params):
                replacement = value if other == index else "1"
                path = re.sub(rf"<(?:\w+:)?{other_name}>", replacement, path, count=1)
            filled.append(path)
    return filled


class Walk:
    """A client that notes every request answered with a server error instead of stopping at the first."""

    def __init__(self, client: Client) -> None:
        client.raise_request_exception = False
        self.client = client
        self.failures: list[str] = []
        self.sent = 0

    def send(self, method: str, path: str, *args: Any, **kwargs: Any) -> Any:
        response = getattr(self.client, method)(path, *args, **kwargs)
        self.sent += 1
        if response.status_code >= 500 and not (
            path.startswith(NOT_READY_BY_DESIGN) and response.status_code == 503
        ):
            body = args[0] if args else ""
            self.failures.append(f"{method.upper()} {path} {str(body)[:60]!r} -> {response.status_code}")
        return response


def send_forms_back(walk: Walk, page: str) -> int:
    """Send every form on `page` back with each field holding each of FIELD_VALUES; the number of requests."""
    response = walk.send("get", page)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return 0
    parser = _Page()
    parser.feed(response.content.decode())
    sent = 0
    seen = set()
    for form in parser.forms:
        target = urlsplit(urljoin(page, form["action"]))
        if target.netloc or target.path.startswith(SKIPPED):
            continue
        names = tuple(sorted({name for name, _ in form["fields"]}))
        if (target.path, names) in seen or not names:
            continue
        seen.add((target.path, names))
        method = "post" if form["method"] == "post" else "get"
        for value in FIELD_VALUES:
            walk.send(method, target.path, dict.fromkeys(names, value))
            sent += 1
    return sent


def try_everything(walk: Walk, pages: list[str]) -> int:
    """Every route with malformed path values, methods, bodies and queries, then every form on `pages` sent back
    with malformed fields; the number of form submissions."""
    for route in ROUTES:
        paths = with_values(route) if "<" in route else [route]
        for path in paths:
            walk.send("get", path)
            walk.send("post", path)
        # The other methods and bodies once per route: a view reads its body before it looks at the record.
        for method in ("put", "delete"):
            walk.send(method, paths[0])
        walk.send("post", paths[0], b"\xff\xfe=\x00%ff", content_type="application/x-www-form-urlencoded")
        walk.send("post", paths[0], '{"a": [', content_type="application/json")
    for route in PARAMETERLESS:
        for query in QUERIES:
            walk.send("get", route + query)
    return sum(send_forms_back(walk, page) for page in pages)


@pytest.fixture
def some_records(db: Any) -> dict[str, Any]:
    """A programme with a submitted application, so the pages with its id have something to show."""
    programme = fund_factories.programme()
    fund_factories.envelope(programme)
    application = fund_factories.submitted(programme)
    return {"application": application}


@pytest.mark.django_db
def test_no_request_from_staff_with_every_role_answers_500(
    client: Client, make_staff: Any, some_records: dict[str, Any]
) -> None:
    sign_in_verified(client, make_staff(*Role))
    walk = Walk(client)
    forms_sent = try_everything(
        walk, [*PARAMETERLESS, f"/fund/applications/{some_records['application'].pk}/"]
    )
    assert walk.failures == []
    assert forms_sent > 200, "the walk found too few forms to try"


@pytest.mark.django_db
def test_no_request_from_an_applicant_answers_500(client: Client, some_records: dict[str, Any]) -> None:
    application = some_records["application"]
    client.force_login(application.applicant.user)
    walk = Walk(client)
    forms_sent = try_everything(walk, [*PARAMETERLESS, f"/apply/applications/{application.pk}/"])
    assert walk.failures == []
    assert forms_sent > 0


@pytest.mark.django_db
def test_no_anonymous_request_answers_500(client: Client) -> None:
    walk = Walk(client)
    forms_sent = try_everything(walk, PARAMETERLESS)
    assert walk.failures == []
    assert forms_sent > 0


# Buttons that name a record in a hidden field: the value sent back may be anything (these answered 500 for `abc`).
@pytest.mark.django_db
@pytest.mark.parametrize("key_id", ["abc", "²", "99999999999999999999", ""])
def test_revoking_an_api_key_by_a_malformed_id_revokes_nothing(
    client: Client, make_staff: Any, key_id: str
) -> None:
    from hramada.core.models import ApiKey

    admin = make_staff(Role.ADMINISTRATOR)
    key, _raw = ApiKey.issue(owner=admin, name="kept")
    sign_in_verified(client, admin)
    own = client.post("/staff/security/", {"action": "revoke_key", "key_id": key_id})
    other = client.post(f"/staff/accounts/{admin.pk}/", {"action": "revoke_key", "key_id": key_id})
    assert own.status_code == 200
    assert other.status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["abc", "²", "99999999999999999999"])
def test_a_dossier_for_a_malformed_group_is_refused_with_a_message(
    client: Client, make_staff: Any, group: str
) -> None:
    from hramada.evidence import services
    from hramada.evidence.models import Dossier, PerpetratorKind

    documenter = make_staff(Role.DOCUMENTER)
    judge = services.add_perpetrator(name="Ivan Vydumanny", kind=PerpetratorKind.JUDGE, by=documenter)
    sign_in_verified(client, documenter)
    response = client.post(f"/evidence/perpetrators/{judge.pk}/dossier/", {"group": group}, follow=True)
    assert response.status_code == 200
    assert "Choose your group" in response.content.decode()
    assert not Dossier.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "abc", "99999999999999999999"])
def test_a_malformed_dossier_or_proposal_id_names_none(client: Client, make_staff: Any, value: str) -> None:
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    assert client.get(f"/rapid/new/?dossier={value}").status_code == 200
    response = client.post("/rapid/package/", {"proposal": [value, "1"]}, follow=True)
    assert response.status_code == 200
    assert "Choose at least one approved proposal" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_character_names_no_page_in_the_path_and_is_a_bad_request_in_the_query(
    client: Client, make_staff: Any
) -> None:
    # PostgreSQL cannot hold NUL in text: these reached a query and answered 500 there.
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    for path in (
        "/sanctions/entities/%00/1/",
        "/sanctions/entities/1/%00/",
        "/sanctions/sources/%00/compare/",
    ):
        assert client.get(path).status_code == 404, path
    refused = client.get("/monitoring/?owner=a%00b")
    assert refused.status_code == 400
    assert "Traceback" not in refused.content.decode()
    assert client.get("/monitoring/?owner=ab").status_code == 200


@pytest.mark.django_db
def test_the_api_answers_a_nul_character_itself_as_its_description_says(
    client: Client, make_staff: Any
) -> None:
    from hramada.core.models import ApiKey

    _, raw = ApiKey.issue(owner=make_staff(Role.SANCTIONS_ANALYST), name="nul")
    answer = client.get("/api/yente/search/default?q=a%00b", headers={"Authorization": f"ApiKey {raw}"})
    assert answer.status_code < 500 and answer["Content-Type"].startswith("application/json")
