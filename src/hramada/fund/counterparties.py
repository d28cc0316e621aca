"""The fund's counterparties for the monitoring of list changes (``hramada.core.counterparties``): the applicant,
organisation, payee and intermediaries of every open application and approved grant, under the references the
fund's holds and remembered decisions use. A flip raises the fund's own hold, through its own service."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from hramada.core.counterparties import Counterparty, Flip, open_for_batch
from hramada.fund.models import Application, Disbursement
from hramada.fund.screening import PURPOSE_BY_KIND, SCHEMA_BY_KIND, party_ref
from hramada.fund.workflow import State

LIVE = (State.SUBMITTED, State.IN_REVIEW, State.RECOMMENDED, State.APPROVED)


def fund_counterparties() -> Iterator[Counterparty]:
    intermediaries: dict[int, set[str]] = {}
    for application_id, name in (
        Disbursement.objects.filter(tranche__grant__application__state=State.APPROVED)
        .exclude(intermediary="")
        .values_list("tranche__grant__application_id", "intermediary")
    ):
        intermediaries.setdefault(application_id, set()).add(name)
    live = Application.objects.filter(state__in=LIVE).select_related("grant").order_by("pk")
    for application in live.iterator(chunk_size=2000):
        url = reverse("fund:application", args=[application.pk])
        parties: list[tuple[str, tuple[str, ...], bool]] = []
        if application.contact_name:
            parties.append(("applicant", (open_for_batch(application, "contact_name"),), True))
        if application.organisation_name:
            parties.append(("grantee", (open_for_batch(application, "organisation_name"),), True))
        grant = getattr(application, "grant", None) if application.state == State.APPROVED else None
        if grant is not None and grant.payee_name:
            parties.append(("payee", (open_for_batch(grant, "payee_name"),), True))
        if application.pk in intermediaries:
            parties.append(("intermediary", tuple(sorted(intermediaries[application.pk])), False))
        for kind, names, encrypted in parties:
            yield Counterparty(
                ref=party_ref(application.pk, kind),
                names=names,
                schema=SCHEMA_BY_KIND[kind],
                purpose=PURPOSE_BY_KIND[kind],
                label=f"{application.reference} · {kind}",
                url=url,
                encrypted=encrypted,
            )


def on_flip(flip: Flip) -> int:
    """A fund party newly matches (or a listed record it was decided on changed): screen its application again,
    which raises the hold as the fund always does. A cleared match leaves the holds to the analyst. Returns the
    number of new holds (none when the fund already held the application for it)."""
    from hramada.fund.services import rescreen_application

    prefix, _sep, rest = flip.ref.partition(":")
    application_id, _sep, _party = rest.partition(":")
    if prefix != "fund.application" or not application_id.isdigit() or flip.kind == "cleared":
        return 0
    return rescreen_application(int(application_id), by=None)
