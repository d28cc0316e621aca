"""Forms of the evidence pages. They validate input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hramada.evidence.models import (
    ConditionKind,
    Degree,
    DocumenterGroup,
    IncidentKind,
    ObservationKind,
    PartnerOrganisation,
    Perpetrator,
    PerpetratorKind,
    PersonRole,
    Region,
    Verification,
    validate_dates,
    validate_on_map,
)

DATE = forms.DateInput(attrs={"type": "date"})


class _Located(forms.Form):
    latitude = forms.FloatField(label=_("latitude"), required=False)
    longitude = forms.FloatField(label=_("longitude"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        validate_on_map(data.get("latitude"), data.get("longitude"))
        return data


class IncidentForm(_Located):
    group = forms.ModelChoiceField(queryset=DocumenterGroup.objects.none(), label=_("group"))
    kind = forms.ChoiceField(choices=IncidentKind.choices, label=_("what happened"))
    title = forms.CharField(max_length=200, label=_("short title (no names)"))
    date_start = forms.DateField(label=_("date (or start of the period)"), widget=DATE)
    date_end = forms.DateField(label=_("end of the period"), required=False, widget=DATE)
    place_name = forms.CharField(max_length=200, label=_("place"))
    description = forms.CharField(label=_("description"), required=False, widget=forms.Textarea)

    field_order = ["group", "kind", "title", "date_start", "date_end", "place_name", "latitude", "longitude"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = DocumenterGroup.objects.filter(members=user)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        validate_dates(data.get("date_start"), data.get("date_end"))
        return data


class ObservationForm(_Located):
    group = forms.ModelChoiceField(queryset=DocumenterGroup.objects.none(), label=_("group"))
    kind = forms.ChoiceField(choices=ObservationKind.choices, label=_("kind"))
    observed_at = forms.DateTimeField(
        label=_("date and time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place_name = forms.CharField(max_length=200, label=_("place"))
    units_or_equipment = forms.CharField(max_length=300, label=_("units or equipment seen"))
    count = forms.IntegerField(min_value=0, required=False, label=_("count"))
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea)

    field_order = ["group", "kind", "observed_at", "place_name", "latitude", "longitude"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = DocumenterGroup.objects.filter(members=user)  # type: ignore[attr-defined]

    def clean_observed_at(self) -> Any:
        value = self.cleaned_data["observed_at"]
        if value and value > timezone.now():
            raise ValidationError(_("The observation time is in the future."))
        return value


KEEP_ENCRYPTED = _(
    "Stored encrypted and not shown here: leave it empty to keep it; what you write replaces it (the earlier text "
    "stays in the encrypted history)."
)


class IncidentEditForm(IncidentForm):
    """Correcting an incident: the fields of recording without the group (a record keeps its owner)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=None, **kwargs)
        del self.fields["group"]
        self.fields["date_start"].widget = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
        self.fields["date_end"].widget = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
        self.fields["description"].help_text = KEEP_ENCRYPTED


class ObservationEditForm(ObservationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=None, **kwargs)
        del self.fields["group"]
        self.fields["observed_at"].widget = forms.DateTimeInput(
            format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}
        )
        self.fields["notes"].help_text = KEEP_ENCRYPTED


class PersonForm(forms.Form):
    role = forms.ChoiceField(choices=PersonRole.choices, label=_("role"))
    name = forms.CharField(max_length=300, label=_("name"))
    contact = forms.CharField(max_length=300, required=False, label=_("contact"))
    statement = forms.CharField(required=False, widget=forms.Textarea, label=_("statement"))


class PersonCorrectionForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(max_length=300, required=False, label=_("name"), help_text=KEEP_ENCRYPTED)
    contact = forms.CharField(max_length=300, required=False, label=_("contact"))
    statement = forms.CharField(required=False, widget=forms.Textarea, label=_("statement"))


class SourceForm(forms.Form):
    identity = forms.CharField(max_length=300, label=_("who the source is"))
    contact = forms.CharField(max_length=300, required=False, label=_("contact"))
    description = forms.CharField(max_length=200, required=False, label=_("kind of source (no names)"))


class InvolvementForm(forms.Form):
    perpetrator: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Perpetrator.objects.all(), label=_("perpetrator")
    )
    degree = forms.ChoiceField(choices=Degree.choices, label=_("degree of involvement"))


class VerificationForm(forms.Form):
    status = forms.ChoiceField(choices=Verification.choices, label=_("verification"))
    method = forms.CharField(required=False, widget=forms.Textarea, label=_("how it was verified"))


class PurposeForm(forms.Form):
    purpose = forms.CharField(max_length=300, label=_("why"))


class ShareForm(PurposeForm):
    username = forms.CharField(max_length=150, required=False, label=_("person (user name)"))
    partner = forms.ModelChoiceField(
        queryset=PartnerOrganisation.objects.order_by("name"), required=False, label=_("partner organisation")
    )
    transfer = forms.BooleanField(required=False, label=_("transfer custody (not only share)"))


class UploadForm(forms.Form):
    group = forms.ModelChoiceField(queryset=DocumenterGroup.objects.none(), label=_("group"))
    title = forms.CharField(max_length=200, label=_("title (no names)"))
    description = forms.CharField(required=False, widget=forms.Textarea, label=_("description"))
    incident = forms.IntegerField(required=False, widget=forms.HiddenInput)
    file = forms.FileField(label=_("file"), allow_empty_file=False)
    purpose = forms.CharField(max_length=300, label=_("how you received it"), initial="")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = DocumenterGroup.objects.filter(members=user)  # type: ignore[attr-defined]


class PerpetratorForm(forms.Form):
    name = forms.CharField(max_length=300, label=_("name"))
    kind = forms.ChoiceField(choices=PerpetratorKind.choices, label=_("kind"))
    position = forms.CharField(max_length=300, required=False, label=_("position"))
    organisation = forms.CharField(max_length=300, required=False, label=_("organisation"))
    birth_date = forms.DateField(required=False, widget=DATE, label=_("date of birth"))
    identifiers = forms.CharField(
        required=False,
        label=_("identifiers (one per line: kind: value)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_identifiers(self) -> dict[str, str]:
        result = {}
        for line in self.cleaned_data["identifiers"].splitlines():
            if not line.strip():
                continue
            if ":" not in line:
                raise ValidationError(_("Write each identifier as “kind: value”."))
            kind, value = line.split(":", 1)
            result[kind.strip()] = value.strip()
        return result


class PrisonerForm(forms.Form):
    name = forms.CharField(
        max_length=300,
        required=False,
        label=_("name"),
        help_text=_("Stored encrypted. Leave empty to keep the stored name."),
    )
    name_is_public = forms.BooleanField(
        required=False, label=_("the person or family agreed to publish the name")
    )
    region = forms.ChoiceField(choices=Region.choices, label=_("region"))
    detained_on = forms.DateField(widget=DATE, label=_("date of detention"))
    articles = forms.CharField(
        max_length=300,
        required=False,
        label=_("articles of the Criminal Code"),
        help_text=_("Separated by commas, for example: 342, 361-1"),
    )
    court = forms.CharField(max_length=200, required=False, label=_("court"))
    sentenced_on = forms.DateField(required=False, widget=DATE, label=_("date of sentence"))
    sentence_months = forms.IntegerField(
        required=False, min_value=0, max_value=720, label=_("sentence (months)")
    )
    sentence_kind = forms.CharField(max_length=200, required=False, label=_("kind of sentence"))
    place_of_detention = forms.CharField(max_length=200, required=False, label=_("place of detention"))
    postal_address = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("postal address for letters")
    )
    recognised_on = forms.DateField(
        required=False, widget=DATE, label=_("recognised as a political prisoner on")
    )
    recognised_by = forms.CharField(max_length=200, required=False, label=_("recognised by"))
    status = forms.ChoiceField(choices=[], label=_("status"))
    ended_on = forms.DateField(required=False, widget=DATE, label=_("date of release, pardon or death"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from hramada.evidence.models import PrisonerStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = PrisonerStatus.choices  # type: ignore[attr-defined]


class ConditionForm(forms.Form):
    on = forms.DateField(widget=DATE, label=_("date"))
    kind = forms.ChoiceField(choices=ConditionKind.choices, label=_("condition"))
    note = forms.CharField(max_length=300, required=False, label=_("note"))


class CsvUploadForm(forms.Form):
    file = forms.FileField(label=_("register CSV (UTF-8)"))


class DossierForm(forms.Form):
    statement_of_reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}), label=_("draft statement of reasons")
    )


class MapFilterForm(forms.Form):
    kinds = forms.MultipleChoiceField(required=False, label=_("kinds"), widget=forms.CheckboxSelectMultiple)
    start = forms.DateField(required=False, widget=DATE, label=_("from"))
    end = forms.DateField(required=False, widget=DATE, label=_("to"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(f"incident:{value}", label) for value, label in IncidentKind.choices]
        choices += [(f"observation:{value}", label) for value, label in ObservationKind.choices]
        self.fields["kinds"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError(_("The period ends before it starts."))
        return data
