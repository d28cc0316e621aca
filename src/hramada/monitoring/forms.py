"""Forms of monitoring's pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class EscalateForm(forms.Form):
    reason = forms.CharField(
        label=_("Why escalate"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class WatchListForm(forms.Form):
    name = forms.CharField(label=_("Name of the watch list"), max_length=200)
    file = forms.FileField(label=_("File (CSV in UTF-8, or XLSX)"))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload
