"""An alert names its counterparty for every analyst, and links to the page where it is worked only for those who
may open that page: an analyst does not get a link into a donor's registry record that answers "not authorised"."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from hramada.core.roles import Role
from hramada.monitoring.models import Alert
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def _alert() -> Alert:
    return Alert.objects.create(
        kind=Alert.Kind.POSSIBLE_MATCH,
        ref="registry:record:11",
        owner="registry",
        label="Recipient of a grant",
        url=reverse("registry:record", args=[11]),
        entity_id="ofac-1",
        caption="Listed company",
        score=0.9,
    )


@pytest.mark.parametrize("page", ["inbox", "alert"])
def test_the_counterparty_is_named_but_not_linked_where_the_analyst_may_not_go(
    client: Any, make_staff: Any, page: str
) -> None:
    alert = _alert()
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    url = reverse("monitoring:inbox") if page == "inbox" else reverse("monitoring:alert", args=[alert.pk])
    html = client.get(url).content.decode()
    assert "Recipient of a grant" in html
    assert alert.url not in html
    assert client.get(alert.url).status_code == 403  # the page the link would have led to


def test_a_reader_who_may_open_the_owners_page_follows_the_link(client: Any, make_staff: Any) -> None:
    alert = _alert()
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST, Role.DONOR_COORDINATOR))
    html = client.get(reverse("monitoring:alert", args=[alert.pk])).content.decode()
    assert f'href="{alert.url}"' in html


@pytest.mark.parametrize(("language", "owner"), [("en", "Grants registry"), ("be", "Рэестр грантаў")])
def test_the_inbox_and_the_alert_name_the_owning_app_in_the_readers_language(
    client: Any, make_staff: Any, settings: Any, language: str, owner: str
) -> None:
    from django.utils import translation

    alert = _alert()
    sign_in_verified(client, make_staff(Role.SANCTIONS_ANALYST))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        expected = owner
    for url in (reverse("monitoring:inbox"), reverse("monitoring:alert", args=[alert.pk])):
        html = client.get(url).content.decode()
        assert expected in html, url
        assert ">registry<" not in html, url
