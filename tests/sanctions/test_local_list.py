"""The platform's own list (rapid response's adopted designations): each publication is a snapshot with a delta,
sent as a list change after the commit; a refused entity stores nothing; the EU journal layout is read without
storing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hramada.sanctions import public
from hramada.sanctions.models import Snapshot

pytestmark = pytest.mark.django_db


def _designation(entity_id: str, name: str) -> list[dict[str, Any]]:
    return [
        {"id": entity_id, "schema": "Person", "properties": {"name": [name], "topics": ["sanction"]}},
        {
            "id": f"{entity_id}-sanction",
            "schema": "Sanction",
            "properties": {"entity": [entity_id], "programId": ["EU-BLR"], "authority": ["Council"]},
        },
    ]


def test_each_publication_is_a_snapshot_with_a_delta_that_keeps_earlier_designations(
    django_capture_on_commit_callbacks: Any,
) -> None:
    changes: list[Any] = []
    public.list_changed.connect(
        lambda sender, change=None, **kw: changes.append(change), dispatch_uid="t.local", weak=False
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first = public.publish_local_designations(_designation("local-1", "Ana Bee"), by=None)
        with django_capture_on_commit_callbacks(execute=True):
            second = public.publish_local_designations(_designation("local-2", "Cee Dee"), by=None)
    finally:
        public.list_changed.disconnect(dispatch_uid="t.local")
    assert first.created and second.created and second.added == 2 and second.removed == 0
    latest = Snapshot.objects.get(pk=second.snapshot_id)
    assert latest.source.key == public.LOCAL_LIST_KEY
    assert set(latest.members.filter(subject=True).values_list("entity_id", flat=True)) == {
        "local-1",
        "local-2",
    }
    assert [change.added for change in changes][1] == ("local-2", "local-2-sanction")
    assert public.listed_entity("local-1") is not None


def test_an_entity_the_followthemoney_model_refuses_stores_nothing() -> None:
    bad = [{"id": "x", "schema": "Person", "properties": {"noSuchProperty": ["1"]}}]
    with pytest.raises(public.LocalListError, match="noSuchProperty"):
        public.publish_local_designations(bad, by=None)
    assert not Snapshot.objects.filter(source__key=public.LOCAL_LIST_KEY).exists()


def test_the_eu_journal_layout_is_read_without_storing(shared_data: Path, tmp_path: Path) -> None:
    entities = public.read_eu_journal_file(str(shared_data / "sanctions/eu/journal/32006R0765.csv"))
    assert any("NAVUMAU" in name for e in entities for name in e["properties"].get("name", []))
    assert not Snapshot.objects.exists()
    broken = tmp_path / "32006R0765.csv"
    broken.write_text("celex,recordId\n1,2\n", encoding="utf-8")
    with pytest.raises(public.LocalListError, match="header"):
        public.read_eu_journal_file(str(broken))
