"""Evidence's counterparties for the monitoring of list changes: every perpetrator (officials act in public
office; their names are kept in clear), screened as the sanctions check on their page screens them."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from hramada.core.counterparties import Counterparty
from hramada.evidence import sanctions_link
from hramada.evidence.models import Perpetrator


def evidence_counterparties() -> Iterator[Counterparty]:
    for perpetrator in Perpetrator.objects.order_by("pk").iterator(chunk_size=2000):
        party = sanctions_link.party(perpetrator)
        yield Counterparty(
            ref=party.ref,
            names=(party.name,),
            schema=party.schema,
            purpose="investigation",
            birth_date=party.birth_date,
            countries=party.countries,
            identifiers=party.identifiers,
            label=f"{perpetrator.get_kind_display()} #{perpetrator.pk}",
            url=reverse("evidence:perpetrator", args=[perpetrator.pk]),
        )
