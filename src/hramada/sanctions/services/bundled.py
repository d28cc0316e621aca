"""The bundled real lists (../shared/data): found in chronological order per source and loaded on first run."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

from hramada.sanctions import importers
from hramada.sanctions.importers import ParsedEntity, shapes
from hramada.sanctions.importers.ofac_sdn import RecordCache
from hramada.sanctions.live_index import store_only_when_asked
from hramada.sanctions.models import (
    Snapshot,
)
from hramada.sanctions.records import content_hash
from hramada.sanctions.services.deltas import store_missing_party_rows
from hramada.sanctions.services.imports import (
    ImportResult,
    ParsedElsewhere,
    SnapshotImportError,
    aux_options,
    file_sha256,
    import_file,
)

if TYPE_CHECKING:
    from hramada.core.models import User


@dataclass(frozen=True)
class BundledFile:
    source: str
    path: Path
    aux_dir: Path | None = None


def bundled_files(root: Path) -> list[BundledFile]:
    """Every bundled real list under ``root`` (../shared/data), in chronological order per source."""
    sanctions, ftm = root / "sanctions", root / "ftm"
    files: list[BundledFile] = []
    journal = sanctions / "eu" / "journal"
    if (journal / "32006R0765.csv").is_file():
        files.append(BundledFile("eu_journal", journal / "32006R0765.csv"))
        files += [BundledFile("eu_journal", p) for p in sorted(journal.glob("amendment-*.csv"))]
    files += [BundledFile("eu_fsf", p) for p in sorted((sanctions / "eu").glob("eu-fsf-*.xml"))]
    files += [BundledFile("un_xml", p) for p in sorted((sanctions / "un").glob("un-consolidated-*.xml"))]
    files += [BundledFile("ftm_json", p) for p in sorted(ftm.glob("*.ftm.json"))]
    files += [
        BundledFile("opensanctions_delta", p)
        for p in sorted((ftm / "yente-t2-deltas").glob("*.entities.delta.json"))
    ]
    aux = sanctions / "ofac" / "aux"
    ofac = sorted((sanctions / "ofac").glob("sdn-*.csv"))
    files += [BundledFile("ofac_sdn", p, aux if aux.is_dir() else None) for p in ofac]
    return files


def bundled_data_root() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "data"


# The OFAC files (most of the bundled lists' parsing), and the other full lists parsed by their parser alone (the EU
# financial sanctions file, the UN consolidated lists), are parsed in a second process while this one stores the
# files before them, on a machine with more than one core. Only the parse moves: every write stays here, one
# transaction per snapshot in the same order, so the snapshots and their deltas are the ones an in-process load
# makes. Consecutive publications repeat nearly every entity, so the parse process sends an entity once; for one
# it sent with the previous file it sends only its content hash.
PARSED_ELSEWHERE = frozenset({"ofac_sdn", "eu_fsf", "un_xml"})

_worker_cache: RecordCache | None = None
_worker_sent: set[str] = set()

Payload = tuple[list[tuple[str, ParsedEntity | None]], shapes.FileFindings]


def _parse_in_worker(source: str, path: Path, aux_dir: Path | None) -> Payload:
    """In the parse process: every entity of the file with its content hash (None: sent with the previous file),
    and what the file itself shows the plausibility checks (reading the file again: a tenth of the importing
    process's work, done here beside the parse instead)."""
    global _worker_cache, _worker_sent
    if source == "ofac_sdn":
        if _worker_cache is None:
            _worker_cache = RecordCache()
        cache = _worker_cache
        entities = importers.parse_all(source, path, record_cache=cache, **aux_options(source, aux_dir))
        digests = [cache.remembered(entity, content_hash) for entity in entities]
    else:  # what parse_file does for a full list of these sources: the parser alone
        entities = importers.parse_all(source, path, **aux_options(source, aux_dir))
        digests = [content_hash(entity) for entity in entities]
    payload = [
        (digest, None if digest in _worker_sent else entity)
        for entity, digest in zip(entities, digests, strict=True)
    ]
    _worker_sent = set(digests)
    return payload, shapes.file_findings(source, path)


class _ParsedElsewhere:
    """This process's side: the parse process's answers in file order, and the entities of the last one read."""

    def __init__(self, items: list[BundledFile]) -> None:
        # Forked, not spawned: the parse process needs no Django start-up of its own and never touches the
        # database connection it inherits (it leaves through os._exit, so nothing closes it either).
        # What the parent's other threads held (a server's or a test's database connection) is garbage in the forked
        # child, whose collector would finalise it there (a psycopg connection crashed the child so, mid-parse):
        # frozen across the fork (the first submit), the child never collects what it inherited.
        gc.freeze()
        try:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            self.futures: list[tuple[Path, Future[Payload]]] = [
                (item.path, self.pool.submit(_parse_in_worker, item.source, item.path, item.aux_dir))
                for item in items
            ]
        finally:
            gc.unfreeze()
        self.held: dict[str, ParsedEntity] = {}
        self.failed = False

    def _next(self) -> tuple[Path, list[ParsedEntity], list[str], shapes.FileFindings]:
        """The next file's answer, its entities rebuilt from those of the file before it."""
        path, future = self.futures.pop(0)
        payload, file_findings = future.result()
        entities = [entity if entity is not None else self.held[digest] for digest, entity in payload]
        digests = [digest for digest, _ in payload]
        self.held = dict(zip(digests, entities, strict=True))
        return path, entities, digests, file_findings

    def parsed(self, path: Path) -> Callable[[], ParsedElsewhere]:
        def receive() -> ParsedElsewhere:
            if self.failed or path not in {queued for queued, _ in self.futures}:
                raise _NotParsedElsewhereError
            try:
                while True:  # answers for files skipped since (already imported) still update what is held
                    answered, entities, digests, file_findings = self._next()
                    if answered == path:
                        break
            except Exception as error:  # a bad file or a lost process: this process parses the rest itself
                self.failed = True
                raise _NotParsedElsewhereError from error
            by_object = {id(entity): digest for entity, digest in zip(entities, digests, strict=True)}
            return entities, lambda entity: by_object.get(id(entity)) or content_hash(entity), file_findings

        return receive

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _NotParsedElsewhereError(Exception):
    pass


def import_bundled(
    files: Iterable[BundledFile], *, by: User | None, say: Callable[[str], None]
) -> Iterator[ImportResult]:
    # Consecutive publications of a source repeat most rows: the OFAC parser reuses the entities of rows the
    # previous file printed the same way (see RecordCache), so six OFAC files cost little more than one.
    caches = {"ofac_sdn": RecordCache()}
    files = list(files)
    elsewhere_items = [item for item in files if item.source in PARSED_ELSEWHERE]
    elsewhere = _ParsedElsewhere(elsewhere_items) if elsewhere_items and (os.cpu_count() or 1) > 1 else None
    try:
        yield from _import_each(files, caches, elsewhere, by=by, say=say)
    finally:
        if elsewhere is not None:
            elsewhere.close()


def _import_each(
    files: list[BundledFile],
    caches: dict[str, RecordCache],
    elsewhere: _ParsedElsewhere | None,
    *,
    by: User | None,
    say: Callable[[str], None],
) -> Iterator[ImportResult]:
    for item in files:
        cache = caches.get(item.source)
        options = {"record_cache": cache} if cache is not None else None
        try:
            try:
                if elsewhere is None or item.source not in PARSED_ELSEWHERE:
                    raise _NotParsedElsewhereError
                result = import_file(
                    item.source,
                    item.path,
                    by=by,
                    aux_dir=item.aux_dir,
                    parsed_elsewhere=elsewhere.parsed(item.path),
                )
            except _NotParsedElsewhereError:
                result = import_file(item.source, item.path, by=by, aux_dir=item.aux_dir, options=options)
        except SnapshotImportError as error:
            say(f"  {item.source}: {item.path.name}: not imported: {error}")
            continue
        except Exception as error:  # one broken importer must not stop `make run`
            # The import is one transaction, so nothing of this file was stored; the others still load.
            say(f"  {item.source}: {item.path.name}: not imported, importer failed: {error!r}")
            continue
        say(f"  {result.message}")
        yield result


def bootstrap_bundled_lists(say: Callable[[str], None]) -> None:
    """Bootstrap step: load every bundled list (same file twice changes nothing, so this runs on every start).

    Files load in chronological order per source, so every snapshot has a delta against the publication before
    it. The whole set takes well under a minute (see benchmarks/sanctions_import.py), so it runs in-line.
    """
    # Bootstrap's last step stores the screening index once every demo step has run; not at its first build.
    store_only_when_asked()
    store_missing_party_rows(say)
    root = bundled_data_root()
    if not root.is_dir():
        say(
            f"Sanctions: no bundled lists at {root}; skipped "
            "(import files with `manage.py sanctions import`)."
        )
        return
    files = bundled_files(root)
    known = set(Snapshot.objects.values_list("sha256", flat=True))
    pending = [item for item in files if file_sha256(item.path) not in known]
    if not pending:
        say(f"Sanctions: all {len(files)} bundled lists already loaded.")
        return
    say(f"Sanctions: loading {len(pending)} bundled lists from {root} ...")
    results = list(import_bundled(pending, by=None, say=say))
    say(f"Sanctions: {sum(r.created for r in results)} new snapshots.")
