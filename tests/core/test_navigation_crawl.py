"""Every page a role may open is linked from somewhere it can reach: a crawl from each role's dashboard, following
links only, in each language, must find every page without parameters that the access policy lets the role open
(pages with parameters, such as one application, are reached from the lists that these pages show)."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from hramada.core.access import Audience, Decision, check_access, rule_of
from hramada.core.roles import Role
from tests.conftest import sign_in_verified

LANGUAGES = ("en", "be", "ru")
MAX_PAGES = 300
# Pages under these prefixes are not for people to browse (the JSON API itself, static files, WebAuthn's endpoints).
NOT_PAGES = ("/static/", "/api/yente/", "/api/openapi.json", "/staff/webauthn/")


class _Links(HTMLParser):
    """Links of a page, and its visible text outside code, scripts and the language menu."""

    SKIP = frozenset({"code", "pre", "script", "style", "select", "template", "kbd"})

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
        if tag in self.SKIP:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.text.append(data.strip())


# Three English words in a row on a Belarusian or Russian page is a sentence someone forgot to translate.
ENGLISH_RUN = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,]+[a-z]{2,}){2,}\b")


def _parameterless_pages() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []

    def walk(patterns: Any, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not re.search(r"[<(^$\\]", route):
                found.append(("/" + route, pattern.callback))

    walk(get_resolver().url_patterns, "")
    return found


def pages_the_role_may_open(client: Any, user: Any) -> set[str]:
    """Parameterless staff pages the policy allows `user`, that answer a plain GET (not POST-only actions)."""
    expected = set()
    for path, view in _parameterless_pages():
        rule = rule_of(view)
        if rule is None or path.startswith(NOT_PAGES):
            continue
        if (
            rule.audience in (Audience.STAFF, Audience.STAFF_PENDING_MFA)
            and check_access(user, rule) is Decision.ALLOW
        ):
            # Sign-in steps redirect a verified user onwards and POST-only actions answer 405: neither is a page.
            if client.get(path).status_code == 200:
                expected.add(path)
    expected.add("/api/docs")  # staff-only documentation mounted by the API (its own access check)
    return expected


def crawl(client: Any, start: str, *, english: list[str] | None = None) -> tuple[set[str], list[str]]:
    """Paths reached by following links from `start`, and the pages that did not answer 200; with `english`,
    collect English sentences left on the pages."""
    seen: set[str] = set()
    broken: list[str] = []
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code in (301, 302):
            continue
        if response.status_code != 200:
            broken.append(f"{path} answered {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        if english is not None:
            for text in parser.text:
                english.extend(f"{path}: {match}" for match in ENGLISH_RUN.findall(text))
        for href in parser.hrefs:
            target = urlsplit(urljoin(path, href))
            if target.netloc and target.netloc != "testserver":
                continue
            if target.path.startswith(NOT_PAGES) or not target.path.startswith("/"):
                continue
            link = target.path + (f"?{target.query}" if target.query and "page=" not in target.query else "")
            if link not in seen:
                queue.append(link)
    return {urlsplit(path).path for path in seen}, broken


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_every_page_a_role_may_open_is_linked_from_its_dashboard(
    client: Any, make_staff: Any, role: Role, language: str
) -> None:
    user = make_staff(role)
    sign_in_verified(client, user)
    user.is_verified = lambda: True  # as OTPMiddleware marks the request's user after the second factor
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    expected = pages_the_role_may_open(client, user)
    english: list[str] = []
    reached, broken = crawl(client, "/staff/", english=None if language == "en" else english)
    assert not broken, f"{role.value} in {language}: broken pages: {broken}"
    assert not english, f"{role.value} in {language}: English left on the pages: {sorted(set(english))}"
    unlinked = sorted(expected - reached)
    assert not unlinked, (
        f"{role.value} in {language}: pages not linked from anything it can reach: {unlinked}"
    )
