"""What an uploaded file really is, from its first bytes, not its name: a renamed executable is refused.

Accepted: PDF, PNG, JPEG, OpenDocument / Office Open XML documents (ZIP with the right member), plain UTF-8
text.
"""

from __future__ import annotations

import zipfile
from typing import IO

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

# extension -> the kind the content must sniff as
KIND_BY_EXTENSION = {
    "pdf": "pdf",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "odt": "odf",
    "ods": "odf",
    "docx": "ooxml",
    "xlsx": "ooxml",
    "txt": "text",
    "csv": "text",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "odf": "application/vnd.oasis.opendocument",
    "ooxml": "application/vnd.openxmlformats-officedocument",
    "text": "text/plain",
}


def sniff(stream: IO[bytes]) -> str | None:
    """The kind of the content ("pdf", "png", ...) or None when it is none we accept."""
    stream.seek(0)
    head = stream.read(8192)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis"):
                    return "odf"
                if "[Content_Types].xml" in names:
                    return "ooxml"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        finally:
            stream.seek(0)
        return None
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still text.
            if exc.start < len(head) - 4:
                return None
        return "text"
    return None


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""
