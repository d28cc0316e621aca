"""After submitting, applicants see what they sent, read-only, and can download their own attachments (only they)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.fund import services
from hramada.fund.models import Attachment
from tests.conftest import sign_in_verified
from tests.fund import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def submitted_with_file() -> tuple[Any, Attachment]:
    prog = factories.programme()
    factories.envelope(prog)
    app: Any = factories.draft(prog)
    upload = SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf")
    services.add_attachment(app, upload=upload, name="scan.pdf", size=len(PDF), by=app.applicant.user)
    import uuid

    services.submit(app, token=uuid.uuid4(), by=app.applicant.user)
    return app, Attachment.objects.get(application=app)


def test_the_applicant_sees_their_answers_and_downloads_their_file(client: Client) -> None:
    app, item = submitted_with_file()
    client.force_login(app.applicant.user)
    page = client.get(reverse("fund_portal:application", args=[app.pk])).content.decode()
    assert 'id="your-answers"' in page
    assert "Our equipment was seized." in page
    assert "The need arises from repression or an urgent threat: <strong>yes</strong>" in page
    response = client.get(reverse("fund_portal:attachment", args=[app.pk, item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert f'filename="{app.reference}-{item.pk}.pdf"' in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action="fund.attachment.opened").exists()


def test_another_applicant_cannot_download_the_file(client: Client, make_applicant: Any) -> None:
    app, item = submitted_with_file()
    client.force_login(make_applicant())
    assert client.get(reverse("fund_portal:attachment", args=[app.pk, item.pk])).status_code == 404


def test_staff_downloads_keep_a_name_and_extension(client: Client, make_staff: Any) -> None:
    app, item = submitted_with_file()
    sign_in_verified(client, make_staff(Role.FUND_MANAGER))
    response = client.get(reverse("fund:attachment", args=[item.pk]))
    assert response["Content-Disposition"].endswith(f'filename="{app.reference}-{item.pk}.pdf"')


def test_the_staff_page_shows_urgency_and_eligibility_answers(client: Client, make_staff: Any) -> None:
    app, _item = submitted_with_file()
    sign_in_verified(client, make_staff(Role.FUND_MANAGER))
    page = client.get(reverse("fund:application", args=[app.pk])).content.decode()
    assert 'id="urgency"' in page and "Normal" in page
    assert "Another donor already covers this cost: <strong>no</strong>" in page
