"""People's words for the FollowTheMoney schemata a page shows ("Person", "Sanction"...), in English, Belarusian
and Russian from our own catalogues (FtM ships no Belarusian labels); a schema not named here falls back to
FollowTheMoney's own English label, never to the internal name when FtM knows it."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

LABELS: dict[str, Promise] = {
    "Person": pgettext_lazy("kind of listed party", "Person"),
    "Organization": pgettext_lazy("kind of listed party", "Organisation"),
    "Company": pgettext_lazy("kind of listed party", "Company"),
    "LegalEntity": pgettext_lazy("kind of listed party", "Legal entity"),
    "PublicBody": pgettext_lazy("kind of listed party", "Public body"),
    "Vessel": pgettext_lazy("kind of listed party", "Vessel"),
    "Airplane": pgettext_lazy("kind of listed party", "Aircraft"),
    "Vehicle": pgettext_lazy("kind of listed party", "Vehicle"),
    "CryptoWallet": pgettext_lazy("kind of listed party", "Crypto wallet"),
    "Security": pgettext_lazy("kind of listed party", "Security"),
    "Sanction": pgettext_lazy("kind of listed party", "Sanction"),
    "Address": pgettext_lazy("kind of listed party", "Address"),
    "Identification": pgettext_lazy("kind of listed party", "Identity document"),
    "Passport": pgettext_lazy("kind of listed party", "Passport"),
    "Ownership": pgettext_lazy("kind of listed party", "Ownership"),
    "Directorship": pgettext_lazy("kind of listed party", "Directorship"),
    "Family": pgettext_lazy("kind of listed party", "Family"),
    "Associate": pgettext_lazy("kind of listed party", "Associate"),
    "UnknownLink": pgettext_lazy("kind of listed party", "Link"),
    "Membership": pgettext_lazy("kind of listed party", "Membership"),
    "Employment": pgettext_lazy("kind of listed party", "Employment"),
    "Representation": pgettext_lazy("kind of listed party", "Representation"),
    "Occupancy": pgettext_lazy("kind of listed party", "Position held"),
    "Position": pgettext_lazy("kind of listed party", "Position"),
}


def schema_label(name: str | None) -> str:
    """The reader's word for a schema name; "" for none."""
    if not name:
        return ""
    label = LABELS.get(name)
    if label is not None:
        return str(label)
    from followthemoney import model

    schema = model.get(name)
    return str(schema.label) if schema is not None else name
