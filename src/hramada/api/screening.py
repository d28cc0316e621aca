"""Screening endpoints in the yente (OpenSanctions) dialect, so existing clients such as `yente-client` work
unchanged: `POST /match/{dataset}`, `GET /search/{dataset}`, `GET /entities/{id}`, `GET /catalog`,
`GET /algorithms`, `GET /healthz`, `GET /readyz`.

Datasets are named as OpenSanctions names them (`us_ofac_sdn`, `eu_journal_belarus`, `un_sc_sanctions`, the name
given at import for FtM files); `default`, `sanctions` and `all` cover every list, `belarus` the Belarus-regime
designations of every list (see `yente_catalog`). An unknown dataset is a 404. Request parameters follow yente
(docs/screening.md lists each one and the few behaviours that differ on purpose).
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from followthemoney import model as ftm_model
from followthemoney.types import registry
from ninja import Query as QueryParam
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.responses import NinjaJSONEncoder
from pydantic import Field

from hramada.api.auth import roles
from hramada.api.parties import MAX_VALUE_LENGTH, cleaned_entity, party_from_ftm
from hramada.api.yente_catalog import BELARUS, INDEX_VERSION, Catalog, load_catalog
from hramada.core.access import acting_user
from hramada.core.startup import report_ready, service_readiness, warmups_finished
from hramada.evasion import public as evasion
from hramada.sanctions import public
from hramada.sanctions.public import SCREENING_ROLES
from hramada.screening import FEATURES, QueryError, Thresholds

router = Router(tags=["screening (yente dialect)"])

# Refusals every operation can give besides those it lists (all {"detail": "..."}; docs/security.md): 401 without
# or with an unknown key, 403 when the key's owner lacks the role, 413 for a body over the size limit.
AUTH_ERRORS: dict[int, Any] = {401: dict[str, Any], 403: dict[str, Any], 413: dict[str, Any]}
OPEN_ERRORS: dict[int, Any] = {413: dict[str, Any]}
# An operation that takes a dataset and parameters: 400 for a bad value (naming it), 404 for an unknown dataset or
# entity, 422 for a parameter out of yente's bounds.
RESPONSES: dict[int, Any] = {
    200: dict[str, Any],
    400: dict[str, Any],
    404: dict[str, Any],
    422: dict[str, Any],
    **AUTH_ERRORS,
}

ALGORITHM = "hramada-v1"
ALGORITHM_ALIASES = {ALGORITHM, "best", "default", "logic-v2", "logic-v1", "name-based", "name-qualified"}
MAX_QUERIES = 100
MAX_LIMIT = 500
MAX_EXCLUDED = 500
# yente's paging bounds: a page holds at most 500 results and a window reaches at most result 9,999.
MAX_RESULTS = 9999
MAX_OFFSET = MAX_RESULTS - MAX_LIMIT
CACHE_CONTROL = "private, max-age=300"
# The matcher options this server understands in a request's `config` (yente refuses any other with a 400).
MATCHER_CONFIG: dict[str, dict[str, str]] = {}


MATCHER = {
    "name": ALGORITHM,
    "description": "Cross-script name matching with Belarusian-Russian equivalence and identifiers.",
    "features": {f.name: {"description": f.claim, "coefficient": f.weight} for f in FEATURES},
}


class EntityQuery(Schema):
    schema_: str = Field("Thing", alias="schema")
    # yente takes a single value where a list is expected, and numbers (a birth year) where text is expected.
    properties: dict[str, list[Any] | str | int | float] = Field(default_factory=dict)
    id: str | None = None

    def property_lists(self) -> dict[str, list[Any]]:
        return {
            name: values if isinstance(values, list) else [values] for name, values in self.properties.items()
        }


def echo_query(entity: EntityQuery) -> dict[str, Any]:
    """The query as yente echoes it (``"Russia"`` comes back as ``"ru"``)."""
    return cleaned_entity(entity.schema_, entity.property_lists(), entity.id)


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


def party_from_query(key: str, entity: EntityQuery, *, caller: str) -> public.Party:
    """A yente query as a party to screen. A query that carries its own ``id`` is the caller's counterparty:
    decisions on it are remembered under ``<caller>:<id>``, so the next request with the same id shows them."""
    return party_from_ftm(
        key,
        entity.schema_,
        entity.property_lists(),
        entity_id=entity.id,
        ref=f"{caller}:{entity.id}" if entity.id else "",
    )


def caller_of(request: HttpRequest) -> str:
    """Who asks, as the audit log and remembered decisions name it: the API key, or the signed-in session."""
    key_id = getattr(request, "api_key_id", None)
    return f"api.key:{key_id}" if key_id is not None else f"api.session:{getattr(request.user, 'pk', '')}"


def _purpose(purpose: str | None, default: str) -> str:
    chosen = purpose or default
    if chosen not in public.PURPOSES:
        raise HttpError(400, f"purpose: unknown purpose {chosen!r}; known: {', '.join(public.PURPOSES)}")
    return chosen


def _entity_json(
    record: public.ListedRecord | None,
    hit: public.Hit | None = None,
    *,
    catalog: Catalog,
    scored: bool = True,
) -> dict[str, Any]:
    data: dict[str, Any] = dict(record.data) if record is not None else {}
    datasets = list(record.datasets) if record else (list(hit.datasets) if hit else [])
    payload = {
        "id": record.id if record else (hit.entity_id if hit else ""),
        "caption": record.caption if record else (hit.caption if hit else ""),
        "schema": record.schema if record else (hit.schema if hit else "Thing"),
        "properties": dict(record.properties) if record else {},
        "datasets": catalog.names_of(datasets),
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


def dataset_scope(catalog: Catalog, dataset: str) -> str:
    """The door's scope for a dataset named in the path; an unknown name is a 404, as in yente."""
    scope = catalog.scope(dataset)
    if scope is None:
        raise HttpError(404, f"No such dataset: {dataset!r}. Known: {', '.join(_known(catalog))}")
    return scope


def _known(catalog: Catalog) -> list[str]:
    return [*catalog.names, "default", "sanctions", "all", "belarus"]


def _check_dataset_names(catalog: Catalog, field: str, names: list[str]) -> set[str]:
    unknown = [name for name in names if catalog.by_name(name) is None]
    if unknown:
        raise HttpError(400, f"{field}: unknown dataset(s) {', '.join(map(repr, unknown))}")
    return set(names)


def _check_schemata(field: str, names: list[str]) -> set[str]:
    unknown = [name for name in names if ftm_model.get(name) is None]
    if unknown:
        raise HttpError(400, f"{field}: unknown schema(s) {', '.join(map(repr, unknown))}")
    return set(names)


def _since(value: str | None, field: str = "changed_since") -> str | None:
    """``changed_since`` as yente takes it: an ISO date or timestamp; compared as text against ``last_change``."""
    if value is None or value == "":
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise HttpError(422, f"{field}: not an ISO date or timestamp: {value!r}") from exc
    return value


class ResultFilter:
    """yente's result filters, applied to listed records: datasets, schemata, topics, change time."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        include: set[str] = frozenset(),  # type: ignore[assignment]
        exclude: set[str] = frozenset(),  # type: ignore[assignment]
        exclude_schema: set[str] = frozenset(),  # type: ignore[assignment]
        topics: set[str] = frozenset(),  # type: ignore[assignment]
        changed_since: str | None = None,
        countries: set[str] = frozenset(),  # type: ignore[assignment]
        schema: str | None = None,
    ) -> None:
        self.catalog = catalog
        self.include = include
        self.exclude = exclude
        self.exclude_schema = exclude_schema
        self.topics = topics
        self.changed_since = changed_since
        self.countries = countries
        self.schema = ftm_model.get(schema) if schema else None

    @property
    def active(self) -> bool:
        return bool(
            self.include
            or self.exclude
            or self.exclude_schema
            or self.topics
            or self.changed_since
            or self.countries
            or (self.schema is not None and self.schema.name != "Thing")
        )

    def keeps_summary(self, entity: Any, last_change: str | None = None) -> bool:
        names = set(self.catalog.names_of(list(entity.datasets)))
        if self.include and not names & self.include:
            return False
        if self.exclude and names and names <= self.exclude:
            return False
        if entity.schema in self.exclude_schema:
            return False
        if self.schema is not None:
            own = ftm_model.get(entity.schema)
            if own is None or not own.is_a(self.schema):
                return False
        if self.topics and not set(entity.topics) & self.topics:
            return False
        if self.countries and not set(entity.countries) & self.countries:
            return False
        return not (self.changed_since and (last_change or "") < self.changed_since)


@router.post(
    "/match/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Match FtM-shaped queries (yente dialect)",
    response=RESPONSES,
)
def match(
    request: HttpRequest,
    dataset: str,
    body: MatchRequest,
    algorithm: str | None = None,
    threshold: float | None = None,
    cutoff: float | None = None,
    limit: int = QueryParam(5, ge=1, le=MAX_LIMIT),  # type: ignore[type-arg]
    include_dataset: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    exclude_dataset: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    exclude_schema: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    topics: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    changed_since: str | None = None,
    exclude_entity_ids: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    purpose: str | None = None,
) -> Any:
    catalog = load_catalog()
    scope = dataset_scope(catalog, dataset)
    _check_algorithm(algorithm)
    unknown_config = sorted(set(body.config) - set(MATCHER_CONFIG))
    if unknown_config:
        raise HttpError(
            400, f"config: invalid configuration parameter(s) {', '.join(unknown_config)} for {ALGORITHM}"
        )
    chosen = _purpose(purpose, "onboarding")
    thresholds = _thresholds(threshold, cutoff, purpose=chosen)
    if len(exclude_entity_ids) > MAX_EXCLUDED:
        raise HttpError(400, f"exclude_entity_ids: at most {MAX_EXCLUDED} ids")
    if not body.queries:
        raise HttpError(400, "queries: at least one query is required")
    if len(body.queries) > MAX_QUERIES:
        raise HttpError(400, f"queries: at most {MAX_QUERIES} queries per request")
    filters = ResultFilter(
        catalog,
        include=_check_dataset_names(catalog, "include_dataset", include_dataset),
        exclude=_check_dataset_names(catalog, "exclude_dataset", exclude_dataset),
        exclude_schema=_check_schemata("exclude_schema", exclude_schema),
        topics=set(topics),
        changed_since=_since(changed_since),
    )
    caller = caller_of(request)
    parties = [party_from_query(key, entity, caller=caller) for key, entity in body.queries.items()]
    screenings = public.screen_many(
        parties,
        purpose=chosen,
        by=acting_user(request),  # RoleAuth put the authenticated staff user here
        source=caller,
        dataset=scope,
        limit=MAX_LIMIT if filters.active else limit,
        thresholds=thresholds,
        exclude_entity_ids=exclude_entity_ids,
    )
    records = public.listed_entities({hit.entity_id for s in screenings for hit in s.hits})
    summaries = public.listed_summaries() if filters.active else {}
    deemed = evasion.deemed_sanctioned_of({hit.entity_id for s in screenings for hit in s.hits})
    responses: dict[str, Any] = {}
    for key, screening in zip(body.queries, screenings, strict=True):
        hits = [
            hit
            for hit in screening.hits
            if not filters.active
            or (
                hit.entity_id in summaries
                and filters.keeps_summary(summaries[hit.entity_id], _last_change(records.get(hit.entity_id)))
            )
        ][:limit]
        results = [
            _with_deemed(
                _entity_json(records.get(hit.entity_id), hit, catalog=catalog), deemed.get(hit.entity_id)
            )
            for hit in hits
        ]
        if scope in ALL_SCOPES and not filters.active:
            results = (
                results + _deemed_by_name(screening.party, {r["id"] for r in results}, exclude_entity_ids)
            )[:limit]
        responses[key] = {
            "status": 200,
            "results": results,
            "total": {"value": len(results), "relation": "eq"},
            "query": echo_query(body.queries[key]),
            "limit": limit,
        }
    return {"responses": responses, "matcher": MATCHER, "limit": limit}


ALL_SCOPES = ("default", "sanctions", "all")


def _deemed_explanation(items: tuple[evasion.DeemedSanctioned, ...]) -> dict[str, Any]:
    """Why the ownership graph deems an entity sanctioned, under each rule that covers it, with the path."""
    return {
        "score": 1.0,
        "weight": 0,
        "detail": "; ".join(f"{item.reason}: {item.path_text}" for item in items),
        "rules": [
            {
                "rule": item.rule,
                "reason": item.reason,
                "aggregate": item.aggregate,
                "criteria": list(item.criteria),
                "path": [{"id": step.entity_id, "name": step.name, "via": step.via} for step in item.path],
                "path_text": item.path_text,
            }
            for item in items
        ],
    }


def _with_deemed(
    payload: dict[str, Any], items: tuple[evasion.DeemedSanctioned, ...] | None
) -> dict[str, Any]:
    if items:
        explanation = _deemed_explanation(items)
        payload["explanations"] = {**payload.get("explanations", {}), "deemed_sanctioned": explanation}
        payload["explanation"] = f"{payload.get('explanation', '')} {explanation['detail']}.".strip()
    return payload


def _deemed_by_name(party: public.Party, shown: set[str], excluded: list[str]) -> list[dict[str, Any]]:
    """Entities no list names but the ownership graph deems sanctioned (OFAC 50%, EU ownership and control),
    whose name is the query's name: a result of their own, explained by the rule and the path."""
    found: dict[str, list[evasion.DeemedSanctioned]] = {}
    for name in (party.name, *party.aliases):
        if name.strip():
            for item in evasion.deemed_sanctioned_named(name):
                if item.entity_id not in shown and item.entity_id not in excluded:
                    found.setdefault(item.entity_id, []).append(item)
    results = []
    for entity_id, items in found.items():
        first = items[0]
        unique = tuple({item.rule: item for item in items}.values())
        payload: dict[str, Any] = {
            "id": entity_id,
            "caption": first.name,
            "schema": first.schema,
            "properties": {"name": [first.name]},
            "datasets": [],
            "referents": [],
            "target": False,
            "first_seen": None,
            "last_seen": None,
            "last_change": None,
            "score": 1.0,
            "match": True,
            "features": {"deemed_sanctioned": 1.0},
            "explanations": {},
            "explanation": "",
            "decision": None,
        }
        results.append(_with_deemed(payload, unique))
    return results


def _last_change(record: public.ListedRecord | None) -> str | None:
    if record is None:
        return None
    value = record.data.get("last_change")
    return str(value) if value else None


def _facets(entities: list[Any], catalog: Catalog, wanted: list[str]) -> dict[str, Any]:
    """Counts per dataset, schema, country and topic over the whole result set, as yente's facets."""
    out: dict[str, Any] = {}
    for facet in wanted:
        counts: dict[str, int] = {}
        for entity in entities:
            if facet == "datasets":
                values = catalog.names_of(list(entity.datasets))
            elif facet == "schema":
                values = [entity.schema]
            elif facet == "countries":
                values = list(entity.countries)
            else:
                values = list(entity.topics)
            for value in set(values):
                counts[value] = counts.get(value, 0) + 1
        labels = {entry.name: entry.title for entry in catalog.lists} if facet == "datasets" else {}
        out[facet] = {
            "label": facet,
            "values": [
                {"name": name, "label": labels.get(name, name), "count": count}
                for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            ],
        }
    return out


FACETS = ("datasets", "schema", "countries", "topics")
SORTS = {"caption", "caption:asc", "caption:desc", "score", "score:desc", "_score", "_score:desc"}


@router.get(
    "/search/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Search listed names in any script, or browse a dataset without q",
    response={
        200: dict[str, Any],
        304: None,
        400: dict[str, Any],
        404: dict[str, Any],
        422: dict[str, Any],
        **AUTH_ERRORS,
    },
)
def search(
    request: HttpRequest,
    dataset: str,
    q: str = "",
    schema_name: str | None = QueryParam(None, alias="schema"),  # type: ignore[type-arg]
    exclude_schema: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    countries: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    topics: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    datasets: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    include_dataset: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    exclude_dataset: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    changed_since: str | None = None,
    facets: list[str] = QueryParam(list(FACETS)),  # type: ignore[type-arg]  # noqa: B008
    sort: list[str] = QueryParam([]),  # type: ignore[type-arg]  # noqa: B008
    filter_: list[str] = QueryParam([], alias="filter"),  # type: ignore[type-arg]  # noqa: B008
    filter_op: str = "OR",
    limit: int = QueryParam(10, ge=0, le=MAX_LIMIT),  # type: ignore[type-arg]
    offset: int = QueryParam(0, ge=0, le=MAX_OFFSET),  # type: ignore[type-arg]
) -> Any:
    catalog = load_catalog()
    scope = dataset_scope(catalog, dataset)
    etag = _etag(catalog, request)
    if _not_modified(request, etag):
        return _not_modified_response(etag)
    if len(q) > MAX_VALUE_LENGTH:
        raise HttpError(400, f"q: longer than {MAX_VALUE_LENGTH} characters ({len(q)})")
    if schema_name and ftm_model.get(schema_name) is None:
        raise HttpError(400, f"schema: unknown schema {schema_name!r}")
    unknown_facets = [f for f in facets if f not in FACETS]
    if unknown_facets:
        raise HttpError(
            400, f"facets: unknown facet(s) {', '.join(unknown_facets)}; known: {', '.join(FACETS)}"
        )
    unknown_sorts = [s for s in sort if s not in SORTS]
    if unknown_sorts:
        raise HttpError(
            400, f"sort: unsupported sort(s) {', '.join(unknown_sorts)}; known: {', '.join(sorted(SORTS))}"
        )
    if filter_op.upper() not in ("OR", "AND"):
        raise HttpError(422, "filter_op: must be OR or AND")
    property_filters = _property_filters(filter_)
    filters = ResultFilter(
        catalog,
        include=_check_dataset_names(catalog, "include_dataset", include_dataset)
        | _check_dataset_names(catalog, "datasets", datasets),
        exclude=_check_dataset_names(catalog, "exclude_dataset", exclude_dataset),
        exclude_schema=_check_schemata("exclude_schema", exclude_schema),
        topics=set(topics),
        changed_since=_since(changed_since),
        countries={c.lower() for c in countries},
        schema=schema_name,
    )
    summaries = public.listed_summaries()
    if q.strip():
        party = public.Party(name=q, schema="LegalEntity")
        try:
            party.query()
        except QueryError as exc:
            raise HttpError(400, f"{'q' if exc.field == 'name' else exc.field}: {exc}") from exc
        screening = public.screen(
            party,
            purpose="investigation",
            by=acting_user(request),
            source=caller_of(request),
            dataset=scope,
            limit=MAX_LIMIT,
        )
        scores = {hit.entity_id: hit.score for hit in screening.hits}
        candidates = [summaries[i] for i in scores if i in summaries]
    else:
        scores = {}
        candidates = _browse(summaries, scope)
    records_needed = filters.changed_since is not None or bool(property_filters)
    records = public.listed_entities([e.id for e in candidates]) if records_needed else {}
    kept = [
        e
        for e in candidates
        if filters.keeps_summary(e, _last_change(records.get(e.id)))
        and _matches_properties(records.get(e.id), property_filters, filter_op.upper())
    ]
    if sort and sort[0].startswith("caption"):
        kept.sort(key=lambda e: e.caption.casefold(), reverse=sort[0].endswith(":desc"))
    page = kept[offset : offset + limit]
    page_records = public.listed_entities([e.id for e in page])
    response = {
        "results": [
            _entity_json(page_records.get(e.id), None, catalog=catalog, scored=False)
            | ({"score": scores[e.id]} if e.id in scores else {})
            for e in page
        ],
        "facets": _facets(kept, catalog, facets),
        "total": {"value": len(kept), "relation": "eq"},
        "limit": limit,
        "offset": offset,
    }
    return _cached(request, response, etag)


def _browse(summaries: Any, scope: str) -> list[Any]:
    """Every entity of a dataset, for a search without ``q``: subjects only (no Sanction or link records)."""
    entities = [e for e in summaries.values() if e.names]
    if scope == "belarus":
        belarus = public.belarus_entity_ids([e.id for e in entities])
        entities = [e for e in entities if e.id in belarus]
    elif scope != "default":
        entities = [
            e for e in entities if scope in e.datasets or any(d.startswith(f"{scope}:") for d in e.datasets)
        ]
    return sorted(entities, key=lambda e: (e.caption.casefold(), e.id))


def _property_filters(values: list[str]) -> list[tuple[str, str]]:
    """yente's ``filter=property:value`` parameters."""
    out = []
    for value in values:
        prop, sep, wanted = value.partition(":")
        if not sep or not prop or not wanted:
            raise HttpError(400, f"filter: expected property:value, not {value!r}")
        out.append((prop, wanted.casefold()))
    return out


def _matches_properties(record: public.ListedRecord | None, filters: list[tuple[str, str]], op: str) -> bool:
    if not filters:
        return True
    if record is None:
        return False
    checks = [
        any(str(v).casefold() == wanted for v in record.properties.get(prop, [])) for prop, wanted in filters
    ]
    return all(checks) if op == "AND" else any(checks)


def _etag(catalog: Catalog, request: HttpRequest) -> str:
    """A validator that changes with any list update and with the request's own query (the same URL on the
    same data gives the same answer)."""
    digest = hashlib.sha256(f"{catalog.etag()}|{request.get_full_path()}".encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def _not_modified(request: HttpRequest, etag: str) -> bool:
    sent = request.headers.get("If-None-Match", "")
    return bool(sent) and (sent.strip() == "*" or etag in [t.strip() for t in sent.split(",")])


def _not_modified_response(etag: str) -> HttpResponse:
    response = HttpResponse(status=304)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _cached(request: HttpRequest, payload: dict[str, Any], etag: str) -> HttpResponse:
    response = HttpResponse(json.dumps(payload, cls=NinjaJSONEncoder), content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _adjacent(record: public.ListedRecord, payload: dict[str, Any], catalog: Catalog) -> dict[str, list[Any]]:
    """The entities yente nests under an entity, by property: its sanctions, then linked entities under the
    reverse property of the link (owners, holdings, directors, family, associates)."""
    entity_id = record.id
    adjacent: dict[str, list[Any]] = {}
    if record.sanctions:
        adjacent["sanctions"] = [
            {
                "id": f"{entity_id}-sanction-{n}",
                "schema": "Sanction",
                "caption": "Sanction",
                "properties": dict(s) | {"entity": [entity_id]},
                "datasets": payload["datasets"],
                "referents": [],
                "target": False,
                "first_seen": payload["first_seen"],
                "last_seen": payload["last_seen"],
                "last_change": payload["last_change"],
            }
            for n, s in enumerate(record.sanctions)
        ]
    adjacent.update(_referenced(record, catalog))
    related = public.related_entities(entity_id)
    if related:
        others = public.listed_entities([r.entity_id for r in related])
        for relation in related:
            other = others.get(relation.entity_id)
            nested_entity = (
                _entity_json(other, catalog=catalog)
                if other is not None
                else {"id": relation.entity_id, "caption": relation.caption, "schema": relation.schema}
            )
            adjacent.setdefault(_relation_property(relation), []).append(nested_entity)
    return adjacent


def _referenced(record: public.ListedRecord, catalog: Catalog) -> dict[str, list[Any]]:
    """The entities this record names in its own entity-typed properties (``addressEntity``...), nested in place
    of their ids as yente nests them; an id no current list holds is left out of the nested view."""
    schema = ftm_model.get(record.schema)
    if schema is None:
        return {}
    refs = {
        prop.name: [str(value) for value in record.properties.get(prop.name, [])]
        for prop in schema.properties.values()
        if prop.type == registry.entity and record.properties.get(prop.name)
    }
    if not refs:
        return {}
    found = public.listed_entities({value for values in refs.values() for value in values} - {record.id})
    nested: dict[str, list[Any]] = {}
    for name, ids in refs.items():
        entities = [_entity_json(found[i], catalog=catalog) for i in ids if i in found]
        if entities:
            nested[name] = entities
    return nested


def _listed_or_404(entity_id: str) -> public.ListedRecord:
    record = public.listed_entity(entity_id)
    if record is None:
        raise HttpError(404, f"entity_id: no current listed entity {entity_id!r}")
    return record


@router.get(
    "/entities/{entity_id}",
    auth=roles(*SCREENING_ROLES),
    summary="One listed entity, with its sanctions and related entities nested",
    response={200: dict[str, Any], 304: None, 404: dict[str, Any], 422: dict[str, Any], **AUTH_ERRORS},
)
def entity(request: HttpRequest, entity_id: str, nested: bool = True) -> Any:
    catalog = load_catalog()
    etag = _etag(catalog, request)
    if _not_modified(request, etag):
        return _not_modified_response(etag)
    record = _listed_or_404(entity_id)
    payload = _entity_json(record, catalog=catalog)
    if nested:
        payload["properties"] = dict(payload["properties"]) | _adjacent(record, payload, catalog)
    return _cached(request, payload, etag)


def _page(values: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {
        "results": values[offset : offset + limit],
        "total": {"value": len(values), "relation": "eq"},
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/entities/{entity_id}/adjacent",
    auth=roles(*SCREENING_ROLES),
    summary="The entities adjacent to one entity, by property, each paged",
    response={200: dict[str, Any], 404: dict[str, Any], 422: dict[str, Any], **AUTH_ERRORS},
)
def adjacent(
    request: HttpRequest,
    entity_id: str,
    limit: int = QueryParam(10, ge=0, le=MAX_LIMIT),  # type: ignore[type-arg]
    offset: int = QueryParam(0, ge=0, le=MAX_OFFSET),  # type: ignore[type-arg]
) -> Any:
    catalog = load_catalog()
    record = _listed_or_404(entity_id)
    payload = _entity_json(record, catalog=catalog)
    by_property = _adjacent(record, payload, catalog)
    return {
        "entity": payload,
        "adjacent": {prop: _page(values, limit, offset) for prop, values in sorted(by_property.items())},
    }


@router.get(
    "/entities/{entity_id}/adjacent/{property_name}",
    auth=roles(*SCREENING_ROLES),
    summary="The entities adjacent to one entity through one property, paged",
    response={200: dict[str, Any], 404: dict[str, Any], 422: dict[str, Any], **AUTH_ERRORS},
)
def adjacent_by_property(
    request: HttpRequest,
    entity_id: str,
    property_name: str,
    limit: int = QueryParam(10, ge=0, le=MAX_LIMIT),  # type: ignore[type-arg]
    offset: int = QueryParam(0, ge=0, le=MAX_OFFSET),  # type: ignore[type-arg]
) -> Any:
    catalog = load_catalog()
    record = _listed_or_404(entity_id)
    schema = ftm_model.get(record.schema)
    known = property_name in ADJACENT_PROPERTIES or (
        schema is not None and property_name in schema.properties
    )
    if not known:
        raise HttpError(404, f"property_name: {record.schema} has no property {property_name!r}")
    values = _adjacent(record, _entity_json(record, catalog=catalog), catalog).get(property_name, [])
    return _page(values, limit, offset)


ADJACENT_PROPERTIES = {
    "sanctions",
    "ownershipOwner",
    "ownershipAsset",
    "directorshipDirector",
    "directorshipOrganization",
    "familyPerson",
    "familyRelative",
    "associates",
}


def _relation_property(relation: public.RelatedEntity) -> str:
    """The reverse-property name under which yente nests a linked entity."""
    label = relation.label.casefold()
    if "own" in label:
        return "ownershipOwner" if not relation.outgoing else "ownershipAsset"
    if "direct" in label:
        return "directorshipDirector" if not relation.outgoing else "directorshipOrganization"
    if "family" in label or "relative" in label:
        return "familyPerson" if relation.outgoing else "familyRelative"
    return "associates"


MAX_CHANGES = 10_000


def _cursor(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    try:
        text = base64.urlsafe_b64decode(value.encode("ascii") + b"==").decode("ascii")
        snapshot, position = (int(part) for part in text.split(":"))
    except (ValueError, UnicodeError) as exc:
        raise HttpError(400, "cursor: not a cursor this server gave; start again without it") from exc
    if snapshot < 1 or position < 0:
        raise HttpError(400, "cursor: not a cursor this server gave; start again without it")
    return snapshot, position


def _encode_cursor(after: tuple[int, int]) -> str:
    return base64.urlsafe_b64encode(f"{after[0]}:{after[1]}".encode("ascii")).decode("ascii").rstrip("=")


@router.get(
    "/changes/{dataset}",
    auth=roles(*SCREENING_ROLES),
    summary="Entity ids added, amended or removed since a time, paged to the end (for re-screening)",
    response=RESPONSES,
)
def changes(
    request: HttpRequest,
    dataset: str,
    since: str | None = QueryParam(  # type: ignore[type-arg]
        None, description="ISO date or timestamp: changes imported after it (all when absent)."
    ),
    cursor: str | None = QueryParam(  # type: ignore[type-arg]
        None, description="The previous page's `next_cursor`; the feed has no depth limit."
    ),
    limit: int = QueryParam(1000, ge=1, le=MAX_CHANGES),  # type: ignore[type-arg]
) -> Any:
    """The change feed a re-screening client polls: every entity id a list added (``ADD``), amended (``MOD``) or
    removed (``DEL``) with each snapshot imported after ``since``, in import order. Follow ``next_cursor`` until
    it is null; there is no 10,000 cap (yente's search stops there). Then poll again with ``since`` set to the
    ``until`` of the last page."""
    catalog = load_catalog()
    scope = dataset_scope(catalog, dataset)
    if scope == BELARUS:
        raise HttpError(
            400, "dataset: the change feed is per list or for every list (default), not 'belarus'"
        )
    list_keys = None if scope == "default" else [scope]
    since_text = _since(since, "since")
    moment = datetime.fromisoformat(since_text.replace("Z", "+00:00")) if since_text else None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    page = public.entity_changes(since=moment, list_keys=list_keys, after=_cursor(cursor), limit=limit)
    return {
        "results": [
            {
                "id": change.entity_id,
                "op": change.op,
                "dataset": (catalog.names_of([change.list_key]) or [change.list_key])[0],
                "changed_at": change.changed_at.isoformat(),
                "version": change.version,
            }
            for change in page.changes
        ],
        "next_cursor": _encode_cursor(page.next_after) if page.next_after else None,
        "limit": limit,
        "since": since_text,
        "until": page.until.isoformat() if page.until else None,
    }


@router.get(
    "/catalog",
    auth=roles(*SCREENING_ROLES),
    summary="Loaded lists and their freshness",
    response={200: dict[str, Any], 304: None, 422: dict[str, Any], **AUTH_ERRORS},
)
def catalog(request: HttpRequest) -> Any:
    current = load_catalog()
    etag = f"W/{current.etag()}"
    if _not_modified(request, etag):
        return _not_modified_response(etag)
    datasets: list[dict[str, Any]] = [
        {
            "name": entry.name,
            "title": entry.title,
            "version": entry.version,
            "index_version": INDEX_VERSION,
            "entity_count": entry.entity_count,
            "last_change": entry.last_change.isoformat(),
            "last_export": entry.last_change.isoformat(),
            "updated_at": entry.last_change.isoformat(),
            "load": True,
            "index_current": True,
        }
        for entry in current.lists
    ]
    names = current.names
    newest = max((entry.last_change for entry in current.lists), default=None)
    for name, title in (
        ("default", "Every current list"),
        ("sanctions", "Every current sanctions list"),
        ("all", "Every current list"),
        ("belarus", "Belarus regime designations, every list"),
    ):
        datasets.append(
            {
                "name": name,
                "title": title,
                "children": names,
                "load": True,
                "index_version": INDEX_VERSION,
                "entity_count": sum(entry.entity_count for entry in current.lists)
                if name != "belarus"
                else None,
                "last_change": newest.isoformat() if newest else None,
                "last_export": newest.isoformat() if newest else None,
            }
        )
    payload = {"datasets": datasets, "current": names, "outdated": [], "index_stale": False}
    return _cached(request, payload, etag)


@router.get(
    "/algorithms",
    auth=roles(*SCREENING_ROLES),
    summary="Scoring algorithms on offer",
    response={200: dict[str, Any], **AUTH_ERRORS},
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
    response={200: dict[str, Any], 503: dict[str, Any], **OPEN_ERRORS},
    summary="Readiness: every worker of the service has built its screening index",
)
def readyz(request: HttpRequest) -> Any:
    """200 once the service can screen at once, whichever worker a request reaches; 503 while this process or
    any other worker of the same server still builds its index (this call starts the build in the background
    if nothing has yet). A load balancer sends no traffic until 200."""
    if not public.index_ready() or not warmups_finished():
        public.start_warm_up()
        return Status(503, {"status": "starting"})
    report_ready()
    service = service_readiness()
    workers = {"workers": service.workers, "workers_ready": service.workers_ready}
    if not service.ready:
        return Status(503, {"status": "starting", **workers})
    status = public.index_status()
    return {
        "status": "ok",
        "entities": status["entities"],
        "build_seconds": status["build_seconds"],
        **workers,
    }
