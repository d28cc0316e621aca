"""A fund page links only to what the reader may open: a reviewer, an analyst or an auditor sees the envelopes,
holds and reallocations that concern them as text, not as links that answer "not authorised"."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Category, Tier
from tests.conftest import sign_in_verified
from tests.fund import factories

pytestmark = pytest.mark.django_db


def _every_link_opens(client: Client, page: str) -> list[str]:
    """The links of `page` under /fund/ that do not answer 200 for the same reader."""
    import re

    html = client.get(page).content.decode()
    refused = []
    for href in sorted(set(re.findall(r'href="(/fund/[^"?#]*)"', html))):
        status = client.get(href).status_code
        if status != 200 and not href.startswith("/fund/exports/"):
            refused.append(f"{href} answered {status}")
    return refused


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.SANCTIONS_ANALYST, Role.AUDITOR, Role.FINANCE_OFFICER])
def test_the_fund_overview_links_only_to_envelopes_and_decisions_the_reader_may_open(
    client: Client, make_staff: Any, role: Role
) -> None:
    prog = factories.programme()
    media = factories.envelope(prog)
    legal = factories.envelope(prog, tier=Tier.RAPID, category=Category.LEGAL_DEFENCE)
    services.request_reallocation(
        source=media,
        target=legal,
        amount=Decimal("50000"),
        reason="wave of arrests",
        by=make_staff(Role.FUND_MANAGER),
    )
    sign_in_verified(client, make_staff(role))
    page = client.get(reverse("fund:overview")).content.decode()
    assert "Independent media" in page  # the envelope is still named
    assert _every_link_opens(client, reverse("fund:overview")) == []
    may_decide = role == Role.FUND_MANAGER
    assert ('name="decision" value="approve"' in page) is may_decide


def test_the_fund_manager_still_opens_envelopes_from_the_overview(client: Client, make_staff: Any) -> None:
    prog = factories.programme()
    envelope = factories.envelope(prog)
    sign_in_verified(client, make_staff(Role.FUND_MANAGER))
    page = client.get(reverse("fund:overview")).content.decode()
    assert f'href="{reverse("fund:envelope", args=[envelope.pk])}"' in page


def test_the_auditor_sees_the_holds_queue_without_links_into_the_analysts_decision_page(
    client: Client, make_staff: Any
) -> None:
    from hramada.fund.screening import PossibleMatch, use_screener

    prog = factories.programme()
    with use_screener(lambda *a: [PossibleMatch("x", "Listed Person", 0.9, "names match")]):
        app = factories.submitted(prog, contact_name="Someone")
    sign_in_verified(client, make_staff(Role.AUDITOR))
    page = client.get(reverse("fund:queue_holds")).content.decode()
    assert app.reference in page
    assert _every_link_opens(client, reverse("fund:queue_holds")) == []


def test_a_reviewer_reads_an_application_whose_envelope_is_named_but_not_linked(
    client: Client, make_staff: Any
) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    app = factories.submitted(prog)
    sign_in_verified(client, make_staff(Role.REVIEWER))
    page = reverse("fund:application", args=[app.pk])
    assert client.get(page).status_code == 200
    assert _every_link_opens(client, page) == []
