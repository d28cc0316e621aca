"""Listing proposals as the services promise them: from a dossier, screened at once, four eyes, refusals that
change nothing, adoption into the local list, the clock, relief with the benchmarks attached."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from hramada.core.models import AuditEntry
from hramada.rapid import selectors, services
from hramada.rapid.models import ProposalEvidence, ReliefRecommendation
from hramada.rapid.workflow import State
from hramada.sanctions import public as sanctions_public
from hramada.sanctions.models import Snapshot

pytestmark = pytest.mark.django_db(transaction=False)


def _through_review(proposal: Any, team: Any) -> Any:
    services.submit_for_review(proposal, by=team.drafter)
    return services.record_legal_review(proposal, by=team.reviewer, note="criterion holds")


def test_a_proposal_from_a_dossier_takes_over_the_subject_reasons_and_evidence(
    team: Any, from_dossier: Any
) -> None:
    subject = from_dossier.reveal("subject", by=team.drafter, purpose="test")
    assert subject["name"] == "Ivan Testavy"
    assert subject["name_be"] == "Іван Тэставы"
    assert subject["birth_date"] == "1970-03-04"
    assert subject["position"] == "Judge of the Leninski district court"
    assert "politically motivated" in from_dossier.reveal("reasons", by=team.drafter, purpose="test")
    kinds = sorted(from_dossier.evidence.values_list("kind", "record_id"))
    assert kinds == [("dossier", team.dossier.pk), ("incident", team.incident.pk)]
    assert from_dossier.screened_at is not None


def test_a_dossier_the_drafter_may_not_read_is_refused(team: Any) -> None:
    with pytest.raises(services.ProposalRefusedError, match="may not read"):
        services.start_proposal(
            by=team.approver,
            origin="dossier",
            trigger_kind="arrests",
            triggered_at=timezone.now(),
            dossier_id=team.dossier.pk,
        )


def test_the_screening_door_shows_at_once_that_the_subject_is_already_listed(
    team: Any, shared_data: Path
) -> None:
    from hramada.sanctions.services import import_file

    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    proposal = services.start_proposal(
        by=team.drafter,
        origin="research",
        trigger_kind="research",
        triggered_at=timezone.now(),
        subject={"name": "Uladzimir Uladzimiravich NAVUMAU", "birth_date": "1956-02-07"},
    )
    assert any("NAVUMAU" in hit["caption"].upper() and hit["match"] for hit in proposal.listed_hits)


def test_approval_without_evidence_or_reasons_is_refused_and_nothing_changes(team: Any) -> None:
    bare = services.start_proposal(
        by=team.drafter,
        origin="research",
        trigger_kind="research",
        triggered_at=timezone.now(),
        subject={"name": "X Y"},
    )
    _through_review(bare, team)
    with pytest.raises(
        services.ProposalRefusedError, match="statement of reasons and at least one piece of evidence"
    ):
        services.approve(bare, by=team.approver)
    bare.refresh_from_db()
    assert bare.state == State.REVIEWED
    assert bare.approved_by is None


def test_drafter_and_legal_reviewer_may_not_approve_and_the_drafter_may_not_review(
    team: Any, from_dossier: Any
) -> None:
    services.submit_for_review(from_dossier, by=team.drafter)
    with pytest.raises(services.ProposalRefusedError, match="another person"):
        services.record_legal_review(from_dossier, by=team.drafter)
    services.record_legal_review(from_dossier, by=team.reviewer)
    with pytest.raises(services.ProposalRefusedError, match="another person must approve"):
        services.approve(from_dossier, by=team.drafter)
    with pytest.raises(services.ProposalRefusedError, match="third person"):
        services.approve(from_dossier, by=team.reviewer)
    approved = services.approve(from_dossier, by=team.approver)
    assert approved.state == State.APPROVED
    actions = list(AuditEntry.objects.filter(target_id=str(approved.pk)).values_list("action", flat=True))
    assert {
        "rapid.proposal.started",
        "rapid.proposal.submitted",
        "rapid.proposal.legally_reviewed",
        "rapid.proposal.approved",
    } <= set(actions)


def test_adoption_of_a_never_approved_proposal_is_refused_and_publishes_nothing(
    team: Any, from_dossier: Any
) -> None:
    before = Snapshot.objects.count()
    with pytest.raises(services.ProposalRefusedError, match="Only an approved proposal can be adopted"):
        services.record_adoption(
            from_dossier, by=team.approver, adopted_on=timezone.localdate(), act="32026R0001", entry_number=7
        )
    from_dossier.refresh_from_db()
    assert from_dossier.state == State.DRAFT and from_dossier.adopted_on is None
    assert Snapshot.objects.count() == before


def test_adoption_publishes_the_designation_in_the_local_list_with_a_delta_after_commit(
    team: Any, from_dossier: Any, django_capture_on_commit_callbacks: Any
) -> None:
    received: list[Any] = []

    def listen(sender: Any, change: Any = None, **kwargs: Any) -> None:
        received.append(change)

    sanctions_public.list_changed.connect(listen, dispatch_uid="test.rapid.listen")
    try:
        _through_review(from_dossier, team)
        services.approve(from_dossier, by=team.approver)
        with django_capture_on_commit_callbacks(execute=True):
            adopted = services.record_adoption(
                from_dossier,
                by=team.approver,
                adopted_on=timezone.localdate(),
                act="32026R0001",
                entry_number=42,
            )
    finally:
        sanctions_public.list_changed.disconnect(dispatch_uid="test.rapid.listen")
    assert adopted.state == State.ADOPTED
    snapshot = Snapshot.objects.get(pk=adopted.local_snapshot_id)
    assert snapshot.source.key == sanctions_public.LOCAL_LIST_KEY
    assert [change.source for change in received] == [sanctions_public.LOCAL_LIST_KEY]
    assert adopted.entity_id in received[0].added
    record = sanctions_public.listed_entity(adopted.entity_id)
    assert record is not None and "Ivan Testavy" in record.properties["name"]


def test_a_second_adoption_keeps_the_first_in_the_local_list(team: Any) -> None:
    ids = []
    for name in ("Ana Bee", "Cee Dee"):
        proposal = services.start_proposal(
            by=team.drafter,
            origin="research",
            trigger_kind="research",
            triggered_at=timezone.now(),
            subject={"name": name},
            reasons="Reasons.",
        )
        services.upload_document(
            proposal, data=name.encode(), name="n.txt", content_type="text/plain", by=team.drafter
        )
        _through_review(proposal, team)
        services.approve(proposal, by=team.approver)
        adopted = services.record_adoption(
            proposal,
            by=team.approver,
            adopted_on=timezone.localdate(),
            act="32026R0002",
            entry_number=len(ids) + 1,
        )
        ids.append(adopted.entity_id)
    latest = Snapshot.objects.filter(source__key=sanctions_public.LOCAL_LIST_KEY).latest("pk")
    assert set(ids) <= set(latest.members.filter(subject=True).values_list("entity_id", flat=True))


def test_an_uploaded_document_is_stored_encrypted_with_the_hash_of_its_content(
    team: Any, from_dossier: Any
) -> None:
    data = b"witness statement: the judge read the sentence prepared in advance"
    evidence = services.upload_document(
        from_dossier, data=data, name="statement.txt", content_type="text/plain", by=team.drafter
    )
    import hashlib

    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    on_disk = Path(evidence.file.storage.path(evidence.file.name)).read_bytes()
    assert b"witness statement" not in on_disk
    assert evidence.file.open().read() == data
    with pytest.raises(services.ProposalRefusedError, match="already attached"):
        services.upload_document(
            from_dossier, data=data, name="again.txt", content_type="text/plain", by=team.drafter
        )


def test_the_subject_and_reasons_are_not_stored_in_clear(team: Any, from_dossier: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT subject, reasons FROM rapid_proposal WHERE id = %s", [from_dossier.pk])
        subject, reasons = cursor.fetchone()
    assert "Testavy" not in subject and "politically" not in reasons
    mine = AuditEntry.objects.filter(action__startswith="rapid.")
    leaking = [(e.action, e.detail) for e in mine if "Testavy" in str(e.detail)]
    assert not leaking, leaking


def test_an_overdue_proposal_is_escalated_once_with_its_target_from_policy(team: Any) -> None:
    services.set_clock_target("arrests", 5, by=team.admin)
    late = services.start_proposal(
        by=team.drafter,
        origin="event",
        trigger_kind="arrests",
        triggered_at=timezone.now() - timedelta(days=6),
        subject={"name": "Late One"},
    )
    on_time = services.start_proposal(
        by=team.drafter,
        origin="event",
        trigger_kind="arrests",
        triggered_at=timezone.now() - timedelta(days=2),
        subject={"name": "On Time"},
    )
    assert selectors.clock_of(late).overdue and not selectors.clock_of(on_time).overdue
    assert services.escalate_overdue() == 1
    assert services.escalate_overdue() == 0
    late.refresh_from_db()
    assert late.escalated_at is not None
    assert AuditEntry.objects.filter(action="rapid.proposal.escalated", target_id=str(late.pk)).count() == 1


def test_only_an_administrator_changes_a_clock_target_and_the_change_is_audited(team: Any) -> None:
    with pytest.raises(services.ProposalRefusedError, match="role"):
        services.set_clock_target("deployment", 3, by=team.drafter)
    services.set_clock_target("deployment", 3, by=team.admin)
    entry = AuditEntry.objects.get(action="rapid.clock_policy.changed")
    assert entry.detail == {"kind": "deployment", "old": 10, "new": 3}
    assert selectors.clock_targets()["deployment"] == 3


def test_a_relief_recommendation_carries_the_benchmark_statuses_and_is_flagged_when_one_is_not_met(
    team: Any, shared_data: Path
) -> None:
    from hramada.evidence.models import Observation, Prisoner
    from hramada.sanctions.services import import_file

    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    listed = "eu-journal-i-a-1"
    # Every benchmark reads a source with records in its window (an empty one is "no data", never met).
    Prisoner.objects.create(name="P", detained_on=timezone.localdate() - timedelta(days=400))
    Observation.objects.create(
        kind="rail",
        observed_at=timezone.now() - timedelta(days=200),
        place_name="Orsha",
        units_or_equipment="flatcars with armour",
        owner_group=team.incident.owner_group,
        recorded_by=team.drafter,
    )
    for key in ("prisoners_held", "new_detentions", "repression_incidents", "military_observations"):
        services.set_benchmark_target(key, 1000, by=team.admin)
    met = services.draft_relief(
        by=team.drafter, scope="person", listed_entity_id=listed, rationale="Released all."
    )
    assert not met.flagged and len(met.benchmarks) == 4
    services.set_benchmark_target("prisoners_held", 0, by=team.admin)
    flagged = services.draft_relief(by=team.drafter, scope="sector", sector="potash", rationale="Ease it.")
    assert flagged.flagged
    assert next(s for s in flagged.benchmarks if not s["met"])["key"] == "prisoners_held"
    with pytest.raises(services.ProposalRefusedError, match="benchmark statuses"):
        services.draft_relief(by=team.drafter, scope="sector", sector="potash", rationale="x", statuses=[])
    with pytest.raises(services.ProposalRefusedError, match="No current list"):
        services.draft_relief(by=team.drafter, scope="entity", listed_entity_id="nope", rationale="x")
    assert ReliefRecommendation.objects.count() == 2


def test_evidence_the_drafter_may_not_see_is_refused(team: Any, from_dossier: Any) -> None:
    with pytest.raises(services.ProposalRefusedError, match="may not see"):
        services.attach_evidence(
            from_dossier, kind="incident", record_id=team.incident.pk + 1000, by=team.drafter
        )
    assert ProposalEvidence.objects.filter(proposal=from_dossier).count() == 2


def test_every_workflow_step_needs_a_person(team: Any, from_dossier: Any) -> None:
    """Four eyes compares people: a step signed by nobody would pass every comparison, so none is taken."""
    with pytest.raises(services.ProposalRefusedError, match="Sign in"):
        services.submit_for_review(from_dossier, by=None)
    services.submit_for_review(from_dossier, by=team.drafter)
    with pytest.raises(services.ProposalRefusedError, match="Sign in"):
        services.record_legal_review(from_dossier, by=None)
    services.record_legal_review(from_dossier, by=team.reviewer)
    with pytest.raises(services.ProposalRefusedError, match="Sign in"):
        services.approve(from_dossier, by=None)
    from_dossier.refresh_from_db()
    assert from_dossier.state == State.REVIEWED and from_dossier.approved_by is None


def test_only_the_drafter_shapes_the_draft_the_approver_judges(team: Any, from_dossier: Any) -> None:
    """The future approver may neither add evidence to someone else's draft nor send it for review: the
    proposal they approve is entirely another person's work."""
    with pytest.raises(services.ProposalRefusedError, match="Only the drafter adds or removes evidence"):
        services.attach_evidence(from_dossier, kind="incident", record_id=team.incident.pk, by=team.approver)
    with pytest.raises(services.ProposalRefusedError, match="Only the drafter adds or removes evidence"):
        services.upload_document(
            from_dossier, data=b"note", name="note.txt", content_type="text/plain", by=team.approver
        )
    with pytest.raises(services.ProposalRefusedError, match="Only the drafter adds or removes evidence"):
        services.remove_evidence(from_dossier.evidence.first(), by=team.approver)
    with pytest.raises(services.ProposalRefusedError, match="Only the drafter sends"):
        services.submit_for_review(from_dossier, by=team.approver)
    from_dossier.refresh_from_db()
    assert from_dossier.state == State.DRAFT
    assert not AuditEntry.objects.filter(
        target_id=str(from_dossier.pk),
        action__in=["rapid.proposal.submitted", "rapid.proposal.evidence_linked"],
    ).exists()
