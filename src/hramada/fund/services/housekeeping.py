"""Scheduled work: decision-clock escalation and retention of personal data."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role
from hramada.fund import workflow
from hramada.fund.models import (
    Application,
    Notification,
    Tier,
)
from hramada.fund.selectors import clock_status_of
from hramada.fund.workflow import State

if TYPE_CHECKING:
    from hramada.core.models import User

# --- Decision clocks and retention --------------------------------------------------------------------------


def escalate_decision_clocks(now: datetime | None = None) -> int:
    """Notify fund managers of rapid-response requests whose clock is at risk or overdue (once each)."""
    now = now or timezone.now()
    created = 0
    queue = Application.objects.filter(
        tier=Tier.RAPID, state__in=workflow.OPEN_STATES, decision_due_at__isnull=False
    ).select_related("programme")
    for application in queue:
        status = clock_status_of(application, now)
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


def erase_expired_personal_data(*, now: datetime | None = None, by: User | None = None) -> int:
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
            # Contacts, and everything the applicant wrote: a summary or a message may name people and places.
            for name in (
                "organisation_name",
                "contact_name",
                "contact_details",
                "address",
                "title",
                "summary",
                "objectives",
                "activities",
                "risks",
                "digital_security_plan",
            ):
                setattr(locked, name, "")
            locked.personal_data_erased_at = now
            locked.save()
            for message in locked.messages.all():
                message.body = "—"
                message.save(update_fields=["body"])
            for change in locked.history.all():
                if change.note:
                    change.note = ""
                    change.save(update_fields=["note"])
            for line in locked.budget_lines.all():
                line.description = "—"
                line.save(update_fields=["description"])
            # Reviewers' comments and conflict notes, and the analyst's reason on a hold, can name the applicant
            # ("I know Ala from ...") as surely as the application does.
            reviews = 0
            for review in locked.reviews.all():
                if review.comment or review.conflict_note:
                    review.comment = ""
                    review.conflict_note = ""
                    review.save(update_fields=["comment", "conflict_note"])
                    reviews += 1
            for hold in locked.holds.all():
                hold.screened_name = ""
                hold.matches = []
                hold.reason = ""
                hold.save(update_fields=["screened_name", "matches", "reason"])
            for attachment in locked.attachments.all():
                attachment.file.delete(save=False)
                attachment.delete()
            audit.record(
                action="fund.retention.erased",
                target=locked,
                detail={"reason": "retention", "reviews": reviews},
                by=by,
            )
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
