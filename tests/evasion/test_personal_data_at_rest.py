"""The evasion app's share of the at-rest promise: a raw copy of the database reveals no natural person named in an
uploaded file. An analyst imports a shareholdings CSV and a BODS file naming persons, a TagPack labelling a
person's wallet, and screens a shipment file whose parties are persons; every row of every table is then read with
plain SQL and searched for every name, in any case, as written, JSON-escaped and URL-encoded (the search of
``tests/test_personal_data_at_rest.py``). The pages still show the names, each read through the audited reveal.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib
import json
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, migrations
from django.utils import timezone

from hramada.core.models import AuditEntry
from hramada.core.roles import Role
from hramada.evasion import selectors
from hramada.evasion.models import AddressTag, Dataset, Holding, ShipmentResults, ShipmentScreening
from tests.evasion.test_bods import declaration
from tests.test_personal_data_at_rest import database_dump, find_plaintext

OWNER = "Кастусь Квіткоўскі"
BODS_PERSON = "Ales Kvitkouski"
BODS_SPELLING = "Алесь Квіткоўскі"
SHIPPER = "Tatsiana Kvitkouskaya"
CONSIGNEE = "Янка Квіткоўскі"
TAG_LABEL = "wallet of Mikalai Kvitkouski"
TAG_SOURCE = "tip from a friend of Kvitkouski"
MARKERS = ["Квіткоў", "Kvitkou"]
WALLET = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"


def _shareholdings() -> bytes:
    return (
        "owner_id,owner_name,owner_type,owned_id,owned_name,share\n"
        f"person-0017,{OWNER},person,company-44,Rail Freight Holding UAB,60\n"
        "company-44,Rail Freight Holding UAB,,company-45,Rail Freight Carrier UAB,100\n"
    ).encode()


def _bods() -> bytes:
    """The realistic declaration of the BODS tests, its natural person renamed."""
    text = json.dumps(declaration(), ensure_ascii=False)
    text = text.replace("DEMO Ivan Petrovich Ivanov", BODS_PERSON).replace(
        "DEMO Іван Пятровіч Іваноў", BODS_SPELLING
    )
    assert BODS_PERSON in text and BODS_SPELLING in text
    return text.encode()


def _tagpack() -> bytes:
    return (
        "title: analysts' own tags\ncreator: analyst\ncurrency: BTC\ncategory: user\n"
        f"tags:\n  - address: {WALLET}\n    label: {TAG_LABEL}\n    source: {TAG_SOURCE}\n"
    ).encode()


def _shipments() -> bytes:
    return (
        "shipment_id,shipper,consignee,notify_party,carrier,vessel_name,vessel_imo,port_of_loading,"
        "port_of_discharge,hs_codes,value,currency\n"
        f"S-1,{SHIPPER},{CONSIGNEE},,,,,Klaipeda,Rotterdam,310420,1250000.00,EUR\n"
        f"S-2,{CONSIGNEE},BELARUSKALI OAO,,,,,Gdansk,Riga,3104,85000.00,EUR\n"
    ).encode()


def _import(client, kind: str, file_name: str, data: bytes) -> None:
    upload = SimpleUploadedFile(file_name, data)
    page = client.post("/evasion/import/", {"kind": kind, "name": kind, "source": "test", "file": upload})
    html = page.content.decode()
    assert page.status_code == 302, html[html.find("<main") :][:1500]


def test_no_name_from_an_uploaded_file_is_stored_in_clear(lists, staff_client):
    client = staff_client(Role.SANCTIONS_ANALYST)
    _import(client, "shareholdings", "holdings.csv", _shareholdings())
    _import(client, "bods", "bods.json", _bods())
    _import(client, "tagpack", "tags.yaml", _tagpack())
    page = client.post(
        "/evasion/shipments/", {"file": SimpleUploadedFile("s.csv", _shipments())}, follow=True
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert SHIPPER in html and CONSIGNEE in html and "2 of 2 shipments flagged" not in html
    assert "1 of 2 shipments flagged" in html  # BELARUSKALI OAO is listed
    # an analyst looks a person up by name: the question is screened, not kept
    assert client.get("/evasion/investigate/", {"q": CONSIGNEE}).status_code == 200
    wallet = client.get("/evasion/wallets/", {"address": WALLET}).content.decode()
    assert TAG_LABEL in wallet and TAG_SOURCE in wallet
    hits = find_plaintext(
        database_dump(),
        [OWNER, BODS_PERSON, BODS_SPELLING, SHIPPER, CONSIGNEE, TAG_LABEL, TAG_SOURCE, *MARKERS],
    )
    assert hits == []

    # the people are in the graph by key, not by name; companies keep their names
    names = selectors.world().names()
    assert names["person-0017"] == "person-0017" and names["company-44"] == "Rail Freight Holding UAB"
    assert names["person-director"] == "person-director"
    # each page that showed personal data wrote its read
    reads = list(AuditEntry.objects.filter(action="personal_data.read").values_list("detail", flat=True))
    assert {"field": "results", "purpose": "reading the screened shipments"} in reads
    assert {"field": "label", "purpose": "reading the tags of a traced wallet"} in reads

    # the person's page draws them by key and shows the name only on request, with an audit entry
    page = client.get("/evasion/entities/person-0017/").content.decode()
    assert OWNER not in page and "name (logged)" in page
    page = client.post("/evasion/entities/person-0017/").content.decode()
    assert OWNER in page
    read = AuditEntry.objects.filter(action="personal_data.read").order_by("-pk").first()
    assert read.detail == {
        "field": "person_name",
        "purpose": "reading the name of a person in the ownership data",
    }
    company_page = client.get("/evasion/entities/company-44/").content.decode()
    assert "Rail Freight Holding UAB" in company_page and "(logged)" not in company_page

    # and every sealed value opens to what the file said
    person = Holding.objects.get(owner_key="person-0017")
    assert person.owner_name == "" and person.reveal("person_name", by=None, purpose="test") == OWNER
    assert (
        Holding.objects.filter(owner_key="person-director")
        .first()
        .reveal("person_name", by=None, purpose="test")
        == BODS_PERSON
    )
    company = Holding.objects.get(owner_key="company-44")
    assert company.owner_name == "Rail Freight Holding UAB" and company.person_name == ""
    results = selectors.shipment_results(ShipmentScreening.objects.get(), by=None, purpose="test")
    assert results[0]["parties"]["shipper"] == SHIPPER
    assert AddressTag.objects.get().reveal("source", by=None, purpose="test") == TAG_SOURCE


class _BeforeTheMigration:
    """The app registry as 0003 sees it, but for the results column it removes (gone from today's table): the
    screenings' results in clear, as an earlier version stored them."""

    def __init__(self, results: dict[int, Any]) -> None:
        self.results = results

    def get_model(self, app_label: str, model_name: str) -> Any:
        if model_name != "ShipmentScreening":
            return apps.get_model(app_label, model_name)
        old = SimpleNamespace(
            using=lambda alias: old,
            values_list=lambda *names: old,
            iterator=lambda: iter(self.results.items()),
        )
        return SimpleNamespace(_base_manager=old)


def test_the_migration_seals_rows_written_in_clear_before(db):
    """What 0003 does to rows an earlier version wrote: results, tags and a person's name in clear become sealed."""
    migration = importlib.import_module("hramada.evasion.migrations.0003_sealed_personal_data")
    dataset = Dataset.objects.create(
        kind="shareholdings",
        name="old",
        source="s",
        file_name="h.csv",
        sha256="0" * 64,
        imported_at=timezone.now(),
    )
    person = Holding.objects.create(dataset=dataset, owner_key="p1", owner_schema="Person", owned_key="c1")
    company = Holding.objects.create(
        dataset=dataset, owner_key="c2", owner_name="Old Company", owned_key="c1"
    )
    screening = ShipmentScreening.objects.create(
        file_name="s.csv", sha256="1" * 64, screened_at=timezone.now()
    )
    tag = AddressTag.objects.create(dataset=dataset, address=WALLET, currency="XBT", label="placeholder")
    old_results = [
        {"row": 2, "parties": {"shipper": SHIPPER}, "reasons": [{"detail": f"'{SHIPPER}' matches"}]}
    ]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE evasion_holding SET owner_name = %s WHERE id = %s", [OWNER, person.pk])
        cursor.execute(
            "UPDATE evasion_addresstag SET label = %s, source = %s WHERE id = %s",
            [TAG_LABEL, TAG_SOURCE, tag.pk],
        )

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection  # type: ignore[attr-defined]
    for _twice in range(2):  # a second run leaves sealed values as they are
        for operation in migration.Migration.operations:
            if isinstance(operation, migrations.RunPython):
                operation.code(_BeforeTheMigration({screening.pk: old_results}), editor)

    assert find_plaintext(database_dump(), [OWNER, SHIPPER, TAG_LABEL, TAG_SOURCE, *MARKERS]) == []
    person.refresh_from_db()
    assert person.owner_name == "" and person.reveal("person_name", by=None, purpose="test") == OWNER
    company.refresh_from_db()
    assert company.owner_name == "Old Company" and company.person_name == ""
    assert selectors.shipment_results(screening, by=None, purpose="test") == old_results
    assert ShipmentResults.objects.filter(screening=screening).count() == 1
    tag.refresh_from_db()
    assert tag.reveal("label", by=None, purpose="test") == TAG_LABEL
    assert tag.reveal("source", by=None, purpose="test") == TAG_SOURCE
