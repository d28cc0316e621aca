"""Recipients resolved across donors. A registration number (compared through its blind index) decides; otherwise
recipients sharing a rare name token (keyed hashes of the screening engine's comparison keys, so Belarusian,
Russian and Latin spellings meet) are compared by the engine's names and proposed for merging at `NAME_THRESHOLD`
with the evidence. A coordinator confirms (one canonical recipient) or splits (never proposed again)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role
from hramada.registry.models import Decision, MergeProposal, Recipient, RecipientNameToken
from hramada.registry.services import RegistryError

NAME_THRESHOLD = 0.92
MAX_BLOCK = 50
PURPOSE = "recipient resolution across donors"


def _pairs_by_registration() -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for pk, index in (
        Recipient.objects.filter(registration_index__isnull=False)
        .exclude(registration_index="")
        .values_list("pk", "registration_index")
    ):
        if index:
            groups[index].append(pk)
    return {
        (a, b) for pks in groups.values() for i, a in enumerate(sorted(pks)) for b in sorted(pks)[i + 1 :]
    }


def _pairs_by_token() -> set[tuple[int, int]]:
    common = set(
        RecipientNameToken.objects.values("token")
        .annotate(n=Count("recipient"))
        .filter(n__gt=MAX_BLOCK)
        .values_list("token", flat=True)
    )
    groups: dict[str, list[int]] = defaultdict(list)
    rows = RecipientNameToken.objects.exclude(recipient__source_key__startswith="fund:").values_list(
        "token", "recipient_id"
    )
    for token, pk in rows:
        if token not in common:
            groups[token].append(pk)
    return {
        (a, b) for pks in groups.values() for i, a in enumerate(sorted(pks)) for b in sorted(pks)[i + 1 :]
    }


def name_score(a: str, b: str) -> float:
    from hramada.screening.names import NameKind, best_comparison, name_variants

    best = best_comparison(name_variants(a, NameKind.ORGANIZATION), name_variants(b, NameKind.ORGANIZATION))
    return best[0] if best else 0.0


def propose_merges(*, by: Any) -> int:
    """Propose every new pair; pairs decided before are left as decided. Returns the number of new proposals."""
    by_registration = _pairs_by_registration()
    pairs = by_registration | _pairs_by_token()
    known = set(MergeProposal.objects.values_list("recipient_a_id", "recipient_b_id"))
    pairs -= known
    recipients = Recipient.objects.in_bulk({pk for pair in pairs for pk in pair})
    names: dict[int, str] = {}

    def name_of(pk: int) -> str:
        if pk not in names:
            names[pk] = recipients[pk].reveal("name", by=by, purpose=PURPOSE)
        return names[pk]

    new = []
    for a, b in sorted(pairs):
        ra, rb = recipients[a], recipients[b]
        if ra.kind != rb.kind or ra.resolved.pk == rb.resolved.pk:
            continue
        if (a, b) in by_registration:
            new.append(
                MergeProposal(recipient_a=ra, recipient_b=rb, score=1.0, evidence={"registration": True})
            )
            continue
        score = name_score(name_of(a), name_of(b))
        if score >= NAME_THRESHOLD:
            new.append(
                MergeProposal(
                    recipient_a=ra,
                    recipient_b=rb,
                    score=round(score, 3),
                    evidence={"name_similarity": round(score, 3)},
                )
            )
    with transaction.atomic():
        MergeProposal.objects.bulk_create(new, ignore_conflicts=True)
        if new:
            audit.record(action="registry.merges.proposed", detail={"new": len(new)}, by=by)
    return len(new)


def decide(proposal: MergeProposal, *, confirm: bool, by: Any) -> MergeProposal:
    """Confirm: both recipients (and whatever was merged into them) share one canonical recipient. Split: they
    stay apart and the pair is never proposed again."""
    if by is not None and not by.has_role(Role.DONOR_COORDINATOR):
        raise RegistryError(_("Only a donor coordinator decides a merge."))
    with transaction.atomic():
        proposal = MergeProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != Decision.OPEN:
            raise RegistryError(_("This proposal was already decided."))
        proposal.status = Decision.CONFIRMED if confirm else Decision.REJECTED
        proposal.decided_by = by if getattr(by, "pk", None) else None
        proposal.decided_at = timezone.now()
        proposal.save()
        if confirm:
            a = Recipient.objects.get(pk=proposal.recipient_a_id).resolved
            b = Recipient.objects.get(pk=proposal.recipient_b_id).resolved
            keep, fold = (a, b) if a.pk < b.pk else (b, a)
            Recipient.objects.filter(canonical=fold).update(canonical=keep)
            Recipient.objects.filter(pk=fold.pk).update(canonical=keep)
        audit.record(
            action="registry.merge.confirmed" if confirm else "registry.merge.split",
            target=proposal,
            detail={
                "recipients": [proposal.recipient_a_id, proposal.recipient_b_id],
                "evidence": proposal.evidence,
            },
            by=by,
        )
    return proposal
