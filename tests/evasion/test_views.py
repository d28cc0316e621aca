"""The pages as an analyst meets them: the ownership picture (an SVG drawn on the server), investigations with
their exports, imports that refuse bad files whole, shipment screening."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from hramada.core.roles import Role
from hramada.evasion import services
from hramada.evasion.models import Dataset, ShipmentScreening

from .conftest import demo_file


def load_demo(by):
    for kind, name in (
        ("shareholdings", "shareholdings.csv"),
        ("vessels", "vessels.csv"),
        ("goods", "goods.csv"),
    ):
        services.import_dataset(
            kind=kind, data=demo_file(name), file_name=name, name=name, source="demo", by=by
        )


def test_entity_page_draws_the_ownership_picture_with_the_path(lists, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    load_demo(client.user)
    page = client.get("/evasion/entities/demo-baltic-bulk/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "BELARUSKALI OAO" in html
    assert "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd" in html


def test_belaruskali_page_shows_its_holdings(lists, staff_client):
    client = staff_client(Role.AUDITOR)
    load_demo(None)
    html = client.get("/evasion/entities/ofac-32746/").content.decode()
    assert "DEMO Potash Trade FZE" in html and "listed by" in html


def test_unknown_entity_is_404(lists, staff_client):
    assert staff_client(Role.SANCTIONS_ANALYST).get("/evasion/entities/nobody/").status_code == 404


def test_investigation_of_a_company_exports_ftm_and_csv(lists, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    load_demo(client.user)
    page = client.get("/evasion/investigate/", {"q": "DEMO Rail Freight"})
    assert "deemed sanctioned" in page.content.decode()
    ftm = client.get("/evasion/investigate/", {"q": "DEMO Rail Freight", "format": "ftm"})
    entities = [json.loads(line) for line in ftm.content.decode().splitlines()]
    schemata = {e["schema"] for e in entities}
    assert "Ownership" in schemata and any(e["id"] in {"ofac-33374", "ofac-33371"} for e in entities)
    csv_text = client.get(
        "/evasion/investigate/", {"q": "DEMO Rail Freight", "format": "csv"}
    ).content.decode()
    assert csv_text.startswith("query,subject,kind,detail,path,entity")


def test_investigation_of_a_vessel_by_imo_shows_its_names(lists, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    load_demo(client.user)
    html = client.get("/evasion/investigate/", {"q": "IMO 9187629"}).content.decode()
    assert "ALPHA" in html and "DEMO NORTHERN STAR" in html


def test_import_page_lists_every_row_error_and_imports_nothing(db, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    upload = SimpleUploadedFile(
        "h.csv", b"owner_id,owned_id,share\nA,B,101\nA,C,x\n", content_type="text/csv"
    )
    page = client.post(
        "/evasion/import/", {"kind": "shareholdings", "name": "n", "source": "s", "file": upload}
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "row 2: 101% is over 100%" in html and "row 3: &#x27;x&#x27; is not a percentage" in html
    assert not Dataset.objects.exists()


def test_auditor_may_read_but_not_import(db, staff_client):
    client = staff_client(Role.AUDITOR)
    assert client.get("/evasion/").status_code == 200
    assert client.get("/evasion/import/").status_code == 403


def test_shipment_screening_page_screens_a_file_and_offers_csv(lists, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    load_demo(client.user)
    upload = SimpleUploadedFile("shipments.csv", demo_file("shipments.csv"), content_type="text/csv")
    page = client.post("/evasion/shipments/", {"file": upload}, follow=True)
    html = page.content.decode()
    assert "2 of 3 shipments flagged" in html
    result_url = page.redirect_chain[-1][0]
    csv_text = client.get(result_url, {"format": "csv"}).content.decode()
    assert "DEMO-001,yes" in csv_text and "DEMO-002,no" in csv_text


def test_malformed_requests_get_answers_not_errors(db, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    assert (
        client.get("/evasion/wallets/", {"address": "0xzz", "currency": "ETH", "hops": "x"}).status_code
        == 200
    )
    assert client.get("/evasion/wallets/", {"address": "0xzz", "currency": "ETH"}).status_code == 200
    assert client.post("/evasion/shipments/", {}).status_code == 200
    assert client.get("/evasion/shipments/999/").status_code == 404


def test_an_aircraft_is_found_by_registration_or_serial_and_shown_on_its_operators_page(lists, staff_client):
    from hramada.evasion import selectors

    client = staff_client(Role.SANCTIONS_ANALYST)
    for query in ("ew301pj", "EW-301PJ", "8057"):
        page = client.get("/evasion/vessels/", {"q": query})
        found = page.content.decode().split('id="found"')[1].split("</section>")[0]
        assert "EW-301PJ" in found and "CRJ-200ER" in found and "8057" in found, query
    [aircraft] = selectors.find_aircraft("EW-301PJ")
    [operator] = aircraft.operators
    assert "BELAVIA" in selectors.world().graph.name(operator).upper()
    html = client.get(f"/evasion/entities/{operator}/").content.decode()
    assert 'id="aircraft"' in html and "EW-301PJ" in html
    assert (
        "EW-301PJ"
        not in client.get("/evasion/vessels/", {"q": "EW-301PX"})
        .content.decode()
        .split('id="found"')[1]
        .split("</section>")[0]
    )


def test_links_and_shipment_parties_are_named_in_the_readers_language(lists, staff_client, settings):
    client = staff_client(Role.SANCTIONS_ANALYST)
    load_demo(client.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "be"
    entity = client.get("/evasion/entities/demo-baltic-bulk/").content.decode()
    assert "<td>доля ў капітале 60%" in entity and "<td>shareholding 60%" not in entity
    assert "(уласнасць)" in entity and "(ownership)" not in entity
    svg = entity[entity.index("<svg") : entity.index("</svg>")]
    assert ">уключана ў спіс<" in svg and ">listed<" not in svg
    assert ">аператар<" in svg and ">operator<" not in svg
    upload = SimpleUploadedFile("shipments.csv", demo_file("shipments.csv"), content_type="text/csv")
    result = client.post("/evasion/shipments/", {"file": upload}, follow=True).content.decode()
    assert "грузаадпраўнік:" in result and "shipper:" not in result
    # the reasons, built by the framework-free screener and stored, are shown in the reader's language too
    assert "лічыцца пад санкцыямі (правіла OFAC 50%)" in result and "deemed sanctioned (OFAC" not in result
    assert "IMO 9187629 у спісе як &#x27;ARTAVIL&#x27;" in result and "is listed as" not in result
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    latest = ShipmentScreening.objects.latest("pk").pk
    english = client.get(f"/evasion/shipments/{latest}/").content.decode()
    assert "deemed sanctioned (OFAC 50% rule)" in english


def test_import_errors_of_the_parsers_are_shown_in_the_readers_language(db, staff_client, settings):
    client = staff_client(Role.SANCTIONS_ANALYST)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    upload = SimpleUploadedFile(
        "h.csv", b"owner_id,owned_id,share\nA,B,101\nA,C,x\nA,A,5\n", content_type="text/csv"
    )
    html = client.post(
        "/evasion/import/", {"kind": "shareholdings", "name": "n", "source": "s", "file": upload}
    ).content.decode()
    assert "строка 2: 101% больше 100%" in html
    assert "строка 3: &#x27;x&#x27; не процент" in html
    assert "строка 4: субъект не может владеть самим собой" in html
    assert "row 2" not in html and not Dataset.objects.exists()


def test_a_merged_list_id_redirects_to_its_entity_and_an_unknown_id_is_the_404_page(
    lists, staff_client, tmp_path
):
    from hramada.evasion import listed
    from hramada.sanctions.services import import_file

    # a second list names the company of OFAC entry 33395 by its registration number: the two merge into one
    # entity, which lives under the other list's id; the OFAC id still leads to it
    company = {
        "id": "by-register-07526946",
        "schema": "Company",
        "properties": {"name": ["Registered company 07526946"], "registrationNumber": ["07526946"]},
    }
    path = tmp_path / "register.ftm.json"
    path.write_text(json.dumps(company) + "\n", encoding="utf-8")
    import_file("ftm_json", path, by=None)
    client = staff_client(Role.AUDITOR)
    data = listed.listed_data()
    assert data.resolve("ofac-33395") == "by-register-07526946"
    merged = sorted((k, v) for k, v in data.aliases.items() if k != v and v in data.nodes)
    assert ("ofac-33395", "by-register-07526946") in merged
    assert ("imo:9187629", data.resolve("ofac-15036")) in merged  # ARTAVIL by its IMO number
    for alias, node in merged:
        page = client.get(f"/evasion/entities/{alias}/")
        assert page.status_code == 302, alias
        assert page["Location"] == f"/evasion/entities/{node}/"
    assert client.get("/evasion/entities/by-register-07526946/").status_code == 200
    for unknown in ("ofac-0", "imo:1234567", "%00", "a/b/../c", "%ED%A0%80", "x" * 3000):
        page = client.get(f"/evasion/entities/{unknown}/")
        assert page.status_code == 404, unknown
        assert "<html" in page.content.decode().lower()
