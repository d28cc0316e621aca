"""Perpetrators against the sanctions lists, through the sanctions app's public door only (an import-linter
contract): whether and where each one is listed already, so that unlisted perpetrators with verified incidents
can be proposed for listing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from hramada.evidence.models import Perpetrator, PerpetratorKind
from hramada.sanctions import public

PURPOSE = "investigation"
# Identifier kinds the door understands; others (staff numbers...) stay on the dossier only.
KNOWN_IDENTIFIERS = {"passport", "registration", "tax", "inn", "imo", "crypto", "national_id"}


def party(perpetrator: Perpetrator) -> public.Party:
    schema = "Organization" if PerpetratorKind(perpetrator.kind).is_organisation else "Person"
    identifiers = {
        kind.lower(): [value]
        for kind, value in perpetrator.identifiers.items()
        if kind.lower() in KNOWN_IDENTIFIERS
    }
    return public.Party(
        name=perpetrator.name.replace("(DEMO)", "").strip(),
        schema=schema,
        ref=f"evidence.perpetrator:{perpetrator.pk}",
        birth_date=perpetrator.birth_date.isoformat()
        if perpetrator.birth_date and schema == "Person"
        else None,
        countries=("by",),
        identifiers=identifiers,
    )


def _summary(hit: public.Hit) -> dict[str, Any]:
    return {
        "entity_id": hit.entity_id,
        "caption": hit.caption,
        "score": round(hit.score, 3),
        "datasets": list(hit.datasets),
        "programmes": list(hit.programmes),
        "belarus": hit.belarus,
        "explanation": hit.explanation[:500],
    }


def check(perpetrators: Iterable[Perpetrator], *, by: Any) -> list[Perpetrator]:
    """Screen perpetrators (one audited screening for all) and keep each one's matches on the record."""
    chosen = [p for p in perpetrators]
    parties, kept = [], []
    for perpetrator in chosen:
        try:
            built = party(perpetrator)
            built.query()
        except public.PartyError:
            continue
        parties.append(built)
        kept.append(perpetrator)
    if not parties:
        return []
    screenings = public.screen_many(parties, purpose=PURPOSE, by=by, source="evidence.perpetrators")
    now = timezone.now()
    with transaction.atomic():
        for perpetrator, screening in zip(kept, screenings, strict=True):
            perpetrator.sanctions_matches = [_summary(hit) for hit in screening.open_hits if hit.match]
            perpetrator.sanctions_checked_at = now
            perpetrator.save(update_fields=["sanctions_matches", "sanctions_checked_at"])
    return kept
