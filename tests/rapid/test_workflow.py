"""The proposal workflow table, every edge walked: allowed from its sources, refused from every other state, with
the roles the table names; and the drafter's changes to a draft."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from hramada.core.roles import Role
from hramada.rapid import services, workflow
from hramada.rapid.models import Proposal
from hramada.rapid.workflow import State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("transition", workflow.TRANSITIONS, ids=lambda t: t.name)
@pytest.mark.parametrize("state", State.values)
def test_each_edge_is_allowed_exactly_from_its_sources(transition: workflow.Transition, state: str) -> None:
    assert workflow.allowed(transition.name, state) == (state in transition.sources)


def test_the_table_is_the_one_the_docs_draw() -> None:
    edges = {(t.name, tuple(sorted(t.sources)), t.target) for t in workflow.TRANSITIONS}
    assert edges == {
        ("submit_for_review", ("draft",), "in_review"),
        ("record_legal_review", ("in_review",), "reviewed"),
        ("return_to_draft", ("in_review", "reviewed"), "draft"),
        ("approve", ("reviewed",), "approved"),
        ("record_adoption", ("approved",), "adopted"),
    }
    assert Role.ADMINISTRATOR not in workflow.BY_NAME["record_legal_review"].roles


def test_a_returned_proposal_is_changed_by_its_drafter_only_and_screened_again(
    team: Any, from_dossier: Any
) -> None:
    services.submit_for_review(from_dossier, by=team.drafter)
    with pytest.raises(services.ProposalRefusedError, match="Say what must change"):
        services.return_to_draft(from_dossier, by=team.reviewer, note=" ")
    services.return_to_draft(from_dossier, by=team.reviewer, note="Add the court's name.")
    subject = from_dossier.reveal("subject", by=team.drafter, purpose="test")
    subject["function"] = "Presiding judge, Leninski district court"
    with pytest.raises(services.ProposalRefusedError, match="Only the drafter"):
        services.update_proposal(
            from_dossier,
            by=team.approver,
            subject=subject,
            subject_kind="Person",
            criterion="human_rights",
            reasons="r",
        )
    before = from_dossier.screened_at
    changed = services.update_proposal(
        from_dossier,
        by=team.drafter,
        subject=subject,
        subject_kind="Person",
        criterion="war_support",
        reasons="New reasons.",
    )
    assert changed.state == State.DRAFT and changed.criterion == "war_support"
    assert changed.screened_at is not None and before is not None and changed.screened_at >= before
    assert changed.reveal("subject", by=team.drafter, purpose="test")["function"].startswith("Presiding")


def test_a_proposal_in_review_cannot_be_changed_and_bad_subjects_are_refused(
    team: Any, from_dossier: Any
) -> None:
    services.submit_for_review(from_dossier, by=team.drafter)
    with pytest.raises(services.ProposalRefusedError, match="Only a draft can be changed"):
        services.update_proposal(
            from_dossier,
            by=team.drafter,
            subject={"name": "A"},
            subject_kind="Person",
            criterion="human_rights",
            reasons="",
        )
    for subject, message in (
        ({"name": ""}, "Latin letters"),
        ({"name": "A", "birth_date": "31.02.1970"}, "birth date"),
        ({"name": "A", "identifiers": [{"kind": "shoe size", "value": "44"}]}, "not a known kind"),
    ):
        with pytest.raises(services.ProposalRefusedError, match=message):
            services.start_proposal(
                by=team.drafter,
                origin="research",
                trigger_kind="research",
                triggered_at=timezone.now(),
                subject=subject,
            )
    with pytest.raises(services.ProposalRefusedError, match="future"):
        services.start_proposal(
            by=team.drafter,
            origin="event",
            trigger_kind="arrests",
            triggered_at=timezone.now() + timedelta(days=1),
            subject={"name": "A"},
        )


def test_a_second_click_on_the_same_form_starts_one_proposal(team: Any) -> None:
    token = uuid.uuid4()
    for _ in range(2):
        services.start_proposal(
            by=team.drafter,
            origin="research",
            trigger_kind="research",
            triggered_at=timezone.now(),
            subject={"name": "Once Only"},
            token=token,
        )
    assert Proposal.objects.count() == 1


def test_legal_review_is_a_legal_reviewers_step_and_the_legal_reviewer_does_not_approve(
    team: Any, from_dossier: Any
) -> None:
    assert workflow.BY_NAME["record_legal_review"].roles == {Role.LEGAL_REVIEWER}
    services.submit_for_review(from_dossier, by=team.drafter)
    with pytest.raises(services.ProposalRefusedError):
        services.record_legal_review(from_dossier, by=team.approver)  # a sanctions analyst, not a lawyer
    reviewed = services.record_legal_review(
        from_dossier, by=team.reviewer, note="Criterion and reasons hold."
    )
    assert reviewed.state == State.REVIEWED and reviewed.reviewed_by == team.reviewer
    with pytest.raises(services.ProposalRefusedError):
        services.approve(reviewed, by=team.reviewer)
