"""What analysts import for evasion analysis: company ownership data, vessel registers, a goods watch list, crypto
transfers and address tags, and the results of shipment-file screenings. The lists themselves stay in the
sanctions app; this app reads them through ``listed``.

Each import is one :class:`Dataset` with its rows, written all-or-nothing; nothing is changed afterwards.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hramada.core.fields import EncryptedJSONField, EncryptedTextField
from hramada.core.personal_data import RevealMixin


class Dataset(models.Model):
    class Kind(models.TextChoices):
        SHAREHOLDINGS = "shareholdings", _("Shareholdings (CSV)")
        BODS = "bods", _("Beneficial ownership (BODS JSON)")
        VESSELS = "vessels", _("Vessel register (CSV)")
        GOODS = "goods", _("Goods watch list (CSV)")
        TRANSFERS = "transfers", _("Crypto transfers (CSV)")
        TAGPACK = "tagpack", _("Address tags (TagPack YAML)")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=500, help_text=_("Where the data comes from."))
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField(_("imported at"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    warnings = models.JSONField(default=list, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ("-imported_at", "-pk")
        constraints = (models.UniqueConstraint(fields=["kind", "sha256"], name="evasion_dataset_once"),)

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class Holding(RevealMixin, models.Model):
    """Owner holds ``share`` percent of owned and/or has a control right over it (EU control criteria).

    A natural person's name (``owner_schema`` Person) is never kept in ``owner_name``: it is sealed in
    ``person_name`` and read through the audited reveal; the ownership graph names the person by key."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="holdings")
    owner_key = models.CharField(max_length=255, db_index=True)
    owner_name = models.CharField(max_length=500, blank=True, default="")
    owner_schema = models.CharField(max_length=32, default="LegalEntity")
    person_name = EncryptedTextField(blank=True, default="")
    owned_key = models.CharField(max_length=255, db_index=True)
    owned_name = models.CharField(max_length=500, blank=True, default="")
    share = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    control = models.CharField(max_length=32, blank=True, default="")
    start_date = models.CharField(max_length=32, blank=True, default="")
    end_date = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        ordering = ("pk",)
        constraints = (
            models.CheckConstraint(
                condition=Q(share__isnull=True) | (Q(share__gte=Decimal(0)) & Q(share__lte=Decimal(100))),
                name="evasion_share_0_to_100",
            ),
        )

    def __str__(self) -> str:
        return f"{self.owner_key} {self.share}% {self.owned_key}"


class VesselState(models.Model):
    """One known state of one hull: name, flag and companies from ``valid_from`` on."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="vessel_states")
    imo = models.CharField(max_length=7, db_index=True)
    name = models.CharField(max_length=200)
    flag = models.CharField(max_length=8, blank=True, default="")
    mmsi = models.CharField(max_length=16, blank=True, default="")
    call_sign = models.CharField(max_length=16, blank=True, default="")
    owner_key = models.CharField(max_length=255, blank=True, default="")
    manager_key = models.CharField(max_length=255, blank=True, default="")
    operator_key = models.CharField(max_length=255, blank=True, default="")
    valid_from = models.CharField(max_length=10, blank=True, default="")

    class Meta:
        ordering = ("imo", "valid_from", "pk")

    def __str__(self) -> str:
        return f"IMO {self.imo} {self.name}"


class GoodsEntry(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="goods")
    hs_code = models.CharField(max_length=10, db_index=True)
    description = models.CharField(max_length=500)
    reason = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ("hs_code", "pk")

    def __str__(self) -> str:
        return f"{self.hs_code} {self.description}"


class CryptoTransfer(models.Model):
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="transfers")
    tx_id = models.CharField(max_length=200)
    time = models.DateTimeField()
    sender = models.CharField(max_length=128, db_index=True)
    receiver = models.CharField(max_length=128, db_index=True)
    asset = models.CharField(max_length=16)
    amount = models.DecimalField(max_digits=38, decimal_places=18)

    class Meta:
        ordering = ("time", "pk")

    def __str__(self) -> str:
        return f"{self.tx_id}: {self.amount} {self.asset}"


class AddressTag(RevealMixin, models.Model):
    """A label a TagPack gives an address: it may name the person behind a wallet, so it and its source are sealed."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="tags")
    address = models.CharField(max_length=128, db_index=True)
    currency = models.CharField(max_length=16)
    label = EncryptedTextField(max_length=300)
    category = models.CharField(max_length=100, blank=True, default="")
    source = EncryptedTextField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ("address", "pk")

    def __str__(self) -> str:
        return f"{self.address} ({self.category})"


class ShipmentScreening(models.Model):
    """One shipment file screened. Its result rows (a row per shipment with its reasons) are kept encrypted in
    :class:`ShipmentResults` parts: the parties may be natural persons, and the reasons quote them."""

    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    screened_at = models.DateTimeField(_("screened at"))
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    row_count = models.PositiveIntegerField(_("shipments"), default=0)
    flagged_count = models.PositiveIntegerField(_("flagged"), default=0)

    class Meta:
        ordering = ("-screened_at", "-pk")

    def __str__(self) -> str:
        return self.file_name


class ShipmentResults(RevealMixin, models.Model):
    """A consecutive part of a screening's result rows, one encrypted JSON list (an encrypted value holds at most
    1 MiB, so a large file's results take several parts, written together)."""

    screening = models.ForeignKey(ShipmentScreening, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveIntegerField()
    rows = EncryptedJSONField(default=list)

    class Meta:
        ordering = ("screening", "number")
        constraints = (
            models.UniqueConstraint(
                fields=["screening", "number"], name="evasion_shipment_results_part_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.screening_id} part {self.number}"


class DeemedComputation(models.Model):
    """One computation of both ownership rules over the lists and the imported company data, made by the task
    worker; the web workers read its :class:`DeemedEntity` rows instead of building the ownership graph.

    ``version`` names what it was computed from (the current list snapshots and the imported datasets); the newest
    computation and the one before it are kept (a worker reading the previous one a moment ago still finds it)."""

    version = models.CharField(max_length=300, db_index=True)
    computed_at = models.DateTimeField()
    seconds = models.FloatField(default=0)
    entities = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("-pk",)

    def __str__(self) -> str:
        return f"{self.version} ({self.entities} deemed)"


class DeemedEntity(models.Model):
    """An entity that one rule covers without a list naming it: the reason and the path, as the API explains it.

    Names are those of the lists and of the imported company data, stored as the holdings themselves are: public
    list entries and companies in clear; a natural person from imported data only by key (``Holding.person_name``
    is sealed and the graph never reads it), so neither ``name`` nor ``path`` holds a name a person typed."""

    computation = models.ForeignKey(DeemedComputation, on_delete=models.CASCADE, related_name="deemed")
    rule = models.CharField(max_length=8)
    entity_id = models.CharField(max_length=255)
    name = models.CharField(max_length=500)
    name_key = models.CharField(max_length=500)  # letters and digits of the name, upper case, single spaces
    schema = models.CharField(max_length=64)
    aggregate = models.CharField(max_length=40)
    criteria = models.JSONField(default=list)
    path = models.JSONField(default=list)  # [[entity id, name, via], ...] from the listed party down

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["computation", "rule", "entity_id"], name="evasion_deemed_once_a_rule"
            )
        ]
        indexes = [
            models.Index(fields=["computation", "entity_id"], name="evasion_deemed_entity"),
            models.Index(fields=["computation", "name_key"], name="evasion_deemed_name"),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.entity_id}"
