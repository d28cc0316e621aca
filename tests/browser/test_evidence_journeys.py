"""A documenter in Chromium with JavaScript off: uploads a photo with GPS metadata, makes and shares a copy
without metadata, exports a bundle that verify_bundle accepts and, after one byte changes, rejects naming the file."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import piexif
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from hramada.core.roles import Role
from hramada.evidence.demo import photo_with_gps
from hramada.evidence.models import DocumenterGroup, EvidenceItem, PartnerOrganisation
from tests.conftest import sign_in_verified


@pytest.fixture
def documenter_page(browser: Any, live_server: Any, make_staff: Any) -> Iterator[Any]:
    user = make_staff(Role.DOCUMENTER, username="documenter")
    DocumenterGroup.objects.create(name="Team A").members.add(user)
    client = sign_in_verified(Client(), user)
    context = browser.new_context(java_script_enabled=False, locale="en-GB", accept_downloads=True)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.django_db(transaction=True)
def test_documenter_uploads_strips_shares_and_exports_a_verifiable_bundle(
    live_server: Any, documenter_page: Any, tmp_path: Path, capsys: Any, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    partner = PartnerOrganisation.objects.create(name="International investigators")
    photo = tmp_path / "arrest.jpg"
    photo.write_bytes(photo_with_gps())
    assert piexif.load(photo.read_bytes())["GPS"]

    page = documenter_page
    page.goto(f"{live_server.url}/evidence/items/new/")
    page.select_option("#id_group", label="Team A")
    page.fill("#id_title", "Photo of the arrest")
    page.fill("#id_purpose", "received from a witness via Signal")
    page.set_input_files("#id_file", str(photo))
    page.click("button:has-text('Upload')")
    page.wait_for_url("**/evidence/items/*/")
    item = EvidenceItem.objects.get()
    assert item.original.sha256 in page.content()

    page.click(f"#strip-{item.original.pk}")
    page.wait_for_selector("text=A copy without metadata was made")
    stripped = item.files.get(role="stripped")
    with stripped.file.open("rb") as handle:
        assert piexif.load(handle.read())["GPS"] == {}

    page.click("summary:has-text('Share')")
    page.select_option("#id_partner", label="International investigators")
    page.fill("form[action$='/share/'] #id_purpose", "joint investigation")
    page.click("form[action$='/share/'] button")
    page.wait_for_selector("text=Shared.")
    assert item.shared_with_partners.filter(pk=partner.pk).exists()

    page.fill("#bundle-purpose", "court request 12")
    with page.expect_download() as download_info:
        page.click("#export-bundle")
    bundle = tmp_path / "bundle.zip"
    download_info.value.save_as(bundle)
    call_command("verify_bundle", str(bundle))
    assert "intact" in capsys.readouterr().out

    data = bundle.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        member = next(n for n in archive.namelist() if n.endswith("-stripped.jpg"))
        content = archive.read(member)
    damaged = bytearray(data)
    damaged[data.index(content) + len(content) // 2] ^= 0x01
    bundle.write_bytes(bytes(damaged))
    with pytest.raises(CommandError, match="REJECTED"):
        call_command("verify_bundle", str(bundle))
    assert member in capsys.readouterr().err
    assert [e.action for e in item.custody.order_by("seq")] == ["received", "copied", "shared", "exported"]


@pytest.mark.django_db(transaction=True)
def test_documenter_corrects_an_incident_without_javascript_and_sees_the_history(
    live_server: Any, documenter_page: Any
) -> None:
    from datetime import date

    from hramada.core.models import User
    from hramada.evidence import services

    documenter = User.objects.get(username="documenter")
    incident = services.record_incident(
        group=DocumenterGroup.objects.get(name="Team A"),
        kind="arrest",
        title="Arrest at a protest",
        date_start=date(2020, 8, 10),
        place_name="Minsk",
        description="Taken from the square.",
        by=documenter,
    )
    page = documenter_page
    page.goto(f"{live_server.url}/evidence/incidents/{incident.pk}/")
    page.click("a:has-text('Correct this record')")
    assert page.input_value("#id_date_start") == "2020-08-10"  # the date field shows the stored date
    page.fill("#id_title", "Detention after a protest")
    page.fill("#id_date_end", "2020-08-13")
    page.fill("#id_description", "Taken from the square to Akrestsina.")
    page.click("button:has-text('Save')")
    page.wait_for_url(f"**/evidence/incidents/{incident.pk}/")
    history = page.locator("section:has(h2:has-text('History of changes'))").inner_text()
    assert "Arrest at a protest" in history and "Detention after a protest" in history
    assert "documenter" in history and "encrypted" in history
    assert "Taken from the square." not in page.content()
