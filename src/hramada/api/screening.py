"""Screening endpoints in the yente (OpenSanctions) dialect, so existing clients such as `yente-client` work
unchanged: `POST /match/{dataset}`, `GET /search/{dataset}`, `GET /entities/{id}`, `GET /catalog`,
`GET /algorithms`, `GET /healthz`, `GET /readyz`.

Datasets: `default` (every current list), `belarus` (Belarus-regime designations across sources) or a source key
(`eu_journal`, `ofac_sdn`, `un_xml`, `eu_fsf`, `ftm_json`, ...). Request parameters follow yente: `algorithm`,
`threshold` (score at which `match` is true), `cutoff` (lowest score returned), `limit`.
"""

from __future__ import annotations

import time
from typing import Any

from django.http import HttpRequest
from ninja import Query as QueryParam
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from hramada.api.auth import roles
from hramada.core.roles import Role
from hramada.sanctions.live_index import current_records, index_status, screening_index
from hramada.screening import FEATURES, Query, QueryError, ScreeningResult, Thresholds, screen

router = Router(tags=["screening (yente dialect)"])

ALGORITHM = "hramada-v1"
ALGORITHM_ALIASES = {ALGORITHM, "best", "default", "logic-v2", "logic-v1", "name-based", "name-qualified"}
SCREENING_ROLES = (
    Role.SANCTIONS_ANALYST,
    Role.FUND_MANAGER,
    Role.FINANCE_OFFICER,
    Role.REVIEWER,
    Role.DOCUMENTER,
    Role.DONOR_COORDINATOR,
    Role.AUDITOR,
    Role.ADMINISTRATOR,
)
MAX_QUERIES = 100
MAX_VALUE_LENGTH = 500  # the longest listed name is under 300 characters; longer input is not a name
MAX_LIMIT = 500
NAME_PROPS = (
    "name",
    "alias",
    "firstName",
    "lastName",
    "middleName",
    "fatherName",
    "weakAlias",
    "previousName",
)
COUNTRY_PROPS = (
    "country",
    "nationality",
    "citizenship",
    "jurisdiction",
    "birthCountry",
    "flag",
    "mainCountry",
)
IDENTIFIER_PROPS = {
    "passportNumber": "passport",
    "idNumber": "national_id",
    "registrationNumber": "registration",
    "ogrnCode": "registration",
    "okpoCode": "registration",
    "taxNumber": "tax",
    "innCode": "tax",
    "vatCode": "tax",
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "leiCode": "lei",
    "swiftBic": "bic",
    "publicKey": "crypto",
    "accountId": "crypto",
}


MATCHER = {
    "name": ALGORITHM,
    "description": "Cross-script name matching with Belarusian-Russian equivalence and identifiers.",
    "features": {f.name: {"description": f.claim, "coefficient": f.weight} for f in FEATURES},
}


class ErrorOut(Schema):
    """Every refusal: what is wrong, naming the field or parameter."""

    detail: str


# What every authenticated operation may answer besides its 200 (docs/security.md: every malformed request is a
# 4xx with a message). 400: a parameter or value the server refuses; 401: no or an unknown key; 403: the key's
# owner lacks the role; 413: the body is over the size limit; 422: the body does not have the documented shape.
ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 413: ErrorOut, 422: ErrorOut}
OPEN_ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 413: ErrorOut}


class EntityQuery(Schema):
    schema_: str = Field("Thing", alias="schema")
    properties: dict[str, list[Any]] = Field(default_factory=dict)
    id: str | None = None


class MatchRequest(Schema):
    queries: dict[str, EntityQuery]
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)


def _thresholds(threshold: float | None, cutoff: float | None, *, investigation: bool = False) -> Thresholds:
    base = Thresholds.INVESTIGATION if investigation else Thresholds.SCREENING
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


def query_from_ftm(key: str, entity: EntityQuery) -> Query:
    """Turn a FollowTheMoney-shaped yente query into an engine query; bad input names the field."""
    props = {
        name: _strings(values, f"queries.{key}.properties.{name}")
        for name, values in entity.properties.items()
    }
    names = [value for prop in NAME_PROPS for value in props.get(prop, []) if value.strip()]
    parts = [props.get(p, []) for p in ("firstName", "middleName", "fatherName", "lastName")]
    if not props.get("name") and any(parts):
        names.insert(0, " ".join(v[0] for v in parts if v))
    identifiers = [
        f"{kind}:{value}" for prop, kind in IDENTIFIER_PROPS.items() for value in props.get(prop, [])
    ]
    if not names and not identifiers:
        raise HttpError(400, f"queries.{key}.properties.name: a name or an identifier is required")
    schema = entity.schema_ if entity.schema_ not in ("Thing", "") else "LegalEntity"
    try:
        return Query(
            name=names[0] if names else "",
            aliases=tuple(names[1:]),
            schema=schema,
            birth_date=next(iter(props.get("birthDate") or props.get("incorporationDate") or []), None),
            countries=tuple(value for prop in COUNTRY_PROPS for value in props.get(prop, [])),
            identifiers=tuple(identifiers),
            id=key,
        )
    except QueryError as exc:
        raise HttpError(400, f"queries.{key}.{_query_field(exc.field)}: {exc}") from exc


def _query_field(field: str) -> str:
    mapping = {
        "name": "properties.name",
        "birth_date": "properties.birthDate",
        "countries": "properties.country",
    }
    return mapping.get(field, field)


def _in_dataset(result: ScreeningResult, dataset: str) -> bool:
    if dataset in ("default", "sanctions", "all"):
        return True
    if dataset == "belarus":
        return any(_is_belarus(s) for s in result.sanctions)
    return dataset in result.datasets


def _is_belarus(sanction: dict[str, list[str]]) -> bool:
    programmes = " ".join(sanction.get("program", []) + sanction.get("programId", [])).upper()
    return "BELARUS" in programmes or "EU-BLR" in programmes or "765/2006" in programmes


def _entity_json(
    record: dict[str, Any] | None, result: ScreeningResult | None = None, *, scored: bool = True
) -> dict[str, Any]:
    record = record or {}
    payload = {
        "id": record.get("id") or (result.entity_id if result else ""),
        "caption": record.get("caption") or (result.caption if result else ""),
        "schema": record.get("schema") or (result.schema if result else "Thing"),
        "properties": record.get("properties", {}),
        "datasets": record.get("datasets", list(result.datasets) if result else []),
        "referents": record.get("referents", []),
        "target": True,
        "first_seen": record.get("first_seen"),
        "last_seen": record.get("last_seen"),
        "last_change": record.get("last_change"),
    }
    if result is not None and scored:
        payload.update(
            {
                "score": round(result.score, 4),
                "match": result.match,
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
                "explanation": result.explanation,
            }
        )
    return payload


def _screen(query: Query, dataset: str, thresholds: Thresholds, limit: int) -> list[ScreeningResult]:
    index = screening_index()
    wide = limit if dataset in ("default", "sanctions", "all") else min(MAX_LIMIT, limit * 5)
    return [r for r in screen(query, index, thresholds=thresholds, limit=wide) if _in_dataset(r, dataset)][
        :limit
    ]


@router.post(
    "/match/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Match FtM-shaped queries (yente dialect)",
    response={200: dict[str, Any], **ERRORS},
)
def match(
    request: HttpRequest,
    dataset: str,
    body: MatchRequest,
    algorithm: str | None = None,
    threshold: float | None = None,
    cutoff: float | None = None,
    limit: int = 5,
) -> dict[str, Any]:
    _check_algorithm(algorithm)
    thresholds = _thresholds(threshold, cutoff)
    limit = _check_limit(limit)
    if not body.queries:
        raise HttpError(400, "queries: at least one query is required")
    if len(body.queries) > MAX_QUERIES:
        raise HttpError(400, f"queries: at most {MAX_QUERIES} queries per request")
    prepared = {key: query_from_ftm(key, entity) for key, entity in body.queries.items()}
    responses: dict[str, Any] = {}
    for key, query in prepared.items():
        results = _screen(query, dataset, thresholds, limit)
        records = current_records([r.entity_id for r in results])
        responses[key] = {
            "status": 200,
            "results": [_entity_json(records.get(r.entity_id), r) for r in results],
            "total": {"value": len(results), "relation": "eq"},
            "query": body.queries[key].model_dump(by_alias=True),
            "limit": limit,
        }
    return {
        "responses": responses,
        "matcher": MATCHER,
        "limit": limit,
    }


@router.get(
    "/search/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Search listed names in any script",
    response={200: dict[str, Any], **ERRORS},
)
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
    try:
        query = Query(
            name=q, schema=schema_name or "LegalEntity", countries=tuple(filter(None, [countries or ""]))
        )
    except QueryError as exc:
        raise HttpError(400, f"{'q' if exc.field == 'name' else exc.field}: {exc}") from exc
    results = _screen(
        query, dataset, _thresholds(None, None, investigation=True), min(MAX_LIMIT, offset + limit)
    )
    page = results[offset : offset + limit]
    records = current_records([r.entity_id for r in page])
    return {
        "results": [
            _entity_json(records.get(r.entity_id), r, scored=False) | {"score": round(r.score, 4)}
            for r in page
        ],
        "facets": {},
        "total": {"value": len(results), "relation": "eq" if len(results) < offset + limit else "gte"},
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/entities/{entity_id}",
    auth=roles(*SCREENING_ROLES),
    summary="One listed entity, with its sanctions",
    response={200: dict[str, Any], 404: ErrorOut, **ERRORS},
)
def entity(request: HttpRequest, entity_id: str, nested: bool = True) -> dict[str, Any]:
    record = current_records([entity_id]).get(entity_id)
    if record is None:
        raise HttpError(404, f"entity_id: no current listed entity {entity_id!r}")
    payload = _entity_json(record)
    if nested:
        index = screening_index()
        sanctions = [
            {"id": f"{entity_id}-sanction-{n}", "schema": "Sanction", "caption": "Sanction", "properties": s}
            for n, s in enumerate(index.sanctions_of(entity_id))
        ]
        if sanctions:
            payload["properties"] = {**payload["properties"], "sanctions": sanctions}
    return payload


@router.get(
    "/catalog",
    auth=roles(*SCREENING_ROLES),
    summary="Loaded lists and their freshness",
    response={200: dict[str, Any], **ERRORS},
)
def catalog(request: HttpRequest) -> dict[str, Any]:
    from hramada.sanctions import selectors

    datasets = []
    for snapshot in selectors.latest_snapshots():
        datasets.append(
            {
                "name": snapshot.source.key,
                "title": snapshot.source.label,
                "version": snapshot.sha256[:12],
                "entity_count": snapshot.entity_count,
                "updated_at": snapshot.imported_at.isoformat(),
                "load": True,
                "index_current": True,
            }
        )
    names = [d["name"] for d in datasets]
    datasets.append({"name": "default", "title": "Every current list", "children": names, "load": True})
    datasets.append({"name": "belarus", "title": "Belarus regime designations, every source", "load": True})
    return {"datasets": datasets, "current": names, "outdated": [], "index_stale": False}


@router.get(
    "/algorithms",
    auth=roles(*SCREENING_ROLES),
    summary="Scoring algorithms on offer",
    response={200: dict[str, Any], **ERRORS},
)
def algorithms(request: HttpRequest) -> dict[str, Any]:
    description = "Feature table: " + ", ".join(f"{f.name} ({f.weight:+})" for f in FEATURES)
    return {
        "algorithms": [{"name": ALGORITHM, "description": description}],
        "default": ALGORITHM,
        "best": ALGORITHM,
    }


@router.get("/healthz", auth=None, summary="Liveness", response={200: dict[str, str], **OPEN_ERRORS})
def healthz(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    auth=None,
    summary="Readiness: the screening index is built",
    response={200: dict[str, Any], **OPEN_ERRORS},
)
def readyz(request: HttpRequest) -> Any:
    started = time.perf_counter()
    screening_index()
    status = index_status()
    return {
        "status": "ok",
        "entities": status["entities"],
        "seconds": round(time.perf_counter() - started, 3),
    }
