"""The error types of evidence services: an `EvidenceError`'s message is shown to the user as it is."""

from __future__ import annotations

from django.utils.translation import gettext as _


class EvidenceError(Exception):
    pass


class StoredFileMissingError(EvidenceError):
    """An evidence file is listed but its stored bytes are gone or unreadable; already written to the custody and
    audit logs when raised. Pages answer it with 410 Gone and ask the reader to tell custody staff."""

    def __init__(self, file_id: int, item_id: int, problem: str) -> None:
        self.file_id = file_id
        self.item_id = item_id
        self.problem = problem  # "missing" or "unreadable"
        super().__init__(
            _(
                "The stored file %(file)s of item %(item)s is missing or unreadable. Nothing was changed; "
                "the incident was written to the custody log. Please tell the custody staff."
            )
            % {"file": file_id, "item": item_id}
        )
