"""The demo (bootstrap step evidence.demo) loads every part of the app and is idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.models import RoleGrant, User
from hramada.core.roles import AccountKind, Role
from hramada.evidence import custody, demo
from hramada.evidence.models import Dossier, EvidenceFile, Incident, Observation, Prisoner

pytestmark = pytest.mark.django_db


def test_demo_loads_everything_once_and_administrators_see_it(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    admin = User.objects.create_user(username="admin", kind=AccountKind.STAFF)
    RoleGrant.objects.create(user=admin, role=Role.ADMINISTRATOR)
    RoleGrant.objects.create(user=admin, role=Role.DOCUMENTER)
    said: list[str] = []
    demo.load(said.append)
    demo.load(said.append)
    assert said[-1].strip() == "demo evidence already loaded"
    assert Incident.objects.count() == 8 and Observation.objects.count() == 5
    assert Prisoner.objects.count() == 60 and Dossier.objects.count() == 1
    assert EvidenceFile.objects.filter(role="stripped").count() == 1
    assert custody.verify_all()[1] == []
    from hramada.evidence.access import visible

    assert visible(Incident, admin).count() == 8
