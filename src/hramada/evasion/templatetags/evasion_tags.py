"""Template filters of the evasion pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``names|get_item:node_id``: a value of a dict by a key held in a variable."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


# The vocabulary links and shipment parties are stored under (from the importers and the files' columns), as readers
# say it; a label an imported list wrote itself ("Vess_owner", a director's title) is shown as written.
WORDS = {
    "shareholding": _("shareholding"),
    "registered owner": _("registered owner"),
    "manager": _("manager"),
    "operator": _("operator"),
    "ownership": _("ownership"),
    "control": _("control"),
    "director": _("director"),
    "linked to": _("linked to"),
    "Linked To": _("linked to"),
    "shipper": _("shipper"),
    "consignee": _("consignee"),
    "notify_party": _("notify party"),
    "carrier": _("carrier"),
    "vessel": _("vessel"),
    "hs_code": _("HS code"),
    "listed": _("listed"),
    "deemed": _("deemed sanctioned"),
}


@register.filter
def evasion_word(value: Any) -> str:
    """``{{ link.label|evasion_word }}``: a stored link or party role in the reader's language."""
    text = "" if value is None else str(value)
    word = WORDS.get(text)
    if word is not None:
        return str(word)
    from hramada.core.schema_labels import LABELS

    return str(LABELS[text]) if text in LABELS else text


@register.filter
def translated(value: Any) -> str:
    """``{{ error|translated }}``: a message of evasion's framework-free modules (a ``Text``, or one stored as
    ``{"message": …, "values": …}``) in the reader's language; any other value as it is."""
    from django.utils.translation import gettext

    from hramada.evasion.texts import Text

    if isinstance(value, dict) and "message" in value:
        value = Text.from_json(value)
    if not isinstance(value, Text):
        return "" if value is None else str(value)
    values = {k: translated(v) if isinstance(v, Text) else v for k, v in value.values.items()}
    return gettext(value.message) % values
