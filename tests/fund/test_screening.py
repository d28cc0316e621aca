"""The fund's screening interface against the real engine and a small index of listed people."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.fund import screening
from hramada.sanctions import live_index
from hramada.screening import ScreeningIndex

LISTED = [
    {
        "id": "eu-lukashenka",
        "schema": "Person",
        "properties": {
            "name": ["Аляксандр Рыгоравіч ЛУКАШЭНКА", "Aliaksandr LUKASHENKA"],
            "birthDate": ["1954-08-30"],
        },
    },
    {"id": "eu-belaz", "schema": "Company", "properties": {"name": ["OAO BELAZ"]}},
]


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch, db: Any) -> Any:
    built = ScreeningIndex.from_entities(LISTED)
    monkeypatch.setattr(live_index, "screening_index", lambda: built)
    return built


def test_lukashenko_in_russian_spelling_matches_the_listed_lukashenka(index: Any) -> None:
    matches = screening.screen_party("Alexander Lukashenko", kind="applicant")
    assert matches and matches[0].entity_id == "eu-lukashenka"
    assert matches[0].explanation


def test_an_unrelated_payee_has_no_match(index: Any) -> None:
    assert screening.screen_party("Hanna Kavalenka", kind="payee") == []


def test_an_empty_name_is_not_screened() -> None:
    assert screening.screen_party("   ") == []


@pytest.mark.django_db
def test_without_an_imported_list_screening_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live_index, "screening_index", ScreeningIndex)
    assert screening.screen_party("Alexander Lukashenko") == []


@pytest.mark.django_db
def test_a_new_listing_holds_an_open_application_through_the_monitoring_of_list_changes(
    tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """One path for every list change: the monitoring screens the delta against the fund's parties and the
    fund raises its hold on the flip (no re-screen of every application of its own)."""
    from hramada.fund.models import ScreeningHold
    from hramada.monitoring import rescreen
    from hramada.sanctions.services import import_file
    from tests.fund import factories
    from tests.monitoring.conftest import EU_LIST, NAUMOV, NAUMOV_RU, eu_list_without

    live_index.reset_screening_index()
    rescreen.forget_index()
    with django_capture_on_commit_callbacks(execute=True):
        import_file("eu_journal", eu_list_without(tmp_path, NAUMOV), by=None)
    app = factories.submitted(factories.programme(), contact_name=NAUMOV_RU)
    assert not ScreeningHold.objects.exists(), "not listed yet"
    with django_capture_on_commit_callbacks(execute=True):
        import_file("eu_journal", EU_LIST, by=None)
    assert ScreeningHold.objects.filter(application=app, status="open").count() == 1
    live_index.reset_screening_index()
    rescreen.forget_index()
