"""Staff administration records: invitations to new colleagues and changes that wait for a second administrator."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_invitation_token(raw: str) -> str:
    """Only a SHA-256 of the link's token is kept: the token is 32 random bytes, shown or mailed once."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class StaffInvitation(models.Model):
    """An invited colleague's account waits here until they open the link and choose their own password."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"invitation of {self.user}"

    @property
    def pending(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class StaffApproval(models.Model):
    """A change one administrator asked for that takes effect only when a different administrator approves it."""

    class Kind(models.TextChoices):
        GRANT_ADMINISTRATOR = "grant_administrator", _("Grant the administrator role")
        RESET_SECOND_FACTOR = "reset_second_factor", _("Reset an administrator's second factor")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for a second administrator")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    kind = models.CharField(_("change"), max_length=32, choices=Kind.choices)
    target = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            # One open request per change and person: asking twice does not need two approvals.
            models.UniqueConstraint(
                fields=["kind", "target"],
                condition=models.Q(outcome="pending"),
                name="core_staffapproval_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target}"
