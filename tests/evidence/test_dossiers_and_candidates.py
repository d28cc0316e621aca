"""Perpetrators against the sanctions lists (through the sanctions door), listing candidates, and dossiers
exported as PDF and FollowTheMoney JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from followthemoney import model

from hramada.evidence import services
from hramada.evidence.models import Dossier, PerpetratorKind
from tests.conftest import sign_in_verified
from tests.evidence import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def eu_list(shared_data: Path) -> Any:
    from hramada.sanctions import live_index
    from hramada.sanctions.services import import_file

    live_index.reset_screening_index()
    import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    yield
    live_index.reset_screening_index()


def _verified_incident_with(cast: Any, perpetrator: Any) -> Any:
    incident = factories.incident(cast.group, cast.recorder)
    services.link_perpetrator(incident=incident, perpetrator=perpetrator, degree="direct", by=cast.recorder)
    services.set_verification(incident=incident, status="verified", method="two witnesses", by=cast.recorder)
    return incident


def test_listed_perpetrators_show_where_and_unlisted_ones_become_candidates(
    client: Any, cast: Any, eu_list: Any
) -> None:
    listed = services.add_perpetrator(
        name="Alexander Lukashenko",
        kind=PerpetratorKind.OTHER,
        birth_date=date(1954, 8, 30),
        by=cast.recorder,
    )
    unlisted = services.add_perpetrator(name="Ivan Vydumanny", kind=PerpetratorKind.JUDGE, by=cast.recorder)
    unverified = services.add_perpetrator(
        name="Piotr Nieviadomy", kind=PerpetratorKind.POLICE, by=cast.recorder
    )
    _verified_incident_with(cast, listed)
    _verified_incident_with(cast, unlisted)
    services.link_perpetrator(
        incident=factories.incident(cast.group, cast.recorder),
        perpetrator=unverified,
        degree="direct",
        by=cast.recorder,
    )
    sign_in_verified(client, cast.analyst)
    assert client.post(reverse("evidence:sanctions_check_all")).status_code == 302
    listed.refresh_from_db()
    unlisted.refresh_from_db()
    assert listed.sanctions_matches and "eu_journal" in listed.sanctions_matches[0]["datasets"]
    assert unlisted.sanctions_checked_at and unlisted.sanctions_matches == []
    page = client.get(reverse("evidence:candidates")).content.decode()
    candidates_part = page.split("Already listed")[0]
    assert "Ivan Vydumanny" in candidates_part
    assert "Alexander Lukashenko" not in candidates_part and "Piotr Nieviadomy" not in page
    detail = client.get(reverse("evidence:perpetrator", args=[listed.pk])).content.decode()
    assert "eu_journal" in detail


def _dossier(cast: Any) -> Dossier:
    judge = services.add_perpetrator(
        name="Ivan Vydumanny",
        kind=PerpetratorKind.JUDGE,
        position="Judge",
        birth_date=date(1970, 1, 2),
        identifiers={"passport": "MP1234567"},
        by=cast.recorder,
    )
    incident = _verified_incident_with(cast, judge)
    factories.upload(cast.group, cast.recorder, incident=incident)
    return Dossier.objects.create(
        perpetrator=judge,
        owner_group=cast.group,
        created_by=cast.recorder,
        statement_of_reasons="Responsible for politically motivated sentences.",
    )


def test_a_dossier_exports_as_pdf_with_the_evidence_hashes(client: Any, cast: Any) -> None:
    dossier = _dossier(cast)
    sign_in_verified(client, cast.colleague)
    response = client.post(reverse("evidence:dossier_export", args=[dossier.pk, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        assert len(pdf.pages) >= 1


def test_a_dossier_pdf_keeps_cyrillic_and_belarusian_letters_with_no_system_font(
    client: Any, cast: Any, settings: Any
) -> None:
    """On a minimal machine (no fonts package) the bundled DejaVu Sans draws the text; extracted again, the
    Cyrillic comes back letter for letter, ў and і included (a Latin-only font would write "?" instead)."""
    import io

    pdf_reader = pytest.importorskip("pypdf").PdfReader
    settings.PDF_FONT = "/nonexistent/no-fonts-on-this-machine.ttf"
    judge = services.add_perpetrator(
        name="Іван Выдуманы", kind=PerpetratorKind.JUDGE, position="суддзя", by=cast.recorder
    )
    _verified_incident_with(cast, judge)
    statement = "Выносіў палітычна матываваныя прысуды ў Мінску; судья Октябрьского района."
    dossier = Dossier.objects.create(
        perpetrator=judge, owner_group=cast.group, created_by=cast.recorder, statement_of_reasons=statement
    )
    sign_in_verified(client, cast.colleague)
    response = client.post(reverse("evidence:dossier_export", args=[dossier.pk, "pdf"]))
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in pdf_reader(io.BytesIO(response.content)).pages)
    flat = " ".join(text.split())
    assert "Іван Выдуманы" in flat
    assert statement in flat
    assert "?" not in flat


def test_a_dossier_exports_as_followthemoney_entities(client: Any, cast: Any) -> None:
    dossier = _dossier(cast)
    sha = dossier.perpetrator.involvements.get().incident.evidence_items.get().original.sha256
    sign_in_verified(client, cast.colleague)
    response = client.post(reverse("evidence:dossier_export", args=[dossier.pk, "ftm"]))
    entities = [model.get_proxy(json.loads(line)) for line in response.content.decode().splitlines()]
    person = next(e for e in entities if e.schema.name == "Person")
    assert person.get("name") == ["Ivan Vydumanny"] and person.get("passportNumber") == ["MP1234567"]
    event = next(e for e in entities if e.schema.name == "Event")
    assert event.get("involved") == [person.id]
    assert any(sha in " ".join(e.get("notes")) for e in entities if e.schema.name == "Document")


def test_another_groups_documenter_cannot_open_a_dossier(client: Any, cast: Any) -> None:
    dossier = _dossier(cast)
    sign_in_verified(client, cast.outsider)
    assert client.get(reverse("evidence:dossier", args=[dossier.pk])).status_code == 404
    assert client.post(reverse("evidence:dossier_export", args=[dossier.pk, "pdf"])).status_code == 404


def test_a_new_snapshot_of_a_list_rechecks_perpetrators(
    cast: Any, shared_data: Path, django_capture_on_commit_callbacks: Any
) -> None:
    from hramada.sanctions import live_index
    from hramada.sanctions.services import import_file

    listed = services.add_perpetrator(
        name="Alexander Lukashenko",
        kind=PerpetratorKind.OTHER,
        birth_date=date(1954, 8, 30),
        by=cast.recorder,
    )
    _verified_incident_with(cast, listed)
    assert listed.sanctions_checked_at is None
    live_index.reset_screening_index()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            import_file("eu_journal", shared_data / "sanctions/eu/journal/32006R0765.csv", by=None)
    finally:
        live_index.reset_screening_index()
    listed.refresh_from_db()
    assert listed.sanctions_checked_at is not None and listed.sanctions_matches
