"""File storage that keeps uploaded files encrypted at rest (attachments may identify an applicant).

Files are written as one envelope each (`crypto.encrypt_bytes`), bound to the storage's label, and decrypted when
opened; a copy of the media folder without the key ring is unreadable. Files are read whole into memory, so use it
for documents with an upload limit, not for bulk data.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from hramada.core.crypto import decrypt_bytes, encrypt_bytes


@deconstructible
class EncryptedFileStorage(FileSystemStorage):
    def __init__(self, *args: Any, label: str = "files", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label = label

    def _save(self, name: str, content: File[Any]) -> str:
        content.seek(0)
        sealed = encrypt_bytes(content.read(), label=self.label)
        # django-stubs does not declare FileSystemStorage._save/_open, which Django documents for subclasses.
        saved: str = super()._save(name, ContentFile(sealed))  # type: ignore[misc]
        return saved

    def _open(self, name: str, mode: str = "rb") -> File[Any]:
        if "w" in mode or "a" in mode:
            raise ValueError("encrypted files are written through save(), not opened for writing")
        with super()._open(name, "rb") as handle:  # type: ignore[misc]
            plain = decrypt_bytes(handle.read(), label=self.label)
        return ContentFile(plain, name=name)

    def size(self, name: str) -> int:
        with self._open(name) as handle:
            return int(handle.size)
