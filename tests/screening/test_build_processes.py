"""A large build reads its names in several processes, and the index is the one a single process builds
(docs/screening.md, "A large build reads names in several processes")."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from itertools import islice
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from hramada.screening import Query, ScreeningIndex, screen
from hramada.screening import index as index_module
from tests.screening.conftest import bundled_entities


@cache
def _bundled() -> tuple[dict[str, Any], ...]:
    return tuple(islice(bundled_entities(), 3000))


def _some_bundled(count: int) -> list[dict[str, Any]]:
    return list(_bundled()[:count])


def _same_index(a: ScreeningIndex, b: ScreeningIndex) -> None:
    assert a.entities == b.entities
    assert a.names == b.names  # the same names, ids, variants, in the same order
    ours, theirs = a._postings.__getstate__(), b._postings.__getstate__()
    assert ours.keys() == theirs.keys()
    for field, value in ours.items():
        if isinstance(value, np.ndarray):
            assert np.array_equal(value, theirs[field]), field
        else:
            assert value == theirs[field], field


@pytest.fixture
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build of a few thousand names counts as large, in chunks of a hundred."""
    monkeypatch.setattr(index_module, "PARALLEL_BUILD_MIN_NAMES", 500)
    monkeypatch.setattr(index_module, "BUILD_CHUNK", 100)


def test_names_read_by_another_process_build_the_index_one_process_builds(
    small_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    entities = _some_bundled(2500)
    alone = ScreeningIndex.from_entities(entities, processes=1)
    readers: list[index_module._BuildReaders] = []
    read_here = index_module._BuildReaders.variants

    def variants(self: index_module._BuildReaders, name: str, kind: str) -> tuple[Any, ...]:
        if not readers:  # the first name waits until another process has read the last chunk
            readers.append(self)
            wait([f for f in self._futures[-1:] if f is not None])
        return read_here(self, name, kind)

    monkeypatch.setattr(index_module._BuildReaders, "variants", variants)
    shared = ScreeningIndex.from_entities(entities, processes=2)
    assert readers[0].read_elsewhere >= 1
    _same_index(alone, shared)
    for entity in entities[::250]:
        for name in (entity.get("properties") or {}).get("name", [])[:1]:
            query = Query(name=name, schema=str(entity["schema"]))
            assert screen(query, shared) == screen(query, alone)


class _BrokenPool:
    """Stands for a pool whose processes died: nothing submitted is begun here nor can be taken back."""

    started: list[int] = []

    def __init__(self, workers: int, mp_context: object = None) -> None:
        self.started.append(workers)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_running_or_notify_cancel()  # begun: cannot be cancelled
        future.set_exception(BrokenProcessPool("a process of the pool ended abruptly"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_a_broken_pool_leaves_the_names_to_the_building_process(
    small_threshold: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    entities = _some_bundled(1500)
    alone = ScreeningIndex.from_entities(entities, processes=1)
    _BrokenPool.started = []
    monkeypatch.setattr(index_module, "ProcessPoolExecutor", _BrokenPool)
    with caplog.at_level(logging.WARNING, logger="hramada.screening.index"):
        built = ScreeningIndex.from_entities(entities, processes=3)
    assert _BrokenPool.started == [2]
    _same_index(alone, built)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # said once, not once per chunk
    assert "one process" in warnings[0] and "BrokenProcessPool" in warnings[0]


def test_a_pool_that_cannot_start_leaves_the_names_to_the_building_process(
    small_threshold: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError("Resource temporarily unavailable")

    entities = _some_bundled(1200)
    alone = ScreeningIndex.from_entities(entities, processes=1)
    monkeypatch.setattr(index_module, "ProcessPoolExecutor", no_processes)
    with caplog.at_level(logging.WARNING, logger="hramada.screening.index"):
        built = ScreeningIndex.from_entities(entities, processes=2)
    _same_index(alone, built)
    assert "every name in one process" in caplog.text


def test_a_small_build_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a small build started other processes")

    monkeypatch.setattr(index_module, "ProcessPoolExecutor", refused)
    index = ScreeningIndex.from_entities(_some_bundled(300), processes=8)
    assert index.name_count > 0


@pytest.mark.parametrize(
    ("configured", "expected"),
    [("3", 3), (" 2 ", 2), ("1", 1), ("0", 1), ("-4", 1), ("many", 1), ("2.5", 1)],
)
def test_the_setting_says_how_many_processes_read(
    configured: str, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(index_module.BUILD_PROCESSES_ENV, configured)
    assert index_module.build_processes() == expected


def test_unset_the_cores_read_and_a_daemonic_process_reads_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(index_module.BUILD_PROCESSES_ENV, raising=False)
    monkeypatch.setattr(index_module.os, "sched_getaffinity", lambda pid: set(range(32)), raising=False)
    assert index_module.build_processes() == index_module.BUILD_PROCESSES_MOST
    monkeypatch.setattr(index_module.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert index_module.build_processes() == 1
    monkeypatch.setattr(index_module.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert index_module.build_processes() == 2
    monkeypatch.setenv(index_module.BUILD_PROCESSES_ENV, "4")
    monkeypatch.setattr(index_module.multiprocessing, "current_process", lambda: SimpleNamespace(daemon=True))
    assert index_module.build_processes() == 1
