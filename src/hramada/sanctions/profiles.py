"""Screening profiles: for each purpose, when a score is a match, from which score a candidate is shown, and
how many candidates the engine considers.

The purposes are fixed (the platform's callers name them); their numbers are policy, kept in
:class:`~hramada.sanctions.models.ScreeningProfile` rows that administrators change on the profiles page
(``services.profiles``, audited, four-eyed when a change makes screening less sensitive). The defaults below are
what a fresh installation starts with (the migration seeds them) and what applies if a row is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hramada.screening import Thresholds


class UnknownPurposeError(ValueError):
    """A caller named a purpose that has no screening profile."""


@dataclass(frozen=True)
class Profile:
    key: str
    label: str | Promise
    match: float
    review: float
    candidates: int
    limit: int

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(match=self.match, review=self.review, candidates=self.candidates)


ONBOARDING = "onboarding"
PAYMENTS = "payments"
INVESTIGATION = "investigation"
REGISTRY = "registry"
SHIPMENTS = "shipments"

DEFAULTS: dict[str, Profile] = {
    profile.key: profile
    for profile in (
        # Few false alarms on people the platform pays or takes on; Belarusian and Russian spellings of one
        # person still meet (Thresholds.SCREENING, measured in benchmarks/screening_quality.py).
        Profile(ONBOARDING, _("Onboarding"), match=0.80, review=0.60, candidates=20, limit=5),
        Profile(PAYMENTS, _("Payments"), match=0.80, review=0.60, candidates=20, limit=5),
        # An analyst casting a wide net (Thresholds.INVESTIGATION).
        Profile(INVESTIGATION, _("Investigation"), match=0.65, review=0.40, candidates=60, limit=10),
        # Grant recipients across donors: organisations mostly, screened like onboarding.
        Profile(REGISTRY, _("Grants registry"), match=0.80, review=0.60, candidates=20, limit=5),
        # Carriers, vessels and consignees: names of companies and ships vary more than people's.
        Profile(SHIPMENTS, _("Shipments"), match=0.75, review=0.55, candidates=40, limit=10),
    )
}
PURPOSES: tuple[str, ...] = tuple(DEFAULTS)


def profile(purpose: str) -> Profile:
    """The profile in force for ``purpose``; :class:`UnknownPurposeError` for a purpose that has none."""
    default = DEFAULTS.get(purpose)
    if default is None:
        raise UnknownPurposeError(
            f"no screening profile for purpose {purpose!r}; known: {', '.join(PURPOSES)}"
        )
    from hramada.sanctions.models import ScreeningProfile

    row = ScreeningProfile.objects.filter(key=purpose).first()
    if row is None:
        return default
    return Profile(
        key=purpose,
        label=default.label,
        match=float(row.match),
        review=float(row.review),
        candidates=row.candidates,
        limit=row.limit,
    )
