"""Builders for evidence tests, through the services as the product uses them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from hramada.evidence import files, services
from hramada.evidence.demo import pdf_with_author, photo_with_gps
from hramada.evidence.models import (
    EvidenceItem,
    Incident,
    IncidentKind,
    Observation,
    ObservationKind,
    PersonRole,
)

VICTIM = "Alesia Kavalchuk-Testovich"
SOURCE = "Siarhei Zhurnalistaŭ-Testovich"


def incident(group: Any, by: Any, **kwargs: Any) -> Incident:
    values: dict[str, Any] = {
        "kind": IncidentKind.ARREST,
        "title": "Arrest at a protest",
        "date_start": date(2020, 8, 10),
        "place_name": "Minsk",
        "latitude": 53.9,
        "longitude": 27.56,
    }
    values.update(kwargs)
    record = services.record_incident(group=group, by=by, **values)
    services.add_person(
        incident=record, role=PersonRole.VICTIM, name=VICTIM, statement="They beat me.", by=by
    )
    services.add_source(record=record, identity=SOURCE, contact="+375 29 000 00 00", by=by)
    return record


def observation(group: Any, by: Any) -> Observation:
    from django.utils import timezone

    record = services.record_observation(
        group=group,
        kind=ObservationKind.RAIL,
        observed_at=timezone.now(),
        place_name="Asipovichy",
        latitude=53.3,
        longitude=28.64,
        units_or_equipment="Iskander-M",
        count=4,
        by=by,
    )
    services.add_source(record=record, identity=SOURCE, by=by)
    return record


def upload(
    group: Any, by: Any, data: bytes | None = None, name: str = "photo.jpg", **kwargs: Any
) -> EvidenceItem:
    data = photo_with_gps() if data is None else data
    return services.upload(
        group=group,
        title="Photo",
        upload=SimpleUploadedFile(name, data),
        digests=files.digest_bytes(data),
        by=by,
        purpose="received from a witness",
        **kwargs,
    )


def photo() -> bytes:
    return photo_with_gps()


def pdf() -> bytes:
    return pdf_with_author()


def encrypted_pdf() -> bytes:
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_with_author())) as document:
        document.save(out, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    return out.getvalue()


@contextmanager
def custody_triggers_off() -> Iterator[None]:
    """What someone with the database owner's rights can do: switch off the custody log's triggers (inside the
    test's transaction, so the rollback at the end of the test brings them back) and edit entries by hand."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE waits for no pending checks
            cursor.execute("ALTER TABLE evidence_custodyentry DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER evidence_custodyentry_no_update")
            cursor.execute("DROP TRIGGER evidence_custodyentry_no_delete")
    yield
