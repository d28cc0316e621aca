"""On a phone (390 px wide) a page never scrolls sideways: wide tables scroll inside their own box, and hashes,
addresses and long links wrap instead of widening the page. Chromium measures it; the applicant's account code
stays on one line so it can be copied as shown."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.monitoring.models import Alert
from tests.browser.test_fund_journeys import staff_as  # noqa: F401  # the signed-in page fixture

PHONE = {"width": 390, "height": 844}
LONG = "0x19F8f2B0915Daa12a3f5C9CF01dF9E24D53794F7" * 2


def _page_width(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


@pytest.mark.django_db(transaction=True)
def test_staff_pages_with_wide_tables_and_long_hashes_fit_a_phone(
    staff_as: Any,  # noqa: F811
    live_server: Any,
    make_staff: Any,
) -> None:
    Alert.objects.create(
        kind=Alert.Kind.POSSIBLE_MATCH,
        ref="watch:1",
        owner="monitoring",
        label=f"Wallet {LONG}",
        entity_id="ofac-1",
        caption=f"Listed holder of {LONG}",
        score=0.93,
    )
    page = staff_as(make_staff(Role.SANCTIONS_ANALYST, Role.AUDITOR))
    page.set_viewport_size(PHONE)
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry is not None
    for path in (
        reverse("monitoring:inbox"),
        "/screening/decisions/",
        reverse("core:audit_detail", args=[entry.seq]),
    ):
        page.goto(f"{live_server.url}{path}")
        assert _page_width(page) <= PHONE["width"], path


@pytest.mark.django_db(transaction=True)
def test_the_applicants_account_code_fits_a_phone_on_one_line(browser: Any, live_server: Any) -> None:
    context = browser.new_context(java_script_enabled=False, locale="be-BY", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{reverse('fund_portal:register')}")
    page.click("main form button[type=submit]")
    code = page.locator("#account-code")
    # The locator waits for the new page; a bare page.evaluate could still run on the form being left.
    line_height = code.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    assert code.bounding_box()["height"] < 1.5 * line_height
    assert _page_width(page) <= PHONE["width"]
    context.close()
