"""Forms of the remembered-decision, screening-record and profile pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hramada.sanctions.models import ScreeningDecision


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label=_("Counterparty, listed entity or reason"), max_length=200, required=False)
    standing = forms.BooleanField(label=_("Standing decisions only"), required=False)


class RecordDecisionForm(forms.Form):
    party_ref = forms.CharField(
        label=_("Counterparty reference"),
        max_length=200,
        help_text=_("As the screening caller names it, e.g. api.key:7:customer-42 (never a name)."),
    )
    entity_id = forms.CharField(label=_("Listed entity id"), max_length=255)
    verdict = forms.ChoiceField(label=_("Decision"), choices=ScreeningDecision.Verdict.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class ReverseDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the reversal"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ScreenedNameForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=500)


class ProfileForm(forms.Form):
    match = forms.DecimalField(label=_("Match threshold"), min_value=0, max_value=1, decimal_places=3)
    review = forms.DecimalField(label=_("Review threshold"), min_value=0, max_value=1, decimal_places=3)
    candidates = forms.IntegerField(label=_("Candidates weighed"), min_value=1, max_value=500)
    limit = forms.IntegerField(label=_("Results shown"), min_value=1, max_value=500)
    reason = forms.CharField(label=_("Reason"), max_length=2000)
