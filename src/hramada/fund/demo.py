"""The demo programme: envelopes and a few dozen invented applications in every state, both tiers, all three
languages, pseudonymous and named. Everything is marked `is_demo` and shown with a DEMO badge. Loaded through
the services (so the invariants hold) by demo staff accounts that cannot sign in. Idempotent: `make run` calls it
on every start and it does nothing once the programme exists."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role
from hramada.fund import services
from hramada.fund.models import Application, Category, Envelope, Programme, Tier
from hramada.fund.workflow import State

SLUG = "demo-belarus-democracy-support"

TITLES = {
    "en": [
        "Legal fees for a detained blogger",
        "Replacement laptops after a police raid",
        "Relocation of a journalist's family to Vilnius",
        "Secure newsroom servers for an exile outlet",
        "Belarusian-language podcast for schoolchildren",
        "Monitoring rail transits of military equipment",
        "Safe house rent in Białystok",
        "Documentation of torture testimonies",
    ],
    "be": [
        "Адвакат для затрыманага блогера",
        "Новыя ноўтбукі пасля ператрусу",
        "Пераезд сям'і журналіста ў Вільню",
        "Бяспечныя серверы для рэдакцыі ў выгнанні",
        "Беларускамоўны падкаст для школьнікаў",
        "Маніторынг чыгуначных перавозак вайсковай тэхнікі",
        "Арэнда бяспечнага жытла ў Беластоку",
        "Дакументаванне сведчанняў пра катаванні",
    ],
    "ru": [
        "Адвокат для задержанного блогера",
        "Новые ноутбуки после обыска",
        "Переезд семьи журналиста в Вильнюс",
        "Защищённые серверы для редакции в эмиграции",
        "Белорусскоязычный подкаст для школьников",
        "Мониторинг железнодорожных перевозок военной техники",
        "Аренда безопасного жилья в Белостоке",
        "Документирование свидетельств о пытках",
    ],
}

# Target states, cycled over both tiers: a few dozen applications covering every state.
PLAN = [
    State.DRAFT,
    State.SUBMITTED,
    State.SUBMITTED,
    State.IN_REVIEW,
    State.RECOMMENDED,
    State.APPROVED,
    State.REJECTED,
    State.WITHDRAWN,
    State.COMPLETED,
]
LANGUAGES = ["be", "ru", "en"]
SCORES = dict.fromkeys(("relevance", "feasibility", "impact", "security", "value_for_money"), 4)


def _staff(username: str, *roles: Role) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"kind": AccountKind.STAFF})
    if created:
        user.set_unusable_password()  # demo actors exist to sign the demo's history; nobody signs in as them
        user.save()
        RoleGrant.objects.bulk_create(RoleGrant(user=user, role=role) for role in roles)
    return user


def load(say: Any) -> None:
    if Programme.objects.filter(slug=SLUG).exists():
        say("  demo programme already loaded")
        return
    with transaction.atomic():
        _load()
    say("  demo programme loaded (marked DEMO)")


def _load() -> None:
    rng = random.Random(2026)  # noqa: S311 - invented demo data, not security
    year = timezone.localdate().year
    programme = Programme.objects.create(
        name="Belarus Democracy Support Fund (DEMO)",
        name_be="Фонд падтрымкі беларускай дэмакратыі (ДЭМА)",
        name_ru="Фонд поддержки белорусской демократии (ДЕМО)",
        slug=SLUG,
        is_demo=True,
        review_round_weeks=4,
    )
    manager = _staff("demo-manager", Role.FUND_MANAGER)
    manager2 = _staff("demo-manager-2", Role.FUND_MANAGER)
    reviewers = [_staff("demo-reviewer-1", Role.REVIEWER), _staff("demo-reviewer-2", Role.REVIEWER)]
    finance = _staff("demo-finance", Role.FINANCE_OFFICER)
    for tier in Tier.values:
        for category in Category.values:
            envelope = Envelope.objects.create(programme=programme, tier=tier, category=category, year=year)
            base = 120_000 if tier == Tier.RAPID else 400_000
            services.allocate(
                envelope, Decimal(base + rng.randrange(0, 8) * 10_000), by=manager, note="DEMO budget"
            )
    source = Envelope.objects.get(
        programme=programme, tier=Tier.LONG_TERM, category=Category.DIASPORA, year=year
    )
    target = Envelope.objects.get(
        programme=programme, tier=Tier.RAPID, category=Category.LEGAL_DEFENCE, year=year
    )
    services.request_reallocation(
        source=source, target=target, amount=Decimal("8000"), reason="DEMO: wave of arrests", by=manager
    )
    pending = services.request_reallocation(
        source=source, target=target, amount=Decimal("25000"), reason="DEMO: more lawyers needed", by=manager
    )
    services.approve_reallocation(pending, by=manager2)

    now = timezone.now()
    number = 0
    for _round in range(2):
        for tier in (Tier.RAPID, Tier.LONG_TERM):
            for state in PLAN:
                number += 1
                language = LANGUAGES[number % 3]
                named = number % 4 == 0
                _one(rng, programme, tier, state, language, named, number, manager, reviewers, finance, now)
    # One application held by a possible sanctions match for the analyst's queue: screened against the real lists
    # (loaded by the bootstrap step before this one), so the monitoring's first look at it later finds the same
    # listed entities and opens no second hold.
    _one(
        rng,
        programme,
        Tier.RAPID,
        State.SUBMITTED,
        "ru",
        True,
        99,
        manager,
        reviewers,
        finance,
        now,
        contact="Alexander Lukashenko",
    )


def _one(
    rng: random.Random,
    programme: Programme,
    tier: str,
    state: str,
    language: str,
    named: bool,
    number: int,
    manager: User,
    reviewers: list[User],
    finance: User,
    now: Any,
    contact: str = "",
) -> Application:
    applicant = services.register_applicant(
        name=f"Demo Person {number}" if named else "", language=language, demo=True
    ).applicant
    user = applicant.user
    rapid = tier == Tier.RAPID
    category = Category.values[number % len(Category.values)]
    amount = Decimal(rng.randrange(10, 190) * 100) if rapid else Decimal(rng.randrange(30, 150) * 1000)
    app = services.create_draft(
        applicant=applicant, programme=programme, tier=tier, token=uuid.uuid4(), language=language, by=user
    )
    fields: dict[str, Any] = {
        "category": category,
        "title": "DEMO · " + TITLES[language][number % len(TITLES[language])],
        "summary": "DEMO: invented request for the demonstration programme.",
        "amount_requested": amount,
        "urgency": 1 + number % 3,
        "eligibility": {"repression_related": number % 7 != 0, "non_violent": True, "other_funding": False},
        "contact_name": contact or (f"Demo Person {number}" if named else ""),
        "organisation_name": f"Demo Initiative {number}" if named else "",
    }
    if not rapid:
        fields.update(
            objectives="DEMO objectives",
            activities="DEMO activities",
            risks="DEMO risks",
            digital_security_plan="DEMO: Signal, full-disk encryption, Tor",
            duration_months=24,
            budget_lines=[("DEMO staff", amount * 3 / 4), ("DEMO equipment", amount / 4)],
        )
    services.save_draft(app, fields=fields, by=user)
    if state == State.DRAFT:
        return app
    services.submit(app, token=uuid.uuid4(), by=user)
    # Rapid requests spread over the decision clock: fresh, half-way, at risk (under a quarter left), overdue.
    age = [5, 30, 62, 80][number % 4] if rapid else rng.randrange(24 * 5, 24 * 60)
    submitted_at = now - timedelta(hours=age)
    Application.objects.filter(pk=app.pk).update(
        submitted_at=submitted_at,
        decision_due_at=submitted_at + timedelta(hours=programme.decision_clock_hours) if rapid else None,
    )
    if state == State.SUBMITTED:
        return app
    if state == State.WITHDRAWN:
        services.take(app, "withdraw", by=user)
        return app
    if state == State.REJECTED:
        services.reject(app, by=manager, note="DEMO: outside the programme's scope.")
        _decided(app, submitted_at, rapid, rng)
        return app
    services.take(app, "start_review", by=reviewers[0])
    if state == State.IN_REVIEW:
        return app
    for reviewer in reviewers[: 1 if rapid else 2]:
        services.record_review(
            app, by=reviewer, conflict_of_interest=False, scores=SCORES, recommendation="fund", comment="DEMO"
        )
    services.recommend(app, by=reviewers[0])
    if state == State.RECOMMENDED:
        return app
    grant = services.approve(app, by=manager, note="DEMO")
    _decided(app, submitted_at, rapid, rng)
    if not rapid:
        half = (grant.amount / 2).quantize(Decimal("0.01"))
        services.set_up_agreement(
            grant,
            tranches=[
                services.PlannedTranche(half, None, "DEMO start"),
                services.PlannedTranche(grant.amount - half, None, "DEMO year 2"),
            ],
            by=manager,
        )
    services.give_payment_details(
        grant, payee_name=f"Demo Payee {number}", details={"account": "DEMO-IBAN", "country": "LT"}, by=user
    )
    if state == State.APPROVED:
        return app
    paid_on = timezone.localdate()
    for tranche in grant.tranches.order_by("number"):
        if tranche.requires_report:
            report = services.submit_report(
                grant,
                tranche=tranche,
                narrative="DEMO report",
                spent=tranche.amount,
                financial_notes="",
                by=user,
            )
            services.review_report(report, accept=True, by=manager)
        services.release_tranche(
            tranche,
            method="bank_third_country" if rapid else "intermediary",
            intermediary="" if rapid else "Demo Partner e.V.",
            reference=f"DEMO-{number}-{tranche.number}",
            paid_on=paid_on,
            currency=grant.currency,
            by=finance,
        )
    return app


def _decided(app: Application, submitted_at: Any, rapid: bool, rng: random.Random) -> None:
    hours = rng.uniform(6, 90) if rapid else rng.uniform(24 * 10, 24 * 50)
    decided = min(submitted_at + timedelta(hours=hours), timezone.now())
    Application.objects.filter(pk=app.pk).update(decided_at=decided)
