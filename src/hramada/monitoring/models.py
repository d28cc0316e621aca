"""Monitoring's data: re-screen runs, the standing exposures of counterparties to listed entities, the alerts a
flip raises, and the watch lists analysts upload (names encrypted at rest)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hramada.core.counterparties import source_label
from hramada.core.fields import EncryptedTextField
from hramada.core.personal_data import RevealMixin


class RescreenRun(models.Model):
    """One list change to screen against the counterparties (or, without a snapshot, a first screening of new
    counterparties). Queued when the change arrives; a running run takes the queued ones after it, in order."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    source = models.CharField(_("list"), max_length=100, blank=True, default="")
    snapshot_id = models.BigIntegerField(null=True, blank=True)
    previous_snapshot_id = models.BigIntegerField(null=True, blank=True)
    # Listed entity ids of the delta (public list data, not personal data).
    added = models.JSONField(default=list)
    removed = models.JSONField(default=list)
    changed = models.JSONField(default=list)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    progress_id = models.BigIntegerField(null=True, blank=True)
    counterparties = models.PositiveIntegerField(default=0)
    revealed = models.PositiveIntegerField(default=0)
    first_screened = models.PositiveIntegerField(default=0)
    screened_entities = models.PositiveIntegerField(default=0)
    alerts = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    """How many times a worker took this run (a run the database refused as locked is queued again)."""
    message = models.TextField(blank=True, default="")

    class Meta:
        ordering = ("-pk",)

    def __str__(self) -> str:
        return f"re-screen #{self.pk}"

    @property
    def delta_size(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


class KnownCounterparty(models.Model):
    """A counterparty monitoring has screened once in full (its baseline); later list changes screen only the
    delta against it. The reference never contains a name."""

    ref = models.CharField(max_length=200, unique=True)
    owner = models.CharField(max_length=40)
    first_screened_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.ref


class Exposure(models.Model):
    """A counterparty stands at or above the review threshold against a listed entity (an open pair)."""

    ref = models.CharField(max_length=200)
    owner = models.CharField(max_length=40)
    entity_id = models.CharField(max_length=200, db_index=True)
    caption = models.CharField(max_length=500, blank=True, default="")
    score = models.FloatField(default=0.0)
    identity = models.CharField(max_length=64, blank=True, default="")
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["ref", "entity_id"], name="monitoring_exposure_once"),)

    def __str__(self) -> str:
        return f"{self.ref} ~ {self.entity_id}"


class Alert(models.Model):
    """A counterparty's status flipped on a list change; filed under its owner, acknowledged by an analyst."""

    class Kind(models.TextChoices):
        POSSIBLE_MATCH = "possible_match", _("New possible match")
        CLEARED = "cleared", _("Match cleared")
        LISTED_CHANGED = "listed_changed", _("Listed record changed since the decision")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")

    run = models.ForeignKey(RescreenRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    ref = models.CharField(max_length=200, db_index=True)
    owner = models.CharField(_("owner"), max_length=40, db_index=True)
    label = models.CharField(_("counterparty"), max_length=300, blank=True, default="")
    url = models.CharField(max_length=500, blank=True, default="")
    entity_id = models.CharField(max_length=200)
    caption = models.CharField(_("listed entity"), max_length=500, blank=True, default="")
    score = models.FloatField(default=0.0)
    first_screening = models.BooleanField(default=False)
    # The explanation quotes the counterparty's name: encrypted, shown through the audited reveal.
    explanation = EncryptedTextField(blank=True, default="")
    decision_verdict = models.CharField(max_length=20, blank=True, default="")
    decision_listed_changed = models.BooleanField(default=False)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True, default="")
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    escalation_reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"alert #{self.pk}"

    @property
    def escalated(self) -> bool:
        return self.escalated_at is not None

    @property
    def owner_label(self) -> str:
        """The app the alert is filed under, named in the reader's language."""
        return source_label(self.owner)


class WatchList(models.Model):
    """A list of names an analyst uploaded to be watched against every list change."""

    name = models.CharField(_("name"), max_length=200)
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    row_count = models.PositiveIntegerField(default=0)
    is_demo = models.BooleanField(default=False)
    # Rows are stored in short transactions (a 100,000-row list must not hold SQLite's write lock for long); the
    # list counts, is shown and is watched only once every row is in.
    active = models.BooleanField(default=False)

    class Meta:
        ordering = ("-uploaded_at", "-pk")

    def __str__(self) -> str:
        return self.name


class WatchListEntry(RevealMixin, models.Model):
    watch_list = models.ForeignKey(WatchList, on_delete=models.CASCADE, related_name="entries")
    row = models.PositiveIntegerField()
    name = EncryptedTextField()
    schema = models.CharField(max_length=20, default="LegalEntity")
    birth_date = EncryptedTextField(blank=True, default="")
    country = models.CharField(max_length=8, blank=True, default="")
    identifier = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ("watch_list", "row")
        constraints = (
            models.UniqueConstraint(fields=["watch_list", "row"], name="monitoring_watch_row_once"),
        )

    def __str__(self) -> str:
        return f"{self.watch_list_id}:{self.row}"

    @property
    def ref(self) -> str:
        return f"monitoring.watch:{self.watch_list_id}:{self.row}"
