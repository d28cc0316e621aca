"""Demo donors and grant records: four donors, the real recipients the brief names (the office of Sviatlana
Tsikhanouskaya, the United Transitional Cabinet, the Coordination Council, the Belarusian Association of
Journalists, the Human Rights Centre "Viasna") under the spellings different donors use, with invented amounts,
dates and registration numbers (every record is marked DEMO). Loaded through the services; the platform fund's
own grants come in through the fund feed. Administrators act for the demo donors so `make run` shows everything,
and so does a donor coordinator who acts for no donor, from their sign-in. Idempotent: does nothing once the demo donors exist."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from hramada.core import audit
from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role
from hramada.registry import fund_feed, overlaps, resolution, services
from hramada.registry.models import (
    Consent,
    Decision,
    Donor,
    DonorKind,
    DonorMember,
    MergeProposal,
    Provenance,
    Recipient,
)
from hramada.registry.rows import RecordInput

DONORS = [
    ("European Commission (DEMO)", "demo-ec", DonorKind.EU_INSTITUTION, "XI-IATI-EC_NEAR"),
    (
        "Swedish International Development Cooperation Agency (DEMO)",
        "demo-sida",
        DonorKind.MEMBER_STATE,
        "SE-0",
    ),
    ("Ministry of Foreign Affairs of Lithuania (DEMO)", "demo-lt-mfa", DonorKind.MEMBER_STATE, ""),
    ("European Endowment for Democracy (DEMO)", "demo-eed", DonorKind.FOUNDATION, ""),
]

BAJ_REG = "DEMO-LT-304212345"
# (donor, id, recipient name, kind, registration, at risk, title, purpose, amount, currency, award, months, theme, geo, public)
RECORDS: list[tuple[Any, ...]] = [
    (
        "demo-ec",
        "EC-2025-001",
        "Беларуская асацыяцыя журналістаў",
        "organisation",
        BAJ_REG,
        True,
        "Safety of journalists in exile",
        "Legal aid and safety training for journalists",
        "420000",
        "EUR",
        date(2025, 2, 10),
        24,
        "media",
        "LT",
        True,
    ),
    (
        "demo-eed",
        "EED-25-117",
        "Belarusian Association of Journalists",
        "organisation",
        BAJ_REG,
        True,
        "Journalists' safety and legal aid",
        "Safety training and legal aid for journalists",
        "150000",
        "EUR",
        date(2025, 5, 6),
        12,
        "media",
        "LT",
        True,
    ),
    (
        "demo-sida",
        "SIDA-51230",
        "Белорусская ассоциация журналистов",
        "organisation",
        "",
        True,
        "Media literacy for young audiences",
        "Media literacy courses in Belarusian",
        "2400000",
        "SEK",
        date(2024, 9, 2),
        18,
        "education",
        "LT",
        True,
    ),
    (
        # The same association by its acronym alone: proposed as one by `linkage.acronym_links`.
        "demo-lt-mfa",
        "LT-MFA-2025-61",
        "BAJ",
        "organisation",
        "",
        True,
        "Hotline for detained journalists",
        "Lawyers on call for journalists detained at work",
        "60000",
        "EUR",
        date(2025, 6, 2),
        12,
        "legal",
        "LT",
        True,
    ),
    (
        "demo-ec",
        "EC-2024-017",
        "Office of Sviatlana Tsikhanouskaya",
        "organisation",
        "",
        False,
        "Support to the democratic representation abroad",
        "Operating costs of the office and its advisers",
        "900000",
        "EUR",
        date(2024, 3, 18),
        24,
        "democratic",
        "LT",
        True,
    ),
    (
        "demo-lt-mfa",
        "LT-MFA-2025-44",
        "Офіс Святланы Ціханоўскай",
        "organisation",
        "",
        False,
        "Hosting of the democratic forces' office in Vilnius",
        "Premises and security of the office",
        "250000",
        "EUR",
        date(2025, 1, 20),
        12,
        "democratic",
        "LT",
        True,
    ),
    (
        "demo-ec",
        "EC-2025-009",
        "Аб'яднаны пераходны кабінет",
        "organisation",
        "",
        False,
        "Capacity of the United Transitional Cabinet",
        "Policy advisers and secure communications",
        "600000",
        "EUR",
        date(2025, 4, 1),
        18,
        "democratic",
        "LT",
        True,
    ),
    (
        "demo-eed",
        "EED-24-088",
        "Каардынацыйная рада",
        "organisation",
        "",
        False,
        "Elections and consultations of the Coordination Council",
        "Online voting platform and its audit",
        "120000",
        "EUR",
        date(2024, 6, 12),
        12,
        "democratic",
        "PL",
        True,
    ),
    (
        "demo-sida",
        "SIDA-51877",
        "Праваабарончы цэнтр «Вясна»",
        "organisation",
        "",
        True,
        "Documentation of political persecution",
        "Monitoring of trials and documentation of torture",
        "3100000",
        "SEK",
        date(2025, 3, 3),
        24,
        "monitoring",
        "BY",
        True,
    ),
    (
        "demo-eed",
        "EED-25-140",
        "Правозащитный центр «Весна»",
        "organisation",
        "",
        True,
        "Support to families of political prisoners",
        "Parcels and lawyers for political prisoners",
        "95000",
        "EUR",
        date(2025, 7, 15),
        12,
        "legal",
        "BY",
        True,
    ),
    (
        "demo-lt-mfa",
        "LT-MFA-2024-12",
        "Independent regional newsroom (DEMO)",
        "organisation",
        "",
        True,
        "Regional news from inside Belarus",
        "Stipends for correspondents inside Belarus",
        "80000",
        "EUR",
        date(2024, 11, 4),
        12,
        "media",
        "BY",
        True,
    ),
    (
        "demo-eed",
        "EED-25-151",
        "Lawyer in exile (DEMO)",
        "individual",
        "",
        True,
        "Relocation of a defence lawyer",
        "Relocation costs after disbarment",
        "18000",
        "USD",
        date(2025, 8, 19),
        6,
        "humanitarian",
        "PL",
        True,
    ),
    (
        "demo-sida",
        "SIDA-52010",
        "Digital security helpdesk (DEMO)",
        "organisation",
        "",
        True,
        "Digital security helpdesk",
        "Device audits and secure messaging training",
        "1200000",
        "SEK",
        date(2026, 1, 14),
        12,
        "digital_security",
        "GE",
        False,
    ),
]


def _coordinator(username: str, donor: Donor) -> None:
    user, created = User.objects.get_or_create(username=username, defaults={"kind": AccountKind.STAFF})
    if created:
        user.set_unusable_password()
        user.save()
        RoleGrant.objects.create(user=user, role=Role.DONOR_COORDINATOR)
    DonorMember.objects.get_or_create(donor=donor, user=user)


def join_demo_donors_at_sign_in(sender: Any, user: Any, **kwargs: Any) -> None:
    """A donor coordinator who acts for no donor joins the demo donors when signing in, while the demo is loaded.

    Recording and importing grants happen for a donor one acts for, and no page makes a colleague act for one: a
    coordinator invited to try the platform would otherwise find nothing to record under. Without the demo (no demo
    donors) this does nothing."""
    if getattr(user, "kind", None) != AccountKind.STAFF or not user.has_role(Role.DONOR_COORDINATOR):
        return
    if DonorMember.objects.filter(user=user).exists():
        return
    with transaction.atomic():
        for donor in Donor.objects.filter(is_demo=True):
            DonorMember.objects.get_or_create(donor=donor, user=user)
            audit.record(action="registry.demo_donor.joined", target=donor, detail={"user": user.pk}, by=user)


def load(say: Any) -> None:
    if Donor.objects.filter(slug="demo-ec").exists():
        say("  demo registry already loaded")
        return
    with transaction.atomic():
        _load()
    say("  demo registry loaded (marked DEMO)")


def _load() -> None:
    donors = {}
    for name, slug, kind, org_id in DONORS:
        donors[slug] = Donor.objects.create(name=name, slug=slug, kind=kind, iati_org_id=org_id, is_demo=True)
        _coordinator(f"demo-coordinator-{slug.removeprefix('demo-')}", donors[slug])
    admins = User.objects.filter(kind=AccountKind.STAFF, role_grants__role=Role.ADMINISTRATOR).distinct()
    for admin in admins:
        for donor in donors.values():
            DonorMember.objects.get_or_create(donor=donor, user=admin)
    for (
        slug,
        ident,
        name,
        kind,
        reg,
        at_risk,
        title,
        purpose,
        amount,
        currency,
        award,
        months,
        theme,
        geo,
        public,
    ) in RECORDS:
        inp = RecordInput(
            identifier=ident,
            recipient_name=name,
            recipient_kind=kind,
            recipient_registration=reg,
            title=title,
            purpose=purpose,
            amount=Decimal(amount),
            currency=currency,
            award_date=award,
            start=award,
            end=award + timedelta(days=30 * months),
            theme=theme,
            geography=geo,
            is_public=public,
        )
        services.upsert_record(
            donors[slug],
            inp,
            by=None,
            provenance=Provenance.PERSON,
            source="demo",
            at_risk=at_risk,
            is_demo=True,
        )
    baj = Recipient.objects.filter(registration_index__isnull=False).first()
    if baj is not None:
        services.give_consent(baj, scope=Consent.Scope.PUBLISH, given_on=date(2025, 1, 15), by=None)
    services.set_priority(theme="media", geography="BY", year=2025, target_eur="500000", by=None)
    services.set_priority(theme="legal", geography="BY", year=2025, target_eur="400000", by=None)
    services.set_priority(theme="education", geography="BY", year=2025, target_eur="200000", by=None)
    services.set_priority(theme="humanitarian", geography="PL", year=2025, target_eur="150000", by=None)
    fund_feed.backfill()
    resolution.propose_merges(by=None)
    # The registration-number match is confirmed (as a coordinator would); the name-only ones wait in the queue.
    for proposal in MergeProposal.objects.filter(status=Decision.OPEN, evidence__registration=True):
        resolution.decide(proposal, confirm=True, by=None)
    overlaps.detect()
