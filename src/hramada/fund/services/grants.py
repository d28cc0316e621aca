"""Grants after approval: agreement and tranches, payment details, reports, release of tranches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hramada.core import audit
from hramada.core.retry import retry_on_conflict
from hramada.core.roles import Role
from hramada.evasion import public as evasion_public
from hramada.fund import letters, public
from hramada.fund.models import (
    Application,
    Disbursement,
    Envelope,
    EnvelopeEntry,
    Grant,
    Message,
    PaymentMethod,
    Report,
    Tranche,
)
from hramada.fund.screening import address_matches, party_ref, screen_party, warm_up
from hramada.fund.selectors import has_confirmed_match, has_open_holds
from hramada.fund.services.common import _entry, _letter, _lock_envelope, _move, _require, _user, parse_amount
from hramada.fund.services.errors import AmountRefused, FundError, HeldForScreening, TrancheRefused
from hramada.fund.services.holds import _hold_if_matched
from hramada.fund.workflow import State

if TYPE_CHECKING:
    from hramada.core.models import User

# --- Grant agreement, reports, tranches ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedTranche:
    amount: Decimal
    due_on: date | None
    milestone: str


def set_up_agreement(grant: Grant, *, tranches: Iterable[PlannedTranche], by: User | None) -> Grant:
    """Plan a long-term grant's tranches (they must add up to the grant) and sign the agreement. Every tranche
    after the first is released only once its report is accepted."""
    _require(by, Role.FUND_MANAGER)
    planned = list(tranches)
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        if grant.status != Grant.Status.AGREEMENT:
            raise TrancheRefused(_("The agreement is already signed."))
        if not planned:
            raise TrancheRefused(_("Plan at least one tranche."))
        total = sum((parse_amount(t.amount) for t in planned), Decimal("0"))
        if total != grant.amount:
            raise TrancheRefused(
                _("The tranches add up to %(total)s but the grant is %(amount)s.")
                % {"total": total, "amount": grant.amount}
            )
        grant.tranches.all().delete()
        for number, t in enumerate(planned, start=1):
            Tranche.objects.create(
                grant=grant,
                number=number,
                amount=t.amount,
                due_on=t.due_on,
                milestone=t.milestone,
                requires_report=number > 1,
            )
        grant.status = Grant.Status.ACTIVE
        grant.agreement_signed_at = timezone.now()
        grant.save()
        audit.record(
            action="fund.grant.agreement_signed",
            target=grant,
            detail={"tranches": [str(t.amount) for t in planned]},
            by=by,
        )
        public.announce_on_commit(grant.pk)
    return grant


def give_payment_details(
    grant: Grant, *, payee_name: str, details: Mapping[str, str], by: User | None
) -> Grant:
    """The grantee gives (or changes) where to pay; the payee is screened at once."""
    if by is not None and by.is_applicant and grant.application.applicant.user_id != by.pk:
        raise FundError(_("This is not your grant."))
    if not payee_name.strip():
        raise FundError(_("Give the payee's name."))
    problem = evasion_public.payment_address_problem(details.get("account", ""))
    if problem:
        raise FundError(problem)
    wallet = address_matches(details.get("account", ""))
    warm_up()
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        grant.payee_name = payee_name.strip()
        grant.payment_details = dict(details)
        grant.save()
        audit.record(
            action="fund.grant.payment_details", target=grant, detail={"fields": sorted(details)}, by=by
        )
        _hold_if_matched(
            grant.application,
            "payee",
            payee_name.strip(),
            screen_party(
                payee_name.strip(), kind="payee", ref=party_ref(grant.application_id, "payee"), by=by
            ),
            by=by,
            grant=grant,
            country=details.get("country") or None,
        )
        _hold_if_matched(grant.application, "payee", payee_name.strip(), wallet, by=by, grant=grant)
    return grant


def submit_report(
    grant: Grant, *, tranche: Tranche, narrative: str, spent: Any, financial_notes: str, by: User | None
) -> Report:
    if by is not None and by.is_applicant and grant.application.applicant.user_id != by.pk:
        raise FundError(_("This is not your grant."))
    if tranche.grant_id != grant.pk:
        raise FundError(_("This tranche belongs to another grant."))
    if not narrative.strip():
        raise FundError(_("The narrative report is empty."))
    try:
        spent_amount = Decimal(str(spent))
    except InvalidOperation:
        raise AmountRefused(_("“%(value)s” is not an amount of money.") % {"value": spent}) from None
    if spent_amount < 0:
        raise AmountRefused(_("The amount spent cannot be negative."))
    with transaction.atomic():
        report = Report.objects.create(
            grant=grant,
            tranche=tranche,
            narrative=narrative.strip(),
            spent=spent_amount,
            financial_notes=financial_notes.strip(),
        )
        audit.record(action="fund.report.submitted", target=grant, detail={"report": report.pk}, by=by)
    return report


def review_report(report: Report, *, accept: bool, note: str = "", by: User | None) -> Report:
    _require(by, Role.FUND_MANAGER)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status != Report.Status.SUBMITTED:
            raise FundError(_("This report was already reviewed."))
        report.status = Report.Status.ACCEPTED if accept else Report.Status.RETURNED
        report.reviewed_by = _user(by)
        report.review_note = note
        report.save()
        audit.record(
            action="fund.report.reviewed",
            target=report.grant,
            detail={"report": report.pk, "accepted": accept},
            by=by,
        )
        if not accept and note:
            with translation.override(report.grant.application.language or None):
                subject = _("Your report was returned")
            Message.objects.create(
                application=report.grant.application,
                subject=subject,
                body=note,
                by=_user(by),
            )
    return report


@retry_on_conflict
def release_tranche(
    tranche: Tranche,
    *,
    method: str,
    reference: str,
    paid_on: date,
    currency: str,
    intermediary: str = "",
    by: User | None,
) -> Disbursement:
    """Record the payment of a tranche. Refused before its report is accepted, while a screening hold is open,
    without payment details, or in another currency than the grant."""
    _require(by, Role.FINANCE_OFFICER)
    if method not in PaymentMethod.values:
        raise TrancheRefused(_("Choose a payment method."))
    if method == PaymentMethod.INTERMEDIARY and not intermediary.strip():
        raise TrancheRefused(_("Name the intermediary organisation."))
    if not reference.strip():
        raise TrancheRefused(_("Give the payment reference."))
    if method == PaymentMethod.INTERMEDIARY:
        warm_up()
        # Screened in a transaction of its own: a hold it opens must outlive the refusal that follows.
        with transaction.atomic():
            _hold_if_matched(
                tranche.grant.application,
                "intermediary",
                intermediary.strip(),
                screen_party(
                    intermediary.strip(),
                    kind="intermediary",
                    ref=party_ref(tranche.grant.application_id, "intermediary"),
                    by=by,
                ),
                by=by,
                grant=tranche.grant,
            )
    with transaction.atomic():
        tranche = Tranche.objects.select_for_update().get(pk=tranche.pk)
        grant = Grant.objects.select_for_update().get(pk=tranche.grant_id)
        application = grant.application
        if tranche.status == Tranche.Status.RELEASED:
            raise TrancheRefused(_("This tranche was already released."))
        if grant.status != Grant.Status.ACTIVE:
            raise TrancheRefused(_("The grant agreement is not signed yet."))
        if currency != grant.currency:
            raise TrancheRefused(
                _("The grant is paid in %(a)s, not %(b)s.") % {"a": grant.currency, "b": currency}
            )
        if tranche.requires_report and not tranche.report_accepted:
            raise TrancheRefused(_("This tranche is released only after its report is accepted."))
        earlier = grant.tranches.filter(number__lt=tranche.number, status=Tranche.Status.PLANNED).exists()
        if earlier:
            raise TrancheRefused(_("Release the earlier tranches first."))
        if not grant.payee_name:
            raise TrancheRefused(_("The grantee has not given payment details yet."))
        if has_confirmed_match(application):
            raise HeldForScreening(
                _("A sanctions analyst confirmed a match for this grant: it cannot be paid.")
            )
        if has_open_holds(application):
            raise HeldForScreening(
                _("A possible sanctions match holds this payment until an analyst decides.")
            )
        envelope = _lock_envelope(grant.envelope_id)
        Envelope.objects.filter(pk=envelope.pk).update(disbursed=F("disbursed") + tranche.amount)
        disbursement = Disbursement.objects.create(
            tranche=tranche,
            amount=tranche.amount,
            currency=grant.currency,
            method=method,
            reference=reference.strip(),
            paid_on=paid_on,
            intermediary=intermediary.strip(),
            recorded_by=_user(by),
        )
        tranche.status = Tranche.Status.RELEASED
        tranche.save()
        public.announce_on_commit(grant.pk)
        _entry(
            envelope,
            EnvelopeEntry.Kind.DISBURSEMENT,
            tranche.amount,
            f"{application.reference} #{tranche.number}",
            by,
        )
        audit.record(
            action="fund.tranche.released",
            target=grant,
            detail={"tranche": tranche.number, "amount": str(tranche.amount), "method": method},
            by=by,
        )
        _letter(
            application,
            "released",
            by=by,
            number=tranche.number,
            amount=letters.amount_in(application.language, tranche.amount, grant.currency),
            date=paid_on.isoformat(),
        )
        if not grant.tranches.filter(status=Tranche.Status.PLANNED).exists():
            grant.status = Grant.Status.CLOSED
            grant.save()
            application = Application.objects.select_for_update().get(pk=application.pk)
            if application.state == State.APPROVED:
                _move(application, "complete", by=by, note=_("Every tranche was paid."))
    return disbursement
