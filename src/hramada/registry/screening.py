"""Screening of registry recipients against the sanctions lists; a possible match holds the recipient's records
until a sanctions analyst decides, and the decision is remembered (a cleared set of matches is not raised again).

Screening goes through the sanctions app's one door (`hramada.sanctions.public`) with the `registry` purpose; the
counterparty reference is the recipient's pseudonymous reference, so an analyst's standing false-positive decision
on that pair silences the hit next time. Tests swap the screener with `use_screener`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role


@dataclass(frozen=True)
class PossibleMatch:
    entity_id: str
    caption: str
    score: float
    explanation: str


Screener = Callable[[str, str, str, Any], list[PossibleMatch]]
"""(name, FollowTheMoney schema, counterparty reference, actor) -> possible matches."""


def door_screener(name: str, schema: str, ref: str, by: Any) -> list[PossibleMatch]:
    from hramada.sanctions import public

    try:
        result = public.screen(
            public.Party(name=name, schema=schema, ref=ref),
            purpose="registry",
            by=by if getattr(by, "pk", None) else None,
            source="registry.recipient",
        )
    except public.PartyError:
        return []
    return [PossibleMatch(h.entity_id, h.caption, round(h.score, 4), h.explanation) for h in result.open_hits]


_screener: Screener = door_screener


def warm_up() -> None:
    """Build the sanctions index before a transaction starts (the first build takes seconds)."""
    if _screener is door_screener:
        from hramada.sanctions import public

        public.warm_up()


@contextmanager
def use_screener(screener: Screener) -> Iterator[None]:
    global _screener
    previous, _screener = _screener, screener
    try:
        yield
    finally:
        _screener = previous


def fingerprint(matches: list[PossibleMatch]) -> str:
    return hashlib.sha256(",".join(sorted(m.entity_id for m in matches)).encode()).hexdigest()


def screen_recipient(recipient: Any, name: str, *, by: Any) -> None:
    """Screen a recipient by name (run inside the caller's transaction). A possible match opens a hold unless
    an analyst already cleared the same set of matches for this recipient."""
    from hramada.registry.models import Decision, GrantRecord, Recipient, ScreeningHold

    schema = "Person" if recipient.kind == Recipient.Kind.INDIVIDUAL else "Organization"
    matches = _screener(name, schema, f"registry.recipient:{recipient.reference}", by)
    if not matches:
        recipient.screening = Recipient.Screening.CLEAR
        recipient.save(update_fields=["screening"])
        return
    print_ = fingerprint(matches)
    if ScreeningHold.objects.filter(
        recipient=recipient, fingerprint=print_, status=Decision.REJECTED
    ).exists():
        recipient.screening = Recipient.Screening.CLEARED
        recipient.save(update_fields=["screening"])
        return
    ScreeningHold.objects.get_or_create(
        recipient=recipient,
        fingerprint=print_,
        status=Decision.OPEN,
        defaults={"matches": [asdict(m) for m in matches]},
    )
    recipient.screening = Recipient.Screening.HELD
    recipient.save(update_fields=["screening"])
    GrantRecord.objects.filter(recipient=recipient).update(held=True)
    audit.record(
        action="registry.recipient.held",
        target=recipient,
        detail={"matches": [m.entity_id for m in matches]},
        by=by,
    )


class HoldRefusedError(Exception):
    pass


def decide_hold(hold: Any, *, confirmed: bool, by: Any, note: str = "") -> Any:
    """A sanctions analyst decides: a confirmed match keeps every record of the recipient held (never
    published); a false positive releases them."""
    from hramada.registry.models import Decision, GrantRecord, Recipient, ScreeningHold

    if by is not None and not by.has_role(Role.SANCTIONS_ANALYST):
        raise HoldRefusedError(_("Only a sanctions analyst decides a screening hold."))
    with transaction.atomic():
        hold = ScreeningHold.objects.select_for_update().get(pk=hold.pk)
        if hold.status != Decision.OPEN:
            raise HoldRefusedError(_("This hold was already decided."))
        hold.status = Decision.CONFIRMED if confirmed else Decision.REJECTED
        hold.decided_by = by if getattr(by, "pk", None) else None
        hold.decided_at = timezone.now()
        hold.save()
        recipient = hold.recipient
        recipient.screening = Recipient.Screening.CONFIRMED if confirmed else Recipient.Screening.CLEARED
        recipient.save(update_fields=["screening"])
        GrantRecord.objects.filter(recipient=recipient).update(held=confirmed)
        audit.record(
            action="registry.hold.decided",
            target=recipient,
            detail={"confirmed": confirmed, "note": note[:500]},
            by=by,
        )
    return hold
