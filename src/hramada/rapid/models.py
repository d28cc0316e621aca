"""Rapid response: clock and benchmark policy, listing proposals with their evidence, relief recommendations."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hramada.core.fields import EncryptedJSONField, EncryptedTextField
from hramada.core.personal_data import RevealMixin
from hramada.core.storage import EncryptedFileStorage
from hramada.rapid.legal import Criterion, LegalBasis
from hramada.rapid.workflow import State


class TriggerKind(models.TextChoices):
    ARRESTS = "arrests", _("Wave of arrests")
    DEPLOYMENT = "deployment", _("Military deployment")
    EXTREMIST = "extremist_designation", _('"Extremist" designation')
    OTHER_VIOLATION = "other_violation", _("Other documented violation")
    RESEARCH = "research", _("Analyst's research")


class Origin(models.TextChoices):
    DOSSIER = "dossier", _("Evidence dossier")
    EVENT = "event", _("Triggering event")
    RESEARCH = "research", _("Research")


class SubjectKind(models.TextChoices):
    PERSON = "Person", _("Person")
    ENTITY = "LegalEntity", _("Entity")


class ClockPolicy(models.Model):
    """How many days a proposal may take from its triggering event to approval, per kind of event."""

    kind = models.CharField(_("kind of event"), max_length=32, choices=TriggerKind.choices, unique=True)
    target_days = models.PositiveIntegerField(_("target (days)"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("kind",)
        constraints = (
            models.CheckConstraint(condition=Q(target_days__gte=1), name="rapid_clock_days_positive"),
        )

    def __str__(self) -> str:
        return f"clock policy {self.kind}"


class BenchmarkKey(models.TextChoices):
    PRISONERS_HELD = "prisoners_held", _("Political prisoners held")
    NEW_DETENTIONS = "new_detentions", _("New political detentions per month")
    REPRESSION_INCIDENTS = "repression_incidents", _("Repression incidents per month")
    MILITARY_OBSERVATIONS = "military_observations", _("Military-logistics observations per month")


class BenchmarkPolicy(models.Model):
    """The target of one relief benchmark: met when the last full month's figure is at most ``target``."""

    key = models.CharField(max_length=32, choices=BenchmarkKey.choices, unique=True)
    target = models.PositiveIntegerField(_("target (at most)"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("key",)

    def __str__(self) -> str:
        return f"benchmark policy {self.key}"


SUBJECT_TEXT_KEYS = (
    "name",
    "name_be",
    "name_ru",
    "birth_date",
    "birth_place",
    "gender",
    "nationality",
    "position",
    "function",
    "address",
)
"""The text values of a proposal's ``subject``, beside its ``aliases`` and ``identifiers`` lists."""


class Proposal(RevealMixin, models.Model):
    """A sanctions listing proposal. ``subject`` (names by script, identifiers, birth date, position, function)
    and ``reasons`` are encrypted: until adoption, who is proposed is confidential."""

    reference = models.CharField(max_length=20, unique=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    origin = models.CharField(_("starts from"), max_length=16, choices=Origin.choices)
    trigger_kind = models.CharField(_("kind of event"), max_length=32, choices=TriggerKind.choices)
    triggered_at = models.DateTimeField(_("date of the triggering event"))
    dossier_id_ref = models.PositiveIntegerField(null=True, blank=True)
    subject_kind = models.CharField(_("person or entity"), max_length=16, choices=SubjectKind.choices)
    subject = EncryptedJSONField(default=dict)
    legal_basis = models.CharField(
        _("legal basis"), max_length=16, choices=LegalBasis.choices, default=LegalBasis.BELARUS
    )
    criterion = models.CharField(_("criterion"), max_length=32, choices=Criterion.choices)
    reasons = EncryptedTextField(_("statement of reasons"), blank=True, default="")
    # What the screening door said when the subject was last screened: listed records (public data), no names.
    screened_at = models.DateTimeField(null=True, blank=True)
    listed_hits = models.JSONField(default=list, blank=True)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = EncryptedTextField(blank=True, default="")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    returned_note = EncryptedTextField(blank=True, default="")
    escalated_at = models.DateTimeField(null=True, blank=True)
    adopted_on = models.DateField(_("date of adoption"), null=True, blank=True)
    adoption_act = models.CharField(_("act (CELEX or OJ reference)"), max_length=100, blank=True)
    adoption_entry = models.PositiveIntegerField(_("entry number in the annex"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    local_snapshot_id = models.PositiveIntegerField(null=True, blank=True)
    creation_token = models.UUIDField(unique=True, default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | ~Q(reviewed_by=models.F("drafted_by")),
                name="rapid_review_not_by_drafter",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | (~Q(approved_by=models.F("drafted_by")) & ~Q(approved_by=models.F("reviewed_by"))),
                name="rapid_approval_by_a_third_person",
            ),
        )

    def __str__(self) -> str:
        # Never the subject's name: this label goes into audit entries.
        return f"proposal {self.reference}"

    @property
    def entity_id(self) -> str:
        """The FtM id of the proposed party in exports and in the local list."""
        return f"hramada-proposal-{self.reference.lower()}"


def document_path(instance: ProposalEvidence, filename: str) -> str:
    # Never the uploaded file's name on disk: it may name a person.
    return f"rapid/documents/{uuid.uuid4().hex}"


class ProposalEvidence(RevealMixin, models.Model):
    """One piece of evidence behind a proposal: a record of the evidence app (incident, item, dossier) or a
    document uploaded here. ``sha256`` is the hash of the file's plaintext (evidence item: its original)."""

    class Kind(models.TextChoices):
        INCIDENT = "incident", _("Incident")
        ITEM = "item", _("Evidence item")
        DOSSIER = "dossier", _("Dossier")
        DOCUMENT = "document", _("Uploaded document")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    record_id = models.PositiveIntegerField(null=True, blank=True)
    label = EncryptedTextField(blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True)
    file = models.FileField(
        upload_to=document_path, storage=EncryptedFileStorage(label="rapid.ProposalEvidence.file"), blank=True
    )
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("pk",)
        constraints = (
            models.UniqueConstraint(
                fields=["proposal", "kind", "record_id"],
                condition=Q(record_id__isnull=False),
                name="rapid_evidence_once",
            ),
        )

    def __str__(self) -> str:
        return f"evidence #{self.pk} of proposal #{self.proposal_id}"


class ReliefRecommendation(RevealMixin, models.Model):
    """A recommendation to lift or ease sanctions on a listed person, entity or sector, with the benchmark
    statuses as they stood when it was drafted (frozen); ``flagged`` when any was not met."""

    class Scope(models.TextChoices):
        PERSON = "person", _("Listed person")
        ENTITY = "entity", _("Listed entity")
        SECTOR = "sector", _("Sector")

    scope = models.CharField(_("concerns"), max_length=16, choices=Scope.choices)
    listed_entity_id = models.CharField(_("listed record id"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=200, blank=True)
    rationale = EncryptedTextField(_("rationale"))
    benchmarks = models.JSONField(default=list)
    flagged = models.BooleanField(default=False)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"relief recommendation #{self.pk}"
