"""Sanctions screening holds: raised on possible matches, cleared or confirmed by a sanctions analyst."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.fields import reveal
from hramada.core.roles import Role
from hramada.fund import workflow
from hramada.fund.models import (
    Application,
    Grant,
    Notification,
    ScreeningHold,
)
from hramada.fund.screening import PossibleMatch, fingerprint, party_ref, screen_party, warm_up
from hramada.fund.services.common import _move, _require, _user
from hramada.fund.services.errors import FundError
from hramada.fund.workflow import State


def open_holds(application: Application) -> bool:
    return application.holds.filter(status=ScreeningHold.Status.OPEN).exists()


def confirmed_match(application: Application) -> bool:
    """A sanctions analyst confirmed a match for a party of this application: nothing may be paid, ever."""
    return application.holds.filter(status=ScreeningHold.Status.CONFIRMED).exists()


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
    """Open a hold for possible matches, unless an analyst already decided on this very set of matches (or
    on each of them, as a false positive on the listed record as it still reads)."""
    matches = [m for m in matches if not m.silenced]
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
        matches = screen_party(name, kind=party, ref=party_ref(application.pk, party), by=by)
        hold = _hold_if_matched(application, party, name, matches, by=by)
        if hold is not None:
            holds.append(hold)
    grant = getattr(application, "grant", None) if application.state == State.APPROVED else None
    if grant is not None and grant.payee_name:
        name = reveal(grant, "payee_name", by=by, purpose="sanctions screening")
        matches = screen_party(name, kind="payee", ref=party_ref(application.pk, "payee"), by=by)
        hold = _hold_if_matched(application, "payee", name, matches, by=by, grant=grant)
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
