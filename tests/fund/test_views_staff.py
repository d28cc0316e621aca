"""Staff pages through HTTP: queues per role, review, decision, agreement, release, reveal, exports, dashboard."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hramada.core.models.audit import AuditEntry
from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Application, Grant, Reallocation, Tier
from hramada.fund.workflow import State
from tests.conftest import sign_in_verified
from tests.fund import factories

pytestmark = pytest.mark.django_db

SCORES = {"relevance": "4", "feasibility": "4", "impact": "5", "security": "4", "value_for_money": "3"}


def as_(client: Client, user: Any) -> Client:
    client.logout()
    return sign_in_verified(client, user)


def test_rapid_request_from_triage_to_payment(client: Client, make_staff: Any) -> None:
    reviewer, manager, finance = (
        make_staff(Role.REVIEWER),
        make_staff(Role.FUND_MANAGER),
        make_staff(Role.FINANCE_OFFICER),
    )
    prog = factories.programme()
    factories.envelope(prog, allocated="10000.00")
    app = factories.submitted(prog, amount="4000.00", contact_name="Ala")
    as_(client, reviewer)
    queue = client.get(reverse("fund:queue_rapid")).content.decode()
    assert app.reference in queue and "left" in queue
    client.post(reverse("fund:transition", args=[app.pk, "start_review"]))
    client.post(
        reverse("fund:review", args=[app.pk]),
        {"conflict_of_interest": "no", **SCORES, "recommendation": "fund"},
    )
    client.post(reverse("fund:recommend", args=[app.pk]))
    assert Application.objects.get(pk=app.pk).state == State.RECOMMENDED
    assert client.post(reverse("fund:decide", args=[app.pk]), {"decision": "approve"}).status_code == 403
    as_(client, manager)
    too_much = client.post(
        reverse("fund:decide", args=[app.pk]), {"decision": "approve", "amount": "25000"}, follow=True
    )
    assert "at most" in too_much.content.decode()
    client.post(
        reverse("fund:decide", args=[app.pk]), {"decision": "approve", "amount": "", "note": "Good luck"}
    )
    grant = Grant.objects.get(application=app)
    services.give_payment_details(grant, payee_name="Ala", details={"account": "LT00"}, by=app.applicant.user)
    as_(client, finance)
    assert "ready" in client.get(reverse("fund:queue_payments")).content.decode()
    revealed = client.post(reverse("fund:reveal_payment", args=[grant.pk]), {"purpose": "paying tranche 1"})
    assert "LT00" in revealed.content.decode()
    assert AuditEntry.objects.filter(action="personal_data.read", detail__purpose="paying tranche 1").exists()
    client.post(
        reverse("fund:release", args=[grant.tranches.get().pk]),
        {
            "method": "intermediary",
            "intermediary": "Partner e.V.",
            "reference": "TX-1",
            "paid_on": "2026-11-24",
            "currency": "EUR",
        },
    )
    assert Application.objects.get(pk=app.pk).state == State.COMPLETED


def test_a_finance_officer_cannot_see_contacts_and_a_manager_can_with_a_logged_purpose(
    client: Client, make_staff: Any
) -> None:
    prog = factories.programme()
    app = factories.submitted(prog, contact_name="Ala Kowalska")
    as_(client, make_staff(Role.FINANCE_OFFICER))
    assert (
        client.post(
            reverse("fund:reveal_contacts", args=[app.pk]), {"what": "contacts", "purpose": "x"}
        ).status_code
        == 403
    )
    as_(client, make_staff(Role.FUND_MANAGER))
    page = client.get(reverse("fund:application", args=[app.pk])).content.decode()
    assert "Ala Kowalska" not in page
    revealed = client.post(
        reverse("fund:reveal_contacts", args=[app.pk]), {"what": "contacts", "purpose": "call about budget"}
    )
    assert "Ala Kowalska" in revealed.content.decode()
    assert AuditEntry.objects.filter(
        action="personal_data.read", detail__purpose="call about budget"
    ).exists()


def test_a_conflicted_reviewer_gets_a_clear_refusal(client: Client, make_staff: Any) -> None:
    reviewer = make_staff(Role.REVIEWER)
    prog = factories.programme()
    app = factories.submitted(prog, tier=Tier.LONG_TERM, amount="30000.00")
    services.take(app, "start_review", by=reviewer)
    as_(client, reviewer)
    client.post(
        reverse("fund:review", args=[app.pk]),
        {"conflict_of_interest": "yes", "conflict_note": "former employer"},
    )
    again = client.post(
        reverse("fund:review", args=[app.pk]),
        {"conflict_of_interest": "no", **SCORES, "recommendation": "fund"},
    )
    assert "conflict of interest" in again.content.decode()


def test_long_term_batch_queue_shows_the_next_batch_date(client: Client, make_staff: Any) -> None:
    prog = factories.programme(review_round_weeks=3)
    app = factories.submitted(prog, tier=Tier.LONG_TERM, amount="30000.00")
    as_(client, make_staff(Role.REVIEWER))
    page = client.get(reverse("fund:queue_long")).content.decode()
    from hramada.core.formatting import long_date

    assert app.reference in page and long_date(prog.next_review_round()) in page


def test_long_term_agreement_and_a_tranche_refused_before_its_report(client: Client, make_staff: Any) -> None:
    reviewers = [make_staff(Role.REVIEWER), make_staff(Role.REVIEWER)]
    manager, finance = make_staff(Role.FUND_MANAGER), make_staff(Role.FINANCE_OFFICER)
    prog = factories.programme()
    factories.envelope(prog, tier=Tier.LONG_TERM, allocated="200000.00")
    app = factories.recommended(prog, reviewers, tier=Tier.LONG_TERM, amount="60000.00")
    grant = services.approve(app, by=manager)
    as_(client, manager)
    client.post(
        reverse("fund:agreement", args=[grant.pk]),
        {
            "amount_0": "30000",
            "milestone_0": "start",
            "amount_1": "30000",
            "due_1": "2027-06-01",
            "milestone_1": "year 2",
        },
    )
    grant.refresh_from_db()
    assert grant.status == Grant.Status.ACTIVE and grant.tranches.count() == 2
    services.give_payment_details(grant, payee_name="Org", details={"account": "PL"}, by=app.applicant.user)
    as_(client, finance)
    second = grant.tranches.get(number=2)
    today = timezone.localdate().isoformat()
    client.post(
        reverse("fund:release", args=[grant.tranches.get(number=1).pk]),
        {"method": "bank", "reference": "A", "paid_on": today, "currency": "EUR"},
    )
    refused = client.post(
        reverse("fund:release", args=[second.pk]),
        {"method": "bank", "reference": "B", "paid_on": today, "currency": "EUR"},
        follow=True,
    )
    assert "report is accepted" in refused.content.decode()


def test_reallocation_above_the_limit_goes_through_a_second_manager(client: Client, make_staff: Any) -> None:
    prog = factories.programme(four_eyes_limit="1000.00")
    a = factories.envelope(prog, allocated="5000.00")
    b = factories.envelope(prog, category="legal", allocated="0")
    first, second = make_staff(Role.FUND_MANAGER), make_staff(Role.FUND_MANAGER)
    as_(client, first)
    negative = client.post(
        reverse("fund:reallocation_new"),
        {"source": a.pk, "target": b.pk, "amount": "6000", "reason": "x", "token": uuid.uuid4()},
    )
    assert "below zero" in negative.content.decode()
    token = uuid.uuid4()
    data = {"source": a.pk, "target": b.pk, "amount": "2000", "reason": "legal aid surge", "token": token}
    client.post(reverse("fund:reallocation_new"), data)
    client.post(reverse("fund:reallocation_new"), data)  # a double click
    realloc = Reallocation.objects.get()
    client.post(reverse("fund:reallocation_decide", args=[realloc.pk]), {"decision": "approve"})
    assert Reallocation.objects.get().status == Reallocation.Status.PENDING
    as_(client, second)
    client.post(reverse("fund:reallocation_decide", args=[realloc.pk]), {"decision": "approve"})
    assert Reallocation.objects.get().status == Reallocation.Status.DONE
    history = client.get(reverse("fund:envelope", args=[a.pk])).content.decode()
    assert "legal aid surge" in history


def test_exports_and_dashboard(client: Client, make_staff: Any) -> None:
    reviewer, manager = make_staff(Role.REVIEWER), make_staff(Role.FUND_MANAGER)
    prog = factories.programme()
    factories.envelope(prog)
    app = factories.recommended(prog, [reviewer], amount="1000.00")
    services.approve(app, by=manager)
    as_(client, make_staff(Role.FINANCE_OFFICER))
    csv_text = client.get(reverse("fund:export", args=["grants", "csv"])).content.decode()
    assert app.reference in csv_text and "1000.00" in csv_text
    xlsx = client.get(reverse("fund:export", args=["disbursements", "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet["A1"].value == "grant"
    page = client.get(reverse("fund:dashboard")).content.decode()
    assert page.count("<svg") == 4 and "Money by envelope" in page


def test_the_sanctions_analyst_clears_a_hold_with_a_reason(client: Client, make_staff: Any) -> None:
    from hramada.fund.screening import PossibleMatch, use_screener

    prog = factories.programme()
    with use_screener(lambda *a: [PossibleMatch("x", "Listed Person", 0.9, "names match")]):
        app = factories.submitted(prog, contact_name="Someone")
    hold = app.holds.get()
    as_(client, make_staff(Role.SANCTIONS_ANALYST))
    assert app.reference in client.get(reverse("fund:queue_holds")).content.decode()
    missing = client.post(reverse("fund:hold", args=[hold.pk]), {"decision": "clear", "reason": ""})
    assert missing.status_code == 200
    client.post(reverse("fund:hold", args=[hold.pk]), {"decision": "clear", "reason": "Different birth year"})
    hold.refresh_from_db()
    assert hold.status == "cleared"
    assert AuditEntry.objects.filter(action="fund.screening.cleared").exists()


def test_a_hold_keeps_the_screened_name_encrypted_and_shows_it_only_through_an_audited_reveal(
    client: Client, make_staff: Any
) -> None:
    from django.db import connection

    from hramada.fund.screening import PossibleMatch, use_screener

    def engine_like(name: str, *args: Any) -> list[PossibleMatch]:
        return [PossibleMatch("x", "Listed Person", 0.9, f'"{name}" met "Listed Person"')]

    prog = factories.programme()
    with use_screener(engine_like):
        app = factories.submitted(prog, contact_name="Zmitser Screenedperson")
    hold = app.holds.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT matches FROM fund_screeninghold WHERE id = %s", [hold.pk])
        stored = str(cursor.fetchone()[0])
    assert "Screenedperson" not in stored and "Listed Person" not in stored
    as_(client, make_staff(Role.SANCTIONS_ANALYST))
    page = client.get(reverse("fund:hold", args=[hold.pk])).content.decode()
    assert "Screenedperson" not in page and "Listed Person" not in page
    reads = AuditEntry.objects.filter(action="personal_data.read")
    before = reads.count()
    shown = client.post(reverse("fund:hold", args=[hold.pk]), {"show": "1"}).content.decode()
    assert "Zmitser Screenedperson" in shown and "Listed Person" in shown
    assert {e.detail["field"] for e in reads.order_by("seq")[before:]} == {"screened_name", "matches"}
    hold.refresh_from_db()
    assert hold.status == "open"


def test_the_dashboard_panel_appears_for_fund_roles(client: Client, make_staff: Any) -> None:
    as_(client, make_staff(Role.REVIEWER))
    assert "rapid-response" in client.get(reverse("core:dashboard")).content.decode()
    _ = dt


def test_the_rapid_queue_page_writes_nothing_the_periodic_job_escalates(staff_client: Any) -> None:
    """A GET never writes: clocks at risk are escalated by the periodic job on the worker, not by the page."""
    from django.core.management import call_command

    from hramada.fund.models import Notification

    app = factories.submitted(factories.programme(decision_clock_hours=72))
    Application.objects.filter(pk=app.pk).update(decision_due_at=timezone.now() + dt.timedelta(hours=1))
    staff_client(Role.FUND_MANAGER).get(reverse("fund:queue_rapid"))
    assert not Notification.objects.filter(kind__startswith="clock").exists()
    call_command("periodic", "--once")
    assert Notification.objects.filter(kind__startswith="clock", application=app).count() == 1


def _draft_with_attachment(settings: Any, tmp_path: Any) -> tuple[Application, Any]:
    """A draft application holding one PDF, its files under `tmp_path`."""
    import io as _io

    settings.MEDIA_ROOT = str(tmp_path)
    app = factories.draft(factories.programme())
    attachment = services.add_attachment(
        app, upload=_io.BytesIO(b"%PDF-1.4 draft"), name="plan.pdf", size=14, by=app.applicant.user
    )
    return app, attachment


@pytest.mark.django_db
def test_a_draft_attachment_cannot_be_downloaded_by_id_until_the_application_is_submitted(
    client: Client, make_staff: Any, settings: Any, tmp_path: Any
) -> None:
    app, attachment = _draft_with_attachment(settings, tmp_path)
    url = reverse("fund:attachment", args=[attachment.pk])
    as_(client, make_staff(Role.REVIEWER))
    assert client.get(url).status_code == 404
    assert not AuditEntry.objects.filter(action="fund.attachment.opened").exists()
    services.submit(app, token=uuid.uuid4(), by=app.applicant.user)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_an_attachment_whose_stored_copy_is_gone_gets_a_clear_page_and_an_audit_incident(
    client: Client, make_staff: Any, settings: Any, tmp_path: Any
) -> None:
    import os

    app, attachment = _draft_with_attachment(settings, tmp_path)
    services.submit(app, token=uuid.uuid4(), by=app.applicant.user)
    os.remove(attachment.file.path)
    as_(client, make_staff(Role.REVIEWER))
    answer = client.get(reverse("fund:attachment", args=[attachment.pk]), HTTP_ACCEPT_LANGUAGE="be")
    assert answer.status_code == 410
    assert "Далучанага файла няма" in answer.content.decode()
    assert reverse("fund:application", args=[app.pk]) in answer.content.decode()
    assert AuditEntry.objects.filter(action="fund.attachment.missing").count() == 1
    assert not AuditEntry.objects.filter(action="fund.attachment.opened").exists()


@pytest.mark.django_db
def test_the_demo_badge_speaks_the_readers_language(staff_client: Any) -> None:
    prog = factories.programme()
    factories.envelope(prog, tier=Tier.LONG_TERM, allocated="500000.00")
    app = factories.submitted(prog, tier=Tier.LONG_TERM, amount="40000.00")
    Application.objects.filter(pk=app.pk).update(is_demo=True)
    client = staff_client(Role.REVIEWER)
    for language, badge in (("en", "DEMO"), ("be", "ДЭМА"), ("ru", "ДЕМО")):
        page = client.get(reverse("fund:queue_long"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert f'badge-demo">{badge}<' in page, language
