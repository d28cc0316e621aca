"""The application workflow as one table: states, and each transition with who may take it.

Both tiers share the table; what differs (one reviewer for rapid response, two or more for long-term) is
checked by the service that takes the `recommend` edge. Views and services ask `may` / `check`; nothing else
decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from hramada.core.roles import Role


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    RECOMMENDED = "recommended", _("Recommended for decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not funded")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")


APPLICANT = "applicant"  # the applicant who owns the application; not a staff role


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[State]
    target: State
    roles: frozenset[Role] = frozenset()
    applicant: bool = False
    label: Any = ""


def _t(
    name: str, sources: set[State], target: State, *roles: Role, applicant: bool = False, label: Any
) -> Transition:
    return Transition(name, frozenset(sources), target, frozenset(roles), applicant, label)


S = State
OPEN_STATES = {S.SUBMITTED, S.IN_REVIEW, S.RECOMMENDED}

TRANSITIONS: tuple[Transition, ...] = (
    _t("submit", {S.DRAFT}, S.SUBMITTED, applicant=True, label=_("Submit")),
    _t("withdraw", {S.DRAFT, *OPEN_STATES}, S.WITHDRAWN, applicant=True, label=_("Withdraw")),
    _t("start_review", {S.SUBMITTED}, S.IN_REVIEW, Role.REVIEWER, Role.FUND_MANAGER, label=_("Start review")),
    _t(
        "recommend",
        {S.IN_REVIEW},
        S.RECOMMENDED,
        Role.REVIEWER,
        Role.FUND_MANAGER,
        label=_("Send for decision"),
    ),
    _t("return_to_review", {S.RECOMMENDED}, S.IN_REVIEW, Role.FUND_MANAGER, label=_("Return to review")),
    _t("approve", {S.RECOMMENDED}, S.APPROVED, Role.FUND_MANAGER, label=_("Approve")),
    _t("reject", OPEN_STATES, S.REJECTED, Role.FUND_MANAGER, label=_("Reject")),
    _t(
        "refuse_sanctioned",
        OPEN_STATES,
        S.REJECTED,
        Role.SANCTIONS_ANALYST,
        label=_("Refuse: confirmed match"),
    ),
    _t(
        "complete", {S.APPROVED}, S.COMPLETED, Role.FUND_MANAGER, Role.FINANCE_OFFICER, label=_("Close grant")
    ),
)

BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}


class TransitionRefused(Exception):  # noqa: N818 (named for what the user meets)
    """The table does not allow this actor to take this edge from this state; the message says why."""


def _actor_may(transition: Transition, actor: Any) -> bool:
    if getattr(actor, "is_applicant", False):
        return transition.applicant
    roles: frozenset[Role] = getattr(actor, "roles", frozenset())
    return bool(transition.roles & roles)


def may(name: str, state: str, actor: Any) -> bool:
    transition = BY_NAME[name]
    return state in transition.sources and _actor_may(transition, actor)


def check(name: str, state: str, actor: Any) -> Transition:
    """The transition, or `TransitionRefused` saying whether the state or the actor is the problem."""
    transition = BY_NAME[name]
    if state not in transition.sources:
        if state == State.WITHDRAWN:
            raise TransitionRefused(
                _("The applicant has withdrawn this application; nothing more can be decided.")
            )
        raise TransitionRefused(
            _("“%(action)s” is not possible while the application is %(state)s.")
            % {"action": transition.label, "state": State(state).label}
        )
    if not _actor_may(transition, actor):
        raise TransitionRefused(_("Your role may not “%(action)s”.") % {"action": transition.label})
    return transition


def available(state: str, actor: Any) -> list[Transition]:
    return [t for t in TRANSITIONS if may(t.name, state, actor)]
