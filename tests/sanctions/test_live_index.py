"""The served screening index follows list changes from deltas, without a rebuild."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.sanctions import live_index
from hramada.sanctions.services import import_file
from hramada.screening import Query, screen


@pytest.fixture(autouse=True)
def fresh_index() -> Any:
    live_index.reset_screening_index()
    yield
    live_index.reset_screening_index()


@pytest.mark.django_db
def test_an_amendment_reaches_screening_through_its_delta(shared_data: Any, monkeypatch: Any) -> None:
    journal = shared_data / "sanctions/eu/journal"
    import_file("eu_journal", journal / "32006R0765.csv", by=None)
    before = live_index.screening_index()
    rebuilds = live_index.index_status()["rebuilds"]
    size = len(before)

    import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)
    monkeypatch.setattr(live_index, "FRESHNESS_SECONDS", 0.0)
    after = live_index.screening_index()

    status = live_index.index_status()
    assert status["rebuilds"] == rebuilds, "a one-snapshot step must be applied as a delta"
    assert status["updates"] >= 1
    assert after is not before, "the served index is replaced, never changed under readers"
    assert len(before) == size, "the previous index is left as it was for requests still using it"
    assert len(after) > size


@pytest.mark.django_db
def test_a_process_working_on_one_thread_takes_the_delta_in_place(shared_data: Any, monkeypatch: Any) -> None:
    """The task worker screens on one thread: copying the whole index before a delta buys it nothing."""
    from hramada.core import startup

    journal = shared_data / "sanctions/eu/journal"
    import_file("eu_journal", journal / "32006R0765.csv", by=None)
    before = live_index.screening_index()
    size, rebuilds = len(before), live_index.index_status()["rebuilds"]
    monkeypatch.setattr(startup, "_one_thread", True)
    copies: list[int] = []
    real_dumps = live_index.pickle.dumps
    monkeypatch.setattr(live_index.pickle, "dumps", lambda *a, **k: copies.append(1) or real_dumps(*a, **k))

    import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)
    monkeypatch.setattr(live_index, "FRESHNESS_SECONDS", 0.0)
    after = live_index.screening_index()

    assert after is before and len(after) > size, "the delta went into the index held"
    assert live_index.index_status()["rebuilds"] == rebuilds and copies == []


@pytest.mark.django_db
def test_screening_sees_a_party_added_by_an_amendment(shared_data: Any, monkeypatch: Any) -> None:
    from hramada.sanctions.importers import parse

    journal = shared_data / "sanctions/eu/journal"
    import_file("eu_journal", journal / "32006R0765.csv", by=None)
    live_index.screening_index()
    added = next(
        p for p in parse("eu_journal", journal / "amendment-32026R1846.csv") if p.schema != "Sanction"
    )
    name = added.values("name")[0]
    import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)
    monkeypatch.setattr(live_index, "FRESHNESS_SECONDS", 0.0)
    results = screen(Query(name=name, schema="LegalEntity"), live_index.screening_index())
    assert results and results[0].entity_id == added.id


@pytest.mark.django_db
def test_the_copy_for_a_delta_is_made_with_the_collector_paused_and_kept_out_of_its_walks(
    shared_data: Any, monkeypatch: Any
) -> None:
    """docs/screening.md, "A large index is left out of the garbage collector's walks": the copy is millions of
    objects at scale, which the collector would walk as they are made and at the first query after."""
    import gc

    from hramada.screening import index as engine_index

    journal = shared_data / "sanctions/eu/journal"
    import_file("eu_journal", journal / "32006R0765.csv", by=None)
    before = live_index.screening_index()
    # The journal's few thousand names count as large.
    monkeypatch.setattr(engine_index, "FROZEN_MIN_NAMES", 100)
    collecting_while_copied: list[bool] = []
    real_loads = live_index.pickle.loads

    def loads(*args: Any, **kwargs: Any) -> Any:
        collecting_while_copied.append(gc.isenabled())
        return real_loads(*args, **kwargs)

    monkeypatch.setattr(live_index.pickle, "loads", loads)
    import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)
    monkeypatch.setattr(live_index, "FRESHNESS_SECONDS", 0.0)
    try:
        after = live_index.screening_index()
        walked = {id(o) for o in gc.get_objects()}
        assert after is not before and collecting_while_copied == [False]
        assert gc.isenabled(), "the collector is on again after the copy"
        assert id(after.names) not in walked and id(after.entities) not in walked
        name = next(iter(after.names.values()))
        assert screen(Query(name=name.name, schema=after.entities[name.entity_id].schema), after)
    finally:
        gc.unfreeze()
