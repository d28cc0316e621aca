"""The stored screening index: loaded only when built from exactly the current lists by the same code; a stale,
altered or foreign file is never served."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from hramada.core import crypto
from hramada.sanctions import index_store, live_index, selectors
from hramada.sanctions.models import EntityVersion
from hramada.sanctions.services import import_file
from hramada.screening import Query, ScreeningIndex, screen


@pytest.fixture(autouse=True)
def fresh_index() -> Any:
    live_index.reset_screening_index()
    yield
    live_index.reset_screening_index()


@pytest.fixture
def store(tmp_path: Path) -> Any:
    path = tmp_path / "var" / "screening-index.bin"
    with override_settings(HRAMADA_SCREENING_INDEX_FILE=str(path)):
        yield path


def _journal(shared_data: Path) -> Path:
    return shared_data / "sanctions/eu/journal"


def _build_in_a_new_process() -> dict[str, Any]:
    """What a process that starts now does: forget its index and ask for one."""
    live_index.reset_screening_index()
    live_index.screening_index()
    return live_index.index_status()


@pytest.mark.django_db
def test_the_first_process_stores_the_index_and_the_next_loads_it(
    shared_data: Path, store: Path, monkeypatch: Any
) -> None:
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    built = live_index.screening_index()
    assert store.is_file(), "a process that built the index stores it"
    assert b"Lukash" not in store.read_bytes(), "the stored index is encrypted"

    def no_build(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the stored index matches the lists: it must be loaded, not built")

    monkeypatch.setattr(live_index, "_rebuild", no_build)
    status = _build_in_a_new_process()
    loaded = live_index.screening_index()
    assert loaded is not built
    assert len(loaded) == len(built)
    assert status["snapshots"] == {s.source.key: s.pk for s in selectors.latest_snapshots()}
    name = EntityVersion.objects.filter(schema="Person").order_by("pk").first().data["properties"]["name"][0]
    first = screen(Query(name=name), built)
    again = screen(Query(name=name), loaded)
    assert first, "a listed name is found"
    assert [(r.entity_id, r.score) for r in again] == [(r.entity_id, r.score) for r in first]


@pytest.mark.django_db
def test_a_large_loaded_index_is_kept_out_of_the_collectors_walks(
    shared_data: Path, store: Path, monkeypatch: Any
) -> None:
    """Unpickled with the collector paused, its objects would all be walked at the first query after
    (docs/screening.md, "A large index is left out of the garbage collector's walks")."""
    import gc

    from hramada.screening import index as engine_index

    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    live_index.screening_index()
    monkeypatch.setattr(engine_index, "FROZEN_MIN_NAMES", 100)

    def no_build(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the stored index matches the lists: it must be loaded, not built")

    monkeypatch.setattr(live_index, "_rebuild", no_build)
    try:
        _build_in_a_new_process()
        loaded = live_index.screening_index()
        walked = {id(o) for o in gc.get_objects()}
        assert gc.isenabled()
        assert id(loaded.names) not in walked and id(loaded.entities) not in walked
    finally:
        gc.unfreeze()


@pytest.mark.django_db
def test_a_new_snapshot_makes_the_stored_index_stale(shared_data: Path, store: Path) -> None:
    journal = _journal(shared_data)
    import_file("eu_journal", journal / "32006R0765.csv", by=None)
    before = len(live_index.screening_index())
    old = selectors.latest_snapshots()
    assert index_store.is_current(old)

    import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)
    new = selectors.latest_snapshots()
    assert not index_store.is_current(new), "an index of the previous lists is stale"
    assert index_store.load(new) is None
    status = _build_in_a_new_process()
    assert status["snapshots"] == {s.source.key: s.pk for s in new}
    assert len(live_index.screening_index()) > before, "the new lists were built, not the stored old ones"
    assert index_store.is_current(new), "the process that rebuilt stored the index of the new lists"


@pytest.mark.django_db
def test_the_same_ids_in_another_database_are_not_the_same_lists(shared_data: Path, store: Path) -> None:
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    live_index.screening_index()
    snapshots = selectors.latest_snapshots()
    snapshot = snapshots[0]
    snapshot.imported_at = snapshot.imported_at.replace(year=snapshot.imported_at.year - 1)
    assert not index_store.is_current([snapshot]), "a database reset re-uses ids; the import time tells"


@pytest.mark.django_db
def test_other_screening_code_makes_the_stored_index_stale(
    shared_data: Path, store: Path, monkeypatch: Any
) -> None:
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    live_index.screening_index()
    snapshots = selectors.latest_snapshots()
    assert index_store.is_current(snapshots)
    monkeypatch.setattr(index_store, "code_version", lambda: "another engine")
    assert index_store.load(snapshots) is None


@pytest.mark.django_db
def test_an_altered_or_foreign_file_is_refused_and_rebuilt(shared_data: Path, store: Path) -> None:
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    live_index.screening_index()
    snapshots = selectors.latest_snapshots()
    blob = bytearray(store.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    store.write_bytes(bytes(blob))
    assert index_store.load(snapshots) is None, "an altered file is never unpickled"

    other_ring = crypto.generate_keyring()
    live_index.reset_screening_index()
    live_index.screening_index()
    assert index_store.is_current(snapshots), "the rebuilding process replaced the altered file"
    assert index_store.load(snapshots) is not None
    store.write_bytes(crypto.encrypt_bytes(b"\x00\x00\x00\x02{}", label=index_store.LABEL, ring=other_ring))
    assert index_store.load(snapshots) is None, "a file under another installation's key is refused"


@pytest.mark.django_db
def test_no_file_configured_stores_nothing(shared_data: Path, tmp_path: Path) -> None:
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    with override_settings(HRAMADA_SCREENING_INDEX_FILE=""):
        live_index.screening_index()
        assert index_store.load(selectors.latest_snapshots()) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_the_bootstrap_step_stores_the_index_after_the_demo_changes(shared_data: Path, store: Path) -> None:
    journal = _journal(shared_data)
    import_file("eu_journal", journal / "32006R0765.csv", by=None)
    live_index.screening_index()
    import_file("eu_journal", journal / "amendment-32026R1846.csv", by=None)  # after the index was built
    said: list[str] = []
    updates = live_index.index_status()["updates"]  # counted for the process's life, other tests included
    live_index.store_screening_index(said.append)
    assert index_store.is_current(selectors.latest_snapshots())
    assert "stored" in said[-1]
    assert live_index.index_status()["updates"] == updates + 1, (
        "the amendment went in as a delta, not a rebuild"
    )
    stored = index_store.load(selectors.latest_snapshots())
    rebuilt = ScreeningIndex.from_entities(selectors.current_entities(subjects_only=False))
    assert stored is not None and len(stored.index) == len(rebuilt)
    assert set(stored.snapshot_by_source.values()) == {s.pk for s in selectors.latest_snapshots()}
    live_index.store_screening_index(said.append)
    assert "current" in said[-1], "a second start finds the stored index current and writes nothing"
    live_index.reset_screening_index()
    written = store.stat().st_mtime_ns
    live_index.store_screening_index(said.append)
    assert "current" in said[-1]
    assert not live_index.index_built(), "a new process checks the stored index without loading it"
    assert store.stat().st_mtime_ns == written


@pytest.mark.django_db
def test_bootstrap_stores_the_index_once_at_its_last_step(shared_data: Path, store: Path) -> None:
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    live_index.store_only_when_asked()
    live_index.screening_index()
    assert not store.exists(), "the demo steps may still change the lists: nothing stored at the first build"
    said: list[str] = []
    live_index.store_screening_index(said.append)
    assert index_store.is_current(selectors.latest_snapshots())


@pytest.mark.django_db
def test_the_warm_up_loads_the_name_readers_once_the_stored_index_is_loaded(
    shared_data: Path, store: Path, monkeypatch: Any
) -> None:
    """A stored index holds no reader of names: without the warm-up loading them, a process's first query of a
    person would wait for rigour's tagger (about six seconds). They are loaded after the index, outside its lock,
    so a request that only needs the index never waits for them."""
    import_file("eu_journal", _journal(shared_data) / "32006R0765.csv", by=None)
    live_index.screening_index()
    assert store.is_file()
    live_index.reset_screening_index()  # a process that starts now
    seen: list[tuple[bool, bool]] = []

    def readers() -> None:
        seen.append((live_index.index_built(), live_index._lock.locked()))

    monkeypatch.setattr(live_index, "load_readers", readers)
    live_index.screening_index_if_listed()
    assert seen == [(True, False)], "readers loaded once, after the index, with the index's lock free"


@pytest.mark.django_db
def test_an_install_with_no_list_loads_no_readers(monkeypatch: Any) -> None:
    called: list[bool] = []
    monkeypatch.setattr(live_index, "load_readers", lambda: called.append(True))
    live_index.screening_index_if_listed()
    assert called == []
