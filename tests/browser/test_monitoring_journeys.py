"""A list change raises an alert on a demo fund application, seen in the browser: the analyst finds it in the
monitoring inbox, follows it to the application (held by the fund), acknowledges it (real engine, real EU list)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.fund.models import Application, ScreeningHold
from hramada.monitoring import rescreen, services
from hramada.monitoring.models import Alert
from hramada.sanctions import live_index
from hramada.sanctions.services import import_file
from tests.browser.test_fund_journeys import staff_as  # noqa: F401  # the signed-in page fixture
from tests.fund import factories
from tests.monitoring.conftest import EU_LIST, NAUMOV, eu_list_without


@pytest.fixture
def fresh_indexes() -> Any:
    live_index.reset_screening_index()
    rescreen.forget_index()
    yield
    live_index.reset_screening_index()
    rescreen.forget_index()


@pytest.mark.django_db(transaction=True)
def test_a_new_listing_alerts_the_analyst_on_the_demo_fund_application_it_concerns(
    staff_as: Any,  # noqa: F811
    live_server: Any,
    make_staff: Any,
    fresh_indexes: Any,
    tmp_path: Path,
) -> None:
    import_file("eu_journal", eu_list_without(tmp_path, NAUMOV), by=None)
    application = factories.submitted(factories.programme(), contact_name="Vladimir Naumov")
    Application.objects.filter(pk=application.pk).update(is_demo=True)
    services.queue_first_screenings()
    assert not ScreeningHold.objects.filter(application=application).exists()

    # The publication that lists him: committed, its delta screened against every counterparty at once.
    import_file("eu_journal", EU_LIST, by=None)
    alert = Alert.objects.get(owner="fund")

    page = staff_as(make_staff(Role.SANCTIONS_ANALYST))
    page.goto(f"{live_server.url}/monitoring/")
    row = page.locator("#alerts tbody tr").first
    assert application.reference in row.inner_text()
    assert "NAVUMAU" in row.inner_text().upper()
    row.locator("a").first.click()
    page.wait_for_url(f"{live_server.url}/monitoring/alerts/{alert.pk}/")
    page.click("#owner-link")
    page.wait_for_url(f"{live_server.url}/fund/applications/{application.pk}/")
    assert ScreeningHold.objects.filter(application=application, status="open").exists()

    page.goto(f"{live_server.url}/monitoring/alerts/{alert.pk}/")
    page.fill("textarea[name='note']", "Hold raised in the fund; deciding there.")
    page.click("button:has-text('Acknowledge')")
    assert "Acknowledged" in page.locator("#status").inner_text()
