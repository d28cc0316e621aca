"""Data of evidence and monitoring: who documents (groups, partners), what happened (incidents, observations),
the files that prove it with their custody log, the political-prisoner register and dossiers.

Personal values (victims, witnesses, sources, prisoners' names, free text) are encrypted with the core field types.
Records carry their own access (owning group, people, partner organisations); see access.py.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hramada.core.fields import EncryptedTextField
from hramada.core.personal_data import RevealMixin
from hramada.core.storage import EncryptedFileStorage

# The map covers Belarus and its neighbours; a point outside it is a typing mistake (a swapped sign, lat/lon swapped).
MAP_BOUNDS = {"min_lat": 40.0, "max_lat": 62.0, "min_lon": 12.0, "max_lon": 45.0}
GENESIS_HASH = "0" * 64


class DocumenterGroup(models.Model):
    """A team of documenters (a human-rights group, a monitoring project) that owns what its members record."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="documenter_groups", blank=True)
    is_demo = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class PartnerOrganisation(models.Model):
    """An organisation records may be shared with (a court's investigators, a partner human-rights group)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="partner_organisations", blank=True
    )
    is_demo = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class Restricted(models.Model):
    """A record with its own access on top of roles: the owning group, named people, partner organisations."""

    owner_group = models.ForeignKey(DocumenterGroup, on_delete=models.PROTECT, verbose_name=_("owning group"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    shared_with_people = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    shared_with_partners = models.ManyToManyField(PartnerOrganisation, related_name="+", blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        abstract = True


def validate_on_map(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValidationError(_("Give both latitude and longitude, or neither."))
    if latitude is None or longitude is None:
        return
    if not (MAP_BOUNDS["min_lat"] <= latitude <= MAP_BOUNDS["max_lat"]) or not (
        MAP_BOUNDS["min_lon"] <= longitude <= MAP_BOUNDS["max_lon"]
    ):
        raise ValidationError(
            _(
                "The coordinates %(lat)s, %(lon)s are outside the map of Belarus and its neighbours "
                "(latitude 40 to 62, longitude 12 to 45)."
            )
            % {"lat": latitude, "lon": longitude}
        )


class IncidentKind(models.TextChoices):
    ARREST = "arrest", _("Arrest")
    DETENTION = "detention", _("Detention")
    TORTURE = "torture", _("Torture or ill-treatment")
    DISAPPEARANCE = "disappearance", _("Enforced disappearance")
    PROSECUTION = "prosecution", _("Politically motivated prosecution")
    EXTREMIST_DESIGNATION = "extremist_designation", _('"Extremist" designation')
    REPRISAL_ABROAD = "reprisal_abroad", _("Reprisal against relatives abroad")
    OTHER = "other", _("Other")


class Verification(models.TextChoices):
    REPORTED = "reported", _("Reported")
    CORROBORATED = "corroborated", _("Corroborated")
    VERIFIED = "verified", _("Verified")


class Incident(RevealMixin, Restricted):
    kind = models.CharField(_("what happened"), max_length=30, choices=IncidentKind.choices)
    title = models.CharField(
        _("short title (no names)"), max_length=200, help_text=_("Do not put names of victims here.")
    )
    description = EncryptedTextField(_("description"), blank=True, default="")
    date_start = models.DateField(_("date (or start of the period)"))
    date_end = models.DateField(_("end of the period"), null=True, blank=True)
    place_name = models.CharField(_("place"), max_length=200)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    verification = models.CharField(
        _("verification"), max_length=20, choices=Verification.choices, default=Verification.REPORTED
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verification_method = EncryptedTextField(_("how it was verified"), blank=True, default="")

    class Meta:
        ordering = ["-date_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_end__isnull=True) | models.Q(date_end__gte=models.F("date_start")),
                name="evidence_incident_range_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"incident #{self.pk}"

    def clean(self) -> None:
        validate_dates(self.date_start, self.date_end)
        validate_on_map(self.latitude, self.longitude)


def validate_dates(start: date | None, end: date | None) -> None:
    today = timezone.localdate()
    if start and start > today:
        raise ValidationError(_("The date %(date)s is in the future.") % {"date": start.isoformat()})
    if end and end > today:
        raise ValidationError(_("The date %(date)s is in the future.") % {"date": end.isoformat()})
    if start and end and end < start:
        raise ValidationError(_("The period ends before it starts."))


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    WITNESS = "witness", _("Witness")


class IncidentPerson(RevealMixin, models.Model):
    """A victim or witness of an incident. Everything that could identify them is encrypted."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=10, choices=PersonRole.choices)
    name = EncryptedTextField(_("name"))
    contact = EncryptedTextField(_("contact"), blank=True, default="")
    statement = EncryptedTextField(_("statement"), blank=True, default="")

    def __str__(self) -> str:
        return f"{self.role} #{self.pk}"


class ObservationKind(models.TextChoices):
    RAIL = "rail", _("Rail transit")
    ROAD = "road", _("Road convoy")
    AIRCRAFT = "aircraft", _("Aircraft")
    DEPLOYMENT = "deployment", _("Deployment")
    EXERCISE = "exercise", _("Exercise (such as Zapad)")
    OTHER = "other", _("Other")


class Observation(RevealMixin, Restricted):
    """A sighting of Russian military logistics in or through Belarus."""

    kind = models.CharField(_("kind"), max_length=20, choices=ObservationKind.choices)
    observed_at = models.DateTimeField(_("date and time"))
    place_name = models.CharField(_("place"), max_length=200)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    units_or_equipment = models.CharField(_("units or equipment seen"), max_length=300)
    count = models.PositiveIntegerField(_("count"), null=True, blank=True)
    notes = EncryptedTextField(_("notes"), blank=True, default="")

    class Meta:
        ordering = ["-observed_at", "-pk"]

    def __str__(self) -> str:
        return f"observation #{self.pk}"

    def clean(self) -> None:
        if self.observed_at and self.observed_at > timezone.now():
            raise ValidationError(_("The observation time is in the future."))
        validate_on_map(self.latitude, self.longitude)


class Source(RevealMixin, models.Model):
    """Where information came from. The identity is readable only by its recorder and those the record is
    shared with (access.can_see_source_identity), never by the rest of the owning group."""

    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.CASCADE, related_name="sources"
    )
    observation = models.ForeignKey(
        Observation, null=True, blank=True, on_delete=models.CASCADE, related_name="sources"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    identity = EncryptedTextField(_("identity"))
    contact = EncryptedTextField(_("contact"), blank=True, default="")
    description = models.CharField(
        _("kind of source (no names)"),
        max_length=200,
        blank=True,
        help_text=_("For example: eyewitness, relative"),
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incident__isnull=False, observation__isnull=True)
                | models.Q(incident__isnull=True, observation__isnull=False),
                name="evidence_source_belongs_to_one_record",
            )
        ]

    def __str__(self) -> str:
        return f"source #{self.pk}"

    @property
    def record(self) -> Incident | Observation:
        record = self.incident or self.observation
        if record is None:  # the database constraint makes this impossible
            raise ValueError("a source belongs to an incident or an observation")
        return record


class PerpetratorKind(models.TextChoices):
    JUDGE = "judge", _("Judge")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    INVESTIGATOR = "investigator", _("Investigator")
    POLICE = "police", _("Police officer")
    PRISON = "prison", _("Prison official")
    KGB = "kgb", _("KGB official")
    COMPANY = "company", _("Company")
    UNIT = "unit", _("Unit")
    OTHER = "other", _("Other")

    @property
    def is_organisation(self) -> bool:
        return self in (PerpetratorKind.COMPANY, PerpetratorKind.UNIT)


class Perpetrator(models.Model):
    """An official, company or unit named as responsible. Officials act in public office: their names are what
    a sanctions listing names, so they are not encrypted (documenters' sources and victims are)."""

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=PerpetratorKind.choices)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    identifiers = models.JSONField(_("identifiers"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)
    # The last screening against the sanctions lists (sanctions_link.check): when, and each matching listed
    # record with where it is listed. None: never checked.
    sanctions_checked_at = models.DateTimeField(null=True, blank=True)
    sanctions_matches = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Degree(models.TextChoices):
    DIRECT = "direct", _("Carried it out")
    ORDERED = "ordered", _("Ordered it")
    COMMAND = "command", _("Command responsibility")
    COMPLICIT = "complicit", _("Complicit")


class Involvement(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="involvements")
    perpetrator = models.ForeignKey(Perpetrator, on_delete=models.PROTECT, related_name="involvements")
    degree = models.CharField(_("degree of involvement"), max_length=20, choices=Degree.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["incident", "perpetrator"], name="evidence_involvement_once")
        ]

    def __str__(self) -> str:
        return f"involvement #{self.pk}"


class ReadableChange:
    """What a history row shows people: the field by its label and chosen values by theirs (Verification "reported"
    reads "Reported", Супярэчліва ...), in the reader's language; the stored row keeps the field's name and value."""

    field: str
    old: str
    new: str

    def _subject(self) -> type[models.Model]:
        raise NotImplementedError

    def _model_field(self) -> Any:
        from django.core.exceptions import FieldDoesNotExist

        try:
            return self._subject()._meta.get_field(self.field)
        except FieldDoesNotExist:
            return None

    @property
    def field_label(self) -> str:
        from django.utils.text import capfirst

        found = self._model_field()
        if found is not None and getattr(found, "verbose_name", None):
            return str(capfirst(found.verbose_name))
        return str(HISTORY_WORDS.get(self.field, self.field))

    def _value(self, value: str) -> str:
        found = self._model_field()
        if value and found is not None and found.choices:
            return str(dict(found.flatchoices).get(value, value))
        return value

    @property
    def old_label(self) -> str:
        return self._value(self.old)

    @property
    def new_label(self) -> str:
        return self._value(self.new)


# History rows that name no model field.
HISTORY_WORDS = {"created": _("entry created"), "articles": _("articles")}


class RecordChange(ReadableChange, RevealMixin, models.Model):
    """The history of an incident or observation: one row per changed field, who changed it and when.

    Plain fields keep their old and new values in `old` and `new`; encrypted fields (a description, notes, how an
    incident was verified) keep them encrypted in `old_sealed` and `new_sealed`, readable only through an
    audited reveal, so an edit never brings an earlier text into the clear."""

    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.PROTECT, related_name="changes"
    )
    observation = models.ForeignKey(
        Observation, null=True, blank=True, on_delete=models.PROTECT, related_name="changes"
    )
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    field = models.CharField(max_length=50)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    old_sealed = EncryptedTextField(blank=True, default="")
    new_sealed = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incident__isnull=False, observation__isnull=True)
                | models.Q(incident__isnull=True, observation__isnull=False),
                name="evidence_change_belongs_to_one_record",
            )
        ]

    def __str__(self) -> str:
        return f"{self.field} changed"

    def _subject(self) -> type[models.Model]:
        return Observation if self.observation_id else Incident

    @property
    def is_sealed(self) -> bool:
        return bool(self.old_sealed or self.new_sealed)


# Evidence ---------------------------------------------------------------------------------------------------


class EvidenceItem(RevealMixin, Restricted):
    """A piece of evidence: one original file and the working copies made from it."""

    title = models.CharField(_("title (no names)"), max_length=200)
    description = EncryptedTextField(_("description"), blank=True, default="")
    incident = models.ForeignKey(
        Incident, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence_items"
    )
    observation = models.ForeignKey(
        Observation, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence_items"
    )

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"evidence item #{self.pk}"

    @property
    def original(self) -> EvidenceFile:
        return self.files.get(role=FileRole.ORIGINAL)


class FileRole(models.TextChoices):
    ORIGINAL = "original", _("Original")
    STRIPPED = "stripped", _("Working copy without metadata")


def evidence_path(instance: EvidenceFile, filename: str) -> str:
    # The stored name says nothing about the content; the uploaded name is kept encrypted in the row.
    return f"evidence/{instance.item_id}/{uuid.uuid4().hex}"


class EvidenceFileIsImmutableError(Exception):
    """Evidence files are written once and never changed or deleted by the application."""


class EvidenceFile(RevealMixin, models.Model):
    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="files")
    role = models.CharField(max_length=10, choices=FileRole.choices)
    derived_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="derived"
    )
    file = models.FileField(
        upload_to=evidence_path, storage=EncryptedFileStorage(label="evidence.EvidenceFile.file")
    )
    original_name = EncryptedTextField(blank=True, default="")
    kind = models.CharField(max_length=20)  # sniffed: "jpeg", "pdf", "docx", ...
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    # The hashes of the bytes as received, computed while they streamed in (files.HashingUploadHandler).
    sha256 = models.CharField(max_length=64, db_index=True)
    sha512 = models.CharField(max_length=128)
    removed_metadata = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=models.Q(role="original"), name="evidence_one_original_per_item"
            ),
            models.CheckConstraint(
                condition=models.Q(role="original", derived_from__isnull=True)
                | models.Q(role="stripped", derived_from__isnull=False),
                name="evidence_copies_are_derived",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} file #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise EvidenceFileIsImmutableError("An evidence file is written once and never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise EvidenceFileIsImmutableError("Evidence files are never deleted by the application.")


class CustodyAction(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCESSED = "accessed", _("Accessed")
    COPIED = "copied", _("Copied")
    EXPORTED = "exported", _("Exported")
    SHARED = "shared", _("Shared")
    TRANSFERRED = "transferred", _("Transferred")


class CustodyLogIsAppendOnlyError(Exception):
    pass


class CustodyEntry(models.Model):
    """One link of an item's chain of custody: who did what to which file, when and why."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="custody")
    seq = models.PositiveIntegerField()
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=CustodyAction.choices)
    file = models.ForeignKey(EvidenceFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(max_length=500)
    detail = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["item", "seq"]
        constraints = [models.UniqueConstraint(fields=["item", "seq"], name="evidence_custody_seq_once")]

    def __str__(self) -> str:
        return f"custody {self.item_id}/{self.seq}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not getattr(self, "_appending", False):
            raise CustodyLogIsAppendOnlyError("Custody entries are appended through custody.append only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise CustodyLogIsAppendOnlyError("Custody entries are never deleted.")

    def canonical(self) -> dict[str, Any]:
        return {
            "item": self.item_id,
            "seq": self.seq,
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor": self.actor_label,
            "action": self.action,
            "file": self.file_id,
            "purpose": self.purpose,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        return chain_hash(self.canonical())


def chain_hash(canonical: dict[str, Any]) -> str:
    """SHA-256 over compact JSON with sorted keys: the same function checks a bundle's custody.json offline."""
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Political-prisoner register --------------------------------------------------------------------------------


class Region(models.TextChoices):
    MINSK_CITY = "minsk_city", _("Minsk (city)")
    BREST = "brest", _("Brest region")
    VITEBSK = "vitebsk", _("Vitebsk region")
    GOMEL = "gomel", _("Gomel region")
    GRODNO = "grodno", _("Grodno region")
    MINSK = "minsk", _("Minsk region")
    MOGILEV = "mogilev", _("Mogilev region")
    UNKNOWN = "unknown", _("Unknown")


class PrisonerStatus(models.TextChoices):
    DETAINED = "detained", _("Detained, awaiting trial")
    SENTENCED = "sentenced", _("Sentenced, serving")
    RELEASED = "released", _("Released")
    PARDONED = "pardoned", _("Pardoned")
    DIED = "died", _("Died in custody")


ENDED_STATUSES = (PrisonerStatus.RELEASED, PrisonerStatus.PARDONED, PrisonerStatus.DIED)


class Prisoner(RevealMixin, models.Model):
    name = EncryptedTextField(_("name"))
    name_is_public = models.BooleanField(_("the person or family agreed to publish the name"), default=False)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, default=Region.UNKNOWN)
    detained_on = models.DateField(_("date of detention"))
    court = models.CharField(_("court"), max_length=200, blank=True)
    sentenced_on = models.DateField(_("date of sentence"), null=True, blank=True)
    sentence_months = models.PositiveIntegerField(_("sentence (months)"), null=True, blank=True)
    sentence_kind = models.CharField(_("kind of sentence"), max_length=200, blank=True)
    place_of_detention = models.CharField(_("place of detention"), max_length=200, blank=True)
    postal_address = models.TextField(_("postal address for letters"), blank=True)
    recognised_on = models.DateField(_("recognised as a political prisoner on"), null=True, blank=True)
    recognised_by = models.CharField(_("recognised by"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PrisonerStatus.choices, default=PrisonerStatus.DETAINED
    )
    # Release, pardon or death in custody: the date custody ended (status says which).
    ended_on = models.DateField(_("date of release, pardon or death"), null=True, blank=True)
    # The first day of those months, kept by save(): the charts group by them without a date function per row
    # (on SQLite Django's month truncation is a Python callback: 4 s instead of 0.1 s over 100,000 people).
    detained_month = models.DateField(editable=False, null=True)
    ended_month = models.DateField(editable=False, null=True)
    sentence_band = models.CharField(max_length=20, editable=False, default="not sentenced")
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-detained_on", "-pk"]
        indexes = [
            models.Index(fields=["region", "detained_month"]),
            models.Index(fields=["region", "ended_month"]),
            models.Index(fields=["sentence_band", "detained_month"]),
            models.Index(fields=["sentence_band", "ended_month"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("detained_on")),
                name="evidence_prisoner_custody_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"prisoner #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.detained_month, self.ended_month = month_of(self.detained_on), month_of(self.ended_on)
        self.sentence_band = sentence_band(self.sentence_months)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "detained_month",
                "ended_month",
                "sentence_band",
            }
        super().save(*args, **kwargs)


def month_of(day: date | None) -> date | None:
    return day.replace(day=1) if day else None


# Sentence lengths as the register's charts group them: (label, from months, below months).
SENTENCE_BANDS = (
    ("under 2 years", 0, 24),
    ("2-5 years", 24, 60),
    ("5-10 years", 60, 120),
    ("over 10 years", 120, None),
)


# What the charts' legends say for each band (the stored keys above stay in English: they are data).
SENTENCE_BAND_LABELS = {
    "under 2 years": _("under 2 years"),
    "2-5 years": _("2 to 5 years"),
    "5-10 years": _("5 to 10 years"),
    "over 10 years": _("over 10 years"),
    "not sentenced": _("not sentenced"),
}


def sentence_band(months: int | None) -> str:
    if months is None:
        return "not sentenced"
    return next(
        label for label, low, high in SENTENCE_BANDS if months >= low and (high is None or months < high)
    )


class Charge(models.Model):
    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="charges")
    article = models.CharField(_("article of the Criminal Code"), max_length=20, db_index=True)
    # Copies of the prisoner's months (services.register keeps them), so counts by article need no join.
    detained_month = models.DateField(editable=False, null=True)
    ended_month = models.DateField(editable=False, null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prisoner", "article"], name="evidence_charge_once")]
        indexes = [
            models.Index(fields=["article", "detained_month"]),
            models.Index(fields=["article", "ended_month"]),
        ]

    def __str__(self) -> str:
        return self.article


class ConditionKind(models.TextChoices):
    PUNISHMENT_CELL = "punishment_cell", _("Punishment cell")
    INCOMMUNICADO = "incommunicado", _("Incommunicado")
    TRANSFER = "transfer", _("Transfer")
    HOSPITAL = "hospital", _("Hospital")
    OTHER = "other", _("Other")


class ConditionEvent(models.Model):
    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="conditions")
    on = models.DateField(_("date"))
    kind = models.CharField(_("condition"), max_length=20, choices=ConditionKind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.on} {self.kind}"


class PrisonerChange(ReadableChange, RevealMixin, models.Model):
    """The history of a register entry: one row per changed field. A change of an encrypted field (the name) keeps
    the old and new values encrypted in `old_sealed` / `new_sealed`, readable only through an audited reveal."""

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    field = models.CharField(max_length=50)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    old_sealed = EncryptedTextField(blank=True, default="")
    new_sealed = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.field} changed"

    def _subject(self) -> type[models.Model]:
        return Prisoner

    @property
    def is_sealed(self) -> bool:
        return bool(self.old_sealed or self.new_sealed)


class Dossier(RevealMixin, models.Model):
    """The case against one perpetrator or unit: the input of a sanctions listing proposal."""

    perpetrator = models.ForeignKey(Perpetrator, on_delete=models.PROTECT, related_name="dossiers")
    owner_group = models.ForeignKey(DocumenterGroup, on_delete=models.PROTECT)
    statement_of_reasons = EncryptedTextField(_("draft statement of reasons"), blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"dossier #{self.pk}"


class RegisterImport(RevealMixin, models.Model):
    """An uploaded register CSV between the upload and the mapping step. Kept encrypted: it holds names."""

    content = EncryptedTextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    imported = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"register import #{self.pk}"
