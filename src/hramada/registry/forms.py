"""Forms of the registry pages (every page works without JavaScript)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hramada.registry.models import Consent, Geography, ImportBatch, Theme
from hramada.registry.rows import FIELDS, REQUIRED

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Format"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(label=_("File"))

    def clean_file(self) -> object:
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return f


class MappingForm(forms.Form):
    """One choice of column per record field; the required ones must be chosen."""

    def __init__(
        self, *args: object, header: tuple[str, ...], initial_mapping: dict[str, str], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = [("", _("(not in this file)")), *[(h, h) for h in header]]
        for name in FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=name,
                choices=choices,
                required=False,
                initial=initial_mapping.get(name, ""),
                help_text=_("required") if name in REQUIRED else "",
            )

    def mapping(self) -> dict[str, str]:
        return {name: value for name, value in self.cleaned_data.items() if value}


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PriorityForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), choices=Theme.choices)
    geography = forms.ChoiceField(label=_("Geography"), choices=Geography.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    target_eur = forms.DecimalField(label=_("Target (EUR)"), min_value=0, max_digits=14, decimal_places=2)


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(label=_("Consent to"), choices=Consent.Scope.choices)
    given_on = forms.DateField(label=_("Given on (YYYY-MM-DD)"))
