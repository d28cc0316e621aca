"""The applicant's and the fund staff's main pages, rendered in Belarusian and Russian with real content (a grant,
a tranche, a message from the fund written while staff used English), show no English sentence."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Application, Programme
from tests.conftest import sign_in_verified
from tests.core.test_navigation_crawl import ENGLISH_RUN, _Links
from tests.fund import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _restore_language() -> Any:
    """Requests activate the reader's language in this thread; give the next test the default back."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


# What the applicant wrote (quoted in the acknowledgement letter before the test renamed it) is not the platform's.
APPLICANTS_OWN_WORDS = "Printing costs after a raid"


def english_left(client: Client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    parser = _Links()
    parser.feed(response.content.decode())
    texts = [text.replace(APPLICANTS_OWN_WORDS, "") for text in parser.text]
    return [f"{path}: {match}" for text in texts for match in ENGLISH_RUN.findall(text)]


@pytest.mark.parametrize("language", ["be", "ru"])
def test_the_main_fund_pages_speak_the_readers_language(
    client: Client, make_staff: Any, language: str
) -> None:
    prog = factories.programme()
    Programme.objects.filter(pk=prog.pk).update(
        name="Civil society support",
        name_be="Падтрымка грамадзянскай супольнасці",
        name_ru="Поддержка гражданского общества",
    )
    factories.envelope(prog)
    manager = make_staff(Role.FUND_MANAGER)
    with translation.override("en"):  # staff work in English; the applicant reads their own language
        reviewers = [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]
        app: Any = factories.recommended(prog, reviewers, language=language)
        # The applicant's own words are theirs to choose: make them Belarusian so only the platform's text counts.
        Application.objects.filter(pk=app.pk).update(title="Друк пасля ператрусу", summary="Тэхніку забралі.")
        app.refresh_from_db()
        services.approve(app, by=manager)
        services.send_message(app, body="Трымайцеся", by=manager)
    user = app.applicant.user
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    applicant = Client()
    applicant.force_login(user)
    applicant.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    left = []
    for path in (
        reverse("fund_portal:home"),
        reverse("fund_portal:application", args=[app.pk]),
        reverse("fund_portal:new", args=["rapid"]),
    ):
        left += english_left(applicant, path)
    sign_in_verified(client, manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for path in (
        reverse("fund:overview"),
        reverse("fund:application", args=[app.pk]),
        reverse("fund:queue_rapid"),
    ):
        left += english_left(client, path)
    assert not left, f"English left on {language} pages: {left}"
