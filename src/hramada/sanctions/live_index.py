"""The screening index over every current list, held in each process and kept current from deltas.

This is where the sanctions store and the screening engine meet: `screening_index()` returns an engine
`ScreeningIndex` built from the latest snapshot of every source. When a new snapshot appears, only what its delta
changed is re-indexed (`changed_entities`), so a daily list update costs milliseconds, not a rebuild. Each web or
worker process holds its own copy, as the design's scale path says; a process that starts loads the copy stored by
the last one that built it (:mod:`hramada.sanctions.index_store`) when it was built from exactly the current lists.
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from hramada.core import startup
from hramada.sanctions import index_store, selectors
from hramada.sanctions.models import Snapshot
from hramada.screening import ScreeningIndex, load_readers
from hramada.screening.index import collector_paused

logger = logging.getLogger(__name__)


# How often a process asks the database whether a list changed. A new snapshot is screened against at most this
# many seconds after its import commits; in exchange a screening request costs no query for it.
FRESHNESS_SECONDS = 2.0


@dataclass
class _State:
    index: ScreeningIndex | None = None
    snapshot_by_source: dict[str, int] = field(default_factory=dict)
    built_at: float = 0.0
    build_seconds: float = 0.0
    checked_at: float = 0.0
    rebuilds: int = 0
    updates: int = 0
    store_when_built: bool = True


_state = _State()
_lock = threading.Lock()


def _current_snapshots() -> dict[str, Snapshot]:
    return {snapshot.source.key: snapshot for snapshot in selectors.latest_snapshots()}


def screening_index() -> ScreeningIndex:
    """The index of every current list; brought up to date first if a list changed since the last check."""
    if _state.index is not None and time.monotonic() - _state.checked_at < FRESHNESS_SECONDS:
        return _state.index
    current = _current_snapshots()
    wanted = {key: snapshot.pk for key, snapshot in current.items()}
    if _state.index is not None and wanted == _state.snapshot_by_source:
        _state.checked_at = time.monotonic()
        return _state.index
    with _lock:
        _bring_up_to_date(current, wanted)
        if _state.index is None:
            raise RuntimeError("the screening index could not be built")
        return _state.index


def _bring_up_to_date(
    current: dict[str, Snapshot], wanted: dict[str, int], *, in_place: bool = False
) -> None:
    """Under the lock: load or build a first index, or apply the lists' deltas to the one held."""
    if _state.index is None or _state.snapshot_by_source == {}:
        _load_or_rebuild(current, wanted)
    elif wanted != _state.snapshot_by_source:
        _update(current, wanted, in_place=in_place)
    _state.checked_at = time.monotonic()


def screening_index_now() -> ScreeningIndex:
    """The index brought up to date with the database now, without waiting for the freshness interval (a job
    that reacts to a list change must screen against that very change)."""
    _state.checked_at = 0.0
    return screening_index()


def _load_or_rebuild(current: dict[str, Snapshot], wanted: dict[str, int]) -> None:
    """A process's first index: the stored one when it was built from exactly these lists by this code (see
    :mod:`hramada.sanctions.index_store`), else built here and stored for the processes that start next."""
    started = time.perf_counter()
    stored = index_store.load(current.values())
    if stored is not None and stored.snapshot_by_source == wanted:
        _state.index = stored.index
        _state.snapshot_by_source = dict(wanted)
        _state.rebuilds += 1
        _state.build_seconds = time.perf_counter() - started
        _state.built_at = time.time()
        logger.info("screening index loaded: %d entities in %.1f s", len(stored.index), _state.build_seconds)
        return
    _rebuild(wanted)
    if _state.store_when_built and _state.index is not None and _state.snapshot_by_source == wanted:
        index_store.save(_state.index, current.values())


def store_only_when_asked() -> None:
    """This process stores its index only through :func:`store_screening_index` (bootstrap: the demo steps change
    the lists after the first build, so storing then would be written again at the end)."""
    _state.store_when_built = False


def store_screening_index(say: Callable[[str], None]) -> None:
    """Bootstrap step, the last: store the index as it stands after every list and demo step, unless the stored
    one already matches, so the web and task workers that start next load it instead of each building it."""
    if not selectors.latest_snapshot_ids():
        return
    with _lock:
        current = _current_snapshots()
        wanted = {key: snapshot.pk for key, snapshot in current.items()}
        if _state.index is None and index_store.is_current(current.values()):
            say("Screening index: the stored one is current.")  # a second start: nothing to load or write
            return
        # Bootstrap screens on no other thread, so the demo's list changes need no copy-on-write here.
        _bring_up_to_date(current, wanted, in_place=True)
        index = _state.index
    if index is None or wanted != _state.snapshot_by_source:
        say("Screening index: not current; the server's processes build their own.")
        return
    if index_store.is_current(current.values()):
        say(f"Screening index: the stored one is current ({len(index)} entities).")
        return
    path = index_store.save(index, current.values())
    if path is not None:
        say(f"Screening index: stored in {path} ({len(index)} entities).")


def _rebuild(wanted: dict[str, int]) -> None:
    started = time.perf_counter()
    index = ScreeningIndex.from_entities(selectors.current_entities(subjects_only=False))
    _state.index = index
    _state.snapshot_by_source = dict(wanted)
    _state.rebuilds += 1
    _state.build_seconds = time.perf_counter() - started
    _state.built_at = time.time()
    logger.info("screening index built: %d entities in %.1f s", len(index), _state.build_seconds)


def _update(current: dict[str, Snapshot], wanted: dict[str, int], *, in_place: bool = False) -> None:
    """Apply each changed source's delta; a source that vanished or jumped more than one snapshot is rebuilt.

    The engine's index must not change while other threads screen with it, so the delta goes into a copy that
    replaces the served index in one assignment (copy-on-write: about 2 s for every bundled list, against 5 s for
    a rebuild; requests meanwhile keep screening against the previous lists). ``in_place``, or a process that
    works on one thread (the task worker: ``core.startup.work_on_one_thread``): no other thread screens, so the
    delta goes into the index itself, without the copy; should it fail half-way, the index is dropped.
    """
    if _state.index is None:
        _rebuild(wanted)
        return
    if in_place or startup.works_on_one_thread():
        try:
            _apply_deltas(_state.index, current, wanted)
        except BaseException:
            reset_screening_index_unlocked()
            raise
        return
    index = _copy(_state.index)
    _apply_deltas(index, current, wanted)


def _copy(index: ScreeningIndex) -> ScreeningIndex:
    """A copy of ``index`` through pickle, made with the cyclic garbage collector paused (the copy is millions of
    objects that all live on: the collector would walk them again and again as they are made) and, a large one,
    left out of its walks after (the engine's `keep_out_of_collector`)."""
    with collector_paused():
        copy: ScreeningIndex = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
    copy.keep_out_of_collector()
    return copy


def _apply_deltas(index: ScreeningIndex, current: dict[str, Snapshot], wanted: dict[str, int]) -> None:
    applied = dict(_state.snapshot_by_source)
    for key, snapshot in current.items():
        held = applied.get(key)
        if held == snapshot.pk:
            continue
        previous = selectors.previous_snapshot(snapshot)
        if held is not None and (previous is None or previous.pk != held):
            _rebuild(wanted)
            return
        changes = selectors.changed_entities(snapshot)
        for entity_id in changes.removed_ids:
            index.remove(entity_id)
        for data in changes.upserted:
            index.replace(data)
        applied[key] = snapshot.pk
    if set(applied) - set(wanted):
        _rebuild(wanted)
        return
    _state.index = index
    _state.snapshot_by_source = applied
    _state.updates += 1
    logger.info("screening index updated from deltas: %d entities", len(index))


def screening_index_if_listed() -> None:
    """Build or load the index now if any list is imported (the start-up warm-up; an empty install builds nothing),
    then load what reading a name loads on first use: a build has read every listed name, a stored index none, and
    the first query would wait for it (about six seconds; docs/screening.md, "A stored index and the first query").
    Outside the index's lock: a request that needs the index does not wait for the readers."""
    if selectors.latest_snapshot_ids():
        screening_index()
        started = time.perf_counter()
        load_readers()
        logger.info("name readers loaded in %.1f s", time.perf_counter() - started)


def current_snapshot_ids() -> list[int]:
    """The snapshots the index was built from (brought up to date first, as for a screening): the current
    snapshot of every list, without reading the snapshot table on every request."""
    screening_index()
    return sorted(_state.snapshot_by_source.values())


def index_built() -> bool:
    """Whether this process holds an index (it may be a few seconds behind a list import; see above)."""
    return _state.index is not None


def index_status() -> dict[str, object]:
    """What the index holds, for /catalog and the screening page."""
    index = _state.index
    return {
        "entities": len(index) if index is not None else 0,
        "names": index.name_count if index is not None else 0,
        "snapshots": dict(_state.snapshot_by_source),
        "built_at": _state.built_at,
        "build_seconds": round(_state.build_seconds, 2),
        "rebuilds": _state.rebuilds,
        "updates": _state.updates,
    }


def reset_screening_index() -> None:
    """Forget the index (tests, and after a restore of the database)."""
    with _lock:
        reset_screening_index_unlocked()


def reset_screening_index_unlocked() -> None:
    _state.index = None
    _state.snapshot_by_source = {}
    _state.checked_at = 0.0
    _state.store_when_built = True


def current_records(entity_ids: list[str]) -> dict[str, dict[str, object]]:
    """The published FtM records of these ids in the current snapshots (first source wins on a shared id)."""
    from hramada.sanctions.models import SnapshotEntity

    if not entity_ids:
        return {}
    snapshot_ids = {pk: key for key, pk in _state.snapshot_by_source.items()}
    if not snapshot_ids:
        snapshot_ids = {snapshot.pk: snapshot.source.key for snapshot in selectors.latest_snapshots()}
    found: dict[str, dict[str, object]] = {}
    rows = (
        SnapshotEntity.objects.filter(snapshot_id__in=list(snapshot_ids), entity_id__in=entity_ids)
        .order_by("snapshot_id")
        .values_list("entity_id", "snapshot_id", "version__data")
    )
    for entity_id, snapshot_id, data in rows:
        if entity_id not in found:
            record = dict(data)
            record["datasets"] = [snapshot_ids[snapshot_id]]
            found[entity_id] = record
    return found
