"""In-memory candidate index over every name of every listed entity, updatable from deltas.

The retrieval keys of a name and the counting of the names a query's keys bring into play are
:mod:`hramada.screening.retrieval`'s (compiled with the engine). Keys carried by very many names (`p:alek`, `t:ali`)
say little and are skipped when rarer keys exist, which keeps a query at a few thousand name ids, counted over
the sorted id arrays of :mod:`hramada.screening.postings`.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import math
import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, Final

import numpy as np

from hramada.screening.entities import ListedEntity, is_matchable, normalize_identifier
from hramada.screening.equivalence import default_table
from hramada.screening.keys import fold, latin_ascii
from hramada.screening.names import (
    NameKind,
    NameVariant,
    cut_short,
    load_query_tables,
    name_variants,
    with_weights,
)
from hramada.screening.postings import Postings
from hramada.screening.retrieval import (
    KEY_WEIGHTS,
    MAX_POSTING,
    listed_entries,
    names_in_play,
    part_keys,
    variant_keys,
)

logger = logging.getLogger(__name__)

BUILD_PROCESSES_ENV: Final = "HRAMADA_SCREENING_BUILD_PROCESSES"
BUILD_PROCESSES_MOST: Final = 8
PARALLEL_BUILD_MIN_NAMES: Final = 100_000
BUILD_CHUNK: Final = 2_000
"""A build of PARALLEL_BUILD_MIN_NAMES distinct names or more reads them in several processes, BUILD_CHUNK names
at a time (`_BuildReaders`); a smaller one is over before other processes would have started."""

FROZEN_MIN_NAMES: Final = 20_000
"""An index of FROZEN_MIN_NAMES names or more, once built or loaded, is left out of the cyclic garbage collector's
walks (`ScreeningIndex.keep_out_of_collector`): walking its millions of objects cost the first query after a build
at 16 times the lists 4.2 s, and every later full collection seconds more; the bundled lists' index (about 45,000
names) 0.7 s a full collection, which a process screening 3,000 names met once and screened a fifth slower for."""

CUT_OPENING_MIN: Final = 3
CUT_OPENINGS_MOST: Final = 8
"""Listed words the last part of a name cut short by its field (`names.cut_short`) may open for it to look them up,
when that part has CUT_OPENING_MIN letters or more and is no listed word itself: Belaruska opens Belaruskali; Bel
opens hundreds, and tells nothing."""

RARE_NAMES = 20
RARITY_SLOPE = 0.2
RARITY_FLOOR = 0.4
"""See `ScreeningIndex.rarity`: a part on 200 names counts 0.8, on 2,000 names 0.6."""
GLUED_MIN = 10
GLUED_MAX = 60
GLUED_PART_MAX = 16
"""A query word this long with no spaces may be a whole name glued together (see `ScreeningIndex.split_glued`)."""


def name_kind(schema: str) -> str:
    if schema == "Person":
        return NameKind.PERSON
    if schema in ("Vessel", "Airplane"):
        return NameKind.CRAFT
    if schema in ("CryptoWallet", "Security"):
        return NameKind.OTHER
    return NameKind.ORGANIZATION


def listed_keys(variants: Iterable[NameVariant]) -> set[str]:
    """The retrieval keys a listed name is filed under: those of `variant_keys` (not a query), without their
    weights, which only a query uses (the build's hot path: one set, no weight per key)."""
    return listed_entries(variants, part_keys, str)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while the block makes millions of objects that all live on (a build, an
    unpickled or copied index): it would walk them again and again as they are made and find nothing to free. On
    again after, if it was on before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


_DOCUMENT_SCHEMATA: Final = frozenset({"Passport", "Identification"})
_POINTER_SCHEMATA: Final = frozenset({"Sanction", *_DOCUMENT_SCHEMATA})
"""Entities that point at a listed one (`ScreeningIndex.add` keeps what they say about it)."""


def build_processes() -> int:
    """How many processes a large build reads names in, this one included: `HRAMADA_SCREENING_BUILD_PROCESSES`, else
    the cores this process may use (BUILD_PROCESSES_MOST at most); 1 when a daemonic process builds (it may not
    start others)."""
    if multiprocessing.current_process().daemon:
        return 1
    configured = os.environ.get(BUILD_PROCESSES_ENV, "").strip()
    if configured:
        try:
            return max(1, int(configured))
        except ValueError:
            logger.warning(
                "%s=%r is no number of processes: the build reads names in one",
                BUILD_PROCESSES_ENV,
                configured,
            )
            return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(BUILD_PROCESSES_MOST, cores))


def _read_chunk(names: list[tuple[str, str]]) -> list[tuple[NameVariant, ...]]:
    """The variants of a chunk of names, in another process (`_BuildReaders`)."""
    gc.disable()  # as in the build: everything made here is sent back, nothing freed before
    return [name_variants(name, kind) for name, kind in names]


class _BuildReaders:
    """The variants of a large build's names, read by other processes from the end of the list of names while the
    building process reads them from the start as it files them (docs/screening.md, "A large build reads names
    in several processes").

    The distinct names are cut into chunks of BUILD_CHUNK in the order the build meets them; the chunks are handed
    to the other processes last first. When the build needs a name of a chunk no process has begun, the chunk is
    taken back and its names are read here as they come; a chunk begun elsewhere is waited for. Whatever goes
    wrong in the other processes, the names are read here: the index is the same as one process builds.
    """

    def __init__(self, names: list[tuple[str, str]], processes: int) -> None:
        self._chunk_of: dict[tuple[str, str], int] = {}
        self._chunks: list[list[tuple[str, str]]] = []
        self._futures: list[Future[list[tuple[NameVariant, ...]]] | None] = []
        self._read: dict[tuple[str, str], tuple[NameVariant, ...]] = {}
        self._pool: ProcessPoolExecutor | None = None
        self.read_elsewhere = 0
        """Chunks another process read."""
        if processes < 2 or len(names) < PARALLEL_BUILD_MIN_NAMES:
            return  # no chunks: every name is read here
        distinct = list(dict.fromkeys(names))
        if len(distinct) < PARALLEL_BUILD_MIN_NAMES:
            return
        self._chunks = [
            distinct[start : start + BUILD_CHUNK] for start in range(0, len(distinct), BUILD_CHUNK)
        ]
        self._futures = [None] * len(self._chunks)
        try:
            # Started fresh, not forked: a fork would copy the caller's threads' locks (a server's, a task worker's).
            self._pool = ProcessPoolExecutor(processes - 1, mp_context=multiprocessing.get_context("spawn"))
            for number in range(len(self._chunks) - 1, 0, -1):  # the first chunk is read here at once
                self._futures[number] = self._pool.submit(_read_chunk, self._chunks[number])
        except (OSError, RuntimeError) as error:
            logger.warning("the build reads every name in one process: %s", error)
            self._close()
            self._futures = [None] * len(self._chunks)
            return
        for number, chunk in enumerate(self._chunks):
            for name in chunk:
                self._chunk_of[name] = number

    def variants(self, name: str, kind: str) -> tuple[NameVariant, ...]:
        """`name_variants(name, kind)`, read here or by another process."""
        key = (name, kind)
        found = self._read.pop(key, None)
        if found is not None:
            return found
        number = self._chunk_of.get(key)
        future = self._futures[number] if number is not None else None
        if number is not None and future is not None:
            self._futures[number] = None
            if not future.cancel():  # begun elsewhere: its names come back read
                try:
                    self._read.update(zip(self._chunks[number], future.result(), strict=True))
                    self.read_elsewhere += 1
                except Exception as error:
                    # A process or its pipe broke (or raised what reading here will raise again): the names left
                    # are read here, and the other processes stop.
                    logger.warning("the build reads the rest of its names in one process: %r", error)
                    self._futures = [None] * len(self._futures)
                    self._close()
                found = self._read.pop(key, None)
                if found is not None:
                    return found
        return name_variants(name, kind)

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> _BuildReaders:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._chunks:
            logger.info(
                "the build read %d of %d chunks of names in other processes",
                self.read_elsewhere,
                len(self._chunks),
            )
        self._close()


@dataclass(frozen=True, slots=True)
class IndexedName:
    entity_id: str
    name: str
    variants: tuple[NameVariant, ...]


class ScreeningIndex:
    """Names, identifiers and sanctions of listed entities, with add/remove/replace and delta updates."""

    def __init__(self) -> None:
        self.entities: dict[str, ListedEntity] = {}
        self.names: dict[int, IndexedName] = {}
        self._postings = Postings()
        self._entity_names: dict[str, list[int]] = {}
        self._identifiers: dict[str, set[str]] = defaultdict(set)
        self._sanctions: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(dict)
        self._documents: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        self._pointers: dict[str, set[str]] = defaultdict(set)
        """Sanction or document id -> the entities it points at, so removing it is not a scan."""
        self._next_name_id = 0
        self._part_rows: dict[str, tuple[int, ...]] = {}
        """Before the postings' build: the rows of each name part's keys (see `_listed_rows`)."""

    @classmethod
    def from_entities(
        cls, entities: Iterable[Mapping[str, Any]], processes: int | None = None
    ) -> ScreeningIndex:
        """Build from FtM entity dicts (any schemata; non-matchable ones are kept only as sanctions).

        A large build reads its names in `processes` processes, this one included (`build_processes()` when None;
        see `_BuildReaders`): the index is the same whatever their number."""
        index = cls()
        # The collector would cost about a tenth of the build's CPU, walking what the build makes.
        with collector_paused():
            # Entities read first (sanctions and documents kept as they come, in their place), so that the names
            # to read are known before the first is filed.
            records: list[ListedEntity | Mapping[str, Any]] = []
            for data in entities:
                schema = str(data.get("schema", ""))
                if schema in _POINTER_SCHEMATA:
                    records.append(data)
                elif is_matchable(schema):
                    records.append(ListedEntity.from_ftm(data))
            processes = build_processes() if processes is None else processes
            names = [
                (name, name_kind(record.schema))
                for record in (records if processes > 1 else ())
                if isinstance(record, ListedEntity)
                for name in record.names
            ]
            with _BuildReaders(names, processes) as readers:
                for record in records:
                    if isinstance(record, ListedEntity):
                        index._add_listed(record, readers.variants)
                    else:
                        index.add(record)
            index._postings.build()
            index._part_rows = {}
            load_query_tables()
        index.keep_out_of_collector()
        return index

    def keep_out_of_collector(self) -> None:
        """Move every object of this process that the cyclic garbage collector tracks, a large index's included,
        out of its walks (`gc.freeze`), when the index holds FROZEN_MIN_NAMES names or more and the collector is on.

        A build (or an unpickling) makes millions of objects with the collector paused; they all live as long as
        the index, and the collector, once on again, would walk every one of them at its next collections (the
        first query after a build at 16 times the lists waited 4.2 s for them) and again at every full collection.
        Frozen objects are still freed as usual when nothing refers to them any more: an index holds no reference
        cycles (tests/screening/test_collector.py), so a replaced index goes as it did. What the collector could
        still have freed at that moment, a cycle already unreachable, stays: a few objects per build.
        """
        if self.name_count >= FROZEN_MIN_NAMES and gc.isenabled():
            gc.freeze()

    def __len__(self) -> int:
        return len(self.entities)

    @property
    def name_count(self) -> int:
        return len(self.names)

    def add(self, data: Mapping[str, Any]) -> None:
        """Add one FtM entity dict; an entity with the same id is replaced."""
        schema = str(data.get("schema", ""))
        if schema == "Sanction":
            self._add_sanction(data)
            return
        if schema in _DOCUMENT_SCHEMATA:
            self._add_document(data)
            return
        if not is_matchable(schema):
            return
        self._add_listed(ListedEntity.from_ftm(data))

    def _add_listed(
        self,
        entity: ListedEntity,
        variants_of: Callable[[str, str], tuple[NameVariant, ...]] = name_variants,
    ) -> None:
        """Add one entity read from its FtM dict (`add`); `variants_of(name, kind)` reads a name's variants, as
        `name_variants` does (during a large build, maybe in another process: `_BuildReaders`)."""
        if entity.id in self.entities:
            self.remove(entity.id)
        documents = self._documents.get(entity.id)
        if documents:
            merged = tuple(dict.fromkeys(entity.identifiers + tuple(documents.values())))
            entity = dataclasses.replace(entity, identifiers=merged)
        self.entities[entity.id] = entity
        kind = name_kind(entity.schema)
        ids: list[int] = []
        for name in entity.names:
            variants = variants_of(name, kind)
            if not variants:
                continue
            name_id = self._next_name_id
            self._next_name_id += 1
            self.names[name_id] = IndexedName(entity.id, name, variants)
            ids.append(name_id)
            if self._postings.filing_rows:
                self._postings.file_rows(name_id, self._listed_rows(variants))
            else:
                self._postings.file(name_id, listed_keys(variants))
        self._entity_names[entity.id] = ids
        for _, value in entity.identifiers:
            self._identifiers[value].add(entity.id)

    def _listed_rows(self, variants: tuple[NameVariant, ...]) -> set[int]:
        """The postings' rows of `listed_keys(variants)`, while the postings are filed by row (the build).

        Names share their parts (given names, surnames, organisation words): the keys of each part are looked up
        once, not once per name (a fifth of the build's CPU at 16 times the lists).
        """
        return listed_entries(variants, self._part_rows_of, self._postings.key_row)

    def _part_rows_of(self, part: str) -> tuple[int, ...]:
        found = self._part_rows.get(part)
        if found is None:
            found = self._part_rows[part] = self._postings.key_rows(part_keys(part))
        return found

    def _add_document(self, data: Mapping[str, Any]) -> None:
        """Passports and ID cards are separate FtM entities pointing at their holder; their numbers join the holder."""
        props: Mapping[str, list[str]] = data.get("properties") or {}
        kind = "passport" if data.get("schema") == "Passport" else "national_id"
        numbers = [normalize_identifier(str(v)) for v in props.get("number", [])]
        for holder in props.get("holder", []):
            for number in numbers:
                if not number:
                    continue
                self._documents[str(holder)][str(data["id"])] = (kind, number)
                self._pointers[str(data["id"])].add(str(holder))
                entity = self.entities.get(str(holder))
                if entity is not None and (kind, number) not in entity.identifiers:
                    self.entities[entity.id] = dataclasses.replace(
                        entity, identifiers=(*entity.identifiers, (kind, number))
                    )
                    self._identifiers[number].add(entity.id)

    def _add_sanction(self, data: Mapping[str, Any]) -> None:
        props: Mapping[str, list[str]] = data.get("properties") or {}
        self.remove(str(data["id"]))  # a modified Sanction may point elsewhere now
        for subject in props.get("entity", []):
            self._pointers[str(data["id"])].add(str(subject))
            self._sanctions[str(subject)][str(data["id"])] = {
                "program": [str(v) for v in props.get("program", [])],
                "authority": [str(v) for v in props.get("authority", [])],
                "startDate": [str(v) for v in props.get("startDate", [])],
            }

    def remove(self, entity_id: str) -> None:
        """Remove an entity (or a Sanction) by id; unknown ids are ignored."""
        entity = self.entities.pop(entity_id, None)
        for subject in self._pointers.pop(entity_id, ()):
            self._sanctions.get(subject, {}).pop(entity_id, None)
            self._documents.get(subject, {}).pop(entity_id, None)
        if entity is None:
            return
        for name_id in self._entity_names.pop(entity_id, []):
            indexed = self.names.pop(name_id)
            self._postings.discard(name_id, listed_keys(indexed.variants))
        for _, value in entity.identifiers:
            holders = self._identifiers.get(value)
            if holders is not None:
                holders.discard(entity_id)
                if not holders:
                    del self._identifiers[value]

    def replace(self, data: Mapping[str, Any]) -> None:
        self.add(data)

    def apply_delta(self, operations: Iterable[Mapping[str, Any]]) -> None:
        """Apply OpenSanctions delta lines: `{"op": "ADD"|"MOD"|"DEL", "entity": {...}}`."""
        for operation in operations:
            op = str(operation.get("op", "")).upper()
            entity = operation.get("entity") or {}
            if op in ("ADD", "MOD"):
                self.add(entity)
            elif op == "DEL":
                self.remove(str(entity.get("id", "")))

    def sanctions_of(self, entity_id: str) -> list[dict[str, list[str]]]:
        return list(self._sanctions.get(entity_id, {}).values())

    def by_identifier(self, value: str) -> set[str]:
        return set(self._identifiers.get(value, ()))

    def candidate_names(
        self,
        variants: Iterable[NameVariant],
        limit: int = 40,
        accept: Callable[[int], bool] | None = None,
        guessed: Iterable[NameVariant] = (),
    ) -> list[int]:
        """Ids of the names sharing the most (and rarest) keys with any of the query's renderings; with `accept`,
        the best `limit` of the names it accepts (a query for a company takes no place with a person's names).

        `guessed` are renderings the query may be read as but is not written as (a word cut into the parts the index
        knows, `split_glued`): the names they bring come after the best `limit` of the written renderings' own, up
        to `limit` more, and take none of their places (Belaruskalija, one letter from Belaruskali and cut as
        Belarus Kalija, found twenty names of Belarus and not Belaruskali when both readings competed for twenty).
        """
        keys = self._query_keys(variants)
        found = self._ranked(keys, limit, accept)
        if guessed:
            # Both readings together, as the query was ranked before a guess had places of its own.
            for key, weight in self._query_keys(guessed).items():
                if weight > keys.get(key, 0.0):
                    keys[key] = weight
            have = set(found)
            found += [name_id for name_id in self._ranked(keys, limit, accept) if name_id not in have]
        return found

    def _ranked(self, keys: dict[str, float], limit: int, accept: Callable[[int], bool] | None) -> list[int]:
        """The best `limit` names sharing `keys` (see `candidate_names`)."""
        count = self._postings.count
        postings = [(n, key, w) for key, w in keys.items() if (n := count(key))]
        if not postings:
            return []
        usable = [p for p in postings if p[0] <= (MAX_POSTING if p[2] >= 0.5 else MAX_POSTING // 5)]
        if not usable:
            usable = [min(postings, key=lambda p: p[:2])]
        # The postings too big to bring names into play still tell the names in play apart (a common given name
        # beside a surname many names share: the one name with both goes first, not the first of a tie).
        reinforcing = [p for p in postings if p[2] >= 0.5 and p[0] > MAX_POSTING and p not in usable]
        # Rarest keys first (`retrieval.names_in_play`). Postings of one size go by their key: the order of a
        # query's keys comes from sets of strings, whose order changes from one process to the next, and the order
        # decides which names come into play first and win a tie.
        usable.sort(key=lambda p: p[:2])
        scores = names_in_play(usable, lambda key: self._postings.ids(key).tolist())
        if reinforcing and len(scores) > limit:
            in_play = np.fromiter(scores, dtype=np.int64, count=len(scores))
            for n, key, w in sorted(reinforcing, key=lambda p: p[:2]):
                ids_of_key = self._postings.ids(key)
                at = np.searchsorted(ids_of_key, in_play)
                hit = at < len(ids_of_key)
                hit[hit] = ids_of_key[at[hit]] == in_play[hit]
                weight = w * math.log(1.0 + MAX_POSTING / n)
                for name_id in in_play[hit].tolist():
                    scores[name_id] += weight
        # Each name's score sums its postings in the order above; best first, ties in the order the names came
        # into play.
        if accept is not None:
            ranked = scores if len(scores) <= limit else sorted(scores, key=scores.__getitem__, reverse=True)
            return list(islice(filter(accept, ranked), limit))
        if len(scores) <= limit:
            return list(scores)
        return sorted(scores, key=scores.__getitem__, reverse=True)[:limit]

    def _query_keys(self, variants: Iterable[NameVariant]) -> dict[str, float]:
        """Retrieval keys of every rendering of a query, each at the highest weight any rendering gives it (a key
        that is one rendering's exact part and another's typo key counts as the exact part)."""
        keys: dict[str, float] = {}
        for variant in variants:
            for key, weight in variant_keys(variant, query=True, known=self._postings).items():
                if weight > keys.get(key, 0.0):
                    keys[key] = weight
            if (
                variant.kind in (NameKind.ORGANIZATION, NameKind.PERSON)
                and cut_short(variant)  # a length test first: almost every name leaves here
                and len(variant.keys[-1]) >= CUT_OPENING_MIN
                and f"t:{variant.keys[-1]}" not in self._postings
            ):
                # A name cut short by its field (Open Joint Stock Company Belaruska): the listed words its last
                # part opens, when it is no listed word itself and few do.
                for key in self._postings.keys_opening(f"t:{variant.keys[-1]}", CUT_OPENINGS_MOST):
                    keys.setdefault(key, KEY_WEIGHTS["d"])
        return keys

    def rarity(self, key: str) -> float:
        """How much a name part counts by how rare it is among listed names: 1.0 for a part carried by at most
        RARE_NAMES names, falling by RARITY_SLOPE per tenfold more names, never below RARITY_FLOOR (Ivanov, Belarus,
        Minsk count less than Lukashenka, Belaruskali)."""
        names = self._postings.count(f"t:{key}")
        if names <= RARE_NAMES:
            return 1.0
        return max(RARITY_FLOOR, 1.0 - RARITY_SLOPE * math.log10(names / RARE_NAMES))

    def weigh_by_rarity(self, variants: tuple[NameVariant, ...]) -> tuple[NameVariant, ...]:
        """The query's renderings with each part's weight scaled by its `rarity` in this index."""
        out: list[NameVariant] = []
        for variant in variants:
            factors = [self.rarity(key) for key in variant.keys]
            if all(f == 1.0 for f in factors):
                out.append(variant)
                continue
            weights = tuple(w * f for w, f in zip(variant.weights, factors, strict=True))
            out.append(with_weights(variant, weights))
        return tuple(out)

    def split_glued(self, word: str) -> list[str] | None:
        """A name written without spaces (`alexandervyacheslavovichzakharov`) cut into the fewest name parts the
        index knows (`alexander vyacheslavovich zakharov`), or None when it cannot be cut so.

        Only for one word of GLUED_MIN letters or more; each part has at least two letters and is a key of some
        listed name part, so the cut follows the lists, not a dictionary of names.
        """
        text = latin_ascii(word)
        if (
            not GLUED_MIN <= len(text) <= GLUED_MAX
            or not text.isalpha()
            or f"t:{fold(text)}" in self._postings
        ):
            return None
        table = default_table()
        n = len(text)
        # best[i]: fewest parts covering text[:i], then the longest last part (ties: Xi Jinping / Xij Inping).
        best: list[tuple[int, int] | None] = [None] * (n + 1)
        best[0] = (0, 0)
        for end in range(2, n + 1):
            for start in range(max(0, end - GLUED_PART_MAX), end - 1):
                before = best[start]
                if before is None:
                    continue
                if f"t:{table.canonical(fold(text[start:end]))}" not in self._postings:
                    continue
                found = (before[0] + 1, start)
                current = best[end]
                if current is None or found[0] < current[0]:
                    best[end] = found
        last = best[n]
        if last is None or last[0] < 2:
            return None
        parts: list[str] = []
        end = n
        while end > 0:
            entry = best[end]
            if entry is None:  # every end on the path was reached, so this never happens
                return None
            parts.append(text[entry[1] : end])
            end = entry[1]
        return parts[::-1]

    def candidate_names_wide(
        self, variants: Iterable[NameVariant], *, limit: int, max_posting: int
    ) -> list[int]:
        """Like :meth:`candidate_names`, for an index of many common names (counterparties, not lists): every key
        shared, up to ``max_posting`` names each, adds its weight, so the names sharing a surname *and* a given
        name rank above those sharing one of them; the best ``limit`` names."""
        keys = self._query_keys(variants)
        hits: dict[int, float] = defaultdict(float)
        for key, weight in keys.items():
            names = self._postings.count(key)
            if not names or names > max_posting:
                continue
            score = weight * math.log(1.0 + max_posting / names)
            for name_id in self._postings.ids(key).tolist():
                hits[name_id] += score
        if len(hits) <= limit:
            return list(hits)
        return sorted(hits, key=hits.__getitem__, reverse=True)[:limit]

    def names_of(self, entity_id: str) -> list[IndexedName]:
        return [self.names[i] for i in self._entity_names.get(entity_id, [])]
