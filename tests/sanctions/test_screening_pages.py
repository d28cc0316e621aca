"""The screening page: an analyst screens one name and reads why it matched."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.sanctions import public
from hramada.sanctions.live_index import reset_screening_index
from hramada.sanctions.services import import_file


@pytest.fixture
def eu_belarus_list(db: Any, shared_data: Any) -> Any:
    reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    yield
    reset_screening_index()


@pytest.mark.django_db
def test_screening_sheyman_finds_sheiman_and_explains_why(staff_client: Any, eu_belarus_list: Any) -> None:
    client = staff_client(Role.FUND_MANAGER)
    page = client.post("/screening/", {"name": "Виктор Шейман", "schema": "Person", "profile": "screening"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "SHEIMAN" in text.upper()
    assert "Name similarity" in text and "name_similarity" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "feature"), [("be", "Падабенства імёнаў"), ("ru", "Сходство имён")])
def test_the_explanation_names_its_features_in_the_readers_language(
    staff_client: Any, eu_belarus_list: Any, settings: Any, language: str, feature: str
) -> None:
    client = staff_client(Role.FUND_MANAGER)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.post("/screening/", {"name": "Виктор Шейман", "schema": "Person", "profile": "screening"})
    text = page.content.decode()
    assert feature in text and "Name similarity" not in text and "name_similarity" not in text


@pytest.mark.django_db
def test_an_empty_query_gets_a_clear_error(staff_client: Any, eu_belarus_list: Any) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    page = client.post(
        "/screening/", {"name": "", "identifiers": "", "schema": "Person", "profile": "screening"}
    )
    assert page.status_code == 200
    assert "Give a name or at least one identifier." in page.content.decode()


@pytest.mark.django_db
def test_an_impossible_birth_date_is_named_in_the_error(staff_client: Any, eu_belarus_list: Any) -> None:
    client = staff_client(Role.SANCTIONS_ANALYST)
    page = client.post(
        "/screening/",
        {"name": "Ivan", "birth_date": "1999-13-45", "schema": "Person", "profile": "screening"},
    )
    assert page.status_code == 200
    assert "birth" in page.content.decode().lower()


@pytest.mark.django_db
def test_each_screening_is_written_to_the_audit_log(staff_client: Any, eu_belarus_list: Any) -> None:
    from hramada.core.models import AuditEntry

    client = staff_client(Role.SANCTIONS_ANALYST)
    client.post("/screening/", {"name": "Lukashenka", "schema": "Person", "profile": "screening"})
    entry = AuditEntry.objects.get(action="sanctions.screened")
    assert entry.detail["source"] == "page.screen" and entry.detail["purpose"] == "onboarding"
    assert entry.detail["names"] == [public.screened_name_hash("Lukashenka")]
    assert "Lukashenka" not in str(entry.detail)


@pytest.mark.django_db
def test_a_name_in_the_url_is_never_screened_or_echoed(staff_client: Any, eu_belarus_list: Any) -> None:
    """Names travel in the POST body only: a URL lands in access logs and browser history."""
    from hramada.core.models import AuditEntry

    client = staff_client(Role.SANCTIONS_ANALYST)
    page = client.get("/screening/", {"name": "Zmitser Urlname", "schema": "Person", "profile": "screening"})
    assert page.status_code == 200
    assert 'value="Zmitser Urlname"' not in page.content.decode()
    assert page.context["results"] is None
    assert not AuditEntry.objects.filter(action="sanctions.screened").exists()
    form = page.content.decode().split('<form method="post" class="form card"', 1)
    assert len(form) == 2, "the screening form posts its fields"
    posted = client.post("/screening/", {"name": "Lukashenka", "schema": "Person", "profile": "screening"})
    assert posted["Cache-Control"] == "no-store"
