"""Review and decision: conflict-of-interest declarations, rubric scores, approval that commits money."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.retry import retry_on_conflict
from hramada.core.roles import Role
from hramada.fund import letters, public, workflow
from hramada.fund.models import (
    Application,
    Envelope,
    EnvelopeEntry,
    Grant,
    Review,
    Tier,
    Tranche,
)
from hramada.fund.selectors import envelope_of_application, has_open_holds
from hramada.fund.services.common import _entry, _letter, _lock_envelope, _move, _require, parse_amount
from hramada.fund.services.errors import AmountRefused, ConflictOfInterest, FundError, HeldForScreening
from hramada.fund.workflow import State, TransitionRefused

if TYPE_CHECKING:
    from hramada.core.models import User

# --- Review -------------------------------------------------------------------------------------------------


def record_review(
    application: Application,
    *,
    by: User | None,
    conflict_of_interest: bool,
    conflict_note: str = "",
    scores: Mapping[str, int] | None = None,
    recommendation: str = "",
    comment: str = "",
) -> Review:
    """Declare a conflict of interest and, without one, score the application on the rubric (1 to 5 each)."""
    _require(by, Role.REVIEWER, Role.FUND_MANAGER)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state != State.IN_REVIEW:
            raise TransitionRefused(_("Only an application in review can be reviewed."))
        review = Review.objects.filter(application=application, reviewer=by).first()
        if review is not None and review.conflict_of_interest:
            raise ConflictOfInterest(
                _("You declared a conflict of interest on this application, so you cannot review it.")
            )
        if review is None:
            review = Review(application=application, reviewer=by, conflict_of_interest=conflict_of_interest)
        review.conflict_of_interest = conflict_of_interest
        review.conflict_note = conflict_note
        if not conflict_of_interest:
            scores = dict(scores or {})
            for name in Review.RUBRIC:
                value = scores.get(name)
                if value is None or not 1 <= int(value) <= 5:
                    raise FundError(_("Score every part of the rubric from 1 to 5."))
                setattr(review, name, int(value))
            if recommendation not in Review.Recommendation.values:
                raise FundError(_("Say whether you recommend funding."))
            review.recommendation = recommendation
            review.comment = comment
            review.completed_at = timezone.now()
        review.save()
        audit.record(
            action="fund.review.recorded",
            target=application,
            detail={
                "conflict": conflict_of_interest,
                "total": review.total,
                "recommendation": recommendation,
            },
            by=by,
        )
    return review


def required_reviews(application: Application) -> int:
    return 1 if application.tier == Tier.RAPID else 2


def recommend(application: Application, *, by: User | None, note: str = "") -> Application:
    """Send for decision once enough reviewers without a conflict have scored (one rapid, two long-term)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        workflow.check("recommend", application.state, by)
        done = application.reviews.filter(conflict_of_interest=False, completed_at__isnull=False).count()
        needed = required_reviews(application)
        if done < needed:
            raise FundError(
                _(
                    "%(needed)s completed review(s) without a conflict of "
                    "interest are needed; there are %(done)s."
                )
                % {"needed": needed, "done": done}
            )
        _move(application, "recommend", by=by, note=note)
    return application


# --- Decisions ----------------------------------------------------------------------------------------------


def envelope_for(application: Application, year: int | None = None) -> Envelope | None:
    return Envelope.objects.filter(
        programme=application.programme,
        tier=application.tier,
        category=application.category,
        year=year or timezone.localdate().year,
    ).first()


@retry_on_conflict
def approve(application: Application, *, by: User | None, amount: Any = None, note: str = "") -> Grant:
    """Approve and commit the money: the envelope row is locked, so two approvals against its last euro cannot
    both pass; the database constraint (committed <= allocated) stands behind the check."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        workflow.check("approve", application.state, by)
        if has_open_holds(application):
            raise HeldForScreening(
                _("A possible sanctions match holds this application until an analyst decides.")
            )
        amount = parse_amount(amount if amount not in (None, "") else application.amount_requested)
        programme = application.programme
        if application.tier == Tier.RAPID:
            if amount > programme.rapid_ceiling:
                raise AmountRefused(
                    _("Rapid-response grants are at most %(ceiling)s %(currency)s.")
                    % {"ceiling": programme.rapid_ceiling, "currency": programme.currency}
                )
            reviewers = set(
                application.reviews.filter(
                    conflict_of_interest=False, completed_at__isnull=False
                ).values_list("reviewer_id", flat=True)
            )
            if by is not None and reviewers == {by.pk}:
                raise FundError(_("The reviewer and the deciding manager must be two different people."))
        envelope = envelope_of_application(application)
        if envelope is None:
            raise AmountRefused(_("There is no budget envelope for this tier, category and year."))
        envelope = _lock_envelope(envelope.pk)
        if envelope.currency != application.currency:
            raise AmountRefused(
                _("The envelope is in %(a)s but the application in %(b)s.")
                % {"a": envelope.currency, "b": application.currency}
            )
        if amount > envelope.available:
            raise AmountRefused(
                _("Only %(available)s %(currency)s is available in the envelope %(envelope)s.")
                % {"available": envelope.available, "currency": envelope.currency, "envelope": envelope}
            )
        Envelope.objects.filter(pk=envelope.pk).update(committed=F("committed") + amount)
        rapid = application.tier == Tier.RAPID
        grant = Grant.objects.create(
            application=application,
            envelope=envelope,
            amount=amount,
            currency=envelope.currency,
            status=Grant.Status.ACTIVE if rapid else Grant.Status.AGREEMENT,
            agreement_signed_at=timezone.now() if rapid else None,
            is_demo=application.is_demo,
        )
        if rapid:  # one tranche, no report before it
            with translation.override(application.language or None):  # the applicant reads the milestone
                milestone = _("Rapid-response payment")
            Tranche.objects.create(grant=grant, number=1, amount=amount, milestone=milestone)
        _entry(envelope, EnvelopeEntry.Kind.COMMITMENT, amount, application.reference, by)
        _move(application, "approve", by=by, note=note)
        public.announce_on_commit(grant.pk)
        _letter(
            application,
            "approved",
            by=by,
            amount=letters.amount_in(application.language, amount, envelope.currency),
            next_steps=letters.render("next_rapid" if rapid else "next_long", application.language).body,
            note=note,
        )
    return grant


def reject(application: Application, *, by: User | None, note: str = "") -> Application:
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        workflow.check("reject", application.state, by)
        _move(application, "reject", by=by, note=note)
        _letter(application, "rejected", by=by, note=note, days=application.programme.retention_days)
    return application
