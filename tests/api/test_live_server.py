"""Every documented behaviour of the yente-dialect API (issue #14), driven over HTTP against a real running server:
gunicorn with two workers, as `make run` serves, on a throw-away SQLite installation, with plain `requests` and with
the `yente-client` package. Not the Django test client: routing, headers, status codes, conditional requests and
the readiness of every worker are what a client on the network sees.

The data are imported as a user imports them: the EU Belarus journal list, and yente's own zala fixture as an FtM
file, twice (a second version that drops, amends and adds entities, for the change feed).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
ZALA = DATA / "ftm" / "yente-zala-entities.ftm.json"
OSETROVA = "NK-2Tbri3s6GgNtAwsSXh4qpL"
PERSON = {"schema": "Person", "properties": {"name": ["Maria Aleksandrovna Osetrova"]}}
WORKERS = 2

SETUP = """
import json, sys
from pathlib import Path
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from hramada.core.models import ApiKey, RoleGrant, User
from hramada.core.roles import Role
from hramada.sanctions.models import Snapshot
from hramada.sanctions.services import import_file
data, second = Path(sys.argv[1]), Path(sys.argv[2])
import_file("eu_journal", data / "sanctions/eu/journal/32006R0765.csv", by=None)
import_file("ftm_json", data / "ftm/yente-zala-entities.ftm.json", by=None, dataset="zala")
first_import = Snapshot.objects.order_by("-imported_at").first().imported_at
import_file("ftm_json", second, by=None, dataset="zala")
user = User.objects.create_user(username="live", password="live server password 1")
RoleGrant.objects.create(user=user, role=Role.SANCTIONS_ANALYST)
_, raw = ApiKey.issue(owner=user, name="live server test")
print(json.dumps({"key": raw, "first_import": first_import.isoformat()}))
"""


@dataclass(frozen=True)
class Server:
    base: str
    key: str
    first_import: str
    dropped: str
    amended: str
    added: str

    def url(self, path: str) -> str:
        return f"{self.base}/api/yente{path}"

    def get(self, path: str, params: Any = None, **headers: str) -> requests.Response:
        return requests.get(self.url(path), params=params, headers=self._headers(headers), timeout=60)

    def post(self, path: str, params: Any = None, **kwargs: Any) -> requests.Response:
        headers = self._headers(kwargs.pop("headers", {}))
        return requests.post(self.url(path), params=params, headers=headers, timeout=60, **kwargs)

    def match(self, query: dict[str, Any], dataset: str = "default", **params: Any) -> requests.Response:
        return self.post(f"/match/{dataset}", params, json={"queries": {"q": query}})

    def results(self, query: dict[str, Any], dataset: str = "default", **params: Any) -> list[dict[str, Any]]:
        response = self.match(query, dataset, **params)
        assert response.status_code == 200, response.text
        return list(response.json()["responses"]["q"]["results"])

    def _headers(self, extra: dict[str, str]) -> dict[str, str]:
        return {"Authorization": f"ApiKey {self.key}", **extra}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _second_version(folder: Path) -> tuple[Path, str, str, str]:
    """zala without one company, one company amended, one person added."""
    entities = [json.loads(line) for line in ZALA.read_text(encoding="utf-8").splitlines() if line.strip()]
    companies = [e for e in entities if e["schema"] == "Company"]
    dropped, amended = companies[0]["id"], companies[1]["id"]
    out = []
    for entity in entities:
        if entity["id"] == dropped:
            continue
        if entity["id"] == amended:
            entity = {**entity, "properties": {**entity["properties"], "website": ["https://example.org/"]}}
        out.append(entity)
    out.append({"id": "zala-live-new", "schema": "Person", "properties": {"name": ["Ivan Testovich Novy"]}})
    path = folder / "zala-2.ftm.json"
    path.write_text("\n".join(json.dumps(e) for e in out) + "\n", encoding="utf-8")
    return path, dropped, amended, "zala-live-new"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not ZALA.exists():
        pytest.skip(f"reference data missing at {DATA}")
    folder = tmp_path_factory.mktemp("live-server")
    env = {
        **os.environ,
        "HRAMADA_VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'live.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "hramada.settings.base",
        "PYTHONPATH": str(ROOT / "src"),
    }
    env.pop("HRAMADA_READINESS_DIR", None)
    second, dropped, amended, added = _second_version(folder)
    subprocess.run(
        [sys.executable, "manage.py", "generate_keys"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    done = subprocess.run(
        [sys.executable, "-c", SETUP, str(DATA), str(second)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    )
    setup = json.loads(done.stdout.strip().splitlines()[-1])
    port = _free_port()
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hramada.wsgi:application", "--config", "python:hramada.gunicorn_conf",
         "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--threads", "2", "--log-level", "warning",
         "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    live = Server(f"http://127.0.0.1:{port}", setup["key"], setup["first_import"], dropped, amended, added)
    try:
        started = time.monotonic()
        while time.monotonic() - started < 300:
            assert web.poll() is None, "gunicorn stopped"
            try:
                if requests.get(live.url("/readyz"), timeout=30).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass  # not listening yet, or a worker busy building its index
            time.sleep(0.5)
        else:
            raise AssertionError("the server never became ready")
        yield live
    finally:
        web.terminate()
        web.wait(timeout=60)


# --- readiness and health ---------------------------------------------------------------------------------


def test_readyz_is_green_only_with_every_worker_ready(server: Server) -> None:
    for _ in range(WORKERS * 3):  # whichever worker answers, it speaks for the service
        body = requests.get(server.url("/readyz"), timeout=10).json()
        assert body["status"] == "ok" and body["workers"] == WORKERS and body["workers_ready"] == WORKERS
        assert body["entities"] > 0
    assert requests.get(server.url("/healthz"), timeout=10).json() == {"status": "ok"}


def test_every_operation_refuses_a_caller_without_a_key(server: Server) -> None:
    for method, path in [("get", "/catalog"), ("get", "/search/default?q=x"), ("post", "/match/default")]:
        response = requests.request(method, server.url(path), json={"queries": {}}, timeout=10)
        assert response.status_code == 401, (path, response.text)
    wrong = requests.get(server.url("/catalog"), headers={"Authorization": "ApiKey nope"}, timeout=10)
    assert wrong.status_code == 401


# --- 1. unknown datasets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("dataset", ["no_such_list", "ftm_json", "eu_journal"])
def test_an_unknown_dataset_or_an_internal_key_is_a_404_everywhere(server: Server, dataset: str) -> None:
    assert server.match(PERSON, dataset).status_code == 404
    assert server.get(f"/search/{dataset}", {"q": "Osetrova"}).status_code == 404
    assert server.get(f"/reconcile/{dataset}").status_code == 404
    assert server.get(f"/changes/{dataset}").status_code == 404


# --- 2. dataset names --------------------------------------------------------------------------------------


def test_datasets_carry_the_names_users_know(server: Server) -> None:
    from followthemoney.dataset.util import dataset_name_check

    catalog = server.get("/catalog").json()
    assert set(catalog["current"]) == {"eu_journal_belarus", "zala"}
    for entry in catalog["datasets"]:
        assert dataset_name_check(entry["name"]) == entry["name"]
    assert {"default", "sanctions"} <= {entry["name"] for entry in catalog["datasets"]}
    found = server.results(PERSON, "zala")
    assert found and all(r["datasets"] == ["zala"] for r in found)
    assert all("zala" not in r["datasets"] for r in server.results(PERSON, "eu_journal_belarus"))


# --- 3. property values as yente takes them ----------------------------------------------------------------


def test_single_values_and_numbers_are_accepted_and_the_query_echoed_cleaned(server: Server) -> None:
    query = {
        "schema": "Person",
        "properties": {"name": "Maria Aleksandrovna Osetrova", "country": "Russia", "birthDate": [1988]},
    }
    response = server.match(query)
    assert response.status_code == 200, response.text
    answer = response.json()["responses"]["q"]
    assert answer["results"][0]["id"] == OSETROVA
    assert answer["query"]["properties"]["country"] == ["ru"]
    assert answer["query"]["properties"]["birthDate"] == ["1988"]


@pytest.mark.parametrize("typed", ["alexandervyacheslavovichzakharov", "mariaosetrova"])
def test_a_name_written_without_spaces_finds_the_person(server: Server, typed: str) -> None:
    found = server.results({"schema": "Person", "properties": {"name": [typed]}})
    assert found and found[0]["match"]
    assert "".join(found[0]["caption"].split()).casefold().startswith(typed[:5])


def test_bad_query_bodies_are_a_4xx_naming_the_field(server: Server) -> None:
    no_name = server.match({"schema": "Person", "properties": {"country": ["ru"]}})
    assert no_name.status_code == 400 and "properties.name" in no_name.json()["detail"]
    bad_date = server.match(
        {"schema": "Person", "properties": {"name": ["X Y"], "birthDate": ["1800-13-45"]}}
    )
    assert bad_date.status_code == 400 and "birthDate" in bad_date.json()["detail"]
    not_json = server.post("/match/default", data="{", headers={"Content-Type": "application/json"})
    assert 400 <= not_json.status_code < 500
    empty = server.post("/match/default", json={"queries": {}})
    assert empty.status_code == 400 and "queries" in empty.json()["detail"]


# --- 4. every documented parameter works or is refused -----------------------------------------------------


def test_match_limit_threshold_and_cutoff(server: Server) -> None:
    query = {"schema": "Person", "properties": {"name": ["Zakharov"]}}
    assert len(server.results(query, limit=1)) == 1
    assert len(server.results(query, limit=3)) <= 3
    strict = server.results(PERSON, threshold=1.0)
    assert strict and not any(r["match"] for r in strict if r["score"] < 1.0)
    assert all(r["score"] >= 0.9 for r in server.results(query, cutoff=0.9))
    for params, field in [({"threshold": 7}, "threshold"), ({"cutoff": -1}, "cutoff")]:
        response = server.match(PERSON, **params)
        assert response.status_code == 400 and field in response.json()["detail"]
    assert server.match(PERSON, limit=0).status_code == 422
    assert server.match(PERSON, limit=501).status_code == 422


def test_match_algorithms_and_matcher_config(server: Server) -> None:
    offered = server.get("/algorithms").json()
    names = [a["name"] for a in offered["algorithms"]]
    assert offered["default"] in names and all(a["description"] for a in offered["algorithms"])
    assert server.match(PERSON, algorithm=offered["default"]).status_code == 200
    assert server.match(PERSON, algorithm="logic-v2").status_code == 200
    unknown = server.match(PERSON, algorithm="magic")
    assert unknown.status_code == 400 and "algorithm" in unknown.json()["detail"]
    config = server.post(
        "/match/default", json={"queries": {"q": PERSON}, "config": {"nm_number_mismatch": 0.3}}
    )
    assert config.status_code == 400 and "nm_number_mismatch" in config.json()["detail"]


def test_match_dataset_schema_topic_and_entity_filters(server: Server) -> None:
    everything = [r["id"] for r in server.results(PERSON)]
    assert OSETROVA in everything
    assert server.results(PERSON, exclude_dataset="zala") == []
    assert [r["id"] for r in server.results(PERSON, include_dataset="zala")] == everything
    assert server.results(PERSON, exclude_schema="Person") == []
    assert [r["id"] for r in server.results(PERSON, topics="debarment")] == everything
    assert server.results(PERSON, topics="poi.no.such.topic") == []
    assert OSETROVA not in [r["id"] for r in server.results(PERSON, exclude_entity_ids=OSETROVA)]
    assert server.match(PERSON, include_dataset="nope").status_code == 400
    assert server.match(PERSON, exclude_schema="Banana").status_code == 400


def test_search_without_q_browses_with_facets_and_paging(server: Server) -> None:
    body = server.get("/search/zala", {"limit": 5}).json()
    # the second zala file: 10 companies (one dropped) and 7 people (one added)
    assert len(body["results"]) == 5 and body["total"]["value"] == 17
    counts = {v["name"]: v["count"] for v in body["facets"]["schema"]["values"]}
    assert counts == {"Company": 10, "Person": 7}
    assert {v["name"] for v in body["facets"]["datasets"]["values"]} == {"zala"}
    assert body["facets"]["topics"]["values"] and "countries" in body["facets"]
    second = server.get("/search/zala", {"limit": 5, "offset": 5}).json()
    assert not {r["id"] for r in second["results"]} & {r["id"] for r in body["results"]}
    assert server.get("/search/zala", {"limit": 0}).json()["results"] == []
    only = server.get("/search/default", {"facets": "schema"}).json()["facets"]
    assert set(only) == {"schema"}


def test_search_filters_and_sorting(server: Server) -> None:
    assert server.get("/search/zala", {"schema": "Person"}).json()["total"]["value"] == 7
    companies = server.get("/search/default", {"exclude_schema": "Person", "datasets": "zala"}).json()
    assert companies["total"]["value"] == 10
    assert (
        server.get("/search/default", {"include_dataset": "zala", "schema": "Person"}).json()["total"][
            "value"
        ]
        == 7
    )
    assert server.get("/search/zala", {"exclude_dataset": "zala"}).json()["total"]["value"] == 0
    russians = server.get("/search/zala", {"countries": "ru", "schema": "Person"}).json()
    assert russians["total"]["value"] >= 1
    debarred = server.get("/search/zala", {"topics": "debarment"}).json()["total"]["value"]
    assert 0 < debarred < 17
    by_birth = server.get("/search/zala", {"filter": "birthDate:1988-01-07"}).json()
    assert [r["id"] for r in by_birth["results"]] == [OSETROVA]
    both = server.get(
        "/search/zala", {"filter": ["birthDate:1988-01-07", "country:ru"], "filter_op": "AND"}
    ).json()
    assert [r["id"] for r in both["results"]] == [OSETROVA]
    captions = [
        r["caption"]
        for r in server.get("/search/zala", {"sort": "caption:desc", "limit": 50}).json()["results"]
    ]
    assert captions == sorted(captions, key=str.casefold, reverse=True)
    found = server.get("/search/default", {"q": "Осетрова"}).json()["results"]
    assert found and found[0]["id"] == OSETROVA and found[0]["score"] > 0


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"limit": 501}, 422, "limit"),
        ({"limit": -1}, 422, "limit"),
        ({"offset": -1}, 422, "offset"),
        ({"offset": 9500}, 422, "offset"),
        ({"filter_op": "XOR"}, 422, "filter_op"),
        ({"changed_since": "soon"}, 422, "changed_since"),
        ({"facets": "colour"}, 400, "facets"),
        ({"sort": "shoe_size"}, 400, "sort"),
        ({"schema": "Banana"}, 400, "schema"),
        ({"filter": "nocolon"}, 400, "filter"),
        ({"datasets": "nope"}, 400, "datasets"),
    ],
)
def test_search_refuses_what_it_does_not_understand_naming_it(
    server: Server, params: dict[str, Any], status: int, field: str
) -> None:
    response = server.get("/search/default", {"q": "Osetrova", **params})
    assert response.status_code == status, (params, response.text)
    assert field in response.text


# --- 5. entities, nesting and adjacency --------------------------------------------------------------------


def _zakharov(server: Server) -> str:
    found = server.get("/search/zala", {"q": "Alexander Vyacheslavovich Zakharov"}).json()["results"]
    return str(found[0]["id"])


def test_entities_nest_sanctions_and_links_unless_asked_not_to(server: Server) -> None:
    entity_id = _zakharov(server)
    nested = server.get(f"/entities/{entity_id}").json()
    sanctions = nested["properties"]["sanctions"]
    assert len(sanctions) == 13 and all(
        s["schema"] == "Sanction" and s["datasets"] == ["zala"] for s in sanctions
    )
    assert {"first_seen", "last_seen", "referents"} <= set(nested)
    [address] = nested["properties"]["addressEntity"]
    assert address["schema"] == "Address" and "Pushkinskaya" in address["caption"]
    flat = server.get(f"/entities/{entity_id}", {"nested": "false"}).json()
    assert "sanctions" not in flat["properties"] and flat["properties"]["addressEntity"] == [address["id"]]
    assert server.get("/entities/no-such-entity").status_code == 404


def test_ownership_and_family_links_nest_in_both_directions(server: Server) -> None:
    linked = {}
    for result in server.get("/search/zala", {"limit": 50}).json()["results"]:
        props = server.get(f"/entities/{result['id']}").json()["properties"]
        for prop in ("ownershipOwner", "ownershipAsset", "familyPerson", "familyRelative"):
            for other in props.get(prop, []):
                linked.setdefault(prop, set()).add((result["id"], other["id"]))
    assert linked.get("ownershipOwner") and linked.get("ownershipAsset")
    # an owner's asset lists the owner back
    owner_side = {(owned, owner) for owner, owned in linked["ownershipAsset"]}
    assert owner_side & linked["ownershipOwner"]


def test_adjacent_entities_by_property_paged(server: Server) -> None:
    entity_id = _zakharov(server)
    body = server.get(f"/entities/{entity_id}/adjacent", {"limit": 5}).json()
    assert body["entity"]["id"] == entity_id
    assert (
        body["adjacent"]["sanctions"]["total"]["value"] == 13
        and len(body["adjacent"]["sanctions"]["results"]) == 5
    )
    page = server.get(f"/entities/{entity_id}/adjacent/sanctions", {"limit": 5, "offset": 10}).json()
    assert len(page["results"]) == 3 and page["offset"] == 10
    assert server.get(f"/entities/{entity_id}/adjacent/shoeSize").status_code == 404
    assert server.get("/entities/no-such-id/adjacent").status_code == 404
    assert server.get(f"/entities/{entity_id}/adjacent", {"limit": 501}).status_code == 422


# --- 6. catalog and caching --------------------------------------------------------------------------------


def test_catalog_gives_versions_counts_and_times(server: Server) -> None:
    zala = next(d for d in server.get("/catalog").json()["datasets"] if d["name"] == "zala")
    for field in ("title", "version", "index_version", "entity_count", "last_change", "last_export"):
        assert zala[field], field
    assert zala["entity_count"] > 0


@pytest.mark.parametrize("path", ["/catalog", "/search/zala?q=Osetrova", f"/entities/{OSETROVA}"])
def test_responses_carry_etag_and_cache_control_and_a_conditional_request_gets_304(
    server: Server, path: str
) -> None:
    first = server.get(path)
    assert first.status_code == 200 and first.headers["ETag"] and "max-age" in first.headers["Cache-Control"]
    again = server.get(path, **{"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    other = server.get(path, **{"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200


# --- 7. changes --------------------------------------------------------------------------------------------


def test_changed_since_on_match_and_search(server: Server) -> None:
    assert server.results(PERSON, changed_since="2999-01-01") == []
    assert [r["id"] for r in server.results(PERSON, changed_since="2000-01-01")][:1] == [OSETROVA]
    # the lists' own last_change, as yente compares it
    browsed = server.get("/search/zala", {"limit": 50}).json()["results"]
    stamps = sorted({r["last_change"] for r in browsed if r["last_change"]})
    assert len(stamps) >= 2
    newer = server.get("/search/zala", {"changed_since": stamps[-1], "limit": 50}).json()["results"]
    assert newer and {r["id"] for r in newer} == {
        r["id"] for r in browsed if (r["last_change"] or "") >= stamps[-1]
    }
    assert server.match(PERSON, changed_since="yesterday").status_code == 422


def test_the_change_feed_pages_every_changed_id_to_its_end(server: Server) -> None:
    feed: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        params = {"since": server.first_import, "limit": 1, **({"cursor": cursor} if cursor else {})}
        body = server.get("/changes/zala", params).json()
        feed.extend(body["results"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert {(c["id"], c["op"]) for c in feed} == {
        (server.dropped, "DEL"),
        (server.amended, "MOD"),
        (server.added, "ADD"),
    }
    whole = server.get("/changes/default", {"limit": 10_000}).json()
    assert whole["next_cursor"] is None and len(whole["results"]) > 100  # every import from the first
    assert server.get("/changes/default", {"since": whole["until"]}).json()["results"] == []
    assert server.get("/changes/default", {"cursor": "rubbish"}).status_code == 400
    assert server.get("/changes/default", {"since": "soon"}).status_code == 422


# --- 8. OpenRefine reconciliation --------------------------------------------------------------------------


def test_reconciliation_manifest_queries_extend_and_suggestions(server: Server) -> None:
    manifest = server.get("/reconcile/default").json()
    assert manifest["versions"] and manifest["suggest"]["entity"] and manifest["extend"]["propose_properties"]
    queries = {
        "q0": {
            "query": "Maria Osetrova",
            "type": "Person",
            "properties": [{"pid": "country", "v": "Russia"}],
        },
        "q1": {"query": "Nobody Atall Nowhere", "type": "Person"},
    }
    answer = server.post("/reconcile/default", data={"queries": json.dumps(queries)}).json()
    assert answer["q0"]["result"][0]["id"] == OSETROVA and answer["q0"]["result"][0]["match"]
    assert not any(r["match"] for r in answer["q1"]["result"])
    extend = {"ids": [OSETROVA], "properties": [{"id": "birthDate"}, {"id": "country"}]}
    rows = server.post("/reconcile/zala", data={"extend": json.dumps(extend)}).json()["rows"][OSETROVA]
    assert rows["birthDate"] == [{"str": "1988-01-07"}] and rows["country"]
    entities = server.get("/reconcile/zala/suggest/entity", {"prefix": "osetrova"}).json()["result"]
    assert [e["id"] for e in entities] == [OSETROVA]
    assert (
        server.get("/reconcile/zala/suggest/type", {"prefix": "pers"}).json()["result"][0]["id"] == "Person"
    )
    assert server.get("/reconcile/zala/suggest/property", {"prefix": "birth"}).json()["result"]
    proposed = server.get("/reconcile/zala/extend/property", {"type": "Person"}).json()["properties"]
    assert "birthDate" in {p["id"] for p in proposed}
    bad = server.post("/reconcile/default", data={"queries": "{"})
    assert bad.status_code == 400 and "queries" in bad.json()["detail"]
    assert server.get("/reconcile/zala/extend/property", {"type": "Banana"}).status_code == 400


# --- the OpenAPI description --------------------------------------------------------------------------------


def test_the_openapi_description_documents_every_parameter() -> None:
    from hramada.api.urls import api

    paths = api.get_openapi_schema()["paths"]
    match_params = {p["name"] for p in paths["/api/yente/match/{dataset}"]["post"]["parameters"]}
    assert {"limit", "threshold", "cutoff", "algorithm", "include_dataset", "exclude_dataset", "exclude_schema",
            "topics", "changed_since", "exclude_entity_ids"} <= match_params  # fmt: skip
    search_params = {p["name"] for p in paths["/api/yente/search/{dataset}"]["get"]["parameters"]}
    assert {"q", "schema", "exclude_schema", "countries", "topics", "datasets", "include_dataset",
            "exclude_dataset", "changed_since", "filter", "filter_op", "facets", "sort", "limit",
            "offset"} <= search_params  # fmt: skip
    change_params = {p["name"] for p in paths["/api/yente/changes/{dataset}"]["get"]["parameters"]}
    assert {"since", "cursor", "limit"} <= change_params


# --- the yente-client package ------------------------------------------------------------------------------


def test_yente_client_works_unchanged_against_the_running_server(server: Server) -> None:
    from yente_client import Client as YenteClient
    from yente_client.entities import Person

    with YenteClient(base_url=f"{server.base}/api/yente", api_key=server.key) as yente:
        assert yente.healthz().status == "ok"
        assert "zala" in yente.datasets().current
        response = yente.match(Person(name=["Maria Aleksandrovna Osetrova"], country=["ru"]))
        assert response.top is not None and response.top.id == OSETROVA and response.top.match
        assert yente.fetch(OSETROVA).id == OSETROVA
        found = yente.search("Мария Осетрова")
        assert found.results and found.results[0].id == OSETROVA
