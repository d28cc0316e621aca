"""Forms of the portal and the staff pages: plain HTML forms that work without JavaScript."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hramada.evasion import public as evasion_public
from hramada.fund import services
from hramada.fund.models import (
    Category,
    Currency,
    Envelope,
    Language,
    PaymentMethod,
    Programme,
    Review,
    Urgency,
)

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class AmountField(forms.CharField):
    """An amount typed by a person: "1 500,50" and "1500.50" both work; anything else gets a clear reason."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return services.parse_amount(text.replace(" ", "").replace("\u00a0", ""), typed=text)
        except services.AmountRefused as exc:
            raise forms.ValidationError(str(exc)) from None


class TokenForm(forms.Form):
    """A hidden one-time token: the same token twice means a double click, not a second request."""

    token = forms.UUIDField(widget=forms.HiddenInput)

    @classmethod
    def fresh(cls, **kwargs: Any) -> TokenForm:
        return cls(initial={"token": uuid.uuid4()}, **kwargs)


# --- Portal --------------------------------------------------------------------------------------------------


class RegisterForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your application and our letters"), choices=Language.choices
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to stay pseudonymous. We store names encrypted."),
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_(
            "Only if you want to be told that there is news. We never write the content in an e-mail."
        ),
    )


class PortalLoginForm(forms.Form):
    code = forms.CharField(label=_("Account code"), max_length=40)
    passphrase = forms.CharField(label=_("Passphrase"), widget=forms.PasswordInput, max_length=200)


class NewApplicationForm(TokenForm):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.all(), empty_label=None
    )
    language = forms.ChoiceField(label=_("Language of the application"), choices=Language.choices)


class RapidForm(forms.Form):
    """The rapid-response request: ten questions."""

    category = forms.ChoiceField(label=_("1. What kind of work?"), choices=Category.choices)
    title = forms.CharField(label=_("2. A short title"), max_length=200)
    summary = forms.CharField(
        label=_("3. What happened and what do you need?"), widget=forms.Textarea, max_length=4000
    )
    amount_requested = AmountField(label=_("4. Amount"))
    currency = forms.ChoiceField(label=_("5. Currency"), choices=Currency.choices)
    urgency = forms.TypedChoiceField(label=_("6. How urgent?"), choices=Urgency.choices, coerce=int)
    repression_related = forms.ChoiceField(
        label=_("7. Does the need arise from repression or an urgent threat?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    non_violent = forms.ChoiceField(
        label=_("8. Is it peaceful civic, media, legal or humanitarian work?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    other_funding = forms.ChoiceField(
        label=_("9. Does another donor already cover this cost?"), choices=YES_NO, widget=forms.RadioSelect
    )
    contact_details = forms.CharField(
        label=_("10. How can we reach you if this site is blocked? (optional)"),
        required=False,
        max_length=300,
        help_text=_("Encrypted. Leave empty to keep what you gave before."),
    )

    def to_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["eligibility"] = {
            k: data.pop(k) == "yes" for k in ("repression_related", "non_violent", "other_funding")
        }
        if not data.get("contact_details"):
            data.pop("contact_details", None)
        return data


class LongBasicsForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    title = forms.CharField(label=_("Title of the project"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, max_length=4000)
    amount_requested = AmountField(label=_("Total amount requested"))
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    duration_months = forms.IntegerField(label=_("Duration (months)"), min_value=1, max_value=60)


class LongPlanForm(forms.Form):
    objectives = forms.CharField(label=_("Objectives"), widget=forms.Textarea, max_length=8000)
    activities = forms.CharField(label=_("Activities"), widget=forms.Textarea, max_length=8000)


BUDGET_ROWS = 6


class LongBudgetForm(forms.Form):
    """Budget lines as a fixed number of rows: no script needed to add one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(BUDGET_ROWS):
            self.fields[f"line_{i}"] = forms.CharField(
                label=_("Budget line %(n)s") % {"n": i + 1}, required=False, max_length=200
            )
            self.fields[f"amount_{i}"] = AmountField(label=_("Amount"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lines = []
        for i in range(BUDGET_ROWS):
            text, amount = data.get(f"line_{i}"), data.get(f"amount_{i}")
            if text and amount is None:
                self.add_error(f"amount_{i}", _("Give the amount of this line."))
            elif amount is not None and not text:
                self.add_error(f"line_{i}", _("Say what this amount is for."))
            elif text and amount is not None:
                lines.append((text, amount))
        data["budget_lines"] = lines
        return data

    def rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"line_{i}"], self[f"amount_{i}"]) for i in range(BUDGET_ROWS)]


class LongRisksForm(forms.Form):
    risks = forms.CharField(
        label=_("Risks and how you will manage them"), widget=forms.Textarea, max_length=8000
    )
    digital_security_plan = forms.CharField(
        label=_("Digital-security plan (devices, communication, data of the people you work with)"),
        widget=forms.Textarea,
        max_length=8000,
    )


class LongContactForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Organisation or group (optional)"), required=False, max_length=200
    )
    contact_name = forms.CharField(label=_("Contact person (optional)"), required=False, max_length=200)
    contact_details = forms.CharField(
        label=_("Contact (e-mail, Signal, phone; optional)"), required=False, max_length=300
    )
    address = forms.CharField(label=_("Address (optional)"), required=False, max_length=300)

    def to_fields(self) -> dict[str, Any]:
        # Encrypted fields are never shown back: an empty answer keeps what was given before.
        return {k: v for k, v in self.cleaned_data.items() if v}


LONG_STEPS: list[tuple[str, Any, type[forms.Form]]] = [
    ("basics", _("Basics"), LongBasicsForm),
    ("plan", _("Objectives and activities"), LongPlanForm),
    ("budget", _("Budget"), LongBudgetForm),
    ("risks", _("Risks and digital security"), LongRisksForm),
    ("contact", _("Contact"), LongContactForm),
]


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, image, document; at most 5 MB)"))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class PaymentDetailsForm(forms.Form):
    payee_name = forms.CharField(label=_("Account holder (person or organisation)"), max_length=200)
    account = forms.CharField(label=_("IBAN or account number"), max_length=64)
    bank = forms.CharField(label=_("Bank and SWIFT/BIC"), max_length=200)
    country = forms.CharField(label=_("Country of the bank"), max_length=64)

    def clean_account(self) -> str:
        # A wallet address given here is checked by the rules of its currency (evasion's door).
        account = str(self.cleaned_data["account"]).strip()
        problem = evasion_public.payment_address_problem(account)
        if problem:
            raise forms.ValidationError(problem)
        return account


class ReportForm(forms.Form):
    tranche = forms.TypedChoiceField(label=_("For the tranche"), coerce=int)
    narrative = forms.CharField(
        label=_("Narrative report: what was done"), widget=forms.Textarea, max_length=20000
    )
    spent = AmountField(label=_("Amount spent so far"))
    financial_notes = forms.CharField(
        label=_("Financial report"), widget=forms.Textarea, required=False, max_length=20000
    )
    file = forms.FileField(
        label=_("Supporting document (optional; PDF, image, document; at most 5 MB)"), required=False
    )

    def __init__(self, *args: Any, tranches: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tranche"]
        if isinstance(field, forms.TypedChoiceField):
            field.choices = [(t.pk, _("Tranche %(n)s") % {"n": t.number}) for t in tranches]


# --- Staff ---------------------------------------------------------------------------------------------------


class ReviewForm(forms.Form):
    conflict_of_interest = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this applicant?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    conflict_note = forms.CharField(
        label=_("If yes, explain"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    relevance = forms.TypedChoiceField(
        label=_("Relevance (1-5)"), choices=[(i, i) for i in range(1, 6)], coerce=int, required=False
    )
    feasibility = forms.TypedChoiceField(
        label=_("Feasibility (1-5)"), choices=[(i, i) for i in range(1, 6)], coerce=int, required=False
    )
    impact = forms.TypedChoiceField(
        label=_("Impact (1-5)"), choices=[(i, i) for i in range(1, 6)], coerce=int, required=False
    )
    security = forms.TypedChoiceField(
        label=_("Security of the people involved (1-5)"),
        choices=[(i, i) for i in range(1, 6)],
        coerce=int,
        required=False,
    )
    value_for_money = forms.TypedChoiceField(
        label=_("Value for money (1-5)"), choices=[(i, i) for i in range(1, 6)], coerce=int, required=False
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=[("", "—"), *Review.Recommendation.choices], required=False
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def scores(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in Review.RUBRIC if self.cleaned_data.get(name)}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Reject"))], widget=forms.RadioSelect
    )
    amount = AmountField(label=_("Amount granted (empty: as requested)"), required=False)
    note = forms.CharField(
        label=_("Note for the letter (in the applicant's language)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ReallocationForm(TokenForm):
    source = forms.ModelChoiceField(
        label=_("From envelope"), queryset=Envelope.objects.select_related("programme")
    )
    target = forms.ModelChoiceField(
        label=_("To envelope"), queryset=Envelope.objects.select_related("programme")
    )
    amount = AmountField(label=_("Amount"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class PolicyForm(forms.ModelForm[Programme]):
    class Meta:
        model = Programme
        fields = (
            "name",
            "name_be",
            "name_ru",
            "four_eyes_limit",
            "rapid_ceiling",
            "decision_clock_hours",
            "review_round_weeks",
            "review_anchor",
            "retention_days",
        )


TRANCHE_ROWS = 4


class AgreementForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(TRANCHE_ROWS):
            self.fields[f"amount_{i}"] = AmountField(
                label=_("Tranche %(n)s amount") % {"n": i + 1}, required=False
            )
            self.fields[f"due_{i}"] = forms.DateField(
                label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )
            self.fields[f"milestone_{i}"] = forms.CharField(
                label=_("Milestone"), required=False, max_length=300
            )

    def planned(self) -> list[services.PlannedTranche]:
        return [
            services.PlannedTranche(
                self.cleaned_data[f"amount_{i}"],
                self.cleaned_data[f"due_{i}"],
                self.cleaned_data[f"milestone_{i}"],
            )
            for i in range(TRANCHE_ROWS)
            if self.cleaned_data.get(f"amount_{i}")
        ]

    def rows(self) -> list[tuple[Any, Any, Any]]:
        return [(self[f"amount_{i}"], self[f"due_{i}"], self[f"milestone_{i}"]) for i in range(TRANCHE_ROWS)]


class ReleaseForm(forms.Form):
    method = forms.ChoiceField(label=_("Method"), choices=PaymentMethod.choices)
    intermediary = forms.CharField(
        label=_("Intermediary organisation (if any)"), required=False, max_length=200
    )
    reference = forms.CharField(label=_("Payment reference"), max_length=100)
    paid_on = forms.DateField(label=_("Date paid"), widget=forms.DateInput(attrs={"type": "date"}))
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)


class HoldDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("clear", _("Clear: not the listed party")), ("confirm", _("Confirm the match"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class RevealForm(forms.Form):
    what = forms.ChoiceField(choices=[("contacts", "contacts"), ("payment", "payment")])
    purpose = forms.CharField(label=_("Why do you need to see it?"), max_length=300)
