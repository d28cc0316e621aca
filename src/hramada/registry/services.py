"""Every change of registry state, one function per use case: the actor is `by=`, the audit row is written in the
same transaction, and a refusal raises `RegistryError` whose message is shown as it is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hramada.core import audit, crypto
from hramada.core.fields import blind_lookup
from hramada.core.roles import Role
from hramada.registry import money, screening
from hramada.registry.models import (
    Consent,
    Donor,
    DonorMember,
    GrantRecord,
    ImportBatch,
    Priority,
    Provenance,
    Recipient,
    RecipientNameToken,
    RecordTranche,
)
from hramada.registry.rows import RecordInput

TOKEN_SCOPE = "registry.name_token"  # noqa: S105 - the blind-index scope, not a secret


class RegistryError(Exception):
    """A refused change; the message is for the user."""


# --- Who may act for a donor ------------------------------------------------------------------------------


def member_donor_ids(user: Any) -> set[int]:
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    return set(DonorMember.objects.filter(user=user).values_list("donor_id", flat=True))


def require_member(user: Any, donor: Donor) -> None:
    """Acting for a donor needs the coordinator role and membership of that donor (None: the system itself)."""
    if user is None:
        return
    if not user.has_role(Role.DONOR_COORDINATOR) or donor.pk not in member_donor_ids(user):
        raise RegistryError(_("You do not act for %(donor)s.") % {"donor": donor.name})


def add_member(*, donor: Donor, user: Any, by: Any) -> DonorMember:
    with transaction.atomic():
        member, _created = DonorMember.objects.get_or_create(donor=donor, user=user)
        audit.record(action="registry.member.added", target=donor, detail={"user": user.pk}, by=by)
    return member


# --- Recipients -------------------------------------------------------------------------------------------


def name_tokens(name: str) -> set[str]:
    """Keyed hashes of the comparison keys of every rendering of the name (be, ru, Latin; legal forms out)."""
    from hramada.screening.names import NameKind, name_variants

    keys = {
        key for variant in name_variants(name, NameKind.ORGANIZATION) for key in variant.keys if len(key) > 2
    }
    return {crypto.blind_index(key, scope=TOKEN_SCOPE) for key in keys}


def _find_recipient(inp: RecordInput, source_key: str) -> Recipient | None:
    if source_key:
        found = Recipient.objects.filter(source_key=source_key).first()
        if found:
            return found
    if inp.recipient_registration:
        found = Recipient.objects.filter(
            **blind_lookup(Recipient, "registration", inp.recipient_registration)
        ).first()
        if found:
            return found
    return Recipient.objects.filter(
        **blind_lookup(Recipient, "name", inp.recipient_name), kind=inp.recipient_kind
    ).first()


def _recipient_for(
    inp: RecordInput, *, source_key: str, at_risk: bool, is_demo: bool
) -> tuple[Recipient, bool]:
    found = _find_recipient(inp, source_key)
    if found is not None:
        return found, False
    publishable = not at_risk and inp.recipient_kind == Recipient.Kind.ORGANISATION
    recipient = Recipient.objects.create(
        name=inp.recipient_name,
        kind=inp.recipient_kind,
        registration=inp.recipient_registration,
        country=inp.recipient_country,
        at_risk=at_risk,
        public_name=inp.recipient_name if publishable else "",
        source_key=source_key,
        is_demo=is_demo,
    )
    RecipientNameToken.objects.bulk_create(
        [RecipientNameToken(recipient=recipient, token=t) for t in name_tokens(inp.recipient_name)]
    )
    return recipient, True


def may_publish_name(recipient: Recipient) -> bool:
    if recipient.kind == Recipient.Kind.INDIVIDUAL:
        return False
    return not recipient.at_risk or has_consent(recipient, Consent.Scope.PUBLISH)


def refresh_public_name(recipient: Recipient, *, by: Any) -> None:
    """Keep `public_name` in step with the policy: filled (one audited read) while the name may be published,
    emptied as soon as it may not."""
    if may_publish_name(recipient):
        if not recipient.public_name:
            recipient.public_name = recipient.reveal("name", by=by, purpose="publication allowed by consent")
    else:
        recipient.public_name = ""
    recipient.save(update_fields=["public_name"])


def set_recipient_risk(recipient: Recipient, *, at_risk: bool, by: Any) -> Recipient:
    with transaction.atomic():
        recipient = Recipient.objects.select_for_update().get(pk=recipient.pk)
        recipient.at_risk = at_risk
        recipient.save(update_fields=["at_risk"])
        refresh_public_name(recipient, by=by)
        audit.record(action="registry.recipient.risk", target=recipient, detail={"at_risk": at_risk}, by=by)
    return recipient


def give_consent(recipient: Recipient, *, scope: str, given_on: date, by: Any) -> Consent:
    if scope not in Consent.Scope.values:
        raise RegistryError(_("Choose what the recipient consented to."))
    if given_on > timezone.localdate():
        raise RegistryError(_("A consent cannot be dated in the future."))
    with transaction.atomic():
        consent = Consent.objects.create(
            recipient=recipient,
            scope=scope,
            given_on=given_on,
            recorded_by=by if getattr(by, "pk", None) else None,
        )
        audit.record(
            action="registry.consent.given",
            target=recipient,
            detail={"scope": scope, "given_on": given_on.isoformat()},
            by=by,
        )
        refresh_public_name(recipient, by=by)
    return consent


def withdraw_consent(consent: Consent, *, by: Any, on: date | None = None) -> Consent:
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        consent.withdrawn_on = on or timezone.localdate()
        consent.save(update_fields=["withdrawn_on"])
        audit.record(
            action="registry.consent.withdrawn",
            target=consent.recipient,
            detail={"scope": consent.scope},
            by=by,
        )
        refresh_public_name(consent.recipient, by=by)
    return consent


def has_consent(recipient: Recipient, scope: str) -> bool:
    return any(c.scope == scope and c.withdrawn_on is None for c in recipient.consents.all())


# --- Records ----------------------------------------------------------------------------------------------

COMPARED = (
    "title",
    "purpose",
    "amount",
    "currency",
    "award_date",
    "start",
    "end",
    "instrument",
    "status",
    "theme",
    "geography",
    "is_public",
)


def upsert_record(
    donor: Donor,
    inp: RecordInput,
    *,
    by: Any,
    provenance: str,
    source: str,
    batch: ImportBatch | None = None,
    row: int | None = None,
    recipient_key: str = "",
    at_risk: bool = True,
    is_demo: bool = False,
) -> tuple[GrantRecord, str]:
    """Create the donor's record with this identifier or bring it up to date. Runs inside the caller's
    transaction; returns the record and "created", "changed" or "unchanged". A new recipient is screened."""
    eur = money.to_eur(inp.amount, inp.currency, inp.award_date)
    recipient, new_recipient = _recipient_for(inp, source_key=recipient_key, at_risk=at_risk, is_demo=is_demo)
    if new_recipient:
        screening.screen_recipient(recipient, inp.recipient_name, by=by)
    existing = GrantRecord.objects.select_for_update().filter(donor=donor, identifier=inp.identifier).first()
    values: dict[str, Any] = {name: getattr(inp, name) for name in COMPARED}
    values.update(amount_eur=eur.amount, rate_date=eur.rate_date, recipient=recipient)
    held = recipient.screening in (
        Recipient.Screening.HELD,
        Recipient.Screening.CONFIRMED,
        Recipient.Screening.AWAITING,
    )
    if existing is None:
        record = GrantRecord.objects.create(
            donor=donor,
            identifier=inp.identifier,
            provenance=provenance,
            source=source[:200],
            import_batch=batch,
            import_row=row,
            recorded_by=by if getattr(by, "pk", None) else None,
            held=held,
            is_demo=is_demo,
            **values,
        )
        change = "created"
    else:
        record = existing
        changed = [k for k, v in values.items() if getattr(record, k) != v]
        if changed:
            for k, v in values.items():
                setattr(record, k, v)
            record.held = held
            record.updated_at = timezone.now()
            record.import_batch = batch or record.import_batch
            record.import_row = row or record.import_row
            record.save()
            change = "changed"
        else:
            change = "unchanged"
    if inp.tranches:
        record.tranches.all().delete()
        RecordTranche.objects.bulk_create(
            RecordTranche(record=record, number=n, amount=a, due_on=d)
            for n, (a, d) in enumerate(inp.tranches, 1)
        )
    return record, change


def record_grant(donor: Donor, inp: RecordInput, *, by: Any) -> GrantRecord:
    """A coordinator records one grant by hand."""
    require_member(by, donor)
    screening.warm_up()
    with transaction.atomic():
        if GrantRecord.objects.filter(donor=donor, identifier=inp.identifier).exists():
            raise RegistryError(
                _("%(donor)s already has a record with the identifier %(id)s.")
                % {"donor": donor.name, "id": inp.identifier}
            )
        try:
            record, _change = upsert_record(
                donor, inp, by=by, provenance=Provenance.PERSON, source=getattr(by, "username", "system")
            )
        except money.MoneyError as e:
            raise RegistryError(str(e)) from None
        audit.record(
            action="registry.record.created",
            target=record,
            detail={"donor": donor.slug, "amount": str(record.amount), "currency": record.currency},
            by=by,
        )
    return record


def set_public(record: GrantRecord, *, public: bool, by: Any) -> GrantRecord:
    require_member(by, record.donor)
    with transaction.atomic():
        record = GrantRecord.objects.select_for_update().get(pk=record.pk)
        record.is_public = public
        record.save(update_fields=["is_public"])
        audit.record(action="registry.record.public", target=record, detail={"public": public}, by=by)
    return record


def set_priority(*, theme: str, geography: str, year: int, target_eur: Any, by: Any) -> Priority:
    try:
        target = Decimal(str(target_eur))
    except ArithmeticError:
        raise RegistryError(_("“%(value)s” is not an amount of money.") % {"value": target_eur}) from None
    if not target.is_finite() or target < 0 or target >= money.MAX_AMOUNT:
        raise RegistryError(_("A target is zero or more and below 10 billion."))
    with transaction.atomic():
        priority, _created = Priority.objects.update_or_create(
            theme=theme,
            geography=geography,
            year=year,
            defaults={"target_eur": target, "set_by": by if getattr(by, "pk", None) else None},
        )
        audit.record(
            action="registry.priority.set",
            target=priority,
            detail={"theme": theme, "geography": geography, "year": year, "target_eur": str(target)},
            by=by,
        )
    return priority
