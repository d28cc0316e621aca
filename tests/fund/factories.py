"""Builders for fund tests: programmes with envelopes, and applications walked to a state through the
services."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.utils import timezone

from hramada.fund import services
from hramada.fund.models import Application, Category, Envelope, Programme, Tier


def programme(**policy: Any) -> Programme:
    slug = f"p-{uuid.uuid4().hex[:8]}"
    return Programme.objects.create(name="Test programme", slug=slug, **policy)


def envelope(
    prog: Programme,
    *,
    tier: str = Tier.RAPID,
    category: str = Category.INDEPENDENT_MEDIA,
    allocated: str = "100000.00",
    year: int | None = None,
) -> Envelope:
    return Envelope.objects.create(
        programme=prog,
        tier=tier,
        category=category,
        year=year or timezone.localdate().year,
        currency=prog.currency,
        allocated=Decimal(allocated),
    )


def applicant(name: str = "") -> Any:
    return services.register_applicant(name=name, language="en").applicant


def draft(
    prog: Programme,
    *,
    tier: str = Tier.RAPID,
    amount: str = "5000.00",
    category: str = Category.INDEPENDENT_MEDIA,
    who: Any = None,
    language: str = "en",
    contact_name: str = "",
) -> Application:
    who = who or applicant()
    app = services.create_draft(
        applicant=who, programme=prog, tier=tier, token=uuid.uuid4(), language=language, by=who.user
    )
    fields: dict[str, Any] = {
        "category": category,
        "title": "Printing costs after a raid",
        "summary": "Our equipment was seized.",
        "amount_requested": Decimal(amount),
        "eligibility": {"repression_related": True, "non_violent": True, "other_funding": False},
        "contact_name": contact_name,
    }
    if tier == Tier.LONG_TERM:
        fields.update(
            objectives="Keep publishing",
            activities="Weekly issues",
            risks="Blocking",
            digital_security_plan="Tor, Signal",
            duration_months=24,
            budget_lines=[("Salaries", Decimal(amount))],
        )
    return services.save_draft(app, fields=fields, by=who.user)


def submitted(prog: Programme, **kwargs: Any) -> Application:
    app = draft(prog, **kwargs)
    return services.submit(app, token=uuid.uuid4(), by=app.applicant.user)


def recommended(
    prog: Programme, reviewers: list[Any], manager: Any | None = None, **kwargs: Any
) -> Application:
    app = submitted(prog, **kwargs)
    services.take(app, "start_review", by=reviewers[0])
    for reviewer in reviewers:
        services.record_review(
            app,
            by=reviewer,
            conflict_of_interest=False,
            scores=dict.fromkeys(("relevance", "feasibility", "impact", "security", "value_for_money"), 4),
            recommendation="fund",
        )
    return services.recommend(app, by=reviewers[0])
