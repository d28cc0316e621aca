"""File storage that keeps uploaded files encrypted at rest (attachments may identify an applicant).

Files are written as one envelope each (`crypto.encrypt_bytes`), bound to the storage's label, and decrypted when
opened; a copy of the media folder without the key ring is unreadable. Files are read whole into memory, so use it
for documents with an upload limit, not for bulk data. `write_sealed`/`read_sealed` do the same for work files
read and written by path (bulk screening inputs and results).
"""

from __future__ import annotations

from pathlib import Path
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


# --- Sealed work files: whole files written and read by path (bulk inputs, job results) -------------------

SEALED_SUFFIX = ".sealed"
RESULT_FILE_LABEL = "core.taskprogress.result_file"


def write_sealed(path: Path, data: bytes, *, label: str) -> Path:
    """Write `data` encrypted to `path` + ".sealed" (through a temporary name, so a reader never sees half)."""
    target = path if path.name.endswith(SEALED_SUFFIX) else path.with_name(path.name + SEALED_SUFFIX)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(encrypt_bytes(data, label=label))
    partial.replace(target)
    return target


def read_sealed(path: Path, *, label: str) -> bytes:
    return decrypt_bytes(path.read_bytes(), label=label)


def unsealed_name(path: Path) -> str:
    """The file's own name: "abc-results.csv" for "abc-results.csv.sealed"."""
    return path.name.removesuffix(SEALED_SUFFIX)
