"""Recording grants: membership scopes a coordinator to a donor, recipients are encrypted and found again by
blind index, consent governs what may be published, the fund's grants flow in by themselves."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from hramada.core.models import AuditEntry
from hramada.registry import fund_feed, services
from hramada.registry.models import Consent, GrantRecord, Provenance, Recipient
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db


def test_a_coordinator_records_a_grant_for_their_donor_with_its_euro_value(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    record = services.record_grant(
        donor, record_input(amount=Decimal("1088.90"), currency="USD", award_date=date(2025, 3, 14)), by=user
    )
    assert record.amount_eur == Decimal("1000.00")
    assert record.provenance == Provenance.PERSON
    assert AuditEntry.objects.filter(action="registry.record.created").exists()


def test_a_coordinator_cannot_record_for_another_donor(make_donor: Any, coordinator_of: Any) -> None:
    mine, theirs = make_donor("mine"), make_donor("theirs")
    user = coordinator_of(mine)
    with pytest.raises(services.RegistryError):
        services.record_grant(theirs, record_input(), by=user)
    assert not GrantRecord.objects.exists()


def test_the_same_identifier_twice_for_one_donor_is_refused(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    services.record_grant(donor, record_input(), by=user)
    with pytest.raises(services.RegistryError, match="G-1"):
        services.record_grant(donor, record_input(title="Another"), by=user)


def test_recipient_names_are_stored_encrypted_and_found_by_blind_index(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    services.record_grant(donor, record_input(identifier="A"), by=user)
    services.record_grant(donor, record_input(identifier="B"), by=user)
    assert Recipient.objects.count() == 1
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM registry_recipient")
        (stored,) = cursor.fetchone()
    assert "журналіст" not in stored


def test_an_at_risk_recipient_gets_a_public_name_only_with_consent_and_loses_it_on_withdrawal(
    make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    record = services.record_grant(donor, record_input(), by=user)
    recipient = record.recipient
    assert recipient.at_risk and recipient.public_name == ""
    consent = services.give_consent(
        recipient, scope=Consent.Scope.PUBLISH, given_on=date(2025, 1, 1), by=user
    )
    recipient.refresh_from_db()
    assert recipient.public_name == "Беларуская асацыяцыя журналістаў"
    services.withdraw_consent(consent, by=user)
    recipient.refresh_from_db()
    assert recipient.public_name == ""


def test_a_consent_dated_in_the_future_is_refused(make_donor: Any, coordinator_of: Any) -> None:
    donor = make_donor()
    user = coordinator_of(donor)
    record = services.record_grant(donor, record_input(), by=user)
    with pytest.raises(services.RegistryError):
        services.give_consent(record.recipient, scope=Consent.Scope.SHARE, given_on=date(2999, 1, 1), by=user)


def test_the_database_refuses_an_end_before_the_start(make_donor: Any) -> None:
    from django.db import IntegrityError, transaction

    donor = make_donor()
    recipient = Recipient.objects.create(name="X")
    with pytest.raises(IntegrityError), transaction.atomic():
        GrantRecord.objects.create(
            donor=donor,
            identifier="x",
            recipient=recipient,
            title="t",
            amount=1,
            currency="EUR",
            amount_eur=1,
            award_date=date(2025, 1, 1),
            start=date(2025, 2, 1),
            end=date(2025, 1, 1),
            instrument="grant",
            status="active",
            theme="media",
            geography="BY",
            provenance="person",
        )


def test_an_approved_fund_grant_appears_in_the_registry_with_its_tranches(
    make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from hramada.core.roles import Role
    from hramada.fund import services as fund_services
    from hramada.fund.models import Tier
    from tests.fund import factories

    manager = make_staff(Role.FUND_MANAGER)
    reviewers = [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]
    prog = factories.programme()
    factories.envelope(prog, tier=Tier.LONG_TERM, allocated="500000.00")
    app = factories.recommended(prog, reviewers, tier=Tier.LONG_TERM, amount="40000.00")
    with django_capture_on_commit_callbacks(execute=True):
        grant = fund_services.approve(app, by=manager)
    record = GrantRecord.objects.get(identifier=app.reference)
    assert record.provenance == Provenance.FUND
    # What the applicant wrote stays sealed in the fund: the registry names the grant by its tier and reference.
    assert record.title == f"Long-term grant {app.reference}"
    assert "Printing costs" not in record.title and record.purpose == ""  # the factory's title
    assert record.donor == fund_feed.platform_donor()
    assert record.amount == Decimal("40000.00") and record.status == "planned"
    with django_capture_on_commit_callbacks(execute=True):
        fund_services.set_up_agreement(
            grant,
            tranches=[
                fund_services.PlannedTranche(Decimal("25000.00"), None, "start"),
                fund_services.PlannedTranche(Decimal("15000.00"), None, "report"),
            ],
            by=manager,
        )
    record.refresh_from_db()
    assert record.status == "active"
    assert [t.amount for t in record.tranches.all()] == [Decimal("25000.00"), Decimal("15000.00")]
    assert GrantRecord.objects.filter(identifier=app.reference).count() == 1


def test_backfill_brings_in_fund_grants_once(make_staff: Any) -> None:
    assert fund_feed.backfill() == 0


def test_a_fund_record_stored_by_an_earlier_version_loses_the_applicants_title_on_migration(
    make_staff: Any, django_capture_on_commit_callbacks: Any
) -> None:
    import importlib

    from django.apps import apps

    from hramada.core.roles import Role
    from hramada.fund import services as fund_services
    from tests.fund import factories

    step = importlib.import_module("hramada.registry.migrations.0005_fund_record_titles")
    prog = factories.programme()
    factories.envelope(prog, allocated="500000.00")
    app = factories.recommended(
        prog, [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)], amount="4000.00"
    )
    with django_capture_on_commit_callbacks(execute=True):
        fund_services.approve(app, by=make_staff(Role.FUND_MANAGER))
    GrantRecord.objects.filter(identifier=app.reference).update(
        title="Printing costs after a raid", purpose="x"
    )
    step.rename_fund_records(apps, None)
    record = GrantRecord.objects.get(identifier=app.reference)
    assert record.title == f"Rapid-response grant {app.reference}" and record.purpose == ""
