"""Uploading evidence through the page: hashes taken in flight, wrong content refused, huge uploads refused from
Content-Length before the body is read, nothing lost."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from hramada.evidence.models import EvidenceFile, EvidenceItem
from tests.conftest import sign_in_verified
from tests.evidence import factories
from tests.evidence.test_files import WINDOWS_PROGRAM

pytestmark = pytest.mark.django_db


def _post(client: Any, cast: Any, data: bytes, name: str) -> Any:
    return client.post(
        reverse("evidence:item_new"),
        {
            "group": cast.group.pk,
            "title": "Photo",
            "purpose": "from a witness",
            "file": SimpleUploadedFile(name, data),
        },
    )


def test_a_documenter_uploads_a_photo_and_sees_its_hashes(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    data = factories.photo()
    response = _post(client, cast, data, "photo.jpg")
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    assert item.original.sha256 == hashlib.sha256(data).hexdigest()
    page = client.get(response["Location"]).content.decode()
    assert hashlib.sha256(data).hexdigest() in page and hashlib.sha512(data).hexdigest() in page


def test_a_photo_that_is_a_program_is_refused_and_nothing_is_kept(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)
    response = _post(client, cast, WINDOWS_PROGRAM, "photo.jpg")
    assert response.status_code == 400
    assert "is a program" in response.content.decode()
    assert not EvidenceItem.objects.exists() and not EvidenceFile.objects.exists()


def test_a_2_gb_upload_is_refused_from_content_length_before_reading(client: Any, cast: Any) -> None:
    sign_in_verified(client, cast.recorder)

    class Unreadable:
        """A body that fails the test if anyone reads it."""

        def read(self, *args: Any) -> bytes:
            raise AssertionError("the body was read")

        readline = read

    response = client.generic(
        "POST",
        reverse("evidence:item_new"),
        b"",
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(2 * 1024**3),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "limit is 1024 MiB" in response.content.decode()


def test_an_upload_without_the_csrf_token_is_refused(cast: Any) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in_verified(client, cast.recorder)
    body = encode_multipart(
        "BoUnDaRy",
        {
            "group": cast.group.pk,
            "title": "x",
            "purpose": "y",
            "file": SimpleUploadedFile("p.jpg", factories.photo()),
        },
    )
    response = client.generic(
        "POST", reverse("evidence:item_new"), body, content_type="multipart/form-data; boundary=BoUnDaRy"
    )
    assert response.status_code == 403
    assert not EvidenceItem.objects.exists()


def test_stripping_an_encrypted_pdf_explains_and_keeps_the_original(client: Any, cast: Any) -> None:
    item = factories.upload(cast.group, cast.recorder, factories.encrypted_pdf(), name="ruling.pdf")
    sign_in_verified(client, cast.recorder)
    response = client.post(reverse("evidence:file_strip", args=[item.original.pk]), follow=True)
    assert "encrypted" in response.content.decode()
    assert item.files.count() == 1
    assert item.custody.last().detail["copy_refused"]


def test_downloading_a_file_is_a_post_with_a_purpose_and_a_custody_entry(client: Any, cast: Any) -> None:
    data = factories.photo()
    item = factories.upload(cast.group, cast.recorder, data)
    sign_in_verified(client, cast.colleague)
    url = reverse("evidence:file_open", args=[item.original.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, {"purpose": "prepare the court file"})
    assert response.status_code == 200 and response.content == data
    entry = item.custody.last()
    assert (entry.action, entry.actor_label, entry.purpose) == (
        "accessed",
        "colleague",
        "prepare the court file",
    )
