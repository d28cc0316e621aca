"""Donors, recipients, grant records and the coordination decisions made about them (see docs/registry.md)."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hramada.core.fields import EncryptedTextField
from hramada.core.personal_data import RevealMixin
from hramada.core.storage import EncryptedFileStorage

MAX_AMOUNT = Decimal("1e10")


class DonorKind(models.TextChoices):
    EU_INSTITUTION = "eu", _("EU institution")
    MEMBER_STATE = "member_state", _("Member-state body")
    FOUNDATION = "foundation", _("Foundation")
    OTHER = "other", _("Other donor")


class Theme(models.TextChoices):
    MEDIA = "media", _("Independent media")
    LEGAL = "legal", _("Legal defence and human rights")
    CIVIL_SOCIETY = "civil_society", _("Civil society and exile infrastructure")
    DEMOCRATIC = "democratic", _("Democratic structures")
    EDUCATION = "education", _("Education, culture and language")
    DIGITAL_SECURITY = "digital_security", _("Digital security")
    MONITORING = "monitoring", _("Monitoring and accountability")
    HUMANITARIAN = "humanitarian", _("Humanitarian aid and relocation")


class Geography(models.TextChoices):
    BELARUS = "BY", _("Inside Belarus")
    LITHUANIA = "LT", _("Lithuania")
    POLAND = "PL", _("Poland")
    LATVIA = "LV", _("Latvia")
    GEORGIA = "GE", _("Georgia")
    UKRAINE = "UA", _("Ukraine")
    OTHER = "other", _("Other country")


class Instrument(models.TextChoices):
    GRANT = "grant", _("Grant")
    TRANCHES = "tranches", _("Tranche-based grant")
    IN_KIND = "in_kind", _("In-kind support")
    REGRANT = "regrant", _("Regrant")


class RecordStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class Provenance(models.TextChoices):
    FUND = "fund", _("This platform's fund")
    IMPORT = "import", _("Import file")
    PERSON = "person", _("Recorded by a person")


class Donor(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=DonorKind.choices)
    iati_org_id = models.CharField(_("IATI organisation identifier"), max_length=100, blank=True, default="")
    is_platform_fund = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class DonorMember(models.Model):
    """Scopes a donor coordinator to one donor: the role opens the pages, this row opens the donor's records."""

    donor = models.ForeignKey(Donor, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="donor_memberships"
    )

    class Meta:
        constraints = (models.UniqueConstraint(fields=["donor", "user"], name="registry_member_unique"),)

    def __str__(self) -> str:
        return f"{self.user} @ {self.donor}"


def new_reference() -> str:
    return "R-" + secrets.token_hex(4).upper()


def new_references(count: int) -> list[str]:
    """`count` references of `new_reference`'s form from one draw of random bytes (an import makes tens of
    thousands: a system call per reference cost 2.0 µs a reference, one draw for all 0.3 µs)."""
    digits = secrets.token_hex(4 * count).upper()
    return ["R-" + digits[at : at + 8] for at in range(0, 8 * count, 8)]


class Recipient(RevealMixin, models.Model):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        INDIVIDUAL = "individual", _("Individual")

    class Screening(models.TextChoices):
        NOT_SCREENED = "not_screened", _("Not screened")
        # Imported in bulk: screened by the task worker after the import commits; held (never published, never
        # shown as cleared) until then.
        AWAITING = "awaiting", _("Awaiting screening")
        CLEAR = "clear", _("No match")
        HELD = "held", _("Held: possible sanctions match")
        CLEARED = "cleared", _("Cleared by an analyst")
        CONFIRMED = "confirmed", _("Confirmed sanctions match")

    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ORGANISATION)
    name = EncryptedTextField(_("name"), blind_index=True, max_length=500)
    contact = EncryptedTextField(_("contact"), blank=True, default="")
    registration = EncryptedTextField(_("registration number"), blind_index=True, blank=True, default="")
    country = models.CharField(_("country"), max_length=8, blank=True, default="")
    at_risk = models.BooleanField(_("at risk"), default=True)
    # The name in clear, only while it may be published (an organisation not at risk, or with a consent to publish
    # in force); kept by services.refresh_public_name, emptied when the consent is withdrawn.
    public_name = models.CharField(max_length=500, blank=True, default="")
    canonical = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("same as"),
        db_index=False,  # indexed where set only (Meta.indexes)
    )
    screening = models.CharField(max_length=16, choices=Screening.choices, default=Screening.NOT_SCREENED)
    source_key = models.CharField(max_length=100, blank=True, default="")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("reference",)
        indexes = (
            # Only the recipients the fund feeds carry a source key, and only merged ones a canonical recipient:
            # indexes of the rows that have one, so an import's new recipients (neither) write two index entries
            # fewer each, and the look-ups (`source_key = ...`, `canonical_id = ...`) still use them.
            models.Index(
                fields=["source_key"], name="registry_recipient_source", condition=~Q(source_key="")
            ),
            models.Index(
                fields=["canonical"],
                name="registry_recipient_canonical",
                condition=Q(canonical__isnull=False),
            ),
        )

    def __str__(self) -> str:
        return self.reference

    @property
    def resolved(self) -> Recipient:
        return self.canonical or self

    @property
    def resolved_reference(self) -> str:
        return self.canonical.reference if self.canonical_id and self.canonical else self.reference


class RecipientNameToken(models.Model):
    """Keyed hashes of the screening engine's comparison keys of a recipient's name: blocking for resolution
    without the name in clear."""

    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="tokens")
    token = models.CharField(max_length=64, db_index=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["recipient", "token"], name="registry_token_unique"),)

    def __str__(self) -> str:
        return f"{self.recipient_id}:{self.token[:8]}"


class Consent(models.Model):
    class Scope(models.TextChoices):
        SHARE = "share_with_donors", _("Name may be shown to other donors")
        PUBLISH = "publish", _("Name may be published")

    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(_("scope"), max_length=24, choices=Scope.choices)
    given_on = models.DateField(_("given on"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.recipient} {self.scope}"


class ImportBatch(models.Model):
    class Kind(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        IATI = "iati", "IATI 2.03"
        GIVING = "360giving", "360Giving"
        GIVING_XLSX = "360g_xlsx", _("360Giving spreadsheet (XLSX)")

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="imports")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0)
    changes = models.JSONField(default=dict, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.filename


class ColumnMapping(models.Model):
    """The last mapping of file columns to record fields a donor confirmed: offered again next time."""

    donor = models.OneToOneField(Donor, on_delete=models.CASCADE, related_name="column_mapping")
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.donor_id}"


class GrantRecord(models.Model):
    # Found through `registry_record_identifier_unique` (donor, identifier), which starts with it: an index of its
    # own duplicated that one and cost every inserted record a second entry.
    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="records", db_index=False)
    identifier = models.CharField(_("identifier"), max_length=120)
    # Indexed by `registry_record_overlaps`, which starts with it.
    recipient = models.ForeignKey(Recipient, on_delete=models.PROTECT, related_name="records", db_index=False)
    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("purpose"), blank=True, default="")
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    amount_eur = models.DecimalField(_("amount (EUR)"), max_digits=14, decimal_places=2)
    rate_date = models.DateField(null=True, blank=True)
    award_date = models.DateField(_("award date"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    instrument = models.CharField(_("instrument"), max_length=12, choices=Instrument.choices)
    status = models.CharField(_("status"), max_length=12, choices=RecordStatus.choices)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    geography = models.CharField(_("geography"), max_length=8, choices=Geography.choices)
    is_public = models.BooleanField(_("public"), default=False)
    held = models.BooleanField(default=False)
    provenance = models.CharField(max_length=8, choices=Provenance.choices)
    source = models.CharField(max_length=200, blank=True, default="")
    import_batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, blank=True)
    import_row = models.PositiveIntegerField(null=True, blank=True)
    # Who recorded it is shown with the record and never looked up by: no index (an import writes an entry
    # fewer per record; deleting a user, which PROTECT refuses while records point at them, reads the table).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-award_date", "pk")
        constraints = (
            models.UniqueConstraint(fields=["donor", "identifier"], name="registry_record_identifier_unique"),
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount__lt=MAX_AMOUNT), name="registry_record_amount_range"
            ),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="registry_record_end_after_start"),
        )
        indexes = (
            # The gap report sums `amount_eur` per theme x geography over a year of award dates: with the status
            # and the amount in the index, SQLite answers from the index alone (0.14 CPU s a year over a million
            # records on the shared machine, against 0.7 s reading the rows).
            models.Index(
                fields=["theme", "geography", "award_date", "status", "amount_eur"],
                name="registry_record_gaps",
            ),
            # Overlap detection joins records on (recipient, theme) with overlapping periods and different
            # donors: this index answers the join without reading a row (1.0 CPU s over a million records,
            # against 25 s for the same join through the recipient index and the rows).
            models.Index(
                fields=["recipient", "theme", "start", "end", "donor", "status"],
                name="registry_record_overlaps",
            ),
        )

    def __str__(self) -> str:
        return f"{self.donor.slug}:{self.identifier}"


class RecordTranche(models.Model):
    record = models.ForeignKey(GrantRecord, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    due_on = models.DateField(null=True, blank=True)
    paid = models.BooleanField(default=False)

    class Meta:
        ordering = ("record", "number")
        constraints = (models.UniqueConstraint(fields=["record", "number"], name="registry_tranche_unique"),)

    def __str__(self) -> str:
        return f"{self.record_id} #{self.number}"


class Decision(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class OverlapFlag(models.Model):
    """A possible double funding between two records of different donors (a.pk < b.pk), decided once."""

    record_a = models.ForeignKey(GrantRecord, on_delete=models.CASCADE, related_name="+")
    record_b = models.ForeignKey(GrantRecord, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField()
    overlap_days = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Decision.choices, default=Decision.OPEN)
    note = models.TextField(blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["record_a", "record_b"], name="registry_overlap_unique"),
        )

    def __str__(self) -> str:
        return f"{self.record_a_id}~{self.record_b_id}"


class MergeProposal(models.Model):
    """Two recipients that look like one (a.pk < b.pk), with the evidence; confirmed or split by a coordinator."""

    recipient_a = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="+")
    recipient_b = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    evidence = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=Decision.choices, default=Decision.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["recipient_a", "recipient_b"], name="registry_merge_unique"),
        )

    def __str__(self) -> str:
        return f"{self.recipient_a_id}~{self.recipient_b_id}"


class Priority(models.Model):
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    geography = models.CharField(_("geography"), max_length=8, choices=Geography.choices)
    year = models.PositiveIntegerField(_("year"))
    target_eur = models.DecimalField(_("target (EUR)"), max_digits=14, decimal_places=2)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["theme", "geography", "year"], name="registry_priority_unique"),
            models.CheckConstraint(condition=Q(target_eur__gte=0), name="registry_priority_positive"),
        )

    def __str__(self) -> str:
        return f"{self.theme} {self.geography} {self.year}"


class ScreeningHold(models.Model):
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="holds")
    matches = models.JSONField(default=list)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(max_length=12, choices=Decision.choices, default=Decision.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.status}"


def new_token() -> str:
    return secrets.token_hex(16)


def upload_path(instance: PendingUpload, filename: str) -> str:
    return f"registry/uploads/{secrets.token_hex(16)}"


class PendingUpload(models.Model):
    """A spreadsheet waiting for its column mapping; encrypted at rest (it names recipients), deleted once
    imported."""

    donor = models.ForeignKey(Donor, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=32, unique=True, default=new_token)
    kind = models.CharField(max_length=12, choices=ImportBatch.Kind.choices)
    filename = models.CharField(max_length=255)
    file = models.FileField(
        upload_to=upload_path, storage=EncryptedFileStorage(label="registry.PendingUpload.file")
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.filename
