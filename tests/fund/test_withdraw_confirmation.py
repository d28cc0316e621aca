"""Withdrawing an application asks first, on a page of its own (no JavaScript needed)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hramada.fund.models import Application
from hramada.fund.workflow import State
from tests.fund import factories

pytestmark = pytest.mark.django_db


def test_withdrawing_takes_a_confirmation_and_the_first_click_changes_nothing(client: Client) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    app: Any = factories.submitted(prog)
    client.force_login(app.applicant.user)
    page = client.get(reverse("fund_portal:application", args=[app.pk])).content.decode()
    assert "button-danger-secondary" in page  # a secondary, destructive-looking link, not a primary button
    confirm = client.get(reverse("fund_portal:withdraw", args=[app.pk]))
    assert confirm.status_code == 200 and 'name="confirm" value="withdraw"' in confirm.content.decode()
    # A bare POST (an old form, a stray click) does not withdraw.
    client.post(reverse("fund_portal:withdraw", args=[app.pk]))
    assert Application.objects.get(pk=app.pk).state == State.SUBMITTED
    client.post(
        reverse("fund_portal:withdraw", args=[app.pk]), {"confirm": "withdraw", "note": "found other help"}
    )
    assert Application.objects.get(pk=app.pk).state == State.WITHDRAWN
    again = client.get(reverse("fund_portal:withdraw", args=[app.pk]))
    assert again.status_code == 302
