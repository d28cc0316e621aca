"""The reconciliation service (the community specification OpenRefine speaks, version 0.2) in the yente dialect:
an analyst checks a spreadsheet column of names against the lists without writing code.

`GET /reconcile/{dataset}` is the service manifest; `POST` with a form field `queries` (JSON) reconciles a batch,
with `extend` (JSON) it returns property values of chosen entities; `suggest/entity|type|property` and
`extend/property` drive OpenRefine's auto-completion. Every reconciliation goes through the sanctions door with the
`investigation` purpose, so it is audited like any screening.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from followthemoney import model as ftm_model
from followthemoney.types import registry
from ninja import Form, Router
from ninja import Query as QueryParam
from ninja.errors import HttpError

from hramada.api.auth import roles
from hramada.api.parties import party_from_ftm
from hramada.api.screening import MAX_QUERIES, RESPONSES, caller_of, dataset_scope
from hramada.api.yente_catalog import load_catalog
from hramada.core.access import acting_user
from hramada.sanctions import public
from hramada.sanctions.public import SCREENING_ROLES

router = Router(tags=["reconciliation (OpenRefine)"])

# The kinds of entity the lists hold that a spreadsheet row can be reconciled against.
MATCHABLE = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "CryptoWallet")
MAX_SUGGESTIONS = 500


def _type(name: str) -> dict[str, str]:
    schema = ftm_model.get(name)
    return {"id": name, "name": schema.label if schema is not None else name}


@router.get(
    "/reconcile/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Reconciliation service manifest",
    response=RESPONSES,
)
def manifest(request: HttpRequest, dataset: str) -> dict[str, Any]:
    catalog = load_catalog()
    dataset_scope(catalog, dataset)
    base = request.build_absolute_uri(f"/api/yente/reconcile/{dataset}")
    entity_url = request.build_absolute_uri("/api/yente/entities/") + "{{id}}"
    return {
        "versions": ["0.2"],
        "name": f"Hramada sanctions lists ({dataset})",
        "identifierSpace": "https://www.opensanctions.org/reference/#schema",
        "schemaSpace": "https://www.opensanctions.org/reference/#schema",
        "view": {"url": entity_url},
        "batchSize": 10,
        "suggest": {
            "entity": {"service_url": base, "service_path": "/suggest/entity"},
            "type": {"service_url": base, "service_path": "/suggest/type"},
            "property": {"service_url": base, "service_path": "/suggest/property"},
        },
        "extend": {
            "propose_properties": {"service_url": base, "service_path": "/extend/property"},
            "property_settings": [
                {
                    "name": "limit",
                    "label": "Limit",
                    "type": "number",
                    "default": 0,
                    "help_text": "Most values per row (0: all).",
                },
                {
                    "name": "render",
                    "label": "Value rendering",
                    "type": "select",
                    "default": "caption",
                    "choices": [
                        {"id": "caption", "name": "Readable value"},
                        {"id": "raw", "name": "Machine-readable value"},
                    ],
                    "help_text": "Russia instead of ru.",
                },
            ],
        },
        "defaultTypes": [_type(name) for name in MATCHABLE],
    }


def _decode(text: str, field: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:
        raise HttpError(400, f"{field}: not valid JSON ({exc})") from exc


def _party(key: str, query: Any) -> public.Party:
    """An OpenRefine query (``query``, ``type``, ``properties`` as ``{pid, v}`` pairs) as the FtM query the
    match endpoint takes, screened the same way."""
    if not isinstance(query, dict):
        raise HttpError(400, f"queries.{key}: must be an object")
    kind = query.get("type") or "LegalEntity"
    if isinstance(kind, list):
        kind = kind[0] if kind else "LegalEntity"
    if not isinstance(kind, str) or ftm_model.get(kind) is None:
        raise HttpError(400, f"queries.{key}.type: unknown type {kind!r}")
    properties: dict[str, list[Any]] = {"name": [query.get("query") or ""]} if query.get("query") else {}
    for prop in query.get("properties") or []:
        if not isinstance(prop, dict):
            raise HttpError(400, f"queries.{key}.properties: each entry needs pid and v")
        pid, value = str(prop.get("pid", "")), prop.get("v")
        if pid and value not in (None, ""):
            properties.setdefault(pid, []).extend(value if isinstance(value, list) else [value])
    return party_from_ftm(key, kind, properties)


@router.post(
    "/reconcile/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Reconcile a batch of queries, or extend entities with property values",
    response=RESPONSES,
)
def reconcile(
    request: HttpRequest,
    dataset: str,
    queries: str | None = Form(None),  # type: ignore[type-arg]
    extend: str | None = Form(None),  # type: ignore[type-arg]
) -> dict[str, Any]:
    catalog = load_catalog()
    scope = dataset_scope(catalog, dataset)
    if extend:
        return _extend(_decode(extend, "extend"))
    if not queries:
        raise HttpError(400, "queries: a JSON object of queries (or extend) is required")
    batch = _decode(queries, "queries")
    if not isinstance(batch, dict) or not batch:
        raise HttpError(400, "queries: must be a non-empty JSON object")
    if len(batch) > MAX_QUERIES:
        raise HttpError(400, f"queries: at most {MAX_QUERIES} per batch")
    parties = [_party(str(key), query) for key, query in batch.items()]
    limits = [_limit(query) for query in batch.values()]
    screenings = public.screen_many(
        parties,
        purpose="investigation",
        by=acting_user(request),
        source=caller_of(request),
        dataset=scope,
        limit=max(limits),
    )
    out: dict[str, Any] = {}
    for (key, _), screening, limit in zip(batch.items(), screenings, limits, strict=True):
        out[str(key)] = {
            "result": [
                {
                    "id": hit.entity_id,
                    "name": hit.caption,
                    "score": round(hit.score * 100, 1),
                    "match": hit.match,
                    "type": [_type(hit.schema)],
                    "description": ", ".join(catalog.names_of(list(hit.datasets))),
                }
                for hit in screening.hits[:limit]
            ]
        }
    return out


def _limit(query: Any) -> int:
    value = query.get("limit", 5) if isinstance(query, dict) else 5
    if not isinstance(value, int) or not 1 <= value <= 100:
        raise HttpError(400, "queries.limit: must be a whole number from 1 to 100")
    return value


def _extend(request_body: Any) -> dict[str, Any]:
    if not isinstance(request_body, dict) or not isinstance(request_body.get("ids"), list):
        raise HttpError(400, "extend.ids: a list of entity ids is required")
    ids = [str(i) for i in request_body["ids"]]
    if len(ids) > MAX_QUERIES:
        raise HttpError(400, f"extend.ids: at most {MAX_QUERIES} per batch")
    wanted = request_body.get("properties") or []
    if not isinstance(wanted, list) or not all(isinstance(p, dict) and p.get("id") for p in wanted):
        raise HttpError(400, "extend.properties: a list of {id: property}")
    records = public.listed_entities(ids)
    metas: dict[str, dict[str, str]] = {}
    rows: dict[str, dict[str, list[dict[str, str]]]] = {entity_id: {} for entity_id in ids}
    for entity_id in ids:
        record = records.get(entity_id)
        if record is None:
            continue
        schema = ftm_model.get(record.schema)
        for spec in wanted:
            prop_name = str(spec["id"])
            prop = schema.get(prop_name) if schema is not None else None
            if prop is None:
                continue
            metas.setdefault(prop_name, {"id": prop.name, "name": prop.label})
            settings = spec.get("settings") or {}
            values = [str(v) for v in record.properties.get(prop.name, [])]
            limit = settings.get("limit", 0)
            if isinstance(limit, int) and limit > 0:
                values = values[:limit]
            if settings.get("render", "caption") == "caption":
                values = [prop.type.caption(v) or v for v in values]
            rows[entity_id][prop_name] = [{"str": v} for v in values]
    return {"meta": list(metas.values()), "rows": rows}


def _matches_prefix(prefix: str, *texts: str) -> bool:
    wanted = prefix.casefold().strip()
    return not wanted or any(wanted in text.casefold() for text in texts if text)


@router.get(
    "/reconcile/{dataset}/suggest/entity",
    auth=roles(*SCREENING_ROLES),
    summary="Suggest entities",
    response=RESPONSES,
)
def suggest_entity(
    request: HttpRequest,
    dataset: str,
    prefix: str = QueryParam(..., min_length=1),  # type: ignore[type-arg]
    limit: int = QueryParam(10, ge=0, le=MAX_SUGGESTIONS),  # type: ignore[type-arg]
) -> dict[str, Any]:
    catalog = load_catalog()
    scope = dataset_scope(catalog, dataset)
    summaries = public.listed_summaries()
    found = []
    for entity in sorted(summaries.values(), key=lambda e: e.caption.casefold()):
        if not entity.names or not _matches_prefix(prefix, *entity.names):
            continue
        if scope not in ("default", "belarus") and not any(
            d == scope or d.startswith(f"{scope}:") for d in entity.datasets
        ):
            continue
        found.append({"id": entity.id, "name": entity.caption, "type": [_type(entity.schema)]})
        if len(found) >= limit:
            break
    return {"prefix": prefix, "result": found}


@router.get(
    "/reconcile/{dataset}/suggest/type",
    auth=roles(*SCREENING_ROLES),
    summary="Suggest types",
    response=RESPONSES,
)
def suggest_type(
    request: HttpRequest,
    dataset: str,
    prefix: str = QueryParam(..., min_length=1),  # type: ignore[type-arg]
) -> dict[str, Any]:
    dataset_scope(load_catalog(), dataset)
    result = [_type(name) for name in MATCHABLE if _matches_prefix(prefix, name, _type(name)["name"])]
    return {"prefix": prefix, "result": result}


def _property_entries(schema_names: tuple[str, ...], prefix: str = "") -> list[dict[str, str]]:
    """The properties a row can be extended by or matched on, for these types (``{id, name}``, by name),
    those whose name or label holds ``prefix``: one list for OpenRefine's property suggestions and proposals."""
    seen: dict[str, Any] = {}
    for name in schema_names:
        schema = ftm_model.get(name)
        if schema is None:
            continue
        for prop in schema.properties.values():
            if prop.hidden or prop.type == registry.entity or prop.stub:
                continue
            seen.setdefault(prop.name, prop)
    return [
        {"id": prop.name, "name": prop.label}
        for prop in sorted(seen.values(), key=lambda p: p.name)
        if _matches_prefix(prefix, prop.name, prop.label)
    ]


@router.get(
    "/reconcile/{dataset}/suggest/property",
    auth=roles(*SCREENING_ROLES),
    summary="Suggest properties",
    response=RESPONSES,
)
def suggest_property(
    request: HttpRequest,
    dataset: str,
    prefix: str = QueryParam(..., min_length=1),  # type: ignore[type-arg]
) -> dict[str, Any]:
    dataset_scope(load_catalog(), dataset)
    return {"prefix": prefix, "result": _property_entries(MATCHABLE, prefix)[:20]}


@router.get(
    "/reconcile/{dataset}/extend/property",
    auth=roles(*SCREENING_ROLES),
    summary="Properties to extend by",
    response=RESPONSES,
)
def propose_properties(
    request: HttpRequest,
    dataset: str,
    type_: str = QueryParam("LegalEntity", alias="type"),  # type: ignore[type-arg]
    limit: int = QueryParam(MAX_SUGGESTIONS, ge=1, le=MAX_SUGGESTIONS),  # type: ignore[type-arg]
) -> dict[str, Any]:
    dataset_scope(load_catalog(), dataset)
    if ftm_model.get(type_) is None:
        raise HttpError(400, f"type: unknown type {type_!r}")
    return {"type": type_, "properties": _property_entries((type_,))[:limit]}
