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
