"""Forms of rapid response pages: what a person types, checked before a service sees it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hramada.rapid.exports import IDENTIFIER_COLUMNS
from hramada.rapid.legal import Criterion
from hramada.rapid.models import (
    SUBJECT_TEXT_KEYS,
    BenchmarkKey,
    Origin,
    ReliefRecommendation,
    SubjectKind,
    TriggerKind,
)

IDENTIFIER_KINDS = [
    ("passport", _("Passport")),
    ("national_id", _("National identity number")),
    ("registration", _("Registration number")),
    ("tax", _("Tax number (UNP)")),
    ("inn", _("INN (Russia)")),
    ("ogrn", _("OGRN (Russia)")),
]
assert {kind for kind, _label in IDENTIFIER_KINDS} == set(IDENTIFIER_COLUMNS)  # noqa: S101 - one table


class SubjectForm(forms.Form):
    subject_kind = forms.ChoiceField(label=_("Person or entity"), choices=SubjectKind.choices)
    name = forms.CharField(
        label=_("Name in Latin letters (as the EU journal prints it)"), max_length=300, required=False
    )
    name_be = forms.CharField(label=_("Name in Belarusian"), max_length=300, required=False)
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=300, required=False)
    aliases = forms.CharField(
        label=_("Other spellings (one a line)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    birth_date = forms.CharField(label=_("Date of birth (YYYY-MM-DD or YYYY)"), max_length=10, required=False)
    birth_place = forms.CharField(label=_("Place of birth"), max_length=300, required=False)
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), ("male", _("male")), ("female", _("female"))], required=False
    )
    nationality = forms.CharField(label=_("Nationality"), max_length=100, required=False)
    position = forms.CharField(label=_("Position"), max_length=300, required=False)
    function = forms.CharField(label=_("Function"), max_length=300, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    identifier_kind = forms.ChoiceField(
        label=_("Identifier"), choices=[("", "—"), *IDENTIFIER_KINDS], required=False
    )
    identifier_value = forms.CharField(label=_("Identifier number"), max_length=100, required=False)
    criterion = forms.ChoiceField(label=_("Listing criterion"), choices=Criterion.choices)
    reasons = forms.CharField(
        label=_("Statement of reasons"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def clean_name(self) -> str:
        value: str = self.cleaned_data.get("name", "")
        if "\x00" in value:
            raise forms.ValidationError(_("This text has a character that cannot be stored."))
        return value

    def subject(self) -> dict[str, Any]:
        data = self.cleaned_data
        identifiers = []
        if data.get("identifier_kind") and data.get("identifier_value"):
            identifiers.append({"kind": data["identifier_kind"], "value": data["identifier_value"]})
        return {
            **{key: data.get(key, "") for key in SUBJECT_TEXT_KEYS},
            "aliases": [line.strip() for line in data.get("aliases", "").splitlines() if line.strip()],
            "identifiers": identifiers,
        }

    @classmethod
    def initial_from(
        cls, subject_kind: str, subject: dict[str, Any], criterion: str, reasons: str
    ) -> dict[str, Any]:
        first = (subject.get("identifiers") or [{}])[0]
        return {
            **{key: subject.get(key, "") for key in SUBJECT_TEXT_KEYS},
            "aliases": "\n".join(subject.get("aliases", [])),
            "identifier_kind": first.get("kind", ""),
            "identifier_value": first.get("value", ""),
            "subject_kind": subject_kind,
            "criterion": criterion,
            "reasons": reasons,
        }


class NewProposalForm(SubjectForm):
    origin = forms.ChoiceField(label=_("Starts from"), choices=Origin.choices)
    dossier = forms.TypedChoiceField(label=_("Dossier"), coerce=int, required=False, empty_value=None)
    trigger_kind = forms.ChoiceField(label=_("Kind of triggering event"), choices=TriggerKind.choices)
    triggered_on = forms.DateField(
        label=_("Date of the triggering event"), widget=forms.DateInput(attrs={"type": "date"})
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, dossiers: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dossier = self.fields["dossier"]
        assert isinstance(dossier, forms.ChoiceField)  # noqa: S101 - declared above
        dossier.choices = [("", "—"), *(dossiers or [])]
        self.fields["subject_kind"].required = False

    def clean_triggered_on(self) -> Any:
        value = self.cleaned_data["triggered_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The triggering event cannot be in the future."))
        return value


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )


class AdoptionForm(forms.Form):
    adopted_on = forms.DateField(label=_("Date of adoption"), widget=forms.DateInput(attrs={"type": "date"}))
    act = forms.CharField(label=_("Act (CELEX number or OJ reference)"), max_length=100)
    entry_number = forms.IntegerField(label=_("Entry number in the annex"), min_value=1, max_value=100_000)


class EvidenceLinkForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Record"),
        choices=[("incident", _("Incident")), ("item", _("Evidence item")), ("dossier", _("Dossier"))],
    )
    record_id = forms.IntegerField(label=_("Number"), min_value=1)


class DocumentForm(forms.Form):
    document = forms.FileField(label=_("Document"))


class ClockPolicyForm(forms.Form):
    kind = forms.ChoiceField(choices=TriggerKind.choices)
    target_days = forms.IntegerField(label=_("Target (days)"), min_value=1, max_value=3650)


class BenchmarkPolicyForm(forms.Form):
    key = forms.ChoiceField(choices=BenchmarkKey.choices)
    target = forms.IntegerField(label=_("Target (at most)"), min_value=0, max_value=1_000_000)


class ReliefForm(forms.Form):
    scope = forms.ChoiceField(label=_("Concerns"), choices=ReliefRecommendation.Scope.choices)
    listed_entity_id = forms.CharField(
        label=_("Listed record id (person or entity)"), max_length=255, required=False
    )
    sector = forms.CharField(label=_("Sector"), max_length=200, required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 5}))
    acknowledge = forms.BooleanField(
        label=_("I have read the benchmark statuses above; they are attached to the recommendation."),
        required=True,
    )
