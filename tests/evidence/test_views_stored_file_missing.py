"""An evidence file whose stored copy is gone from the disk (or cannot be read) is a custody incident: opening,
copying or exporting it answers a clear page in the reader's language (410 Gone), never a server error, and the
attempt is in the custody log and the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from hramada.core.models import AuditEntry
from hramada.evidence import custody
from hramada.evidence.models import EvidenceItem
from tests.conftest import sign_in_verified
from tests.evidence import factories

pytestmark = pytest.mark.django_db

MISSING = {
    "en": "stored copy is no longer on the server",
    "be": "захаваная копія больш не на серверы",
    "ru": "сохранённой копии больше нет на сервере",
}
TELL_STAFF = {
    "en": "Please tell the custody staff",
    "be": "Калі ласка, паведаміце супрацоўнікам, адказным за захоўванне",
    "ru": "Пожалуйста, сообщите сотрудникам, отвечающим за хранение",
}


def _lose_stored_file(item: EvidenceItem) -> None:
    Path(item.original.file.path).unlink()


def _incidents(item: EvidenceItem) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="evidence.file.missing", target_id=str(item.pk)))


@pytest.mark.parametrize("language", ["en", "be", "ru"])
def test_opening_a_file_missing_from_disk_explains_and_is_logged(
    client: Any, cast: Any, language: str
) -> None:
    item = factories.upload(cast.group, cast.recorder, factories.photo())
    _lose_stored_file(item)
    sign_in_verified(client, cast.colleague)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(
        reverse("evidence:file_open", args=[item.original.pk]), {"purpose": "prepare the court file"}
    )
    assert response.status_code == 410
    page = response.content.decode()
    assert MISSING[language] in page and TELL_STAFF[language] in page
    [incident] = _incidents(item)
    assert incident.actor == cast.colleague
    assert incident.detail["file"] == item.original.pk and incident.detail["problem"] == "missing"
    entry = item.custody.order_by("seq").last()
    assert entry is not None
    assert (entry.action, entry.actor_label, entry.detail) == (
        "accessed",
        "colleague",
        {"stored_file": "missing"},
    )
    assert custody.verify_item(item) == []


def test_a_file_that_cannot_be_decrypted_is_reported_as_unreadable(client: Any, cast: Any) -> None:
    item = factories.upload(cast.group, cast.recorder, factories.photo())
    Path(item.original.file.path).write_bytes(b"not an encrypted file")
    sign_in_verified(client, cast.colleague)
    response = client.post(reverse("evidence:file_open", args=[item.original.pk]), {"purpose": "check"})
    assert response.status_code == 410
    assert "cannot be read" in response.content.decode()
    assert _incidents(item)[0].detail["problem"] == "unreadable"


def test_exporting_a_bundle_with_a_missing_file_explains_and_is_logged(client: Any, cast: Any) -> None:
    item = factories.upload(cast.group, cast.recorder, factories.photo())
    _lose_stored_file(item)
    sign_in_verified(client, cast.recorder)
    response = client.post(reverse("evidence:item_bundle", args=[item.pk]), {"purpose": "court request 12/3"})
    assert response.status_code == 410
    assert "Please tell the custody staff" in response.content.decode()
    assert len(_incidents(item)) == 1
    assert not item.custody.filter(action="exported").exists()


def test_making_a_copy_of_a_missing_original_explains_and_is_logged(client: Any, cast: Any) -> None:
    item = factories.upload(cast.group, cast.recorder, factories.photo())
    _lose_stored_file(item)
    sign_in_verified(client, cast.recorder)
    response = client.post(
        reverse("evidence:file_strip", args=[item.original.pk]), {"purpose": "for a partner"}
    )
    assert response.status_code == 410
    assert len(_incidents(item)) == 1
    assert item.files.count() == 1


def test_a_file_still_on_disk_opens_without_an_incident(client: Any, cast: Any) -> None:
    data = factories.photo()
    item = factories.upload(cast.group, cast.recorder, data)
    sign_in_verified(client, cast.colleague)
    response = client.post(reverse("evidence:file_open", args=[item.original.pk]), {"purpose": "check"})
    assert response.status_code == 200 and response.content == data
    assert _incidents(item) == []
