"""The audit log: append-only and hash-chained; who did what to which record, and who read personal data.

Each entry's hash covers a canonical JSON of all its fields and the previous entry's hash, so editing,
deleting or inserting an entry breaks the chain where it happened (`hramada.core.audit.verify_chain` finds
it). Entries are appended only by `hramada.core.audit.record`, which locks the single `AuditChainHead` row so
the chain never forks. On PostgreSQL a trigger refuses UPDATE and DELETE on the table, whoever asks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64
CHAIN_HEAD_ID = 1


class AuditLogIsAppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry through the ORM."""


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise AuditLogIsAppendOnlyError("Audit entries are never changed or deleted.")


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        _refuse()

    def delete(self) -> NoReturn:
        _refuse()

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()

    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditLogIsAppendOnlyError("Append audit entries with hramada.core.audit.record().")


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    at = models.DateTimeField(_("when"), db_index=True)
    # No database constraint and no cascade: removing a user must not touch (or be blocked by) the log, and
    # actor_label keeps the name the entry was written with.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("actor"), max_length=200)
    action = models.CharField(_("action"), max_length=100)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("target type"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    target_id = models.CharField(_("target id"), max_length=64, blank=True, default="")
    target_label = models.CharField(_("target"), max_length=300, blank=True, default="")
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # Keyed entries are chained with HMAC-SHA256 under the ring's audit key; entries written before the ring had
    # one keep their plain SHA-256 (docs/security.md, "Anchoring the chain").
    keyed = models.BooleanField(default=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ("-seq",)
        indexes = (
            models.Index(fields=["actor", "-seq"], name="core_audit_actor_seq"),
            models.Index(fields=["target_type", "target_id"], name="core_audit_target"),
            # LIKE 'prefix%' uses this index on PostgreSQL whatever the collation (opclasses are ignored
            # elsewhere).
            models.Index(fields=["action"], name="core_audit_action", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["actor_label"], name="core_audit_actor_label"),
        )

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.actor_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not getattr(self, "_appending", False) or not self._state.adding:
            raise AuditLogIsAppendOnlyError(
                "Audit entries are written only by hramada.core.audit.record() and never changed."
            )
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()

    def canonical(self) -> str:
        """The text the hash covers: every field but the hash itself, as sorted compact JSON."""
        document = {
            "seq": self.seq,
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "target_type_id": self.target_type_id,
            "target_id": self.target_id,
            "target_label": self.target_label,
            "detail": self.detail,
            "address": self.address,
            "prev_hash": self.prev_hash,
        }
        if self.keyed:
            document["keyed"] = True
        return json.dumps(
            document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )

    def compute_hash(self, audit_key: bytes | None = None) -> str:
        """SHA-256 of the canonical text, or for a keyed entry its HMAC-SHA256 under ``audit_key`` (the ring's
        audit key when not given; a keyed entry cannot be hashed without it)."""
        message = self.canonical().encode("utf-8")
        if not self.keyed:
            return hashlib.sha256(message).hexdigest()
        if audit_key is None:
            from hramada.core.crypto import KeyringError, load_keyring

            audit_key = load_keyring().audit_key
            if audit_key is None:
                raise KeyringError("The key ring has no audit key, so keyed audit entries cannot be checked.")
        return hmac.new(audit_key, message, hashlib.sha256).hexdigest()


class AuditChainHead(models.Model):
    """The one row that says where the chain ends; appending locks it, so appends happen one at a time."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=CHAIN_HEAD_ID)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"audit chain head at #{self.seq}"
