"""Forms of the evasion pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hramada.evasion.models import Dataset


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of data"), choices=Dataset.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    source = forms.CharField(label=_("Source"), max_length=500, help_text=_("Where the data comes from."))
    file = forms.FileField(label=_("File"))


class ShipmentFileForm(forms.Form):
    file = forms.FileField(
        label=_("Shipment file"),
        help_text=_(
            "CSV or XLSX with columns shipment_id, shipper, consignee, notify_party, carrier, vessel_name, "
            "vessel_imo, port_of_loading, port_of_discharge, hs_codes, value, currency."
        ),
    )


class InvestigationForm(forms.Form):
    q = forms.CharField(label=_("Company name, IMO number or wallet address"), max_length=300)


class WalletForm(forms.Form):
    address = forms.CharField(label=_("Address"), max_length=128)
    currency = forms.CharField(
        label=_("Currency"), max_length=8, required=False, help_text=_("XBT, ETH, USDT ...")
    )
    hops = forms.IntegerField(label=_("Hops"), min_value=1, max_value=6, initial=3, required=False)
