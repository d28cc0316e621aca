"""Recipients resolved across donors and scripts; possible double funding flagged once and decided once; gaps
list the empty cells first; concentration counts resolved recipients."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from hramada.core.models import AuditEntry
from hramada.registry import overlaps, resolution, selectors, services
from hramada.registry.models import Decision, MergeProposal, OverlapFlag, Recipient
from tests.registry.conftest import record_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_donors(make_donor: Any, coordinator_of: Any) -> tuple[Any, Any, Any, Any]:
    ec, sida = make_donor("ec"), make_donor("sida")
    return ec, coordinator_of(ec), sida, coordinator_of(sida)


def test_belarusian_and_russian_spellings_are_proposed_as_one_recipient(two_donors: Any) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(recipient_name="Беларуская асацыяцыя журналістаў"), by=ec_user)
    services.record_grant(
        sida, record_input(recipient_name="Белорусская ассоциация журналистов"), by=sida_user
    )
    services.record_grant(
        sida, record_input(identifier="other", recipient_name="Беларускі ПЭН"), by=sida_user
    )
    assert resolution.propose_merges(by=ec_user) == 1
    proposal = MergeProposal.objects.get()
    assert proposal.evidence["name"] == "same name"
    assert proposal.score >= resolution.THRESHOLD


def test_an_acronym_another_donor_records_is_proposed_as_the_organisation_it_abbreviates(
    two_donors: Any, client: Any
) -> None:
    from django.urls import reverse
    from django.utils import translation

    from tests.conftest import sign_in_verified

    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(recipient_name="Беларуская асацыяцыя журналістаў"), by=ec_user)
    services.record_grant(sida, record_input(recipient_name="BAJ"), by=sida_user)
    assert resolution.propose_merges(by=ec_user) == 1
    proposal = MergeProposal.objects.get()
    assert proposal.evidence["acronym"] == "initials" and proposal.score == resolution.THRESHOLD
    sign_in_verified(client, ec_user)
    page = client.get(reverse("registry:merges")).content.decode()
    assert "an acronym and the only name in the registry with its initials (0.95)" in page
    for language, words in (("be", "абрэвіятура"), ("ru", "аббревиатура")):
        with translation.override(language):
            page = client.get(reverse("registry:merges"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert words in page


def test_a_registration_number_decides_across_languages(two_donors: Any) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(
        ec,
        record_input(
            recipient_name="Belarusian Association of Journalists", recipient_registration="LT-304212345"
        ),
        by=ec_user,
    )
    services.record_grant(
        sida, record_input(recipient_name="BAJ", recipient_registration="LT-304212345"), by=sida_user
    )
    assert Recipient.objects.count() == 1


def test_confirming_a_merge_gives_one_canonical_recipient_and_splitting_is_remembered(
    two_donors: Any,
) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(recipient_name="Беларуская асацыяцыя журналістаў"), by=ec_user)
    services.record_grant(
        sida, record_input(recipient_name="Белорусская ассоциация журналистов"), by=sida_user
    )
    resolution.propose_merges(by=ec_user)
    proposal = MergeProposal.objects.get()
    resolution.decide(proposal, confirm=True, by=ec_user)
    a, b = Recipient.objects.order_by("pk")
    assert b.canonical_id == a.pk
    assert AuditEntry.objects.filter(action="registry.merge.confirmed").exists()
    with pytest.raises(services.RegistryError):
        resolution.decide(proposal, confirm=False, by=sida_user)
    assert resolution.propose_merges(by=ec_user) == 0


def test_a_split_pair_is_never_proposed_again(two_donors: Any) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(recipient_name="Беларуская асацыяцыя журналістаў"), by=ec_user)
    services.record_grant(
        sida, record_input(recipient_name="Белорусская ассоциация журналистов"), by=sida_user
    )
    resolution.propose_merges(by=ec_user)
    resolution.decide(MergeProposal.objects.get(), confirm=False, by=ec_user)
    assert resolution.propose_merges(by=ec_user) == 0
    assert Recipient.objects.filter(canonical__isnull=False).count() == 0


def test_double_funding_is_flagged_for_the_same_recipient_overlapping_periods_and_similar_purpose(
    two_donors: Any,
) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(identifier="e1", recipient_registration="R1"), by=ec_user)
    services.record_grant(
        sida,
        record_input(
            identifier="s1",
            recipient_registration="R1",
            purpose="Safety training and legal aid for journalists",
            start=date(2025, 9, 1),
            award_date=date(2025, 9, 1),
            end=date(2026, 8, 31),
        ),
        by=sida_user,
    )
    # Same recipient, but after the first grant ended: not a double funding.
    services.record_grant(
        sida,
        record_input(
            identifier="s2",
            recipient_registration="R1",
            start=date(2026, 6, 1),
            award_date=date(2026, 6, 1),
            end=date(2027, 1, 1),
        ),
        by=sida_user,
    )
    services.record_grant(
        sida,
        record_input(
            identifier="s3",
            recipient_registration="R1",
            title="Printing",
            purpose="Paper and ink",
            theme="education",
        ),
        by=sida_user,
    )
    assert overlaps.detect() == 1
    flag = OverlapFlag.objects.get()
    assert {flag.record_a.identifier, flag.record_b.identifier} == {"e1", "s1"}
    assert overlaps.detect() == 0
    assert list(overlaps.flags_for(sida_user)) == [flag]
    overlaps.decide(flag, double_funding=True, note="Same training", by=sida_user)
    flag.refresh_from_db()
    assert flag.status == Decision.CONFIRMED
    assert overlaps.detect() == 0


def test_a_coordinator_of_a_third_donor_cannot_decide_a_flag(
    two_donors: Any, make_donor: Any, coordinator_of: Any
) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(identifier="e1", recipient_registration="R1"), by=ec_user)
    services.record_grant(sida, record_input(identifier="s1", recipient_registration="R1"), by=sida_user)
    overlaps.detect()
    outsider = coordinator_of(make_donor("third"))
    with pytest.raises(services.RegistryError):
        overlaps.decide(OverlapFlag.objects.get(), double_funding=False, note="", by=outsider)


def test_a_coordinator_of_a_third_donor_cannot_decide_a_merge(
    two_donors: Any, make_donor: Any, coordinator_of: Any
) -> None:
    ec, ec_user, sida, sida_user = two_donors
    services.record_grant(ec, record_input(recipient_name="Беларуская асацыяцыя журналістаў"), by=ec_user)
    services.record_grant(
        sida, record_input(recipient_name="Белорусская ассоциация журналистов"), by=sida_user
    )
    resolution.propose_merges(by=ec_user)
    proposal = MergeProposal.objects.get()
    outsider = coordinator_of(make_donor("third"))
    with pytest.raises(services.RegistryError):
        resolution.decide(proposal, confirm=True, by=outsider)
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert Recipient.objects.filter(canonical__isnull=False).count() == 0
    resolution.decide(proposal, confirm=False, by=sida_user)  # a coordinator of either donor decides


def test_gaps_list_empty_cells_first_and_priorities_give_shortfalls(two_donors: Any) -> None:
    ec, ec_user, _sida, _u = two_donors
    services.record_grant(ec, record_input(theme="media", geography="LT"), by=ec_user)
    services.set_priority(theme="legal", geography="BY", year=2025, target_eur="300000", by=ec_user)
    cells = selectors.gaps([2025])
    assert (
        cells[0].theme == "legal" and cells[0].geography == "BY" and cells[0].shortfall == Decimal("300000")
    )
    assert cells[-1].theme == "media" and cells[-1].funded_eur == Decimal("100000.00")
    assert sum(1 for c in cells if not c.funded_eur) == 8 * 7 - 1


def test_other_donors_see_a_pseudonymous_reference_and_an_amount_band(two_donors: Any) -> None:
    ec, ec_user, _sida, sida_user = two_donors
    record = services.record_grant(ec, record_input(), by=ec_user)
    rows = selectors.coordination_rows(sida_user)
    assert [(r.recipient_reference, r.band, r.recipient_name_shared) for r in rows] == [
        (record.recipient.reference, "50k-250k", False)
    ]
    assert selectors.coordination_rows(ec_user) == []
