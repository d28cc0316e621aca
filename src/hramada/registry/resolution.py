"""Recipients resolved across donors. Every recipient recorded by a donor (the fund's own pseudonymous recipients
aside) is linked with splink on an in-memory DuckDB (`linkage`): a registration number (its blind index) decides, the
screening engine's renderings of the name (Belarusian, Russian and Latin, legal forms stripped) and the country
weigh in, and pairs at `linkage.THRESHOLD` or above are proposed for merging with the evidence. A coordinator
confirms (one canonical recipient) or splits (never proposed again)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.roles import Role
from hramada.registry import linkage
from hramada.registry.models import Decision, GrantRecord, MergeProposal, Recipient
from hramada.registry.services import RegistryError, member_donor_ids

THRESHOLD = linkage.THRESHOLD
PURPOSE = "recipient resolution across donors"


def mentions(*, by: Any) -> list[linkage.Mention]:
    """Every recipient a donor recorded, its name opened in this process's memory only (each opening audited)."""
    rows = Recipient.objects.exclude(source_key__startswith="fund:").order_by("pk")
    return [
        linkage.Mention(
            key=r.pk,
            name=r.reveal("name", by=by, purpose=PURPOSE),
            kind=r.kind,
            registration=getattr(r, "registration_index", "") or "",
            country=r.country,
        )
        for r in rows.iterator(chunk_size=2000)
    ]


def propose_merges(*, by: Any) -> int:
    """Propose every new pair; pairs decided before are left as decided. Returns the number of new proposals."""
    # Merges a coordinator confirmed teach the linkage words its vocabulary lacks (`linkage.learned_words`).
    confirmed = Recipient.objects.filter(canonical__isnull=False).values_list("pk", "canonical_id")
    links = linkage.link(mentions(by=by), confirmed=list(confirmed))
    known = set(MergeProposal.objects.values_list("recipient_a_id", "recipient_b_id"))
    recipients = Recipient.objects.in_bulk({k for link in links for k in (link.a, link.b)})
    new = []
    for link in links:
        if (link.a, link.b) in known:
            continue
        ra, rb = recipients[link.a], recipients[link.b]
        if ra.resolved.pk == rb.resolved.pk:
            continue
        new.append(
            MergeProposal(
                recipient_a=ra,
                recipient_b=rb,
                score=1.0 if link.evidence["registration"] else round(link.probability, 3),
                evidence=link.evidence,
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
        # As with overlap flags: a coordinator of a donor that funds neither recipient has no say in them.
        pair = (proposal.recipient_a_id, proposal.recipient_b_id)
        funds_one = GrantRecord.objects.filter(
            Q(recipient_id__in=pair) | Q(recipient__canonical_id__in=pair), donor_id__in=member_donor_ids(by)
        ).exists()
        if by is not None and not funds_one:
            raise RegistryError(
                _("Only a coordinator of a donor that funds one of the two recipients decides.")
            )
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
