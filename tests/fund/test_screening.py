"""The fund's screening interface against the real engine and a small index of listed people."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.fund import screening
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
def index(monkeypatch: pytest.MonkeyPatch) -> Any:
    built = ScreeningIndex.from_entities(LISTED)
    monkeypatch.setattr(screening, "_loaded_index", lambda: built)
    return built


def test_lukashenko_in_russian_spelling_matches_the_listed_lukashenka(index: Any) -> None:
    matches = screening.screen_party("Alexander Lukashenko", kind="applicant")
    assert matches and matches[0].entity_id == "eu-lukashenka"
    assert matches[0].explanation


def test_an_unrelated_payee_has_no_match(index: Any) -> None:
    assert screening.screen_party("Hanna Kavalenka", kind="payee") == []


def test_an_empty_name_is_not_screened() -> None:
    assert screening.screen_party("   ") == []


def test_without_an_imported_list_screening_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screening, "_loaded_index", lambda: None)
    assert screening.screen_party("Alexander Lukashenko") == []


@pytest.mark.django_db
def test_a_new_sanctions_snapshot_rescreens_open_applications(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.apps import apps
    from django.db.models.signals import post_save

    from hramada.fund.models import ScreeningHold
    from tests.fund import factories

    prog = factories.programme()
    app = factories.submitted(prog, contact_name="Alexander Lukashenko")
    assert not ScreeningHold.objects.exists()
    snapshot_model = apps.get_model("sanctions", "Snapshot")
    hit = [screening.PossibleMatch("eu-lukashenka", "Aliaksandr LUKASHENKA", 0.93, "names agree")]
    with screening.use_screener(lambda *args: hit), django_capture_on_commit_callbacks(execute=True):
        post_save.send(sender=snapshot_model, instance=snapshot_model(), created=True)
    assert ScreeningHold.objects.filter(application=app, status="open").count() == 1
