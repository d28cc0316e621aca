"""The pages as people use them: draft from a dossier, legal review and approval by others, refusals shown as
messages, exports and the package downloaded, adoption recorded, policy and relief pages."""

from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from hramada.rapid.models import Proposal
from hramada.rapid.workflow import State
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def _as(client: Any, user: Any) -> Any:
    client.logout()
    return sign_in_verified(client, user)


def _messages(response: Any) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_a_proposal_goes_from_a_dossier_through_three_people_to_export_and_adoption(
    client: Any, team: Any
) -> None:
    _as(client, team.drafter)
    page = client.get(reverse("rapid:new") + f"?dossier={team.dossier.pk}")
    assert page.status_code == 200
    response = client.post(
        reverse("rapid:new"),
        {
            "origin": "dossier",
            "dossier": team.dossier.pk,
            "trigger_kind": "arrests",
            "triggered_on": timezone.localdate().isoformat(),
            "criterion": "human_rights",
            "subject_kind": "Person",
            "name_ru": "Иван Тестовый",
            "token": str(uuid.uuid4()),
        },
        follow=True,
    )
    proposal = Proposal.objects.get()
    assert "started" in _messages(response)
    opened = client.post(reverse("rapid:reveal", args=[proposal.pk]))
    assert "Ivan Testavy" in opened.content.decode()
    client.post(reverse("rapid:submit", args=[proposal.pk]))

    refused = client.post(reverse("rapid:review", args=[proposal.pk]))
    assert refused.status_code == 403, "legal review is a legal reviewer's step, not the drafting analyst's"
    _as(client, team.reviewer)
    client.post(reverse("rapid:review", args=[proposal.pk]), {"note": "ok"})
    refused = client.post(reverse("rapid:approve", args=[proposal.pk]))
    assert refused.status_code == 403, "the legal reviewer does not approve"
    _as(client, team.approver)
    client.post(reverse("rapid:approve", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.state == State.APPROVED

    csv = client.post(reverse("rapid:export_eu", args=[proposal.pk]))
    assert csv["Content-Type"].startswith("text/csv")
    assert "Ivan Testavy" in csv.content.decode()
    checked = client.post(reverse("rapid:check_reimport", args=[proposal.pk]), follow=True)
    assert "EU journal importer read the export" in _messages(checked)
    ftm = client.post(reverse("rapid:export_ftm", args=[proposal.pk]))
    assert proposal.entity_id in ftm.content.decode()
    package = client.post(reverse("rapid:package"), {"proposal": [proposal.pk]})
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(package.content)).namelist()

    adopted = client.post(
        reverse("rapid:adopt", args=[proposal.pk]),
        {"adopted_on": timezone.localdate().isoformat(), "act": "32026R0001", "entry_number": 12},
        follow=True,
    )
    assert "published in the local list" in _messages(adopted)
    proposal.refresh_from_db()
    assert proposal.state == State.ADOPTED
    assert client.get(reverse("rapid:overview")).status_code == 200


def test_adopting_a_draft_is_refused_with_a_message(client: Any, team: Any, from_dossier: Any) -> None:
    _as(client, team.approver)
    response = client.post(
        reverse("rapid:adopt", args=[from_dossier.pk]),
        {"adopted_on": timezone.localdate().isoformat(), "act": "32026R0001", "entry_number": 3},
    )
    assert response.status_code == 200
    assert "Only an approved proposal can be adopted" in _messages(response)


def test_an_unapproved_proposal_cannot_be_exported(client: Any, team: Any, from_dossier: Any) -> None:
    _as(client, team.approver)
    assert client.post(reverse("rapid:export_eu", args=[from_dossier.pk])).status_code == 404


def test_policy_and_relief_pages_answer_and_only_administrators_change_targets(
    client: Any, team: Any
) -> None:
    _as(client, team.drafter)
    assert client.get(reverse("rapid:clock_policy")).status_code == 200
    assert (
        client.post(reverse("rapid:clock_policy"), {"kind": "arrests", "target_days": 3}).status_code == 404
    )
    relief = client.get(reverse("rapid:relief"))
    assert relief.status_code == 200 and "<svg" in relief.content.decode()
    _as(client, team.admin)
    client.post(reverse("rapid:clock_policy"), {"kind": "arrests", "target_days": 3})
    client.post(reverse("rapid:relief"), {"action": "target", "key": "new_detentions", "target": 5})
    from hramada.rapid import selectors

    assert selectors.clock_targets()["arrests"] == 3
    assert selectors.benchmark_targets()["new_detentions"] == 5


def test_drafting_relief_on_the_page_attaches_the_statuses(client: Any, team: Any) -> None:
    _as(client, team.drafter)
    response = client.post(
        reverse("rapid:relief"),
        {"scope": "sector", "sector": "potash", "rationale": "Ease exports.", "acknowledge": "on"},
        follow=True,
    )
    assert response.status_code == 200
    from hramada.rapid.models import ReliefRecommendation

    recommendation = ReliefRecommendation.objects.get()
    assert len(recommendation.benchmarks) == 4


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("be", "Прапановы аб уключэнні ў спіс"),
        ("ru", "Предложения о включении в список"),
        ("en", "Listing proposals"),
    ],
)
def test_the_pages_speak_the_reader_s_language(client: Any, team: Any, language: str, expected: str) -> None:
    _as(client, team.drafter)
    response = client.get(reverse("rapid:overview"), HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()


def test_an_auditor_reads_a_proposal_without_the_buttons_of_steps_they_may_not_take(
    client: Any, team: Any, from_dossier: Any, make_staff: Any
) -> None:
    from hramada.core.roles import Role

    _as(client, make_staff(Role.AUDITOR, username="auditor"))
    page = client.get(reverse("rapid:proposal", args=[from_dossier.pk])).content.decode()
    assert from_dossier.reference in page
    assert "submit-review" not in page and "Link evidence" not in page
    assert client.post(reverse("rapid:submit", args=[from_dossier.pk])).status_code in (403, 404)


def test_the_dashboard_shows_an_overdue_proposal_to_analysts(client: Any, team: Any) -> None:
    from datetime import timedelta

    from hramada.rapid import services

    late = services.start_proposal(
        by=team.drafter,
        origin="event",
        trigger_kind="deployment",
        triggered_at=timezone.now() - timedelta(days=30),
        subject={"name": "Late Subject"},
    )
    _as(client, team.reviewer)
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "Rapid response: listing proposals" in page
    assert late.reference in page and "overdue" in page


def test_a_refused_new_proposal_keeps_what_was_typed(client: Any, team: Any) -> None:
    _as(client, team.drafter)
    response = client.post(
        reverse("rapid:new"),
        {
            "origin": "research",
            "trigger_kind": "research",
            "triggered_on": timezone.localdate().isoformat(),
            "criterion": "war_support",
            "subject_kind": "Person",
            "name_be": "Пятро Ласкавы",
            "reasons": "Organised rail transit of Russian armour.",
            "token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 200
    assert "Latin letters" in _messages(response)
    page = response.content.decode()
    assert "Пятро Ласкавы" in page and "Organised rail transit of Russian armour." in page
    assert not Proposal.objects.exists()


def test_the_legal_review_button_is_shown_to_the_legal_reviewer_only(
    client: Any, team: Any, from_dossier: Any
) -> None:
    from hramada.rapid import services

    services.submit_for_review(from_dossier, by=team.drafter)
    page = reverse("rapid:proposal", args=[from_dossier.pk])
    _as(client, team.reviewer)
    assert 'id="record-review"' in client.get(page).content.decode()
    _as(client, team.approver)
    assert 'id="record-review"' not in client.get(page).content.decode()


def test_the_proposal_page_shows_who_did_which_step_and_the_notes_they_left(
    client: Any, team: Any, from_dossier: Any
) -> None:
    from hramada.rapid import services

    services.submit_for_review(from_dossier, by=team.drafter)
    services.return_to_draft(
        from_dossier, by=team.reviewer, note="Name the court and the dates of the sentences."
    )
    services.submit_for_review(from_dossier, by=team.drafter)
    services.record_legal_review(from_dossier, by=team.reviewer, note="Criterion (a) holds.")
    services.approve(from_dossier, by=team.approver)
    _as(client, team.drafter)
    page = client.get(reverse("rapid:proposal", args=[from_dossier.pk])).content.decode()
    history = page.split('id="history"', 1)[1]
    steps = [
        ("drafter", "Proposal started"),
        ("drafter", "Sent for legal review"),
        ("reviewer", "Returned to the drafter"),
        ("drafter", "Sent for legal review"),
        ("reviewer", "Legal review passed"),
        ("approver", "Approved"),
    ]
    at = 0
    for person, step in steps:
        found = history.find(f"{step}: <strong>{person}</strong>", at)
        assert found > at, f"{person} {step}, in order"
        at = found
    opened = client.post(reverse("rapid:reveal", args=[from_dossier.pk])).content.decode()
    assert "Criterion (a) holds." in opened
    assert "Name the court and the dates of the sentences." in opened


def test_someone_else_s_draft_shows_no_drafting_buttons(client: Any, team: Any, from_dossier: Any) -> None:
    _as(client, team.approver)
    page = client.get(reverse("rapid:proposal", args=[from_dossier.pk])).content.decode()
    assert "submit-review" not in page and "Link evidence" not in page
    _as(client, team.drafter)
    page = client.get(reverse("rapid:proposal", args=[from_dossier.pk])).content.decode()
    assert "submit-review" in page and "Link evidence" in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("be", "хто што зрабіў"), ("ru", "кто что сделал"), ("en", "Who did which step")],
)
def test_the_history_speaks_the_reader_s_language(
    client: Any, team: Any, from_dossier: Any, language: str, expected: str
) -> None:
    _as(client, team.drafter)
    page = client.get(reverse("rapid:proposal", args=[from_dossier.pk]), HTTP_ACCEPT_LANGUAGE=language)
    assert expected in page.content.decode()


def test_the_page_says_which_point_letter_is_confirmed_and_by_what(
    client: Any, team: Any, from_dossier: Any
) -> None:
    """Regime support is Article 4(1)(b) of the Decision by the General Court's Belshyna judgment; the travel
    ban's letters and the other criteria's are still unread, and the page keeps asking for the check."""
    _as(client, team.drafter)
    page = reverse("rapid:proposal", args=[from_dossier.pk])
    Proposal.objects.filter(pk=from_dossier.pk).update(criterion="human_rights")
    human_rights = client.get(page).content.decode()
    assert 'id="letters-unverified"' in human_rights and 'id="letters-confirmed"' not in human_rights
    Proposal.objects.filter(pk=from_dossier.pk).update(criterion="regime_support")
    regime = client.get(page).content.decode()
    assert 'id="letters-confirmed"' in regime and "ECLI:EU:T:2024:187" in regime and "4(1)(b)" in regime
    assert 'id="letters-unverified"' in regime, "the travel ban's letter 3(1)(b) is still unchecked"
