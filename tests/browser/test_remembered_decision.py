"""An analyst clears a false positive on a fund application in the browser; the next list import does not raise
the hold again, while a changed birth date on the listed record does (real engine, real EU list)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.fund.models import ScreeningHold
from hramada.sanctions import live_index
from hramada.sanctions.services import import_file
from tests.browser.test_fund_journeys import staff_as  # noqa: F401  # the signed-in page fixture
from tests.fund import factories
from tests.fund.listed import EU_LIST, with_changed_birth_date

AMENDMENT = EU_LIST.with_name("amendment-32026R1846.csv")


@pytest.fixture
def fresh_index(monkeypatch: pytest.MonkeyPatch) -> Any:
    live_index.reset_screening_index()
    monkeypatch.setattr(live_index, "FRESHNESS_SECONDS", 0.0)
    yield
    live_index.reset_screening_index()


@pytest.mark.django_db(transaction=True)
def test_an_analyst_clears_a_false_positive_that_stays_cleared_until_the_listed_record_changes(
    staff_as: Any,  # noqa: F811
    live_server: Any,
    make_staff: Any,
    fresh_index: Any,
    tmp_path: Path,
) -> None:
    import_file("eu_journal", EU_LIST, by=None)
    app = factories.submitted(factories.programme(), contact_name="Vladimir Naumov")
    hold = ScreeningHold.objects.get(application=app, status="open")

    page = staff_as(make_staff(Role.SANCTIONS_ANALYST))
    page.goto(f"{live_server.url}/fund/queue/holds/")
    page.click(f"a[href='/fund/holds/{hold.pk}/']")
    # The matches quote the screened name, so they are encrypted and opened on request (logged).
    page.click("button[name='show']")
    page.wait_for_load_state()  # the click returns once the next page starts; read it whole
    assert "NAVUMAU" in page.content()
    page.check("input[name='decision'][value='clear']")
    page.fill("textarea[name='reason']", "Another man: the applicant was born in 1994.")
    page.click("button:has-text('Record')")
    page.wait_for_url(f"{live_server.url}/fund/queue/holds/")
    hold.refresh_from_db()
    assert hold.status == "cleared"

    page.goto(f"{live_server.url}/screening/decisions/?q=fund.application:{app.pk}")
    assert f"fund.application:{app.pk}:applicant" in page.content()
    assert "False positive" in page.content()

    # The next publication of the list (an amendment that leaves this person as he was): no hold again.
    import_file("eu_journal", AMENDMENT, by=None)
    assert not ScreeningHold.objects.filter(application=app, status="open").exists()

    # A later publication changes his birth date: the hold comes back, saying why.
    import_file("eu_journal", with_changed_birth_date(tmp_path), by=None)
    again = ScreeningHold.objects.get(application=app, status="open")
    page.goto(f"{live_server.url}/fund/holds/{again.pk}/")
    page.click("button[name='show']")
    page.wait_for_load_state()  # the click returns once the next page starts; read it whole
    assert "The listed record changed since your decision" in page.content()
