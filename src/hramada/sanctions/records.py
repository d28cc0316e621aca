"""What an imported entity says, as rows of the query tables (names, identifiers, relations, designations),
its content hash and caption, and which programmes are the Belarus regime. Pure functions of a parsed entity."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from followthemoney import model as ftm_model

from hramada.sanctions.importers import SOURCES, ParsedEntity
from hramada.sanctions.importers import programmes as programme_table
from hramada.sanctions.importers.names import NAME_KINDS, dominant_script, guess_cyrillic_lang
from hramada.sanctions.linking import identifier_key, name_keys
from hramada.screening.vocabulary import DOCUMENT_SCHEMATA, IDENTIFIER_SCHEMES

# FtM properties that carry a strong identifier, and the scheme we file them under (the shared vocabulary).
IDENTIFIER_PROPERTIES: dict[str, str] = IDENTIFIER_SCHEMES
SUBJECT_SCHEMATA = {
    "Person",
    "Organization",
    "Company",
    "LegalEntity",
    "Vessel",
    "Airplane",
    "CryptoWallet",
    "PublicBody",
    "Asset",
}


def belarus_programmes() -> frozenset[str]:
    """Programme codes that make up the Belarus regime, across every source."""
    codes: set[str] = set()
    for spec in SOURCES.values():
        codes |= set(spec.default_programmes)
    for value in vars(programme_table).values():
        if isinstance(value, programme_table.Programme) and value.belarus:
            codes.add(value.key)
    return frozenset(codes)


def _programmes_by_key() -> dict[str, programme_table.Programme]:
    return {
        value.key: value
        for value in vars(programme_table).values()
        if isinstance(value, programme_table.Programme)
    }


def programme_labels() -> dict[str, str]:
    """Code -> label of every programme in the importers' programme table."""
    return {key: programme.label for key, programme in _programmes_by_key().items()}


def is_belarus_sanction(entity: ParsedEntity, codes: frozenset[str]) -> bool:
    programme_ids = entity.values("programId")
    if any(code in codes for code in programme_ids):
        return True
    return any("belarus" in text.lower() for text in entity.values("program"))


def canonical_json(entity: ParsedEntity) -> str:
    content = {
        "data": entity.data,
        "name_langs": dict(sorted(entity.name_langs.items())),
        "printed": {key: list(values) for key, values in sorted(entity.printed.items())},
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(entity: ParsedEntity) -> str:
    return hashlib.sha256(canonical_json(entity).encode("utf-8")).hexdigest()


def caption_of(entity: ParsedEntity) -> str:
    """What lists and deltas show for an entity: its first name, a Sanction's programme and subject, or for a
    link ("Linked To", Ownership) the two ids it joins."""
    edges = relation_rows(entity)
    if edges:
        _, _, source, target, label = edges[0]
        return f"{source} {label} {target}"[:500]
    for prop in ("name", "alias", "number", "publicKey", "full", "programId"):
        values = entity.values(prop)
        if values:
            caption = values[0]
            if entity.schema == "Sanction":
                caption = f"{caption} ({', '.join(entity.values('entity'))})"
            return caption[:500]
    return entity.id[:500]


NAME_COLUMNS = ("entity_id", "value", "kind", "script", "lang", "search_key", "match_key")
IDENTIFIER_COLUMNS = ("entity_id", "scheme", "value", "normalised")
RELATION_COLUMNS = ("entity_id", "schema", "source_id", "target_id", "label")
DESIGNATION_COLUMNS = (
    "subject_id",
    "programme",
    "programme_label",
    "authority",
    "legal_basis",
    "listing_date",
    "reason",
    "measures",
    "source_url",
    "belarus",
)


def name_rows(entity: ParsedEntity) -> list[tuple[str, ...]]:
    """The :class:`Name` rows of an entity (columns ``NAME_COLUMNS``).

    Script and language as :func:`hramada.sanctions.importers.name_variants` gives them; a plain-ASCII name
    (most of OFAC) is Latin without asking ``unicodedata`` letter by letter, which halved the time spent on
    names in an OFAC import.
    """
    rows: list[tuple[str, ...]] = []
    langs = entity.name_langs
    for kind in NAME_KINDS:
        for value in entity.values(kind):
            if value.isascii():
                script = "Latn" if any(char.isalpha() for char in value) else "Zyyy"
                lang = langs.get(value) or ""
            else:
                script = dominant_script(value)
                lang = langs.get(value) or guess_cyrillic_lang(value) or ""
            search_key, match_key = name_keys(value)
            rows.append((entity.id[:255], value[:1000], kind, script, lang, search_key, match_key[:500]))
    return rows


def identifier_rows(entity: ParsedEntity) -> list[tuple[str, str, str, str]]:
    """The :class:`Identifier` rows of an entity (columns ``IDENTIFIER_COLUMNS``)."""
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(owner: str, scheme: str, value: str) -> None:
        normalised = identifier_key(value)
        if not normalised or (scheme, normalised) in seen:
            return
        seen.add((scheme, normalised))
        rows.append((owner[:255], scheme[:64], value[:500], normalised[:500]))

    if entity.schema in DOCUMENT_SCHEMATA:
        holders = entity.values("holder") or [entity.id]
        scheme = DOCUMENT_SCHEMATA[entity.schema]
        for number in entity.values("number") + entity.values("passportNumber"):
            for holder in holders:
                add(holder, scheme, number)
        return rows
    properties = entity.properties
    currencies = properties.get("currency") or []
    # Walk the properties the entity has (a handful), not the identifier table (21 look-ups per entity).
    for prop, values in properties.items():
        id_scheme = IDENTIFIER_PROPERTIES.get(prop)
        if id_scheme is None:
            continue
        for value in values:
            if id_scheme == "crypto" and entity.schema == "CryptoWallet":
                add(entity.id, f"crypto:{currencies[0]}" if currencies else "crypto", value)
            elif id_scheme != "crypto" or entity.schema == "CryptoWallet":
                add(entity.id, id_scheme, value)
    return rows


def relation_rows(entity: ParsedEntity) -> list[tuple[str, ...]]:
    """The :class:`Relation` rows of an FtM edge entity (Ownership, UnknownLink, ...); none for others."""
    schema = ftm_model.get(entity.schema)
    if schema is None or not schema.edge or schema.source_prop is None or schema.target_prop is None:
        return []
    roles = entity.values("role") or entity.values("relationship")
    label = (roles[0] if roles else schema.edge_label or schema.name)[:200]
    return [
        (entity.id[:255], entity.schema[:64], source[:255], target[:255], label)
        for source in entity.values(schema.source_prop.name)
        for target in entity.values(schema.target_prop.name)
    ]


def designation_row(entity: ParsedEntity, codes: frozenset[str]) -> tuple[Any, ...] | None:
    """The :class:`Designation` row of a Sanction entity (columns ``DESIGNATION_COLUMNS``), else ``None``."""
    if entity.schema != "Sanction":
        return None
    programme_ids = entity.values("programId")
    programme = programme_ids[0] if programme_ids else ""
    known = _programmes_by_key().get(programme)
    listing = (entity.values("listingDate") or entity.values("startDate") or entity.values("date") or [""])[0]
    subjects = entity.values("entity")
    return (
        (subjects[0] if subjects else entity.id)[:255],
        programme[:100],
        "; ".join(entity.values("program"))[:500] or (known.label if known else ""),
        "; ".join(entity.values("authority"))[:500],
        (known.legal_basis if known else "; ".join(entity.values("summary")))[:500],
        listing[:32],
        "\n".join(entity.values("reason")),
        "; ".join(entity.values("provisions")),
        (entity.values("sourceUrl") or [""])[0][:1000],
        is_belarus_sanction(entity, codes),
    )
