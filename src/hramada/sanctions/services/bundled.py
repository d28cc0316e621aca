"""The bundled real lists (../shared/data): found in chronological order per source and loaded on first run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

from hramada.sanctions.importers.ofac_sdn import RecordCache
from hramada.sanctions.live_index import store_only_when_asked
from hramada.sanctions.models import (
    Snapshot,
)
from hramada.sanctions.services.deltas import store_missing_party_rows
from hramada.sanctions.services.imports import ImportResult, SnapshotImportError, file_sha256, import_file

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


def import_bundled(
    files: Iterable[BundledFile], *, by: User | None, say: Callable[[str], None]
) -> Iterator[ImportResult]:
    # Consecutive publications of a source repeat most rows: the OFAC parser reuses the entities of rows the
    # previous file printed the same way (see RecordCache), so six OFAC files cost little more than one.
    caches = {"ofac_sdn": RecordCache()}
    for item in files:
        cache = caches.get(item.source)
        options = {"record_cache": cache} if cache is not None else None
        try:
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
