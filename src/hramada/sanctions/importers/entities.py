"""What every importer yields: an FtM entity dict, checked against the FtM model, with what FtM cannot hold.

:class:`EntityBuilder` is the one place where source values meet the FtM model: it refuses schemata and
properties FtM does not know, lets FtM normalise dates, countries and the like, and keeps source values it
cannot normalise as printed (identifiers, odd names) instead of dropping them silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from hramada.sanctions.importers.errors import SourceFormatError
from hramada.sanctions.importers.names import NAME_KINDS, guess_cyrillic_lang

# Types whose values only mean something once normalised: an unparseable date or country is not kept as a
# value (it would break every consumer); it is kept in ``printed`` and reported in ``warnings``.
_STRICT_TYPES = {registry.date, registry.country}


@dataclass(frozen=True)
class ParsedEntity:
    """One FtM entity from a source file, and the source facts an FtM dict has no room for.

    ``data`` is the plain FtM dict ``{"id", "schema", "properties": {prop: [values]}}``. ``name_langs`` maps a
    name value to its ISO 639-3 language where the source says it or its letters tell; ``printed`` keeps
    values as the source printed them where FtM normalised them (``{"birthDate": ("7.2.1956",)}``);
    ``warnings`` are non-fatal problems (an unknown programme code, an unparseable date); ``op`` is the delta
    operation (``ADD``/``MOD``/``DEL``) for delta files.
    """

    data: Mapping[str, Any]
    name_langs: Mapping[str, str] = field(default_factory=dict)
    printed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    op: str | None = None

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def schema(self) -> str:
        return str(self.data.get("schema", ""))

    @property
    def properties(self) -> Mapping[str, list[str]]:
        props: Mapping[str, list[str]] = self.data.get("properties", {})
        return props

    def values(self, prop: str) -> list[str]:
        """The values of one property (empty if absent)."""
        return list(self.properties.get(prop, []))

    def to_proxy(self) -> EntityProxy:
        """The entity as a followthemoney proxy (for callers that want FtM's helpers)."""
        return model.get_proxy(dict(self.data), cleaned=True)


class EntityBuilder:
    """Collects the values of one entity and builds a :class:`ParsedEntity` that is valid FtM."""

    def __init__(self, schema: str, entity_id: str, *, path: object, where: str) -> None:
        self.path = path
        self.where = where
        if model.get(schema) is None:
            raise SourceFormatError(path, f"unknown FtM schema {schema!r}", where=where)
        self.proxy: EntityProxy = model.make_entity(schema)
        self.proxy.id = entity_id
        self.name_langs: dict[str, str] = {}
        self.printed: dict[str, list[str]] = {}
        self.warnings: list[str] = []

    @property
    def id(self) -> str:
        return str(self.proxy.id)

    @property
    def schema(self) -> str:
        return self.proxy.schema.name

    def has(self, prop: str) -> bool:
        """Whether the schema has this property (for columns that apply to some schemata only)."""
        return prop in self.proxy.schema.properties

    def add(
        self,
        prop: str,
        value: str | None,
        *,
        lang: str | None = None,
        printed: str | None = None,
        trusted: bool = False,
    ) -> None:
        """Add one value; empty values are skipped, a property the schema lacks is a format error.

        ``trusted`` skips FtM's cleaning for values the importer made itself in FtM's form (ISO date prefixes,
        its own URLs and labels): cleaning them again cost a third of the OFAC parse time.
        """
        if value is None:
            return
        value = " ".join(value.split())
        if not value:
            return
        schema_prop = self.proxy.schema.properties.get(prop)
        if schema_prop is None or schema_prop.stub:
            raise SourceFormatError(
                self.path, f"property {prop!r} does not apply to schema {self.schema}", where=self.where
            )
        cleaned = (
            value
            if trusted
            else schema_prop.type.clean(value, fuzzy=False, format=schema_prop.format, proxy=self.proxy)
        )
        if cleaned is None:
            if schema_prop.type in _STRICT_TYPES:
                self.printed.setdefault(prop, []).append(printed or value)
                self.warnings.append(f"{prop}: cannot read {value!r} as {schema_prop.type.name}")
                return
            cleaned = value
        try:
            self.proxy.unsafe_add(schema_prop, cleaned, cleaned=True)
        except InvalidData as exc:  # pragma: no cover - FtM refuses only stub/ill-typed properties
            raise SourceFormatError(self.path, str(exc), where=self.where) from exc
        if printed is not None and printed != cleaned:
            self.printed.setdefault(prop, []).append(printed)
        if prop in NAME_KINDS:
            known = lang or guess_cyrillic_lang(cleaned)
            if known:
                self.name_langs[cleaned] = known

    def add_all(self, prop: str, values: Iterable[str | None]) -> None:
        for value in values:
            self.add(prop, value)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def first(self, prop: str) -> str | None:
        return self.proxy.first(prop)

    def build(self) -> ParsedEntity:
        """The finished entity. A thing without a name gets none invented: FtM allows it."""
        data = self.proxy.to_dict()
        data.pop("caption", None)
        data.pop("datasets", None)
        data.pop("referents", None)
        return ParsedEntity(
            data={"id": data["id"], "schema": data["schema"], "properties": data["properties"]},
            name_langs=dict(self.name_langs),
            printed={key: tuple(values) for key, values in self.printed.items()},
            warnings=tuple(self.warnings),
        )


# Sanction values importers build themselves (dates from parse_dates, URLs from their own templates).
_TRUSTED_SANCTION_PROPS = {"startDate", "listingDate", "endDate", "modifiedAt"}


def sanction_entity(
    subject: EntityBuilder,
    *,
    entity_id: str,
    authority: str,
    program_id: str,
    program: str | None,
    warnings: Iterable[str] = (),
    values: Mapping[str, Iterable[str | None] | str | None] | None = None,
    trusted: Iterable[str] = (),
) -> ParsedEntity:
    """A ``Sanction`` entity for one designation of ``subject`` (its other properties given in ``values``;
    those named in ``trusted`` were built by the importer in FtM's form and are not cleaned again)."""
    builder = EntityBuilder("Sanction", entity_id, path=subject.path, where=subject.where)
    builder.add("entity", subject.id, trusted=True)
    builder.add("authority", authority, trusted=True)
    builder.add("programId", program_id)
    builder.add("program", program, trusted=True)
    trusted_props = _TRUSTED_SANCTION_PROPS | set(trusted)
    for prop, prop_values in (values or {}).items():
        for value in [prop_values] if prop_values is None or isinstance(prop_values, str) else prop_values:
            builder.add(prop, value, trusted=prop in trusted_props)
    for warning in warnings:
        builder.warn(warning)
    return builder.build()
