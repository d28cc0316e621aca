"""The transition table: every edge from every state, tried by the applicant and by each staff role."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.fund import workflow
from hramada.fund.workflow import TRANSITIONS, State, TransitionRefused


class Actor:
    def __init__(self, roles: frozenset[Role] = frozenset(), applicant: bool = False) -> None:
        self.roles = roles
        self.is_applicant = applicant


ACTORS: dict[str, Any] = {"applicant": Actor(applicant=True)} | {
    role.value: Actor(frozenset({role})) for role in Role
}
EDGES = [(t.name, state, actor) for t in TRANSITIONS for state in State for actor in ACTORS]


@pytest.mark.parametrize(("name", "state", "actor"), EDGES)
def test_every_edge_is_allowed_exactly_as_the_table_says(name: str, state: State, actor: str) -> None:
    transition = workflow.BY_NAME[name]
    who = ACTORS[actor]
    expected = state in transition.sources and (
        transition.applicant if actor == "applicant" else Role(actor) in transition.roles
    )
    assert workflow.may(name, state, who) is expected
    if expected:
        assert workflow.check(name, state, who).target == transition.target
    else:
        with pytest.raises(TransitionRefused):
            workflow.check(name, state, who)


def test_a_decision_after_withdrawal_says_the_applicant_withdrew() -> None:
    with pytest.raises(TransitionRefused, match="withdrawn"):
        workflow.check("approve", State.WITHDRAWN, ACTORS["fund_manager"])


def test_every_state_but_the_final_ones_has_a_way_out() -> None:
    final = {State.REJECTED, State.WITHDRAWN, State.COMPLETED}
    for state in set(State) - final:
        assert any(state in t.sources for t in TRANSITIONS), state
