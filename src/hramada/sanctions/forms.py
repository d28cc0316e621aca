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
        from hramada.sanctions.models import source_display_label

        choices: list[tuple[str, Any]] = [("", _("All sources"))]
        choices += [(key, source_display_label(spec.label)) for key, spec in SOURCES.items()]
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


CHANGE_CHOICES = [
    ("", _("Every kind of change")),
    ("added", _("Added")),
    ("removed", _("Removed")),
    ("amended", _("Amended")),
]


class ChangesFilterForm(forms.Form):
    """Filters of a changes page (GET): kind of change, programme, kind of party, Belarus regime only."""

    change = forms.ChoiceField(label=_("Kind of change"), required=False, choices=CHANGE_CHOICES)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    schema = forms.ChoiceField(label=_("Kind"), required=False, choices=SCHEMA_CHOICES)
    belarus = forms.BooleanField(label=_("Belarus regime only"), required=False)

    def __init__(self, *args: Any, programmes: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = self.fields["programme"]
        if isinstance(programme, forms.ChoiceField):
            programme.choices = [("", _("Every programme")), *(programmes or [])]


class CompareForm(forms.Form):
    """Two snapshots of one source to compare (GET)."""

    old = forms.TypedChoiceField(label=_("From"), coerce=int)
    new = forms.TypedChoiceField(label=_("To"), coerce=int)

    def __init__(self, *args: Any, snapshots: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField):
                field.choices = snapshots

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("old") is not None and cleaned.get("old") == cleaned.get("new"):
            raise forms.ValidationError(_("Choose two different snapshots."))
        return cleaned
