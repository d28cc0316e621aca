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
    from hramada.registry.models import GrantRecord, Recipient

    matches = _screener(name, _schema(recipient), f"registry.recipient:{recipient.reference}", by)
    recipient.screening = _outcome(recipient, matches, by=by)
    recipient.save(update_fields=["screening"])
    if recipient.screening == Recipient.Screening.HELD:
        GrantRecord.objects.filter(recipient=recipient).update(held=True)


def _schema(recipient: Any) -> str:
    from hramada.registry.models import Recipient

    return "Person" if recipient.kind == Recipient.Kind.INDIVIDUAL else "Organization"


def _outcome(recipient: Any, matches: list[PossibleMatch], *, by: Any) -> str:
    """The recipient's screening state after these matches; a new set of matches opens a hold (audited)."""
    from hramada.registry.models import Decision, Recipient, ScreeningHold

    if not matches:
        return str(Recipient.Screening.CLEAR)
    print_ = fingerprint(matches)
    if ScreeningHold.objects.filter(
        recipient=recipient, fingerprint=print_, status=Decision.REJECTED
    ).exists():
        return str(Recipient.Screening.CLEARED)
    ScreeningHold.objects.get_or_create(
        recipient=recipient,
        fingerprint=print_,
        status=Decision.OPEN,
        defaults={"matches": [asdict(m) for m in matches]},
    )
    audit.record(
        action="registry.recipient.held",
        target=recipient,
        detail={"matches": [m.entity_id for m in matches]},
        by=by,
    )
    return str(Recipient.Screening.HELD)


# --- Recipients an import left awaiting screening -------------------------------------------------------------
# An import stores its new recipients "awaiting screening" with every record held; screening 50,000 distinct names
# through the door takes minutes (about 370 names/s against the EU Belarus list on the shared machine), far longer
# than storing the file, so it runs after the commit in the task worker, a chunk of recipients per transaction.

AWAITING_CHUNK = 500
SCREENING_PURPOSE_TEXT = "sanctions screening of recipients imported from a donor's file"


def enqueue_awaiting() -> None:
    from hramada.registry.tasks import screen_awaiting_task

    screen_awaiting_task.enqueue()


def _screen_names(parties: list[tuple[str, str, str]], by: Any) -> list[list[PossibleMatch]]:
    """Every (name, schema, reference) through the door in one `screen_many` call (one audit entry), or through
    the screener a test put in its place."""
    if _screener is not door_screener:
        return [_screener(name, schema, ref, by) for name, schema, ref in parties]
    from hramada.sanctions import public

    found: list[list[PossibleMatch]] = []
    screenable: list[Any] = []
    for name, schema, ref in parties:
        party = public.Party(name=name, schema=schema, ref=ref)
        try:
            party.query()
        except public.PartyError:
            screenable.append(None)  # nothing the engine can screen (as `door_screener` for one name)
            continue
        screenable.append(party)
    results = iter(
        public.screen_many(
            [p for p in screenable if p is not None],
            purpose="registry",
            by=by if getattr(by, "pk", None) else None,
            source="registry.import",
        )
    )
    for party in screenable:
        if party is None:
            found.append([])
            continue
        result = next(results)
        found.append(
            [
                PossibleMatch(h.entity_id, h.caption, round(h.score, 4), h.explanation)
                for h in result.open_hits
            ]
        )
    return found


def screen_awaiting(*, by: Any = None, chunk: int = AWAITING_CHUNK, limit: int | None = None) -> int:
    """Screen every recipient awaiting screening, `chunk` per transaction; release the records of those that
    come out clear; store the keyed name tokens used for resolution. Returns how many were screened (at most
    `limit` when given: the rest wait for the next run).

    The names are opened in this process only, with one `personal_data.read` audit entry per chunk naming the
    recipients read. Two workers share the work (rows locked with SKIP LOCKED where the database can)."""
    from hramada.registry.models import GrantRecord, Recipient, RecipientNameToken
    from hramada.registry.services import name_tokens

    name_field = Recipient._meta.get_field("name")
    done = 0
    while limit is None or done < limit:
        with transaction.atomic():
            size = chunk if limit is None else min(chunk, limit - done)
            recipients = list(
                Recipient.objects.select_for_update(skip_locked=True)
                .filter(screening=Recipient.Screening.AWAITING)
                .order_by("pk")[:size]
            )
            if not recipients:
                break
            names = [name_field.open(r.name) for r in recipients]
            audit.record(
                action="personal_data.read",
                detail={
                    "field": "registry.recipient.name",
                    "purpose": SCREENING_PURPOSE_TEXT,
                    "recipients": [r.reference for r in recipients],
                },
                by=by,
            )
            found = _screen_names(
                [
                    (n, _schema(r), f"registry.recipient:{r.reference}")
                    for r, n in zip(recipients, names, strict=True)
                ],
                by,
            )
            for recipient, matches in zip(recipients, found, strict=True):
                recipient.screening = _outcome(recipient, matches, by=by)
            Recipient.objects.bulk_update(recipients, ["screening"])
            released = [r.pk for r in recipients if r.screening not in _HOLDING]
            GrantRecord.objects.filter(recipient_id__in=released).update(held=False)
            RecipientNameToken.objects.bulk_create(
                [
                    RecipientNameToken(recipient=r, token=token)
                    for r, name in zip(recipients, names, strict=True)
                    for token in name_tokens(name)
                ],
                ignore_conflicts=True,
            )
            done += len(recipients)
    with transaction.atomic():
        # Records an import stored for a recipient while this worker was screening it came in held.
        GrantRecord.objects.filter(held=True).exclude(recipient__screening__in=_HOLDING).update(held=False)
    return done


_HOLDING = ("held", "confirmed", "awaiting")


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
