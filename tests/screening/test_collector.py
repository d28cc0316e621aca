"""A large index, once built or loaded, is left out of the cyclic garbage collector's walks, and a replaced index
is freed as before (docs/screening.md, "A large index is left out of the garbage collector's walks")."""

from __future__ import annotations

import gc
import pickle
import weakref
from collections.abc import Iterator
from functools import cache
from itertools import islice
from typing import Any

import pytest

from hramada.screening import Query, ScreeningIndex, screen
from hramada.screening import index as index_module
from tests.screening.conftest import bundled_entities


@cache
def _bundled() -> tuple[dict[str, Any], ...]:
    return tuple(islice(bundled_entities(), 1500))


def _walked() -> set[int]:
    """The ids of the objects the collector walks (every generation; frozen objects are in none)."""
    return {id(o) for o in gc.get_objects()}


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Whatever a test froze is walked again after it, and the collector is on as it was."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """An index of a few hundred names counts as large."""
    monkeypatch.setattr(index_module, "FROZEN_MIN_NAMES", 100)


def test_an_index_holds_no_reference_cycles(collector_restored: None) -> None:
    # Frozen objects are freed by reference counting alone: a replaced index must go without the collector.
    index = ScreeningIndex.from_entities(_bundled(), processes=1)
    screen(Query(name="Aliaksandr Lukashenka", schema="Person"), index)
    copy = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
    gc.collect()
    gc.disable()
    refs = [weakref.ref(index), weakref.ref(copy), weakref.ref(index._postings)]
    del index, copy
    assert [ref() for ref in refs] == [None, None, None]
    gc.enable()
    assert gc.collect() == 0  # nor anything under them (names, variants, postings) left in a cycle


def test_a_large_build_leaves_its_objects_out_of_the_walks(large: None, collector_restored: None) -> None:
    index = ScreeningIndex.from_entities(_bundled(), processes=1)
    assert index.name_count >= 100
    assert gc.isenabled()
    named = next(iter(index.names.values()))
    walked = _walked()
    assert gc.is_tracked(named.variants) and id(named.variants) not in walked
    assert id(index.names) not in walked and id(index.entities) not in walked
    assert gc.get_freeze_count() > index.name_count
    # Still the same index: it screens as one that was never frozen.
    gc.unfreeze()
    assert screen(Query(name=named.name, schema=index.entities[named.entity_id].schema), index)


def test_a_small_build_freezes_nothing(collector_restored: None) -> None:
    frozen = gc.get_freeze_count()
    index = ScreeningIndex.from_entities(_bundled()[:200], processes=1)
    assert index.name_count < index_module.FROZEN_MIN_NAMES
    assert gc.get_freeze_count() == frozen
    assert id(index.names) in _walked()


def test_a_caller_that_paused_the_collector_keeps_it_paused_and_unfrozen(
    large: None, collector_restored: None
) -> None:
    frozen = gc.get_freeze_count()
    gc.disable()
    index = ScreeningIndex.from_entities(_bundled(), processes=1)
    assert not gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert id(index.names) in _walked()


def test_a_failed_build_freezes_nothing(large: None, collector_restored: None) -> None:
    frozen = gc.get_freeze_count()

    def entities() -> Iterator[dict[str, Any]]:
        yield from _bundled()
        raise OSError("the list file went away mid-read")

    with pytest.raises(OSError, match="went away"):
        ScreeningIndex.from_entities(entities(), processes=1)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_bundled_lists_index_counts_as_large(bundled_index: ScreeningIndex) -> None:
    # What `make run` serves is left out of the walks: a full collection of it cost 0.7 s.
    assert bundled_index.name_count >= index_module.FROZEN_MIN_NAMES
