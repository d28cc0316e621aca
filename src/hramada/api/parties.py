"""From a FollowTheMoney-shaped query to a party the sanctions door screens: one function for every endpoint that
takes one (yente's ``/match``, OpenRefine's ``/reconcile``), so they read names, name parts, countries, dates and
identifiers alike and name the field at fault alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from followthemoney import model as ftm_model
from ninja.errors import HttpError

from hramada.sanctions import public
from hramada.screening import QueryError
from hramada.screening.vocabulary import (
    COUNTRY_PROPERTIES,
    FOUNDING_DATE_PROPERTIES,
    IDENTIFIER_KINDS,
    NAME_PART_PROPERTIES,
    QUERY_NAME_PROPERTIES,
)

MAX_VALUE_LENGTH = 500  # the longest listed name is under 300 characters; longer input is not a name

_ENGINE_FIELDS = {
    "name": "properties.name",
    "birth_date": "properties.birthDate",
    "countries": "properties.country",
}


def cleaned_entity(
    schema_name: str, properties: Mapping[str, Sequence[Any]], entity_id: str | None
) -> dict[str, Any]:
    """The query as yente echoes it: an FtM entity with every value cleaned by its property type
    (``"Russia"`` comes back as ``"ru"``, ``1965`` as ``"1965"``); values that cannot be cleaned are dropped."""
    schema = ftm_model.get(schema_name) or ftm_model.get("Thing")
    proxy = ftm_model.make_entity(schema)  # type: ignore[arg-type]
    proxy.id = entity_id
    for name, values in properties.items():
        if schema is not None and name in schema.properties:
            for value in values:
                if not isinstance(value, (dict, list)):
                    proxy.add(name, str(value), quiet=True, fuzzy=True)
    return proxy.to_dict()


def _strings(values: Sequence[Any], field: str) -> list[str]:
    out = []
    for value in values:
        if isinstance(value, (dict, list)):
            raise HttpError(400, f"{field}: values must be strings")
        text = str(value)
        if len(text) > MAX_VALUE_LENGTH:
            raise HttpError(400, f"{field}: longer than {MAX_VALUE_LENGTH} characters ({len(text)})")
        out.append(text)
    return out


def party_from_ftm(
    key: str,
    schema_name: str,
    properties: Mapping[str, Sequence[Any]],
    *,
    entity_id: str | None = None,
    ref: str = "",
    field: str = "queries",
) -> public.Party:
    """A party from an FtM schema and its properties (lists of values); bad input is a 400 naming
    ``<field>.<key>.properties.<property>``. ``ref`` is the counterparty's reference for remembered decisions."""
    where = f"{field}.{key}"
    props = {name: _strings(values, f"{where}.properties.{name}") for name, values in properties.items()}
    # Countries as FtM cleans them ("Russia" -> "ru"), so a client may send names as yente allows.
    cleaned = cleaned_entity(schema_name, properties, entity_id)["properties"]
    for prop in COUNTRY_PROPERTIES:
        if props.get(prop):
            props[prop] = cleaned.get(prop) or props[prop]
    names = [value for prop in QUERY_NAME_PROPERTIES for value in props.get(prop, []) if value.strip()]
    parts = [props.get(p, []) for p in NAME_PART_PROPERTIES]
    if not props.get("name") and any(parts):
        names.insert(0, " ".join(v[0] for v in parts if v))
    identifiers: dict[str, list[str]] = {}
    for prop, kind in IDENTIFIER_KINDS.items():
        identifiers.setdefault(kind, []).extend(props.get(prop, []))
    if not names and not any(identifiers.values()):
        raise HttpError(400, f"{where}.properties.name: a name or an identifier is required")
    schema = schema_name if schema_name not in ("Thing", "") else "LegalEntity"
    dates = props.get("birthDate") or [v for prop in FOUNDING_DATE_PROPERTIES for v in props.get(prop, [])]
    party = public.Party(
        name=names[0] if names else "",
        aliases=tuple(names[1:]),
        schema=schema,
        birth_date=next(iter(dates), None),
        countries=tuple(value for prop in COUNTRY_PROPERTIES for value in props.get(prop, [])),
        identifiers={kind: tuple(values) for kind, values in identifiers.items() if values},
        key=key,
        ref=ref[:200],
    )
    try:
        party.query()
    except QueryError as exc:
        raise HttpError(400, f"{where}.{_ENGINE_FIELDS.get(exc.field, exc.field)}: {exc}") from exc
    return party
