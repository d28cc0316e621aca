"""Uploaded files are encrypted at rest: the bytes on disk never contain the document, and opening gives it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile

from hramada.core.crypto import DecryptionError, decrypt_bytes, encrypt_bytes
from hramada.core.storage import EncryptedFileStorage

DOCUMENT = "Пашпарт MP1234567, Аляксандра Іванова, вул. Леніна 5, Мінск".encode()


def test_the_bytes_on_disk_hold_no_plaintext_and_open_gives_it_back(tmp_path: Path) -> None:
    storage = EncryptedFileStorage(location=tmp_path, label="tests.document")
    name = storage.save("scan", ContentFile(DOCUMENT))
    raw = (tmp_path / name).read_bytes()
    assert DOCUMENT not in raw and b"MP1234567" not in raw
    with storage.open(name) as handle:
        assert handle.read() == DOCUMENT
    assert storage.size(name) == len(DOCUMENT)


def test_a_file_moved_to_another_label_or_altered_is_refused(tmp_path: Path) -> None:
    sealed = encrypt_bytes(DOCUMENT, label="fund.Attachment.file")
    with pytest.raises(DecryptionError):
        decrypt_bytes(sealed, label="evidence.Item.file")
    altered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(DecryptionError):
        decrypt_bytes(altered, label="fund.Attachment.file")
    with pytest.raises(DecryptionError):
        decrypt_bytes(b"%PDF-1.7 not ours", label="fund.Attachment.file")


@pytest.mark.django_db
def test_fund_attachments_are_stored_encrypted(settings: Any, tmp_path: Path) -> None:
    from hramada.fund.models import Attachment

    settings.MEDIA_ROOT = tmp_path
    field = Attachment._meta.get_field("file")
    assert isinstance(field.storage, EncryptedFileStorage)
