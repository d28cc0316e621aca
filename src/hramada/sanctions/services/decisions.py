"""Remembered decisions: an analyst's verdict on a (counterparty, listed entity) pair, taken once and shown with
every later screening of that counterparty; reversed only by a second analyst. Every step is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role
from hramada.sanctions.models import ScreeningDecision
from hramada.sanctions.signals import DecisionReversal, send_decision_reversed

if TYPE_CHECKING:
    from hramada.core.models import User


class DecisionRefusedError(Exception):
    """A decision or reversal that may not be taken; the message is for the analyst."""


def _require_analyst(by: User | None) -> User:
    if by is None or not getattr(by, "is_authenticated", False) or not by.has_role(Role.SANCTIONS_ANALYST):
        raise DecisionRefusedError(_("Only a sanctions analyst may decide on a screening match."))
    return by


def record_decision(
    *,
    party_ref: str,
    entity_id: str,
    verdict: str,
    reason: str,
    identity: str,
    caption: str = "",
    origin: str = "",
    by: User | None,
) -> ScreeningDecision:
    """Remember that ``party_ref`` is (confirmed) or is not (false positive) the listed ``entity_id``, as the
    listed record read when the analyst looked (``identity``).

    The same verdict on the same listed record again changes nothing. A standing decision taken on a listed
    record that has changed since is superseded by the new one. A standing decision on the record as it still
    reads must be reversed by a second analyst before another verdict can be taken.
    """
    analyst = _require_analyst(by)
    if verdict not in ScreeningDecision.Verdict.values:
        raise DecisionRefusedError(_("Choose false positive or confirmed match."))
    if not reason.strip():
        raise DecisionRefusedError(_("Give the reason for your decision."))
    if not party_ref or not entity_id:
        raise DecisionRefusedError(_("A decision needs a counterparty and a listed entity."))
    with transaction.atomic():
        standing = (
            ScreeningDecision.objects.select_for_update()
            .filter(party_ref=party_ref, entity_id=entity_id, reversed_at__isnull=True)
            .first()
        )
        if standing is not None:
            if standing.identity == identity:
                if standing.verdict == verdict:
                    return standing
                raise DecisionRefusedError(
                    _("Another analyst's decision stands on this pair; it must be reversed first.")
                )
            standing.reversed_at = timezone.now()
            standing.reversed_by = analyst
            standing.save(update_fields=["reversed_at", "reversed_by"])
        try:
            with transaction.atomic():
                decision = ScreeningDecision.objects.create(
                    party_ref=party_ref[:200],
                    entity_id=entity_id[:255],
                    caption=caption[:500],
                    verdict=verdict,
                    reason=reason.strip(),
                    identity=identity[:64],
                    origin=origin[:200],
                    decided_by=analyst,
                    decided_at=timezone.now(),
                )
        except IntegrityError:  # another analyst decided on this pair at the same moment
            raise DecisionRefusedError(_("Another analyst decided on this pair at the same time.")) from None
        if standing is not None:
            standing.superseded_by = decision
            standing.save(update_fields=["superseded_by"])
        audit.record(
            action="sanctions.decision.recorded",
            target=decision,
            detail={
                "party": decision.party_ref,
                "entity": decision.entity_id,
                "verdict": decision.verdict,
                "origin": decision.origin,
                "superseded": standing.pk if standing is not None else None,
            },
            by=analyst,
        )
    return decision


def reverse_decision(decision: ScreeningDecision, *, reason: str, by: User | None) -> ScreeningDecision:
    """A second analyst withdraws a standing decision: the pair is screened as if never decided."""
    analyst = _require_analyst(by)
    if not reason.strip():
        raise DecisionRefusedError(_("Give the reason for the reversal."))
    with transaction.atomic():
        decision = ScreeningDecision.objects.select_for_update().get(pk=decision.pk)
        if decision.reversed_at is not None:
            raise DecisionRefusedError(_("This decision was already reversed."))
        if decision.decided_by_id == analyst.pk:
            raise DecisionRefusedError(
                _("A second analyst must reverse a decision, not the one who took it.")
            )
        decision.reversed_at = timezone.now()
        decision.reversed_by = analyst
        decision.reversal_reason = reason.strip()
        decision.save(update_fields=["reversed_at", "reversed_by", "reversal_reason"])
        audit.record(
            action="sanctions.decision.reversed",
            target=decision,
            detail={"party": decision.party_ref, "entity": decision.entity_id, "verdict": decision.verdict},
            by=analyst,
        )
        reversal = DecisionReversal(decision.party_ref, decision.entity_id, decision.verdict)
        transaction.on_commit(lambda: send_decision_reversed(reversal))
    return decision
