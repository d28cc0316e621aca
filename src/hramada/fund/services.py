"""Every change of fund state, one function per use case. Each takes the acting user as `by=`, runs in one
transaction, writes its audit row inside it, locks the rows whose money it changes, and sends notifications
only after commit. A refusal raises a `FundError` whose message is shown to the user as it is.
"""

from __future__ import annotations

import secrets
import string
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.fields import reveal
from hramada.core.models import User
from hramada.core.roles import AccountKind, Role
from hramada.fund import attachments, letters, workflow
from hramada.fund.models import (
    Applicant,
    Application,
    Attachment,
    BudgetLine,
    Disbursement,
    Envelope,
    EnvelopeEntry,
    Grant,
    Message,
    Notification,
    PaymentMethod,
    Programme,
    Reallocation,
    Report,
    Review,
    ScreeningHold,
    StateChange,
    Tier,
    Tranche,
)
from hramada.fund.screening import PossibleMatch, fingerprint, screen_party, warm_up
from hramada.fund.workflow import State, TransitionRefused

CENT = Decimal("0.01")


class FundError(Exception):
    """A refusal with a message for the person who asked."""


class AmountRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


class ReallocationRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


class ConflictOfInterest(FundError):  # noqa: N818 (named for what the user meets)
    pass


class HeldForScreening(FundError):  # noqa: N818 (named for what the user meets)
    pass


class TrancheRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


class AttachmentRefused(FundError):  # noqa: N818 (named for what the user meets)
    pass


__all__ = [
    "AmountRefused",
    "AttachmentRefused",
    "ConflictOfInterest",
    "FundError",
    "HeldForScreening",
    "ReallocationRefused",
    "TrancheRefused",
    "TransitionRefused",
]


# --- Money --------------------------------------------------------------------------------------------------


def parse_amount(value: Any) -> Decimal:
    """A positive amount with at most two decimals, or `AmountRefused` saying what is wrong with it."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise AmountRefused(_("“%(value)s” is not an amount of money.") % {"value": value}) from None
    if not amount.is_finite():
        raise AmountRefused(_("“%(value)s” is not an amount of money.") % {"value": value})
    if amount <= 0:
        raise AmountRefused(_("The amount must be more than zero."))
    if amount >= Decimal("1e12"):
        raise AmountRefused(_("The amount is too large."))
    if amount != amount.quantize(CENT):
        raise AmountRefused(_("An amount has at most two decimals."))
    return amount


def _lock_envelope(pk: int) -> Envelope:
    return Envelope.objects.select_for_update(no_key=True).get(pk=pk)


def _entry(envelope: Envelope, kind: str, amount: Decimal, note: str, by: Any) -> None:
    EnvelopeEntry.objects.create(envelope=envelope, kind=kind, amount=amount, note=note[:500], by=_user(by))


def _user(by: Any) -> Any:
    return by if getattr(by, "pk", None) is not None else None


def _require(by: Any, *roles: Role) -> None:
    if by is not None and not by.has_role(*roles):
        raise FundError(_("Your role may not do this."))


def update_policy(programme: Programme, *, by: Any, **changes: Any) -> Programme:
    """Change a programme's policy (four-eyes limit, ceiling, clocks, rounds, retention); audited with
    old values."""
    _require(by, Role.FUND_MANAGER)
    allowed = {
        "four_eyes_limit",
        "rapid_ceiling",
        "decision_clock_hours",
        "review_round_weeks",
        "review_anchor",
        "retention_days",
    }
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        before = {name: getattr(programme, name) for name in changes if name in allowed}
        for name, value in changes.items():
            if name in allowed:
                setattr(programme, name, value)
        programme.save()
        audit.record(
            action="fund.policy.changed",
            target=programme,
            detail={
                "before": {k: str(v) for k, v in before.items()},
                "after": {k: str(changes[k]) for k in before},
            },
            by=by,
        )
    return programme


def allocate(envelope: Envelope, amount: Any, *, by: Any, note: str = "") -> Envelope:
    """Add budget to an envelope (a donor contribution, the year's allocation)."""
    amount = parse_amount(amount)
    with transaction.atomic():
        envelope = _lock_envelope(envelope.pk)
        Envelope.objects.filter(pk=envelope.pk).update(allocated=F("allocated") + amount)
        _entry(envelope, EnvelopeEntry.Kind.ALLOCATION, amount, note, by)
        audit.record(action="fund.envelope.allocated", target=envelope, detail={"amount": str(amount)}, by=by)
        envelope.refresh_from_db()
    return envelope


# --- Reallocation -------------------------------------------------------------------------------------------


def request_reallocation(
    *,
    source: Envelope,
    target: Envelope,
    amount: Any,
    reason: str,
    by: Any,
    token: uuid.UUID | None = None,
) -> Reallocation:
    """Move budget between envelopes; above the programme's four-eyes limit it waits for a second manager.
    The same `token` twice returns the first reallocation: a double click moves the money once."""
    _require(by, Role.FUND_MANAGER)
    if token is not None:
        already = Reallocation.objects.filter(request_token=token).first()
        if already is not None:
            return already
    amount = parse_amount(amount)
    if not reason or not reason.strip():
        raise ReallocationRefused(_("Say why the money moves: a reason is required."))
    if source.pk == target.pk:
        raise ReallocationRefused(_("Choose two different envelopes."))
    if source.currency != target.currency:
        raise ReallocationRefused(
            _("The envelopes are in different currencies (%(a)s and %(b)s).")
            % {"a": source.currency, "b": target.currency}
        )
    with transaction.atomic():
        locked = _lock_envelope(source.pk)
        if amount > locked.available:
            raise ReallocationRefused(
                _(
                    "Only %(available)s %(currency)s is available in the "
                    "source envelope; it cannot go below zero."
                )
                % {"available": locked.available, "currency": locked.currency}
            )
        reallocation = Reallocation.objects.create(
            source=source,
            target=target,
            amount=amount,
            reason=reason.strip(),
            requested_by=_user(by),
            request_token=token,
        )
        audit.record(
            action="fund.reallocation.requested",
            target=reallocation,
            detail={
                "source": source.pk,
                "target": target.pk,
                "amount": str(amount),
                "reason": reason.strip(),
            },
            by=by,
        )
        if amount > source.programme.four_eyes_limit:
            Notification.objects.create(
                kind=Notification.Kind.REALLOCATION_PENDING,
                role=Role.FUND_MANAGER,
                key=str(reallocation.pk),
                text=_("A reallocation of %(amount)s waits for a second approver.") % {"amount": amount},
            )
        else:
            _execute(reallocation, by=by)
    return reallocation


def approve_reallocation(reallocation: Reallocation, *, by: Any) -> Reallocation:
    _require(by, Role.FUND_MANAGER)
    with transaction.atomic():
        reallocation = Reallocation.objects.select_for_update().get(pk=reallocation.pk)
        if reallocation.status != Reallocation.Status.PENDING:
            raise ReallocationRefused(_("This reallocation was already decided."))
        if by is not None and reallocation.requested_by_id == by.pk:
            raise ReallocationRefused(
                _("A second fund manager must approve: you requested this reallocation.")
            )
        reallocation.approved_by = _user(by)
        _execute(reallocation, by=by)
        Notification.objects.filter(
            kind=Notification.Kind.REALLOCATION_PENDING, key=str(reallocation.pk)
        ).update(resolved_at=timezone.now())
    return reallocation


def reject_reallocation(reallocation: Reallocation, *, by: Any, note: str = "") -> Reallocation:
    _require(by, Role.FUND_MANAGER)
    with transaction.atomic():
        reallocation = Reallocation.objects.select_for_update().get(pk=reallocation.pk)
        if reallocation.status != Reallocation.Status.PENDING:
            raise ReallocationRefused(_("This reallocation was already decided."))
        reallocation.status = Reallocation.Status.REJECTED
        reallocation.decided_at = timezone.now()
        reallocation.save()
        Notification.objects.filter(
            kind=Notification.Kind.REALLOCATION_PENDING, key=str(reallocation.pk)
        ).update(resolved_at=timezone.now())
        audit.record(action="fund.reallocation.rejected", target=reallocation, detail={"note": note}, by=by)
    return reallocation


def _execute(reallocation: Reallocation, *, by: Any) -> None:
    # Lock both envelopes in primary-key order so two opposite reallocations cannot deadlock.
    first, second = sorted([reallocation.source_id, reallocation.target_id])
    locked = {pk: _lock_envelope(pk) for pk in (first, second)}
    source = locked[reallocation.source_id]
    amount = reallocation.amount
    if amount > source.available:
        raise ReallocationRefused(
            _("Only %(available)s %(currency)s is available in the source envelope; it cannot go below zero.")
            % {"available": source.available, "currency": source.currency}
        )
    Envelope.objects.filter(pk=reallocation.source_id).update(allocated=F("allocated") - amount)
    Envelope.objects.filter(pk=reallocation.target_id).update(allocated=F("allocated") + amount)
    note = _("Reallocation #%(id)s: %(reason)s") % {"id": reallocation.pk, "reason": reallocation.reason}
    _entry(source, EnvelopeEntry.Kind.REALLOCATION_OUT, -amount, note, by)
    _entry(locked[reallocation.target_id], EnvelopeEntry.Kind.REALLOCATION_IN, amount, note, by)
    reallocation.status = Reallocation.Status.DONE
    reallocation.decided_at = timezone.now()
    reallocation.save()
    audit.record(
        action="fund.reallocation.done",
        target=reallocation,
        detail={
            "source": reallocation.source_id,
            "target": reallocation.target_id,
            "amount": str(amount),
            "approved_by": getattr(reallocation.approved_by, "username", None),
        },
        by=by,
    )


# --- Applicant accounts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAccount:
    applicant: Applicant
    code: str
    passphrase: str


def _code() -> str:
    alphabet = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"
    return "HR-" + "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(2))


def _passphrase() -> str:
    alphabet = string.ascii_lowercase + string.digits
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


def register_applicant(
    *, name: str = "", email: str = "", language: str = "en", demo: bool = False
) -> NewAccount:
    """A new applicant account with a generated code and passphrase (shown once). Name and e-mail are
    optional."""
    with transaction.atomic():
        while True:
            code = _code()
            if not User.objects.filter(username=code).exists():
                break
        passphrase = _passphrase()
        user = User.objects.create_user(
            username=code, password=passphrase, kind=AccountKind.APPLICANT, preferred_language=language
        )
        applicant = Applicant.objects.create(
            user=user, pseudonymous=not name.strip(), name=name.strip(), email=email.strip(), is_demo=demo
        )
        audit.record(
            action="fund.applicant.registered",
            target=applicant,
            detail={"pseudonymous": applicant.pseudonymous},
            by=user,
        )
    return NewAccount(applicant=applicant, code=code, passphrase=passphrase)


def applicant_of(user: Any) -> Applicant:
    applicant, _created = Applicant.objects.get_or_create(user=user)
    return applicant


# --- Drafts -------------------------------------------------------------------------------------------------


def _reference(tier: str) -> str:
    prefix = "R" if tier == Tier.RAPID else "L"
    return f"{prefix}-{timezone.localdate().year}-{secrets.token_hex(3).upper()}"


def create_draft(
    *, applicant: Applicant, programme: Programme, tier: str, token: uuid.UUID | str, language: str, by: Any
) -> Application:
    """A new draft, once per form token: a double-click or a reload returns the draft already made."""
    token = uuid.UUID(str(token))
    existing = Application.objects.filter(creation_token=token).first()
    if existing is not None:
        if existing.applicant_id != applicant.pk:
            raise FundError(_("This form was already used. Start again."))
        return existing
    try:
        with transaction.atomic():
            application = Application.objects.create(
                reference=_reference(tier),
                programme=programme,
                applicant=applicant,
                tier=tier,
                category="",
                language=language if language in {"be", "ru", "en"} else "en",
                currency=programme.currency,
                creation_token=token,
                is_demo=programme.is_demo,
            )
            audit.record(action="fund.application.created", target=application, detail={"tier": tier}, by=by)
    except IntegrityError:
        return Application.objects.get(creation_token=token)
    return application


def save_draft(application: Application, *, fields: Mapping[str, Any], by: Any) -> Application:
    """Save answers of a draft; only its applicant, and only while it is a draft."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state != State.DRAFT:
            raise FundError(_("This application was already submitted; it can no longer be changed."))
        for name, value in fields.items():
            if name == "budget_lines":
                application.budget_lines.all().delete()
                BudgetLine.objects.bulk_create(
                    BudgetLine(application=application, description=d, amount=a) for d, a in value
                )
            else:
                setattr(application, name, value)
        application.save()
    return application


def add_attachment(
    application: Application,
    *,
    upload: IO[bytes],
    name: str,
    size: int,
    by: Any,
    report: Report | None = None,
) -> Attachment:
    """Store a file after checking its size and that its content is what its name claims."""
    if size > attachments.MAX_ATTACHMENT_BYTES:
        raise AttachmentRefused(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(size / 1_048_576, 1), "limit": attachments.MAX_ATTACHMENT_BYTES // 1_048_576}
        )
    if size == 0:
        raise AttachmentRefused(_("The file is empty."))
    expected = attachments.KIND_BY_EXTENSION.get(attachments.extension_of(name))
    if expected is None:
        raise AttachmentRefused(
            _("Files of this type are not accepted. Send PDF, PNG, JPEG, ODT, DOCX, XLSX, TXT or CSV.")
        )
    found = attachments.sniff(upload)
    if found != expected:
        raise AttachmentRefused(
            _("The file's content is not a %(kind)s file, whatever its name says. It was not stored.")
            % {"kind": attachments.extension_of(name).upper()}
        )
    from django.core.files import File

    with transaction.atomic():
        attachment = Attachment(
            application=application,
            report=report,
            original_name=name[:200],
            content_type=attachments.CONTENT_TYPES[found],
            size=size,
        )
        attachment.file.save("upload", File(upload), save=False)
        attachment.save()
        audit.record(
            action="fund.attachment.added",
            target=application,
            detail={"attachment": attachment.pk, "type": found, "size": size},
            by=by,
        )
    return attachment


# --- Submission ---------------------------------------------------------------------------------------------

RAPID_ELIGIBILITY = {
    "repression_related": True,  # the need arises from repression or an urgent threat
    "non_violent": True,  # the activity is peaceful civic, media, legal or humanitarian work
    "other_funding": False,  # no other donor already covers the same cost
}


def eligibility_problems(answers: Mapping[str, Any]) -> list[str]:
    """Reasons a rapid-response request falls outside the fund's rules (empty list: eligible)."""
    messages = {
        "repression_related": _("The need does not arise from repression or an urgent threat."),
        "non_violent": _(
            "The activity is not declared as peaceful civic, media, legal or humanitarian work."
        ),
        "other_funding": _("Another donor already covers the same cost."),
    }
    return [messages[key] for key, wanted in RAPID_ELIGIBILITY.items() if bool(answers.get(key)) != wanted]


def _completeness(application: Application) -> list[str]:
    problems = []
    if not application.category:
        problems.append(_("Choose a category."))
    if not application.title.strip():
        problems.append(_("Give a short title."))
    if not application.summary.strip():
        problems.append(_("Say what is needed and why."))
    if application.amount_requested is None:
        problems.append(_("Give the amount you request."))
    if application.currency != application.programme.currency:
        problems.append(
            _("This programme pays in %(currency)s; give the amount in %(currency)s.")
            % {"currency": application.programme.currency}
        )
    if application.tier == Tier.RAPID:
        if (
            application.amount_requested
            and application.amount_requested > application.programme.rapid_ceiling
        ):
            problems.append(
                _(
                    "Rapid-response grants are at most %(ceiling)s "
                    "%(currency)s; apply for long-term funding instead."
                )
                % {"ceiling": application.programme.rapid_ceiling, "currency": application.programme.currency}
            )
    else:
        for name, label in (
            ("objectives", _("objectives")),
            ("activities", _("activities")),
            ("risks", _("risks")),
            ("digital_security_plan", _("digital-security plan")),
        ):
            if not getattr(application, name).strip():
                problems.append(_("Describe the %(part)s.") % {"part": label})
        total = application.budget_total
        if not application.budget_lines.exists():
            problems.append(_("Add at least one budget line."))
        elif application.amount_requested is not None and total != application.amount_requested:
            problems.append(
                _("The budget lines add up to %(total)s but you request %(amount)s.")
                % {"total": total, "amount": application.amount_requested}
            )
    return problems


def submit(application: Application, *, token: uuid.UUID | str, by: Any) -> Application:
    """Submit a draft, once: the same token a second time returns the submitted application unchanged."""
    token = uuid.UUID(str(token))
    warm_up()
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state != State.DRAFT and application.submission_token == token:
            return application
        workflow.check("submit", application.state, by)
        problems = _completeness(application)
        if problems:
            raise FundError(" ".join(problems))
        now = timezone.now()
        application.submission_token = token
        application.submitted_at = now
        programme = application.programme
        if application.tier == Tier.RAPID:
            application.eligibility_problems = eligibility_problems(application.eligibility)
            application.decision_due_at = now + timedelta(hours=programme.decision_clock_hours)
            timing = letters.render(
                "timing_rapid", application.language, hours=programme.decision_clock_hours
            )
        else:
            application.review_round = programme.next_review_round(timezone.localdate(now))
            timing = letters.render(
                "timing_long", application.language, round=application.review_round.isoformat()
            )
        _move(application, "submit", by=by)
        letter = letters.render(
            "received",
            application.language,
            reference=application.reference,
            title=application.title,
            timing=timing.body,
        )
        Message.objects.create(application=application, subject=letter.subject, body=letter.body)
        _screen_application(application, by=by)
    return application


def _move(application: Application, name: str, *, by: Any, note: str = "") -> None:
    """Take one edge of the table (already checked) and write history and audit."""
    transition = workflow.BY_NAME[name]
    before = application.state
    application.state = transition.target
    if transition.target in {State.APPROVED, State.REJECTED}:
        application.decided_at = timezone.now()
    application.save()
    StateChange.objects.create(
        application=application,
        transition=name,
        from_state=before,
        to_state=transition.target,
        by=_user(by),
        note=note,
    )
    audit.record(
        action=f"fund.application.{name}",
        target=application,
        detail={"from": before, "to": transition.target, "note": note[:500]},
        by=by,
    )


def take(application: Application, name: str, *, by: Any, note: str = "") -> Application:
    """A transition with no money attached: start review, return to review, withdraw, close."""
    if name in {"submit", "approve", "reject", "recommend", "refuse_sanctioned"}:
        raise ValueError(f"use the service for {name}")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        workflow.check(name, application.state, by)
        if by is not None and by.is_applicant and application.applicant.user_id != by.pk:
            raise TransitionRefused(_("This is not your application."))
        _move(application, name, by=by, note=note)
    return application


# --- Review -------------------------------------------------------------------------------------------------


def record_review(
    application: Application,
    *,
    by: Any,
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


def recommend(application: Application, *, by: Any, note: str = "") -> Application:
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


def open_holds(application: Application) -> bool:
    return application.holds.filter(status=ScreeningHold.Status.OPEN).exists()


def confirmed_match(application: Application) -> bool:
    """A sanctions analyst confirmed a match for a party of this application: nothing may be paid, ever."""
    return application.holds.filter(status=ScreeningHold.Status.CONFIRMED).exists()


def envelope_for(application: Application, year: int | None = None) -> Envelope | None:
    return Envelope.objects.filter(
        programme=application.programme,
        tier=application.tier,
        category=application.category,
        year=year or timezone.localdate().year,
    ).first()


def approve(application: Application, *, by: Any, amount: Any = None, note: str = "") -> Grant:
    """Approve and commit the money: the envelope row is locked, so two approvals against its last euro cannot
    both pass; the database constraint (committed <= allocated) stands behind the check."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        workflow.check("approve", application.state, by)
        if open_holds(application):
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
        envelope = envelope_for(application)
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
            Tranche.objects.create(
                grant=grant, number=1, amount=amount, milestone=_("Rapid-response payment")
            )
        _entry(envelope, EnvelopeEntry.Kind.COMMITMENT, amount, application.reference, by)
        _move(application, "approve", by=by, note=note)
        _letter(
            application,
            "approved",
            by=by,
            amount=letters.amount_in(application.language, amount, envelope.currency),
            next_steps=letters.render("next_rapid" if rapid else "next_long", application.language).body,
            note=note,
        )
    return grant


def reject(application: Application, *, by: Any, note: str = "") -> Application:
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        workflow.check("reject", application.state, by)
        _move(application, "reject", by=by, note=note)
        _letter(application, "rejected", by=by, note=note, days=application.programme.retention_days)
    return application


def _letter(application: Application, kind: str, *, by: Any, **values: Any) -> Message:
    letter = letters.render(
        kind, application.language, reference=application.reference, title=application.title, **values
    )
    return Message.objects.create(
        application=application, subject=letter.subject, body=letter.body, by=_user(by)
    )


def send_message(application: Application, *, body: str, by: Any) -> Message:
    if not body.strip():
        raise FundError(_("The message is empty."))
    from_fund = not getattr(by, "is_applicant", False)
    if not from_fund and application.applicant.user_id != by.pk:
        raise FundError(_("This is not your application."))
    with transaction.atomic():
        message = Message.objects.create(
            application=application,
            from_fund=from_fund,
            subject=_("Message from the fund") if from_fund else _("Message from the applicant"),
            body=body.strip()[:5000],
            by=_user(by),
        )
        audit.record(action="fund.message.sent", target=application, detail={"from_fund": from_fund}, by=by)
    return message


# --- Grant agreement, reports, tranches ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedTranche:
    amount: Decimal
    due_on: date | None
    milestone: str


def set_up_agreement(grant: Grant, *, tranches: Iterable[PlannedTranche], by: Any) -> Grant:
    """Plan a long-term grant's tranches (they must add up to the grant) and sign the agreement. Every tranche
    after the first is released only once its report is accepted."""
    _require(by, Role.FUND_MANAGER)
    planned = list(tranches)
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        if grant.status != Grant.Status.AGREEMENT:
            raise TrancheRefused(_("The agreement is already signed."))
        if not planned:
            raise TrancheRefused(_("Plan at least one tranche."))
        total = sum((parse_amount(t.amount) for t in planned), Decimal("0"))
        if total != grant.amount:
            raise TrancheRefused(
                _("The tranches add up to %(total)s but the grant is %(amount)s.")
                % {"total": total, "amount": grant.amount}
            )
        grant.tranches.all().delete()
        for number, t in enumerate(planned, start=1):
            Tranche.objects.create(
                grant=grant,
                number=number,
                amount=t.amount,
                due_on=t.due_on,
                milestone=t.milestone,
                requires_report=number > 1,
            )
        grant.status = Grant.Status.ACTIVE
        grant.agreement_signed_at = timezone.now()
        grant.save()
        audit.record(
            action="fund.grant.agreement_signed",
            target=grant,
            detail={"tranches": [str(t.amount) for t in planned]},
            by=by,
        )
    return grant


def give_payment_details(grant: Grant, *, payee_name: str, details: Mapping[str, str], by: Any) -> Grant:
    """The grantee gives (or changes) where to pay; the payee is screened at once."""
    if by is not None and by.is_applicant and grant.application.applicant.user_id != by.pk:
        raise FundError(_("This is not your grant."))
    if not payee_name.strip():
        raise FundError(_("Give the payee's name."))
    warm_up()
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        grant.payee_name = payee_name.strip()
        grant.payment_details = dict(details)
        grant.save()
        audit.record(
            action="fund.grant.payment_details", target=grant, detail={"fields": sorted(details)}, by=by
        )
        _hold_if_matched(
            grant.application,
            "payee",
            payee_name.strip(),
            screen_party(payee_name.strip(), kind="payee"),
            by=by,
            grant=grant,
            country=details.get("country") or None,
        )
    return grant


def submit_report(
    grant: Grant, *, tranche: Tranche, narrative: str, spent: Any, financial_notes: str, by: Any
) -> Report:
    if by is not None and by.is_applicant and grant.application.applicant.user_id != by.pk:
        raise FundError(_("This is not your grant."))
    if tranche.grant_id != grant.pk:
        raise FundError(_("This tranche belongs to another grant."))
    if not narrative.strip():
        raise FundError(_("The narrative report is empty."))
    try:
        spent_amount = Decimal(str(spent))
    except InvalidOperation:
        raise AmountRefused(_("“%(value)s” is not an amount of money.") % {"value": spent}) from None
    if spent_amount < 0:
        raise AmountRefused(_("The amount spent cannot be negative."))
    with transaction.atomic():
        report = Report.objects.create(
            grant=grant,
            tranche=tranche,
            narrative=narrative.strip(),
            spent=spent_amount,
            financial_notes=financial_notes.strip(),
        )
        audit.record(action="fund.report.submitted", target=grant, detail={"report": report.pk}, by=by)
    return report


def review_report(report: Report, *, accept: bool, note: str = "", by: Any) -> Report:
    _require(by, Role.FUND_MANAGER)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status != Report.Status.SUBMITTED:
            raise FundError(_("This report was already reviewed."))
        report.status = Report.Status.ACCEPTED if accept else Report.Status.RETURNED
        report.reviewed_by = _user(by)
        report.review_note = note
        report.save()
        audit.record(
            action="fund.report.reviewed",
            target=report.grant,
            detail={"report": report.pk, "accepted": accept},
            by=by,
        )
        if not accept and note:
            Message.objects.create(
                application=report.grant.application,
                subject=_("Your report was returned"),
                body=note,
                by=_user(by),
            )
    return report


def release_tranche(
    tranche: Tranche,
    *,
    method: str,
    reference: str,
    paid_on: date,
    currency: str,
    intermediary: str = "",
    by: Any,
) -> Disbursement:
    """Record the payment of a tranche. Refused before its report is accepted, while a screening hold is open,
    without payment details, or in another currency than the grant."""
    _require(by, Role.FINANCE_OFFICER)
    if method not in PaymentMethod.values:
        raise TrancheRefused(_("Choose a payment method."))
    if method == PaymentMethod.INTERMEDIARY and not intermediary.strip():
        raise TrancheRefused(_("Name the intermediary organisation."))
    if not reference.strip():
        raise TrancheRefused(_("Give the payment reference."))
    if method == PaymentMethod.INTERMEDIARY:
        warm_up()
        # Screened in a transaction of its own: a hold it opens must outlive the refusal that follows.
        with transaction.atomic():
            _hold_if_matched(
                tranche.grant.application,
                "intermediary",
                intermediary.strip(),
                screen_party(intermediary.strip(), kind="intermediary"),
                by=by,
                grant=tranche.grant,
            )
    with transaction.atomic():
        tranche = Tranche.objects.select_for_update().get(pk=tranche.pk)
        grant = Grant.objects.select_for_update().get(pk=tranche.grant_id)
        application = grant.application
        if tranche.status == Tranche.Status.RELEASED:
            raise TrancheRefused(_("This tranche was already released."))
        if grant.status != Grant.Status.ACTIVE:
            raise TrancheRefused(_("The grant agreement is not signed yet."))
        if currency != grant.currency:
            raise TrancheRefused(
                _("The grant is paid in %(a)s, not %(b)s.") % {"a": grant.currency, "b": currency}
            )
        if tranche.requires_report and not tranche.report_accepted:
            raise TrancheRefused(_("This tranche is released only after its report is accepted."))
        earlier = grant.tranches.filter(number__lt=tranche.number, status=Tranche.Status.PLANNED).exists()
        if earlier:
            raise TrancheRefused(_("Release the earlier tranches first."))
        if not grant.payee_name:
            raise TrancheRefused(_("The grantee has not given payment details yet."))
        if confirmed_match(application):
            raise HeldForScreening(
                _("A sanctions analyst confirmed a match for this grant: it cannot be paid.")
            )
        if open_holds(application):
            raise HeldForScreening(
                _("A possible sanctions match holds this payment until an analyst decides.")
            )
        envelope = _lock_envelope(grant.envelope_id)
        Envelope.objects.filter(pk=envelope.pk).update(disbursed=F("disbursed") + tranche.amount)
        disbursement = Disbursement.objects.create(
            tranche=tranche,
            amount=tranche.amount,
            currency=grant.currency,
            method=method,
            reference=reference.strip(),
            paid_on=paid_on,
            intermediary=intermediary.strip(),
            recorded_by=_user(by),
        )
        tranche.status = Tranche.Status.RELEASED
        tranche.save()
        _entry(
            envelope,
            EnvelopeEntry.Kind.DISBURSEMENT,
            tranche.amount,
            f"{application.reference} #{tranche.number}",
            by,
        )
        audit.record(
            action="fund.tranche.released",
            target=grant,
            detail={"tranche": tranche.number, "amount": str(tranche.amount), "method": method},
            by=by,
        )
        _letter(
            application,
            "released",
            by=by,
            number=tranche.number,
            amount=letters.amount_in(application.language, tranche.amount, grant.currency),
            date=paid_on.isoformat(),
        )
        if not grant.tranches.filter(status=Tranche.Status.PLANNED).exists():
            grant.status = Grant.Status.CLOSED
            grant.save()
            application = Application.objects.select_for_update().get(pk=application.pk)
            if application.state == State.APPROVED:
                _move(application, "complete", by=by, note=_("Every tranche was paid."))
    return disbursement


# --- Sanctions screening holds ------------------------------------------------------------------------------


def _hold_if_matched(
    application: Application,
    party: str,
    name: str,
    matches: list[PossibleMatch],
    *,
    by: Any,
    grant: Grant | None = None,
    country: str | None = None,
) -> ScreeningHold | None:
    """Open a hold for possible matches, unless an analyst already decided on this very set of matches."""
    if not matches:
        return None
    mark = fingerprint(matches)
    # Open, cleared or confirmed: an analyst has this very set of matches already.
    decided = application.holds.filter(party=party, fingerprint=mark)
    if decided.exists():
        return None
    hold = ScreeningHold.objects.create(
        application=application,
        grant=grant,
        party=party,
        screened_name=name,
        matches=[m.to_dict() for m in matches],
        fingerprint=mark,
    )
    Notification.objects.get_or_create(
        kind=Notification.Kind.SCREENING_HOLD,
        key=str(hold.pk),
        defaults={
            "role": Role.SANCTIONS_ANALYST,
            "application": application,
            "text": _("Possible sanctions match"),
        },
    )
    audit.record(
        action="fund.screening.held",
        target=application,
        detail={"hold": hold.pk, "party": party, "matches": [m.entity_id for m in matches]},
        by=by,
    )
    return hold


def _screen_application(application: Application, *, by: Any) -> list[ScreeningHold]:
    holds = []
    for party, field_name in (("applicant", "contact_name"), ("grantee", "organisation_name")):
        if not getattr(application, field_name):
            continue
        name = reveal(application, field_name, by=by, purpose="sanctions screening")
        hold = _hold_if_matched(application, party, name, screen_party(name, kind=party), by=by)
        if hold is not None:
            holds.append(hold)
    grant = getattr(application, "grant", None) if application.state == State.APPROVED else None
    if grant is not None and grant.payee_name:
        name = reveal(grant, "payee_name", by=by, purpose="sanctions screening")
        hold = _hold_if_matched(
            application, "payee", name, screen_party(name, kind="payee"), by=by, grant=grant
        )
        if hold is not None:
            holds.append(hold)
    return holds


def rescreen_all(*, by: Any = None) -> int:
    """Screen every open application and every grant with money still to pay again; the sanctions side calls
    this after each list import. Returns the number of new holds."""
    count = 0
    warm_up()
    live = Application.objects.filter(
        state__in=[State.SUBMITTED, State.IN_REVIEW, State.RECOMMENDED, State.APPROVED]
    )
    for application in live.iterator():
        with transaction.atomic():
            count += len(_screen_application(application, by=by))
    return count


def decide_hold(hold: ScreeningHold, *, confirm: bool, reason: str, by: Any) -> ScreeningHold:
    """A sanctions analyst clears a false positive or confirms the match (which refuses the application)."""
    _require(by, Role.SANCTIONS_ANALYST)
    if not reason.strip():
        raise FundError(_("Give the reason for your decision."))
    with transaction.atomic():
        hold = ScreeningHold.objects.select_for_update().get(pk=hold.pk)
        if hold.status != ScreeningHold.Status.OPEN:
            raise FundError(_("This hold was already decided."))
        hold.status = ScreeningHold.Status.CONFIRMED if confirm else ScreeningHold.Status.CLEARED
        hold.reason = reason.strip()
        hold.decided_by = _user(by)
        hold.decided_at = timezone.now()
        hold.save()
        Notification.objects.filter(kind=Notification.Kind.SCREENING_HOLD, key=str(hold.pk)).update(
            resolved_at=timezone.now()
        )
        audit.record(
            action="fund.screening.confirmed" if confirm else "fund.screening.cleared",
            target=hold.application,
            detail={"hold": hold.pk, "reason": hold.reason},
            by=by,
        )
        application = Application.objects.select_for_update().get(pk=hold.application_id)
        if confirm and workflow.may("refuse_sanctioned", application.state, by):
            _move(application, "refuse_sanctioned", by=by, note=hold.reason)
    return hold


# --- Decision clocks and retention --------------------------------------------------------------------------


def clock_status(application: Application, now: datetime | None = None) -> str:
    """ "ok", "at_risk" (less than a quarter of the clock left) or "overdue"; "" when no clock runs."""
    if application.decision_due_at is None or application.state not in workflow.OPEN_STATES:
        return ""
    now = now or timezone.now()
    left = application.decision_due_at - now
    if left <= timedelta(0):
        return "overdue"
    if left <= timedelta(hours=application.programme.decision_clock_hours) / 4:
        return "at_risk"
    return "ok"


def escalate_decision_clocks(now: datetime | None = None) -> int:
    """Notify fund managers of rapid-response requests whose clock is at risk or overdue (once each)."""
    now = now or timezone.now()
    created = 0
    queue = Application.objects.filter(
        tier=Tier.RAPID, state__in=workflow.OPEN_STATES, decision_due_at__isnull=False
    ).select_related("programme")
    for application in queue:
        status = clock_status(application, now)
        if status not in {"at_risk", "overdue"}:
            continue
        kind = Notification.Kind.CLOCK_OVERDUE if status == "overdue" else Notification.Kind.CLOCK_AT_RISK
        _notification, made = Notification.objects.get_or_create(
            kind=kind,
            key=str(application.pk),
            defaults={
                "role": Role.FUND_MANAGER,
                "application": application,
                "text": _("%(reference)s: decision due %(due)s")
                % {
                    "reference": application.reference,
                    "due": timezone.localtime(application.decision_due_at),
                },
            },
        )
        created += int(made)
    return created


def erase_expired_personal_data(*, now: datetime | None = None, by: Any = None) -> int:
    """Erase the personal data of rejected and withdrawn applications older than their programme's
    retention."""
    now = now or timezone.now()
    erased = 0
    candidates = Application.objects.filter(
        state__in=[State.REJECTED, State.WITHDRAWN], personal_data_erased_at__isnull=True
    ).select_related("programme")
    for application in candidates:
        ended = application.decided_at or application.submitted_at or application.created_at
        if ended + timedelta(days=application.programme.retention_days) > now:
            continue
        with transaction.atomic():
            locked = Application.objects.select_for_update().get(pk=application.pk)
            for name in ("organisation_name", "contact_name", "contact_details", "address"):
                setattr(locked, name, "")
            locked.personal_data_erased_at = now
            locked.save()
            for attachment in locked.attachments.all():
                attachment.file.delete(save=False)
                attachment.delete()
            audit.record(action="fund.retention.erased", target=locked, detail={"reason": "retention"}, by=by)
            applicant = locked.applicant
            still_held = applicant.applications.exclude(pk=locked.pk).filter(
                personal_data_erased_at__isnull=True
            )
            if (applicant.name or applicant.email) and not still_held.exists():
                # Nothing of theirs is kept any more: the account's own name and e-mail go too.
                applicant.name = ""
                applicant.email = ""
                applicant.save()
        erased += 1
    return erased
