"""The demo step gives `make run` several donors with the real recipients the brief names, an open merge proposal,
a possible double funding, and public files that validate."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hramada.registry import demo, publication, standards
from hramada.registry.models import Decision, Donor, GrantRecord, MergeProposal, OverlapFlag

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_with_donors_proposals_and_flags() -> None:
    said: list[str] = []
    demo.load(said.append)
    assert Donor.objects.filter(is_demo=True).count() == 4
    assert GrantRecord.objects.filter(is_demo=True).count() == len(demo.RECORDS)
    assert MergeProposal.objects.filter(status=Decision.OPEN).exists()
    assert OverlapFlag.objects.filter(status=Decision.OPEN).exists()
    demo.load(said.append)
    assert said[-1].strip() == "demo registry already loaded"
    assert GrantRecord.objects.filter(is_demo=True).count() == len(demo.RECORDS)


def test_the_demo_publication_validates_and_names_no_at_risk_recipient(make_donor: Any) -> None:
    demo.load(lambda _line: None)
    package = json.loads(publication.giving_json())
    assert list(standards.giving_validator().iter_errors(package)) == []
    text = publication.giving_json() + publication.iati_xml().decode()
    assert "Вясна" not in text and "Весна" not in text and "Lawyer in exile" not in text
    assert "Office of Sviatlana Tsikhanouskaya" in text
