"""Screening endpoints in the yente (OpenSanctions) dialect, so existing clients such as `yente-client` work
unchanged: `POST /match/{dataset}`, `GET /search/{dataset}`, `GET /entities/{id}`, `GET /catalog`,
`GET /algorithms`, `GET /healthz`, `GET /readyz`.

Datasets: `default` (every current list), `belarus` (Belarus-regime designations across sources) or a source key
(`eu_journal`, `ofac_sdn`, `un_xml`, `eu_fsf`, `ftm_json`, ...). Request parameters follow yente: `algorithm`,
`threshold` (score at which `match` is true), `cutoff` (lowest score returned), `limit`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query as QueryParam
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from hramada.api.auth import roles
from hramada.core.access import acting_user
from hramada.sanctions import public
from hramada.sanctions.public import SCREENING_ROLES
from hramada.screening import FEATURES, QueryError, Thresholds
from hramada.screening.vocabulary import (
    COUNTRY_PROPERTIES,
    FOUNDING_DATE_PROPERTIES,
    IDENTIFIER_KINDS,
    NAME_PART_PROPERTIES,
    QUERY_NAME_PROPERTIES,
)

router = Router(tags=["screening (yente dialect)"])

ALGORITHM = "hramada-v1"
ALGORITHM_ALIASES = {ALGORITHM, "best", "default", "logic-v2", "logic-v1", "name-based", "name-qualified"}
MAX_QUERIES = 100
MAX_VALUE_LENGTH = 500  # the longest listed name is under 300 characters; longer input is not a name
MAX_LIMIT = 500
MAX_EXCLUDED = 500


MATCHER = {
    "name": ALGORITHM,
    "description": "Cross-script name matching with Belarusian-Russian equivalence and identifiers.",
    "features": {f.name: {"description": f.claim, "coefficient": f.weight} for f in FEATURES},
}


class EntityQuery(Schema):
    schema_: str = Field("Thing", alias="schema")
    properties: dict[str, list[Any]] = Field(default_factory=dict)
    id: str | None = None


class MatchRequest(Schema):
    queries: dict[str, EntityQuery]
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)


def _thresholds(threshold: float | None, cutoff: float | None, *, purpose: str) -> Thresholds | None:
    """The profile's thresholds, unless the caller chose its own (yente lets it); None keeps the profile's."""
    if threshold is None and cutoff is None:
        return None
    base = public.profile(purpose)
    match = base.match if threshold is None else threshold
    review = base.review if cutoff is None else cutoff
    for name, value in (("threshold", match), ("cutoff", review)):
        if not 0.0 <= value <= 1.0:
            raise HttpError(400, f"{name}: must be between 0 and 1, not {value}")
    return Thresholds(match=match, review=min(review, match), candidates=base.candidates)


def _check_algorithm(algorithm: str | None) -> None:
    if algorithm and algorithm not in ALGORITHM_ALIASES:
        raise HttpError(400, f"algorithm: unknown algorithm {algorithm!r}; this server offers {ALGORITHM!r}")


def _check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise HttpError(400, f"limit: must be between 1 and {MAX_LIMIT}")
    return limit


def _strings(values: list[Any], field: str) -> list[str]:
    out = []
    for value in values:
        if isinstance(value, (dict, list)):
            raise HttpError(400, f"{field}: values must be strings")
        text = str(value)
        if len(text) > MAX_VALUE_LENGTH:
            raise HttpError(400, f"{field}: longer than {MAX_VALUE_LENGTH} characters ({len(text)})")
        out.append(text)
    return out


def party_from_ftm(key: str, entity: EntityQuery, *, caller: str) -> public.Party:
    """Turn a FollowTheMoney-shaped yente query into a party to screen; bad input names the field.

    A query that carries its own ``id`` is the caller's counterparty: decisions on it are remembered under
    ``<caller>:<id>``, so the next request with the same id shows them."""
    props = {
        name: _strings(values, f"queries.{key}.properties.{name}")
        for name, values in entity.properties.items()
    }
    names = [value for prop in QUERY_NAME_PROPERTIES for value in props.get(prop, []) if value.strip()]
    parts = [props.get(p, []) for p in NAME_PART_PROPERTIES]
    if not props.get("name") and any(parts):
        names.insert(0, " ".join(v[0] for v in parts if v))
    identifiers: dict[str, list[str]] = {}
    for prop, kind in IDENTIFIER_KINDS.items():
        identifiers.setdefault(kind, []).extend(props.get(prop, []))
    if not names and not any(identifiers.values()):
        raise HttpError(400, f"queries.{key}.properties.name: a name or an identifier is required")
    schema = entity.schema_ if entity.schema_ not in ("Thing", "") else "LegalEntity"
    dates = props.get("birthDate") or [v for prop in FOUNDING_DATE_PROPERTIES for v in props.get(prop, [])]
    party = public.Party(
        name=names[0] if names else "",
        aliases=tuple(names[1:]),
        schema=schema,
        birth_date=next(iter(dates), None),
        countries=tuple(value for prop in COUNTRY_PROPERTIES for value in props.get(prop, [])),
        identifiers={kind: tuple(values) for kind, values in identifiers.items() if values},
        key=key,
        ref=f"{caller}:{entity.id}"[:200] if entity.id else "",
    )
    try:
        party.query()
    except QueryError as exc:
        raise HttpError(400, f"queries.{key}.{_query_field(exc.field)}: {exc}") from exc
    return party


def _query_field(field: str) -> str:
    mapping = {
        "name": "properties.name",
        "birth_date": "properties.birthDate",
        "countries": "properties.country",
    }
    return mapping.get(field, field)


def _caller(request: HttpRequest) -> str:
    """Who asks, as the audit log and remembered decisions name it: the API key, or the signed-in session."""
    key_id = getattr(request, "api_key_id", None)
    return f"api.key:{key_id}" if key_id is not None else f"api.session:{getattr(request.user, 'pk', '')}"


def _purpose(purpose: str | None, default: str) -> str:
    chosen = purpose or default
    if chosen not in public.PURPOSES:
        raise HttpError(400, f"purpose: unknown purpose {chosen!r}; known: {', '.join(public.PURPOSES)}")
    return chosen


def _entity_json(
    record: public.ListedRecord | None, hit: public.Hit | None = None, *, scored: bool = True
) -> dict[str, Any]:
    data: dict[str, Any] = dict(record.data) if record is not None else {}
    payload = {
        "id": record.id if record else (hit.entity_id if hit else ""),
        "caption": record.caption if record else (hit.caption if hit else ""),
        "schema": record.schema if record else (hit.schema if hit else "Thing"),
        "properties": dict(record.properties) if record else {},
        "datasets": list(record.datasets) if record else (list(hit.datasets) if hit else []),
        "referents": data.get("referents", []),
        "target": True,
        "first_seen": data.get("first_seen"),
        "last_seen": data.get("last_seen"),
        "last_change": data.get("last_change"),
    }
    if hit is not None and scored:
        result = hit.result
        payload.update(
            {
                "score": hit.score,
                "match": hit.match,
                "features": {name: round(value, 4) for name, value in result.features.items()},
                "explanations": {
                    reason.feature: {
                        "score": round(reason.value, 4),
                        "weight": reason.weight,
                        "detail": reason.detail,
                        "query": result.name_evidence.query_name if result.name_evidence else None,
                        "candidate": result.name_evidence.listed_name if result.name_evidence else None,
                    }
                    for reason in result.reasons
                },
                "explanation": hit.explanation,
                "decision": _decision_json(hit.decision),
            }
        )
    return payload


def _decision_json(decision: public.RememberedDecision | None) -> dict[str, Any] | None:
    """Hramada's addition to yente's result: an analyst's standing decision on this (query id, entity) pair."""
    if decision is None:
        return None
    return {
        "verdict": decision.verdict,
        "reason": decision.reason,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at.isoformat(),
        "listed_changed": decision.listed_changed,
    }


@router.post(
    "/match/{dataset}", auth=roles(*SCREENING_ROLES), summary="Match FtM-shaped queries (yente dialect)"
)
def match(
    request: HttpRequest,
    dataset: str,
    body: MatchRequest,
    algorithm: str | None = None,
    threshold: float | None = None,
    cutoff: float | None = None,
    limit: int = 5,
    exclude_entity_ids: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    purpose: str | None = None,
) -> dict[str, Any]:
    _check_algorithm(algorithm)
    chosen = _purpose(purpose, "onboarding")
    thresholds = _thresholds(threshold, cutoff, purpose=chosen)
    limit = _check_limit(limit)
    if len(exclude_entity_ids) > MAX_EXCLUDED:
        raise HttpError(400, f"exclude_entity_ids: at most {MAX_EXCLUDED} ids")
    if not body.queries:
        raise HttpError(400, "queries: at least one query is required")
    if len(body.queries) > MAX_QUERIES:
        raise HttpError(400, f"queries: at most {MAX_QUERIES} queries per request")
    caller = _caller(request)
    parties = [party_from_ftm(key, entity, caller=caller) for key, entity in body.queries.items()]
    screenings = public.screen_many(
        parties,
        purpose=chosen,
        by=acting_user(request),  # RoleAuth put the authenticated staff user here
        source=caller,
        dataset=dataset,
        limit=limit,
        thresholds=thresholds,
        exclude_entity_ids=exclude_entity_ids,
    )
    records = public.listed_entities({hit.entity_id for s in screenings for hit in s.hits})
    responses: dict[str, Any] = {}
    for key, screening in zip(body.queries, screenings, strict=True):
        responses[key] = {
            "status": 200,
            "results": [_entity_json(records.get(hit.entity_id), hit) for hit in screening.hits],
            "total": {"value": len(screening.hits), "relation": "eq"},
            "query": body.queries[key].model_dump(by_alias=True),
            "limit": limit,
        }
    return {
        "responses": responses,
        "matcher": MATCHER,
        "limit": limit,
    }


@router.get("/search/{dataset}", auth=roles(*SCREENING_ROLES), summary="Search listed names in any script")
def search(
    request: HttpRequest,
    dataset: str,
    q: str = "",
    schema_name: str | None = QueryParam(None, alias="schema"),  # type: ignore[type-arg]
    countries: str | None = None,
    limit: int = 10,
    offset: int = 0,
) -> dict[str, Any]:
    limit = _check_limit(limit)
    if offset < 0:
        raise HttpError(400, "offset: must not be negative")
    if not q.strip():
        raise HttpError(400, "q: a search text is required")
    if len(q) > MAX_VALUE_LENGTH:
        raise HttpError(400, f"q: longer than {MAX_VALUE_LENGTH} characters ({len(q)})")
    party = public.Party(
        name=q, schema=schema_name or "LegalEntity", countries=tuple(filter(None, [countries or ""]))
    )
    try:
        party.query()
    except QueryError as exc:
        raise HttpError(400, f"{'q' if exc.field == 'name' else exc.field}: {exc}") from exc
    screening = public.screen(
        party,
        purpose="investigation",
        by=acting_user(request),
        source=_caller(request),
        dataset=dataset,
        limit=min(MAX_LIMIT, offset + limit),
    )
    page = screening.hits[offset : offset + limit]
    records = public.listed_entities([hit.entity_id for hit in page])
    return {
        "results": [
            _entity_json(records.get(hit.entity_id), hit, scored=False) | {"score": hit.score} for hit in page
        ],
        "facets": {},
        "total": {
            "value": len(screening.hits),
            "relation": "eq" if len(screening.hits) < offset + limit else "gte",
        },
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/entities/{entity_id}", auth=roles(*SCREENING_ROLES), summary="One listed entity, with its sanctions"
)
def entity(request: HttpRequest, entity_id: str, nested: bool = True) -> dict[str, Any]:
    record = public.listed_entity(entity_id)
    if record is None:
        raise HttpError(404, f"entity_id: no current listed entity {entity_id!r}")
    payload = _entity_json(record)
    if nested and record.sanctions:
        sanctions = [
            {"id": f"{entity_id}-sanction-{n}", "schema": "Sanction", "caption": "Sanction", "properties": s}
            for n, s in enumerate(record.sanctions)
        ]
        payload["properties"] = {**payload["properties"], "sanctions": sanctions}
    return payload


@router.get("/catalog", auth=roles(*SCREENING_ROLES), summary="Loaded lists and their freshness")
def catalog(request: HttpRequest) -> dict[str, Any]:
    datasets: list[dict[str, Any]] = [
        {
            "name": current.key,
            "title": current.title,
            "version": current.version,
            "entity_count": current.entity_count,
            "updated_at": current.updated_at.isoformat(),
            "load": True,
            "index_current": True,
        }
        for current in public.current_lists()
    ]
    names = [d["name"] for d in datasets]
    datasets.append({"name": "default", "title": "Every current list", "children": names, "load": True})
    datasets.append({"name": "belarus", "title": "Belarus regime designations, every source", "load": True})
    return {"datasets": datasets, "current": names, "outdated": [], "index_stale": False}


@router.get("/algorithms", auth=roles(*SCREENING_ROLES), summary="Scoring algorithms on offer")
def algorithms(request: HttpRequest) -> dict[str, Any]:
    description = "Feature table: " + ", ".join(f"{f.name} ({f.weight:+})" for f in FEATURES)
    return {
        "algorithms": [{"name": ALGORITHM, "description": description}],
        "default": ALGORITHM,
        "best": ALGORITHM,
    }


@router.get("/healthz", auth=None, summary="Liveness")
def healthz(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    auth=None,
    response={200: dict[str, Any], 503: dict[str, Any]},
    summary="Readiness: the screening index is built",
)
def readyz(request: HttpRequest) -> Any:
    """200 once this process can screen at once; 503 while its index is still being built (which this call
    starts in the background if nothing has yet). A load balancer sends no traffic until 200."""
    if not public.index_ready():
        public.start_warm_up()
        return Status(503, {"status": "starting"})
    status = public.index_status()
    return {"status": "ok", "entities": status["entities"], "build_seconds": status["build_seconds"]}
