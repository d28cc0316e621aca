"""Data of the fund: programmes and their policy, envelopes of money, applications, reviews, grants, tranches,
reports, disbursements, screening holds. Models hold data and invariants; services change state.

Money is Decimal (14 digits, 2 decimals) with an ISO currency. The envelope invariants
(0 <= disbursed <= committed <= allocated) are CheckConstraints, so no code path can overspend.
"""

from __future__ import annotations

import mimetypes
import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hramada.core.fields import EncryptedJSONField, EncryptedTextField
from hramada.core.personal_data import RevealMixin
from hramada.core.storage import EncryptedFileStorage
from hramada.fund.workflow import State

ZERO = Decimal("0.00")


class Tier(models.TextChoices):
    RAPID = "rapid", _("Rapid response")
    LONG_TERM = "long_term", _("Long-term")


class Category(models.TextChoices):
    INDEPENDENT_MEDIA = "media", _("Independent media")
    ACTIVISTS = "activists", _("Activists and civil society")
    LEGAL_DEFENCE = "legal", _("Legal defence")
    DIGITAL_SECURITY = "digital_security", _("Digital security")
    EXILE_INFRASTRUCTURE = "exile", _("Exile infrastructure (safe houses, online platforms, civic education)")
    DEMOCRATIC_STRUCTURES = (
        "democratic",
        _(
            "Democratic structures (office of the opposition leader, United Transitional Cabinet, "
            "Coordination Council)"
        ),
    )
    MONITORING = "monitoring", _("Monitoring of military logistics and human-rights abuses")
    DIASPORA = "diaspora", _("Diaspora, culture, language and education")


class Currency(models.TextChoices):
    EUR = "EUR", "EUR"
    USD = "USD", "USD"
    PLN = "PLN", "PLN"


class Language(models.TextChoices):
    BELARUSIAN = "be", _("Belarusian")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class Urgency(models.IntegerChoices):
    CRITICAL = 1, _("Critical: liberty or safety at stake within days")
    HIGH = 2, _("High: work stops within two weeks")
    NORMAL = 3, _("Normal")


# The eligibility questions of the application form, as triage reads the answers (keys of Application.eligibility).
ELIGIBILITY_QUESTIONS = {
    "repression_related": _("The need arises from repression or an urgent threat"),
    "non_violent": _("Peaceful civic, media, legal or humanitarian work"),
    "other_funding": _("Another donor already covers this cost"),
}


class Programme(models.Model):
    """A programme of the fund, with the policy staff may change (audited through services.update_policy)."""

    name = models.CharField(_("name"), max_length=200)
    # Staff type a programme's name once per language; pages show the reader's (English when one is missing).
    name_be = models.CharField(_("name in Belarusian"), max_length=200, blank=True, default="")
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True, default="")
    slug = models.SlugField(unique=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    # Policy: rows in the database, changed by fund managers and audited, never deployment settings.
    four_eyes_limit = models.DecimalField(
        _("reallocations above this need a second approver"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("10000.00"),
    )
    rapid_ceiling = models.DecimalField(
        _("rapid-response ceiling"), max_digits=14, decimal_places=2, default=Decimal("20000.00")
    )
    decision_clock_hours = models.PositiveIntegerField(
        _("rapid-response decision target (hours)"), default=72
    )
    review_round_weeks = models.PositiveIntegerField(_("long-term review round every (weeks)"), default=4)
    review_anchor = models.DateField(_("first long-term review round"), default=date(2026, 1, 5))
    retention_days = models.PositiveIntegerField(
        _("erase personal data of rejected applications after (days)"), default=180
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("programme")
        constraints = (
            models.CheckConstraint(
                condition=Q(four_eyes_limit__gte=0), name="fund_programme_four_eyes_nonneg"
            ),
            models.CheckConstraint(condition=Q(rapid_ceiling__gt=0), name="fund_programme_ceiling_positive"),
            models.CheckConstraint(condition=Q(review_round_weeks__gte=1), name="fund_programme_round_weeks"),
            models.CheckConstraint(
                condition=Q(decision_clock_hours__gte=1), name="fund_programme_clock_hours"
            ),
        )

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        language = (translation.get_language() or "en").split("-")[0]
        return str(getattr(self, f"name_{language}", "") or self.name)

    def next_review_round(self, today: date | None = None) -> date:
        """The next long-term batch date on or after `today`: rounds every N weeks from the anchor."""
        today = today or timezone.localdate()
        step = timedelta(weeks=self.review_round_weeks)
        if today <= self.review_anchor:
            return self.review_anchor
        rounds = -(-(today - self.review_anchor).days // step.days)
        return self.review_anchor + rounds * step


class Envelope(models.Model):
    """Budget for one programme x tier x category x year. available = allocated - committed."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="envelopes")
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    year = models.PositiveIntegerField(_("year"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    allocated = models.DecimalField(_("allocated"), max_digits=14, decimal_places=2, default=ZERO)
    committed = models.DecimalField(_("committed"), max_digits=14, decimal_places=2, default=ZERO)
    disbursed = models.DecimalField(_("disbursed"), max_digits=14, decimal_places=2, default=ZERO)

    class Meta:
        verbose_name = _("envelope")
        ordering = ("programme", "year", "tier", "category")
        constraints = (
            models.UniqueConstraint(
                fields=["programme", "tier", "category", "year"], name="fund_envelope_unique"
            ),
            models.CheckConstraint(condition=Q(allocated__gte=0), name="fund_envelope_allocated_nonneg"),
            models.CheckConstraint(condition=Q(committed__gte=0), name="fund_envelope_committed_nonneg"),
            models.CheckConstraint(condition=Q(disbursed__gte=0), name="fund_envelope_disbursed_nonneg"),
            # available >= 0: nothing is promised beyond the budget.
            models.CheckConstraint(
                condition=Q(committed__lte=F("allocated")), name="fund_envelope_no_overspend"
            ),
            models.CheckConstraint(
                condition=Q(disbursed__lte=F("committed")), name="fund_envelope_paid_committed"
            ),
        )

    def __str__(self) -> str:
        return f"{self.programme} · {self.get_tier_display()} · {self.get_category_display()} · {self.year}"

    @property
    def available(self) -> Decimal:
        return self.allocated - self.committed


class EnvelopeEntry(models.Model):
    """One movement on an envelope; the envelope's history page lists them."""

    class Kind(models.TextChoices):
        ALLOCATION = "allocation", _("Allocation")
        REALLOCATION_OUT = "reallocation_out", _("Reallocated to another envelope")
        REALLOCATION_IN = "reallocation_in", _("Reallocated from another envelope")
        COMMITMENT = "commitment", _("Grant committed")
        DISBURSEMENT = "disbursement", _("Tranche disbursed")

    envelope = models.ForeignKey(Envelope, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=500, blank=True, default="")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"


class Reallocation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a second approver")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(Envelope, on_delete=models.PROTECT, related_name="reallocations_out")
    target = models.ForeignKey(Envelope, on_delete=models.PROTECT, related_name="reallocations_in")
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    reason = models.TextField(_("reason"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    # The form's one-time token: a double click moves the money once.
    request_token = models.UUIDField(unique=True, null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        constraints = (
            models.CheckConstraint(condition=Q(amount__gt=0), name="fund_reallocation_positive"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="fund_reallocation_two_envelopes"),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("requested_by")),
                name="fund_reallocation_four_eyes",
            ),
        )

    def __str__(self) -> str:
        return f"#{self.pk}: {self.amount}"


class Applicant(RevealMixin, models.Model):
    """The fund's side of an applicant account: pseudonymous unless they give a name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fund_applicant"
    )
    pseudonymous = models.BooleanField(_("pseudonymous"), default=True)
    name = EncryptedTextField(_("name"), blank=True, default="")
    email = EncryptedTextField(_("e-mail"), blank=True, default="")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        # Never the account code: it is half of the applicant's credentials and would end up in audit labels.
        return f"applicant #{self.pk}"


class Application(RevealMixin, models.Model):
    """A request for a grant, in either tier. Its `state` follows the table in workflow.py."""

    reference = models.CharField(max_length=20, unique=True)
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="applications")
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    # What the applicant writes is encrypted like their name: a summary can name people, places and needs.
    title = EncryptedTextField(_("title"), max_length=200, blank=True, default="")
    summary = EncryptedTextField(_("what is needed and why"), blank=True, default="")
    amount_requested = models.DecimalField(
        _("amount requested"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Urgency.choices, default=Urgency.NORMAL)
    # Rapid response: answers of the eligibility questions and what the check found.
    eligibility = models.JSONField(default=dict, blank=True)
    eligibility_problems = models.JSONField(default=list, blank=True)
    # Long-term proposal.
    objectives = EncryptedTextField(_("objectives"), blank=True, default="")
    activities = EncryptedTextField(_("activities"), blank=True, default="")
    risks = EncryptedTextField(_("risks and how you will manage them"), blank=True, default="")
    digital_security_plan = EncryptedTextField(_("digital-security plan"), blank=True, default="")
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    # Personal data: encrypted, read only through reveal().
    organisation_name = EncryptedTextField(_("organisation or group"), blank=True, default="")
    contact_name = EncryptedTextField(_("contact name"), blank=True, default="")
    contact_details = EncryptedTextField(_("contact (e-mail, Signal, phone)"), blank=True, default="")
    address = EncryptedTextField(_("address"), blank=True, default="")
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    # Double-click and reload safety: the draft is created once per token, submitted once per token.
    creation_token = models.UUIDField(unique=True, default=uuid.uuid4)
    submission_token = models.UUIDField(unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decision_due_at = models.DateTimeField(null=True, blank=True)
    review_round = models.DateField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ("-created_at",)
        constraints = (
            models.CheckConstraint(
                condition=Q(amount_requested__isnull=True) | Q(amount_requested__gt=0),
                name="fund_application_amount_positive",
            ),
        )

    def __str__(self) -> str:
        return self.reference

    @property
    def is_rapid(self) -> bool:
        return self.tier == Tier.RAPID

    @property
    def budget_total(self) -> Decimal:
        return sum((line.amount for line in self.budget_lines.all()), ZERO)

    @property
    def eligibility_answers(self) -> list[tuple[str, bool | None]]:
        """Each eligibility question with the applicant's answer (None: not answered)."""
        answers = self.eligibility if isinstance(self.eligibility, dict) else {}
        return [
            (str(question), answers[key] if isinstance(answers.get(key), bool) else None)
            for key, question in ELIGIBILITY_QUESTIONS.items()
        ]


class BudgetLine(RevealMixin, models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    description = EncryptedTextField(_("budget line"), max_length=200)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ("pk",)
        constraints = (models.CheckConstraint(condition=Q(amount__gt=0), name="fund_budgetline_positive"),)

    def __str__(self) -> str:
        return f"budget line #{self.pk}"


class StateChange(RevealMixin, models.Model):
    """History of an application: every transition, with who took it and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    transition = models.CharField(max_length=32)
    from_state = models.CharField(max_length=16, choices=State.choices)
    to_state = models.CharField(max_length=16, choices=State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An applicant who withdraws says why in their own words.
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class Review(RevealMixin, models.Model):
    """A reviewer's conflict-of-interest declaration and, without a conflict, their scores. The conflict note and
    the comment speak of the applicant and their proposal: encrypted, read through the audited reveal."""

    class Recommendation(models.TextChoices):
        FUND = "fund", pgettext_lazy("review recommendation", "Fund")
        DO_NOT_FUND = "do_not_fund", _("Do not fund")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    conflict_of_interest = models.BooleanField(_("I have a conflict of interest"))
    conflict_note = EncryptedTextField(_("conflict explained"), blank=True, default="")
    relevance = models.PositiveSmallIntegerField(null=True, blank=True)
    feasibility = models.PositiveSmallIntegerField(null=True, blank=True)
    impact = models.PositiveSmallIntegerField(null=True, blank=True)
    security = models.PositiveSmallIntegerField(null=True, blank=True)
    value_for_money = models.PositiveSmallIntegerField(null=True, blank=True)
    recommendation = models.CharField(max_length=16, choices=Recommendation.choices, blank=True, default="")
    comment = EncryptedTextField(_("comment"), blank=True, default="")
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    RUBRIC = ("relevance", "feasibility", "impact", "security", "value_for_money")

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["application", "reviewer"], name="fund_review_once"),
            # A reviewer who declared a conflict cannot have scored.
            models.CheckConstraint(
                condition=Q(conflict_of_interest=False) | Q(completed_at__isnull=True),
                name="fund_review_conflict_no_scores",
            ),
        )

    def __str__(self) -> str:
        return f"review #{self.pk}"

    @property
    def total(self) -> int | None:
        scores = [getattr(self, name) for name in self.RUBRIC]
        return None if None in scores else sum(scores)


class Grant(RevealMixin, models.Model):
    class Status(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement being prepared")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="grant")
    envelope = models.ForeignKey(Envelope, on_delete=models.PROTECT, related_name="grants")
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.AGREEMENT)
    agreement_signed_at = models.DateTimeField(null=True, blank=True)
    # Payment details given by the grantee: encrypted; finance officers reveal them (audited).
    payee_name = EncryptedTextField(_("payee name"), blank=True, default="")
    payment_details = EncryptedJSONField(_("bank or payment details"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False)

    class Meta:
        constraints = (models.CheckConstraint(condition=Q(amount__gt=0), name="fund_grant_positive"),)

    def __str__(self) -> str:
        return f"{self.application.reference}"

    @property
    def disbursed(self) -> Decimal:
        return sum((t.amount for t in self.tranches.all() if t.status == Tranche.Status.RELEASED), ZERO)


class Tranche(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RELEASED = "released", _("Released")

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveSmallIntegerField()
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    due_on = models.DateField(_("due"), null=True, blank=True)
    milestone = models.CharField(_("milestone"), max_length=300, blank=True, default="")
    requires_report = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        ordering = ("grant", "number")
        constraints = (
            models.UniqueConstraint(fields=["grant", "number"], name="fund_tranche_number_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="fund_tranche_positive"),
        )

    def __str__(self) -> str:
        return f"{self.grant} #{self.number}"

    @property
    def report_accepted(self) -> bool:
        return self.reports.filter(status=Report.Status.ACCEPTED).exists()


class Report(RevealMixin, models.Model):
    """A narrative and financial report that unlocks the tranche it belongs to once accepted."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for changes")

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="reports")
    tranche = models.ForeignKey(Tranche, on_delete=models.CASCADE, related_name="reports")
    narrative = EncryptedTextField(_("narrative report: what was done"))
    spent = models.DecimalField(_("amount spent so far"), max_digits=14, decimal_places=2)
    financial_notes = EncryptedTextField(_("financial report"), blank=True, default="")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = EncryptedTextField(blank=True, default="")
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-submitted_at",)
        constraints = (models.CheckConstraint(condition=Q(spent__gte=0), name="fund_report_spent_nonneg"),)

    def __str__(self) -> str:
        return f"report #{self.pk}"


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank", _("Bank transfer")
    BANK_THIRD_COUNTRY = "bank_third_country", _("Bank transfer to a third country")
    INTERMEDIARY = "intermediary", _("Through an intermediary organisation")


class Disbursement(models.Model):
    tranche = models.OneToOneField(Tranche, on_delete=models.PROTECT, related_name="disbursement")
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    method = models.CharField(_("method"), max_length=24, choices=PaymentMethod.choices)
    reference = models.CharField(_("payment reference"), max_length=100)
    paid_on = models.DateField(_("date paid"))
    intermediary = models.CharField(_("intermediary organisation"), max_length=200, blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-paid_on", "-pk")
        constraints = (models.CheckConstraint(condition=Q(amount__gt=0), name="fund_disbursement_positive"),)

    def __str__(self) -> str:
        return f"{self.tranche}: {self.amount} {self.currency}"


def attachment_path(instance: Attachment, filename: str) -> str:
    # Never the applicant's file name on disk: it may name them.
    return f"fund/attachments/{uuid.uuid4().hex}"


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    # Encrypted at rest: a scan or a report can identify the applicant as surely as their name.
    file = models.FileField(
        upload_to=attachment_path, storage=EncryptedFileStorage(label="fund.Attachment.file")
    )
    original_name = EncryptedTextField(blank=True, default="")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"attachment #{self.pk}"

    @property
    def download_name(self) -> str:
        """A file name that says whose file it is and opens in the right program ("R-2026-1A2B3C-7.pdf"), without
        decrypting the name the applicant gave (that would be a read of personal data)."""
        extension = mimetypes.guess_extension(self.content_type or "") or ""
        owner = self.application or (self.report.grant.application if self.report is not None else None)
        reference = owner.reference if owner is not None else "attachment"
        return f"{reference}-{self.pk}{extension}"


class Message(RevealMixin, models.Model):
    """A message between the fund and an applicant, shown in the portal; decisions are letters here."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="messages")
    from_fund = models.BooleanField(default=True)
    subject = models.CharField(max_length=200)  # written by the platform, never by a person
    body = EncryptedTextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.subject


class Notification(models.Model):
    """Something a role must act on (an at-risk decision clock, a pending reallocation). One per kind
    and key."""

    class Kind(models.TextChoices):
        CLOCK_AT_RISK = "clock_at_risk", _("Decision clock at risk")
        CLOCK_OVERDUE = "clock_overdue", _("Decision overdue")
        REALLOCATION_PENDING = "reallocation_pending", _("Reallocation waiting for a second approver")
        SCREENING_HOLD = "screening_hold", _("Screening hold")

    kind = models.CharField(max_length=32, choices=Kind.choices)
    role = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    text = models.CharField(max_length=300)
    application = models.ForeignKey(Application, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        constraints = (models.UniqueConstraint(fields=["kind", "key"], name="fund_notification_once"),)

    def __str__(self) -> str:
        return self.text


class ScreeningHold(RevealMixin, models.Model):
    """A possible sanctions match that holds an application or a payment until an analyst decides."""

    class Party(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        GRANTEE = "grantee", _("Grantee organisation")
        INTERMEDIARY = "intermediary", _("Intermediary")
        PAYEE = "payee", _("Payee")

    class Status(models.TextChoices):
        OPEN = "open", _("Open: held")
        CLEARED = "cleared", _("Cleared: false positive")
        CONFIRMED = "confirmed", _("Confirmed match")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="holds")
    grant = models.ForeignKey(Grant, null=True, blank=True, on_delete=models.CASCADE, related_name="holds")
    party = models.CharField(max_length=16, choices=Party.choices)
    screened_name = EncryptedTextField(blank=True, default="")
    # The explanations quote the screened name: encrypted, shown only through the audited reveal.
    matches = EncryptedJSONField(default=list)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    reason = models.TextField(blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"hold #{self.pk}"
