"""Forms of the sanctions pages: GET filters, and the review of a snapshot held as suspicious."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

SCHEMA_CHOICES = [
    ("", _("Any kind")),
    ("Person", _("Person")),
    ("Organization", _("Organization")),
    ("Company", _("Company")),
    ("LegalEntity", _("Legal entity")),
    ("Vessel", _("Vessel")),
    ("Airplane", _("Airplane")),
    ("CryptoWallet", _("Crypto wallet")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name, in any script"), required=False, max_length=200)
    belarus = forms.BooleanField(label=_("Belarus regime only"), required=False)
    source = forms.ChoiceField(label=_("Source"), required=False)
    schema = forms.ChoiceField(label=_("Kind"), required=False, choices=SCHEMA_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from hramada.sanctions.importers import SOURCES

        choices: list[tuple[str, Any]] = [("", _("All sources"))]
        choices += [(key, spec.label) for key, spec in SOURCES.items()]
        source = self.fields["source"]
        if isinstance(source, forms.ChoiceField):
            source.choices = choices


class ReviewForm(forms.Form):
    """An analyst's decision on a held snapshot."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("confirm", _("It is a real publication: make it current")),
            ("reject", _("It is damaged: never make it current")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Why (kept in the audit log)"), max_length=500, widget=forms.Textarea)
