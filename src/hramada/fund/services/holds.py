"""Sanctions screening holds: raised on possible matches, cleared or confirmed by a sanctions analyst."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.personal_data import reveal
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
from hramada.sanctions import public

if TYPE_CHECKING:
    from hramada.core.models import User

# --- Sanctions screening holds ------------------------------------------------------------------------------


def _hold_if_matched(
    application: Application,
    party: str,
    name: str,
    matches: list[PossibleMatch],
    *,
    by: User | None,
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
            "text": _("The listed record changed since your decision")
            if any(m.listed_changed for m in matches)
            else _("Possible sanctions match"),
        },
    )
    audit.record(
        action="fund.screening.held",
        target=application,
        detail={"hold": hold.pk, "party": party, "matches": [m.entity_id for m in matches]},
        by=by,
    )
    return hold


def _screen_application(application: Application, *, by: User | None) -> list[ScreeningHold]:
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


def rescreen_all(*, by: User | None = None) -> int:
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


def rescreen_application(application_id: int, *, by: User | None = None) -> int:
    """Screen one application's parties again (its applicant, organisation, payee and the intermediaries its
    tranches were paid through), as the monitoring app asks when one of them flipped on a list change. Returns the
    number of new holds; an application no longer open is left alone."""
    application = Application.objects.filter(
        pk=application_id, state__in=[State.SUBMITTED, State.IN_REVIEW, State.RECOMMENDED, State.APPROVED]
    ).first()
    if application is None:
        return 0
    warm_up()
    with transaction.atomic():
        holds = _screen_application(application, by=by)
        grant = getattr(application, "grant", None) if application.state == State.APPROVED else None
        if grant is not None:
            names = {
                name
                for name in grant.tranches.filter(disbursement__isnull=False)
                .exclude(disbursement__intermediary="")
                .values_list("disbursement__intermediary", flat=True)
            }
            for name in sorted(names):
                matches = screen_party(
                    name, kind="intermediary", ref=party_ref(application.pk, "intermediary"), by=by
                )
                hold = _hold_if_matched(application, "intermediary", name, matches, by=by, grant=grant)
                if hold is not None:
                    holds.append(hold)
    return len(holds)


def decide_hold(hold: ScreeningHold, *, confirm: bool, reason: str, by: User | None) -> ScreeningHold:
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
        _remember(hold, confirm=confirm, by=by)
        audit.record(
            action="fund.screening.confirmed" if confirm else "fund.screening.cleared",
            target=hold.application,
            # The reason stays on the hold, where retention erases it; the append-only log keeps no free text.
            detail={"hold": hold.pk},
            by=by,
        )
        application = Application.objects.select_for_update().get(pk=hold.application_id)
        if confirm and workflow.may("refuse_sanctioned", application.state, by):
            _move(application, "refuse_sanctioned", by=by, note=hold.reason)
    return hold


def _remember(hold: ScreeningHold, *, confirm: bool, by: User | None) -> None:
    """The sanctions app remembers the analyst's decision on each (party, listed entity) pair of the hold, so a
    false positive is not raised again until the listed record's identifying data changes."""
    if by is None:
        return
    matches = (
        hold.reveal("matches", by=by, purpose="remembering the analyst's decision on each listed match") or []
    )
    for match in matches:
        try:
            public.remember_decision(
                party_ref=party_ref(hold.application_id, hold.party),
                entity_id=str(match.get("entity_id", "")),
                confirmed=confirm,
                reason=hold.reason,
                identity=str(match.get("identity", "")),
                caption=str(match.get("caption", "")),
                origin=f"fund.hold:{hold.pk}",
                by=by,
            )
        except public.DecisionRefusedError as error:
            raise FundError(str(error)) from error


def forget_cleared_holds(ref: str, entity_id: str) -> int:
    """The cleared holds of the party ``ref`` names that matched ``entity_id`` stop counting as decided (their
    fingerprint no longer matches a screening), because the decision that cleared them was reversed. Returns how
    many; refs of other apps are not the fund's and change nothing."""
    prefix, _sep, rest = ref.partition(":")
    application_id, _sep, party = rest.partition(":")
    if prefix != "fund.application" or not application_id.isdigit():
        return 0
    count = 0
    with transaction.atomic():
        cleared = ScreeningHold.objects.select_for_update().filter(
            application_id=int(application_id), party=party, status=ScreeningHold.Status.CLEARED
        )
        for hold in cleared:
            matches = (
                hold.reveal("matches", by=None, purpose="re-opening holds after a decision was reversed")
                or []
            )
            if any(m.get("entity_id") == entity_id for m in matches):
                hold.fingerprint = hashlib.sha256(f"reversed:{hold.fingerprint}".encode()).hexdigest()
                hold.save(update_fields=["fingerprint"])
                count += 1
    return count
