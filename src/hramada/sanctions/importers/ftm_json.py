"""FollowTheMoney entities as JSON lines, as OpenSanctions publishes them (``*.ftm.json``).

One entity per line: ``id``, ``schema``, ``properties`` plus OpenSanctions' own fields (``caption``,
``referents``, ``datasets``, ``first_seen``, ``last_seen``, ``last_change``, ``target``), which are kept. The
schema and every property must be known to the FtM model; values are kept as published.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from followthemoney import model

from hramada.sanctions.importers.entities import ParsedEntity
from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.names import NAME_KINDS, guess_cyrillic_lang
from hramada.sanctions.importers.reading import PathLike, iter_text_lines

KEY = "ftm_json"


def read_json_line(path: PathLike, number: int, line: str) -> Any:
    """One JSON value from one line, or a format error naming the line."""
    try:
        return json.loads(line)
    except ValueError as exc:
        raise SourceFormatError(path, f"not valid JSON: {exc}", where=f"line {number}") from exc


def entity_from_dict(path: PathLike, where: str, data: Any) -> ParsedEntity:
    """Check an FtM entity dict against the model and wrap it; unknown schemata or properties are errors."""
    if not isinstance(data, Mapping):
        raise SourceFormatError(path, "an entity must be a JSON object", where=where)
    entity_id, schema_name, properties = data.get("id"), data.get("schema"), data.get("properties", {})
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise SourceFormatError(path, "entity without an id", where=where)
    schema = model.get(schema_name) if isinstance(schema_name, str) else None
    if schema is None:
        raise SourceFormatError(path, f"unknown FtM schema {schema_name!r} for {entity_id}", where=where)
    if not isinstance(properties, Mapping):
        raise SourceFormatError(path, f"properties of {entity_id} must be an object", where=where)
    clean: dict[str, list[str]] = {}
    for prop, values in properties.items():
        if prop not in schema.properties:
            raise SourceFormatError(
                path, f"{schema.name} has no property {prop!r} ({entity_id})", where=where
            )
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise SourceFormatError(path, f"{prop} of {entity_id} must be a list of strings", where=where)
        kept = [value for value in values if value.strip()]
        if kept:
            clean[prop] = kept
    langs = {
        value: lang
        for prop in NAME_KINDS
        for value in clean.get(prop, [])
        if (lang := guess_cyrillic_lang(value)) is not None
    }
    result = {key: value for key, value in data.items() if key not in ("id", "schema", "properties")}
    result.update({"id": entity_id, "schema": schema.name, "properties": clean})
    return ParsedEntity(data=result, name_langs=langs)


def parse(path: PathLike) -> Iterator[list[ParsedEntity]]:
    """One record per entity; a repeated id is a format error (OpenSanctions writes each entity once)."""
    seen: dict[str, int] = {}
    for number, line in iter_text_lines(path):
        if not line.strip():
            continue
        entity = entity_from_dict(path, f"line {number}", read_json_line(path, number, line))
        if entity.id in seen:
            raise SourceFormatError(
                path,
                f"duplicate entity {entity.id} (first on line {seen[entity.id]})",
                where=f"line {number}",
            )
        seen[entity.id] = number
        yield [entity]
