"""The raw database holds no victim, witness, source or prisoner name in plaintext."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from hramada.evidence import services
from tests.evidence import factories

pytestmark = pytest.mark.django_db

PRISONER = "Maryia Palitviazniova-Testovich"


def _dump() -> str:
    """Every text value of every table, read with SQL, as someone with a copy of the database would."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the introspection
            for row in cursor.fetchall():
                found.extend(str(value) for value in row if value is not None)
    return "\n".join(found)


def test_raw_database_holds_no_names(cast: Any) -> None:
    incident = factories.incident(cast.group, cast.recorder)
    factories.observation(cast.group, cast.recorder)
    services.add_person(
        incident=incident,
        role="witness",
        name="Witness Secretname",
        contact="secret@example.org",
        by=cast.recorder,
    )
    services.save_prisoner(
        by=cast.recorder, values={"name": PRISONER, "detained_on": incident.date_start}, articles=["342"]
    )
    dump = _dump()
    for secret in (
        factories.VICTIM,
        factories.SOURCE,
        "Witness Secretname",
        "secret@example.org",
        PRISONER,
        "They beat me",
        "+375 29",
    ):
        assert secret not in dump, secret
    assert "Arrest at a protest" in dump  # the dump did read the tables
