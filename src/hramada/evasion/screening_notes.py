"""What the evasion app adds to a name screened on the sanctions screening page (``core.screening_notes``): a
result, or a company of the queried name, deemed sanctioned through its owners, with the path; and a wallet
address given as the name or an identifier, checked by its currency's rules, against the listed addresses and for
exposure within three transfers. Reads only the stored results and the door's own checks (``evasion.public``)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from hramada.core.screening_notes import ScreeningNote
from hramada.evasion import public


def _rule_title(rule: str) -> str:
    if rule == "ofac":
        return _("Deemed sanctioned: OFAC 50 Percent Rule")
    return _("Deemed sanctioned: EU owned or controlled")


def _deemed_note(item: public.DeemedSanctioned) -> ScreeningNote:
    return ScreeningNote(
        title=_rule_title(item.rule),
        detail=item.path_text,
        entity_id=item.entity_id,
        url=reverse("evasion:entity", args=[item.entity_id]),
    )


def notes(name: str, identifiers: Sequence[str], entity_ids: Sequence[str]) -> list[ScreeningNote]:
    found: list[ScreeningNote] = []
    shown = set(entity_ids)
    for items in public.deemed_sanctioned_of(shown).values():
        found.extend(_deemed_note(item) for item in items)
    if name.strip():
        found.extend(
            _deemed_note(item) for item in public.deemed_sanctioned_named(name) if item.entity_id not in shown
        )
    for text in dict.fromkeys(t.strip() for t in (name, *identifiers) if t and t.strip()):
        check = public.check_payment_address(text)
        if not check.is_address:
            continue
        url = f"{reverse('evasion:wallet')}?{urlencode({'address': check.address})}"
        if check.problem:
            found.append(ScreeningNote(title=_("Wallet address"), detail=check.problem, url=""))
        elif check.needs_review:
            found.extend(
                ScreeningNote(title=_("Wallet address"), detail=line, url=url) for line in check.reasons()
            )
    return found
