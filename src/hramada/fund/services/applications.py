"""Applicants and their applications: accounts, drafts, attachments, submission, withdrawal, messages."""

from __future__ import annotations

import secrets
import string
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import IO, Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.models import User
from hramada.core.roles import AccountKind
from hramada.fund import attachments, letters, workflow
from hramada.fund.models import (
    Applicant,
    Application,
    Attachment,
    BudgetLine,
    Message,
    Programme,
    Report,
    Tier,
)
from hramada.fund.screening import warm_up
from hramada.fund.services.common import _given, _move, _title_for_letter, _user
from hramada.fund.services.errors import AttachmentRefused, FundError
from hramada.fund.services.holds import _screen_application
from hramada.fund.workflow import State, TransitionRefused

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
    optional.

    A demo applicant gets no passphrase (an empty one in the result) and cannot sign in: nobody would ever be
    shown it, and hashing the demo's thirty-odd passphrases with Argon2 cost seconds of every first run.
    """
    with transaction.atomic():
        while True:
            code = _code()
            if not User.objects.filter(username=code).exists():
                break
        passphrase = "" if demo else _passphrase()
        user = User.objects.create_user(
            username=code,
            password=passphrase or None,  # None: an unusable password
            kind=AccountKind.APPLICANT,
            preferred_language=language,
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
    *,
    applicant: Applicant,
    programme: Programme,
    tier: str,
    token: uuid.UUID | str,
    language: str,
    by: User | None,
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


def save_draft(application: Application, *, fields: Mapping[str, Any], by: User | None) -> Application:
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
    by: User | None,
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


def completeness_problems(application: Application) -> list[str]:
    problems = []
    if not application.category:
        problems.append(_("Choose a category."))
    if not _given(application.title):
        problems.append(_("Give a short title."))
    if not _given(application.summary):
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
            if not _given(getattr(application, name)):
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


def submit(application: Application, *, token: uuid.UUID | str, by: User | None) -> Application:
    """Submit a draft, once: the same token a second time returns the submitted application unchanged."""
    token = uuid.UUID(str(token))
    warm_up()
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state != State.DRAFT and application.submission_token == token:
            return application
        workflow.check("submit", application.state, by)
        problems = completeness_problems(application)
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
            title=_title_for_letter(application, by=by),
            timing=timing.body,
        )
        Message.objects.create(application=application, subject=letter.subject, body=letter.body)
        _screen_application(application, by=by)
    return application


def take(application: Application, name: str, *, by: User | None, note: str = "") -> Application:
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


def _subject(application: Application, from_fund: bool) -> str:
    with translation.override(application.language or None):
        return _("Message from the fund") if from_fund else _("Message from the applicant")


def send_message(application: Application, *, body: str, by: User | None) -> Message:
    if not body.strip():
        raise FundError(_("The message is empty."))
    from_fund = not getattr(by, "is_applicant", False)
    if not from_fund and (by is None or application.applicant.user_id != by.pk):
        raise FundError(_("This is not your application."))
    with transaction.atomic():
        message = Message.objects.create(
            application=application,
            from_fund=from_fund,
            # Stored words are in the applicant's language, as letters are: the applicant reads them.
            subject=_subject(application, from_fund),
            body=body.strip()[:5000],
            by=_user(by),
        )
        audit.record(action="fund.message.sent", target=application, detail={"from_fund": from_fund}, by=by)
    return message
