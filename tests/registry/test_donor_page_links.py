"""A donor's page offers "Import a file" only to those who may import: the auditor reads the page without a button
that answers "not authorised"."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from hramada.core.roles import Role
from tests.conftest import sign_in_verified

pytestmark = pytest.mark.django_db


def test_the_auditor_reads_a_donor_page_without_the_import_button(
    client: Any, make_donor: Any, make_staff: Any
) -> None:
    donor = make_donor("ec")
    sign_in_verified(client, make_staff(Role.AUDITOR))
    page = client.get(reverse("registry:donor", args=[donor.slug]))
    assert page.status_code == 200
    import_url = reverse("registry:import_upload", args=[donor.slug])
    assert import_url not in page.content.decode()
    assert client.get(import_url).status_code == 403


def test_the_donors_coordinator_finds_the_import_button(
    client: Any, make_donor: Any, coordinator_of: Any
) -> None:
    donor = make_donor("ec")
    sign_in_verified(client, coordinator_of(donor))
    page = client.get(reverse("registry:donor", args=[donor.slug])).content.decode()
    assert reverse("registry:import_upload", args=[donor.slug]) in page
