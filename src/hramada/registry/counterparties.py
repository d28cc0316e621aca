"""The registry's counterparties for the monitoring of list changes: every grant recipient (merged duplicates
count once, under the recipient they were merged into), under the reference the registry screens them with."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from hramada.core.counterparties import Counterparty, Flip, open_for_batch
from hramada.registry.models import GrantRecord, Recipient


def registry_counterparties() -> Iterator[Counterparty]:
    first_record = dict(
        GrantRecord.objects.order_by("recipient_id", "pk").values_list("recipient_id", "pk").distinct()
    )
    for recipient in (
        Recipient.objects.filter(canonical__isnull=True).order_by("pk").iterator(chunk_size=2000)
    ):
        registration = open_for_batch(recipient, "registration") if recipient.registration else ""
        record = first_record.get(recipient.pk)
        yield Counterparty(
            ref=f"registry.recipient:{recipient.reference}",
            names=(open_for_batch(recipient, "name"),),
            schema="Person" if recipient.kind == Recipient.Kind.INDIVIDUAL else "Organization",
            purpose="registry",
            countries=(recipient.country.lower(),) if recipient.country else (),
            identifiers={"registration": [registration]} if registration else {},
            label=f"{recipient.reference}",
            url=reverse("registry:record", args=[record]) if record else reverse("registry:holds"),
            encrypted=True,
        )


def on_flip(flip: Flip) -> None:
    """A recipient newly matches: screen it again the registry's way, which opens the registry's hold."""
    from django.db import transaction

    from hramada.core.personal_data import reveal
    from hramada.registry import screening

    if flip.kind == "cleared" or not flip.ref.startswith("registry.recipient:"):
        return
    recipient = Recipient.objects.filter(reference=flip.ref.partition(":")[2]).first()
    if recipient is None:
        return
    name = reveal(recipient, "name", by=None, purpose="sanctions screening after a list change")
    screening.warm_up()
    with transaction.atomic():
        screening.screen_recipient(recipient, name, by=None)
