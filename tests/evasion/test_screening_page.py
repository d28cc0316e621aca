"""The sanctions screening page shows what the evasion app knows beyond the names on the lists (issue #18: "an
entity covered this way is deemed sanctioned in screening results, with the path"; "addresses in screening
queries ... checked the same way"), through core.screening_notes: the sanctions app still knows no other app."""

from __future__ import annotations

from typing import Any

import pytest

from hramada.core.roles import Role
from hramada.evasion import demo, services
from hramada.evasion.models import Dataset
from hramada.sanctions.live_index import reset_screening_index

from .conftest import demo_file

PATH = "BELARUSKALI OAO → 100% → DEMO Potash Trade FZE → 60% → DEMO Baltic Bulk Shipping Ltd"
LISTED_XBT = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"


@pytest.fixture
def screening(lists: None, staff_client: Any) -> Any:
    from hramada.evasion import public

    reset_screening_index()
    public.forget()
    client = staff_client(Role.SANCTIONS_ANALYST)
    for kind, name, data in (
        (Dataset.Kind.SHAREHOLDINGS, "shareholdings.csv", demo_file("shareholdings.csv")),
        (Dataset.Kind.TRANSFERS, "transfers.csv", demo.demo_transfers()),
    ):
        services.import_dataset(
            kind=kind, data=data, file_name=name, name=name, source="test", by=client.user
        )

    def screen(name: str, identifiers: str = "", language: str = "en") -> str:
        page = client.post(
            "/screening/",
            {"name": name, "schema": "LegalEntity", "identifiers": identifiers, "profile": "investigation"},
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert page.status_code == 200
        return page.content.decode()

    yield screen
    reset_screening_index()
    public.forget()


def test_a_company_no_list_names_is_shown_deemed_sanctioned_with_its_path(screening):
    # the fixture's list is OFAC's: Belaruskali seeds the OFAC rule (the EU rule's seeds are EU-listed parties)
    html = screening("Demo Baltic Bulk Shipping Ltd.")
    assert "Beyond the names on the lists" in html
    assert "Deemed sanctioned: OFAC 50 Percent Rule" in html
    assert PATH in html
    assert 'href="/evasion/entities/demo-baltic-bulk/"' in html


def test_a_company_held_below_fifty_percent_is_not_deemed_sanctioned(screening):
    html = screening("DEMO Ground Handling LLC")  # Belavia holds 40%: neither rule covers it
    assert "Deemed sanctioned" not in html


def test_the_notes_are_in_the_readers_language(screening):
    be = screening("Demo Baltic Bulk Shipping Ltd.", language="be")
    ru = screening("Demo Baltic Bulk Shipping Ltd.", language="ru")
    assert "Лічацца пад санкцыямі: правіла 50 працэнтаў OFAC" in be and "Акрамя імёнаў у спісах" in be
    assert "Помимо имён в списках" in ru and PATH in ru


def test_a_wallet_address_given_as_an_identifier_is_traced_to_the_listed_one(screening):
    html = screening("Customer", identifiers=demo.demo_address("demo-customer"))
    assert "Wallet address" in html
    assert f"{LISTED_XBT} → 1.75 XBT → " in html
    assert "funds received from it, 3 transfer(s)" in html


def test_a_listed_wallet_and_a_mistyped_one_each_get_their_answer(screening):
    listed = screening("Someone", identifiers=LISTED_XBT)
    assert f"{LISTED_XBT} is a listed address of" in listed
    mistyped = screening("Someone", identifiers=LISTED_XBT[:-1] + "j")
    assert "checksum does not match" in mistyped


def test_a_failing_source_costs_the_notes_not_the_list_matches(screening, monkeypatch):
    from hramada.core import screening_notes

    def broken(name, identifiers, entity_ids):
        raise RuntimeError("the ownership store is down")

    monkeypatch.setitem(screening_notes._sources, "evasion", broken)
    html = screening("BELARUSKALI OAO")
    assert "BELARUSKALI" in html and "Deemed sanctioned" not in html
