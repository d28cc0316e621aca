"""Countries by the reader's name for them: "by" reads Belarus, Беларусь or Беларусь, from the Unicode CLDR data that
Babel ships (a dependency of FollowTheMoney). Codes may be ISO 3166 alpha-2 or alpha-3 or FollowTheMoney's own
("ua-cri", "suhh"); the few of FollowTheMoney's that CLDR does not name are our own catalogue entries."""

from __future__ import annotations

from functools import cache

from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy


def _c(text: str) -> Promise:
    return pgettext_lazy("country", text)


# FollowTheMoney's codes for places CLDR has no code for (occupied territories, states that no longer exist).
OWN_NAMES: dict[str, Promise] = {
    "suhh": _c("Soviet Union"),
    "csxx": _c("Serbia and Montenegro"),
    "cshh": _c("Czechoslovakia"),
    "yucs": _c("Yugoslavia"),
    "dd": _c("East Germany"),
    "zr": _c("Zaire"),
    "ua-cri": _c("Crimea (occupied Ukraine)"),
    "ua-dpr": _c("Donetsk region (occupied Ukraine)"),
    "ua-lpr": _c("Luhansk region (occupied Ukraine)"),
    "ge-ab": _c("Abkhazia (occupied Georgia)"),
    "x-so": _c("South Ossetia (occupied Georgia)"),
    "md-pmr": _c("Transnistria (Moldova)"),
    "cy-trnc": _c("Northern Cyprus"),
    "az-nk": _c("Nagorno-Karabakh"),
    "zz": _c("Global"),
}


@cache
def _territories(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return dict(Locale.parse("en").territories)


@cache
def _alpha2(code: str) -> str | None:
    if len(code) == 2 and code.isalpha():
        return code.upper()
    from rigour.territories import lookup_territory

    territory = lookup_territory(code)
    if territory is None or len(territory.code) != 2:
        return None
    return territory.code.upper()


def country_name(code: str | None) -> str:
    """The reader's name of the country ``code`` ("by", "BLR", "ua-cri"); an unknown code reads as given."""
    text = (code or "").strip()
    if not text:
        return ""
    key = text.lower()
    own = OWN_NAMES.get(key)
    if own is not None:
        return str(own)
    alpha2 = _alpha2(key)
    if alpha2 is not None:
        name = _territories((get_language() or "en").split("-")[0]).get(alpha2)
        if name:
            return name
    return text
