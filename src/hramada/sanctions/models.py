"""Sanctions lists as stored: immutable snapshots of published files, entity content kept once per distinct
content, query tables (names, identifiers, designations) for the pages, and cached deltas between snapshots.

Nothing here is ever updated after an import: a new publication is a new :class:`Snapshot`; an entity that did
not change between two publications points at the same :class:`EntityVersion` from both.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The bundled importers name their lists in English (they are framework-free); people read these names in their
# language. A FollowTheMoney dataset's label is "<kind>: <dataset>", of which the kind is translated.
SOURCE_LABELS = {
    "EU Belarus regime (Regulation 765/2006), transcribed from the Official Journal": _(
        "EU Belarus regime (Regulation 765/2006), transcribed from the Official Journal"
    ),
    "OFAC Specially Designated Nationals list": _("OFAC Specially Designated Nationals list"),
    "UN Security Council consolidated list": _("UN Security Council consolidated list"),
    "EU consolidated financial sanctions list (FSF)": _("EU consolidated financial sanctions list (FSF)"),
    "FollowTheMoney entities (JSON lines)": _("FollowTheMoney entities (JSON lines)"),
    "OpenSanctions delta files": _("OpenSanctions delta files"),
}


def source_display_label(label: str) -> str:
    """A list's name in the reader's language (as stored when the importer's name is not one we know)."""
    kind, colon, dataset = label.partition(": ")
    known = SOURCE_LABELS.get(kind)
    if known is None:
        return label
    return f"{known}{colon}{dataset}"


class Source(models.Model):
    """A list as one publisher puts it out.

    ``importer`` is the importer's source key (``ofac_sdn``); ``key`` is the same, except for FollowTheMoney
    files, which hold different datasets under one importer: each dataset is a list of its own
    (``ftm_json:yente-zala-entities``), so one dataset's file never reads as a later publication of another.
    """

    key = models.CharField(_("key"), max_length=120, unique=True)
    importer = models.CharField(_("importer"), max_length=64, blank=True, default="", db_index=True)
    label = models.CharField(_("label"), max_length=200)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True, default="")

    class Meta:
        ordering = ("key",)

    def __str__(self) -> str:
        return self.label

    @property
    def display_label(self) -> str:
        return source_display_label(self.label)


class Snapshot(models.Model):
    """Everything one imported file said: one per (source, file SHA-256), never changed afterwards.

    For an amendment (EU journal) or a delta file (OpenSanctions), the snapshot is the *resulting* full list:
    the previous snapshot with the file applied; ``base`` names that previous snapshot.
    """

    class Kind(models.TextChoices):
        FULL = "full", _("Full list")
        AMENDMENT = "amendment", _("Amendment applied to the previous snapshot")
        DELTA = "delta", _("Delta applied to the previous snapshot")

    class Status(models.TextChoices):
        """Whether the snapshot may be current. A file that does not look like a real publication of its source
        is *held* with its reasons (``held_reasons``) until an analyst confirms or rejects it; only accepted
        snapshots are ever current (see :mod:`hramada.sanctions.plausibility`)."""

        ACCEPTED = "accepted", _("Accepted")
        HELD = "held", _("Held as suspicious")
        REJECTED = "rejected", _("Rejected")

    class DateFrom(models.TextChoices):
        """Where ``published_at`` came from, so a page can say how sure the date is."""

        FILE = "file", _("the date the file itself carries")
        FILE_NAME = "file_name", _("the date in the file name")
        GIVEN = "given", _("the date given at import")
        NONE = "", _("no publication date known: the import date is shown")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="snapshots")
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    file_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.FULL)
    base = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="derived",
        verbose_name=_("base"),
    )
    imported_at = models.DateTimeField(_("imported at"), db_index=True)
    published_at = models.DateField(_("published on"), null=True, blank=True, db_index=True)
    published_from = models.CharField(
        _("publication date from"), max_length=16, choices=DateFrom.choices, blank=True, default=""
    )
    entity_count = models.PositiveIntegerField(_("entities"), default=0)
    subject_count = models.PositiveIntegerField(_("listed parties"), default=0)
    name_count = models.PositiveIntegerField(_("names"), default=0)
    identifier_count = models.PositiveIntegerField(_("identifiers"), default=0)
    designation_count = models.PositiveIntegerField(_("designations"), default=0)
    warning_count = models.PositiveIntegerField(_("warnings"), default=0)
    warnings = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACCEPTED, db_index=True
    )
    held_reasons = models.JSONField(_("reasons held"), default=list, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = (
            "source__key",
            "published_at",
            "imported_at",
            "pk",
        )
        constraints = (models.UniqueConstraint(fields=["source", "sha256"], name="sanctions_snapshot_once"),)
        indexes = (models.Index(fields=["source", "published_at", "imported_at"]),)

    def __str__(self) -> str:
        day = self.published_at.isoformat() if self.published_at else self.imported_at.date().isoformat()
        return f"{self.source.key} {day} ({self.file_name})"

    @property
    def label(self) -> str:
        return str(self)


class EntityVersion(models.Model):
    """One distinct content of one FtM entity, stored once however many snapshots contain it.

    ``data`` is the FtM dict exactly as the importer produced it; ``name_langs`` and ``printed`` keep what FtM
    has no room for (the language of each name, values as printed). ``content_hash`` is the SHA-256 of all
    three in canonical JSON.
    """

    entity_id = models.CharField(max_length=255, db_index=True)
    schema = models.CharField(max_length=64, db_index=True)
    caption = models.CharField(max_length=500, blank=True, default="")
    content_hash = models.CharField(max_length=64, unique=True)
    data = models.JSONField()
    name_langs = models.JSONField(default=dict, blank=True)
    printed = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    birth_dates = models.CharField(max_length=255, blank=True, default="")

    class Meta:
        ordering = (
            "entity_id",
            "pk",
        )

    def __str__(self) -> str:
        return f"{self.entity_id} ({self.content_hash[:8]})"

    @property
    def properties(self) -> dict[str, list[str]]:
        props: dict[str, list[str]] = self.data.get("properties", {})
        return props

    def to_ftm(self) -> dict[str, Any]:
        return dict(self.data)


class SnapshotEntity(models.Model):
    """Membership: entity ``entity_id`` was in ``snapshot`` with content ``version``.

    ``belarus`` is true when the entity (a listed party or its Sanction) falls under a Belarus programme in
    this snapshot; ``subject`` is false for Sanction entities and other records that hang off a listed party.
    """

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="members")
    entity_id = models.CharField(max_length=255)
    version = models.ForeignKey(EntityVersion, on_delete=models.PROTECT, related_name="memberships")
    schema = models.CharField(max_length=64)
    subject = models.BooleanField(default=True)
    belarus = models.BooleanField(default=False)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["snapshot", "entity_id"], name="sanctions_member_once"),
        )
        indexes = (
            models.Index(fields=["entity_id"]),
            models.Index(fields=["snapshot", "subject", "belarus"]),
            models.Index(fields=["version", "snapshot"]),
        )

    def __str__(self) -> str:
        return f"{self.entity_id} in {self.snapshot_id}"


class Name(models.Model):
    """A name of an entity version with its script (ISO 15924), language (ISO 639-3) and kind.

    ``search_key`` holds the comparison keys of the name in every transliteration (space-separated, padded),
    so Лукашэнка, Лукашенко and Lukashenka meet on ``lukasenka``; ``match_key`` is the sorted keys of the
    first rendering, used to link records of one person across sources.
    """

    version = models.ForeignKey(EntityVersion, on_delete=models.CASCADE, related_name="names")
    entity_id = models.CharField(max_length=255)
    value = models.CharField(max_length=1000)
    kind = models.CharField(max_length=32)
    script = models.CharField(max_length=8)
    lang = models.CharField(max_length=8, blank=True, default="")
    search_key = models.TextField(blank=True, default="")
    match_key = models.CharField(max_length=500, blank=True, default="", db_index=True)

    class Meta:
        ordering = ("pk",)
        indexes = (models.Index(fields=["entity_id"]),)

    def __str__(self) -> str:
        return self.value


class Identifier(models.Model):
    """A strong identifier: passport, national id, registration, INN, OGRN, IMO, MMSI, call sign, crypto
    address.

    ``entity_id`` is the entity the identifier identifies: the holder for a Passport entity, the entity itself
    otherwise. ``normalised`` is upper-case letters and digits only, for linking.
    """

    version = models.ForeignKey(EntityVersion, on_delete=models.CASCADE, related_name="identifiers")
    entity_id = models.CharField(max_length=255, db_index=True)
    scheme = models.CharField(max_length=64)
    value = models.CharField(max_length=500)
    normalised = models.CharField(max_length=500, db_index=True)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.scheme}: {self.value}"


class Designation(models.Model):
    """One designation (an FtM ``Sanction``) of a listed party: programme, legal basis, date, reasons,
    measures."""

    version = models.OneToOneField(EntityVersion, on_delete=models.CASCADE, related_name="designation")
    subject_id = models.CharField(max_length=255, db_index=True)
    programme = models.CharField(max_length=100, blank=True, default="", db_index=True)
    programme_label = models.CharField(max_length=500, blank=True, default="")
    authority = models.CharField(max_length=500, blank=True, default="")
    legal_basis = models.CharField(max_length=500, blank=True, default="")
    listing_date = models.CharField(max_length=32, blank=True, default="")
    reason = models.TextField(blank=True, default="")
    measures = models.TextField(blank=True, default="")
    source_url = models.CharField(max_length=1000, blank=True, default="")
    belarus = models.BooleanField(default=False)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.programme} {self.subject_id}"


class Relation(models.Model):
    """A link between two entities of one source (FtM edge schemata: Ownership, Directorship, Family,
    UnknownLink for OFAC's "Linked To", ...), so an entity page shows who owns, runs or is linked to whom."""

    version = models.ForeignKey(EntityVersion, on_delete=models.CASCADE, related_name="relations")
    entity_id = models.CharField(max_length=255)
    schema = models.CharField(max_length=64)
    source_id = models.CharField(max_length=255, db_index=True)
    target_id = models.CharField(max_length=255, db_index=True)
    label = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.source_id} {self.label} {self.target_id}"


class Delta(models.Model):
    """What changed between two snapshots of one source (``old`` is null for the first snapshot).

    ``added`` and ``removed`` are entity ids; ``amended`` maps an entity id to ``{property: {"old": [...],
    "new": [...]}}``. Computed from content hashes once and kept, so re-screening reads it cheaply.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="deltas")
    old = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    new = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="deltas_in")
    added = models.JSONField(default=list)
    removed = models.JSONField(default=list)
    amended = models.JSONField(default=dict)
    added_count = models.PositiveIntegerField(default=0)
    removed_count = models.PositiveIntegerField(default=0)
    amended_count = models.PositiveIntegerField(default=0)
    # The same changes counted by listed party (a new Sanction of a listed person amends that person); null
    # until the party rows (:class:`DeltaParty`) are stored.
    parties_added = models.PositiveIntegerField(null=True, blank=True)
    parties_removed = models.PositiveIntegerField(null=True, blank=True)
    parties_amended = models.PositiveIntegerField(null=True, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = (
            "-new__imported_at",
            "-pk",
        )
        constraints = (models.UniqueConstraint(fields=["old", "new"], name="sanctions_delta_once"),)

    def __str__(self) -> str:
        return f"{self.old_id} -> {self.new_id}"

    @property
    def added_ids(self) -> list[str]:
        return list(self.added)

    @property
    def removed_ids(self) -> list[str]:
        return list(self.removed)

    @property
    def amended_ids(self) -> list[str]:
        return sorted(self.amended)

    @property
    def changed_ids(self) -> set[str]:
        return set(self.added) | set(self.removed) | set(self.amended)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.amended)

    @property
    def has_parties(self) -> bool:
        return self.parties_added is not None


class DeltaParty(models.Model):
    """One listed party that a delta added, removed or amended, with what changed in its record and in the
    records that hang off it (Sanctions, documents, links, addresses). Stored with the delta at import time, so
    the changes page counts, filters and pages listed parties in the database."""

    class Change(models.TextChoices):
        ADDED = "added", _("Added")
        REMOVED = "removed", _("Removed")
        AMENDED = "amended", _("Amended")

    delta = models.ForeignKey(Delta, on_delete=models.CASCADE, related_name="parties")
    entity_id = models.CharField(max_length=255)
    change = models.CharField(max_length=16, choices=Change.choices)
    schema = models.CharField(max_length=64)
    caption = models.CharField(max_length=500, blank=True, default="")
    # Programme codes of the party's Sanctions, written "|A|B|" so one code is found with ``contains``.
    programmes = models.CharField(max_length=2000, blank=True, default="")
    belarus = models.BooleanField(default=False)
    # [{"schema", "entity_id", "caption", "change", "properties": {prop: {"old": [...], "new": [...]}}}]: the
    # party's own record first (when it changed), then each record hanging off it that changed.
    parts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("change", "caption", "pk")
        indexes = (models.Index(fields=["delta", "change", "caption"]),)

    def __str__(self) -> str:
        return f"{self.change} {self.entity_id}"

    @property
    def programme_codes(self) -> list[str]:
        return [code for code in self.programmes.split("|") if code]


class ScreeningDecision(models.Model):
    """An analyst's decision on one pair: a counterparty of the platform and a listed entity.

    ``party_ref`` names the counterparty the way its owning app does (``fund.application:123:applicant``,
    ``registry.recipient:45``); it is a reference, never a name. ``identity`` is the fingerprint of the listed
    entity's identifying data (names, birth dates, identifiers) the decision was made against: when the list
    changes that data, the decision no longer silences the match. A decision is never edited: a second analyst
    reverses it (``reversed_*``), and a new decision may then be taken.
    """

    class Verdict(models.TextChoices):
        FALSE_POSITIVE = "false_positive", _("False positive")
        CONFIRMED = "confirmed", _("Confirmed match")

    party_ref = models.CharField(_("counterparty"), max_length=200)
    entity_id = models.CharField(_("listed entity"), max_length=255)
    caption = models.CharField(_("listed as"), max_length=500, blank=True, default="")
    verdict = models.CharField(_("decision"), max_length=16, choices=Verdict.choices)
    reason = models.TextField(_("reason"))
    identity = models.CharField(max_length=64)
    origin = models.CharField(_("taken on"), max_length=200, blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"))
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reversed_at = models.DateTimeField(_("reversed at"), null=True, blank=True)
    reversal_reason = models.TextField(_("reason for the reversal"), blank=True, default="")
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    """Set when an analyst decided again after the listed record changed; the old decision then stands no more."""

    class Meta:
        ordering = ("-decided_at", "-pk")
        constraints = (
            models.UniqueConstraint(
                fields=["party_ref", "entity_id"],
                condition=models.Q(reversed_at__isnull=True),
                name="sanctions_decision_one_standing",
            ),
        )
        indexes = (models.Index(fields=["party_ref", "entity_id"]), models.Index(fields=["entity_id"]))

    def __str__(self) -> str:
        return f"{self.party_ref} / {self.entity_id}: {self.verdict}"

    @property
    def standing(self) -> bool:
        return self.reversed_at is None


class ScreeningProfile(models.Model):
    """The screening policy for one purpose: when a score is a match, from which score a candidate is shown, how
    many candidates the engine weighs and how many results a caller gets. Changed only through
    ``services.profiles`` (audited; a change that makes screening less sensitive waits for a second
    administrator)."""

    key = models.CharField(_("purpose"), max_length=32, unique=True)
    match = models.DecimalField(_("match threshold"), max_digits=4, decimal_places=3)
    review = models.DecimalField(_("review threshold"), max_digits=4, decimal_places=3)
    candidates = models.PositiveSmallIntegerField(_("candidates weighed"))
    limit = models.PositiveSmallIntegerField(_("results shown"))
    updated_at = models.DateTimeField(_("changed at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("key",)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(review__gte=0)
                & models.Q(review__lte=models.F("match"))
                & models.Q(match__lte=1),
                name="sanctions_profile_thresholds_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(candidates__gte=1) & models.Q(limit__gte=1),
                name="sanctions_profile_counts",
            ),
        )

    def __str__(self) -> str:
        return self.key


class ProfileChange(models.Model):
    """A proposed change of a screening profile that waits for a second administrator (it would make screening
    less sensitive: a higher threshold, fewer candidates or results)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a second administrator")
        APPLIED = "applied", _("Applied")
        REJECTED = "rejected", _("Rejected")

    profile = models.ForeignKey(ScreeningProfile, on_delete=models.CASCADE, related_name="changes")
    match = models.DecimalField(max_digits=4, decimal_places=3)
    review = models.DecimalField(max_digits=4, decimal_places=3)
    candidates = models.PositiveSmallIntegerField()
    limit = models.PositiveSmallIntegerField()
    reason = models.TextField(_("reason"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-proposed_at", "-pk")

    def __str__(self) -> str:
        return f"{self.profile.key}: {self.status}"


class ScreenedName(models.Model):
    """Which audit entry recorded the screening of a name, by the name's keyed hash: lets an auditor ask "was
    this name screened, when, by whom" from the name alone. The name itself is never stored."""

    name_hash = models.CharField(max_length=64, db_index=True)
    entry = models.ForeignKey("core.AuditEntry", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ("-pk",)

    def __str__(self) -> str:
        return self.name_hash[:12]
