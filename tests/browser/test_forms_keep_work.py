"""Forms that must not lose or rush work, in Chromium: withdrawing asks first (JavaScript off), and a refused
tranche plan keeps every typed row."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Application, Tier
from hramada.fund.workflow import State
from tests.browser.test_staff_administration import sign_in
from tests.fund import factories


@pytest.mark.django_db(transaction=True)
def test_an_applicant_withdraws_only_after_confirming(live_server: Any, no_js_page: Any) -> None:
    prog = factories.programme()
    factories.envelope(prog)
    account = services.register_applicant(language="be")
    app = factories.submitted(prog, who=account.applicant)
    page = no_js_page
    page.goto(f"{live_server.url}/apply/login/")
    page.fill("#id_code", account.code.replace("-", "").lower())
    page.fill("#id_passphrase", account.passphrase)
    page.click("main form button[type=submit]")
    page.goto(f"{live_server.url}/apply/applications/{app.pk}/")
    page.click("a.button-danger-secondary")
    assert Application.objects.get(pk=app.pk).state == State.SUBMITTED
    page.click("main a.button-secondary")  # "No, keep it"
    assert Application.objects.get(pk=app.pk).state == State.SUBMITTED
    page.click("a.button-danger-secondary")
    page.click("main form button.button-danger")
    assert page.locator("#application-status").get_attribute("data-state") == State.WITHDRAWN
    assert Application.objects.get(pk=app.pk).state == State.WITHDRAWN


@pytest.mark.django_db(transaction=True)
def test_the_tranche_form_keeps_typed_rows_after_an_error(
    live_server: Any, staff_page: Any, make_staff: Any
) -> None:
    reviewers = [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]
    manager = make_staff(Role.FUND_MANAGER, username="mikola")
    prog = factories.programme()
    factories.envelope(prog, tier=Tier.LONG_TERM, allocated="200000.00")
    grant = services.approve(
        factories.recommended(prog, reviewers, tier=Tier.LONG_TERM, amount="60000.00"), by=manager
    )
    page = staff_page
    sign_in(page, live_server.url, manager, "mikola")
    page.goto(f"{live_server.url}/fund/grants/{grant.pk}/")
    page.fill("#id_amount_0", "30000")
    page.fill("#id_milestone_0", "studio rent")
    page.fill("#id_amount_1", "30,000 euros")
    page.fill("#id_milestone_1", "second season")
    page.click("form[action$='/agreement/'] button")
    assert page.locator("#id_amount_0").input_value() == "30000"
    assert page.locator("#id_milestone_0").input_value() == "studio rent"
    assert page.locator("#id_milestone_1").input_value() == "second season"
    assert page.locator("#id_amount_1").get_attribute("aria-invalid") == "true"
    page.fill("#id_amount_1", "30000")
    page.click("form[action$='/agreement/'] button")
    assert grant.tranches.count() == 2
