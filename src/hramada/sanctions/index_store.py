"""The built screening index kept in one file, so that a process which starts loads it instead of building it.

Building the index over every bundled list costs about 10 s of CPU; `manage.py bootstrap`, each gunicorn worker
and the task worker would each build the same one, on a machine where they all start at once. The first process
that builds it saves it (``HRAMADA_SCREENING_INDEX_FILE``, under ``var/`` by default; empty: never saved); the
others load it in about a second.

A stored index is used only when it was built from exactly the current snapshots of this database (each one's
id, file hash and import time) by the same screening code (the engine's source files, the libraries it uses, the
Python version and :data:`FORMAT_VERSION`); anything else is a miss and the caller builds afresh, so a stale index
is never served. The listed names are public, but a local list may hold what staff typed, so the file is
encrypted and authenticated with the key ring like any attachment: a file altered or planted by anyone without the
key is refused before it is unpickled.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import struct
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings

from hramada.core import crypto
from hramada.sanctions.models import Snapshot
from hramada.screening.index import collector_paused

logger = logging.getLogger(__name__)

# Raise when what this module writes changes shape (the header, or what the pickled tuple holds).
FORMAT_VERSION = 1
LABEL = "sanctions.screening-index"
# Libraries whose behaviour goes into the index (name folding, transliteration, schemata, identifier checks).
ENGINE_LIBRARIES = ("followthemoney", "rigour", "normality", "icukit-pyicu", "PyICU", "python-stdnum")
_HEADER = struct.Struct(">I")


@dataclass(frozen=True)
class StoredIndex:
    index: Any
    snapshot_by_source: dict[str, int]


def index_file() -> Path | None:
    configured = getattr(settings, "HRAMADA_SCREENING_INDEX_FILE", "")
    return Path(configured) if configured else None


@cache
def code_version() -> str:
    """A digest of everything besides the lists that decides what the built index holds."""
    import hramada.screening

    digest = hashlib.sha256(f"format {FORMAT_VERSION}; python {sys.version_info[:3]}".encode())
    for name in ENGINE_LIBRARIES:
        try:
            digest.update(f"{name} {metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} -;".encode())
    root = Path(hramada.screening.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def snapshots_key(snapshots: Iterable[Snapshot]) -> list[list[str | int]]:
    """What identifies the lists an index was built from in this very database (ids alone repeat after a reset)."""
    return sorted(
        [snapshot.source.key, snapshot.pk, snapshot.sha256, snapshot.imported_at.isoformat()]
        for snapshot in snapshots
    )


def _header(snapshots: Iterable[Snapshot]) -> bytes:
    key = {"format": FORMAT_VERSION, "code": code_version(), "snapshots": snapshots_key(snapshots)}
    return json.dumps(key, sort_keys=True, separators=(",", ":")).encode()


def save(index: Any, snapshots: Iterable[Snapshot]) -> Path | None:
    """Store ``index`` as built from ``snapshots`` (atomically: a reader sees the old file or the new one).

    Returns the file, or None when none is configured or it could not be written (logged: the index in memory
    is still served, and the next process builds its own).
    """
    path = index_file()
    if path is None:
        return None
    snapshots = list(snapshots)
    header = _header(snapshots)
    body = pickle.dumps(
        (index, {snapshot.source.key: snapshot.pk for snapshot in snapshots}),
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    try:
        blob = crypto.encrypt_bytes(_HEADER.pack(len(header)) + header + body, label=LABEL)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (crypto.CryptoError, OSError) as error:
        logger.warning("screening index not saved to %s: %s", path, error)
        return None
    return path


def _read(snapshots: Iterable[Snapshot]) -> tuple[bytes, int] | None:
    """The decrypted file and where its body starts, if it holds an index of exactly ``snapshots``."""
    path = index_file()
    if path is None:
        return None
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        logger.warning("screening index file %s unreadable (%s); building the index", path, error)
        return None
    try:
        plain = crypto.decrypt_bytes(blob, label=LABEL)
    except crypto.CryptoError as error:
        # A key rotated away, another installation's file, or an altered one: never unpickled.
        logger.warning("screening index file %s refused (%s); building the index", path, error)
        return None
    if len(plain) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack_from(plain)
    if plain[_HEADER.size : _HEADER.size + size] != _header(snapshots):
        return None  # built from other lists or by other code: stale
    return plain, _HEADER.size + size


def is_current(snapshots: Iterable[Snapshot]) -> bool:
    """Whether the stored index was built from exactly ``snapshots`` by this code."""
    return _read(snapshots) is not None


def load(snapshots: Iterable[Snapshot]) -> StoredIndex | None:
    """The stored index if it was built from exactly ``snapshots`` by this code; None otherwise (build it)."""
    found = _read(snapshots)
    if found is None:
        return None
    plain, start = found
    # The bytes were written by this installation (authenticated under its key) for these very lists. The index is
    # millions of small objects: with the cyclic garbage collector paused meanwhile, unpickling takes a quarter of
    # the CPU (it would otherwise walk every object created so far again and again).
    with collector_paused():
        index, snapshot_by_source = pickle.loads(memoryview(plain)[start:])  # noqa: S301
    # Nor, a large one, walked at the collections after (the engine's `keep_out_of_collector`).
    index.keep_out_of_collector()
    return StoredIndex(index=index, snapshot_by_source=dict(snapshot_by_source))
