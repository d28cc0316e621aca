"""The fund's screening of its parties, through the sanctions app's door (`hramada.sanctions.public`).

`screen_party(name, birth_date, country, kind, ref=..., by=...)` screens an applicant, grantee organisation,
payee or intermediary with the profile for its purpose (onboarding for applicants and grantees, payments for
payees and intermediaries), under the party's stable reference, so a decision an analyst took on the same pair
before comes back with each match. Tests and the demo swap the screener with `use_screener`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from hramada.evasion import public as evasion_public
from hramada.sanctions import public

if TYPE_CHECKING:
    from hramada.core.models import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PossibleMatch:
    entity_id: str
    caption: str
    score: float
    explanation: str
    identity: str = ""
    """Fingerprint of the listed entity's identifying data when it matched (what a decision is made against)."""
    decision: str = ""
    """Verdict of an analyst's standing decision on this (party, listed entity) pair, or ""."""
    listed_changed: bool = False
    """The listed record's identifying data changed since that decision."""

    @property
    def silenced(self) -> bool:
        """A standing false positive on the listed record as it still reads: raises no hold."""
        return self.decision == "false_positive" and not self.listed_changed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Screener = Callable[..., list[PossibleMatch]]
"""Called as ``screener(name, birth_date, country, kind, ref, by)``."""

# FollowTheMoney schema for each kind of party the fund screens.
SCHEMA_BY_KIND = {
    "applicant": "Person",
    "payee": "LegalEntity",
    "grantee": "Organization",
    "intermediary": "Organization",
}
# The screening profile (sanctions.profiles) for each kind of party.
PURPOSE_BY_KIND = {
    "applicant": "onboarding",
    "grantee": "onboarding",
    "payee": "payments",
    "intermediary": "payments",
}


def party_ref(application_id: int, kind: str) -> str:
    """The counterparty reference the sanctions app remembers decisions under: one per party of an
    application (its applicant, its organisation, its payee, an intermediary)."""
    return f"fund.application:{application_id}:{kind}"


def engine_screener(
    name: str,
    birth_date: str | None,
    country: str | None,
    kind: str,
    ref: str = "",
    by: User | None = None,
) -> list[PossibleMatch]:
    party = public.Party(
        name=name,
        schema=SCHEMA_BY_KIND.get(kind, "LegalEntity"),
        ref=ref,
        birth_date=birth_date or None,
        countries=(country,) if country else (),
    )
    try:
        screening = public.screen(
            party, purpose=PURPOSE_BY_KIND.get(kind, "onboarding"), by=by, source=f"fund.{kind}"
        )
    except public.PartyError as error:
        logger.info("A %s could not be screened: %s", kind, error.field)
        return []
    return [
        PossibleMatch(
            entity_id=hit.entity_id,
            caption=hit.caption,
            score=hit.score,
            explanation=hit.explanation,
            identity=hit.identity,
            decision=hit.decision.verdict if hit.decision else "",
            listed_changed=bool(hit.decision and hit.decision.listed_changed),
        )
        for hit in screening.hits
    ]


def address_matches(account: str) -> list[PossibleMatch]:
    """A crypto wallet given as payment details, as evasion's door sees it: a listed address, or one within
    three transfers of a listed address, is a possible match to hold (IBANs and account numbers give none)."""
    check = evasion_public.check_payment_address(account)
    matches = []
    if check.listed_entity:
        matches.append(PossibleMatch(check.listed_entity, check.listed_holder, 1.0, check.reasons()[0]))
    for exposure, reason in zip(check.exposures, check.reasons()[len(matches) :], strict=True):
        matches.append(PossibleMatch(exposure.listed_entity, exposure.listed_holder, 1.0, reason))
    return matches


_screener: Screener = engine_screener


def screen_party(
    name: str,
    birth_date: str | None = None,
    country: str | None = None,
    kind: str = "applicant",
    *,
    ref: str = "",
    by: User | None = None,
) -> list[PossibleMatch]:
    """Possible matches of one party (applicant, grantee, intermediary or payee), best first."""
    if not name or not name.strip():
        return []
    return _screener(name, birth_date, country, kind, ref, by)


def warm_up() -> None:
    """Build or refresh the index before a transaction starts: the first build takes seconds, and a service
    must not hold row locks (and the audit chain head) while it runs."""
    if _screener is engine_screener:
        public.warm_up()


def fingerprint(matches: list[PossibleMatch]) -> str:
    """Which listed entities matched: a decided hold is not raised again for the same set after a re-screen.

    A match whose remembered decision was made on a listed record that has changed since counts with the
    record's new identity, so the changed record raises a hold again."""
    ids = ",".join(
        sorted(f"{m.entity_id}@{m.identity}" if m.listed_changed else m.entity_id for m in matches)
    )
    return hashlib.sha256(ids.encode()).hexdigest()


@contextmanager
def use_screener(screener: Screener) -> Iterator[None]:
    global _screener
    previous, _screener = _screener, screener
    try:
        yield
    finally:
        _screener = previous
