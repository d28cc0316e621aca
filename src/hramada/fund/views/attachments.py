"""Sending an attachment back: the applicant's own download and the staff download share the audit entry and the
answer when the stored copy is gone (a clear 410 page and an audit incident instead of a server error)."""

from __future__ import annotations

from django.db import transaction
from django.http import FileResponse, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render

from hramada.core import audit
from hramada.core.access import acting_user
from hramada.core.crypto import CryptoError
from hramada.fund.models import Attachment


def send(request: HttpRequest, item: Attachment, *, back: str) -> HttpResponseBase:
    """The file as a download, its opening audited; a missing or unreadable stored copy is a 410 page, audited as
    `fund.attachment.missing`. `back` is where the page's link leads (the application the file belongs to)."""
    try:
        handle = item.file.open("rb")
    except (OSError, CryptoError):  # gone from disk, or damaged / under a key this server lacks
        handle = None
    with transaction.atomic():
        audit.record(
            action="fund.attachment.opened" if handle is not None else "fund.attachment.missing",
            target=item,
            detail={"application": item.application_id},
            by=acting_user(request),
        )
    if handle is None:
        return render(request, "fund/attachment_missing.html", {"back": back}, status=410)
    response = FileResponse(
        handle, content_type=item.content_type, as_attachment=True, filename=item.download_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
