"""OpenSanctions delta files: what changed in a collection between two published versions.

A delta file has one ``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}`` per line (a DEL carries only the id);
``delta.json`` is the version index ``{"versions": {version: url}, "updated_at": ...}`` whose versions sort by
time. Next to the index, the file of a version is ``<version>.entities.delta.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from hramada.sanctions.importers.entities import ParsedEntity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.ftm_json import entity_from_dict, read_json_line
from hramada.sanctions.importers.reading import PathLike, iter_text_lines, read_head

KEY = "opensanctions_delta"
OPS = ("ADD", "MOD", "DEL")


def read_version_index(path: PathLike) -> list[tuple[str, str]]:
    """(version, url) pairs of a ``delta.json`` index, oldest first."""
    read_head(path)
    try:
        with open(path, encoding="utf-8") as handle:
            index = json.load(handle)
    except UnicodeDecodeError as exc:
        raise SourceFormatError(path, "the file is not valid UTF-8") from exc
    except ValueError as exc:
        raise SourceFormatError(path, f"not valid JSON: {exc}") from exc
    versions = index.get("versions") if isinstance(index, Mapping) else None
    if not isinstance(versions, Mapping) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in versions.items()
    ):
        raise SourceFormatError(path, "not a delta index: no 'versions' object of version -> url")
    return sorted(versions.items())


def _is_index(path: PathLike) -> bool:
    return b'"versions"' in read_head(path, 512)


def _delta_lines(path: PathLike) -> Iterator[ParsedEntity]:
    for number, line in iter_text_lines(path):
        if not line.strip():
            continue
        where = f"line {number}"
        change = read_json_line(path, number, line)
        if not isinstance(change, Mapping) or change.get("op") not in OPS:
            raise SourceFormatError(path, 'expected {"op": ADD|MOD|DEL, "entity": {...}}', where=where)
        entity = change.get("entity")
        if change["op"] == "DEL":
            if not isinstance(entity, Mapping) or not isinstance(entity.get("id"), str) or not entity["id"]:
                raise SourceFormatError(path, "DEL without an entity id", where=where)
            yield ParsedEntity(data={"id": entity["id"]}, op="DEL")
        else:
            yield replace(entity_from_dict(path, where, entity), op=str(change["op"]))


def version_files(index_path: PathLike, *, skip_missing: bool = False) -> list[Path]:
    """The local delta files an index names, oldest first; a missing one is an error unless skipped."""
    folder = Path(index_path).parent
    files = []
    for version, _url in read_version_index(index_path):
        candidate = folder / f"{version}.entities.delta.json"
        if candidate.is_file():
            files.append(candidate)
        elif not skip_missing:
            raise SourceFormatError(
                index_path, f"version {version} has no file {candidate.name} beside the index"
            )
    return files


def parse(path: PathLike, *, skip_missing: bool = False) -> Iterator[list[ParsedEntity]]:
    """The changes of one delta file, or of every version an index names (in order); ``op`` is set on each."""
    files = version_files(path, skip_missing=skip_missing) if _is_index(path) else [Path(path)]
    for delta in files:
        for change in _delta_lines(delta):
            yield [change]


def apply_delta(
    base: Iterable[ParsedEntity], delta_path: PathLike, *, skip_missing: bool = False
) -> list[ParsedEntity]:
    """The collection after one delta file (or an index's deltas): ADD of a present id, or MOD or DEL of an
    absent one, is a :class:`SourceFormatError` (the delta was made against another version)."""
    current: dict[str, ParsedEntity] = {entity.id: entity for entity in base}
    for (change,) in parse(delta_path, skip_missing=skip_missing):
        present = change.id in current
        if change.op == "ADD" and present:
            raise SourceFormatError(delta_path, f"ADD of {change.id}, which is already present")
        if change.op in ("MOD", "DEL") and not present:
            raise SourceFormatError(delta_path, f"{change.op} of {change.id}, which is not present")
        if change.op == "DEL":
            del current[change.id]
        else:
            current[change.id] = replace(change, op=None)
    return list(current.values())
