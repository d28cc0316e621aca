"""Use cases of the fund through its services: submission, review, decision, agreement, tranches, holds."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from hramada.fund import selectors, services
from hramada.fund.models import (
    Application,
    Envelope,
    Grant,
    Message,
    Notification,
    ScreeningHold,
    Tier,
    Tranche,
)
from hramada.fund.screening import PossibleMatch, use_screener
from hramada.fund.services import (
    AmountRefused,
    AttachmentRefused,
    ConflictOfInterest,
    FundError,
    HeldForScreening,
    PlannedTranche,
    TrancheRefused,
    TransitionRefused,
)
from hramada.fund.workflow import State
from tests.fund import factories

pytestmark = pytest.mark.django_db


def scores() -> dict[str, int]:
    return dict.fromkeys(("relevance", "feasibility", "impact", "security", "value_for_money"), 4)


def test_submitting_twice_with_the_same_token_is_idempotent() -> None:
    prog = factories.programme()
    app = factories.draft(prog)
    token = uuid.uuid4()
    first = services.submit(app, token=token, by=app.applicant.user)
    second = services.submit(app, token=token, by=app.applicant.user)
    assert first.pk == second.pk and second.state == State.SUBMITTED
    assert Message.objects.filter(application=app).count() == 1
    with pytest.raises(TransitionRefused):
        services.submit(app, token=uuid.uuid4(), by=app.applicant.user)


def test_creating_a_draft_twice_with_one_token_makes_one_draft() -> None:
    prog = factories.programme()
    who = factories.applicant()
    token = uuid.uuid4()
    a = services.create_draft(
        applicant=who, programme=prog, tier=Tier.RAPID, token=token, language="be", by=who.user
    )
    b = services.create_draft(
        applicant=who, programme=prog, tier=Tier.RAPID, token=token, language="be", by=who.user
    )
    assert a.pk == b.pk


def test_a_rapid_request_above_the_ceiling_is_refused_at_submission() -> None:
    prog = factories.programme()
    app = factories.draft(prog, amount="20000.01")
    with pytest.raises(FundError, match="at most"):
        services.submit(app, token=uuid.uuid4(), by=app.applicant.user)
    assert Application.objects.get(pk=app.pk).state == State.DRAFT


def test_a_currency_other_than_the_programmes_is_refused() -> None:
    prog = factories.programme()
    app = factories.draft(prog)
    services.save_draft(app, fields={"currency": "USD"}, by=app.applicant.user)
    with pytest.raises(FundError, match="EUR"):
        services.submit(app, token=uuid.uuid4(), by=app.applicant.user)


def test_long_term_budget_lines_must_add_up_to_the_request() -> None:
    prog = factories.programme()
    app = factories.draft(prog, tier=Tier.LONG_TERM, amount="60000.00")
    services.save_draft(app, fields={"budget_lines": [("Rent", Decimal("100"))]}, by=app.applicant.user)
    with pytest.raises(FundError, match="add up"):
        services.submit(app, token=uuid.uuid4(), by=app.applicant.user)


def test_rapid_submission_starts_the_decision_clock_and_checks_eligibility() -> None:
    prog = factories.programme(decision_clock_hours=48)
    app = factories.draft(prog)
    services.save_draft(app, fields={"eligibility": {"repression_related": False}}, by=app.applicant.user)
    app = services.submit(app, token=uuid.uuid4(), by=app.applicant.user)
    assert app.decision_due_at is not None
    assert abs((app.decision_due_at - app.submitted_at) - dt.timedelta(hours=48)) < dt.timedelta(seconds=1)
    assert len(app.eligibility_problems) == 2


def test_long_term_submission_joins_the_next_review_round() -> None:
    prog = factories.programme(review_round_weeks=2, review_anchor=dt.date(2026, 1, 5))
    app = factories.submitted(prog, tier=Tier.LONG_TERM, amount="30000.00")
    assert app.review_round is not None and app.review_round >= timezone.localdate()
    assert (app.review_round - dt.date(2026, 1, 5)).days % 14 == 0


def test_rapid_grant_end_to_end_pays_in_one_tranche(manager: Any, reviewers: list[Any], finance: Any) -> None:
    prog = factories.programme()
    env = factories.envelope(prog, allocated="10000.00")
    app = factories.recommended(prog, reviewers[:1], amount="4000.00", language="be")
    grant = services.approve(app, by=manager)
    env.refresh_from_db()
    assert (env.committed, env.available) == (Decimal("4000.00"), Decimal("6000.00"))
    assert grant.tranches.count() == 1 and grant.status == Grant.Status.ACTIVE
    letter = Message.objects.filter(application=app).last()
    assert letter is not None and "ухвалена" in letter.subject
    with pytest.raises(TrancheRefused, match="payment details"):
        services.release_tranche(
            grant.tranches.get(),
            method="bank",
            reference="X1",
            paid_on=timezone.localdate(),
            currency="EUR",
            by=finance,
        )
    services.give_payment_details(
        grant, payee_name="Media NGO", details={"iban": "LT12 1000 0111 0100 1000"}, by=app.applicant.user
    )
    with pytest.raises(TrancheRefused, match="EUR"):
        services.release_tranche(
            grant.tranches.get(),
            method="bank",
            reference="X1",
            paid_on=timezone.localdate(),
            currency="USD",
            by=finance,
        )
    services.release_tranche(
        grant.tranches.get(),
        method="bank_third_country",
        reference="X1",
        paid_on=timezone.localdate(),
        currency="EUR",
        by=finance,
    )
    env.refresh_from_db()
    assert env.disbursed == Decimal("4000.00")
    assert Application.objects.get(pk=app.pk).state == State.COMPLETED


def test_the_reviewer_cannot_also_be_the_deciding_manager_for_rapid(make_staff: Any) -> None:
    from hramada.core.roles import Role

    both = make_staff(Role.REVIEWER, Role.FUND_MANAGER)
    prog = factories.programme()
    factories.envelope(prog)
    app = factories.recommended(prog, [both])
    with pytest.raises(FundError, match="two different people"):
        services.approve(app, by=both)


def test_approval_above_the_available_envelope_is_refused(manager: Any, reviewers: list[Any]) -> None:
    prog = factories.programme()
    env = factories.envelope(prog, allocated="3000.00")
    app = factories.recommended(prog, reviewers[:1], amount="4000.00")
    with pytest.raises(AmountRefused, match="available"):
        services.approve(app, by=manager)
    env.refresh_from_db()
    assert env.committed == 0
    assert Application.objects.get(pk=app.pk).state == State.RECOMMENDED


def test_a_decision_after_the_applicant_withdrew_is_refused(manager: Any, reviewers: list[Any]) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    app = factories.recommended(prog, reviewers[:1])
    services.take(app, "withdraw", by=app.applicant.user)
    with pytest.raises(TransitionRefused, match="withdrawn"):
        services.approve(app, by=manager)


def test_a_reviewer_with_a_declared_conflict_cannot_score(reviewers: list[Any]) -> None:
    prog = factories.programme()
    app = factories.submitted(prog, tier=Tier.LONG_TERM, amount="30000.00")
    services.take(app, "start_review", by=reviewers[0])
    services.record_review(app, by=reviewers[0], conflict_of_interest=True, conflict_note="my cousin")
    with pytest.raises(ConflictOfInterest):
        services.record_review(
            app, by=reviewers[0], conflict_of_interest=False, scores=scores(), recommendation="fund"
        )
    services.record_review(
        app, by=reviewers[1], conflict_of_interest=False, scores=scores(), recommendation="fund"
    )
    with pytest.raises(FundError, match="2 completed"):
        services.recommend(app, by=reviewers[1])


def test_long_term_tranche_waits_for_its_accepted_report(
    manager: Any, reviewers: list[Any], finance: Any
) -> None:
    prog = factories.programme()
    factories.envelope(prog, tier=Tier.LONG_TERM, allocated="100000.00")
    app = factories.recommended(prog, reviewers, tier=Tier.LONG_TERM, amount="60000.00")
    grant = services.approve(app, by=manager)
    assert grant.status == Grant.Status.AGREEMENT
    with pytest.raises(TrancheRefused, match="add up"):
        services.set_up_agreement(grant, tranches=[PlannedTranche(Decimal("1"), None, "x")], by=manager)
    services.set_up_agreement(
        grant,
        tranches=[
            PlannedTranche(Decimal("30000"), None, "start"),
            PlannedTranche(Decimal("30000"), None, "year 2"),
        ],
        by=manager,
    )
    services.give_payment_details(grant, payee_name="Org", details={"iban": "PL1"}, by=app.applicant.user)
    first, second = grant.tranches.order_by("number")
    services.release_tranche(
        first, method="bank", reference="A", paid_on=timezone.localdate(), currency="EUR", by=finance
    )
    with pytest.raises(TrancheRefused, match="report is accepted"):
        services.release_tranche(
            second, method="bank", reference="B", paid_on=timezone.localdate(), currency="EUR", by=finance
        )
    report = services.submit_report(
        grant,
        tranche=second,
        narrative="Year one done",
        spent="29000",
        financial_notes="",
        by=app.applicant.user,
    )
    services.review_report(report, accept=True, by=manager)
    services.release_tranche(
        second,
        method="intermediary",
        intermediary="Partner e.V.",
        reference="B",
        paid_on=timezone.localdate(),
        currency="EUR",
        by=finance,
    )
    assert Tranche.objects.filter(grant=grant, status="released").count() == 2
    assert Application.objects.get(pk=app.pk).state == State.COMPLETED


def _matches(name: str, *args: Any) -> list[PossibleMatch]:
    if "Lukashenko" in name:
        return [PossibleMatch("eu-1", "Aliaksandr LUKASHENKA", 0.93, "name matches")]
    return []


def test_a_possible_match_holds_the_application_until_an_analyst_clears_it(
    manager: Any, reviewers: list[Any], analyst: Any
) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    with use_screener(_matches):
        app = factories.recommended(prog, reviewers[:1], contact_name="Alexander Lukashenko")
        hold = ScreeningHold.objects.get(application=app)
        with pytest.raises(HeldForScreening):
            services.approve(app, by=manager)
        with pytest.raises(FundError, match="reason"):
            services.decide_hold(hold, confirm=False, reason=" ", by=analyst)
        services.decide_hold(hold, confirm=False, reason="Different person: born 1990", by=analyst)
        assert services.rescreen_all() == 0  # the same match set is not raised again
        services.approve(app, by=manager)


def test_a_confirmed_match_refuses_the_application(reviewers: list[Any], analyst: Any) -> None:
    prog = factories.programme()
    with use_screener(_matches):
        app = factories.submitted(prog, contact_name="Alexander Lukashenko")
        services.decide_hold(app.holds.get(), confirm=True, reason="Listed person", by=analyst)
    assert Application.objects.get(pk=app.pk).state == State.REJECTED


def test_rescreening_after_a_list_change_holds_open_applications() -> None:
    prog = factories.programme()
    app = factories.submitted(prog, contact_name="Alexander Lukashenko")
    assert not app.holds.exists()
    with use_screener(_matches):
        assert services.rescreen_all() == 1
    assert Notification.objects.filter(kind="screening_hold").exists()


def test_an_at_risk_clock_escalates_to_the_fund_manager_once() -> None:
    prog = factories.programme(decision_clock_hours=72)
    app = factories.submitted(prog)
    later = app.decision_due_at - dt.timedelta(hours=10)
    assert selectors.clock_status_of(app, later) == "at_risk"
    assert services.escalate_decision_clocks(later) == 1
    assert services.escalate_decision_clocks(later) == 0
    assert services.escalate_decision_clocks(app.decision_due_at + dt.timedelta(minutes=1)) == 1


def test_retention_erases_personal_data_of_old_rejected_applications(manager: Any) -> None:
    from django.core.management import call_command

    prog = factories.programme(retention_days=30)
    app = factories.submitted(prog, contact_name="Ala Kowalska")
    services.reject(app, by=manager, note="Out of scope")
    assert services.erase_expired_personal_data() == 0
    Application.objects.filter(pk=app.pk).update(decided_at=timezone.now() - dt.timedelta(days=31))
    call_command("fund_retention", stdout=io.StringIO())
    app.refresh_from_db()
    assert app.personal_data_erased_at is not None and app.contact_name == ""
    assert app.summary == "" and app.title == ""
    assert {m.reveal("body", by=None, purpose="test") for m in app.messages.all()} == {"—"}
    assert not any(change.note for change in app.history.all())


def test_retention_erases_what_reviewers_and_the_analyst_wrote_about_the_applicant(
    manager: Any, reviewers: list[Any], analyst: Any
) -> None:
    """A reviewer's comment, a conflict note ("I know Ala from ...") and a hold's reason can name the applicant as
    surely as the application: they go with the rest, and the audit entry says how many reviews were erased."""
    from hramada.core.models import AuditEntry

    prog = factories.programme(retention_days=30)
    with use_screener(_matches):
        app = factories.submitted(prog, contact_name="Alexander Lukashenko")
    hold = app.holds.get()
    services.decide_hold(
        hold, confirm=False, reason="Not Alexander Lukashenko of Minsk: born 1990", by=analyst
    )
    services.take(app, "start_review", by=reviewers[0])
    services.record_review(
        app, by=reviewers[0], conflict_of_interest=True, conflict_note="I worked with Alexander at the paper"
    )
    services.record_review(
        app,
        by=reviewers[1],
        conflict_of_interest=False,
        scores=dict.fromkeys(("relevance", "feasibility", "impact", "security", "value_for_money"), 2),
        recommendation="do_not_fund",
        comment="Alexander's group is too small",
    )
    services.reject(app, by=manager)
    Application.objects.filter(pk=app.pk).update(decided_at=timezone.now() - dt.timedelta(days=31))
    assert services.erase_expired_personal_data() == 1
    texts = {
        review.reveal(name, by=None, purpose="test")
        for review in app.reviews.all()
        for name in ("comment", "conflict_note")
    }
    assert texts == {""}
    hold.refresh_from_db()
    assert hold.reason == "" and hold.reveal("screened_name", by=None, purpose="test") == ""
    # The scores and the recommendation stay: they say how the fund decided, not who applied.
    assert sorted(app.reviews.values_list("recommendation", flat=True)) == ["", "do_not_fund"]
    entry = AuditEntry.objects.filter(action="fund.retention.erased").get()
    assert entry.detail["reviews"] == 2
    # Nor does the append-only log, which retention cannot touch, keep any of it.
    assert not [e.action for e in AuditEntry.objects.all() if "Alexander" in json.dumps(e.detail)]


def test_retention_also_erases_the_account_name_once_nothing_else_is_kept(manager: Any) -> None:
    prog = factories.programme(retention_days=1)
    who = factories.applicant(name="Ala Kowalska")
    app = factories.submitted(prog, who=who)
    services.reject(app, by=manager)
    Application.objects.filter(pk=app.pk).update(decided_at=timezone.now() - dt.timedelta(days=2))
    services.erase_expired_personal_data()
    who.refresh_from_db()
    assert who.name == "" and who.email == ""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00 executable", "content"),
        ("photo.exe", b"MZ\x90\x00", "not accepted"),
        ("notes.txt", b"", "empty"),
        ("scan.png", b"%PDF-1.4 actually a pdf", "content"),
    ],
)
def test_a_malformed_attachment_is_refused_and_nothing_is_stored(
    name: str, content: bytes, message: str
) -> None:
    prog = factories.programme()
    app = factories.draft(prog)
    with pytest.raises(AttachmentRefused, match=message):
        services.add_attachment(
            app, upload=io.BytesIO(content), name=name, size=len(content), by=app.applicant.user
        )
    assert not app.attachments.exists()


def test_an_oversized_attachment_is_refused() -> None:
    prog = factories.programme()
    app = factories.draft(prog)
    with pytest.raises(AttachmentRefused, match="too large"):
        services.add_attachment(
            app, upload=io.BytesIO(b"%PDF-"), name="a.pdf", size=6 * 1024 * 1024, by=app.applicant.user
        )


def test_a_real_pdf_is_stored_with_its_sniffed_type(settings: Any, tmp_path: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    prog = factories.programme()
    app = factories.draft(prog)
    data = b"%PDF-1.4\n%...\n"
    attachment = services.add_attachment(
        app, upload=io.BytesIO(data), name="budget.pdf", size=len(data), by=app.applicant.user
    )
    assert attachment.content_type == "application/pdf"
    assert Envelope.objects.count() == 0


def test_a_confirmed_payee_match_blocks_payment_for_good(
    manager: Any, reviewers: list[Any], finance: Any, analyst: Any
) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    app = factories.recommended(prog, reviewers[:1])
    grant = services.approve(app, by=manager)
    with use_screener(_matches):
        services.give_payment_details(
            grant, payee_name="Alexander Lukashenko", details={}, by=app.applicant.user
        )
    hold = ScreeningHold.objects.get(party="payee")
    with pytest.raises(HeldForScreening, match="until an analyst"):
        services.release_tranche(
            grant.tranches.get(),
            method="bank",
            reference="X",
            paid_on=timezone.localdate(),
            currency="EUR",
            by=finance,
        )
    services.decide_hold(hold, confirm=True, reason="The listed person", by=analyst)
    with pytest.raises(HeldForScreening, match="cannot be paid"):
        services.release_tranche(
            grant.tranches.get(),
            method="bank",
            reference="X",
            paid_on=timezone.localdate(),
            currency="EUR",
            by=finance,
        )


def test_a_possible_match_on_the_intermediary_holds_the_payment_and_the_hold_stays(
    manager: Any, reviewers: list[Any], finance: Any
) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    app = factories.recommended(prog, reviewers[:1])
    grant = services.approve(app, by=manager)
    services.give_payment_details(grant, payee_name="Media NGO", details={}, by=app.applicant.user)
    with use_screener(_matches), pytest.raises(HeldForScreening):
        services.release_tranche(
            grant.tranches.get(),
            method="intermediary",
            intermediary="Lukashenko Holding",
            reference="X",
            paid_on=timezone.localdate(),
            currency="EUR",
            by=finance,
        )
    assert ScreeningHold.objects.filter(party="intermediary", status="open").count() == 1
    assert grant.tranches.get().status == Tranche.Status.PLANNED
