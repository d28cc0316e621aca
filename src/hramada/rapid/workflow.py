"""The listing-proposal workflow as one table: states, and each transition with the roles that may take it.

Four eyes (three, in fact): the drafter, the legal reviewer and the approver are three different people; the
services check that, this table says only which roles may take an edge. Legal review is a lawyer's step: only a
user with the legal reviewer role takes it (analysts draft and approve).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from hramada.core.roles import Role


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In legal review")
    REVIEWED = "reviewed", _("Legally reviewed")
    APPROVED = "approved", _("Approved")
    ADOPTED = "adopted", _("Adopted")


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    roles: frozenset[Role]


ANALYST = frozenset({Role.SANCTIONS_ANALYST})
ANALYST_OR_ADMIN = frozenset({Role.SANCTIONS_ANALYST, Role.ADMINISTRATOR})
LEGAL = frozenset({Role.LEGAL_REVIEWER})

TRANSITIONS: tuple[Transition, ...] = (
    Transition("submit_for_review", frozenset({State.DRAFT}), State.IN_REVIEW, ANALYST),
    Transition("record_legal_review", frozenset({State.IN_REVIEW}), State.REVIEWED, LEGAL),
    Transition(
        "return_to_draft", frozenset({State.IN_REVIEW, State.REVIEWED}), State.DRAFT, ANALYST_OR_ADMIN | LEGAL
    ),
    Transition("approve", frozenset({State.REVIEWED}), State.APPROVED, ANALYST_OR_ADMIN),
    Transition("record_adoption", frozenset({State.APPROVED}), State.ADOPTED, ANALYST_OR_ADMIN),
)
BY_NAME = {transition.name: transition for transition in TRANSITIONS}
EDITABLE = frozenset({State.DRAFT})


def allowed(name: str, state: str) -> bool:
    return state in BY_NAME[name].sources
