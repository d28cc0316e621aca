"""A refused tranche plan comes back with every typed row kept and the wrong field marked."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Grant, Tier
from tests.conftest import sign_in_verified
from tests.fund import factories

pytestmark = pytest.mark.django_db


def long_term_grant(make_staff: Any) -> tuple[Grant, Any]:
    reviewers = [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]
    manager = make_staff(Role.FUND_MANAGER)
    prog = factories.programme()
    factories.envelope(prog, tier=Tier.LONG_TERM, allocated="200000.00")
    app = factories.recommended(prog, reviewers, tier=Tier.LONG_TERM, amount="60000.00")
    return services.approve(app, by=manager), manager


def test_a_malformed_amount_keeps_every_row_and_marks_the_field(client: Client, make_staff: Any) -> None:
    grant, manager = long_term_grant(make_staff)
    sign_in_verified(client, manager)
    response = client.post(
        reverse("fund:agreement", args=[grant.pk]),
        {
            "amount_0": "30000",
            "milestone_0": "printing press",
            "amount_1": "30 000 euros",
            "due_1": "2027-06-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="printing press"' in page and 'value="30000"' in page and 'value="2027-06-01"' in page
    assert re.search(r'name="amount_1"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="amount_1"', page)
    assert Grant.objects.get(pk=grant.pk).tranches.count() == 0


def test_tranches_that_do_not_add_up_keep_the_typed_rows(client: Client, make_staff: Any) -> None:
    grant, manager = long_term_grant(make_staff)
    sign_in_verified(client, manager)
    response = client.post(
        reverse("fund:agreement", args=[grant.pk]),
        {
            "amount_0": "10000",
            "milestone_0": "first issue",
            "amount_1": "20000",
            "milestone_1": "second issue",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "first issue" in page and "second issue" in page and 'value="20000"' in page
    assert 'class="form-errors"' in page
