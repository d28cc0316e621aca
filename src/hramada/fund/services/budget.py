"""Budget: programme policy, allocations and reallocations between envelopes (four-eyes above a limit)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.retry import retry_on_conflict
from hramada.core.roles import Role
from hramada.fund.models import (
    Envelope,
    EnvelopeEntry,
    Notification,
    Programme,
    Reallocation,
)
from hramada.fund.services.common import (
    _entry,
    _lock_envelope,
    _lock_envelopes,
    _require,
    _user,
    parse_amount,
)
from hramada.fund.services.errors import ReallocationRefused

if TYPE_CHECKING:
    from hramada.core.models import User


def update_policy(programme: Programme, *, by: User | None, **changes: Any) -> Programme:
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
        "name",
        "name_be",
        "name_ru",
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


@retry_on_conflict
def allocate(envelope: Envelope, amount: Any, *, by: User | None, note: str = "") -> Envelope:
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


@retry_on_conflict
def request_reallocation(
    *,
    source: Envelope,
    target: Envelope,
    amount: Any,
    reason: str,
    by: User | None,
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
        locked = _lock_envelopes(source.pk, target.pk)[source.pk]
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


@retry_on_conflict
def approve_reallocation(reallocation: Reallocation, *, by: User | None) -> Reallocation:
    _require(by, Role.FUND_MANAGER)
    with transaction.atomic():
        reallocation = Reallocation.objects.select_for_update().get(pk=reallocation.pk)
        if reallocation.status != Reallocation.Status.PENDING:
            raise ReallocationRefused(_("This reallocation was already decided."))
        _lock_envelopes(reallocation.source_id, reallocation.target_id)
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


def reject_reallocation(reallocation: Reallocation, *, by: User | None, note: str = "") -> Reallocation:
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


def _execute(reallocation: Reallocation, *, by: User | None) -> None:
    # Both envelopes in primary-key order (the callers already hold them, before the audit chain head).
    locked = _lock_envelopes(reallocation.source_id, reallocation.target_id)
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
