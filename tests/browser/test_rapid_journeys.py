"""A listing proposal in the browser: drafted from a dossier, legally reviewed and approved by two other people
(the drafter's own approval refused on the page), exported in the EU journal layout and read back by the
importer, and adopted into the local list; the adoption's list change raises an alert on the demo fund
application it names, which the analyst sees in the monitoring inbox and follows to the application."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.fund.models import Application, ScreeningHold
from hramada.monitoring import rescreen
from hramada.monitoring import services as monitoring
from hramada.rapid.models import Proposal
from hramada.rapid.workflow import State
from hramada.sanctions import live_index
from hramada.sanctions import public as sanctions_public
from tests.browser.test_fund_journeys import staff_as  # noqa: F401  # the signed-in page fixture
from tests.fund import factories
from tests.rapid.conftest import team  # noqa: F401  # drafter, reviewer, approver and a dossier


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    live_index.reset_screening_index()
    rescreen.forget_index()
    yield
    live_index.reset_screening_index()
    rescreen.forget_index()


@pytest.mark.django_db(transaction=True)
def test_drafting_review_approval_by_others_export_and_adoption(
    staff_as: Any,  # noqa: F811
    team: Any,  # noqa: F811
    live_server: Any,
    media: Any,
) -> None:
    # A demo fund application whose applicant is the judge of the dossier, screened clean before any listing.
    application = factories.submitted(factories.programme(), contact_name="Ivan Testavy")
    Application.objects.filter(pk=application.pk).update(is_demo=True)
    monitoring.queue_first_screenings()
    assert not ScreeningHold.objects.filter(application=application).exists()

    drafter = staff_as(team.drafter)
    drafter.goto(f"{live_server.url}/rapid/new/?dossier={team.dossier.pk}")
    drafter.select_option("select[name='trigger_kind']", "arrests")
    drafter.fill("input[name='triggered_on']", "2026-01-10")
    drafter.fill("input[name='name_be']", "Іван Тэставы")
    drafter.click("button:has-text('Start the proposal')")
    drafter.wait_for_selector("#state")
    proposal = Proposal.objects.get()
    assert "Draft" in drafter.inner_text("#state")
    assert "The subject is on no list we hold." in drafter.content()
    drafter.click("#open-subject")
    assert drafter.inner_text("#subject-name") == "Ivan Testavy"
    drafter.click("#submit-review")
    assert "In legal review" in drafter.inner_text("#state")

    reviewer = staff_as(team.reviewer)
    reviewer.goto(f"{live_server.url}/rapid/{proposal.pk}/")
    reviewer.click("#record-review")
    assert "Legally reviewed" in reviewer.inner_text("#state")

    # The drafter tries to approve: refused with a message, the state stays.
    drafter.goto(f"{live_server.url}/rapid/{proposal.pk}/")
    drafter.click("#approve")
    drafter.wait_for_load_state()
    assert "another person must approve it" in drafter.content()
    assert "Legally reviewed" in drafter.inner_text("#state")

    approver = staff_as(team.approver)
    approver.goto(f"{live_server.url}/rapid/{proposal.pk}/")
    approver.click("#approve")
    assert "Approved" in approver.inner_text("#state")

    with approver.expect_download() as download:
        approver.click("#export-eu")
    exported = download.value.path().read_text(encoding="utf-8")
    assert exported.startswith("celex,recordId,programKey,annex,measure")
    assert "Ivan Testavy" in exported
    approver.click("#check-reimport")
    approver.wait_for_load_state()
    assert "The EU journal importer read the export: 1 listed party" in approver.content()

    approver.fill("input[name='act']", "32026R0001")
    approver.fill("input[name='entry_number']", "77")
    approver.click("#record-adoption")
    approver.wait_for_load_state()
    assert "published in the local list" in approver.content()
    proposal.refresh_from_db()
    assert proposal.state == State.ADOPTED
    assert sanctions_public.listed_entity(proposal.entity_id) is not None

    # Who did which step, on the proposal's page.
    history = approver.inner_text("#history")
    for person in ("drafter", "reviewer", "approver"):
        assert person in history

    # The adoption is a list change: the analyst finds the alert on the fund application it names.
    approver.goto(f"{live_server.url}/monitoring/")
    row = approver.locator("#alerts tbody tr").first
    assert application.reference in row.inner_text()
    row.locator("a").first.click()
    approver.click("#owner-link")
    approver.wait_for_url(f"{live_server.url}/fund/applications/{application.pk}/")
    assert ScreeningHold.objects.filter(application=application, status="open").exists()
