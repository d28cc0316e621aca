"""Forms of the screening pages: one name, or a file of names."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

SCHEMA_CHOICES = [
    ("LegalEntity", _("Person or organisation")),
    ("Person", _("Person")),
    ("Organization", _("Organisation")),
    ("Company", _("Company")),
    ("Vessel", _("Vessel")),
    ("Airplane", _("Aircraft")),
    ("CryptoWallet", _("Crypto wallet")),
]
PROFILE_CHOICES = [
    ("screening", _("Screening (onboarding, payments): few false alarms")),
    ("investigation", _("Investigation: a wider net")),
]


class ScreenNameForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=500, required=False)
    schema = forms.ChoiceField(label=_("Kind"), choices=SCHEMA_CHOICES, initial="LegalEntity")
    birth_date = forms.CharField(
        label=_("Birth or incorporation date"),
        max_length=20,
        required=False,
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD"),
    )
    country = forms.CharField(label=_("Country or nationality"), max_length=100, required=False)
    identifiers = forms.CharField(
        label=_("Identifiers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, optionally with its kind: passport:MP1234567, imo:9187629, crypto:bc1…"),
    )
    profile = forms.ChoiceField(label=_("Use"), choices=PROFILE_CHOICES, initial="screening")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not (data.get("name") or "").strip() and not (data.get("identifiers") or "").strip():
            raise forms.ValidationError(_("Give a name or at least one identifier."))
        return data

    def identifier_list(self) -> tuple[str, ...]:
        raw = self.cleaned_data.get("identifiers") or ""
        return tuple(line.strip() for line in raw.splitlines() if line.strip())


class BulkScreenForm(forms.Form):
    file = forms.FileField(
        label=_("File of names"),
        help_text=_(
            "CSV, XLSX or JSON lines with a column 'name' (optional: schema, birth_date, country, identifiers)."
        ),
    )
    profile = forms.ChoiceField(label=_("Use"), choices=PROFILE_CHOICES, initial="screening")
