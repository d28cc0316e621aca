"""The applicant portal through HTTP, as an applicant meets it (no JavaScript: every step is a form post)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hramada.fund.models import Applicant, Application, Message, Tier
from hramada.fund.workflow import State
from tests.fund import factories

pytestmark = pytest.mark.django_db

RAPID = {
    "category": "legal",
    "title": "Lawyer for a detained journalist",
    "summary": "Arrested yesterday.",
    "amount_requested": "3 500,00",
    "currency": "EUR",
    "urgency": "1",
    "repression_related": "yes",
    "non_violent": "yes",
    "other_funding": "no",
    "contact_details": "signal: +48 000",
}


def register(client: Client, language: str = "be", name: str = "") -> tuple[str, str]:
    response = client.post(reverse("fund_portal:register"), {"language": language, "name": name, "email": ""})
    assert response.status_code == 200
    html = response.content.decode()
    code = re.search(r'id="account-code">([^<]+)<', html).group(1)  # type: ignore[union-attr]
    passphrase = re.search(r'id="account-passphrase">([^<]+)<', html).group(1)  # type: ignore[union-attr]
    return code, passphrase


def start(client: Client, tier: str = "rapid") -> Application:
    page = client.get(reverse("fund_portal:new", args=[tier]))
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)  # type: ignore[union-attr]
    prog = factories.Programme.objects.first()
    data = {"token": token, "programme": prog.pk, "language": "be"}  # type: ignore[union-attr]
    first = client.post(reverse("fund_portal:new", args=[tier]), data)
    second = client.post(reverse("fund_portal:new", args=[tier]), data)  # a double click
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    return Application.objects.get()


def test_a_pseudonymous_applicant_registers_and_signs_in_with_code_and_passphrase(client: Client) -> None:
    code, passphrase = register(client)
    applicant = Applicant.objects.get(user__username=code)
    assert applicant.pseudonymous and applicant.user.preferred_language == "be"
    client.logout()
    bad = client.post(reverse("fund_portal:login"), {"code": code, "passphrase": "wrong"})
    assert "passphrase" in bad.content.decode().lower() or bad.status_code == 200
    good = client.post(reverse("fund_portal:login"), {"code": code.lower(), "passphrase": passphrase})
    assert good.status_code == 302 and good["Location"] == reverse("fund_portal:home")


def test_a_rapid_request_is_drafted_saved_and_submitted_once(client: Client) -> None:
    factories.programme()
    register(client, language="ru")
    app = start(client)
    url = reverse("fund_portal:edit", args=[app.pk, "rapid"])
    bad = client.post(url, {**RAPID, "amount_requested": "-5", "save": "1"})
    assert (
        bad.status_code == 200 and "больше нуля" in bad.content.decode()
    ) or "zero" in bad.content.decode()
    assert "Lawyer for a detained journalist" in bad.content.decode()  # nothing typed was lost
    saved = client.post(url, {**RAPID, "save": "1"})
    assert saved.status_code == 302
    app.refresh_from_db()
    assert app.amount_requested == Decimal("3500.00") and app.contact_details != ""
    page = client.get(reverse("fund_portal:application", args=[app.pk]))
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)  # type: ignore[union-attr]
    client.post(reverse("fund_portal:submit", args=[app.pk]), {"token": token})
    client.post(reverse("fund_portal:submit", args=[app.pk]), {"token": token})
    app.refresh_from_db()
    assert app.state == State.SUBMITTED
    assert Message.objects.filter(application=app).count() == 1


def test_a_rapid_request_above_the_ceiling_gets_a_clear_answer(client: Client) -> None:
    factories.programme()
    register(client, language="en")
    app = start(client)
    client.post(reverse("fund_portal:edit", args=[app.pk, "rapid"]), {**RAPID, "amount_requested": "25000"})
    page = client.get(reverse("fund_portal:application", args=[app.pk]))
    assert "at most" in page.content.decode()
    assert "disabled" in page.content.decode()


def test_the_long_term_form_saves_on_every_step(client: Client) -> None:
    factories.programme()
    register(client, language="en")
    app = start(client, Tier.LONG_TERM)

    def edit(step: str, data: dict[str, str]) -> Any:
        return client.post(reverse("fund_portal:edit", args=[app.pk, step]), {**data, "next": "1"})

    assert (
        edit(
            "basics",
            {
                "category": "media",
                "title": "Exile TV",
                "summary": "News",
                "amount_requested": "90000",
                "currency": "EUR",
                "duration_months": "24",
            },
        ).status_code
        == 302
    )
    assert edit("plan", {"objectives": "Reach", "activities": "Broadcast"}).status_code == 302
    budget = edit("budget", {"line_0": "Staff", "amount_0": "abc"})
    assert budget.status_code == 200 and "Staff" in budget.content.decode()
    assert (
        edit(
            "budget", {"line_0": "Staff", "amount_0": "60000", "line_1": "Servers", "amount_1": "30000"}
        ).status_code
        == 302
    )
    assert edit("risks", {"risks": "Blocking", "digital_security_plan": "Tails"}).status_code == 302
    assert edit("contact", {"organisation_name": "Exile TV"}).status_code == 302
    app.refresh_from_db()
    assert app.budget_total == Decimal("90000")
    assert app.reveal("objectives", by=None, purpose="test") == "Reach"
    # Going back to a step shows the applicant their own text again (an audited read), not an empty form.
    basics = client.get(reverse("fund_portal:edit", args=[app.pk, "basics"])).content.decode()
    assert 'value="Exile TV"' in basics and "News" in basics
    budget_again = client.get(reverse("fund_portal:edit", args=[app.pk, "budget"])).content.decode()
    assert 'value="Servers"' in budget_again


def test_an_executable_renamed_to_pdf_is_refused(client: Client) -> None:
    factories.programme()
    register(client)
    app = start(client)
    upload = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00\x03", content_type="application/pdf")
    response = client.post(reverse("fund_portal:attach", args=[app.pk]), {"file": upload}, follow=True)
    assert app.attachments.count() == 0
    assert response.status_code == 200


def test_an_applicant_cannot_open_another_applicants_application(client: Client, make_applicant: Any) -> None:
    prog = factories.programme()
    other = factories.submitted(prog)
    register(client)
    assert client.get(reverse("fund_portal:application", args=[other.pk])).status_code == 404


def test_the_applicant_sees_the_decision_letter_in_their_language(
    client: Client, manager: Any, reviewers: list[Any]
) -> None:
    from hramada.fund import services

    prog = factories.programme()
    factories.envelope(prog, category="legal")
    register(client, language="be")
    app = start(client)
    client.post(reverse("fund_portal:edit", args=[app.pk, "rapid"]), RAPID)
    services.submit(app, token="00000000-0000-0000-0000-000000000001", by=app.applicant.user)
    services.take(app, "start_review", by=reviewers[0])
    services.record_review(
        app,
        by=reviewers[0],
        conflict_of_interest=False,
        scores=dict.fromkeys(("relevance", "feasibility", "impact", "security", "value_for_money"), 5),
        recommendation="fund",
    )
    services.recommend(app, by=reviewers[0])
    services.approve(app, by=manager)
    page = client.get(reverse("fund_portal:application", args=[app.pk])).content.decode()
    assert "ухвалена" in page


def test_a_report_with_a_supporting_pdf_is_stored_with_the_report(
    client: Client, manager: Any, reviewers: list[Any], settings: Any, tmp_path: Any
) -> None:
    from hramada.fund import services
    from hramada.fund.models import Report

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    prog = factories.programme()
    factories.envelope(prog)
    register(client, language="en")
    app = start(client)
    client.post(reverse("fund_portal:edit", args=[app.pk, "rapid"]), {**RAPID, "category": "media"})
    services.submit(app, token="00000000-0000-0000-0000-000000000002", by=app.applicant.user)
    services.take(app, "start_review", by=reviewers[0])
    services.record_review(
        app,
        by=reviewers[0],
        conflict_of_interest=False,
        scores=dict.fromkeys(("relevance", "feasibility", "impact", "security", "value_for_money"), 5),
        recommendation="fund",
    )
    services.recommend(app, by=reviewers[0])
    grant = services.approve(app, by=manager)
    pdf = SimpleUploadedFile("receipts.pdf", b"%PDF-1.4 receipts", content_type="application/pdf")
    response = client.post(
        reverse("fund_portal:report", args=[app.pk]),
        {
            "tranche": grant.tranches.get().pk,
            "narrative": "Paid the lawyer",
            "spent": "3500",
            "financial_notes": "",
            "file": pdf,
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.attachments.get().content_type == "application/pdf"


def test_registration_is_limited_per_address_with_a_clear_answer(client: Client, settings: Any) -> None:
    import time

    from django.core.cache import cache

    from hramada.fund.models import Applicant as ApplicantModel

    settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR = 2
    data = {"language": "en", "name": "", "email": ""}
    url = reverse("fund_portal:register")
    assert Client(REMOTE_ADDR="198.51.100.7").post(url, data).status_code == 200
    assert Client(REMOTE_ADDR="198.51.100.7").post(url, data).status_code == 200
    refused = Client(REMOTE_ADDR="198.51.100.7").post(url, data)
    assert refused.status_code == 429
    assert "Too many accounts were created from your connection" in refused.content.decode()
    assert "<script" not in refused.content.decode()
    assert ApplicantModel.objects.count() == 2
    assert Client(REMOTE_ADDR="198.51.100.8").post(url, data).status_code == 200  # another address
    # The address is not kept: the counters are under a keyed hash, and expire with their hour.
    keys = [str(k) for k in getattr(cache, "_cache", {})]
    assert keys and not any("198.51.100" in k for k in keys)
    assert all(expiry - time.time() <= 3600 for expiry in getattr(cache, "_expire_info", {}).values())


def test_registration_is_limited_in_all(client: Client, settings: Any) -> None:
    settings.REGISTRATIONS_PER_HOUR = 3
    data = {"language": "en", "name": "", "email": ""}
    url = reverse("fund_portal:register")
    for number in range(3):
        assert Client(REMOTE_ADDR=f"203.0.113.{number}").post(url, data).status_code == 200
    refused = Client(REMOTE_ADDR="203.0.113.99").post(url, data)
    assert refused.status_code == 429
    assert "registration is paused" in refused.content.decode()
