"""Changing screening profiles: audited, and four-eyed when the change makes screening less sensitive.

The policy: a change that can only find more (a lower threshold, more candidates or results) applies at once; a
change that may find less (a higher match or review threshold, fewer candidates or results) waits until a
second administrator approves it, because a quiet loosening is how a sanctioned party slips through.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role
from hramada.sanctions.models import ProfileChange, ScreeningProfile
from hramada.sanctions.profiles import DEFAULTS

if TYPE_CHECKING:
    from hramada.core.models import User


class ProfileChangeRefusedError(Exception):
    """A profile change that may not be made; the message is for the administrator."""


def _require_administrator(by: User | None) -> User:
    if by is None or not getattr(by, "is_authenticated", False) or not by.has_role(Role.ADMINISTRATOR):
        raise ProfileChangeRefusedError(_("Only an administrator may change screening profiles."))
    return by


def _threshold(value: Any, label: str) -> Decimal:
    try:
        number = Decimal(str(value)).quantize(Decimal("0.001"))
    except (InvalidOperation, ValueError):
        raise ProfileChangeRefusedError(
            _("%(field)s: “%(value)s” is not a number.") % {"field": label, "value": value}
        ) from None
    if not Decimal(0) <= number <= Decimal(1):
        raise ProfileChangeRefusedError(_("%(field)s must be between 0 and 1.") % {"field": label})
    return number


def _count(value: Any, label: str, most: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ProfileChangeRefusedError(
            _("%(field)s: “%(value)s” is not a whole number.") % {"field": label, "value": value}
        ) from None
    if not 1 <= number <= most:
        raise ProfileChangeRefusedError(
            _("%(field)s must be between 1 and %(most)s.") % {"field": label, "most": most}
        )
    return number


def _values(row: ScreeningProfile | ProfileChange) -> dict[str, Any]:
    return {
        "match": str(row.match),
        "review": str(row.review),
        "candidates": row.candidates,
        "limit": row.limit,
    }


def less_sensitive(
    profile: ScreeningProfile, *, match: Decimal, review: Decimal, candidates: int, limit: int
) -> bool:
    """Whether the new values may find less than the profile finds now (the four-eyes rule)."""
    return (
        match > profile.match
        or review > profile.review
        or candidates < profile.candidates
        or limit < profile.limit
    )


def profile_row(key: str) -> ScreeningProfile:
    """The row of a purpose, created from the defaults if a fresh database has none yet."""
    default = DEFAULTS.get(key)
    if default is None:
        raise ProfileChangeRefusedError(_("There is no screening profile “%(key)s”.") % {"key": key})
    row, _created = ScreeningProfile.objects.get_or_create(
        key=key,
        defaults={
            "match": Decimal(str(default.match)),
            "review": Decimal(str(default.review)),
            "candidates": default.candidates,
            "limit": default.limit,
        },
    )
    return row


def change_profile(
    key: str, *, match: Any, review: Any, candidates: Any, limit: Any, reason: str, by: User | None
) -> ScreeningProfile | ProfileChange:
    """Change a profile: at once (returns the profile) or, when less sensitive, as a proposal that waits for a
    second administrator (returns the :class:`ProfileChange`)."""
    administrator = _require_administrator(by)
    new_match = _threshold(match, _("Match threshold"))
    new_review = _threshold(review, _("Review threshold"))
    if new_review > new_match:
        raise ProfileChangeRefusedError(_("The review threshold cannot be above the match threshold."))
    new_candidates = _count(candidates, _("Candidates weighed"), 500)
    new_limit = _count(limit, _("Results shown"), 500)
    if not reason.strip():
        raise ProfileChangeRefusedError(_("Give the reason for the change."))
    with transaction.atomic():
        row = profile_row(key)
        row = ScreeningProfile.objects.select_for_update().get(pk=row.pk)
        values: dict[str, Any] = {
            "match": new_match,
            "review": new_review,
            "candidates": new_candidates,
            "limit": new_limit,
        }
        if less_sensitive(
            row, match=new_match, review=new_review, candidates=new_candidates, limit=new_limit
        ):
            change = ProfileChange.objects.create(
                profile=row,
                reason=reason.strip(),
                proposed_by=administrator,
                proposed_at=timezone.now(),
                **values,
            )
            audit.record(
                action="sanctions.profile.proposed",
                target=row,
                detail={
                    "profile": key,
                    "change": change.pk,
                    "before": _values(row),
                    "after": _values(change),
                },
                by=administrator,
            )
            return change
        before = _values(row)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at, row.updated_by = timezone.now(), administrator
        row.save()
        audit.record(
            action="sanctions.profile.changed",
            target=row,
            detail={"profile": key, "before": before, "after": _values(row), "reason": reason.strip()},
            by=administrator,
        )
    return row


def decide_profile_change(change: ProfileChange, *, approve: bool, by: User | None) -> ProfileChange:
    """A second administrator approves (applies) or rejects a waiting change."""
    administrator = _require_administrator(by)
    with transaction.atomic():
        change = ProfileChange.objects.select_for_update().select_related("profile").get(pk=change.pk)
        if change.status != ProfileChange.Status.PENDING:
            raise ProfileChangeRefusedError(_("This change was already decided."))
        if change.proposed_by_id == administrator.pk:
            raise ProfileChangeRefusedError(_("A second administrator must approve this change."))
        row = ScreeningProfile.objects.select_for_update().get(pk=change.profile_id)
        before = _values(row)
        if approve:
            row.match, row.review = change.match, change.review
            row.candidates, row.limit = change.candidates, change.limit
            row.updated_at, row.updated_by = timezone.now(), administrator
            row.save()
        change.status = ProfileChange.Status.APPLIED if approve else ProfileChange.Status.REJECTED
        change.decided_by, change.decided_at = administrator, timezone.now()
        change.save(update_fields=["status", "decided_by", "decided_at"])
        audit.record(
            action="sanctions.profile.approved" if approve else "sanctions.profile.rejected",
            target=row,
            detail={"profile": row.key, "change": change.pk, "before": before, "after": _values(row)},
            by=administrator,
        )
    return change
