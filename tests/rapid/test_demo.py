"""The demo step: a proposal from the demo dossier approved by two other people and read back by the importer,
and the adopted designation of the demo fund applicant in the local list."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.rapid import demo
from hramada.rapid.models import Proposal
from hramada.rapid.workflow import State
from hramada.sanctions import public as sanctions_public

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_with_a_dossier_proposal_and_an_adopted_fund_applicant(make_staff: Any) -> None:
    from hramada.evidence import demo as evidence_demo

    make_staff(
        *Role, username="admin"
    )  # as bootstrap creates it: every role, then in the evidence demo's group
    evidence_demo.load(lambda text: None)
    said: list[str] = []
    demo.load(said.append)
    demo.load(said.append)
    from_dossier = Proposal.objects.get(origin="dossier")
    assert from_dossier.state == State.APPROVED
    assert len({from_dossier.drafted_by_id, from_dossier.reviewed_by_id, from_dossier.approved_by_id}) == 3
    adopted = Proposal.objects.get(state=State.ADOPTED)
    record = sanctions_public.listed_entity(adopted.entity_id)
    assert record is not None and demo.FUND_APPLICANT in record.properties["name"]
    from hramada.rapid.models import ReliefRecommendation

    relief = ReliefRecommendation.objects.get(is_demo=True)
    assert len(relief.benchmarks) == 4
    assert "already loaded" in said[-1]
